"""A tour of every screen of the app, for the tests that must look at all of them (Alt
letters, keys that reach the window from a field).

`every_screen(...)` yields (name, window) for the check-in window, what its keys open, the
dialogs those open, the first start, the lock screen and the office's window, each in the
states that show different widgets (each tab, the passphrase fields shown...). Screens are
opened as the agent opens them (their key on the check-in window) where one exists.
"""

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QTabWidget, QWidget

from desktop.models import members
from desktop.models.backups import make_backup
from desktop.models.clock import paris_day
from desktop.models.conflicts import Conflict, ConflictKind, Fact
from desktop.models.convention import current_session
from desktop.models.journal import local_desk
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import scan, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LOCKED = "poste verrouillé"  # the names of the states under the lock screen start so
LAST = "résoudre un conflit (bureau, Entrée)"


def _opened(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    """The screen a key of the check-in window opens (as the agent opens it)."""
    window.opened_dialog = None
    window.activateWindow()  # the previous screen had the keys
    qtbot.waitUntil(window.isActiveWindow)
    window.scan_field.setFocus()
    qtbot.keyClick(window.scan_field, key, modifier)
    dialog = window.opened_dialog
    assert dialog is not None and dialog.isVisible(), key
    return dialog


def _each_tab(name: str, top: QWidget) -> Iterator[tuple[str, QWidget]]:
    """`top` shown, then once per page of each of its tab widgets (a page's widgets are only
    reachable while it is shown), then closed."""
    top.show()
    yield name, top
    for tabs in top.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield f"{name} [{tabs.tabText(index)}]", top
        tabs.setCurrentIndex(0)
    top.close()


def every_screen(
    qtbot, window, demo_db, db_path, desk, clock, tmp_path
) -> Iterator[tuple[str, QWidget]]:
    """(name, window) for every screen of the app, each in the states that show different
    widgets: the check-in window first, then what its keys open, the dialogs those open, the
    first start, the lock screen, the office's window."""
    window.modal_dialogs = False  # each screen is looked at, then closed

    # The check-in window, its menus, the hand-out panel after a welcome.
    yield "fenêtre d'accueil", window
    member = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    scan(qtbot, window.scan_field, members.current_badge(demo_db, member.id))
    assert window.handout_panel.isVisible()
    yield "fenêtre d'accueil, panneau de remise", window
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)

    # Each screen opened by its key.
    none = Qt.KeyboardModifier.NoModifier
    for name, key, modifier in (
        ("documents (Ctrl+D)", Qt.Key.Key_D, CTRL),
        ("fiche du membre (Ctrl+M)", Qt.Key.Key_M, CTRL),
        ("restaurateur (Ctrl+R)", Qt.Key.Key_R, CTRL),
        ("séances (F6)", Qt.Key.Key_F6, none),
        ("stock (F7)", Qt.Key.Key_F7, none),
        ("réglage du scanner (Ctrl+Maj+S)", Qt.Key.Key_S, CTRL | SHIFT),
        ("notice (F1)", Qt.Key.Key_F1, none),
        ("journal (Ctrl+J)", Qt.Key.Key_J, CTRL),
        ("restauration (Ctrl+Maj+R)", Qt.Key.Key_R, CTRL | SHIFT),
        ("réglages (Ctrl+,)", Qt.Key.Key_Comma, CTRL),
    ):
        yield from _each_tab(name, _opened(qtbot, window, key, modifier))

    # End of day: the passphrase fields show once the archive is to be encrypted.
    dialog = _opened(qtbot, window, Qt.Key.Key_E, CTRL)
    yield "fin de journée (Ctrl+E)", dialog
    dialog.encrypt_box.setChecked(True)
    yield "fin de journée (Ctrl+E), export chiffré", dialog
    dialog.close()

    # A guest's meal pass, then the same name again: "Remettre un autre bon" shows.
    dialog = _opened(qtbot, window, Qt.Key.Key_G, CTRL)
    yield "invité (Ctrl+G)", dialog
    for _ in range(2):
        type_text(dialog.name_field, "Anne Lemaire")
        qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)
    assert dialog.anyway_button.isVisible()
    yield "invité (Ctrl+G), déjà remis", dialog
    dialog.close()

    # The voucher of that pass in the PDF preview (Ctrl+P).
    yield from _each_tab("aperçu PDF (Ctrl+P)", _opened(qtbot, window, Qt.Key.Key_P, CTRL))

    # Windows of their own: the dashboard (F8), the camera (F9).
    qtbot.keyClick(window.scan_field, Qt.Key.Key_F8)
    yield from _each_tab("tableau de bord (F8)", window.dashboard)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_F9)
    yield from _each_tab("caméra (F9)", window.camera_dialog)

    # The dialogs those screens open.
    from desktop.models.stock import day_stock
    from desktop.ui.approval import ApprovalDialog
    from desktop.ui.backup_dialog import StartProblemDialog
    from desktop.ui.login_dialog import LoginDialog
    from desktop.ui.member_card import ReasonDialog
    from desktop.ui.notice_dialog import NoticeDialog
    from desktop.ui.parking_form import ParkingReceiptDialog
    from desktop.ui.session_form import DeleteQuestion, NewSessionDialog
    from desktop.ui.stock_screen import CloseDayDialog

    backup = make_backup(db_path, tmp_path / "sauvegardes", clock=clock)
    session = current_session(demo_db, clock())
    assert session is not None
    notice = NoticeDialog(demo_db, clock, desk, window.tasks, True, window)
    notice.show()
    notice.start_edit()
    yield from _each_tab("notice, modification (Ctrl+Maj+M)", notice)
    for name, dialog in (
        ("motif (fiche du membre, Suppr)", ReasonDialog("Annuler", "&Motif :", window)),
        ("nouvelle séance (F6, Ctrl+N)", NewSessionDialog(demo_db, "", window)),
        ("supprimer une séance (F6, Suppr)", DeleteQuestion(session, window)),
        (
            "clôture du stock (F7, Ctrl+L)",
            CloseDayDialog(day_stock(demo_db, desk.desk_id, paris_day(clock())), window),
        ),
        (
            "justificatif de stationnement (P)",
            ParkingReceiptDialog(demo_db, desk, clock, member.id, session, window),
        ),
        ("connexion de l'agent", LoginDialog(demo_db, clock, "Martin", window)),
        ("accord d'un responsable", ApprovalDialog(demo_db, clock, "Martin", "motif", window)),
        (
            "fichier inutilisable au démarrage",
            StartProblemDialog("Fichier abîmé.", db_path, backup, clock, window),
        ),
    ):
        yield from _each_tab(name, dialog)

    # The first start's wizard, page by page.
    from desktop.ui.first_start import FirstStartWizard
    from desktop.ui.settings import Settings

    wizard = FirstStartWizard(Settings(), window)
    wizard.show()
    demo_only = wizard.findChild(QAbstractButton, "demoOnlyChoice")
    assert demo_only is not None
    demo_only.setChecked(True)  # no desk file to choose: the pages after it open
    for _page in wizard.pageIds():
        yield f"premier démarrage, page « {wizard.currentPage().title()} »", wizard
        wizard.next()
    wizard.close()

    # The lock screen over the window (Ctrl+L), then with the other agent's field (Ctrl+Maj+A).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_L, CTRL)
    assert window.lock_screen.is_locked
    yield f"{LOCKED} (Ctrl+L)", window
    window.lock_screen.change_agent()
    yield f"{LOCKED}, autre agent (Ctrl+Maj+A)", window

    # The office's window, each of its tabs, and the conflict form.
    from desktop.ui.office_window import OfficeWindow, ResolveDialog

    office = OfficeWindow(
        demo_db, db_path, local_desk(demo_db, "Claire"), clock, TaskRunner(pool=InlinePool())
    )
    qtbot.addWidget(office)
    yield from _each_tab("bureau", office)
    conflict = Conflict(
        ConflictKind.DOUBLE_CHECKIN,
        Fact("e1", "checkin", "d1", "Guichet 2", "Martin", "2023-11-11T08:12:00Z"),
        Fact("e2", "checkin", "d2", "Guichet 3", "Paul", "2023-11-11T08:19:00Z"),
        member.id,
        "Émilie DUBOIS",
        session.id,
    )
    yield from _each_tab(LAST, ResolveDialog(conflict, office))
