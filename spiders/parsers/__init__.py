"""Pure parsers, one module per source kind: payload in, list[Posting] out, no IO."""
