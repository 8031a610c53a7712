"""What the signed audit chain costs: appending, opening (incremental check), a full `check`.

    python -m tests.benchmarks.audit [--events 100000] [--output FILE]

Builds a store, appends `--events` events (signed, as every change writes one), then times:
- one more event alone (a unit of work that writes only its event), median of 200;
- opening the store when nothing was added since the last open (the verified point is the end),
  and when 1,000 events were added since (they are verified on open), median of 5 each;
- walking and verifying the whole chain, as `ulinzi check` does.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path
from time import perf_counter

from db.audit import append_event, verify_chain
from db.store import Password, open_store
from desktop import accounts
from tests.conftest import FAST_KDF, PASSWORD


def _append(store, n: int) -> None:
    done = 0
    while done < n:
        with store.write() as s:
            for _ in range(min(1000, n - done)):
                append_event(
                    s, store_id=store.store_id, user_id=1, username="admin", action="case.opened"
                )
                done += 1


def _open_ms(folder: Path, repeat: int = 5, added: int = 0) -> float:
    times = []
    for _ in range(repeat):
        if added:
            store = open_store(folder, Password("admin", PASSWORD))
            _append(store, added)
            store.close()
        started = perf_counter()
        store = open_store(folder, Password("admin", PASSWORD))
        times.append((perf_counter() - started) * 1000)
        store.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        us, _ = accounts.init_agency(
            folder,
            agency_name="Bench",
            agency_code="BEN",
            admin_username="admin",
            admin_full_name="Admin",
            admin_password=PASSWORD,
            kdf=FAST_KDF,
        )
        store = us.store
        started = perf_counter()
        _append(store, args.events)
        build_s = perf_counter() - started
        single = []
        for _ in range(200):
            t = perf_counter()
            with store.write() as s:
                append_event(
                    s, store_id=store.store_id, user_id=1, username="admin", action="case.opened"
                )
            single.append((perf_counter() - t) * 1000)
        store.close()
        open_nothing_new = _open_ms(folder)
        open_1000_new = _open_ms(folder, added=1000)
        store = open_store(folder, Password("admin", PASSWORD))
        with store.read() as s:
            started = perf_counter()
            report = verify_chain(s, store.store_id)
            full_s = perf_counter() - started
        store.close()
        assert report.ok, report
        results = {
            "events": report.events,
            "append_in_batches_us_per_event": round(build_s / args.events * 1e6, 1),
            "one_event_alone_ms_median": round(statistics.median(single), 2),
            "open_nothing_new_ms_median": round(open_nothing_new, 1),
            "open_1000_new_events_ms_median": round(open_1000_new, 1),
            "full_check_chain_s": round(full_s, 2),
        }
    for k, v in results.items():
        print(f"{k:36} {v}")
    if args.output:
        args.output.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
