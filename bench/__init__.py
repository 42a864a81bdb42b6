"""Benchmarks of dlviz (run with ``python -m bench``); they print tables and assert nothing."""
