"""The member card: history across sessions, "Annuler…" with a reason, receipt statuses."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from desktop.models import members, parking
from desktop.models.catering import redeem_meal_pass
from desktop.models.checkin import check_in_member
from desktop.models.convention import get_session
from desktop.models.meals import give_meal_pass
from desktop.models.receipt_form import ReceiptForm
from desktop.models.tickets import hand_out_ticket
from desktop.ui.member_card import MEAL, RECEIPT, TICKET, MemberCardDialog
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
MAGNETIC = "ticket-1-voyage-magnetique"


@pytest.fixture
def bertrand(demo_db):
    """Hervé BERTRAND: parking eligible, no pass."""
    return next(m for m in members.all_members(demo_db) if m.surname == "BERTRAND")


@pytest.fixture
def png(tmp_path):
    path = tmp_path / "ticket parking.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(path), "PNG")
    return path


@pytest.fixture
def history(demo_db, desk, clock, bertrand, png):
    """Weekend 1: present on Saturday (meal pass served at 12:41, 2 tickets, one receipt);
    absent on Friday."""
    saturday = get_session(demo_db, "we1-samedi")
    check_in_member(demo_db, bertrand.id, saturday, desk, clock)
    meal = give_meal_pass(demo_db, bertrand.id, saturday, desk, clock)
    tickets = hand_out_ticket(demo_db, bertrand.id, saturday, MAGNETIC, desk, clock)
    form = ReceiptForm(car_park="Comédie", receipt_no="A-1234", amount="12,50", scan_path=str(png))
    receipt = parking.record_receipt(demo_db, bertrand.id, saturday, form, desk, clock)
    clock.now = clock.now.replace(hour=11, minute=41)
    redeem_meal_pass(demo_db, meal.meal_pass.qr_payload, saturday, desk, clock)
    clock.advance(minutes=30)
    assert meal.recorded and tickets.recorded and receipt.recorded
    return {MEAL: meal.event_id, TICKET: tickets.event_id, RECEIPT: receipt.event_id}


@pytest.fixture
def card(qtbot, demo_db, desk, clock, bertrand, history):
    widget = MemberCardDialog(demo_db, desk, clock, bertrand.id)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.isActiveWindow)  # window shortcuts need the active window
    return widget


def lines(card):
    out = []
    for i in range(card.tree.topLevelItemCount()):
        top = card.tree.topLevelItem(i)
        out.append(tuple(top.text(c) for c in range(3)))
        for j in range(top.childCount()):
            out.append(
                tuple("  " + top.child(j).text(c) for c in range(1))
                + tuple(top.child(j).text(c) for c in (1, 2))
            )
    return out


def go_to(qtbot, card, kind):
    """Move down the tree with the keyboard until the line of `kind` is selected."""
    card.tree.setFocus()
    qtbot.keyClick(card.tree, Qt.Key.Key_Home)
    for _ in range(60):
        if card.selected() and card.selected()[0] == kind:
            return
        qtbot.keyClick(card.tree, Qt.Key.Key_Down)
    raise AssertionError(f"no line {kind}")


def events(db, kind):
    """Facts of `kind` in the log (the `events` table: void rows are not live facts)."""
    rows = db.execute(
        "SELECT target_id, agent, payload FROM events WHERE kind = ? ORDER BY seq", [kind]
    ).fetchall()
    return [(row[0], row[1], json.loads(row[2])) for row in rows]


def test_history_across_sessions(card, bertrand):
    assert card.heading.text() == f"{bertrand.display_name} — {bertrand.commune}"
    assert "Stationnement : éligible (Domicile non desservi par le tramway)" in card.facts.text()
    assert card.summary.text() == (
        "Présent·e à 1 séance(s) sur 7 — stationnement : 1 justificatif(s), 12,50 € (hors rejetés)"
    )
    shown = lines(card)
    friday = next(line for line in shown if "10/11/2023" in line[0])
    assert friday[1] == "– absent·e" and "(sans repas)" in friday[0]
    saturday = shown.index(next(line for line in shown if "11/11/2023" in line[0]))
    assert shown[saturday][1] == "✔ présent·e (par nom)"
    assert shown[saturday][2] == "09:12 — Guichet démo, agent Martin"
    assert shown[saturday + 1] == (
        "  Pass repas",
        "remis — servi à 12:41",
        "09:12 — Guichet démo, agent Martin",
    )
    assert shown[saturday + 2][:2] == ("  Tickets", "2 × Ticket 1 voyage (magnétique)")
    assert shown[saturday + 3][:2] == (
        "  Stationnement",
        "statut : reçu — 12,50 € — Comédie, n° A-1234, du 11/11/2023",
    )


def test_cancel_a_meal_pass_with_a_reason(qtbot, card, demo_db, history):
    go_to(qtbot, card, MEAL)
    qtbot.keyClick(card.tree, Qt.Key.Key_Delete)
    dialog = card.reason_dialog
    assert dialog is not None and "Pass repas" in dialog.prompt.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # no reason: refused by the field
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert events(demo_db, "void") == []
    type_text(dialog.field, "pass remis par erreur à la place du voisin")
    with qtbot.waitSignal(card.changed, timeout=10_000) as changed:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert changed.args == [card.member_id]
    ((target, agent, payload),) = events(demo_db, "void")
    assert target == history[MEAL] and agent == "Martin"
    assert payload == {
        "reason": "pass remis par erreur à la place du voisin",
        "voided_kind": "meal.pass",
    }
    assert card.message.text() == (
        "✔ Remise annulée (motif : pass remis par erreur à la place du voisin)."
    )
    assert all("Pass repas" not in line[0] for line in lines(card))
    # the original stays in the log
    assert (
        demo_db.execute("SELECT COUNT(*) FROM events WHERE id = ?", [history[MEAL]]).fetchone()[0]
        == 1
    )


def test_escape_cancels_nothing(qtbot, card, demo_db):
    go_to(qtbot, card, TICKET)
    qtbot.keyClick(card.tree, Qt.Key.Key_Delete)
    dialog = card.reason_dialog
    type_text(dialog.field, "doute")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert card.reason_dialog is None
    assert events(demo_db, "void") == []
    assert card.selected()[0] == TICKET


def test_a_session_line_cannot_be_cancelled(qtbot, card, demo_db):
    card.tree.setFocus()
    qtbot.keyClick(card.tree, Qt.Key.Key_Home)
    assert not card.void_button.isEnabled()
    qtbot.keyClick(card.tree, Qt.Key.Key_Delete)
    assert card.reason_dialog is None
    assert card.message.text().startswith("ℹ Choisissez d'abord une remise")


def test_receipt_sent_then_paid(qtbot, card, demo_db, history):
    go_to(qtbot, card, RECEIPT)
    assert card.sent_button.isEnabled() and not card.paid_button.isEnabled()
    qtbot.keyClick(card.tree, Qt.Key.Key_P, CTRL)  # reçu cannot go to payé
    assert card.message.text() == "✖ Un justificatif « reçu » ne peut pas passer à « payé »."
    with qtbot.waitSignal(card.changed, timeout=10_000):
        qtbot.keyClick(card.tree, Qt.Key.Key_T, CTRL)
    assert card.message.text() == "✔ Justificatif : transmis."
    assert card.selected() == (RECEIPT, history[RECEIPT])  # still selected after the refresh
    shown = card.tree.currentItem().text(1)
    assert shown.startswith("statut : transmis — 12,50 €")
    assert shown.endswith("— transmis à 13:11 par Martin")
    assert card.line_detail.text().startswith(f"Stationnement — {shown} — 09:12")
    qtbot.keyClick(card.tree, Qt.Key.Key_P, CTRL)
    changes = events(demo_db, "parking.status")
    assert [(c[0], c[2]["from"], c[2]["to"]) for c in changes] == [
        (history[RECEIPT], "reçu", "transmis"),
        (history[RECEIPT], "transmis", "payé"),
    ]
    assert not any(
        b.isEnabled() for b in (card.sent_button, card.paid_button, card.rejected_button)
    )


def test_receipt_rejected_needs_a_reason(qtbot, card, demo_db, history):
    go_to(qtbot, card, RECEIPT)
    qtbot.keyClick(card.tree, Qt.Key.Key_R, CTRL)
    dialog = card.reason_dialog
    assert "Comédie n° A-1234 (12,50 €)" in dialog.prompt.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.error.isVisibleTo(dialog)
    type_text(dialog.field, "ticket illisible")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    ((target, _, payload),) = events(demo_db, "parking.status")
    assert target == history[RECEIPT]
    assert payload == {"from": "reçu", "to": "rejeté", "note": "ticket illisible"}
    assert "rejeté à 13:11 par Martin : ticket illisible" in card.tree.currentItem().text(1)
    assert card.summary.text().endswith("1 justificatif(s), 0,00 € (hors rejetés)")


def test_cancel_a_receipt(qtbot, card, demo_db, history):
    go_to(qtbot, card, RECEIPT)
    qtbot.keyClick(card.tree, Qt.Key.Key_Delete)
    type_text(card.reason_dialog.field, "saisi sur le mauvais membre")
    qtbot.keyClick(card.reason_dialog.field, Qt.Key.Key_Return)
    assert [e[0] for e in events(demo_db, "void")] == [history[RECEIPT]]
    assert parking.receipts(demo_db, member_id=card.member_id) == []
    assert "0 justificatif(s)" in card.summary.text()


def test_an_override_shows_its_reason(qtbot, demo_db, desk, clock, bertrand, history):
    saturday = get_session(demo_db, "we1-samedi")
    again = give_meal_pass(demo_db, bertrand.id, saturday, desk, clock, "pass perdu")
    assert again.recorded
    card = MemberCardDialog(demo_db, desk, clock, bertrand.id)
    qtbot.addWidget(card)
    meals = [line for line in lines(card) if line[0] == "  Pass repas"]
    assert [line[1] for line in meals] == [
        "remis — servi à 12:41",
        "remis — remis quand même : pass perdu",
    ]
