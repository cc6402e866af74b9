"""Benchmarks for jobtrends (`python -m bench.run`, `make bench`); see docs/scaling.md."""
