"""The benchmarks: unlocking, building a demo store, searching names, updating cases one by one.

Encrypted and plain runs alternate (ABBA order across repetitions, or one after the other for
single operations), so a machine that slows down or warms up during the run favours neither side.
"""

from __future__ import annotations

import itertools
import secrets
import shutil
import statistics
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from time import perf_counter

from db.keyslots import DEFAULT_KDF, KdfParams
from db.models import RiskLevel, Role, Sex
from desktop.accounts import add_user, init_agency
from desktop.cases import count_cases, list_cases, register_case, update_case
from desktop.demo import create_demo_store
from desktop.session import UserSession
from tests.benchmarks.plain import FAST_KDF, SIDES, SignIn
from tests.benchmarks.report import Result

SEED = 20260101
DEMO_TODAY = date(2026, 1, 15)  # fixed, so both sides (and every run) get the same case numbers
# Argon2id's floor (8 KiB, t=1): a slot that costs microseconds, to time opening without the KDF.
NO_KDF = KdfParams(8, 1, 1)


@dataclass(frozen=True)
class Settings:
    cases: int
    unlock_repetitions: int
    build_repetitions: int
    search_repetitions: int
    cold_search_repetitions: int
    updates: int


@dataclass(frozen=True)
class DemoFolder:
    folder: Path
    password: str


def _alternate(repetitions: int, run: Callable[[str], float]) -> dict[str, list[float]]:
    """`run(side)` for both sides `repetitions` times in ABBA order; returns the durations."""
    samples: dict[str, list[float]] = {side: [] for side in SIDES}
    for i in range(repetitions):
        order = ("encrypted", "plain") if i % 2 == 0 else ("plain", "encrypted")
        for side in order:
            samples[side].append(run(side))
    return samples


@contextmanager
def _signed_in(
    sign_in: SignIn, demo: dict[str, DemoFolder], username: str
) -> Iterator[dict[str, UserSession]]:
    """`username` signed in on both sides at once; both sessions closed at the end."""
    sessions: dict[str, UserSession] = {}
    try:
        for side, d in demo.items():
            sessions[side] = sign_in(d.folder, username, d.password, SIDES[side])
        yield sessions
    finally:
        for session in sessions.values():
            session.close()


def _folded(value: str) -> str:
    return "".join(
        ch
        for ch in unicodedata.normalize("NFKD", value.casefold())
        if not unicodedata.combining(ch)
    )


# -- 1. unlocking --------------------------------------------------------------------------------


def bench_unlock(settings: Settings, sign_in: SignIn, tmp: Path) -> list[Result]:
    """sign_in with the default Argon2id slot; the KDF alone; sign_in with a negligible KDF."""
    password = "benchmark-" + secrets.token_hex(8)
    folders: dict[str, Path] = {}
    for side, store_class in SIDES.items():
        folders[side] = tmp / f"unlock-{side}"
        session, _ = init_agency(
            folders[side],
            agency_name="Benchmark agency",
            agency_code="BEN",
            admin_username="admin",
            admin_full_name="Benchmark administrator",
            admin_password=password,
            kdf=DEFAULT_KDF,
            store_class=store_class,
        )
        with session:
            add_user(
                session,
                "nokdf",
                "Slot without key derivation cost",
                [Role.CASEWORKER],
                password,
                must_change_password=False,
                kdf=NO_KDF,
            )

    def timed_sign_in(username: str) -> Callable[[str], float]:
        def run(side: str) -> float:
            start = perf_counter()
            session = sign_in(folders[side], username, password, SIDES[side])
            elapsed = perf_counter() - start
            session.close()
            return elapsed

        return run

    def derive(_side: str) -> float:
        salt = secrets.token_bytes(16)
        start = perf_counter()
        DEFAULT_KDF.derive(password, salt)
        return perf_counter() - start

    reps = settings.unlock_repetitions
    kdf = {
        "memory_kib": DEFAULT_KDF.memory_kib,
        "time_cost": DEFAULT_KDF.time_cost,
        "parallelism": DEFAULT_KDF.parallelism,
    }
    full = _alternate(reps, timed_sign_in("admin"))
    alone = _alternate(reps, derive)
    # Cheap and noisy (its fsyncs vary from one to the next): more samples.
    open_reps = 3 * reps
    open_only = _alternate(open_reps, timed_sign_in("nokdf"))
    return [
        Result(
            "unlock.sign_in",
            f"unlock: sign_in, default Argon2id slot (median of {reps})",
            full["encrypted"],
            full["plain"],
            goal=None,
            details={"kdf": kdf},
        ),
        Result(
            "unlock.argon2id",
            f"unlock: Argon2id derive only, same code (median of {reps})",
            alone["encrypted"],
            alone["plain"],
            goal=None,
            details={"kdf": kdf},
        ),
        Result(
            "unlock.open_without_kdf",
            f"unlock: sign_in, 8 KiB t=1 Argon2id slot (median of {open_reps})",
            open_only["encrypted"],
            open_only["plain"],
            goal=None,
            details={
                "kdf": {"memory_kib": NO_KDF.memory_kib, "time_cost": NO_KDF.time_cost},
                "note": "everything sign_in does except a costly key derivation: open, "
                "migration check, store id, audit head, the sign-in audit event",
            },
        ),
    ]


# -- 2. building a demo store --------------------------------------------------------------------


def bench_build(settings: Settings, tmp: Path) -> tuple[Result, dict[str, DemoFolder]]:
    """create_demo_store on each side; the newest store of each side is kept for 3 and 4."""
    built: dict[str, DemoFolder] = {}
    runs = itertools.count()

    def run(side: str) -> float:
        folder = tmp / f"demo-{side}-{next(runs)}"
        start = perf_counter()
        demo = create_demo_store(
            folder,
            settings.cases,
            seed=SEED,
            kdf=FAST_KDF,
            today=DEMO_TODAY,
            store_class=SIDES[side],
        )
        elapsed = perf_counter() - start
        demo.session.close()
        if side in built:
            shutil.rmtree(built[side].folder)
        built[side] = DemoFolder(folder, demo.password)
        return elapsed

    reps = settings.build_repetitions
    samples = _alternate(reps, run)
    result = Result(
        "build.demo_store",
        f"build: demo store, {settings.cases} cases (median of {reps})",
        samples["encrypted"],
        samples["plain"],
        details={"cases": settings.cases, "seed": SEED, "kdf": "8 MiB, t=1, p=1 on both sides"},
    )
    return result, built


# -- 3. name search ------------------------------------------------------------------------------


def _register_search_targets(sign_in: SignIn, side: str, demo: DemoFolder) -> dict[str, str]:
    """Cases the accent and ligature searches must find, whatever the demo names drawn."""
    with sign_in(demo.folder, "amina", demo.password, SIDES[side]) as us:
        coeur = register_case(
            us,
            given_name="Cœur",
            family_name="Ndayishimiye",
            sex=Sex.FEMALE.value,
            location="Bœuf, Bujumbura",
        )
        helene = register_case(
            us,
            given_name="Hélène",
            family_name="Uwimana",
            sex=Sex.FEMALE.value,
            location="Ngozi, Ngozi",
        )
    return {"Helene": helene.uuid, "coeur": coeur.uuid}


def bench_search(settings: Settings, sign_in: SignIn, demo: dict[str, DemoFolder]) -> list[Result]:
    """list_cases and count_cases for a prefix, accents, a case number and œ, as the manager."""
    must_find = {side: _register_search_targets(sign_in, side, d) for side, d in demo.items()}
    with _signed_in(sign_in, demo, "manager") as sessions:
        total = count_cases(sessions["encrypted"])
        middle = list_cases(sessions["encrypted"], limit=1, offset=total // 2)[0]
        queries = {
            "prefix": "hel",
            "accents": "Helene",  # must find Hélène
            "case_number": middle.case_number[:-2],  # e.g. DEMO-2024-012: 100 numbers
            "ligature": "coeur",  # must find Cœur (œ folded to oe)
        }
        found = _check_searches(sessions, queries, must_find)

        reps = settings.search_repetitions
        samples = {
            (q, op): {side: [] for side in SIDES} for q in queries for op in ("list", "count")
        }
        for rep in range(reps + 1):  # the first round warms the caches and is not kept
            order = ("encrypted", "plain") if rep % 2 == 0 else ("plain", "encrypted")
            for name, query in queries.items():
                for op, service in (("list", list_cases), ("count", count_cases)):
                    for side in order:
                        start = perf_counter()
                        service(sessions[side], search=query)
                        elapsed = perf_counter() - start
                        if rep:
                            samples[(name, op)][side].append(elapsed)

    def first_search(side: str) -> float:
        with sign_in(demo[side].folder, "manager", demo[side].password, SIDES[side]) as us:
            start = perf_counter()
            list_cases(us, search=queries["prefix"])
            return perf_counter() - start

    cold_reps = settings.cold_search_repetitions
    cold = _alternate(cold_reps, first_search)
    results = []
    for (name, op), by_side in samples.items():
        query = queries[name]
        results.append(
            Result(
                f"search.{op}.{name}",
                f"search: {op}_cases '{query}' → {found[name]} (median of {reps})",
                by_side["encrypted"],
                by_side["plain"],
                details={
                    "kind": name,
                    "query": query,
                    "found": found[name],
                    "cases_in_store": total,
                    "cache": "warm: one unmeasured round first, sessions kept signed in",
                },
            )
        )
    results.append(
        Result(
            "search.list.first_after_sign_in",
            f"search: list_cases '{queries['prefix']}', first after sign_in, cold cache (median of {cold_reps})",
            cold["encrypted"],
            cold["plain"],
            details={
                "query": queries["prefix"],
                "found": found["prefix"],
                "cache": "SQLite page cache holds only what sign_in read (pages must be "
                "decrypted); the OS file cache is warm",
            },
        )
    )
    return results


def _check_searches(
    sessions: dict[str, UserSession], queries: dict[str, str], must_find: dict[str, dict[str, str]]
) -> dict[str, int]:
    """Raise unless every search finds something, the same on both sides, and the targets."""
    found: dict[str, int] = {}
    for name, query in queries.items():
        counts = {}
        for side, us in sessions.items():
            rows = list_cases(us, search=query)
            counts[side] = count_cases(us, search=query)
            if counts[side] != len(rows) or not rows:
                raise AssertionError(
                    f"{side}: search {query!r} listed {len(rows)} cases and counted {counts[side]}"
                )
            target = must_find[side].get(query)
            if target and target not in {r.uuid for r in rows}:
                raise AssertionError(f"{side}: search {query!r} did not find its case")
            if name == "case_number" and not all(r.case_number.startswith(query) for r in rows):
                raise AssertionError(f"{side}: search {query!r} found other case numbers")
            if name == "accents" and not all("helene" in _folded(r.child_name) for r in rows):
                raise AssertionError(f"{side}: search {query!r} found cases without Hélène")
        if counts["encrypted"] != counts["plain"]:
            raise AssertionError(f"search {query!r} found {counts} cases")
        found[name] = counts["encrypted"]
    return found


# -- 4. single-case updates ----------------------------------------------------------------------


def bench_updates(settings: Settings, sign_in: SignIn, demo: dict[str, DemoFolder]) -> Result:
    """update_case(risk=...) `settings.updates` times as amina on her own cases, one unit each."""
    with _signed_in(sign_in, demo, "amina") as sessions:
        own = {side: list_cases(us) for side, us in sessions.items()}
        if not all(own.values()):
            raise AssertionError("amina has no cases to update")
        risk = {side: {r.uuid: r.risk for r in rows} for side, rows in own.items()}
        samples: dict[str, list[float]] = {side: [] for side in SIDES}
        for i in range(settings.updates):
            order = ("encrypted", "plain") if i % 2 == 0 else ("plain", "encrypted")
            for side in order:
                case_uuid = own[side][i % len(own[side])].uuid
                # Always a real change (high <-> low): an unchanged value writes no audit event.
                high, low = RiskLevel.HIGH.value, RiskLevel.LOW.value
                new = low if risk[side][case_uuid] == high else high
                start = perf_counter()
                row = update_case(sessions[side], case_uuid, risk=new)
                samples[side].append(perf_counter() - start)
                if row.risk != new:
                    raise AssertionError(f"{side}: update_case did not change the risk")
                risk[side][case_uuid] = new

    def per_update(side: str) -> dict[str, float]:
        ordered = sorted(samples[side])
        return {
            "median_s": statistics.median(ordered),
            "p95_s": ordered[int(0.95 * (len(ordered) - 1))],
            "max_s": ordered[-1],
        }

    return Result(
        "update.single_case",
        f"update: {settings.updates} × update_case(risk), one transaction each (total)",
        samples["encrypted"],
        samples["plain"],
        summary="total",
        details={
            "updates": settings.updates,
            "cases_cycled": {side: len(rows) for side, rows in own.items()},
            "per_update": {side: per_update(side) for side in SIDES},
        },
    )
