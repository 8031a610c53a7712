"""Search text for the case list: accent- and ligature-folded, indexed with FTS5 prefix queries.

FTS5's `remove_diacritics 2` folds "é" but not ligatures ("cœur" stays apart from "coeur"), so
both the indexed text and the typed query are folded here first, the same way.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, Connection, func, literal_column, select, text
from sqlalchemy.orm import Session

_LIGATURES = str.maketrans(
    {"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ŋ": "ng", "ı": "i"}
)
_WORD = re.compile(r"[^\W_]+")


def fold(value: str) -> str:
    """Lower-case, ligatures spelled out, accents removed: "Cœur Hélène" -> "coeur helene"."""
    lowered = value.casefold().translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(given_name: str, family_name: str, case_number: str, location: str) -> str:
    return fold(" ".join((given_name, family_name, case_number, location)))


def fts_query(typed: str) -> str | None:
    """Turn what a person typed into an FTS5 query: every word must match as a prefix.

    "hel kig-2026" -> '"hel" * AND "kig 2026" *'. Returns None when nothing searchable is left.
    """
    parts = []
    for word in typed.split():
        tokens = _WORD.findall(fold(word))
        if tokens:
            parts.append('"' + " ".join(tokens) + '" *')
    return " AND ".join(parts) if parts else None


_UPSERT = text("INSERT OR REPLACE INTO case_search(rowid, text) VALUES (:id, :text)")


def common_value(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """`condition` (an equality on a column of few values, such as a case's status), marked for
    SQLite's planner as true for about half the rows. Without statistics the planner takes any
    equality for a selective one: for a supervisor's open cases it walked every open case in
    registration order and looked up each one's caseworker (0.4 s from disk at 100,000 cases)
    instead of reading the team's open cases from (caseworker_id, status, registered_at) and
    sorting them (45 ms)."""
    # The probability must be a constant in the SQL text, not a bound value.
    return func.likelihood(condition, literal_column("0.5"))


def matching(case_id: ColumnElement[int], *, leads: bool = True) -> ColumnElement[bool]:
    """`case_id` among the cases whose search text matches the bound parameter `match` (made
    by `fts_query`). FTS5 answers a MATCH with rowids; as a sub-select it keeps the caller's
    other filters in one statement.

    With `leads=False` the matches only filter what the caller's own index gives: `id + 0` is
    not a column, so SQLite cannot look each match up in the cases table by its rowid. The
    case list wants that. Its rows come from a covering index (status or caseworker, then the
    order), which the read-ahead has decrypted, and the matches are probed as a Bloom-filtered
    set; looking matches up by rowid reads one table page from disk per case instead, each
    decrypted and checked: 100-250 ms for a first search at 100,000 cases against 5-15 ms."""
    if not leads:
        case_id = case_id + literal_column("0")
    return case_id.in_(
        select(text("rowid"))
        .select_from(text("case_search"))
        .where(text("case_search MATCH :match"))
    )


def index_case(
    session: Session | Connection,
    case_id: int,
    given_name: str,
    family_name: str,
    case_number: str,
    location: str,
) -> None:
    session.execute(
        _UPSERT,
        {"id": case_id, "text": search_text(given_name, family_name, case_number, location)},
    )


def index_many(conn: Session | Connection, rows: list[dict[str, object]]) -> None:
    """Index many cases at once; each row has id, given_name, family_name, case_number, location."""
    conn.execute(
        _UPSERT,
        [
            {
                "id": r["id"],
                "text": search_text(
                    str(r["given_name"]),
                    str(r["family_name"]),
                    str(r["case_number"]),
                    str(r["location"]),
                ),
            }
            for r in rows
        ],
    )


# What the case list and its search read, page by page: the indexes the list is ordered by and
# the search index (the cases' own rows, 30 MB at 100,000 cases, would not stay in the page
# cache). Read once right after sign-in, their pages are decrypted and checked while the person
# looks at the first rows, not during their first search. Counting with a named index reads
# that index's pages and no others.
_READ_AHEAD = (
    "SELECT count(*) FROM cases INDEXED BY ix_cases_caseworker_status WHERE caseworker_id >= 0",
    "SELECT count(*) FROM cases INDEXED BY ix_cases_status_registered WHERE status >= ''",
    "SELECT count(*) FROM cases INDEXED BY ix_cases_registered WHERE registered_at >= ''",
    "SELECT count(*) FROM users",
    # The last byte of each block: its overflow pages too.
    "SELECT count(*) FROM case_search_data WHERE substr(block, -1) IS NOT NULL",
    "SELECT count(*) FROM case_search_idx",
)


def read_ahead(session: Session) -> None:
    """Read the pages the case list and its search need into this connection's page cache."""
    for statement in _READ_AHEAD:
        session.execute(text(statement)).scalar()


def query_plan(session: Session, sql: str, values: list[object]) -> list[str]:
    """SQLite's plan for a statement, one line per step (tests check which index is read)."""
    cursor = session.connection().connection.driver_connection.execute(
        "EXPLAIN QUERY PLAN " + sql, values
    )
    return [str(row[3]) for row in cursor]
