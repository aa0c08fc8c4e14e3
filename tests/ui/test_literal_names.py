"""Names people type (a ticket product "Aller & retour", a guest "Laurel & Hardy", an agent,
a member "Marie & Co", a car park, a receipt number) shown whole where Qt reads '&' as the mark of an Alt letter: a label with its field, the
question of QInputDialog. Without care "Aller & retour" showed "Aller _retour" and took the
space bar as its Alt letter; plain texts (lists, tables, combo boxes) show it as typed."""

import re
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel

from desktop.models import handouts, members, parking, stock
from desktop.models.checkin import check_in_member
from desktop.models.clock import paris_day
from desktop.models.convention import current_session, get_session
from desktop.models.journal import local_desk
from desktop.models.members import Member
from desktop.models.receipt_form import ReceiptForm
from desktop.models.session_plan import SessionEditOutcome, set_ticket_policy
from desktop.models.stock import CountMoment
from desktop.models.tickets import TicketProduct, hand_out_ticket, save_product
from desktop.ui.close_export_dialog import CloseExportDialog
from desktop.ui.controls import literal
from desktop.ui.guest_meal_dialog import GuestMealDialog
from desktop.ui.handout_panel import HandoutPanel
from desktop.ui.member_card import RECEIPT, TICKET, MemberCardDialog
from desktop.ui.sessions_screen import SessionsScreen
from desktop.ui.stock_screen import StockScreen
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import scan, type_text

PRODUCT = "Aller & retour"


@pytest.fixture
def product_id(demo_db):
    saved = save_product(demo_db, TicketProduct("", PRODUCT, 320))
    assert saved.product is not None
    return saved.product.id


def shown(text: str) -> str:
    """What Qt draws of a mnemonic text: '&x' is x (underlined), '&&' is '&'."""
    return re.sub(r"&(.)", r"\1", text)


def assert_reads(qtbot, label: QLabel, expected: str) -> None:
    """`label` (with a field: Qt reads its '&') shows `expected` and takes no Alt letter."""
    assert label.buddy() is not None
    assert shown(label.text()) == expected
    assert QKeySequence.mnemonic(label.text()).isEmpty()
    # Drawn by Qt: the same pixels as the text in a label without a field (read literally).
    plain = QLabel(expected, label.parentWidget())
    qtbot.addWidget(plain)
    plain.setGeometry(label.geometry())
    plain.setAlignment(label.alignment())
    assert plain.grab().toImage() == label.grab().toImage()


def test_the_end_of_day_count_names_the_product_whole(
    qtbot, demo_db, db_path, desk, clock, product_id
):
    day = paris_day(clock())
    stock.record_count(demo_db, product_id, day, CountMoment.OPENING, 40, desk, clock)
    dialog = CloseExportDialog(demo_db, db_path, desk, clock, TaskRunner(pool=InlinePool()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    spin = dialog.count_boxes[product_id]
    label = dialog.counts_form.labelForField(spin)
    assert isinstance(label, QLabel)
    assert_reads(qtbot, label, "Aller & retour (attendu 40) — compté :")
    assert spin.accessibleName() == "Aller & retour (attendu 40) — compté :"


def test_the_sessions_quantities_name_the_product_whole(qtbot, demo_db, desk, clock, product_id):
    screen = SessionsScreen(demo_db, desk, clock)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    spin = screen.quantities[product_id]
    label = screen.policy_box.labelForField(spin)
    assert isinstance(label, QLabel)
    assert label.buddy() is spin  # the label names its box (a click on it goes there)
    assert_reads(qtbot, label, "Aller & retour ×")
    assert spin.accessibleName() == "Quantité de Aller & retour"
    # The product list is plain text: the name as typed, not doubled.
    screen.tabs.setCurrentIndex(1)
    listed = [
        screen.products.product_list.item(row).text()
        for row in range(screen.products.product_list.count())
    ]
    assert "Aller & retour — 3,20 €" in listed


def test_the_stock_screen_shows_the_name_as_typed_and_the_reopen_names_the_agent(
    qtbot, demo_db, clock, product_id
):
    desk = local_desk(demo_db, "Claire & Paul")
    day = paris_day(clock())
    closed = stock.close_day(demo_db, day, desk, clock, "")
    assert closed.outcome is stock.CloseOutcome.CLOSED, closed
    screen = StockScreen(demo_db, desk, clock)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    names = [screen.product_field.itemText(i) for i in range(screen.product_field.count())]
    assert PRODUCT in names  # a combo box shows its items as they are
    row = names.index(PRODUCT)
    assert screen.model.index(row, 0).data() == PRODUCT
    dialog = screen.ask_reopen_day()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = dialog.prompt.text()
    assert "clôturée par Claire & Paul à 09:12" in shown(text)
    assert QKeySequence.mnemonic(text) == QKeySequence("Alt+M")  # « &Motif », as intended
    dialog.reject()


def test_a_guest_named_with_an_ampersand_is_named_whole_in_the_question(
    qtbot, demo_db, desk, clock, monkeypatch
):
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or ("", False))
    dialog = GuestMealDialog(demo_db, desk, clock, current_session(demo_db, clock()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # Ctrl+Entrée is the dialog's shortcut
    for _ in range(2):  # the second time: "déjà remis", Ctrl+Entrée asks a reason
        type_text(dialog.name_field, "Laurel & Hardy")
        qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (prompt,) = asked
    # The question as QInputDialog shows it: its label has the field as its buddy.
    question = QInputDialog()
    qtbot.addWidget(question)
    question.setLabelText(prompt)
    question.show()
    QApplication.processEvents()
    (label,) = [child for child in question.findChildren(QLabel) if child.text() == prompt]
    assert shown(prompt).startswith("Un autre bon repas pour Laurel & Hardy (Expert·e).")
    assert_reads(qtbot, label, shown(prompt))


def test_literal_doubles_every_ampersand_and_nothing_else():
    assert literal("Aller & retour") == "Aller && retour"
    assert literal("A&&B &x") == "A&&&&B &&x"
    assert literal("Ticket 1 voyage") == "Ticket 1 voyage"
    assert shown(literal("R&D && co")) == "R&D && co"


# --- questions whose label names the reason field: a typed name before « Motif » ------------


def _question(qtbot, prompt: str) -> tuple[QInputDialog, QLabel]:
    """The question as QInputDialog shows it (kept alive by the caller): its label has the
    field as its buddy."""
    question = QInputDialog()
    qtbot.addWidget(question)
    question.setLabelText(prompt)
    question.show()
    QApplication.processEvents()
    (label,) = [child for child in question.findChildren(QLabel) if child.text() == prompt]
    return question, label


def _asked(monkeypatch) -> list[str]:
    """The questions QInputDialog.getText is asked (answered: cancelled)."""
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or ("", False))
    return asked


def _member(db, surname: str) -> Member:
    return next(m for m in members.all_members(db) if m.surname == surname)


def test_the_member_card_names_a_product_car_park_and_receipt_whole_before_motif(
    qtbot, demo_db, desk, clock, product_id, tmp_path
):
    saturday = get_session(demo_db, "we1-samedi")
    bertrand = _member(demo_db, "BERTRAND")  # parking eligible
    assert check_in_member(demo_db, bertrand.id, saturday, desk, clock).recorded
    assert set_ticket_policy(demo_db, saturday.id, [(product_id, 1)]) is SessionEditOutcome.SAVED
    assert hand_out_ticket(demo_db, bertrand.id, saturday, product_id, desk, clock).recorded
    scan_file = tmp_path / "ticket.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(scan_file), "PNG")
    form = ReceiptForm("Gare & Comédie", "A&B 1234", "12,50", scan_path=str(scan_file))
    assert parking.record_receipt(demo_db, bertrand.id, saturday, form, desk, clock).recorded
    card = MemberCardDialog(demo_db, desk, clock, bertrand.id)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)  # Suppr and Ctrl+R are the card's shortcuts

    def ask_on(kind: str, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> str:
        card.tree.setFocus()
        qtbot.keyClick(card.tree, Qt.Key.Key_Home)
        while card.selected() is None or card.selected()[0] != kind:  # down to its line
            below = card.tree.itemBelow(card.tree.currentItem())
            assert below is not None, kind
            qtbot.keyClick(card.tree, Qt.Key.Key_Down)
        qtbot.keyClick(card.tree, key, modifier)
        dialog = card.reason_dialog
        assert dialog is not None
        text = dialog.prompt.text()
        assert dialog.prompt.buddy() is dialog.field
        assert QKeySequence.mnemonic(text) == QKeySequence("Alt+M")  # « &Motif », its own
        dialog.reject()
        return shown(text)

    assert "« Tickets : 1 × Aller & retour" in ask_on(TICKET, Qt.Key.Key_Delete)
    assert "Gare & Comédie" in ask_on(RECEIPT, Qt.Key.Key_Delete)
    assert ask_on(RECEIPT, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier).startswith(
        "Rejeter le justificatif Gare & Comédie n° A&B 1234 (12,50 €). Motif :"
    )


def test_undoing_the_arrival_of_a_member_named_with_an_ampersand_names_her_whole(
    qtbot, window, demo_db, monkeypatch
):
    dubois = _member(demo_db, "DUBOIS")
    members.save_member(demo_db, replace(dubois, first_name="Marie & Co"))  # as typed in a roster
    scan(qtbot, window.scan_field, members.current_badge(demo_db, dubois.id))
    assert window.banner.title.text() == "Bienvenue, Marie & Co DUBOIS"  # a plain label
    window.back_to_scan()
    asked = _asked(monkeypatch)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    (prompt,) = asked
    assert shown(prompt).startswith("Annuler l'arrivée de Marie & Co DUBOIS.\n")
    _dialog, label = _question(qtbot, prompt)
    assert_reads(qtbot, label, shown(prompt))


def test_the_hand_out_panel_question_names_the_earlier_agent_whole(
    qtbot, demo_db, clock, monkeypatch
):
    desk = local_desk(demo_db, "Claire & Paul")
    session = current_session(demo_db, clock())
    bertrand = _member(demo_db, "BERTRAND")
    assert check_in_member(demo_db, bertrand.id, session, desk, clock).recorded
    panel = HandoutPanel(demo_db, desk, clock, key_delay_ms=0)
    qtbot.addWidget(panel)
    panel.show_checklist(handouts.due_items(demo_db, bertrand.id, session))
    asked = _asked(monkeypatch)
    qtbot.keyClick(panel, Qt.Key.Key_1)  # the meal pass
    qtbot.keyClick(panel, Qt.Key.Key_1)  # again: "déjà remis", a reason is asked
    (prompt,) = asked
    assert "agent Claire & Paul)." in shown(prompt)
    _dialog, label = _question(qtbot, prompt)
    assert_reads(qtbot, label, shown(prompt))
