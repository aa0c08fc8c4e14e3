"""Every screen opens from the check-in window with its key, and gives the keys back."""

from PySide6.QtCore import Qt


def test_documents_dialog_opens_with_ctrl_d_on_the_current_session(qtbot, window):
    window.modal_dialogs = False
    # Keys go where a person's keys go: to the focused scan field.
    qtbot.keyClick(window.scan_field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.opened_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName()
    dialog.close()


def test_ctrl_z_in_the_search_box_undoes_the_check_in_not_the_typing(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from tests.ui.conftest import type_text

    window.focus_search()
    type_text(window.search_field, "émilie")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.banner.title.text() == "Bienvenue, Émilie DUBOIS"
    window.back_to_scan()
    window.focus_search()
    type_text(window.search_field, "dub")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("erreur de nom", True))
    qtbot.keyClick(window.search_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.banner.title.text() == "Arrivée annulée"


def test_end_of_day_and_export_opens_with_ctrl_e(qtbot, window):
    window.modal_dialogs = False
    qtbot.keyClick(window.scan_field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.opened_dialog
    assert dialog is not None and dialog.isVisible()
    assert type(dialog).__name__ == "CloseExportDialog"
    dialog.close()


def _open(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    window.modal_dialogs = False
    window.opened_dialog = None
    qtbot.keyClick(window.scan_field, key, modifier)
    dialog = window.opened_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_each_screen_has_its_key(qtbot, window, demo_db):
    ctrl = Qt.KeyboardModifier.ControlModifier
    assert type(_open(qtbot, window, Qt.Key.Key_R, ctrl)).__name__ == "CatererScreen"
    window.opened_dialog.close()
    assert type(_open(qtbot, window, Qt.Key.Key_F6)).__name__ == "SessionsScreen"
    window.opened_dialog.close()
    assert type(_open(qtbot, window, Qt.Key.Key_F7)).__name__ == "StockScreen"
    window.opened_dialog.close()


def test_member_card_of_the_last_welcomed_member(qtbot, window, demo_db):
    from desktop.models import members
    from tests.ui.conftest import scan

    member = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    scan(qtbot, window.scan_field, members.current_badge(demo_db, member.id))
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)
    card = _open(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert type(card).__name__ == "MemberCardDialog"
    assert "DUBOIS" in card.windowTitle() or "DUBOIS" in " ".join(
        w.text() for w in card.findChildren(type(window.counter_label))
    )


def test_ctrl_g_gives_a_guest_meal_pass_and_draws_its_voucher(qtbot, window, demo_db):
    from tests.ui.conftest import type_text

    dialog = _open(qtbot, window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert type(dialog).__name__ == "GuestMealDialog"
    type_text(dialog.name_field, "Dr Hélène Sorel")
    qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)
    (guest,) = demo_db.execute(
        "SELECT json_extract(payload, '$.guest.name') FROM live_events WHERE kind = 'meal.pass'"
    ).fetchone()
    assert guest == "Dr Hélène Sorel"
    # The voucher is drawn by the window's task (inline in tests): Ctrl+P prints it.
    assert window.last_meal_pass is not None and window.last_meal_pass.exists()
    dialog.close()
