"""The trust screens on the check-in window: Ctrl+L locks, a scan routed while locked waits,
F1 opens the notice, Ctrl+J the journal, Ctrl+Maj+N masks names."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.models import accounts, members
from desktop.models.accounts import Role
from desktop.ui.journal_screen import JournalScreen
from desktop.ui.main_window import MainWindow
from desktop.ui.notice_dialog import NoticeDialog
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import scan, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def win(qtbot, demo_db, db_path, desk, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, "Tr3s-Long-Secret!", clock, pin="2580")
    window = MainWindow(
        demo_db,
        db_path,
        desk,
        clock,
        tasks=TaskRunner(pool=InlinePool()),
        sounds=Sounds(enabled=False),
    )
    window.modal_dialogs = False  # the test drives the screens it opens
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def badge(db, surname):
    member = next(m for m in members.all_members(db) if m.surname == surname)
    return members.current_badge(db, member.id)


def test_ctrl_l_locks_and_a_routed_scan_waits_for_the_unlock(qtbot, win, demo_db):
    qtbot.keyClick(win.scan_field, Qt.Key.Key_L, CTRL)
    assert win.lock_screen.is_locked
    win.route_scan(badge(demo_db, "DUBOIS"))
    labels = " ".join(lbl.text() for lbl in win.findChildren(QLabel) if lbl.isVisible())
    assert "1 scan en attente" in labels and "DUBOIS" not in labels
    type_text(win.lock_screen.secret_edit, "2580")
    qtbot.keyClick(win.lock_screen.secret_edit, Qt.Key.Key_Return)
    assert win.banner.title.text() == "Bienvenue, Émilie DUBOIS"


def test_f1_notice_ctrl_j_journal_and_masked_names(qtbot, win, demo_db):
    qtbot.keyClick(win.scan_field, Qt.Key.Key_F1)
    notice = win.opened_dialog
    assert isinstance(notice, NoticeDialog)
    assert notice.isVisible() and not notice.edit_button.isVisible()  # Martin is "accueil"
    notice.close()
    qtbot.keyClick(win.scan_field, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert win.privacy.enabled
    scan(qtbot, win.scan_field, badge(demo_db, "DUBOIS"))
    assert win.banner.title.text() == "Bienvenue, É. D."
    qtbot.keyClick(win.handout_panel, Qt.Key.Key_Escape)
    qtbot.keyClick(win.scan_field, Qt.Key.Key_J, CTRL)
    journal = win.opened_dialog
    assert isinstance(journal, JournalScreen) and journal.isVisible()
    assert "Journal intact" in journal.chain_label.text()
    journal.close()
    assert win.model.index(0, 0).data().endswith(".")  # the roster shows initials too


def test_a_second_meal_pass_needs_a_responsable_and_records_both_names(
    qtbot, win, demo_db, clock, monkeypatch
):
    import json

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    from desktop.ui.approval import ApprovalDialog

    accounts.create_account(demo_db, "Claire", Role.RESPONSABLE, "Resp0nsable-Sûre!", clock)
    scan(qtbot, win.scan_field, badge(demo_db, "DUBOIS"))
    panel = win.handout_panel
    panel.confirm_line("meal")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("deuxième service", True))

    def approve() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ApprovalDialog)
        type_text(dialog.name_edit, "Claire")
        type_text(dialog.password_edit, "Resp0nsable-Sûre!")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, approve)
    panel.confirm_line("meal")
    payloads = [
        json.loads(p)
        for (p,) in demo_db.execute("SELECT payload FROM events WHERE kind = 'meal.pass'")
    ]
    assert len(payloads) == 2, payloads
    assert "deuxième service (accord : Claire)" in json.dumps(payloads, ensure_ascii=False), (
        payloads
    )
    approvals = demo_db.execute(
        "SELECT agent, payload FROM events WHERE kind = 'account.approve'"
    ).fetchall()
    assert len(approvals) == 1 and "Claire" in approvals[0][1]
