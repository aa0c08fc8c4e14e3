"""The roster of a session as the desk sees it: who is expected, who is here, since when."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from desktop.models.members import EXPECTED_STATUSES
from desktop.models.text import fold


@dataclass(frozen=True)
class RosterRow:
    member_id: str
    surname: str
    first_name: str
    commune: str
    status: str
    search_key: str
    checkin_id: str | None = None
    arrived_at: str | None = None  # UTC ISO-8601
    method: str | None = None
    desk_label: str | None = None
    agent: str | None = None

    @property
    def present(self) -> bool:
        return self.checkin_id is not None

    @property
    def expected(self) -> bool:
        return self.status in EXPECTED_STATUSES


@dataclass(frozen=True)
class Counts:
    expected: int
    present: int


# Each member's first live check-in is found through the index on (kind, session, member):
# one short index search per member. (A window function over the session's check-ins joined
# back to the members scanned the whole set once per member: 25 s for 10 000 members and
# 22 000 check-ins.)
_ROSTER_TEMPLATE = f"""
WITH firsts AS MATERIALIZED (
    SELECT m.id AS member_id, (
        SELECT e.id FROM live_events e
        WHERE e.kind = 'checkin' AND e.session_id = :session AND e.member_id = m.id
        ORDER BY e.at, e.id LIMIT 1
    ) AS checkin_id
    FROM members m {{member_filter}}
)
SELECT m.id AS member_id, m.surname, m.first_name, c.name AS commune, m.status,
       m.search_key, f.id AS checkin_id, f.at, json_extract(f.payload, '$.method'),
       COALESCE(d.label, substr(f.desk_id, 1, 8)) AS desk_label, f.agent
FROM firsts x
JOIN members m ON m.id = x.member_id
JOIN communes c ON c.insee = m.commune_insee
LEFT JOIN events f ON f.id = x.checkin_id
LEFT JOIN desks d ON d.desk_id = f.desk_id
WHERE m.status IN ({", ".join(f"'{s}'" for s in EXPECTED_STATUSES)}) OR f.id IS NOT NULL
"""
_ROSTER_SQL = _ROSTER_TEMPLATE.format(member_filter="")
# One member's row (the roster refresh after a scan).
_MEMBER_ROW_SQL = _ROSTER_TEMPLATE.format(member_filter="WHERE m.id = :member")


def _row(values: tuple[Any, ...]) -> RosterRow:
    # Positional and without conversions: SQLite gives the TEXT columns as str already, and a
    # 10 000-member roster is built on each start and each change of session.
    member_id, surname, first_name, commune, status, search_key, checkin_id, at, method = values[:9]
    desk_label, agent = values[9:]
    return RosterRow(
        member_id,
        surname,
        first_name,
        commune,
        status,
        search_key,
        checkin_id,
        at,
        method,
        desk_label if checkin_id else None,
        agent,
    )


def session_roster(db: sqlite_utils.Database, session_id: str) -> list[RosterRow]:
    """Every expected member (and anyone checked in), in alphabetical order."""
    rows = db.execute(_ROSTER_SQL, {"session": session_id}).fetchall()
    return sorted((_row(r) for r in rows), key=alphabetical)


def alphabetical(row: RosterRow) -> tuple[str, str, str]:
    """French order, accents ignored: "Émilie" sorts between "Denis" and "Fabien"."""
    return (fold(row.surname), fold(row.first_name), row.member_id)


def roster_row(db: sqlite_utils.Database, session_id: str, member_id: str) -> RosterRow | None:
    row = db.execute(
        _MEMBER_ROW_SQL,
        {"session": session_id, "member": member_id},
    ).fetchone()
    return _row(row) if row else None


def tally(rows: Iterable[RosterRow]) -> Counts:
    """The counts of a session's roster rows (the same as `counts` on the file they came from:
    the roster holds every expected member and anyone checked in)."""
    expected = present = 0
    for row in rows:
        expected += row.expected
        present += row.present
    return Counts(expected=expected, present=present)


def counts(db: sqlite_utils.Database, session_id: str) -> Counts:
    (expected,) = db.execute(
        f"SELECT COUNT(*) FROM members WHERE status IN ({', '.join('?' * len(EXPECTED_STATUSES))})",
        list(EXPECTED_STATUSES),
    ).fetchone()
    (present,) = db.execute(
        "SELECT COUNT(DISTINCT member_id) FROM live_events "
        "WHERE kind = 'checkin' AND session_id = ?",
        [session_id],
    ).fetchone()
    return Counts(expected=int(expected), present=int(present))
