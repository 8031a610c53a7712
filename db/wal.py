"""Reading SQLite's write-ahead log (WAL) as SQLite would, to tell damage from an older copy.

SQLite replays WAL frames only up to the first frame whose running checksum does not match,
and silently drops that transaction and every later one. The store keeps the audit head outside
the database, so it knows when acknowledged changes went missing; this module says whether the
WAL found on open had frames SQLite could not use (damage), and keeps a copy of it before SQLite
checkpoints or deletes it. The format is SQLite's documented one (https://sqlite.org/fileformat.html,
"The Write-Ahead Log"); no library reads it, so it is written here in a few lines.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path

from db.files import fsync_dir, write_durably

_HEADER = 32
_FRAME_HEADER = 24
_MAGIC = (0x377F0682, 0x377F0683)  # the low bit says big-endian checksums


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


@dataclass(frozen=True)
class WalImage:
    """The bytes of a WAL file as found before the store was opened."""

    data: bytes

    @classmethod
    def read(cls, path: Path) -> WalImage | None:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        return cls(data) if data else None

    @cached_property
    def damaged(self) -> bool:
        """True when the WAL holds frames of its current generation that SQLite cannot replay
        (a damaged header, or a frame failing the running checksum)."""
        data = self.data
        if len(data) < _HEADER:
            return True
        magic, _version, page_size, _ckpt, salt1, salt2, c0, c1 = struct.unpack(
            ">8I", data[:_HEADER]
        )
        if magic not in _MAGIC or page_size < 512 or page_size & (page_size - 1):
            return len(data) > _HEADER
        big = bool(magic & 1)
        s0, s1 = _checksum(data[:24], 0, 0, big)
        if (s0, s1) != (c0, c1):
            return len(data) > _HEADER
        frame = _FRAME_HEADER + page_size
        offset = _HEADER
        while offset + frame <= len(data):
            fh = data[offset : offset + _FRAME_HEADER]
            _page, _commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", fh)
            if (f_salt1, f_salt2) != (salt1, salt2):
                # Frames left from before the last checkpoint end the log, unless frames of the
                # current generation follow: then this frame's salt was damaged.
                return self._later_frames_of_this_generation(offset + frame, frame, salt1, salt2)
            n0, n1 = _checksum(fh[:8], s0, s1, big)
            n0, n1 = _checksum(data[offset + _FRAME_HEADER : offset + frame], n0, n1, big)
            if (n0, n1) != (f0, f1):
                # Only asked when acknowledged changes are missing, so a bad frame of this
                # generation is damage: a torn write at a crash is never acknowledged.
                return True
            s0, s1 = n0, n1
            offset += frame
        # SQLite writes whole frames: a part of one at the end is a log cut short (a torn copy,
        # a truncated file), and the acknowledged frames it held are what is missing.
        return offset < len(data)

    def _later_frames_of_this_generation(
        self, offset: int, frame: int, salt1: int, salt2: int
    ) -> bool:
        while offset + frame <= len(self.data):
            if struct.unpack(">2I", self.data[offset + 8 : offset + 16]) == (salt1, salt2):
                return True
            offset += frame
        return False

    def keep(self, folder: Path, label: str) -> Path:
        """Write this image into `folder` (created) and return the file's path."""
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"ulinzi.db-wal-{label}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
        if not target.exists():
            write_durably(target, self.data)
            fsync_dir(folder)
        return target
