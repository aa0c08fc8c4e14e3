"""« Documents du jour » driven by the keyboard: badges, meal passes and émargement written
(tasks inline, previews skipped), a reprint refused without a reason then done, failures
said in French; one job on a real worker thread."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.models import checkin, members
from desktop.models.catering import RedeemOutcome, redeem_meal_pass
from desktop.models.checkin import Outcome
from desktop.models.convention import get_session
from desktop.models.meals import GuestRole, give_guest_meal_pass, give_meal_pass
from desktop.ui.documents_dialog import DocumentsDialog
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _dialog(qtbot, db, db_path, desk, clock, folder: Path, tasks=None) -> DocumentsDialog:
    dialog = DocumentsDialog(
        db,
        db_path,
        desk,
        clock,
        tasks or TaskRunner(pool=InlinePool()),
        folder=folder,
        preview=False,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # window shortcuts (Ctrl+1…) need it
    return dialog


def _codes(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            code.text
            for page in document
            for code in zxingcpp.read_barcodes(page.render(scale=150 / 72).to_pil())
        ]
    finally:
        document.close()


def _count(db, kind: str) -> int:
    return db.execute("SELECT COUNT(*) FROM events WHERE kind = ?", [kind]).fetchone()[0]


@pytest.fixture
def dialog(qtbot, demo_db, db_path, desk, clock, tmp_path):
    return _dialog(qtbot, demo_db, db_path, desk, clock, tmp_path / "docs")


def test_opens_on_todays_session_with_every_control_named(dialog):
    assert dialog.windowTitle() == "Documents du jour"
    assert dialog.session.id == "we1-samedi"  # the clock says Saturday 11 November, 09:12
    for name in (
        "sessionCombo",
        "badgeLayoutCombo",
        "badgesButton",
        "passLayoutCombo",
        "passesButton",
        "blankCheck",
        "emargementButton",
        "memberCombo",
        "reasonField",
        "reprintButton",
        "documentsStatus",
    ):
        widget = dialog.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName() or widget.text(), name
    layouts = [dialog.badge_layout_combo.itemData(i) for i in range(4)]
    assert layouts == ["a4-8", "a6", "cr80", "label62"]


def test_badges_by_keyboard_in_the_chosen_layout(qtbot, dialog, demo_db, tmp_path):
    made = []
    dialog.generated.connect(lambda kind, path: made.append((kind, path)))
    dialog.badge_layout_combo.setFocus()
    qtbot.keyClick(dialog.badge_layout_combo, Qt.Key.Key_Down)  # a6
    qtbot.keyClick(dialog, Qt.Key.Key_1, CTRL)
    out = tmp_path / "docs" / "badges-a6-2023-11-11.pdf"
    assert made == [("badges", str(out))]
    assert len(PdfReader(out).pages) == 39
    assert _count(demo_db, "badge.print") == 39
    assert "39 badge(s)" in dialog.status_label.text()
    assert not dialog.progress.isVisible() and dialog.badges_button.isEnabled()


def test_meal_passes_of_the_session_decode_and_are_served(
    qtbot, dialog, demo_db, desk, clock, tmp_path
):
    saturday = get_session(demo_db, "we1-samedi")
    present = [m for m in members.all_members(demo_db) if m.surname in ("DUBOIS", "MARTIN")]
    for member in present:
        checkin.check_in_member(demo_db, member.id, saturday, desk, clock)
    give_meal_pass(demo_db, present[0].id, saturday, desk, clock)
    give_guest_meal_pass(demo_db, saturday, "Sophie Bernard", GuestRole.STAFF, desk, clock)
    before = demo_db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    qtbot.keyClick(dialog, Qt.Key.Key_2, CTRL)
    assert demo_db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before
    out = tmp_path / "docs" / "bons-repas-we1-samedi-a4-4.pdf"
    codes = _codes(out)
    assert len(codes) == 2
    for code in codes:
        assert redeem_meal_pass(demo_db, code, saturday, desk, clock).served
        again = redeem_meal_pass(demo_db, code, saturday, desk, clock)
        assert again.outcome is RedeemOutcome.ALREADY_SERVED
    status = dialog.status_label.text()
    assert "2 bon(s) de repas" in status and "sans bon repas : Denis MARTIN" in status


def test_no_pass_given_is_said_in_french_and_writes_nothing(qtbot, dialog, tmp_path):
    qtbot.keyClick(dialog, Qt.Key.Key_2, CTRL)
    assert "Aucun bon repas remis" in dialog.status_label.text()
    assert dialog.status_label.text().startswith("⚠")
    assert list(tmp_path.rglob("*.pdf")) == []
    dialog.select_session("we1-vendredi")
    qtbot.keyClick(dialog, Qt.Key.Key_2, CTRL)
    assert "Pas de déjeuner prévu" in dialog.status_label.text()
    assert dialog.passes_button.isEnabled()


def test_emargement_blank_then_completed(qtbot, dialog, demo_db, desk, clock, tmp_path):
    saturday = get_session(demo_db, "we1-samedi")
    dubois = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    checkin.check_in_member(demo_db, dubois.id, saturday, desk, clock)
    give_meal_pass(demo_db, dubois.id, saturday, desk, clock)
    dialog.blank_check.setFocus()
    qtbot.keyClick(dialog.blank_check, Qt.Key.Key_Space)
    assert dialog.blank_check.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_3, CTRL)
    blank = tmp_path / "docs" / "emargement-we1-samedi-vierge.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(blank).pages)
    assert "Feuille vierge" in text and "09:12" not in text.split("éditée")[0]
    qtbot.keyClick(dialog.blank_check, Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_3, CTRL)
    done = tmp_path / "docs" / "emargement-we1-samedi-completee.pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(done).pages)
    assert "Émilie 09:12 oui 09:12" in text
    assert "Martin" in text  # the desk's agent certifies
    assert "page(s)" in dialog.status_label.text()


def test_reprint_needs_a_reason_then_revokes_the_old_badge(
    qtbot, dialog, demo_db, desk, clock, tmp_path
):
    dubois = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    old = members.current_badge(demo_db, dubois.id)
    reissued = []
    dialog.badge_reissued.connect(reissued.append)
    dialog.select_member(dubois.id)
    assert dialog.reason_field.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_4, CTRL)
    assert "motif" in dialog.reason_error.text() and dialog.reason_error.text().startswith("⚠")
    assert members.current_badge(demo_db, dubois.id) == old and reissued == []
    type_text(dialog.reason_field, "badge perdu à l'entrée")
    qtbot.keyClick(dialog, Qt.Key.Key_4, CTRL)
    assert reissued == [dubois.id]
    new = members.current_badge(demo_db, dubois.id)
    assert new != old
    (pdf,) = (tmp_path / "docs").glob("badge-reedite-dubois-emilie-*.pdf")
    assert _codes(pdf) == [new]
    session = get_session(demo_db, "we1-samedi")
    assert checkin.check_in(demo_db, old, session, desk, clock).outcome is Outcome.REVOKED_BADGE
    assert checkin.check_in(demo_db, new, session, desk, clock).outcome is Outcome.CHECKED_IN
    assert dialog.reason_field.text() == "" and dialog.reason_error.text() == ""
    assert "l'ancien code est révoqué" in dialog.status_label.text()


def test_escape_closes_and_focus_starts_on_badges(qtbot, dialog):
    assert dialog.badges_button.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_job_on_a_real_worker_thread(qtbot, demo_db, db_path, desk, clock, tmp_path):
    tasks = TaskRunner()  # the global QThreadPool
    dialog = _dialog(qtbot, demo_db, db_path, desk, clock, tmp_path / "docs", tasks)
    with qtbot.waitSignal(dialog.generated, timeout=30_000) as blocker:
        qtbot.keyClick(dialog, Qt.Key.Key_1, CTRL)
        assert dialog.running == "badges" and not dialog.badges_button.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # not while the file is being drawn
        assert dialog.isVisible() and "Patientez" in dialog.status_label.text()
    kind, path = blocker.args
    assert kind == "badges" and Path(path).exists()
    assert dialog.running is None and _count(demo_db, "badge.print") == 39
