"""Benchmarks: `make bench` (or `python -m bench`). Timings belong here, never in tests."""
