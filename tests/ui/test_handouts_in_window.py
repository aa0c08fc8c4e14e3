"""The hand-out panel inside the check-in screen: scan, hand out with one key, next scan."""

from PySide6.QtCore import Qt

from desktop.models import members
from tests.ui.conftest import scan


def _badge(db, surname):
    member = next(m for m in members.all_members(db) if m.surname == surname)
    return members.current_badge(db, member.id)


def _kinds(db):
    return [r[0] for r in db.execute("SELECT kind FROM events ORDER BY seq")]


def test_scan_then_hand_everything_out_with_t(qtbot, window, demo_db):
    scan(qtbot, window.scan_field, _badge(demo_db, "DUBOIS"))
    panel = window.handout_panel
    assert panel.isVisible() and panel.hasFocus()
    qtbot.keyClick(panel, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: "meal.pass" in _kinds(demo_db), timeout=10_000)
    assert _kinds(demo_db)[0] == "checkin"
    assert "ticket.handout" in _kinds(demo_db) or any(
        "non nécessaire" in text for text in panel.line_texts()
    )


def test_a_scan_while_the_panel_is_open_reaches_the_check_in(qtbot, window, demo_db):
    scan(qtbot, window.scan_field, _badge(demo_db, "DUBOIS"))
    assert window.handout_panel.hasFocus()
    # The scanner types into whatever has the focus: here, the panel.
    scan(qtbot, window.handout_panel, _badge(demo_db, "MARTIN"))
    qtbot.waitUntil(lambda: window.banner.title.text() == "Bienvenue, Denis MARTIN", timeout=10_000)
    assert _kinds(demo_db).count("checkin") == 2
    assert "meal.pass" not in _kinds(demo_db)  # the code's letters were not read as panel keys


def test_second_scan_shows_what_was_already_given(qtbot, window, demo_db):
    code = _badge(demo_db, "DUBOIS")
    scan(qtbot, window.scan_field, code)
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: "meal.pass" in _kinds(demo_db), timeout=10_000)
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)
    scan(qtbot, window.scan_field, code)
    texts = " ".join(window.handout_panel.line_texts())
    assert "déjà remis à 09:12 (Guichet démo, agent Martin)" in texts


def test_a_meal_pass_handed_out_gets_its_voucher_ready_to_print(
    qtbot, window, demo_db, tmp_path, monkeypatch
):
    import pypdfium2
    import zxingcpp

    from desktop.models import catering
    from desktop.models.catering import RedeemOutcome

    monkeypatch.setattr("desktop.ui.documents_dialog.default_folder", lambda: tmp_path)
    scan(qtbot, window.scan_field, _badge(demo_db, "DUBOIS"))
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.last_meal_pass is not None, timeout=10_000)
    assert window.last_meal_pass.parent == tmp_path / "bons-repas"
    image = pypdfium2.PdfDocument(window.last_meal_pass)[0].render(scale=150 / 72).to_pil()
    (code,) = [r.text for r in zxingcpp.read_barcodes(image)]
    served = catering.redeem_meal_pass(demo_db, code, window.session, window.desk, window.clock)
    assert served.outcome is RedeemOutcome.SERVED
    window.modal_dialogs = False
    qtbot.keyClick(window.scan_field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert type(window.opened_dialog).__name__ == "PdfPreviewDialog"
    window.opened_dialog.close()
