"""Setting up a desk laptop from the office's prepared convention file, and registering it.

The office prepares one file (convention, communes, sessions, members, badges, ticket catalogue,
settings...). `create_desk` copies every reference table of that file into a new desk file,
generically (a table added by a later migration travels without a change here), gives the desk
a new id and an Ed25519 key pair, and registers the public key in the office file. The office's
own facts (`events`) and identity stay at the office.
"""

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop.models import journal, keys
from desktop.models.convention import get_convention
from desktop.models.ids import uuid7
from desktop.models.storage import StorageError, open_database, write_transaction

# Tables that belong to one file and never go from the office to a desk: the log of facts,
# the file's identity, the office's import records, the scans of receipts (personal data the
# desk does not need), a desk's own purge log, and the migration bookkeeping (each file runs
# its own migrations). Every other table is reference data and is copied as it is.
LOCAL_TABLES = frozenset(
    {
        "events",
        "desk_identity",
        "import_log",
        "merge_anomalies",
        "attachments",
        "purge_log",
        "_sqlite_migrations",
    }
)


class DeskSetupError(Exception):
    """Setting up or registering a desk failed; the message is French."""


@dataclass(frozen=True)
class DeskCreated:
    desk_id: str
    label: str
    db_path: Path
    key_path: Path
    public_key: str
    convention_id: str
    tables: tuple[str, ...]
    registered: bool


def create_desk(
    office_path: Path | str, desk_path: Path | str, label: str, *, register: bool = True
) -> DeskCreated:
    """A new desk file made from the office's file; nothing is left behind on failure."""
    office_path, desk_path, label = Path(office_path), Path(desk_path), label.strip()
    if not label:
        raise DeskSetupError("Le nom du poste est obligatoire (--label).")
    secret = keys.key_path(desk_path)
    for path in (desk_path, secret):
        if path.exists():
            raise DeskSetupError(f"Le fichier {path} existe déjà : il ne sera pas écrasé.")
    office = _open(office_path)
    try:
        convention = get_convention(office)
        if convention is None:
            raise DeskSetupError(f"{office_path} ne contient pas de convention préparée.")
        if register:
            _check_label_free(office, label, None)
        private = keys.new_private_key()
        public = keys.public_text(private)
        desk_id = uuid7()
        try:
            keys.write_private_key(secret, private)
            tables = _fill_desk(office_path, desk_path, desk_id, label, public)
            if register:
                with write_transaction(office):
                    journal.register_desk(office, desk_id, label, public)
        except BaseException:
            _remove(desk_path, secret)
            raise
    finally:
        office.close()
    return DeskCreated(
        desk_id, label, desk_path, secret, public, convention.convention_id, tables, register
    )


def _open(path: Path) -> sqlite_utils.Database:
    try:
        return open_database(path)
    except StorageError as exc:
        raise DeskSetupError(str(exc)) from exc


def _fill_desk(
    office_path: Path, desk_path: Path, desk_id: str, label: str, public: str
) -> tuple[str, ...]:
    try:
        desk = open_database(desk_path, create=True)
    except StorageError as exc:
        raise DeskSetupError(str(exc)) from exc
    try:
        desk.execute("ATTACH DATABASE ? AS office", [str(office_path)])
        try:
            with write_transaction(desk):
                # Rows are copied in any order; foreign keys are checked once, at commit.
                desk.execute("PRAGMA defer_foreign_keys = ON")
                copied = _copy_reference(desk)
                journal.init_identity(desk, desk_id, label, "desk")
                journal.register_desk(desk, desk_id, label, public)
        finally:
            desk.execute("DETACH DATABASE office")
    except sqlite3.DatabaseError as exc:
        raise DeskSetupError(f"Copie du fichier du bureau impossible : {exc}") from exc
    finally:
        desk.close()
    return copied


def _tables(db: sqlite_utils.Database, schema: str) -> list[str]:
    rows = db.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [str(row[0]) for row in rows]


def _columns(db: sqlite_utils.Database, schema: str, table: str) -> list[str]:
    rows = db.execute(f'PRAGMA {schema}.table_info("{table}")').fetchall()
    return [str(row[1]) for row in rows]


def _copy_reference(desk: sqlite_utils.Database) -> tuple[str, ...]:
    """Replace each reference table of the desk by the office's rows (a fresh desk file may
    hold rows seeded by a migration, such as settings, that must be the office's)."""
    desk_tables = set(_tables(desk, "main"))
    copied = []
    for table in _tables(desk, "office"):
        if table in LOCAL_TABLES or table not in desk_tables:
            continue
        wanted = set(_columns(desk, "main", table))
        columns = ", ".join(f'"{c}"' for c in _columns(desk, "office", table) if c in wanted)
        where = ""
        if table == "badges":
            # A badge revoked at the office opens nothing at a desk: it does not travel.
            where = (
                " WHERE NOT EXISTS (SELECT 1 FROM office.events r WHERE r.kind = 'badge.revoke'"
                " AND r.target_id = badges.token AND NOT EXISTS (SELECT 1 FROM office.events v"
                " WHERE v.kind = 'void' AND v.target_id = r.id))"
            )
        desk.execute(f'DELETE FROM main."{table}"')
        desk.execute(
            f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM office."{table}"{where}'
        )
        copied.append(table)
    return tuple(copied)


def _check_label_free(office: sqlite_utils.Database, label: str, desk_id: str | None) -> None:
    row = office.execute(
        "SELECT desk_id FROM desks WHERE label = ? AND desk_id IS NOT ?", [label, desk_id]
    ).fetchone()
    if row is not None:
        raise DeskSetupError(
            f"Un poste s'appelle déjà « {label} » au bureau : choisissez un autre nom."
        )


def _remove(*paths: Path) -> None:
    for path in paths:
        for extra in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{path}{extra}")


# --- a desk made elsewhere: its identity file, registered at the office ---------------------


def desk_identity(db_path: Path | str, *, create_key: bool = True) -> keys.DeskIdentity:
    """This desk's identity. A desk that has never had a key (a file made before keys
    existed, or by `guichet demo`) gets one now; a desk whose key file is lost does not get a
    new one silently, since the office would then refuse its exports."""
    db_path = Path(db_path)
    db = _open(db_path)
    try:
        desk = journal.local_desk(db, "")
        convention = get_convention(db)
        if convention is None:
            raise DeskSetupError(f"{db_path} ne contient pas de convention.")
        row = db.execute(
            "SELECT public_key FROM desks WHERE desk_id = ?", [desk.desk_id]
        ).fetchone()
        recorded = None if row is None or row[0] is None else str(row[0])
        secret = keys.key_path(db_path)
        if recorded is None and not secret.exists() and create_key:
            private = keys.new_private_key()
            keys.write_private_key(secret, private)
            recorded = keys.public_text(private)
            with write_transaction(db):
                journal.register_desk(db, desk.desk_id, desk.label, recorded)
        try:
            private = keys.read_private_key(secret)
        except keys.DeskKeyError as exc:
            raise DeskSetupError(str(exc)) from exc
        public = keys.public_text(private)
        if recorded != public:
            raise DeskSetupError(
                f"La clé {secret} ne correspond pas à la clé enregistrée pour ce poste."
            )
        return keys.DeskIdentity(desk.desk_id, desk.label, public, convention.convention_id)
    except LookupError as exc:
        raise DeskSetupError(f"{db_path} n'a pas d'identité de poste.") from exc
    finally:
        db.close()


def export_identity(db_path: Path | str, out_file: Path | str) -> keys.DeskIdentity:
    """Write the desk's signed identity (public key only) for `register_identity`."""
    identity = desk_identity(db_path)
    private = keys.read_private_key(keys.key_path(db_path))
    document = keys.identity_document(identity, private)
    out = Path(out_file)
    try:
        out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise DeskSetupError(f"Impossible d'écrire {out} : {exc.strerror}") from exc
    return identity


def register_identity(office_path: Path | str, identity_file: Path | str) -> keys.DeskIdentity:
    """Register at the office a desk described by its identity file (same convention only;
    a desk already known with another key is refused rather than silently re-keyed)."""
    try:
        document = json.loads(Path(identity_file).read_text(encoding="utf-8"))
        identity = keys.read_identity_document(document)
    except (OSError, ValueError) as exc:
        raise DeskSetupError(f"Fichier d'identité illisible : {identity_file}") from exc
    except keys.DeskKeyError as exc:
        raise DeskSetupError(str(exc)) from exc
    office = _open(Path(office_path))
    try:
        convention = get_convention(office)
        if convention is None or convention.convention_id != identity.convention_id:
            raise DeskSetupError(
                "Ce poste appartient à une autre convention : inscription refusée."
            )
        row = office.execute(
            "SELECT public_key FROM desks WHERE desk_id = ?", [identity.desk_id]
        ).fetchone()
        if row is not None and row[0] is not None and row[0] != identity.public_key:
            raise DeskSetupError(
                "Ce poste est déjà inscrit avec une autre clé : inscription refusée."
            )
        _check_label_free(office, identity.label, identity.desk_id)
        with write_transaction(office):
            journal.register_desk(office, identity.desk_id, identity.label, identity.public_key)
    finally:
        office.close()
    return identity
