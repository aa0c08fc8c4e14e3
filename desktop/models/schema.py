"""The schema, changed only through sqlite-utils migrations (applied at every start-up).

Reference data (convention, sessions, members, badges) comes from the office; facts (the
`events` log) are written at the desk and never updated nor deleted.
"""

import sqlite3

import sqlite_utils
from sqlite_utils import Migrations

MIGRATIONS = Migrations("guichet")


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run statements one by one inside the migration's transaction (executescript would
    COMMIT first and break the all-or-nothing promise of a migration)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending!r}")


@MIGRATIONS()
def m001_core(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE desk_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            desk_id TEXT NOT NULL,
            label TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('desk', 'office'))
        ) STRICT;

        CREATE TABLE desks (
            desk_id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            public_key TEXT
        ) STRICT;

        CREATE TABLE convention (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            convention_id TEXT NOT NULL,
            code_tag TEXT NOT NULL,
            title TEXT NOT NULL,
            organiser TEXT NOT NULL,
            deliberation TEXT NOT NULL
        ) STRICT;

        CREATE TABLE communes (
            insee TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            postal_codes TEXT NOT NULL,
            tram_2023 INTEGER NOT NULL CHECK (tram_2023 IN (0, 1))
        ) STRICT;

        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            part TEXT NOT NULL CHECK (part IN ('matin', 'après-midi', 'journée', 'soirée')),
            place TEXT NOT NULL,
            weekend INTEGER,
            lunch INTEGER NOT NULL CHECK (lunch IN (0, 1)),
            label TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sessions_day ON sessions(day);

        CREATE TABLE members (
            id TEXT PRIMARY KEY,
            external_ref TEXT,
            surname TEXT NOT NULL,
            first_name TEXT NOT NULL,
            commune_insee TEXT NOT NULL REFERENCES communes(insee),
            status TEXT NOT NULL CHECK (status IN ('actif', 'suppléant', 'retiré')),
            pass_status TEXT NOT NULL CHECK (pass_status IN ('aucun', 'week-end', '7j-7', 'en cours')),
            parking_eligible INTEGER NOT NULL CHECK (parking_eligible IN (0, 1)),
            parking_reason TEXT NOT NULL,
            menu TEXT NOT NULL CHECK (menu IN ('standard', 'végétarien', 'sans porc', 'autre')),
            needs_assistance INTEGER NOT NULL CHECK (needs_assistance IN (0, 1)),
            assistance_note TEXT NOT NULL,
            search_key TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX members_external_ref ON members(external_ref)
            WHERE external_ref IS NOT NULL;

        CREATE TABLE badges (
            token TEXT PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES members(id),
            issued_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX badges_member ON badges(member_id);

        -- The append-only log of facts (SYNC.md). One row per fact; corrections are new rows
        -- of kind 'void' whose target_id names the fact they cancel.
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            desk_id TEXT NOT NULL,
            seq INTEGER NOT NULL CHECK (seq >= 1),
            at TEXT NOT NULL,
            agent TEXT NOT NULL,
            kind TEXT NOT NULL,
            member_id TEXT,
            session_id TEXT,
            target_id TEXT,
            payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
            UNIQUE (desk_id, seq)
        ) STRICT;
        CREATE INDEX events_session_member ON events(session_id, member_id, kind);
        CREATE INDEX events_target ON events(target_id, kind);
        CREATE INDEX events_member ON events(member_id, kind);

        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN
            SELECT RAISE(ABORT, 'le journal est en ajout seul : modification refusée');
        END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN
            SELECT RAISE(ABORT, 'le journal est en ajout seul : suppression refusée');
        END;

        -- Facts still in force: not cancelled by a later 'void'.
        CREATE VIEW live_events AS
            SELECT e.* FROM events e
            WHERE e.kind <> 'void'
              AND NOT EXISTS (
                  SELECT 1 FROM events v WHERE v.kind = 'void' AND v.target_id = e.id
              );
        """,
    )


# text.fold in SQL, for views that any SQLite client can read (no custom function): lower
# case, accents and ligatures folded, separators dropped. SQLite's lower() folds ASCII only.
_SQL_FOLDS = (
    *((ch, "a") for ch in "àâäáãåÀÂÄÁÃÅ"),
    *((ch, "c") for ch in "çÇ"),
    *((ch, "e") for ch in "éèêëÉÈÊË"),
    *((ch, "i") for ch in "îïíìÎÏÍÌ"),
    *((ch, "n") for ch in "ñÑ"),
    *((ch, "o") for ch in "ôöóòõÔÖÓÒÕ"),
    *((ch, "u") for ch in "ùûüúÙÛÜÚ"),
    *((ch, "y") for ch in "ÿýŸÝ"),
    ("œ", "oe"),
    ("Œ", "oe"),
    ("æ", "ae"),
    ("Æ", "ae"),
    ("ß", "ss"),
    *((ch, "") for ch in " \t-‐‑–—'’`´_.,/()"),
)


def _sql_fold_steps(column: str, size: int = 12) -> list[str]:
    """The fold as successive expressions of at most `size` nested replace() each (SQLite's
    parser refuses deeper nesting): step n reads the column computed by step n - 1."""
    steps = []
    for start in range(0, len(_SQL_FOLDS), size):
        folded = column if start else f"lower(CAST({column} AS TEXT))"
        for source, target in _SQL_FOLDS[start : start + size]:
            quoted = source.replace("'", "''")
            folded = f"replace({folded}, '{quoted}', '{target}')"
        steps.append(folded)
    return steps


def _parking_view() -> str:
    """The same receipt (car park + number) at two desks, compared as a desk compares them
    (text.fold: case, accents and separators do not count). Keys are computed once per
    receipt, in materialized steps, then paired."""
    park = _sql_fold_steps("park")
    number = _sql_fold_steps("number")
    steps = [
        "k0 AS MATERIALIZED (SELECT id, desk_id, at, member_id, session_id, "
        "json_extract(payload, '$.car_park') AS park, "
        "json_extract(payload, '$.receipt_number') AS number FROM live_events "
        "WHERE kind = 'parking.receipt' AND json_extract(payload, '$.receipt_number') IS NOT NULL)"
    ]
    for n, (p, r) in enumerate(zip(park, number, strict=True), start=1):
        steps.append(
            f"k{n} AS MATERIALIZED (SELECT id, desk_id, at, member_id, session_id, "
            f"{p} AS park, {r} AS number FROM k{n - 1})"
        )
    last = f"k{len(steps) - 1}"
    return (
        "CREATE VIEW conflict_parking_receipts AS WITH "
        + ",\n".join(steps)
        + "\nSELECT 'parking_receipt' AS kind, a.id AS first_id, b.id AS second_id, "
        f"a.member_id, a.session_id FROM {last} a JOIN {last} b "
        "ON b.number = a.number AND b.park = a.park AND b.desk_id <> a.desk_id "
        "AND (b.at > a.at OR (b.at = a.at AND b.id > a.id)) WHERE a.number <> '';\n"
    )


# The office side of SYNC.md (migration m003_sync below).
_M003_SCRIPT = """
        -- One row per export file merged here, keyed by the SHA-256 of its bytes: the same
        -- file offered twice is recognised ("déjà importé") and changes nothing.
        CREATE TABLE import_log (
            file_sha256 TEXT PRIMARY KEY,
            desk_id TEXT NOT NULL,
            desk_label TEXT NOT NULL,
            file_name TEXT NOT NULL,
            last_seq INTEGER NOT NULL,
            event_count INTEGER NOT NULL,
            new_events INTEGER NOT NULL,
            anomalies INTEGER NOT NULL,
            exported_at TEXT NOT NULL,
            imported_at TEXT NOT NULL
        ) STRICT;

        -- Facts that could not join the log: the same id with another content, or a desk
        -- sequence number already taken by another fact (a desk file copied to two laptops).
        -- The whole incoming row is kept as JSON; the original in `events` is never touched.
        CREATE TABLE merge_anomalies (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('contenu_different', 'poste_copie')),
            event_id TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            content TEXT NOT NULL CHECK (json_valid(content)),
            file_sha256 TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            UNIQUE (kind, event_id, content)
        ) STRICT;
        CREATE TRIGGER merge_anomalies_no_update BEFORE UPDATE ON merge_anomalies
        BEGIN
            SELECT RAISE(ABORT, 'les anomalies sont en ajout seul : modification refusée');
        END;
        CREATE TRIGGER merge_anomalies_no_delete BEFORE DELETE ON merge_anomalies
        BEGIN
            SELECT RAISE(ABORT, 'les anomalies sont en ajout seul : suppression refusée');
        END;

        -- Conflicts are computed over the live facts, never resolved by the machine. Each
        -- row names two facts from two desks; voiding either one makes the row disappear.
        CREATE VIEW conflict_double_checkins AS
            SELECT 'double_checkin' AS kind, a.id AS first_id, b.id AS second_id,
                   a.member_id, a.session_id
            FROM live_events a
            JOIN live_events b
              ON b.kind = 'checkin' AND b.session_id = a.session_id
             AND b.member_id = a.member_id AND b.desk_id <> a.desk_id
             AND (b.at > a.at OR (b.at = a.at AND b.id > a.id))
            WHERE a.kind = 'checkin' AND a.member_id IS NOT NULL;

        CREATE VIEW conflict_double_meals AS
            SELECT 'double_meal' AS kind, a.id AS first_id, b.id AS second_id,
                   a.member_id, a.session_id
            FROM live_events a
            JOIN live_events b
              ON b.kind = 'meal.pass' AND b.session_id = a.session_id
             AND b.member_id = a.member_id AND b.desk_id <> a.desk_id
             AND (b.at > a.at OR (b.at = a.at AND b.id > a.id))
            WHERE a.kind = 'meal.pass' AND a.member_id IS NOT NULL;

        -- A check-in with a badge that another desk had revoked earlier. Keeping the check-in
        -- must not bring the old badge back: it is accepted by a 'conflict.accept' fact.
        CREATE VIEW conflict_revoked_badges AS
            SELECT 'revoked_badge' AS kind, r.id AS first_id, c.id AS second_id,
                   c.member_id, c.session_id
            FROM live_events c
            JOIN live_events r
              ON r.kind = 'badge.revoke'
             AND r.target_id = json_extract(c.payload, '$.token')
             AND r.desk_id <> c.desk_id AND r.at <= c.at
            WHERE c.kind = 'checkin' AND json_extract(c.payload, '$.token') IS NOT NULL
              AND NOT EXISTS (
                  SELECT 1 FROM live_events k
                  WHERE k.kind = 'conflict.accept' AND k.target_id = c.id
                    AND json_extract(k.payload, '$.other_id') = r.id
              );

        -- PARKING VIEW (see _parking_view)

        CREATE VIEW conflicts AS
            SELECT * FROM conflict_double_checkins
            UNION ALL SELECT * FROM conflict_double_meals
            UNION ALL SELECT * FROM conflict_revoked_badges
            UNION ALL SELECT * FROM conflict_parking_receipts;
"""


@MIGRATIONS()
def m003_sync(db: sqlite_utils.Database) -> None:
    """The office side of SYNC.md: the import log, the anomaly table, the conflict views."""
    script = _M003_SCRIPT.replace("        -- PARKING VIEW (see _parking_view)\n", _parking_view())
    run_script(db, script)


@MIGRATIONS()
def m002_handouts(db: sqlite_utils.Database) -> None:
    """Hand-outs (meal passes, tram tickets, stock, parking receipts). The hand-outs themselves
    are facts in `events`; these tables hold only reference data and content-addressed scans."""
    import secrets

    run_script(
        db,
        """
        -- Convention-wide settings that travel with the file (key/value, typed by their module).
        CREATE TABLE convention_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;

        -- The catalogue of transport tickets. Dates are AAAA-MM-JJ, inclusive; NULL: open.
        -- free_travel_applies: a pass or the free travel for residents makes it unnecessary.
        CREATE TABLE ticket_products (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
            valid_from TEXT CHECK (valid_from IS NULL OR date(valid_from) = valid_from),
            valid_until TEXT CHECK (valid_until IS NULL OR date(valid_until) = valid_until),
            free_travel_applies INTEGER NOT NULL DEFAULT 1 CHECK (free_travel_applies IN (0, 1)),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
        ) STRICT;
        CREATE UNIQUE INDEX ticket_products_name ON ticket_products(name);

        -- A session's ticket policy: which products, how many per attendance.
        CREATE TABLE session_tickets (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            product_id TEXT NOT NULL REFERENCES ticket_products(id),
            quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 20),
            PRIMARY KEY (session_id, product_id)
        ) STRICT;

        -- Scans of parking receipts, stored once by content (merging desks is a union by hash).
        CREATE TABLE attachments (
            sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size > 0),
            content BLOB NOT NULL CHECK (length(content) = size)
        ) STRICT;

        -- Meal passes are found by their token when the caterer scans them.
        CREATE INDEX events_token ON events(kind, json_extract(payload, '$.token'));
        """,
    )
    # The key of the meal passes' signatures: made once, with the file the office prepares,
    # so every desk copy and the caterer's laptop check the same signatures.
    db.execute(
        "INSERT INTO convention_settings (key, value) VALUES ('meal_pass_secret', ?)",
        [secrets.token_hex(32)],
    )
    db.execute(
        "INSERT INTO convention_settings (key, value) VALUES ('parking_ceiling_cents', '3000')"
    )


@MIGRATIONS()
def m004_trust(db: sqlite_utils.Database) -> None:
    """Trust (issue 6): the hash chain of each desk's log, agents' accounts, the purge log.

    The chain is a column of `events` rather than a side table: it is then covered by the
    triggers that refuse UPDATE and DELETE, it travels in every copy of the file (export
    snapshot, backup) without a line of code, and the office merge copies it with the other
    shared columns. Rows written before this migration keep a NULL chain (the triggers forbid
    filling it in, and rewriting the log would be the very edit the chain exists to reveal);
    the first chained row of a desk folds them in, so they are covered all the same (chain.py).
    """
    run_script(
        db,
        """
        ALTER TABLE events ADD COLUMN chain TEXT
            CHECK (chain IS NULL OR (length(chain) = 64 AND chain NOT GLOB '*[^0-9a-f]*'));

        -- Agents of the desk. Only a slow salted hash (scrypt) of the password and of the
        -- optional quick PIN is kept; what happens to an account is a fact in `events`.
        CREATE TABLE accounts (
            name TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
            role TEXT NOT NULL CHECK (role IN ('accueil', 'responsable', 'bureau')),
            password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
            pin_hash TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE 'scrypt$%'),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            changed_at TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX accounts_name_nocase ON accounts(lower(name));

        -- "Purger le poste": what was deleted, when, by whom, on whose acknowledgement.
        CREATE TABLE purge_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            agent TEXT NOT NULL,
            export_sha256 TEXT NOT NULL,
            acknowledged_by TEXT NOT NULL,
            members INTEGER NOT NULL,
            badges INTEGER NOT NULL,
            attachments INTEGER NOT NULL,
            details TEXT NOT NULL CHECK (json_valid(details))
        ) STRICT;
        CREATE TRIGGER purge_log_no_update BEFORE UPDATE ON purge_log
        BEGIN
            SELECT RAISE(ABORT, 'le journal des purges est en ajout seul : modification refusée');
        END;
        CREATE TRIGGER purge_log_no_delete BEFORE DELETE ON purge_log
        BEGIN
            SELECT RAISE(ABORT, 'le journal des purges est en ajout seul : suppression refusée');
        END;
        """,
    )


@MIGRATIONS()
def m005_query_indexes(db: sqlite_utils.Database) -> None:
    # With only `events_token (kind, token)` to go on, SQLite scanned every check-in of the
    # file to count one session's arrivals (80 ms at 200 000 facts); with kind and session
    # both in one index it reads that session's rows only (0.1 ms).
    run_script(
        db,
        """
        CREATE INDEX events_kind_session ON events(kind, session_id, member_id);
        """,
    )


def _parking_view_by_key() -> str:
    """The parking view of m003 (same keys, same pairs), but the pairs are looked for only
    among the receipts whose key appears more than once: m003's plan compared every receipt
    with every other one (0.6 s for 2 800 receipts, and quadratic)."""
    created = _parking_view()
    last = f"k{len(_sql_fold_steps('park'))}"
    head, _, _pairs = created.partition("\nSELECT 'parking_receipt'")
    return (
        head + f",\ntwice AS MATERIALIZED (SELECT park, number FROM {last} WHERE number <> '' "
        "GROUP BY park, number HAVING COUNT(*) > 1)\n"
        "SELECT 'parking_receipt' AS kind, a.id AS first_id, b.id AS second_id, "
        f"a.member_id, a.session_id FROM twice t CROSS JOIN {last} a "
        f"ON a.park = t.park AND a.number = t.number JOIN {last} b "
        "ON b.number = a.number AND b.park = a.park AND b.desk_id <> a.desk_id "
        "AND (b.at > a.at OR (b.at = a.at AND b.id > a.id));\n"
    )


_DOUBLE_VIEW = """
        CREATE VIEW conflict_double_{name}s AS
            WITH candidates AS MATERIALIZED (
                SELECT session_id, member_id FROM events
                WHERE kind = '{kind}' AND member_id IS NOT NULL
                GROUP BY session_id, member_id HAVING COUNT(*) > 1
            )
            SELECT 'double_{name}' AS kind, a.id AS first_id, b.id AS second_id,
                   a.member_id, a.session_id
            FROM candidates g
            CROSS JOIN live_events a
              ON a.kind = '{kind}' AND a.session_id = g.session_id
             AND a.member_id = g.member_id
            JOIN live_events b
              ON b.kind = '{kind}' AND b.session_id = a.session_id
             AND b.member_id = a.member_id AND b.desk_id <> a.desk_id
             AND (b.at > a.at OR (b.at = a.at AND b.id > a.id));
"""


@MIGRATIONS()
def m006_conflict_views(db: sqlite_utils.Database) -> None:
    """The conflict views of m003, same rows, read in time proportional to the conflicts
    rather than to the log: at 200 000 facts `conflicts` took 1.9 s, now 0.15 s.

    - two check-ins (two meal passes): only the (session, member) pairs with more than one
      such fact are joined, found in one pass over the covering index (kind, session,
      member); m003 checked every live check-in against its session's others;
    - a revoked badge used elsewhere: from the (few) revocations to the check-ins made with
      that token (index events_token), not from every check-in;
    - the same parking receipt: see _parking_view_by_key.
    `CROSS JOIN` keeps SQLite's planner from putting the small side inside the loop.
    """
    script = (
        "DROP VIEW conflict_double_checkins;\n"
        "DROP VIEW conflict_double_meals;\n"
        "DROP VIEW conflict_revoked_badges;\n"
        "DROP VIEW conflict_parking_receipts;\n"
        + _DOUBLE_VIEW.format(name="checkin", kind="checkin")
        + _DOUBLE_VIEW.format(name="meal", kind="meal.pass")
        + """
        CREATE VIEW conflict_revoked_badges AS
            SELECT 'revoked_badge' AS kind, r.id AS first_id, c.id AS second_id,
                   c.member_id, c.session_id
            FROM live_events r
            CROSS JOIN live_events c
              ON c.kind = 'checkin' AND json_extract(c.payload, '$.token') = r.target_id
             AND r.desk_id <> c.desk_id AND r.at <= c.at
            WHERE r.kind = 'badge.revoke'
              AND NOT EXISTS (
                  SELECT 1 FROM live_events k
                  WHERE k.kind = 'conflict.accept' AND k.target_id = c.id
                    AND json_extract(k.payload, '$.other_id') = r.id
              );
"""
        + _parking_view_by_key()
    )
    run_script(db, script)


@MIGRATIONS()
def m007_ticket_day_index(db: sqlite_utils.Database) -> None:
    # A desk's stock sheet of a day (stock.day_stock: the desk's F7 screen, the day close,
    # every desk-day of the office's report) reads that desk's ticket hand-outs of that day;
    # with only (kind, token) to go on SQLite read every hand-out of the file and parsed its
    # JSON, 20 ms per sheet at 200 000 facts (0.8 s for a weekend's 40 sheets). Partial: only
    # hand-outs pay for it when a fact is written or merged.
    run_script(
        db,
        """
        CREATE INDEX events_ticket_day ON events(desk_id, json_extract(payload, '$.day'))
            WHERE kind = 'ticket.handout';
        """,
    )


@MIGRATIONS()
def m008_import_agent(db: sqlite_utils.Database) -> None:
    # Who merged each export at the office (the office agent of `guichet merge --agent` or of
    # the "Bureau" window): part of the audit trail of the import log. Rows merged before this
    # migration, and merges run without an agent on a file without accounts, keep '' — "not
    # recorded", shown as such — rather than a name nobody typed. Only the office reads this
    # table; a desk export made before this migration (no such column) merges as before, the
    # merge reads nothing from the incoming file's import_log.
    run_script(
        db,
        """
        ALTER TABLE import_log ADD COLUMN agent TEXT NOT NULL DEFAULT '';
        """,
    )
