"""What every benchmark writes beside its numbers: the machine it ran on, and the JSON file."""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import sqlcipher3


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


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def _memory_gib() -> float:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        return 0.0


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
        "platform": platform.platform(),
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "usable_cpus": usable_cpus,
        "memory_gib": _memory_gib(),
        "sqlcipher_cipher_version": cipher_version,
        "sqlcipher_provider": provider[0] if provider else "?",
        "sqlcipher_sqlite_version": sqlcipher3.sqlite_version,
        "plain_side": "the same sqlcipher3 build, opened without a key, on a plaintext copy",
        "packages": {
            name: _version(name)
            for name in ("sqlcipher3", "SQLAlchemy", "argon2-cffi", "PySide6-Essentials")
        },
        "temp_dir": str(tmp),
        "temp_dir_filesystem": _filesystem_of(tmp),
    }


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
