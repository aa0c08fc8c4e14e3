"""The lock screen over the real check-in window: no name visible, scans queued, PIN, agents."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel

from desktop.models import accounts, members
from desktop.models.accounts import Role
from desktop.ui.lock_screen import IdleWatcher, LockScreen
from tests.ui.conftest import scan, type_text

PASSWORD = "Tr3s-Long-Secret!"


def badge(db, surname):
    member = next(m for m in members.all_members(db) if m.surname == surname)
    return members.current_badge(db, member.id)


def visible_texts(window):
    texts = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    texts += [window.windowTitle()]
    return " ".join(texts)


@pytest.fixture
def staff(demo_db, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, PASSWORD, clock, pin="2580")
    accounts.create_account(demo_db, "Bruno", Role.RESPONSABLE, PASSWORD, clock, by="Martin")


@pytest.fixture
def lock(window, demo_db, clock):
    screen = LockScreen(demo_db, clock, "Martin", window, on_scan=window.on_scanned)
    return screen


def _names(db):
    return [m.display_name for m in members.all_members(db)] + [
        m.surname for m in members.all_members(db)
    ]


def test_locked_window_shows_no_member_name(qtbot, window, demo_db, lock, staff):
    scan(qtbot, window.scan_field, badge(demo_db, "DUBOIS"))
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)
    assert "Émilie DUBOIS" in visible_texts(window)
    lock.lock()
    assert lock.is_locked
    qtbot.waitUntil(lock.secret_edit.hasFocus)
    shown = visible_texts(window)
    assert "Poste verrouillé" in shown
    assert not any(name in shown for name in _names(demo_db))
    views = [v for v in window.findChildren(QAbstractItemView) if v.isVisible()]
    assert views == []  # the roster is hidden, not only covered
    assert "Martin" not in shown and "Bruno" not in shown  # no agent's name either


def test_a_scan_while_locked_is_queued_and_checked_in_after_unlock(
    qtbot, window, demo_db, lock, staff
):
    lock.lock()
    before = demo_db.execute("SELECT COUNT(*) FROM events WHERE kind = 'checkin'").fetchone()
    scan(qtbot, lock.secret_edit, badge(demo_db, "DUBOIS"))
    assert lock.queue_label.text().startswith("⏳ 1 scan en attente")
    assert "DUBOIS" not in visible_texts(window)
    after = demo_db.execute("SELECT COUNT(*) FROM events WHERE kind = 'checkin'").fetchone()
    assert after == before  # nothing checked in unseen
    type_text(lock.secret_edit, "1111")
    qtbot.keyClick(lock.secret_edit, Qt.Key.Key_Return)
    assert lock.is_locked and "Mot de passe incorrect. Encore 4 essais" in lock.error_label.text()
    assert lock.queue == [badge(demo_db, "DUBOIS")]
    type_text(lock.secret_edit, "2580")  # the quick PIN
    qtbot.keyClick(lock.secret_edit, Qt.Key.Key_Return)
    assert not lock.is_locked and lock.queue == []
    assert window.banner.title.text() == "Bienvenue, Émilie DUBOIS"
    (count,) = demo_db.execute(
        "SELECT COUNT(*) FROM events WHERE kind = 'checkin' AND agent = 'Martin'"
    ).fetchone()
    assert count == 1
    assert window.scan_field.isVisible()


def test_change_agent_in_two_keystrokes(qtbot, window, demo_db, lock, staff):
    lock.lock()
    with qtbot.waitSignal(lock.agent_changed) as changed:
        qtbot.keyClick(
            lock.secret_edit,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        qtbot.waitUntil(lock.agent_combo.hasFocus)
        type_text(lock.agent_combo.lineEdit(), "bruno")
        qtbot.keyClick(lock.agent_combo, Qt.Key.Key_Tab)
        type_text(lock.secret_edit, PASSWORD)
        qtbot.keyClick(lock.secret_edit, Qt.Key.Key_Return)
    assert changed.args == ["Bruno"] and lock.agent == "Bruno" and not lock.is_locked


def test_window_shortcuts_are_shut_while_locked(qtbot, window, lock, staff):
    fired = []
    QShortcut(QKeySequence("Ctrl+Shift+F12"), window, lambda: fired.append(1))
    lock.lock()
    qtbot.keyClick(
        lock.secret_edit,
        Qt.Key.Key_F12,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(lock.secret_edit, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert fired == [] and lock.is_locked
    assert not any(w.isVisible() and w is not window for w in QApplication.topLevelWidgets())


def test_without_accounts_enter_unlocks(qtbot, window, lock):
    lock.lock()
    assert lock.hint_label.text() == "Entrée pour reprendre."
    qtbot.keyClick(lock.secret_edit, Qt.Key.Key_Return)
    assert not lock.is_locked


def test_idle_watcher_fires_after_quiet_and_restarts_on_keys(qtbot, window):
    watcher = IdleWatcher(minutes=0.005)  # 300 ms
    try:
        qtbot.wait(200)
        qtbot.keyClick(window.scan_field, Qt.Key.Key_Shift)
        assert watcher.remaining_ms > 200
        with qtbot.waitSignal(watcher.idle, timeout=10_000):
            pass
        watcher.set_minutes(0)
        assert watcher.remaining_ms == -1
    finally:
        watcher.stop()


def test_the_lock_covers_the_window_when_it_is_resized(qtbot, window, lock):
    lock.lock()
    window.resize(window.width() + 120, window.height() + 80)
    qtbot.waitUntil(lambda: lock.geometry() == window.rect())
