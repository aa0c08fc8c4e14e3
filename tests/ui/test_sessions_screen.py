"""The sessions and ticket products screen, keyboard only, on the demo file."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop.models import session_plan
from desktop.models.tickets import get_product, products
from desktop.ui.sessions_screen import SessionsScreen
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def screen(qtbot, demo_db, desk, clock):
    widget = SessionsScreen(demo_db, desk, clock)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.isActiveWindow)  # window shortcuts need the active window
    yield widget
    # Closing asks about unsaved typing (a real, blocking question): not at teardown.
    # (Closed here rather than by qtbot.addWidget, whose teardown would come first.)
    widget.dirty = widget.products.product_dirty = False
    widget.close()
    widget.deleteLater()


def retype(qtbot, field, text):
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)


def go_to(qtbot, screen, session_id):
    ids = [plan.session.id for plan in screen.plans]
    screen.session_list.setFocus()
    qtbot.keyClick(screen.session_list, Qt.Key.Key_Home)
    for _ in range(ids.index(session_id)):
        qtbot.keyClick(screen.session_list, Qt.Key.Key_Down)
    assert screen.current_plan().session.id == session_id


def test_lists_every_session_with_lunch_and_tickets(screen, demo_db):
    texts = [screen.session_list.item(i).text() for i in range(screen.session_list.count())]
    assert len(texts) == len(session_plan.session_plans(demo_db))
    saturday = next(t for t in texts if "11/11/2023" in t)
    assert "repas" in saturday and "2 × Ticket 1 voyage (magnétique)" in saturday
    friday = next(t for t in texts if "10/11/2023" in t)
    assert "sans repas" in friday


def test_edit_a_session_and_its_ticket_policy(qtbot, screen, demo_db):
    go_to(qtbot, screen, "we1-vendredi")
    assert screen.day_field.text() == "10/11/2023"
    retype(qtbot, screen.place_field, "Salle Pétrarque, Montpellier")
    screen.lunch_field.setFocus()
    qtbot.keyClick(screen.lunch_field, Qt.Key.Key_Space)
    spin = screen.quantities["ticket-1-voyage-magnetique"]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    with qtbot.waitSignal(screen.session_saved, timeout=10_000) as saved:
        qtbot.keyClick(screen, Qt.Key.Key_S, CTRL)
    assert saved.args == ["we1-vendredi"]
    plan = session_plan.session_plan(demo_db, "we1-vendredi")
    assert plan.session.place == "Salle Pétrarque, Montpellier"
    assert plan.session.lunch is True
    assert [(line.product.id, line.quantity) for line in plan.tickets] == [
        ("ticket-1-voyage-magnetique", 3)
    ]
    assert screen.status.text().startswith("✔ Séance enregistrée")
    assert screen.current_plan().session.id == "we1-vendredi"


def test_policy_at_zero_removes_the_tickets(qtbot, screen, demo_db):
    go_to(qtbot, screen, "validation")
    spin = screen.quantities["ticket-1-voyage-magnetique"]
    spin.setFocus()
    for _ in range(3):
        qtbot.keyClick(spin, Qt.Key.Key_Down)
    qtbot.keyClick(screen, Qt.Key.Key_S, CTRL)
    assert session_plan.session_plan(demo_db, "validation").tickets == ()


def test_bad_date_and_empty_place_are_shown_by_their_fields(qtbot, screen, demo_db):
    go_to(qtbot, screen, "we2-samedi")
    retype(qtbot, screen.day_field, "31/02/2023")
    retype(qtbot, screen.place_field, "Nouvelle salle")
    qtbot.keyClick(screen.day_field, Qt.Key.Key_Return)
    error = screen.session_form.errors["day"]
    assert error.isVisibleTo(screen) and "31/02/2023" in error.text()
    assert error.text().startswith("✖ ")
    assert screen.day_field.text() == "31/02/2023"
    assert screen.place_field.text() == "Nouvelle salle"  # nothing typed is lost
    assert session_plan.session_plan(demo_db, "we2-samedi").session.day == date(2023, 12, 9)
    retype(qtbot, screen.day_field, "10/12/2023")
    retype(qtbot, screen.place_field, "   ")
    qtbot.keyClick(screen.place_field, Qt.Key.Key_Return)
    assert not error.isVisibleTo(screen)
    assert screen.session_form.errors["place"].isVisibleTo(screen)
    assert screen.day_field.text() == "10/12/2023"
    assert session_plan.session_plan(demo_db, "we2-samedi").session.day == date(2023, 12, 9)


def test_weekend_must_be_a_number(qtbot, screen, demo_db):
    go_to(qtbot, screen, "we3-samedi")
    retype(qtbot, screen.weekend_field, "trois")
    qtbot.keyClick(screen.weekend_field, Qt.Key.Key_Return)
    assert screen.session_form.errors["weekend"].isVisibleTo(screen)
    assert session_plan.session_plan(demo_db, "we3-samedi").session.weekend == 3


def test_moving_away_from_unsaved_changes_asks(qtbot, screen, demo_db, monkeypatch):
    go_to(qtbot, screen, "we1-samedi")
    retype(qtbot, screen.label_field, "Samedi férié")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel,
    )
    qtbot.keyClick(screen.session_list, Qt.Key.Key_Down)
    assert asked and "pas enregistrée" in asked[0]
    assert screen.current_plan().session.id == "we1-samedi"
    assert screen.label_field.text() == "Samedi férié"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    qtbot.keyClick(screen.session_list, Qt.Key.Key_Down)
    assert session_plan.session_plan(demo_db, "we1-samedi").session.label == "Samedi férié"
    assert screen.current_plan().session.id == "we2-vendredi"


def test_new_product_with_price_typed_with_a_comma(qtbot, screen, demo_db):
    qtbot.keyClick(screen, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    assert screen.focusWidget() is screen.products.name_field
    type_text(screen.products.name_field, "Ticket 10 voyages")
    screen.products.price_field.setFocus()
    type_text(screen.products.price_field, "1,60")
    screen.products.until_field.setFocus()
    type_text(screen.products.until_field, "20/12/2023")
    with qtbot.waitSignal(screen.product_saved, timeout=10_000) as saved:
        qtbot.keyClick(screen.products.until_field, Qt.Key.Key_Return)
    found = next(p for p in products(demo_db) if p.name == "Ticket 10 voyages")
    assert saved.args == [found.id]
    assert found.unit_price_cents == 160
    assert found.valid_until == date(2023, 12, 20) and found.valid_from is None
    assert found.free_travel_applies and found.active
    assert screen.status.text().startswith("✔ Produit enregistré : Ticket 10 voyages — 1,60 €")
    # the new product is offered in the session's policy at once
    assert found.id in screen.quantities


def test_product_errors_keep_the_typing(qtbot, screen, demo_db):
    qtbot.keyClick(screen, Qt.Key.Key_2, CTRL)  # Ctrl+N on the sessions tab adds a session
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)
    type_text(screen.products.name_field, "Ticket démo")
    screen.products.price_field.setFocus()
    type_text(screen.products.price_field, "1,605")
    qtbot.keyClick(screen.products.price_field, Qt.Key.Key_Return)
    price_error = screen.products.product_form.errors["price"]
    assert price_error.isVisibleTo(screen) and "deux chiffres" in price_error.text()
    assert screen.focusWidget() is screen.products.price_field
    retype(qtbot, screen.products.price_field, "1.50")
    screen.products.from_field.setFocus()
    type_text(screen.products.from_field, "01/01/2024")
    screen.products.until_field.setFocus()
    type_text(screen.products.until_field, "31/12/2023")
    qtbot.keyClick(screen.products.until_field, Qt.Key.Key_Return)
    assert not price_error.isVisibleTo(screen)
    assert screen.products.product_form.errors["validUntil"].isVisibleTo(screen)
    retype(qtbot, screen.products.until_field, "")
    qtbot.keyClick(screen.products.until_field, Qt.Key.Key_Return)
    assert "déjà ce nom" in screen.products.product_form.errors["name"].text()
    assert screen.products.name_field.text() == "Ticket démo"
    assert screen.products.price_field.text() == "1.50"
    assert len(products(demo_db, include_inactive=True)) == 2


def test_edit_an_existing_product(qtbot, screen, demo_db):
    qtbot.keyClick(screen, Qt.Key.Key_2, CTRL)
    names = [p.name for p in screen.products.catalogue]
    screen.products.product_list.setFocus()
    qtbot.keyClick(screen.products.product_list, Qt.Key.Key_Home)
    for _ in range(names.index("Ticket démo")):
        qtbot.keyClick(screen.products.product_list, Qt.Key.Key_Down)
    assert screen.products.name_field.text() == "Ticket démo"
    retype(qtbot, screen.products.price_field, "2")
    screen.products.active_field.setFocus()
    qtbot.keyClick(screen.products.active_field, Qt.Key.Key_Space)
    qtbot.keyClick(screen, Qt.Key.Key_S, CTRL)
    product = get_product(demo_db, "ticket-demo")
    assert product.unit_price_cents == 200 and product.active is False
    assert "(inactif)" in screen.products.product_list.currentItem().text()


def test_escape_with_unsaved_changes_asks_first(qtbot, screen, demo_db, monkeypatch):
    go_to(qtbot, screen, "validation")
    retype(qtbot, screen.place_field, "Salle du Conseil")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    qtbot.keyClick(screen.place_field, Qt.Key.Key_Escape)
    assert screen.isVisible() and screen.place_field.text() == "Salle du Conseil"
    qtbot.keyClick(screen.place_field, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    assert "Salle du Conseil" not in session_plan.session_plan(demo_db, "validation").session.place


def test_moving_away_from_an_unsaved_product_asks(qtbot, screen, demo_db, monkeypatch):
    qtbot.keyClick(screen, Qt.Key.Key_2, CTRL)
    screen.products.product_list.setFocus()
    qtbot.keyClick(screen.products.product_list, Qt.Key.Key_Home)
    first = screen.products.name_field.text()
    retype(qtbot, screen.products.price_field, "1,70")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(screen.products.product_list, Qt.Key.Key_Down)
    assert (
        screen.products.name_field.text() == first and screen.products.price_field.text() == "1,70"
    )
    assert screen.products.product_list.currentRow() == 0
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL)  # a new product would clear the form: asks too
    assert screen.products.price_field.text() == "1,70"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    qtbot.keyClick(screen.products.product_list, Qt.Key.Key_Down)
    saved = next(p for p in products(demo_db, include_inactive=True) if p.name == first)
    assert saved.unit_price_cents == 170
    assert screen.products.product_list.currentRow() == 1
    assert screen.products.name_field.text() != first


def test_an_edit_onto_another_sessions_day_is_refused_by_the_part_field(qtbot, screen, demo_db):
    go_to(qtbot, screen, "we1-vendredi")
    retype(qtbot, screen.day_field, "11/11/2023")  # the Saturday: its "journée" has the morning
    screen.part_field.setCurrentIndex(screen.part_field.findText("matin"))
    qtbot.keyClick(screen, Qt.Key.Key_S, CTRL)
    error = screen.session_form.errors["part"]
    assert error.isVisibleTo(screen) and "« Week-end 1 » (journée)" in error.text()
    assert screen.day_field.text() == "11/11/2023"  # nothing typed is lost
    assert session_plan.session_plan(demo_db, "we1-vendredi").session.day == date(2023, 11, 10)


def test_suppr_deletes_a_session_only_from_the_list(qtbot, screen, demo_db, monkeypatch):
    """Suppr on the part of day, the lunch box or a button is no "delete this session": the
    shortcut belongs to the list (PySide6 dropped its `context=`, so it was window-wide)."""
    from desktop.ui import session_form

    asked = []
    monkeypatch.setattr(session_form, "confirm_delete", lambda *a: asked.append(a) or False)
    go_to(qtbot, screen, "we2-vendredi")
    save = screen.findChild(QPushButton, "saveSessionButton")
    for widget in (screen.part_field, screen.lunch_field, save):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    assert asked == []
    assert screen.status.text() == ""
    assert screen.current_plan().session.id == "we2-vendredi"
    screen.session_list.setFocus()
    qtbot.keyClick(screen.session_list, Qt.Key.Key_Delete)
    assert len(asked) == 1  # the list's Suppr still asks (answered « Garder » here)
    assert session_plan.session_plan(demo_db, "we2-vendredi") is not None
