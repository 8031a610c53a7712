"""Ulinzi's tests (pytest) and benchmarks (`python -m tests.benchmarks`)."""
