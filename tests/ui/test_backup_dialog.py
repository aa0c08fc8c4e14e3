"""Backups from the app: a damaged file at start offers the latest backup; a restore keeps the
current file aside; the periodic backup runs as a task."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop.models import backups
from desktop.models.backups import DatabaseState
from desktop.ui.backup_dialog import BackupTimer, RestoreDialog, StartChoice, start_check
from desktop.ui.tasks import InlinePool, TaskRunner


def _answer_modal(qtbot, key=Qt.Key.Key_Return, seen=None):
    """Press a key in the next modal dialog once it is shown (as the agent would)."""

    tries = [0]

    def press():
        modal = QApplication.activeModalWidget()
        if modal is None:
            tries[0] += 1
            if tries[0] < 100:  # two seconds, then give up (never a key into a later test)
                QTimer.singleShot(20, press)
            return
        if seen is not None:
            seen.append(" ".join(label.text() for label in modal.findChildren(QLabel)))
        qtbot.keyClick(modal.focusWidget() or modal, key)

    QTimer.singleShot(0, press)


def test_a_damaged_file_at_start_offers_the_latest_backup(qtbot, demo_db, db_path, clock, tmp_path):
    folder = tmp_path / "sauvegardes"
    backups.make_backup(db_path, folder, clock=clock)
    demo_db.close()
    damaged = b"ceci n'est pas une base" * 100
    db_path.write_bytes(damaged)
    seen: list = []
    _answer_modal(qtbot, seen=seen)
    assert start_check(db_path, folder, clock) is StartChoice.OPEN
    assert "endommagé" in seen[0] and "Membres : 40" in seen[0]
    assert backups.check_database(db_path).ok
    aside = [p for p in tmp_path.iterdir() if ".avant-restauration-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # never silently lost


def test_damaged_without_backup_quits_and_changes_nothing(qtbot, db_path, tmp_path, clock):
    db_path.write_bytes(b"")
    _answer_modal(qtbot)
    assert start_check(db_path, tmp_path / "vide", clock) is StartChoice.QUIT
    assert db_path.read_bytes() == b""


def test_missing_file_without_backup_is_a_first_start(db_path, tmp_path, clock):
    assert backups.check_database(db_path).state is DatabaseState.MISSING
    assert start_check(db_path, tmp_path / "vide", clock) is StartChoice.NEW


def test_restore_from_the_app_with_preview_keeps_the_current_file(
    qtbot, demo_db, db_path, clock, tmp_path
):
    folder = tmp_path / "sauvegardes"
    older = backups.make_backup(db_path, folder, clock=clock)
    clock.advance(minutes=10)
    demo_db.execute("DELETE FROM badges")  # something to tell the files apart
    demo_db.conn.commit()
    backups.make_backup(db_path, folder, clock=clock)
    closed = []
    dialog = RestoreDialog(db_path, folder, clock, before_restore=lambda: closed.append(1))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.list.count() == 2
    assert "Membres : 40" in dialog.preview_label.text()
    assert "Poste : Guichet démo" in dialog.preview_label.text()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # the older one
    assert dialog.selected_path() == older
    _answer_modal(qtbot, Qt.Key.Key_Return)  # "Oui" to the question
    qtbot.keyClick(dialog.list, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.restored is not None)  # a mnemonic clicks after 100 ms
    assert closed == [1] and dialog.restored is not None
    assert dialog.restored.set_aside is not None and dialog.restored.set_aside.exists()
    import sqlite3

    restored = sqlite3.connect(db_path)
    assert restored.execute("SELECT COUNT(*) FROM badges").fetchone()[0] > 0
    restored.close()


def test_backup_timer_makes_backups_as_a_task(qtbot, demo_db, db_path, tmp_path):
    folder = tmp_path / "sauvegardes"
    inline = BackupTimer(db_path, folder, 0, TaskRunner(pool=InlinePool()))
    with qtbot.waitSignal(inline.made) as made:
        inline.backup_now()
    assert Path(made.args[0]).exists() and backups.check_database(made.args[0]).ok
    threaded = BackupTimer(db_path, folder, 0.002, TaskRunner())  # every 120 ms, real thread
    with qtbot.waitSignal(threaded.made, timeout=5000):
        pass
    threaded.stop()
    threaded.tasks.wait()
    assert len(backups.backups_of(folder, db_path)) >= 2
    broken = BackupTimer(tmp_path / "absent.sqlite", folder, 0, TaskRunner(pool=InlinePool()))
    with qtbot.waitSignal(broken.failed) as failed:
        broken.backup_now()
    assert failed.args[0].startswith("Fichier introuvable")
