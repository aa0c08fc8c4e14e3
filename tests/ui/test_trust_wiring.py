"""The lead's wiring of the trust screens, tried on a MainWindow subclass: Ctrl+L locks, a scan
routed while locked waits, F1 opens the notice, Ctrl+J the journal, Ctrl+Maj+N masks names."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.models import accounts, members
from desktop.models.accounts import Role
from desktop.ui.journal_screen import JournalScreen
from desktop.ui.lock_screen import LockScreen
from desktop.ui.main_window import MainWindow
from desktop.ui.notice_dialog import NoticeDialog, can_edit_notice
from desktop.ui.privacy import PrivacyMode
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import scan, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


class TrustWindow(MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lock_screen = LockScreen(
            self.db, self.clock, self.desk.agent, self, on_scan=self.on_scanned
        )
        self.privacy = PrivacyMode(self)
        self.notice_dialog = self.journal_screen = None
        menu = self.menuBar().addMenu(self.tr("&Confiance"))
        self._action(menu, self.tr("&Verrouiller le poste"), "Ctrl+L", self.lock_screen.lock)
        self._action(menu, self.tr("&Notice d'information…"), "F1", self.open_notice)
        self._action(menu, self.tr("&Journal des faits…"), "Ctrl+J", self.open_journal)
        self._action(menu, self.tr("&Masquer les noms"), "Ctrl+Shift+N", self.privacy.toggle)

    def route_scan(self, raw):  # router.scanned.connect(window.route_scan)
        if self.lock_screen.is_locked:
            self.lock_screen.queue_scan(raw)
        else:
            self.on_scanned(raw)

    def show_result(self, result):
        super().show_result(result)
        if result.member is not None:
            title = self.privacy.text(self.banner.title.text(), result.member.display_name)
            self.banner.title.setText(title)

    def open_notice(self):
        self.notice_dialog = NoticeDialog(
            self.db,
            self.clock,
            self.desk,
            self.tasks,
            can_edit_notice(self.db, self.desk.agent),
            self,
        )
        self.notice_dialog.show()

    def open_journal(self):
        self.journal_screen = JournalScreen(self.db, self.clock, self.tasks, self.db_path, self)
        self.journal_screen.show()


@pytest.fixture
def win(qtbot, demo_db, db_path, desk, clock):
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, "Tr3s-Long-Secret!", clock, pin="2580")
    window = TrustWindow(
        demo_db,
        db_path,
        desk,
        clock,
        tasks=TaskRunner(pool=InlinePool()),
        sounds=Sounds(enabled=False),
    )
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
    assert win.notice_dialog.isVisible() and not win.notice_dialog.edit_button.isVisible()
    win.notice_dialog.close()
    qtbot.keyClick(win.scan_field, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert win.privacy.enabled
    scan(qtbot, win.scan_field, badge(demo_db, "DUBOIS"))
    assert win.banner.title.text() == "Bienvenue, É. D."
    qtbot.keyClick(win.handout_panel, Qt.Key.Key_Escape)
    qtbot.keyClick(win.scan_field, Qt.Key.Key_J, CTRL)
    assert win.journal_screen.isVisible()
    assert "Journal intact" in win.journal_screen.chain_label.text()
    win.journal_screen.close()
