"""Is this the file of a desk, as the office prepared it? Checked before a laptop adopts it.

The first-start wizard asks for the desk file made at the office (`guichet desk-init`) and
copied to the laptop. `inspect_desk_file` reads it without changing anything: a read-only
connection, no migration, no key made. (`storage.open_database` would bring the schema up to
date, and so would write Guichet's tables into any SQLite file chosen by mistake.)

    try:
        desk_file = inspect_desk_file(path)     # DeskFile: label, convention title...
    except DeskFileError as exc:
        print(exc)                             # French, says what to do
"""

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop.models import keys
from desktop.models.demo import is_demo


class DeskFileError(Exception):
    """Not a usable desk file; the French message says why and what to do."""


@dataclass(frozen=True)
class DeskFile:
    path: Path  # absolute: the laptop remembers it whatever folder Guichet starts from
    label: str  # the desk's name given at the office (desk_identity.label)
    convention_title: str
    members: int


def inspect_desk_file(path: Path | str) -> DeskFile:
    """The desk file at `path`, or DeskFileError: missing, not a Guichet file, the office's
    file, the demo, a desk whose key was left behind, or a file Guichet could not write."""
    path = Path(path).expanduser().absolute()
    try:
        return _inspect(path)
    except OSError as exc:  # a folder the session may not read, a drive gone meanwhile
        raise DeskFileError(f"Impossible de lire {path} : {exc.strerror or exc}") from exc


def _inspect(path: Path) -> DeskFile:
    if not path.exists():
        raise DeskFileError(f"Fichier introuvable : {path}")
    if path.is_dir():
        raise DeskFileError(
            f"{path} est un dossier : choisissez le fichier du guichet (par ex. guichet1.sqlite)."
        )
    _check_writable(path)
    conn = _read_only(path)
    try:
        problem = _not_guichet(conn)
        if problem is None:
            label, role = conn.execute(
                "SELECT label, role FROM desk_identity WHERE id = 1"
            ).fetchone()
            convention = conn.execute("SELECT title FROM convention").fetchone()
            (members,) = conn.execute("SELECT COUNT(*) FROM members").fetchone()
            demo = is_demo(sqlite_utils.Database(conn, execute_plugins=False))
            public_key = _recorded_key(conn)
    except sqlite3.DatabaseError as exc:
        problem = str(exc)
    finally:
        conn.close()
    if problem is not None:
        raise DeskFileError(
            f"{path} n'est pas un fichier de guichet utilisable : fichier endommagé, vide ou "
            "d'un autre programme."
        )
    if role == "office":
        raise DeskFileError(
            f"{path} est le fichier du bureau, pas celui d'un guichet. Au bureau, préparez le "
            "fichier de ce poste (guichet desk-init --from … --db guichet1.sqlite --label "
            "« Guichet 1 ») et copiez-le ici avec sa clé (guichet1.sqlite.key)."
        )
    if demo:
        raise DeskFileError(
            f"{path} est la convention de démonstration : choisissez « Démonstration seulement »"
            " pour l'ouvrir, ou le fichier préparé par le bureau pour ce guichet."
        )
    if convention is None:
        raise DeskFileError(f"{path} ne contient pas de convention préparée par le bureau.")
    _check_key(path, public_key)
    return DeskFile(path, str(label), str(convention[0]), int(members))


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. A file nobody has open (no -wal beside it, as a copy
    from the office) is opened immutable, so that not even SQLite's -wal and -shm companions
    appear beside it; a file in use is read through its WAL, which is already there."""
    in_use = any(Path(f"{path}{extra}").exists() for extra in ("-wal", "-shm"))
    mode = "mode=ro" if in_use else "immutable=1"
    try:
        return sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise DeskFileError(f"Impossible d'ouvrir {path} : {exc}") from exc


def _not_guichet(conn: sqlite3.Connection) -> str | None:
    """Why this is not a Guichet file (the checks of backups.check_database), or None."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        return str(rows[0][0]) if rows else "contrôle d'intégrité"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = {"events", "desk_identity", "members", "convention", "desks"} - tables
    if missing:
        return "tables absentes : " + ", ".join(sorted(missing))
    if conn.execute("SELECT 1 FROM desk_identity WHERE id = 1").fetchone() is None:
        return "identité du poste absente"
    return None


def _recorded_key(conn: sqlite3.Connection) -> str | None:
    """The public key the office registered for this desk; None for a desk that has none yet
    (a key is then made the first time it is needed)."""
    row = conn.execute(
        "SELECT d.public_key FROM desks d JOIN desk_identity i ON i.desk_id = d.desk_id"
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _check_key(path: Path, public_key: str | None) -> None:
    """A desk's exports are signed with the key beside its file: a file copied without it
    would work all day and fail at the evening's export."""
    if public_key is None:
        return
    secret = keys.key_path(path)
    if not secret.exists():
        raise DeskFileError(
            f"La clé de ce guichet manque : {secret.name} doit être à côté du fichier, dans "
            f"{path.parent}. Copiez-la aussi depuis le bureau."
        )
    try:
        private = keys.read_private_key(secret)
    except keys.DeskKeyError as exc:
        raise DeskFileError(str(exc)) from exc
    if keys.public_text(private) != public_key:
        raise DeskFileError(
            f"La clé {secret.name} n'est pas celle de ce guichet : copiez la clé qui a été "
            "préparée avec ce fichier."
        )


def _check_writable(path: Path) -> None:
    """Guichet writes into the file and, in WAL mode, beside it (-wal, -shm)."""
    for where in (path, path.parent):
        if not os.access(where, os.W_OK):
            raise DeskFileError(
                f"Guichet ne peut pas écrire dans {where} (lecture seule) : copiez le fichier "
                "et sa clé sur ce portable, par exemple dans Documents."
            )
