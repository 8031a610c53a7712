"""Benchmarks, run with `python -m tests.benchmarks` (the issue's goals on the real paths; see
`__main__`), and the detailed ones beside it: `.workflow`, `.documents`, `.exchange`, `.audit`.
The files are not named `test_*.py`: pytest does not collect them (`tests/test_benchmarks.py`
runs the suite at a tiny size, so its code cannot rot)."""
