"""`ulinzi --help` says first how to open the window (the demo, another store), then the
commands."""

from __future__ import annotations

from tests.conftest import run_cli


def test_help_says_how_to_open_the_window_before_listing_the_commands():
    shown = run_cli("--help")
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout
    assert "ulinzi --demo" in text and "ulinzi --store DIR" in text
    assert text.index("--demo") < text.index("create a new store for an agency")
    demo_line = next(line for line in text.splitlines() if "ulinzi --demo" in line)
    assert "demo store" in demo_line  # each with a one-line explanation
