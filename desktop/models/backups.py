"""Backups of a desk database to a second folder, and what to do when the file is gone or bad.

A backup is made with SQLite's online backup API from a separate connection: a consistent copy
while the desk goes on writing (WAL), written under a temporary name, fsynced and renamed, so a
backup file is always complete. Names carry the UTC time (`<stem>.sauvegarde-AAAAMMJJ-HHMMSS
.sqlite`), so they sort by age; `rotate` keeps the N newest. The private key beside the database
(keys.py) is never copied: a backup restored on the same laptop finds its key in place.

At start-up, `check_database` tells a missing or damaged file from a good one, so the app can
offer the latest backup (with `describe_backup` as a preview) instead of starting empty.
`restore` never overwrites: the current file (and its -wal/-shm) is first set aside.
"""

import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path

from desktop.models.clock import Clock, system_clock

SUFFIX = ".sqlite"
MARK = ".sauvegarde-"
PARTIAL = ".partial"
DEFAULT_KEEP = 20
_STAMP = re.compile(r"\.sauvegarde-(\d{8}-\d{6})(?:-(\d+))?\.sqlite$")


class BackupError(Exception):
    """A backup or a restore that could not be made (French message); nothing was changed."""


class DatabaseState(Enum):
    OK = "ok"
    MISSING = "missing"
    CORRUPT = "corrupt"


@dataclass(frozen=True)
class DatabaseCheck:
    state: DatabaseState
    message: str  # French, for the start-up dialog

    @property
    def ok(self) -> bool:
        return self.state is DatabaseState.OK


@dataclass(frozen=True)
class BackupPreview:
    """What a backup holds, shown before restoring it."""

    path: Path
    taken_at: datetime  # UTC, from the file name
    size: int
    desk_label: str
    members: int
    events: int
    last_fact_at: str | None  # UTC ISO-8601 of the newest fact, None for an empty log


def _stem(db_path: Path) -> str:
    return db_path.name.removesuffix(SUFFIX)


def backups_of(folder: Path | str, db_path: Path | str | None = None) -> list[Path]:
    """Backups in `folder` (of `db_path` only, when given), oldest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    prefix = None if db_path is None else _stem(Path(db_path)) + MARK
    found = [
        p
        for p in folder.iterdir()
        if p.is_file() and _STAMP.search(p.name) and (prefix is None or p.name.startswith(prefix))
    ]
    return sorted(found, key=_sort_key)


def _sort_key(path: Path) -> tuple[str, int, str]:
    match = _STAMP.search(path.name)
    assert match is not None
    return match.group(1), int(match.group(2) or 0), path.name


def latest_backup(folder: Path | str, db_path: Path | str | None = None) -> Path | None:
    found = backups_of(folder, db_path)
    return found[-1] if found else None


def taken_at(path: Path) -> datetime:
    match = _STAMP.search(path.name)
    if match is None:
        raise BackupError(f"{path.name} n'est pas un nom de sauvegarde Guichet.")
    return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)


def backup_due(
    folder: Path | str, db_path: Path | str, every_minutes: int, clock: Clock = system_clock
) -> bool:
    """Whether the newest backup of `db_path` is older than `every_minutes` (or missing)."""
    latest = latest_backup(folder, db_path)
    return latest is None or clock() - taken_at(latest) >= timedelta(minutes=every_minutes)


def make_backup(
    db_path: Path | str,
    folder: Path | str,
    *,
    keep: int = DEFAULT_KEEP,
    clock: Clock = system_clock,
) -> Path:
    """A consistent copy of `db_path` in `folder` (created, owner-only), then rotation."""
    db_path, folder = Path(db_path), Path(folder)
    if not db_path.is_file():
        raise BackupError(f"Fichier introuvable : {db_path}")
    if keep < 1:
        raise BackupError("Il faut garder au moins une sauvegarde.")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            f"Dossier de sauvegarde inutilisable : {folder} ({exc.strerror})"
        ) from exc
    if folder.resolve() == db_path.parent.resolve():
        raise BackupError("Les sauvegardes doivent aller dans un autre dossier que le fichier.")
    target = _free_name(folder, _stem(db_path) + MARK + clock().strftime("%Y%m%d-%H%M%S"))
    partial = target.with_name(target.name + PARTIAL)
    try:
        _copy(db_path, partial)
        os.replace(partial, target)
        _fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Sauvegarde impossible dans {folder} : {exc}") from exc
    rotate(folder, db_path, keep)
    return target


def _free_name(folder: Path, base: str) -> Path:
    candidate = folder / (base + SUFFIX)
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}{SUFFIX}"
    return candidate


def _copy(source: Path, destination: Path) -> None:
    """SQLite's backup API, source read-only; the copy in rollback mode, fsynced, 0600."""
    destination.unlink(missing_ok=True)
    fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with open(destination, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def rotate(folder: Path | str, db_path: Path | str, keep: int) -> list[Path]:
    """Delete all but the `keep` newest backups of `db_path`; returns the deleted ones."""
    found = backups_of(folder, db_path)
    old = found[: max(len(found) - keep, 0)]
    for path in old:
        path.unlink(missing_ok=True)
    return old


# --- checking and restoring ---------------------------------------------------------------


def check_database(path: Path | str) -> DatabaseCheck:
    """Is this a usable Guichet file? Read-only: never creates nor changes the file."""
    path = Path(path)
    if not path.exists():
        return DatabaseCheck(DatabaseState.MISSING, f"Le fichier {path} est introuvable.")
    if not path.is_file():
        return DatabaseCheck(DatabaseState.CORRUPT, f"{path} n'est pas un fichier.")
    if path.stat().st_size == 0:
        return DatabaseCheck(DatabaseState.CORRUPT, f"Le fichier {path} est vide.")
    problem = _problem(path)
    if problem is not None:
        return DatabaseCheck(
            DatabaseState.CORRUPT,
            f"Le fichier {path} est endommagé ou n'est pas un fichier Guichet ({problem}).",
        )
    return DatabaseCheck(DatabaseState.OK, f"Le fichier {path} est intact.")


def _problem(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            return str(rows[0][0]) if rows else "contrôle d'intégrité"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = {"events", "desk_identity", "members"} - tables
        if missing:
            return "tables absentes : " + ", ".join(sorted(missing))
        if conn.execute("SELECT 1 FROM desk_identity").fetchone() is None:
            return "identité du poste absente"
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return None


def describe_backup(path: Path | str) -> BackupPreview:
    """What a backup holds (a preview before restoring). Raises BackupError if unusable."""
    path = Path(path)
    check = check_database(path)
    if not check.ok:
        raise BackupError(check.message)
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        (label,) = conn.execute("SELECT label FROM desk_identity").fetchone()
        (members,) = conn.execute("SELECT COUNT(*) FROM members").fetchone()
        events, last = conn.execute("SELECT COUNT(*), MAX(at) FROM events").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Sauvegarde illisible : {path} ({exc})") from exc
    finally:
        conn.close()
    return BackupPreview(
        path=path,
        taken_at=taken_at(path),
        size=path.stat().st_size,
        desk_label=str(label),
        members=int(members),
        events=int(events),
        last_fact_at=None if last is None else str(last),
    )


@dataclass(frozen=True)
class Restored:
    target: Path
    set_aside: Path | None  # where the file that was there before now is (None: there was none)
    preview: BackupPreview


def restore(backup: Path | str, target: Path | str, clock: Clock = system_clock) -> Restored:
    """Put `backup` in place of `target`. The current target (damaged or not) is never
    overwritten: it is renamed `<name>.avant-restauration-AAAAMMJJ-HHMMSS` with its -wal and
    -shm. Call with the target closed (the app asks before, at start-up or from the menu)."""
    backup, target = Path(backup), Path(target)
    preview = describe_backup(backup)
    partial = target.with_name(target.name + PARTIAL)
    try:
        _copy(backup, partial)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Restauration impossible vers {target} : {exc}") from exc
    aside: Path | None = None
    try:
        if target.exists():
            stamp = clock().strftime("%Y%m%d-%H%M%S")
            aside = _free_aside(target, stamp)
            os.replace(target, aside)
            for extra in ("-wal", "-shm"):
                side = Path(f"{target}{extra}")
                if side.exists():
                    os.replace(side, Path(f"{aside}{extra}"))
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Restauration impossible vers {target} : {exc.strerror}") from exc
    return Restored(target, aside, preview)


def remove_copies(db_path: Path | str, folders: Iterable[Path | str]) -> list[Path]:
    """Delete every copy of `db_path` that still holds the desk's personal data once the desk
    is purged: its backups in `folders`, and the files a restore kept aside beside it
    (`<name>.avant-restauration-…`, with their -wal and -shm). Returns what was deleted."""
    db_path = Path(db_path)
    copies: list[Path] = []
    for folder in dict.fromkeys(Path(f).resolve() for f in folders):
        copies.extend(backups_of(folder, db_path))
    if db_path.parent.is_dir():
        copies.extend(
            p
            for p in sorted(db_path.parent.iterdir())
            if p.is_file() and p.name.startswith(f"{db_path.name}.avant-restauration-")
        )
    for copy in copies:
        copy.unlink(missing_ok=True)
    return copies


def _free_aside(target: Path, stamp: str) -> Path:
    candidate = target.with_name(f"{target.name}.avant-restauration-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.name}.avant-restauration-{stamp}-{n}")
    return candidate
