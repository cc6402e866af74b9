"""The order of a posting's mention list: by start offset, then slug.

The matcher writes its mentions in this order, and every step that adds mentions (clause
frames, parent skills) sorts the list back into it. An itemgetter: C-level, unlike a lambda.
"""

from __future__ import annotations

from operator import itemgetter

MENTION_ORDER = itemgetter("start", "slug")
