"""`guichet push`: the merged facts of the office file loaded into PostgreSQL, for an office
that serves several conventions or many readers (SYNC.md, "When the office outgrows one
machine").

The same rule as the office merge: the facts are `COPY`-ed into a staging table, then
`INSERT ... ON CONFLICT (id) DO NOTHING`; a fact arriving again with another content goes to
`merge_anomalies`, never over the original; a push log keyed by the SHA-256 of what was pushed
says "déjà envoyé" when nothing changed. Reference data (convention, desks, sessions,
members) is refreshed from the office file (it is not a fact): upserted, and a session deleted
at the office is deleted here too, in the same transaction, unless a fact here still names it
(then the whole push is refused). The conflict views are those of migration m003_sync, written
for PostgreSQL (`jsonb`), per convention.

psycopg 3 is an optional dependency (extra "office"): imported only when pushing.
"""

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.models.clock import Clock, system_clock, to_utc_text
from desktop.models.convention import get_convention
from desktop.models.merge import CORE_COLUMNS
from desktop.models.storage import StorageError, open_database

SCHEMA_VERSION = 1


class PushOutcome(Enum):
    PUSHED = "envoyé"
    ALREADY_PUSHED = "déjà envoyé"


@dataclass(frozen=True)
class PushReport:
    outcome: PushOutcome
    push_sha256: str
    convention_id: str
    event_count: int  # facts in the office file
    new_events: int  # facts PostgreSQL did not have
    anomalies: int  # facts set aside (same id, another content)
    sessions_deleted: int = 0  # sessions deleted at the office since the last push


class PushError(Exception):
    """The push cannot be done (no psycopg, server unreachable, bad file): French message.
    Nothing was written to PostgreSQL."""


# --- the PostgreSQL schema ------------------------------------------------------------------

_TABLES_SQL = """
CREATE TABLE IF NOT EXISTS guichet_schema (
    version INTEGER PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS conventions (
    convention_id TEXT PRIMARY KEY,
    code_tag TEXT NOT NULL,
    title TEXT NOT NULL,
    organiser TEXT NOT NULL,
    deliberation TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS desks (
    desk_id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    public_key TEXT
);

CREATE TABLE IF NOT EXISTS sessions (
    convention_id TEXT NOT NULL REFERENCES conventions(convention_id),
    id TEXT NOT NULL,
    day DATE NOT NULL,
    part TEXT NOT NULL,
    place TEXT NOT NULL,
    weekend INTEGER,
    lunch BOOLEAN NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (convention_id, id)
);

CREATE TABLE IF NOT EXISTS members (
    convention_id TEXT NOT NULL REFERENCES conventions(convention_id),
    id TEXT NOT NULL,
    surname TEXT NOT NULL,
    first_name TEXT NOT NULL,
    commune TEXT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (convention_id, id)
);

-- The append-only log, as in the desk and office files, with the convention it belongs to.
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    convention_id TEXT NOT NULL REFERENCES conventions(convention_id),
    desk_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    at TIMESTAMPTZ NOT NULL,
    agent TEXT NOT NULL,
    kind TEXT NOT NULL,
    member_id TEXT,
    session_id TEXT,
    target_id TEXT,
    payload JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS events_desk_seq ON events (desk_id, seq);
CREATE INDEX IF NOT EXISTS events_session_member ON events (session_id, member_id, kind);
CREATE INDEX IF NOT EXISTS events_target ON events (target_id, kind);

CREATE OR REPLACE FUNCTION guichet_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'le journal est en ajout seul : % refusée', lower(TG_OP);
END;
$$;
DROP TRIGGER IF EXISTS events_append_only ON events;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION guichet_append_only();

CREATE TABLE IF NOT EXISTS merge_anomalies (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('contenu_different', 'poste_copie')),
    event_id TEXT NOT NULL,
    desk_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    content JSONB NOT NULL,
    source_sha256 TEXT NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, event_id, content)
);

-- One row per push, keyed by the SHA-256 of what was pushed: the same content twice is
-- recognised ("déjà envoyé") and changes nothing.
CREATE TABLE IF NOT EXISTS push_log (
    push_sha256 TEXT PRIMARY KEY,
    convention_id TEXT NOT NULL,
    office_file TEXT NOT NULL,
    event_count INTEGER NOT NULL,
    new_events INTEGER NOT NULL,
    anomalies INTEGER NOT NULL,
    pushed_at TIMESTAMPTZ NOT NULL
);

CREATE OR REPLACE VIEW live_events AS
    SELECT e.* FROM events e
    WHERE e.kind <> 'void'
      AND NOT EXISTS (
          SELECT 1 FROM events v
          WHERE v.kind = 'void' AND v.target_id = e.id AND v.convention_id = e.convention_id
      );
"""


def _pair_select(kind: str, fact: str, same: str, where: str) -> str:
    """A conflict: two live facts of kind `fact` recorded at two desks for the same thing
    (`same`, a condition on `a` and `b`), the earlier first (ties broken by id), so that each
    pair is listed once."""
    return f"""    SELECT a.convention_id, '{kind}'::text AS kind, a.id AS first_id,
           b.id AS second_id, a.member_id, a.session_id
    FROM live_events a
    JOIN live_events b
      ON b.convention_id = a.convention_id AND b.kind = '{fact}'
     AND {same} AND b.desk_id <> a.desk_id
     AND (b.at > a.at OR (b.at = a.at AND b.id > a.id))
    WHERE a.kind = '{fact}' AND {where}"""


_SAME_MEMBER_AND_SESSION = "b.session_id = a.session_id AND b.member_id = a.member_id"
# The same receipt: car park and number as typed, give or take case and spaces.
_SAME_RECEIPT = "\n     AND ".join(
    f"lower(trim(b.payload->>'{field}')) = lower(trim(a.payload->>'{field}'))"
    for field in ("car_park", "receipt_number")
)

# The conflict views of migration m003_sync (view name: its query), in the order the
# `conflicts` view lists them.
_CONFLICT_VIEWS = {
    "conflict_double_checkins": _pair_select(
        "double_checkin", "checkin", _SAME_MEMBER_AND_SESSION, "a.member_id IS NOT NULL"
    ),
    "conflict_double_meals": _pair_select(
        "double_meal", "meal.pass", _SAME_MEMBER_AND_SESSION, "a.member_id IS NOT NULL"
    ),
    # A badge used at one desk after another desk revoked it (not a pair of one kind), unless
    # a person accepted that check-in.
    "conflict_revoked_badges": """    SELECT c.convention_id, 'revoked_badge'::text AS kind, r.id AS first_id,
           c.id AS second_id, c.member_id, c.session_id
    FROM live_events c
    JOIN live_events r
      ON r.convention_id = c.convention_id AND r.kind = 'badge.revoke'
     AND r.target_id = c.payload->>'token'
     AND r.desk_id <> c.desk_id AND r.at <= c.at
    WHERE c.kind = 'checkin' AND c.payload->>'token' IS NOT NULL
      AND NOT EXISTS (
          SELECT 1 FROM live_events k
          WHERE k.convention_id = c.convention_id AND k.kind = 'conflict.accept'
            AND k.target_id = c.id AND k.payload->>'other_id' = r.id
      )""",
    "conflict_parking_receipts": _pair_select(
        "parking_receipt",
        "parking.receipt",
        _SAME_RECEIPT,
        "a.payload->>'receipt_number' IS NOT NULL",
    ),
}

SCHEMA_SQL = (
    _TABLES_SQL
    + "".join(
        f"\nCREATE OR REPLACE VIEW {view} AS\n{query};\n" for view, query in _CONFLICT_VIEWS.items()
    )
    + "\nCREATE OR REPLACE VIEW conflicts AS\n    "
    + "\n    UNION ALL ".join(f"SELECT * FROM {view}" for view in _CONFLICT_VIEWS)
    + ";\n\nINSERT INTO guichet_schema (version) VALUES (1) ON CONFLICT DO NOTHING;\n"
)

# The staging table lives for one transaction; the content compared is the fact's own
# columns (payload as jsonb: key order does not matter).
_STAGING_SQL = """
CREATE TEMP TABLE staging_events (
    id TEXT NOT NULL,
    desk_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    agent TEXT NOT NULL,
    kind TEXT NOT NULL,
    member_id TEXT,
    session_id TEXT,
    target_id TEXT,
    payload JSONB NOT NULL
) ON COMMIT DROP
"""
_SAME = " AND ".join(f"m.{c} IS NOT DISTINCT FROM s.{c}" for c in CORE_COLUMNS)
_CONTENT = "jsonb_build_object(" + ", ".join(f"'{c}', s.{c}" for c in CORE_COLUMNS) + ")"
_ANOMALY_COLUMNS = "kind, event_id, desk_id, seq, content, source_sha256, detected_at"
_ANOMALY_KNOWN = "ON CONFLICT (kind, event_id, content) DO NOTHING"


@dataclass(frozen=True)
class _Reference:
    """A reference table, refreshed from the office file by an upsert on its key."""

    table: str
    key: tuple[str, ...]
    columns: tuple[str, ...]  # key included, in the order of the rows pushed
    keep_when_null: tuple[str, ...] = ()  # a NULL from the file keeps the value known here

    def upsert_sql(self) -> str:
        updates = ", ".join(
            f"{c} = COALESCE(EXCLUDED.{c}, {self.table}.{c})"
            if c in self.keep_when_null
            else f"{c} = EXCLUDED.{c}"
            for c in self.columns
            if c not in self.key
        )
        return (
            f"INSERT INTO {self.table} ({', '.join(self.columns)}) "
            f"VALUES ({', '.join('%s' for _ in self.columns)}) "
            f"ON CONFLICT ({', '.join(self.key)}) DO UPDATE SET {updates}"
        )


_CONVENTIONS = _Reference(
    "conventions",
    ("convention_id",),
    ("convention_id", "code_tag", "title", "organiser", "deliberation"),
)
# A desk's key, once known, is not lost when a file that does not carry it is pushed.
_DESKS = _Reference(
    "desks", ("desk_id",), ("desk_id", "label", "public_key"), keep_when_null=("public_key",)
)
# Sessions can be deleted at the office (session_plan.delete_session, while no fact names
# them): besides this upsert, a push deletes the convention's sessions gone from the file
# (_drop_deleted_sessions).
_SESSIONS = _Reference(
    "sessions",
    ("convention_id", "id"),
    ("convention_id", "id", "day", "part", "place", "weekend", "lunch", "label"),
)
# Members are never deleted from an office file: a re-import of the roster updates them in
# place and marks those missing from the new file 'retiré' (roster.py), and the purge, on a
# desk only, anonymises them in place. The upsert alone keeps PostgreSQL equal to the file.
_MEMBERS = _Reference(
    "members",
    ("convention_id", "id"),
    ("convention_id", "id", "surname", "first_name", "commune", "status"),
)


# --- reading the office file ----------------------------------------------------------------


@dataclass(frozen=True)
class _Office:
    convention: tuple[str, str, str, str, str]
    desks: list[tuple[Any, ...]]
    sessions: list[tuple[Any, ...]]
    members: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    anomalies: list[tuple[Any, ...]]

    def pg_sessions(self) -> list[tuple[Any, ...]]:
        """The sessions as PostgreSQL holds them, without the convention (lunch a boolean)."""
        return [(*row[:5], bool(row[5]), row[6]) for row in self.sessions]

    def digest(self) -> str:
        """SHA-256 of everything pushed, in a canonical order: the push log's key."""
        sha = hashlib.sha256()
        for name, rows in (
            ("convention", [self.convention]),
            ("desks", self.desks),
            ("sessions", self.sessions),
            ("members", self.members),
            ("events", self.events),
            ("anomalies", self.anomalies),
        ):
            sha.update(name.encode())
            for row in rows:
                sha.update(json.dumps(row, ensure_ascii=False, default=str).encode("utf-8"))
                sha.update(b"\n")
        return sha.hexdigest()


def _read_office(db: sqlite_utils.Database) -> _Office:
    convention = get_convention(db)
    if convention is None:
        raise PushError("le fichier du bureau ne contient aucune convention.")
    columns = ", ".join(CORE_COLUMNS)
    return _Office(
        convention=(
            convention.convention_id,
            convention.code_tag,
            convention.title,
            convention.organiser,
            convention.deliberation,
        ),
        desks=[
            tuple(r) for r in db.execute("SELECT desk_id, label, public_key FROM desks ORDER BY 1")
        ],
        sessions=[
            tuple(r)
            for r in db.execute(
                "SELECT id, day, part, place, weekend, lunch, label FROM sessions ORDER BY id"
            )
        ],
        members=[
            tuple(r)
            for r in db.execute(
                "SELECT m.id, m.surname, m.first_name, c.name, m.status FROM members m "
                "JOIN communes c ON c.insee = m.commune_insee ORDER BY m.id"
            )
        ],
        events=[tuple(r) for r in db.execute(f"SELECT {columns} FROM events ORDER BY id")],
        anomalies=[
            tuple(r)
            for r in db.execute(
                "SELECT kind, event_id, desk_id, seq, content, file_sha256, detected_at "
                "FROM merge_anomalies ORDER BY id"
            )
        ],
    )


# --- pushing --------------------------------------------------------------------------------


def _connect(url: str) -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise PushError(
            "psycopg n'est pas installé : installez l'option bureau (pip install 'guichet[office]')."
        ) from exc
    try:
        return psycopg.connect(url, connect_timeout=10)
    except psycopg.Error as exc:
        raise PushError(f"connexion à PostgreSQL impossible : {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def ensure_schema(conn: Any) -> None:
    """Create (or bring up to date) the tables and views; safe to run on every push. An
    advisory lock keeps two simultaneous pushes from creating them at the same time."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('guichet_schema'))")
        conn.execute(SCHEMA_SQL)


def push_office(
    office: sqlite_utils.Database | Path | str,
    url: str,
    *,
    clock: Clock = system_clock,
) -> PushReport:
    """Load the office file's facts into the PostgreSQL database at `url` (all or nothing)."""
    if isinstance(office, sqlite_utils.Database):
        data, name = _read_office(office), "office"
    else:
        try:
            db = open_database(office)
        except StorageError as exc:
            raise PushError(str(exc)) from exc
        try:
            data, name = _read_office(db), Path(office).name
        finally:
            db.close()
    conn = _connect(url)
    try:
        return _push(conn, data, name, clock)
    except PushError:
        raise
    except Exception as exc:
        import psycopg

        if isinstance(exc, psycopg.Error):
            raise PushError(
                f"erreur PostgreSQL (rien n'a été envoyé) : {_first_line(exc)}"
            ) from exc
        raise
    finally:
        conn.close()


def _push(conn: Any, data: _Office, name: str, clock: Clock) -> PushReport:
    ensure_schema(conn)
    digest = data.digest()
    convention_id = data.convention[0]
    now = to_utc_text(clock())
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('guichet_push'))")
        known = conn.execute(
            "SELECT event_count FROM push_log WHERE push_sha256 = %s", [digest]
        ).fetchone()
        # The same content pushed before, and PostgreSQL still holds its reference data: a
        # later push of another state of the file (a session deleted since, then this older
        # file put back) leaves it different, and this push must bring it back.
        if known is not None and _reference_unchanged(conn, data):
            return PushReport(
                PushOutcome.ALREADY_PUSHED, digest, convention_id, len(data.events), 0, 0
            )
        _refresh_reference(conn, data)
        conn.execute(_STAGING_SQL)
        with conn.cursor().copy(
            f"COPY staging_events ({', '.join(CORE_COLUMNS)}) FROM STDIN"
        ) as copy:
            for row in data.events:
                copy.write_row(row)
        anomalies = conn.execute(
            f"INSERT INTO merge_anomalies ({_ANOMALY_COLUMNS}) "
            f"SELECT 'contenu_different', s.id, s.desk_id, s.seq, {_CONTENT}, %s, %s "
            f"FROM staging_events s JOIN events m ON m.id = s.id WHERE NOT ({_SAME}) "
            f"{_ANOMALY_KNOWN}",
            [digest, now],
        ).rowcount
        names = ", ".join(CORE_COLUMNS)
        new_events = conn.execute(
            f"INSERT INTO events (convention_id, {names}) "
            f"SELECT %s, {names} FROM staging_events ORDER BY id "
            "ON CONFLICT (id) DO NOTHING",
            [convention_id],
        ).rowcount
        anomalies += _copy_anomalies(conn, data.anomalies)
        # After the facts: a session deleted at the office is checked against every fact
        # PostgreSQL will hold, this push's included.
        sessions_deleted = _drop_deleted_sessions(conn, data)
        conn.execute(
            "INSERT INTO push_log (push_sha256, convention_id, office_file, event_count, "
            "new_events, anomalies, pushed_at) VALUES (%s, %s, %s, %s, %s, %s, %s) "
            # The log keeps the first push of a content (see above for a second one).
            "ON CONFLICT (push_sha256) DO NOTHING",
            [digest, convention_id, name, len(data.events), new_events, anomalies, now],
        )
    return PushReport(
        PushOutcome.PUSHED,
        digest,
        convention_id,
        len(data.events),
        max(new_events, 0),
        max(anomalies, 0),
        sessions_deleted,
    )


def _refresh_reference(conn: Any, data: _Office) -> None:
    convention_id = data.convention[0]
    rows: list[tuple[_Reference, Sequence[Sequence[Any]]]] = [
        (_CONVENTIONS, [data.convention]),
        (_DESKS, data.desks),
        (_SESSIONS, [(convention_id, *row) for row in data.pg_sessions()]),
        (_MEMBERS, [(convention_id, *r) for r in data.members]),
    ]
    with conn.cursor() as cur:
        for reference, values in rows:
            cur.executemany(reference.upsert_sql(), values)


def _reference_unchanged(conn: Any, data: _Office) -> bool:
    """PostgreSQL's convention, sessions and members for this convention are the file's."""
    convention_id = data.convention[0]
    convention = conn.execute(
        "SELECT convention_id, code_tag, title, organiser, deliberation FROM conventions "
        "WHERE convention_id = %s",
        [convention_id],
    ).fetchall()
    sessions = conn.execute(
        "SELECT id, to_char(day, 'YYYY-MM-DD'), part, place, weekend, lunch, label "
        "FROM sessions WHERE convention_id = %s ORDER BY id",
        [convention_id],
    ).fetchall()
    members = conn.execute(
        "SELECT id, surname, first_name, commune, status FROM members "
        "WHERE convention_id = %s ORDER BY id",
        [convention_id],
    ).fetchall()
    return bool(
        convention == [data.convention]
        and sessions == data.pg_sessions()
        and members == data.members
    )


def _drop_deleted_sessions(conn: Any, data: _Office) -> int:
    """Delete the convention's sessions that the office file no longer has, so that no reader
    of PostgreSQL sees a session that does not exist. Refused (PushError, the push's
    transaction rolled back) while a fact here names one: the office file that deleted it
    lacks facts that PostgreSQL has (an older copy, another office's file), and deleting the
    session would leave those facts pointing at nothing."""
    convention_id = data.convention[0]
    kept = [str(row[0]) for row in data.sessions]
    gone = conn.execute(
        "SELECT id, day, label FROM sessions "
        "WHERE convention_id = %s AND id <> ALL(%s::text[]) ORDER BY day, id",
        [convention_id, kept],
    ).fetchall()
    if not gone:
        return 0
    ids = [str(session_id) for session_id, _, _ in gone]
    # Facts of the log, and facts set aside whose original belongs to this convention
    # (session ids such as 'we1-samedi' repeat from one convention to the next); a fact and
    # its set-aside version count once.
    named = dict(
        conn.execute(
            "SELECT session_id, COUNT(DISTINCT id) FROM ("
            "  SELECT e.session_id, e.id FROM events e "
            "  WHERE e.convention_id = %(c)s AND e.session_id = ANY(%(ids)s::text[]) "
            "  UNION ALL "
            "  SELECT a.content->>'session_id', a.event_id FROM merge_anomalies a "
            "  WHERE a.content->>'session_id' = ANY(%(ids)s::text[]) AND EXISTS ("
            "    SELECT 1 FROM events e WHERE e.id = a.event_id AND e.convention_id = %(c)s)"
            ") named GROUP BY 1",
            {"c": convention_id, "ids": ids},
        ).fetchall()
    )
    if named:
        raise PushError(_refusal([(row, named[row[0]]) for row in gone if row[0] in named]))
    conn.execute(
        "DELETE FROM sessions WHERE convention_id = %s AND id = ANY(%s::text[])",
        [convention_id, ids],
    )
    return len(ids)


def _refusal(named: Sequence[tuple[tuple[Any, ...], int]]) -> str:
    """The French message of a push refused because facts name deleted sessions."""
    described = ", ".join(
        f"« {label} » du {day:%d/%m/%Y} ({session_id}, {count} fait(s))"
        for (session_id, day, label), count in named
    )
    if len(named) == 1:
        what = f"la séance {described} n'est plus dans le fichier du bureau, mais des faits"
        what += " déjà dans PostgreSQL la nomment"
    else:
        what = f"les séances {described} ne sont plus dans le fichier du bureau, mais des faits"
        what += " déjà dans PostgreSQL les nomment"
    return (
        f"envoi refusé, rien n'a été envoyé : {what}. Ce fichier est sans doute une copie "
        "antérieure à la fusion de ces faits : envoyez le fichier du bureau à jour."
    )


def _copy_anomalies(conn: Any, rows: Sequence[tuple[Any, ...]]) -> int:
    """The office file's own anomalies (set aside at its merges) travel too."""
    added = 0
    for kind, event_id, desk_id, seq, content, sha, detected_at in rows:
        cursor = conn.execute(
            f"INSERT INTO merge_anomalies ({_ANOMALY_COLUMNS}) "
            f"VALUES (%s, %s, %s, %s, %s::jsonb, %s, %s) {_ANOMALY_KNOWN}",
            [kind, event_id, desk_id, seq, content, sha, detected_at],
        )
        added += max(cursor.rowcount, 0)
    return added


def postgres_conflicts(url: str, convention_id: str | None = None) -> list[tuple[str, str, str]]:
    """(kind, first_id, second_id) of the open conflicts in PostgreSQL, sorted."""
    conn = _connect(url)
    try:
        rows: Iterator[tuple[Any, ...]] = conn.execute(
            "SELECT kind, first_id, second_id FROM conflicts "
            "WHERE %s::text IS NULL OR convention_id = %s ORDER BY 1, 2, 3",
            [convention_id, convention_id],
        ).fetchall()
        return [(str(k), str(a), str(b)) for k, a, b in rows]
    finally:
        conn.close()
