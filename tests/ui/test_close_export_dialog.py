"""The desk's end-of-day dialog, driven by the keyboard: checks, closing, export, receipt."""

import json
import subprocess
import uuid
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
import pyzipper
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.models import checkin, journal, members
from desktop.models.convention import get_session
from desktop.models.demo import MAGNETIC_TICKET
from desktop.models.stock import CountMoment, record_count
from desktop.models.storage import open_database, write_transaction
from desktop.models.tickets import hand_out_ticket
from desktop.ui.close_export_dialog import CloseExportDialog
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.models.sync_support import make_desk, make_office, sha256_file
from tests.ui.conftest import type_text

SATURDAY = date(2023, 11, 11)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def desk_file(tmp_path, clock):
    office = make_office(tmp_path, clock)
    return make_desk(office, tmp_path, "Guichet 2")


@pytest.fixture
def desk_db(desk_file):
    db = open_database(desk_file.db_path)
    yield db
    db.close()


@pytest.fixture
def desk(desk_db):
    return journal.local_desk(desk_db, "Martin")


def _dialog(qtbot, desk_db, desk_file, desk, clock, tasks=None):
    dialog = CloseExportDialog(
        desk_db, desk_file.db_path, desk, clock, tasks or TaskRunner(pool=InlinePool())
    )
    dialog.preview_documents = False
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    return dialog


def _lines(dialog):
    return [dialog.checks_list.item(i).text() for i in range(dialog.checks_list.count())]


def _kinds(db, kind):
    rows = db.execute("SELECT payload FROM events WHERE kind = ? ORDER BY seq", [kind]).fetchall()
    return [json.loads(row[0]) for row in rows]


def _too_many_tickets(db, desk, clock):
    """One ticket at opening, two handed out: the ticket check fails."""
    session = get_session(db, "we1-samedi")
    record_count(db, MAGNETIC_TICKET.id, SATURDAY, CountMoment.OPENING, 1, desk, clock)
    member = next(m for m in members.all_members(db) if m.surname == "DUBOIS")
    assert checkin.check_in_member(db, member.id, session, desk, clock).recorded
    assert hand_out_ticket(db, member.id, session, MAGNETIC_TICKET.id, desk, clock).recorded


def test_a_failing_check_needs_a_reason_then_the_day_closes(qtbot, desk_db, desk_file, desk, clock):
    _too_many_tickets(desk_db, desk, clock)
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    lines = _lines(dialog)
    assert len(lines) == 4
    assert lines[1].startswith("✖ À vérifier — Tickets remis ≤ stock disponible\n")
    assert "2 remis pour 1 en stock" in lines[1]
    assert all(line.startswith("✔ Conforme") for i, line in enumerate(lines) if i != 1)
    assert dialog.reason_field.isVisible()

    # No count yet: the count is asked first (nothing written).
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert "Comptez les tickets restants" in dialog.close_status.text()
    spin = dialog.count_boxes[MAGNETIC_TICKET.id]
    assert QApplication.focusWidget() is spin
    spin.selectAll()
    qtbot.keyClicks(spin, "0")
    assert spin.value() == 0

    # Counted, but no reason for the failing check.
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.close_status.text().startswith("✖ Un contrôle a échoué")
    assert QApplication.focusWidget() is dialog.reason_field
    type_text(dialog.reason_field, "carnet de secours utilisé")

    # The count differs from the expected stock (-1): an explanation is asked.
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert "saisissez une explication" in dialog.close_status.text()
    assert QApplication.focusWidget() is dialog.explanation_field
    type_text(dialog.explanation_field, "un ticket pris dans le carnet de réserve")
    assert _kinds(desk_db, "day.checks") == []

    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.close_status.text() == "✔ Journée du 11/11/2023 clôturée par Martin à 09:12."
    assert not dialog.close_day_button.isEnabled()
    (checks,) = _kinds(desk_db, "day.checks")
    assert checks["failing"] == ["tickets"] and checks["reason"] == "carnet de secours utilisé"
    (closing,) = _kinds(desk_db, "day.close")
    assert closing["explanation"] == "un ticket pris dans le carnet de réserve"
    assert QApplication.focusWidget() is dialog.export_button


def test_a_clean_day_closes_at_once(qtbot, desk_db, desk_file, desk, clock):
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    assert all(line.startswith("✔ Conforme") for line in _lines(dialog))
    assert not dialog.reason_field.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.close_status.text().startswith("✔ Journée du 11/11/2023 clôturée")
    assert len(_kinds(desk_db, "day.close")) == 1
    # Opened again the same day: already closed, nothing more written.
    again = _dialog(qtbot, desk_db, desk_file, desk, clock)
    assert not again.close_day_button.isEnabled()
    qtbot.keyClick(again, Qt.Key.Key_Return, CTRL)
    assert len(_kinds(desk_db, "day.checks")) == 1


def _pick(monkeypatch, folder):
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append(a) or str(folder)
    )
    return asked


def test_export_then_receipt_printed(qtbot, monkeypatch, tmp_path, desk_db, desk_file, desk, clock):
    _too_many_tickets(desk_db, desk, clock)
    (last_seq,) = desk_db.execute("SELECT MAX(seq) FROM events").fetchone()
    usb = tmp_path / "partage"
    usb.mkdir()
    _pick(monkeypatch, usb)
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)

    receipt = dialog.receipt
    assert receipt is not None and receipt.last_seq == last_seq == 3
    status = dialog.export_status.text()
    assert status.startswith(
        f"✔ Export terminé — poste Guichet 2, dernier n° 3 (3 faits), "
        f"empreinte {receipt.sha256[:12]}."
    )
    assert sorted(p.name for p in usb.iterdir()) == sorted(p.name for p in receipt.paths)
    assert not dialog.progress.isVisible()
    assert dialog.progress.value() == 5
    assert QApplication.focusWidget() is dialog.print_button

    qtbot.keyClick(dialog, Qt.Key.Key_P, CTRL)
    pdf = dialog.receipt_pdf
    assert pdf is not None and pdf.is_file()
    text = PdfReader(pdf).pages[0].extract_text()
    short = receipt.sha256[:12]
    assert "Reçu d'export du guichet" in text
    assert f"{short[:4]} {short[4:8]} {short[8:]}" in text
    assert "Guichet 2" in text and "Dernier n° de séquence" in text and "3" in text
    assert receipt.sha256[:32] in text and receipt.sha256[32:] in text
    page = pypdfium2.PdfDocument(pdf)[0]
    page.render(scale=3).to_pil().save(tmp_path / "recu.png")
    assert (tmp_path / "recu.png").stat().st_size > 5_000


def test_encrypted_export_asks_the_passphrase_twice(
    qtbot, monkeypatch, tmp_path, desk_db, desk_file, desk, clock
):
    usb = tmp_path / "cle"
    usb.mkdir()
    asked = _pick(monkeypatch, usb)
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    assert not dialog.reminder.isVisible()
    dialog.encrypt_box.setFocus()
    qtbot.keyClick(dialog.encrypt_box, Qt.Key.Key_Space)
    assert dialog.encrypt_box.isChecked() and dialog.reminder.isVisible()
    assert "autre canal" in dialog.reminder.text()
    assert QApplication.focusWidget() is dialog.passphrase_field

    qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)
    assert "Saisissez une phrase secrète" in dialog.export_status.text()
    type_text(dialog.passphrase_field, "cheval agrafé 2023")
    type_text(dialog.passphrase_again, "cheval agrafe 2023")
    qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)
    assert dialog.export_status.text() == "✖ Les deux phrases secrètes ne sont pas identiques."
    assert asked == [] and list(usb.iterdir()) == []

    dialog.passphrase_again.clear()
    type_text(dialog.passphrase_again, "cheval agrafé 2023")
    qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)
    receipt = dialog.receipt
    assert receipt is not None and receipt.archive_path is not None
    assert list(usb.iterdir()) == [receipt.archive_path]
    assert "envoyez la phrase secrète par un autre canal" in dialog.export_status.text()
    assert dialog.passphrase_field.text() == ""
    with pyzipper.AESZipFile(receipt.archive_path) as archive:
        archive.setpassword("cheval agrafé 2023".encode())
        names = archive.namelist()
        assert any(name.endswith(".manifest.json") for name in names)


def test_a_missing_stick_says_so_and_leaves_the_desk_untouched(
    qtbot, monkeypatch, tmp_path, desk_db, desk_file, desk, clock
):
    before = sha256_file(desk_file.db_path)
    _pick(monkeypatch, tmp_path / "clé retirée")
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)
    status = dialog.export_status.text()
    assert status.startswith("✖ Export impossible : Le dossier de destination")
    assert "introuvable" in status and status.endswith(
        "Les données du guichet ne sont pas modifiées."
    )
    assert dialog.receipt is None and not dialog.print_button.isEnabled()
    assert dialog.export_button.isEnabled()
    assert sha256_file(desk_file.db_path) == before


@pytest.fixture
def tiny_stick(tmp_path):
    mount = tmp_path / "usb"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_stick_says_so_and_leaves_nothing(
    qtbot, monkeypatch, tiny_stick, desk_db, desk_file, desk, clock
):
    with write_transaction(desk_db):
        for n in range(400):
            journal.append(
                desk_db, desk, clock, "note", payload={"n": n, "t": uuid.uuid4().hex * 4}
            )
    before = sha256_file(desk_file.db_path)
    _pick(monkeypatch, tiny_stick)
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)
    assert dialog.export_status.text().startswith("✖ Export impossible : Plus de place sur")
    assert list(tiny_stick.iterdir()) == []
    assert sha256_file(desk_file.db_path) == before


def test_export_on_a_real_worker_thread(
    qtbot, monkeypatch, tmp_path, desk_db, desk_file, desk, clock
):
    usb = tmp_path / "partage"
    usb.mkdir()
    _pick(monkeypatch, usb)
    tasks = TaskRunner()
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock, tasks)
    with qtbot.waitSignal(tasks.finished, timeout=30_000):
        qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)
    assert dialog.receipt is not None
    assert dialog.export_status.text().startswith("✔ Export terminé — poste Guichet 2")


def test_the_dialog_keys_work_from_a_field_and_the_field_keeps_its_undo(
    qtbot, monkeypatch, tmp_path, desk_db, desk_file, desk, clock
):
    """On Linux (X11 key bindings) a line edit or spin box claims Ctrl+E for "end of line",
    so Ctrl+E after typing the passphrase did nothing. Offscreen, Ctrl+E is not claimed; a
    key every line edit and spin box claims, Ctrl+← (previous word), shows that the dialog
    sees its keys first (field_keys.window_keys_first, counts included), while undo stays
    the field's (Ctrl+Z undoes the typing)."""
    asked = _pick(monkeypatch, tmp_path)
    _too_many_tickets(desk_db, desk, clock)  # a ticket was handed out: it has a count box
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    fields = [
        dialog.reason_field,
        dialog.explanation_field,
        dialog.passphrase_field,
        dialog.passphrase_again,
        *dialog.count_boxes.values(),
    ]
    assert dialog.count_boxes  # the day's products are counted here
    for field in fields:
        for key, kept in ((Qt.Key.Key_Left, False), (Qt.Key.Key_Z, True)):
            override = QKeyEvent(QEvent.Type.ShortcutOverride, key, CTRL)
            override.ignore()
            QApplication.sendEvent(field, override)
            assert override.isAccepted() is kept, (field.objectName(), key)

    dialog.explanation_field.setFocus()
    type_text(dialog.explanation_field, "écart")
    qtbot.keyClick(dialog.explanation_field, Qt.Key.Key_Z, CTRL)
    assert dialog.explanation_field.text() == ""

    dialog.encrypt_box.setChecked(True)
    type_text(dialog.passphrase_field, "cheval agrafé 2023")
    type_text(dialog.passphrase_again, "cheval agrafé 2023")
    qtbot.keyClick(dialog.passphrase_again, Qt.Key.Key_E, CTRL)
    assert len(asked) == 1
    assert dialog.receipt is not None and dialog.receipt.archive_path is not None


@pytest.fixture
def export_folder_setting(qapp):
    """The export folder chosen at the first start (or in the settings), forgotten after."""
    from desktop.ui import settings as s

    settings = s.Settings()

    def choose(path) -> None:
        settings.set(s.EXPORT_FOLDER, str(path))
        settings.sync()

    yield choose
    settings.reset(s.EXPORT_FOLDER)
    settings.sync()


def test_the_folder_chooser_opens_in_the_export_folder_chosen_at_the_first_start(
    qtbot, monkeypatch, tmp_path, desk_db, desk_file, desk, clock, export_folder_setting
):
    usb = tmp_path / "CLE-GUICHET"
    usb.mkdir()
    export_folder_setting(usb)
    asked = _pick(monkeypatch, usb)
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)
    ((_parent, title, start),) = asked
    assert title == "Dossier de l'export (clé USB, partage)"
    assert start == str(usb)
    assert dialog.receipt is not None and all(p.parent == usb for p in dialog.receipt.paths)


def test_the_folder_chooser_opens_in_the_home_folder_when_the_stick_is_not_there(
    qtbot, monkeypatch, tmp_path, desk_db, desk_file, desk, clock, export_folder_setting
):
    export_folder_setting(tmp_path / "CLE-GUICHET")  # the stick is not plugged in
    asked = _pick(monkeypatch, "")  # the agent cancels: nothing is exported
    dialog = _dialog(qtbot, desk_db, desk_file, desk, clock)
    qtbot.keyClick(dialog, Qt.Key.Key_E, CTRL)
    ((_parent, _title, start),) = asked
    assert start == str(Path.home())
    assert dialog.receipt is None
