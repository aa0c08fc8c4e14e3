"""The office's history of merged exports, read from its file: every export merged here
(`import_log`, one row per file, written by merge.py), newest first, with the office agent who
merged it, and for each desk laptop registered at the office its last import and the last
sequence number of its facts in the master, or nothing yet ("aucun export reçu": a desk
prepared with desk-init whose export has not come back).

Which rows of `desks` are desk laptops the office waits for (REGISTERED_DESKS): a `desks`
row carries no role, and the file's own identity cannot be trusted to say "office" (a demo
file used as the office says 'desk'). What the data does say: a desk laptop is registered at
the office with its public key (desk-init, register-desk), and the merge accepts exports only
from such a row. The rows without a key are not laptops the office can hear from: the file's
own identity before it has a key and, in a desk file, its copy of the office's row (made before
the office had a key). The file's own identity is never a desk it waits for, key or not. (A
desk file read as an office, once the office has a key, would still list the office's row:
nothing in `desks` tells it apart there; an office file never holds such a row.)

Read-only; a handful of queries whatever the size of the log: the last sequence number of a
desk is read from the (desk_id, seq) index, never by scanning the facts.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlite_utils

SHORT_SHA = 12  # characters of the file's SHA-256 shown (as the anomalies list shows them)


@dataclass(frozen=True)
class ImportRecord:
    """One export file merged into the office file."""

    imported_at: str  # UTC text, when the office merged it
    desk_id: str
    desk_label: str  # as the desk named itself in the export's manifest
    file_name: str  # the snapshot's name (inside the archive for an encrypted export)
    exported_at: str  # UTC text, when the desk made the export
    event_count: int  # facts in the export (the desk's whole log)
    new_events: int  # of which new to the office
    last_seq: int  # the export's last sequence number
    anomalies: int  # facts set aside in merge_anomalies by this file
    anomaly_kinds: tuple[tuple[str, int], ...]  # ('contenu_different' | 'poste_copie', count)
    file_sha256: str
    agent: str = ""  # the office agent who merged it; '' when not recorded (see m008)

    @property
    def sha256_short(self) -> str:
        return self.file_sha256[:SHORT_SHA]


@dataclass(frozen=True)
class DeskImports:
    """A desk registered at the office and what has come back from it."""

    desk_id: str
    label: str
    last_import: ImportRecord | None  # None: "aucun export reçu"
    imports: int  # export files merged from this desk
    last_seq_merged: int  # highest sequence number of its facts in the master (0: none)

    @property
    def received(self) -> bool:
        return self.last_import is not None


@dataclass(frozen=True)
class ImportHistory:
    records: tuple[ImportRecord, ...]  # newest first
    desks: tuple[DeskImports, ...]  # in the order of their labels (Guichet 2 before Guichet 10)

    @property
    def missing(self) -> tuple[DeskImports, ...]:
        return tuple(d for d in self.desks if not d.received)


def import_records(db: sqlite_utils.Database) -> list[ImportRecord]:
    """Every export merged into this file, newest first (two merged in the same second: the
    one merged last first)."""
    kinds: dict[str, list[tuple[str, int]]] = {}
    for sha, kind, count in db.execute(
        "SELECT file_sha256, kind, COUNT(*) FROM merge_anomalies "
        "GROUP BY file_sha256, kind ORDER BY file_sha256, kind"
    ):
        kinds.setdefault(str(sha), []).append((str(kind), int(count)))
    rows = db.execute(
        "SELECT imported_at, desk_id, desk_label, file_name, exported_at, event_count, "
        "new_events, last_seq, anomalies, file_sha256, agent FROM import_log "
        "ORDER BY imported_at DESC, rowid DESC"
    ).fetchall()
    return [
        ImportRecord(
            imported_at=str(imported_at),
            desk_id=str(desk_id),
            desk_label=str(desk_label),
            file_name=str(file_name),
            exported_at=str(exported_at),
            event_count=int(event_count),
            new_events=int(new_events),
            last_seq=int(last_seq),
            anomalies=int(anomalies),
            anomaly_kinds=tuple(kinds.get(str(sha), ())),
            file_sha256=str(sha),
            agent=str(agent),
        )
        for (
            imported_at,
            desk_id,
            desk_label,
            file_name,
            exported_at,
            event_count,
            new_events,
            last_seq,
            anomalies,
            sha,
            agent,
        ) in rows
    ]


def _natural(label: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key: "Guichet 2" before "Guichet 10", case and accents aside from the digits."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", label)
        if part
    )


# The desk laptops registered in this file (see the module's doc): a public key, and not the
# file's own identity. The same rows whose exports the merge accepts.
REGISTERED_DESKS = (
    "SELECT d.desk_id, d.label FROM desks d WHERE d.public_key IS NOT NULL "
    "AND d.desk_id NOT IN (SELECT desk_id FROM desk_identity)"
)


def desk_imports(
    db: sqlite_utils.Database, records: list[ImportRecord] | None = None
) -> list[DeskImports]:
    """Each desk laptop registered in this file: its last import and the last sequence number
    of its facts merged here. `records`: import_records(db), when the caller has them."""
    if records is None:
        records = import_records(db)
    last: dict[str, ImportRecord] = {}
    counts: dict[str, int] = {}
    for record in records:  # newest first: the first one seen is the last import
        last.setdefault(record.desk_id, record)
        counts[record.desk_id] = counts.get(record.desk_id, 0) + 1
    rows = db.execute(
        "SELECT r.desk_id, r.label, "
        "(SELECT MAX(e.seq) FROM events e WHERE e.desk_id = r.desk_id) "
        f"FROM ({REGISTERED_DESKS}) r"
    ).fetchall()
    found = [
        DeskImports(
            desk_id=str(desk_id),
            label=str(label),
            last_import=last.get(str(desk_id)),
            imports=counts.get(str(desk_id), 0),
            last_seq_merged=int(high or 0),
        )
        for desk_id, label, high in rows
    ]
    return sorted(found, key=lambda d: (_natural(d.label), d.desk_id))


def import_history(db: sqlite_utils.Database) -> ImportHistory:
    """The whole history: the records, newest first, and every registered desk, read in one
    snapshot (a merge committing meanwhile on another connection shows entirely or not)."""
    with _snapshot(db):
        records = import_records(db)
        return ImportHistory(tuple(records), tuple(desk_imports(db, records)))


@contextmanager
def _snapshot(db: sqlite_utils.Database) -> Iterator[None]:
    if db.conn.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        if db.conn.in_transaction:
            db.conn.rollback()  # nothing was written: only the read snapshot ends
