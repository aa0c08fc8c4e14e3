"""Conflicts between desks, computed over the live facts of the master file (SQL views of
migration m003_sync), and their resolution by a person.

The machine never chooses: a person keeps one of the two facts and gives a reason; that is
recorded as a new fact (a `void` of the other one, or a `conflict.accept` when the other one is
a badge revocation, which must stay in force). Both original facts stay in the log; the
conflict disappears from the views because one side is no longer live (or was accepted).
"""

import json
from dataclasses import dataclass
from enum import Enum

import sqlite_utils

from desktop.models import journal
from desktop.models.clock import Clock
from desktop.models.journal import Desk
from desktop.models.storage import write_transaction


class ConflictKind(Enum):
    DOUBLE_CHECKIN = "double_checkin"
    DOUBLE_MEAL = "double_meal"
    REVOKED_BADGE = "revoked_badge"
    PARKING_RECEIPT = "parking_receipt"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ConflictKind.DOUBLE_CHECKIN: "émargé à deux guichets",
    ConflictKind.DOUBLE_MEAL: "deux repas pour un déjeuner",
    ConflictKind.REVOKED_BADGE: "badge révoqué utilisé à un autre guichet",
    ConflictKind.PARKING_RECEIPT: "même ticket de stationnement à deux guichets",
}


@dataclass(frozen=True)
class Fact:
    event_id: str
    kind: str
    desk_id: str
    desk_label: str
    agent: str
    at: str  # UTC ISO-8601


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    first: Fact  # the earlier fact (for a revoked badge: the revocation)
    second: Fact
    member_id: str | None
    member_name: str | None
    session_id: str | None

    @property
    def key(self) -> str:
        """A stable name for the conflict (`guichet conflicts --resolve KEY`)."""
        return f"{self.kind.value}:{self.first.event_id}:{self.second.event_id}"

    def other(self, event_id: str) -> Fact | None:
        if event_id == self.first.event_id:
            return self.second
        if event_id == self.second.event_id:
            return self.first
        return None


class ResolveOutcome(Enum):
    RESOLVED = "resolved"
    REASON_REQUIRED = "reason_required"
    NOT_A_PARTY = "not_a_party"  # the fact to keep is not one of the two
    ALREADY_RESOLVED = "already_resolved"


_FACT = (
    "{p}.id, {p}.kind, {p}.desk_id, COALESCE({d}.label, substr({p}.desk_id, 1, 8)), "
    "{p}.agent, {p}.at"
)
_LIST_SQL = f"""
SELECT c.kind, c.member_id, c.session_id,
       CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || upper(m.surname) END,
       {_FACT.format(p="a", d="da")}, {_FACT.format(p="b", d="db")}
FROM conflicts c
JOIN events a ON a.id = c.first_id
JOIN events b ON b.id = c.second_id
LEFT JOIN desks da ON da.desk_id = a.desk_id
LEFT JOIN desks db ON db.desk_id = b.desk_id
LEFT JOIN members m ON m.id = c.member_id
ORDER BY b.at, a.at, c.kind, a.id, b.id
"""


def _fact(values: tuple[object, ...]) -> Fact:
    return Fact(*(str(v) for v in values))


def list_conflicts(db: sqlite_utils.Database) -> list[Conflict]:
    """Every conflict still open, the latest second fact last."""
    found = []
    for row in db.execute(_LIST_SQL).fetchall():
        found.append(
            Conflict(
                kind=ConflictKind(row[0]),
                member_id=None if row[1] is None else str(row[1]),
                session_id=None if row[2] is None else str(row[2]),
                member_name=None if row[3] is None else str(row[3]),
                first=_fact(row[4:10]),
                second=_fact(row[10:16]),
            )
        )
    return found


def find_conflict(db: sqlite_utils.Database, key: str) -> Conflict | None:
    return next((c for c in list_conflicts(db) if c.key == key), None)


def _still_open(db: sqlite_utils.Database, conflict: Conflict) -> bool:
    row = db.execute(
        "SELECT 1 FROM conflicts WHERE kind = ? AND first_id = ? AND second_id = ?",
        [conflict.kind.value, conflict.first.event_id, conflict.second.event_id],
    ).fetchone()
    return row is not None


def resolve_conflict(
    db: sqlite_utils.Database,
    conflict: Conflict,
    keep_event_id: str,
    reason: str,
    desk: Desk,
    clock: Clock,
) -> ResolveOutcome:
    """Keep `keep_event_id`, set the other fact aside by a new fact that says why."""
    if not reason.strip():
        return ResolveOutcome.REASON_REQUIRED
    other = conflict.other(keep_event_id)
    if other is None:
        return ResolveOutcome.NOT_A_PARTY
    with write_transaction(db):
        if not _still_open(db, conflict):
            return ResolveOutcome.ALREADY_RESOLVED
        (member_id, session_id) = db.execute(
            "SELECT member_id, session_id FROM events WHERE id = ?", [other.event_id]
        ).fetchone()
        payload = {"reason": reason.strip(), "conflict": conflict.kind.value}
        if other.kind == "badge.revoke":
            # Keeping the check-in must not bring the old badge back: accept, do not void.
            journal.append(
                db,
                desk,
                clock,
                "conflict.accept",
                member_id=conflict.member_id,
                session_id=conflict.session_id,
                target_id=keep_event_id,
                payload={**payload, "other_id": other.event_id},
            )
        else:
            journal.append(
                db,
                desk,
                clock,
                "void",
                member_id=member_id,
                session_id=session_id,
                target_id=other.event_id,
                payload={**payload, "voided_kind": other.kind, "kept_id": keep_event_id},
            )
    return ResolveOutcome.RESOLVED


def conflict_payload(db: sqlite_utils.Database, event_id: str) -> dict[str, object]:
    """The payload of one fact of a conflict (car park, receipt number, token...)."""
    row = db.execute("SELECT payload FROM events WHERE id = ?", [event_id]).fetchone()
    if row is None:
        return {}
    value = json.loads(str(row[0]))
    return value if isinstance(value, dict) else {}
