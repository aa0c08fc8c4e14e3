"""The append-only log of facts, and the identity of the desk that writes it."""

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from desktop.models import chain
from desktop.models.clock import Clock, to_utc_text
from desktop.models.ids import uuid7


@dataclass(frozen=True)
class Desk:
    """Who writes a fact: this file's desk, and the agent at the keyboard."""

    desk_id: str
    label: str
    agent: str


@dataclass(frozen=True)
class Event:
    id: str
    desk_id: str
    seq: int
    at: str
    agent: str
    kind: str
    member_id: str | None
    session_id: str | None
    target_id: str | None
    payload: dict[str, Any]


def init_identity(db: sqlite_utils.Database, desk_id: str, label: str, role: str = "desk") -> None:
    db.execute(
        "INSERT INTO desk_identity (id, desk_id, label, role) VALUES (1, ?, ?, ?)",
        [desk_id, label, role],
    )
    register_desk(db, desk_id, label)


def register_desk(
    db: sqlite_utils.Database, desk_id: str, label: str, public_key: str | None = None
) -> None:
    db.execute(
        "INSERT INTO desks (desk_id, label, public_key) VALUES (?, ?, ?) "
        "ON CONFLICT(desk_id) DO UPDATE SET label = excluded.label, "
        "public_key = COALESCE(excluded.public_key, desks.public_key)",
        [desk_id, label, public_key],
    )


def local_desk(db: sqlite_utils.Database, agent: str) -> Desk:
    row = db.execute("SELECT desk_id, label FROM desk_identity WHERE id = 1").fetchone()
    if row is None:
        raise LookupError("ce fichier n'a pas d'identité de guichet")
    return Desk(desk_id=row[0], label=row[1], agent=agent)


def desk_label(db: sqlite_utils.Database, desk_id: str) -> str:
    row = db.execute("SELECT label FROM desks WHERE desk_id = ?", [desk_id]).fetchone()
    return str(row[0]) if row else desk_id[:8]


def append(
    db: sqlite_utils.Database,
    desk: Desk,
    clock: Clock,
    kind: str,
    *,
    member_id: str | None = None,
    session_id: str | None = None,
    target_id: str | None = None,
    payload: dict[str, Any] | None = None,
) -> Event:
    """Write one fact with the desk's next sequence number and its link in the desk's hash
    chain (chain.py). Call inside a write transaction: the sequence stays gapless, and the
    chain unbroken, because the number, the hash and the row commit together."""
    if not db.conn.in_transaction:
        raise RuntimeError("journal.append must run inside write_transaction()")
    (last,) = db.execute(
        "SELECT COALESCE(MAX(seq), 0) FROM events WHERE desk_id = ?", [desk.desk_id]
    ).fetchone()
    event = Event(
        id=uuid7(),
        desk_id=desk.desk_id,
        seq=int(last) + 1,
        at=to_utc_text(clock()),
        agent=desk.agent,
        kind=kind,
        member_id=member_id,
        session_id=session_id,
        target_id=target_id,
        payload=payload or {},
    )
    values = [
        event.id,
        event.desk_id,
        event.seq,
        event.at,
        event.agent,
        event.kind,
        event.member_id,
        event.session_id,
        event.target_id,
        json.dumps(event.payload, ensure_ascii=False, sort_keys=True),
    ]
    link = chain.link(chain.head_before(db, desk.desk_id, event.seq), values)
    db.execute(
        "INSERT INTO events (id, desk_id, seq, at, agent, kind, member_id, session_id, "
        "target_id, payload, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*values, link],
    )
    return event


def is_voided(db: sqlite_utils.Database, event_id: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM events WHERE kind = 'void' AND target_id = ? LIMIT 1", [event_id]
    ).fetchone()
    return row is not None
