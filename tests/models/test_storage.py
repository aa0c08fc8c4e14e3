"""Opening files that are not what they should be: a clear French message, nothing damaged."""

import os
import sqlite3
import subprocess
import sys

import pytest

from desktop.models.storage import StorageError, open_database
from desktop.models.workspace import create_file


def test_missing_file(tmp_path):
    with pytest.raises(StorageError, match="Fichier introuvable"):
        open_database(tmp_path / "absent.sqlite")


def test_directory_instead_of_file(tmp_path):
    with pytest.raises(StorageError, match="dossier"):
        open_database(tmp_path)


def test_binary_garbage_is_not_a_database(tmp_path):
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(os.urandom(8192))
    before = path.read_bytes()
    with pytest.raises(StorageError, match="n'est pas une base Guichet valide"):
        open_database(path)
    assert path.read_bytes() == before


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "desk.sqlite"
    create_file(path).close()
    with pytest.raises(StorageError, match="existe déjà"):
        create_file(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_read_only_file(tmp_path):
    path = tmp_path / "desk.sqlite"
    create_file(path).close()
    for leftover in tmp_path.glob("desk.sqlite-*"):
        leftover.unlink()
    path.chmod(0o444)
    with pytest.raises(StorageError, match="lecture seule"):
        open_database(path)


def test_file_locked_by_another_process(tmp_path):
    path = tmp_path / "desk.sqlite"
    create_file(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "c.execute('PRAGMA locking_mode=EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE')\n"
            "c.execute('CREATE TABLE hold (x)')\n"
            "print('locked', flush=True); time.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StorageError, match="verrouillé"):
            open_database(path, timeout=0.2)
    finally:
        holder.kill()
        holder.wait()
    db = open_database(path)  # the holder's uncommitted work is gone, the file is intact
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "hold" not in db.table_names()


def test_pragmas_for_a_desk(tmp_path):
    db = create_file(tmp_path / "desk.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrations_are_recorded_and_idempotent(tmp_path):
    path = tmp_path / "desk.sqlite"
    create_file(path).close()
    db = open_database(path)
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert names[0] == "m001_core"
    open_database(path).close()
    assert db.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == len(names)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO convention (id, convention_id, code_tag, title, organiser, deliberation) VALUES (2, 'x', 'BBBB', 't', 'o', 'd')"
        )


def _write_then_delete(conn, path) -> bool:
    """Whether a deleted name can still be read in the file's bytes."""

    def run(sql: str, *args: object) -> None:
        conn.execute(sql, args).fetchall()
        if conn.in_transaction:
            conn.commit()

    run("CREATE TABLE notes (text TEXT)")
    run("INSERT INTO notes VALUES (?)", "Zoé TRÈS-SECRÈTE " * 50)
    run("PRAGMA wal_checkpoint(TRUNCATE)")
    assert "TRÈS-SECRÈTE".encode() in path.read_bytes()
    run("DELETE FROM notes")
    run("PRAGMA wal_checkpoint(TRUNCATE)")
    return "TRÈS-SECRÈTE".encode() in path.read_bytes()


def test_deleted_data_leaves_no_trace_in_the_file(tmp_path):
    import sqlite3

    from desktop.models.storage import open_database

    # Control: with secure_delete off (the default of many SQLite builds), the name stays.
    raw = sqlite3.connect(tmp_path / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA secure_delete=OFF")
    assert _write_then_delete(raw, tmp_path / "raw.sqlite")
    raw.close()
    db = open_database(tmp_path / "desk.sqlite", create=True)
    try:
        assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert not _write_then_delete(db.conn, tmp_path / "desk.sqlite")
    finally:
        db.close()
