"""What setting up a store on this PC needs from the core: the key-derivation defaults, whether
a folder already holds a store, and the recovery key sheet (made by `reports/` like every other
document, then saved or printed by the window)."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from db.keyslots import DEFAULT_KDF, KdfParams
from db.store import is_store
from reports.recovery_key import build_recovery_key_pdf, key_rows

__all__ = ["DEFAULT_KDF", "KdfParams", "RecoveryKeySheet", "is_store", "key_rows"]


@dataclass(frozen=True)
class RecoveryKeySheet:
    """What the printed recovery key sheet shows (the PDF and the printer get the same)."""

    agency_name: str
    agency_code: str
    recovery_key: str
    created: datetime.date
    is_demo: bool = False
    language: str = "en"

    def pdf(self) -> bytes:
        """One A4 page, the same bytes for the same sheet."""
        return build_recovery_key_pdf(**asdict(self))
