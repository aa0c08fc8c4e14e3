"""Screens stop with their window: nothing reads the desk's file after it was closed, and
quitting the check-in window quits Guichet, whatever else it opened.

A journal filter still waiting for its pause when the screen closed ran later, on a closed
database ("Cannot operate on a closed database" raised from a Qt slot failed whichever test
ran next); the dashboard (F8), a window without parent, kept Guichet running alone after the
check-in window was closed, its file open and its preview folder left behind."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from desktop.app import acquire_lock
from desktop.models import members
from desktop.models.demo import create_demo
from desktop.models.storage import open_database
from desktop.ui.backup_dialog import BackupTimer
from desktop.ui.journal_screen import FILTER_DELAY_MS
from desktop.ui.scan_router import ScanRouter
from tests.ui.conftest import scan, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ROOT = Path(__file__).resolve().parents[2]


def _open(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    window.modal_dialogs = False
    window.opened_dialog = None
    qtbot.keyClick(window.scan_field, key, modifier)
    dialog = window.opened_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _facts(db_path: Path) -> int:
    """How many facts the file holds, read afresh (the window's connection may be closed)."""
    db = open_database(db_path)
    try:
        return int(db.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    finally:
        db.close()


def _two_arrivals(qtbot, window, demo_db) -> None:
    for surname in ("DUBOIS", "BERTRAND"):
        member = next(m for m in members.all_members(demo_db) if m.surname == surname)
        scan(qtbot, window.scan_field, members.current_badge(demo_db, member.id))
        window.back_to_scan()


def test_a_journal_filter_typed_just_before_closing_never_reads_the_closed_file(
    qtbot, window, demo_db
):
    _two_arrivals(qtbot, window, demo_db)
    journal = _open(qtbot, window, Qt.Key.Key_J, CTRL)
    assert journal.count_label.text() == "2 faits"
    journal.activateWindow()
    qtbot.waitUntil(journal.isActiveWindow)  # Échap is the journal's
    type_text(journal.member_edit, "dubois")  # re-queried after a pause in the typing
    qtbot.keyClick(journal.member_edit, Qt.Key.Key_Escape)  # closed before the pause
    assert not journal.isVisible()
    demo_db.close()  # as Guichet does once its window is closed
    with qtbot.captureExceptions() as raised:
        qtbot.wait(FILTER_DELAY_MS * 3)  # what was pending had its time to run
    assert [str(exc[1]) for exc in raised] == []
    assert journal.count_label.text() == "2 faits"  # the filter never ran


def test_a_filter_typed_just_before_the_journal_was_hidden_applies_when_it_shows_again(
    qtbot, window, demo_db
):
    _two_arrivals(qtbot, window, demo_db)
    journal = _open(qtbot, window, Qt.Key.Key_J, CTRL)
    type_text(journal.member_edit, "dubois")
    journal.hide()
    journal.show()  # at once: the filter typed is the one shown, no pause to wait for
    assert journal.count_label.text() == "1 fait"
    assert [row.member_name for row in journal.model.rows] == ["Émilie DUBOIS"]


def test_closing_the_window_stops_what_would_read_or_write_its_file_later(
    qtbot, window, demo_db, db_path, tmp_path
):
    """The session follower, the backups, the scan router, the idle lock and a hand-out key
    pressed just before closing: none of them runs once the window is closed."""
    backups = tmp_path / "sauvegardes"
    window.backup_timer = BackupTimer(db_path, backups, 0.0001, window.tasks, parent=window)
    router = ScanRouter(window)
    router.scanned.connect(window.route_scan)
    router.install()
    window.scan_router = router
    window.idle.set_minutes(0.0001)
    dubois = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    router.enabled = False  # the scan below is typed straight into the field
    scan(qtbot, window.scan_field, members.current_badge(demo_db, dubois.id))
    router.enabled = True
    panel = window.handout_panel
    assert panel.isVisible() and panel.has_due
    panel._key_timer.setInterval(FILTER_DELAY_MS)  # a key waits for its pause, as on a desk
    router.enabled = False
    qtbot.keyClick(panel, Qt.Key.Key_1)  # the meal pass, acted on after the pause...
    router.enabled = True

    window.close()  # ...but the agent quits first

    timers = {
        "séance": window._session_timer,
        "sauvegarde": window.backup_timer._timer,
        "verrouillage": window.idle._timer,
        "scanner": router._idle,
        "touche du panneau": panel._key_timer,
    }
    assert [name for name, timer in timers.items() if timer.isActive()] == []
    facts = _facts(db_path)
    demo_db.close()
    made = sorted(backups.glob("*")) if backups.exists() else []
    with qtbot.captureExceptions() as raised:
        qtbot.wait(FILTER_DELAY_MS * 3)
    assert [str(exc[1]) for exc in raised] == []
    assert _facts(db_path) == facts  # no meal pass written behind the closed window
    assert (sorted(backups.glob("*")) if backups.exists() else []) == made


def test_quitting_the_check_in_window_closes_the_dashboard(qtbot, window):
    qtbot.keyClick(window.scan_field, Qt.Key.Key_F8)
    board = window.dashboard
    assert board is not None and board.isVisible()
    qtbot.addWidget(board)
    assert board.parent() is None  # a window of its own (a second screen)
    # Fichier > Quitter (Ctrl+Q on a desktop; the offscreen platform binds no key to it)
    (quit_action,) = [a for a in window.findChildren(QAction) if a.text() == "&Quitter"]
    quit_action.trigger()
    assert not window.isVisible()
    assert not board.isVisible()
    assert not board.timer.isActive()


QUIT_WITH_THE_DASHBOARD_OPEN = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.ui import previews
    from desktop.ui.main_window import MainWindow

    def quit_with_the_dashboard_open():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.open_dashboard()
        print("aperçus", previews.run_folder(), flush=True)
        window.close()  # as Ctrl+Q or the window's close button

    QTimer.singleShot(0, quit_with_the_dashboard_open)
    from desktop.cli import main
    code = main(["--db", sys.argv[1], "--agent", "Martin"])
    print("fin", code, flush=True)
    sys.exit(code)
    """
)


def test_guichet_quits_with_its_window_when_the_dashboard_is_open(tmp_path, clock):
    """The real start and event loop: Guichet ends, its file unlocked, its previews gone.
    (Before, it kept running with the dashboard alone: the timeout failed the test.)"""
    path = tmp_path / "guichet.sqlite"
    create_demo(path, clock).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", QUIT_WITH_THE_DASHBOARD_OPEN, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "fin 0"
    previews = Path(next(line for line in lines if line.startswith("aperçus ")).split(" ", 1)[1])
    assert not previews.exists()
    lock = acquire_lock(path.resolve())  # the file is free for the next start
    assert lock is not None
    lock.unlock()
