"""Opening a Guichet database file: pragmas for a desk that must survive a power cut."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from desktop.models.schema import MIGRATIONS


class StorageError(Exception):
    """A real fault of the database file, with a French message for the person at the desk."""


def open_database(
    path: Path | str, *, create: bool = False, timeout: float = 5.0
) -> sqlite_utils.Database:
    """Open (or create) a Guichet file, check it is usable, and bring its schema up to date.

    Raises StorageError with a French message when the file is missing, read-only, not a
    database, or locked by another program.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StorageError(f"Fichier introuvable : {path}")
    if path.exists() and path.is_dir():
        raise StorageError(f"{path} est un dossier, pas un fichier de données Guichet.")
    if not path.parent.exists():
        raise StorageError(f"Le dossier {path.parent} n'existe pas.")
    try:
        conn = sqlite3.connect(str(path), timeout=timeout)
    except sqlite3.Error as exc:
        raise StorageError(f"Impossible d'ouvrir {path} : {exc}") from exc
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        _configure(db, timeout)
        MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StorageError(_explain(path, exc)) from exc
    return db


def _configure(db: sqlite_utils.Database, timeout: float) -> None:
    # Fails early with "file is not a database" for a non-SQLite file.
    db.execute("PRAGMA schema_version").fetchone()
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"journal mode {mode}")
    # FULL: an acknowledged scan survives a power cut (SYNC.md: NORMAL lost check-ins).
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    # Deleted or overwritten rows are zeroed, whatever the SQLite build's default: an export is
    # a page copy of the file, and must not carry a corrected name or a purged member in its
    # free pages.
    db.execute("PRAGMA secure_delete=ON")
    db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    if db.execute("PRAGMA query_only").fetchone()[0]:
        raise sqlite3.OperationalError("readonly")


def _explain(path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return f"Le fichier {path} est en lecture seule : Guichet ne peut pas y enregistrer."
    if "locked" in text or "busy" in text:
        return f"Le fichier {path} est verrouillé par un autre programme. Réessayez plus tard."
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return f"Le fichier {path} n'est pas une base Guichet valide (fichier endommagé ?)."
    if "unable to open" in text:
        return f"Impossible d'ouvrir {path} (droits d'accès ?)."
    return f"Erreur de base de données sur {path} : {exc}"


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One fact = one transaction, taking the write lock at once (BEGIN IMMEDIATE), so a read
    made to decide the write cannot be overtaken by another writer on the same file."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
    db.conn.commit()
