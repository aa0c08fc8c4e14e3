"""Backups of a real desk file: consistent while writing, rotated, previewed, restored."""

import sqlite3
import stat

import pytest

from desktop.models import backups, checkin
from desktop.models.backups import BackupError, DatabaseState
from desktop.models.convention import get_session
from desktop.models.members import all_members, current_badge
from desktop.models.storage import open_database


def _scan(db, desk, clock, index):
    member = all_members(db)[index]
    session = get_session(db, "we1-samedi")
    result = checkin.check_in(db, current_badge(db, member.id), session, desk, clock)
    assert result.outcome is checkin.Outcome.CHECKED_IN


def _events(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_a_consistent_copy_made_while_the_desk_is_open(
    demo_db, desk, clock, db_path, tmp_path
):
    _scan(demo_db, desk, clock, 0)
    folder = tmp_path / "sauvegardes"
    made = backups.make_backup(db_path, folder, clock=clock)
    assert made.name == "demo.guichet.sauvegarde-20231111-081200.sqlite"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert _events(made) == demo_db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert not list(folder.glob("*.partial"))
    assert not (folder / (made.name + ".key")).exists()  # the private key never travels
    assert backups.check_database(made).ok


def test_rotation_keeps_the_n_newest(demo_db, db_path, clock, tmp_path):
    folder = tmp_path / "sauvegardes"
    made = []
    for _ in range(5):
        made.append(backups.make_backup(db_path, folder, keep=3, clock=clock))
        clock.advance(minutes=10)
    assert backups.backups_of(folder, db_path) == made[2:]
    assert backups.latest_backup(folder) == made[-1]
    # Two backups in the same second get distinct names, still in order.
    twice = [backups.make_backup(db_path, folder, keep=10, clock=clock) for _ in range(2)]
    assert twice[1].name.endswith("-2.sqlite")
    assert backups.latest_backup(folder, db_path) == twice[1]


def test_backup_due_every_n_minutes(demo_db, db_path, clock, tmp_path):
    folder = tmp_path / "s"
    assert backups.backup_due(folder, db_path, 10, clock)
    backups.make_backup(db_path, folder, clock=clock)
    clock.advance(minutes=9)
    assert not backups.backup_due(folder, db_path, 10, clock)
    clock.advance(minutes=1)
    assert backups.backup_due(folder, db_path, 10, clock)


def test_backup_refusals(demo_db, db_path, tmp_path):
    with pytest.raises(BackupError, match="autre dossier"):
        backups.make_backup(db_path, db_path.parent)
    with pytest.raises(BackupError, match="introuvable"):
        backups.make_backup(tmp_path / "absent.sqlite", tmp_path / "s")
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="Dossier de sauvegarde inutilisable"):
        backups.make_backup(db_path, blocker / "s")


def test_describe_backup_previews_what_it_holds(demo_db, desk, clock, db_path, tmp_path):
    _scan(demo_db, desk, clock, 0)
    made = backups.make_backup(db_path, tmp_path / "s", clock=clock)
    preview = backups.describe_backup(made)
    assert preview.desk_label == "Guichet démo"
    assert preview.members == len(all_members(demo_db))
    assert preview.events == _events(db_path)
    assert preview.last_fact_at == "2023-11-11T08:12:00.000+00:00"
    assert preview.taken_at.isoformat() == "2023-11-11T08:12:00+00:00"


@pytest.mark.parametrize(
    ("content", "state", "words"),
    [
        (None, DatabaseState.MISSING, "introuvable"),
        (b"", DatabaseState.CORRUPT, "est vide"),
        (b"ceci n'est pas une base" * 100, DatabaseState.CORRUPT, "endommagé"),
    ],
)
def test_check_database_tells_missing_and_corrupt(tmp_path, content, state, words):
    path = tmp_path / "guichet.sqlite"
    if content is not None:
        path.write_bytes(content)
    check = backups.check_database(path)
    assert check.state is state and words in check.message
    if content is None:
        assert not path.exists()  # checking never creates the file


def test_check_database_on_a_truncated_and_a_foreign_file(demo_db, db_path, tmp_path):
    demo_db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert backups.check_database(db_path).ok
    damaged = tmp_path / "tronque.sqlite"
    damaged.write_bytes(db_path.read_bytes()[: 4096 * 3])
    assert backups.check_database(damaged).state is DatabaseState.CORRUPT
    foreign = tmp_path / "autre.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    check = backups.check_database(foreign)
    assert check.state is DatabaseState.CORRUPT and "tables absentes" in check.message


def test_restore_sets_the_current_file_aside_and_never_overwrites(
    demo_db, desk, clock, db_path, tmp_path
):
    made = backups.make_backup(db_path, tmp_path / "s", clock=clock)
    _scan(demo_db, desk, clock, 1)  # a fact after the backup: in the file set aside
    after = _events(db_path)
    demo_db.close()
    clock.advance(minutes=5)
    restored = backups.restore(made, db_path, clock)
    assert restored.set_aside is not None
    assert restored.set_aside.name == "demo.guichet.sqlite.avant-restauration-20231111-081700"
    assert _events(restored.set_aside) == after
    assert _events(db_path) == restored.preview.events == after - 1
    db = open_database(db_path)  # the restored file opens as a desk file
    assert db.execute("SELECT label FROM desk_identity").fetchone()[0] == "Guichet démo"
    db.close()


def test_restore_over_a_missing_or_corrupt_file(demo_db, db_path, clock, tmp_path):
    made = backups.make_backup(db_path, tmp_path / "s", clock=clock)
    target = tmp_path / "nouveau.sqlite"
    assert backups.restore(made, target, clock).set_aside is None
    target.write_bytes(b"\x00" * 100)
    again = backups.restore(made, target, clock)
    assert again.set_aside.read_bytes() == b"\x00" * 100
    assert backups.check_database(target).ok


def test_a_damaged_backup_is_not_restored(demo_db, db_path, clock, tmp_path):
    made = backups.make_backup(db_path, tmp_path / "s", clock=clock)
    made.write_bytes(made.read_bytes()[:1000])
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="endommagé"):
        backups.restore(made, db_path, clock)
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob("*.partial"))
