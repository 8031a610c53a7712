"""Results: what was measured, the table printed at the end, the JSON file and the machine."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import sqlcipher3

GOAL_RATIO = 1.3


@dataclass
class Result:
    """One benchmark: samples in seconds for each side, summarised by their median or their sum."""

    key: str
    label: str
    encrypted: list[float]
    plain: list[float]
    goal: float | None = GOAL_RATIO  # None: the goal does not apply (unlocking)
    summary: str = "median"  # or "total"
    details: dict[str, Any] = field(default_factory=dict)

    def _summarise(self, samples: list[float]) -> float:
        return sum(samples) if self.summary == "total" else statistics.median(samples)

    @property
    def encrypted_s(self) -> float:
        return self._summarise(self.encrypted)

    @property
    def plain_s(self) -> float:
        return self._summarise(self.plain)

    @property
    def ratio(self) -> float:
        return self.encrypted_s / self.plain_s if self.plain_s else float("inf")

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.ratio <= self.goal

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "summary": self.summary,
            "encrypted_s": self.encrypted_s,
            "plain_s": self.plain_s,
            "ratio": self.ratio,
            "goal_ratio": self.goal,
            "goal_met": self.met,
            "samples_s": {"encrypted": self.encrypted, "plain": self.plain},
            "details": self.details,
        }


def format_seconds(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        ms = seconds * 1e3
        return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms" if ms < 100 else f"{ms:.0f} ms"
    return f"{seconds:.2f} s"


def table(results: list[Result]) -> str:
    header = ("benchmark", "encrypted", "plain", "ratio", "goal")
    rows = [
        (
            r.label,
            format_seconds(r.encrypted_s),
            format_seconds(r.plain_s),
            f"{r.ratio:.2f}×" + (" !" if r.met is False else ""),
            "n/a" if r.goal is None else f"≤{r.goal:g}×",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        first = row[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))
        return "  ".join((first, *rest))

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def _filesystem_of(path: Path) -> str:
    """The mount type under `path` (fsync costs differ on tmpfs), best effort, Linux only."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "?"
    best, kind = "", "?"
    resolved = str(path.resolve())
    for mount in mounts:
        parts = mount.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


def machine_info() -> dict[str, Any]:
    conn = sqlcipher3.connect(":memory:")
    try:
        cipher_version = conn.execute("PRAGMA cipher_version").fetchone()[0]
        conn.execute("PRAGMA key = 'benchmark'")  # the provider is only reported once keyed
        provider = conn.execute("PRAGMA cipher_provider_version").fetchone()
    finally:
        conn.close()
    tmp = Path(tempfile.gettempdir())
    try:
        usable_cpus: int | None = len(os.sched_getaffinity(0))
    except AttributeError:
        usable_cpus = None
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "usable_cpus": usable_cpus,
        "sqlcipher_cipher_version": cipher_version,
        "sqlcipher_provider": provider[0] if provider else "?",
        "sqlcipher_sqlite_version": sqlcipher3.sqlite_version,
        "plain_sqlite_version": sqlite3.sqlite_version,
        "packages": {
            name: _version(name)
            for name in ("sqlcipher3", "SQLAlchemy", "argon2-cffi", "cryptography")
        },
        "temp_dir": str(tmp),
        "temp_dir_filesystem": _filesystem_of(tmp),
    }


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
