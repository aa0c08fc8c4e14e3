"""What the merge could not settle by itself: facts set aside (`merge_anomalies`) and the
conflicts between desks, open (conflicts.py) or settled by a person (a void with a reason, or
the acceptance of a revoked badge's use)."""

import json
from dataclasses import dataclass

import sqlite_utils

from desktop.models.conflicts import ConflictKind, Fact
from desktop.models.reports.scope import Scope


@dataclass(frozen=True)
class Anomaly:
    kind: str  # 'contenu_different' | 'poste_copie'
    event_id: str
    desk_label: str
    seq: int
    fact_kind: str
    detected_at: str
    file_sha256: str

    @property
    def label(self) -> str:
        return {
            "contenu_different": "même identifiant, contenu différent",
            "poste_copie": "fichier de guichet copié sur un second poste",
        }.get(self.kind, self.kind)


@dataclass(frozen=True)
class ResolvedConflict:
    kind: ConflictKind | None  # None: a kind this version does not know
    kind_value: str
    member_name: str | None
    session_id: str | None
    kept_id: str | None
    set_aside_id: str
    decision: str  # 'void' (the other fact cancelled) | 'conflict.accept'
    decided_by: str
    decided_at: str
    decided_desk: str
    reason: str
    kept: Fact | None = None  # desk, agent and time of the fact kept
    set_aside: Fact | None = None  # ... and of the fact voided (or the revocation accepted)

    @property
    def label(self) -> str:
        return self.kind.label if self.kind else self.kind_value


def anomalies(db: sqlite_utils.Database, scope: Scope, whole: bool) -> tuple[Anomaly, ...]:
    rows = db.execute(
        "SELECT a.kind, a.event_id, COALESCE(d.label, substr(a.desk_id, 1, 8)), a.seq, "
        "a.content, a.detected_at, a.file_sha256 FROM merge_anomalies a "
        "LEFT JOIN desks d ON d.desk_id = a.desk_id ORDER BY a.detected_at, a.id"
    ).fetchall()
    found = []
    for kind, event_id, desk, seq, content, detected_at, sha in rows:
        fact = json.loads(str(content))
        session_id = fact.get("session_id") if isinstance(fact, dict) else None
        if not whole and session_id is not None and session_id not in scope.session_ids:
            continue
        found.append(
            Anomaly(
                kind=str(kind),
                event_id=str(event_id),
                desk_label=str(desk),
                seq=int(seq),
                fact_kind=str(fact.get("kind", "")) if isinstance(fact, dict) else "",
                detected_at=str(detected_at),
                file_sha256=str(sha),
            )
        )
    return tuple(found)


def in_scope(session_id: str | None, scope: Scope, whole: bool) -> bool:
    return whole or session_id is None or session_id in scope.session_ids


def resolved_conflicts(
    db: sqlite_utils.Database, scope: Scope, whole: bool
) -> tuple[ResolvedConflict, ...]:
    """Decisions recorded on conflicts: a void of one fact (the other kept), or the
    acceptance of a check-in made with a badge another desk had revoked."""
    rows = db.execute(
        "SELECT e.kind, e.target_id, e.payload, e.agent, e.at, "
        "COALESCE(d.label, substr(e.desk_id, 1, 8)), e.member_id, e.session_id, "
        "CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || upper(m.surname) END "
        "FROM events e LEFT JOIN desks d ON d.desk_id = e.desk_id "
        "LEFT JOIN members m ON m.id = e.member_id "
        "WHERE (e.kind = 'conflict.accept' OR (e.kind = 'void' "
        "AND json_extract(e.payload, '$.conflict') IS NOT NULL)) "
        "AND NOT EXISTS (SELECT 1 FROM events v WHERE v.kind = 'void' AND v.target_id = e.id) "
        "ORDER BY e.at, e.id"
    ).fetchall()
    known = {k.value: k for k in ConflictKind}
    found = []
    for kind, target, payload_text, agent, at, desk, _member, session_id, name in rows:
        if not in_scope(session_id, scope, whole):
            continue
        payload = json.loads(str(payload_text))
        accept = kind == "conflict.accept"
        kept_id = str(target) if accept else _text(payload.get("kept_id"))
        set_aside_id = str(payload.get("other_id")) if accept else str(target)
        found.append(
            ResolvedConflict(
                kind=known.get(str(payload.get("conflict"))),
                kind_value=str(payload.get("conflict", "")),
                member_name=None if name is None else str(name),
                session_id=None if session_id is None else str(session_id),
                kept_id=kept_id,
                set_aside_id=set_aside_id,
                decision=str(kind),
                decided_by=str(agent),
                decided_at=str(at),
                decided_desk=str(desk),
                reason=str(payload.get("reason", "")),
                kept=_fact(db, kept_id),
                set_aside=_fact(db, set_aside_id),
            )
        )
    return tuple(found)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _fact(db: sqlite_utils.Database, event_id: str | None) -> Fact | None:
    if event_id is None:
        return None
    row = db.execute(
        "SELECT e.id, e.kind, e.desk_id, COALESCE(d.label, substr(e.desk_id, 1, 8)), e.agent, "
        "e.at FROM events e LEFT JOIN desks d ON d.desk_id = e.desk_id WHERE e.id = ?",
        [event_id],
    ).fetchone()
    return None if row is None else Fact(*(str(v) for v in row))
