"""The parking receipt form, keyboard only, on the demo file (Saturday 11/11/2023)."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop.models import members
from desktop.models.checkin import check_in_member
from desktop.models.convention import current_session
from desktop.ui.parking_form import ParkingReceiptDialog
from tests.ui.conftest import type_text


@pytest.fixture
def session(demo_db, clock):
    return current_session(demo_db, clock())


@pytest.fixture
def member_id(demo_db, session, desk, clock):
    """Hervé BERTRAND: parking eligible, checked in."""
    mid = next(m.id for m in members.all_members(demo_db) if m.surname.upper() == "BERTRAND")
    check_in_member(demo_db, mid, session, desk, clock)
    return mid


@pytest.fixture
def dialog(qtbot, demo_db, desk, clock, member_id, session):
    form = ParkingReceiptDialog(demo_db, desk, clock, member_id, session)
    qtbot.addWidget(form)
    form.show()
    return form


@pytest.fixture
def png(tmp_path):
    path = tmp_path / "ticket parking.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(path), "PNG")
    return path


def receipts(db):
    rows = db.execute(
        "SELECT member_id, session_id, payload FROM live_events WHERE kind = 'parking.receipt'"
    ).fetchall()
    return [(row[0], row[1], json.loads(row[2])) for row in rows]


def fill(dialog, **values):
    for name, text in values.items():
        dialog.fields[name].clear()
        type_text(dialog.fields[name], text)


def test_zero_amount_shows_the_field_error_and_keeps_the_typing(qtbot, dialog, demo_db, png):
    fill(dialog, car_park="Comédie", receipt_no="A-1234", amount="0", scan=str(png))
    qtbot.keyClick(dialog.fields["amount"], Qt.Key.Key_Return)
    assert dialog.isVisible()
    error = dialog.errors["amount"]
    assert error.isVisibleTo(dialog)
    assert error.text().startswith("✖ ")
    assert not dialog.errors["car_park"].isVisibleTo(dialog)
    assert dialog.fields["car_park"].text() == "Comédie"
    assert dialog.fields["receipt_no"].text() == "A-1234"
    assert dialog.fields["amount"].text() == "0"
    assert dialog.focusWidget() is dialog.fields["amount"]
    assert receipts(demo_db) == []


def test_every_missing_field_is_named(qtbot, dialog):
    qtbot.keyClick(dialog.fields["car_park"], Qt.Key.Key_Return)
    for name in ("car_park", "receipt_no", "amount", "scan"):
        assert dialog.errors[name].isVisibleTo(dialog), name
    assert dialog.focusWidget() is dialog.fields["car_park"]


def test_a_valid_receipt_is_recorded(qtbot, dialog, demo_db, member_id, png):
    fill(
        dialog,
        car_park="Comédie",
        receipt_no="A-1234",
        amount="12,50",
        time_in="9h05",
        time_out="18:30",
        scan=str(png),
    )
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.fields["scan"], Qt.Key.Key_Return)
    assert dialog.last_result is not None and dialog.last_result.recorded
    [(owner, session_id, payload)] = receipts(demo_db)
    assert (owner, session_id) == (member_id, "we1-samedi")
    assert payload["car_park"] == "Comédie"
    assert payload["receipt_number"] == "A-1234"
    assert payload["amount_cents"] == 1250
    assert payload["day"] == "2023-11-11"
    assert (payload["time_in"], payload["time_out"]) == ("09:05", "18:30")
    assert payload["scan"]["name"] == "ticket parking.png"
    assert payload["scan"]["media_type"] == "image/png"


def test_browse_fills_the_scan_field(qtbot, dialog, png, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(png), ""))
    dialog.browse_button.setFocus()
    qtbot.keyClick(dialog.browse_button, Qt.Key.Key_Space)
    assert dialog.fields["scan"].text() == str(png)


def test_another_day_asks_a_reason_then_records_it(qtbot, dialog, demo_db, png, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("ticket du vendredi", True))
    fill(dialog, car_park="Corum", receipt_no="77", amount="8.20", day="10/11/2023", scan=str(png))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.fields["day"], Qt.Key.Key_Return)
    [(_, _, payload)] = receipts(demo_db)
    assert payload["override"]["reason"] == "ticket du vendredi"
    assert payload["override"]["reasons"] == ["date_not_session_day"]


def test_cancelled_reason_keeps_the_form(qtbot, dialog, demo_db, png, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    fill(dialog, car_park="Corum", receipt_no="77", amount="8,20", day="10/11/2023", scan=str(png))
    qtbot.keyClick(dialog.fields["day"], Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert receipts(demo_db) == []
    assert dialog.general_error.text().startswith("⚠ confirmation requise")
    assert dialog.fields["day"].text() == "10/11/2023"


def test_the_same_receipt_twice_is_refused_under_its_number(
    qtbot, demo_db, desk, clock, member_id, session, png
):
    for _attempt in range(2):
        form = ParkingReceiptDialog(demo_db, desk, clock, member_id, session)
        qtbot.addWidget(form)
        form.show()
        fill(form, car_park="Comédie", receipt_no="A 1234", amount="5", scan=str(png))
        qtbot.keyClick(form.fields["amount"], Qt.Key.Key_Return)
    assert len(receipts(demo_db)) == 1
    assert form.isVisible()
    assert form.errors["receipt_no"].text().startswith("✖ Ce justificatif a déjà été saisi à 09:12")


def test_escape_cancels(qtbot, dialog, demo_db):
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.fields["car_park"], Qt.Key.Key_Escape)
    assert receipts(demo_db) == []
