"""Benchmarks: `python -m bench` runs them all and prints one line per target."""
