"""The stock screen, keyboard only, on the demo file (Saturday 11/11/2023, desk "Guichet démo")."""

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from desktop.models import members, stock
from desktop.models.checkin import check_in_member
from desktop.models.convention import get_convention, get_session
from desktop.models.convention_settings import meal_pass_secret
from desktop.models.meals import PASS_PREFIX, meal_counts, meal_list, signature
from desktop.models.stock import CountMoment, Movement
from desktop.models.tickets import hand_out_ticket
from desktop.ui.caterer_screen import CatererScreen
from desktop.ui.member_card import MEAL, MemberCardDialog
from desktop.ui.stock_screen import ENTRIES, StockScreen, StockTableModel
from tests.ui.conftest import scan, type_text

MAGNETIC = "ticket-1-voyage-magnetique"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def session(demo_db):
    return get_session(demo_db, "we1-samedi")


@pytest.fixture
def two_handed_out(demo_db, session, desk, clock):
    """Two members checked in, each given 2 magnetic tickets (4 out of stock)."""
    for member in [m for m in members.all_members(demo_db) if m.pass_status == "aucun"][:2]:
        check_in_member(demo_db, member.id, session, desk, clock)
        result = hand_out_ticket(demo_db, member.id, session, MAGNETIC, desk, clock)
        assert result.recorded, result


def open_screen(qtbot, demo_db, desk, clock, day=None):
    screen = StockScreen(demo_db, desk, clock, day=day)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(screen.isActiveWindow)  # window shortcuts need the active window
    return screen


def enter(qtbot, screen, product_name, kind, quantity, note=""):
    """Choose the product and the kind of entry with the keyboard, type, press Entrée."""
    names = [screen.product_field.itemText(i) for i in range(screen.product_field.count())]
    combo = screen.product_field
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(names.index(product_name)):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    kinds = screen.entry_field
    kinds.setFocus()
    qtbot.keyClick(kinds, Qt.Key.Key_Home)
    for _ in range(ENTRIES.index(kind)):
        qtbot.keyClick(kinds, Qt.Key.Key_Down)
    if note:
        screen.note_field.setFocus()
        type_text(screen.note_field, note)
    screen.quantity_field.setFocus()
    qtbot.keyClick(screen.quantity_field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(screen.quantity_field, Qt.Key.Key_Delete)
    type_text(screen.quantity_field, str(quantity))
    qtbot.keyClick(screen.quantity_field, Qt.Key.Key_Return)


def row_texts(screen, name):
    model = screen.model
    row = next(r for r, line in enumerate(model.lines) if line.product.name == name)
    return [model.index(row, c).data() for c in range(model.columnCount())]


def facts(db, kind):
    rows = db.execute(
        "SELECT agent, payload FROM live_events WHERE kind = ? ORDER BY seq", [kind]
    ).fetchall()
    return [(row[0], json.loads(row[1])) for row in rows]


def test_model(qtmodeltester, demo_db, desk, clock, two_handed_out):
    model = StockTableModel()
    model.set_stock(stock.day_stock(demo_db, desk.desk_id, date(2023, 11, 11)))
    qtmodeltester.check(model)


def test_counts_and_movements_fill_the_sheet(qtbot, demo_db, desk, clock, two_handed_out):
    screen = open_screen(qtbot, demo_db, desk, clock)
    name = "Ticket 1 voyage (magnétique)"
    assert row_texts(screen, name)[2] == "4"  # handed out, from the facts
    assert row_texts(screen, name)[7] == "à compter"
    enter(qtbot, screen, name, CountMoment.OPENING, 50)
    enter(qtbot, screen, name, Movement.RETURNED, 1, note="rendu par un membre")
    enter(qtbot, screen, name, Movement.SPOILED, 1)
    enter(qtbot, screen, name, CountMoment.CLOSING, 45)
    assert row_texts(screen, name) == [name, "50", "4", "1", "1", "46", "45", "−1 (manque)", "—"]
    assert (
        screen.model.index(0, StockTableModel.COL_DIFFERENCE).data(StockTableModel.DifferenceRole)
        == -1
    )
    counts = [p for _, p in facts(demo_db, "stock.count")]
    assert [(c["moment"], c["count"]) for c in counts] == [("ouverture", 50), ("clôture", 45)]
    moves = [p for _, p in facts(demo_db, "stock.move")]
    assert [(m["movement"], m["quantity"], m["note"]) for m in moves] == [
        ("retour", 1, "rendu par un membre"),
        ("abîmé", 1, ""),
    ]
    assert "Écart total : −1 (manque)" in screen.totals.text()


def test_a_bad_quantity_is_shown_and_kept(qtbot, demo_db, desk, clock):
    screen = open_screen(qtbot, demo_db, desk, clock)
    enter(qtbot, screen, "Ticket démo", CountMoment.OPENING, "douze")
    assert screen.entry_error.isVisibleTo(screen)
    assert "douze" in screen.entry_error.text()
    assert screen.quantity_field.text() == "douze"
    enter(qtbot, screen, "Ticket démo", Movement.SPOILED, 0)
    assert "au moins 1 ticket" in screen.entry_error.text()
    assert facts(demo_db, "stock.count") == facts(demo_db, "stock.move") == []


def test_closing_asks_for_the_missing_count_first(qtbot, demo_db, desk, clock, two_handed_out):
    screen = open_screen(qtbot, demo_db, desk, clock)
    qtbot.keyClick(screen, Qt.Key.Key_L, CTRL)
    assert screen.close_dialog is None
    assert "Comptez d'abord" in screen.entry_error.text()
    assert screen.product_field.currentText() == "Ticket 1 voyage (magnétique)"
    assert screen.entry_field.currentIndex() == ENTRIES.index(CountMoment.CLOSING)
    assert screen.focusWidget() is screen.quantity_field
    assert facts(demo_db, "day.close") == []


def test_a_difference_needs_a_typed_explanation(qtbot, demo_db, desk, clock, two_handed_out):
    screen = open_screen(qtbot, demo_db, desk, clock)
    name = "Ticket 1 voyage (magnétique)"
    enter(qtbot, screen, name, CountMoment.OPENING, 50)
    enter(qtbot, screen, name, CountMoment.CLOSING, 44)
    qtbot.keyClick(screen, Qt.Key.Key_L, CTRL)
    dialog = screen.close_dialog
    assert dialog is not None and dialog.isVisible()
    summary = dialog.summary.text()
    assert summary.startswith("⚠ Écarts de stock à expliquer")
    assert "attendu 46, compté 44, écart −2 (manque)" in summary
    qtbot.keyClick(dialog.explanation, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert facts(demo_db, "day.close") == []
    type_text(dialog.explanation, "2 tickets remis à un expert, non notés")
    qtbot.keyClick(dialog.explanation, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    ((agent, closed),) = facts(demo_db, "day.close")
    assert agent == "Martin"
    assert closed["explanation"] == "2 tickets remis à un expert, non notés"
    assert closed["total_difference"] == -2
    text = screen.closure_label.text()
    assert text.startswith("✔ Journée clôturée par Martin à 09:12 (Guichet démo)")
    assert "Explication : 2 tickets remis à un expert" in text
    assert not screen.quantity_field.isEnabled() and not screen.close_day_button.isEnabled()
    # a screen opened later shows who closed the day
    again = open_screen(qtbot, demo_db, desk, clock)
    assert again.closure_label.text() == text


def test_a_closed_day_is_reopened_with_a_reason(qtbot, demo_db, desk, clock):
    screen = open_screen(qtbot, demo_db, desk, clock)
    qtbot.keyClick(screen, Qt.Key.Key_L, CTRL)
    qtbot.keyClick(screen.close_dialog.explanation, Qt.Key.Key_Return)
    assert screen.reopen_button.isEnabled() and not screen.quantity_field.isEnabled()
    ((close_id,),) = demo_db.execute("SELECT id FROM events WHERE kind = 'day.close'").fetchall()
    qtbot.keyClick(screen, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = screen.reason_dialog
    assert "clôturée par Martin à 09:12" in dialog.prompt.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.error.isVisibleTo(dialog)  # a reason is required
    type_text(dialog.field, "clôture faite avant le dernier retour de tickets")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    ((target, payload),) = demo_db.execute(
        "SELECT target_id, payload FROM events WHERE kind = 'void'"
    ).fetchall()
    assert target == close_id
    assert json.loads(payload)["reason"] == "clôture faite avant le dernier retour de tickets"
    assert screen.closure_label.text() == "☐ Journée ouverte : pas encore clôturée."
    assert screen.quantity_field.isEnabled() and not screen.reopen_button.isEnabled()
    assert facts(demo_db, "day.close") == []  # the closing is no longer live, still logged


def test_no_difference_closes_without_explanation(qtbot, demo_db, desk, clock, two_handed_out):
    screen = open_screen(qtbot, demo_db, desk, clock)
    name = "Ticket 1 voyage (magnétique)"
    enter(qtbot, screen, name, CountMoment.OPENING, 50)
    enter(qtbot, screen, name, CountMoment.CLOSING, 46)
    qtbot.keyClick(screen, Qt.Key.Key_L, CTRL)
    dialog = screen.close_dialog
    assert dialog.summary.text().startswith("✔ Aucun écart")
    qtbot.keyClick(dialog.explanation, Qt.Key.Key_Return)
    ((_, closed),) = facts(demo_db, "day.close")
    assert closed["explanation"] is None and closed["total_difference"] == 0


def test_escape_cancels_the_closing(qtbot, demo_db, desk, clock):
    screen = open_screen(qtbot, demo_db, desk, clock)
    qtbot.keyClick(screen, Qt.Key.Key_L, CTRL)
    dialog = screen.close_dialog
    qtbot.keyClick(dialog.explanation, Qt.Key.Key_Escape)
    assert screen.close_dialog is None
    assert facts(demo_db, "day.close") == []


def test_expired_stock_is_shown_as_lost_value(qtbot, demo_db, desk, clock):
    clock.now = clock.now.replace(month=12, day=21)
    screen = open_screen(qtbot, demo_db, desk, clock)
    assert screen.day == date(2023, 12, 21)
    name = "Ticket 1 voyage (magnétique)"
    enter(qtbot, screen, name, CountMoment.OPENING, 10)
    row = row_texts(screen, name)
    assert row[0] == "Ticket 1 voyage (magnétique) (périmé)"
    assert row[-1] == "16,00 €"
    assert "Stock périmé (perte) : 16,00 €" in screen.totals.text()


# --- the "done when": a full demo Saturday with the keyboard alone -------------------


def test_a_full_demo_saturday_by_keyboard_alone(qtbot, window, demo_db, desk, clock, tmp_path):
    """Opening count; every badge scanned (39 check-ins, the withdrawn member refused), "Tout
    remettre" on each hand-out panel; three parking receipts typed in the panel's form; a
    mistaken meal pass cancelled from the member card; the caterer serves every live pass;
    the closing count is 2 short and the day is closed with the explanation typed."""

    session = get_session(demo_db, "we1-samedi")
    name = "Ticket 1 voyage (magnétique)"
    stock_screen = open_screen(qtbot, demo_db, desk, clock)
    enter(qtbot, stock_screen, name, CountMoment.OPENING, 100)
    stock_screen.close()

    receipt_scan = tmp_path / "ticket parking.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(receipt_scan), "PNG")
    parking_for = {"BERTRAND": "P-101", "GARCIA": "P-102", "PUJOL": "P-103"}

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.handout_panel
    for member in members.all_members(demo_db):
        clock.advance(seconds=30)
        target = QApplication.focusWidget()
        assert target in (window.scan_field, panel)
        scan(qtbot, target, members.current_badge(demo_db, member.id))
        if member.withdrawn:
            qtbot.waitUntil(lambda: "retiré" in window.banner.title.text(), timeout=10_000)
            continue
        qtbot.waitUntil(lambda: panel.isVisible() and panel.hasFocus(), timeout=10_000)
        qtbot.keyClick(panel, Qt.Key.Key_T)
        qtbot.waitUntil(lambda: not panel.has_due, timeout=10_000)
        if member.surname in parking_for:
            qtbot.keyClick(panel, Qt.Key.Key_P)
            qtbot.waitUntil(lambda: panel.receipt_dialog is not None, timeout=10_000)
            form = panel.receipt_dialog
            for field, text in (
                ("car_park", "Comédie"),
                ("receipt_no", parking_for[member.surname]),
                ("scan", str(receipt_scan)),
                ("amount", "12,50"),
            ):
                form.fields[field].setFocus()
                type_text(form.fields[field], text)
            qtbot.keyClick(form.fields["amount"], Qt.Key.Key_Return)
            assert form.last_result is not None and form.last_result.recorded
            qtbot.waitUntil(lambda: window.focusWidget() is panel, timeout=10_000)
            # The form deletes itself on close and the panel forgets it.
            qtbot.waitUntil(lambda: panel.receipt_dialog is None, timeout=10_000)
            window.activateWindow()  # the window manager's part once the form has closed
            qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)

    def count(kind):
        return demo_db.execute(
            "SELECT COUNT(*) FROM live_events WHERE kind = ?", [kind]
        ).fetchone()[0]

    assert count("checkin") == 39
    assert count("meal.pass") == 39
    assert count("parking.receipt") == 3
    handed_out = sum(
        json.loads(p)["quantity"]
        for (p,) in demo_db.execute(
            "SELECT payload FROM live_events WHERE kind = 'ticket.handout'"
        ).fetchall()
    )
    assert handed_out == 2 * sum(
        1
        for m in members.all_members(demo_db)
        if not m.withdrawn and m.pass_status not in ("week-end", "7j-7")
    )

    # A meal pass given by mistake (the member does not stay for lunch): cancelled on the card.
    roussel = next(m for m in members.all_members(demo_db) if m.surname == "ROUSSEL")
    card = MemberCardDialog(demo_db, desk, clock, roussel.id)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    qtbot.waitUntil(card.isActiveWindow)
    card.tree.setFocus()
    qtbot.keyClick(card.tree, Qt.Key.Key_Home)
    while card.selected()[0] != MEAL:
        qtbot.keyClick(card.tree, Qt.Key.Key_Down)
    qtbot.keyClick(card.tree, Qt.Key.Key_Delete)
    type_text(card.reason_dialog.field, "ne reste pas au déjeuner, pass rendu")
    qtbot.keyClick(card.reason_dialog.field, Qt.Key.Key_Return)
    assert count("meal.pass") == 38
    card.close()

    # Lunch: the caterer serves every live pass; the cancelled one is refused.
    clock.now = clock.now.replace(hour=11, minute=0)
    caterer = CatererScreen(demo_db, desk, clock, session, refresh_ms=0)
    qtbot.addWidget(caterer)
    caterer.show()
    qtbot.waitExposed(caterer)
    for line in meal_list(demo_db, session.id):
        clock.advance(seconds=20)
        scan(qtbot, caterer.scan_field, line.meal_pass.qr_payload)
        assert caterer.banner.title.text() == "Servi"
    token = next(
        json.loads(p)["token"]
        for (p,) in demo_db.execute(
            "SELECT e.payload FROM events e JOIN events v ON v.target_id = e.id "
            "WHERE e.kind = 'meal.pass' AND v.kind = 'void'"
        ).fetchall()
    )
    tag = get_convention(demo_db).code_tag
    printed = (
        PASS_PREFIX + tag + token + signature(meal_pass_secret(demo_db), tag, session.id, token)
    )
    scan(qtbot, caterer.scan_field, printed)
    assert caterer.banner.title.text() == "Pass annulé"
    counts = meal_counts(demo_db, session.id)
    assert (counts.member_passes, counts.served_members) == (38, 38)
    assert caterer.counts.text().startswith("Servis : 38 / 38 pass remis")
    caterer.close()

    # Evening: closing count 2 short, explained, the day closed.
    clock.now = clock.now.replace(hour=17, minute=30)
    stock_screen = open_screen(qtbot, demo_db, desk, clock)
    expected = 100 - handed_out
    enter(qtbot, stock_screen, name, CountMoment.CLOSING, expected - 2)
    assert row_texts(stock_screen, name)[7] == "−2 (manque)"
    qtbot.keyClick(stock_screen, Qt.Key.Key_L, CTRL)
    dialog = stock_screen.close_dialog
    assert "écart −2 (manque)" in dialog.summary.text()
    type_text(dialog.explanation, "2 tickets donnés à un expert sans passer par le guichet")
    qtbot.keyClick(dialog.explanation, Qt.Key.Key_Return)
    ((agent, closed),) = facts(demo_db, "day.close")
    assert agent == "Martin" and closed["total_difference"] == -2
    assert stock_screen.closure_label.text().startswith(
        "✔ Journée clôturée par Martin à 18:30 (Guichet démo)"
    )
