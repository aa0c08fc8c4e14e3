"""The settings dialog, driven with the keyboard only: Alt mnemonics, errors under fields,
theme and text size applied at once."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog

from desktop.ui import settings as s
from desktop.ui import theme
from desktop.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import type_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def desk_settings(tmp_path):
    return s.Settings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def dialog(qtbot, qapp, desk_settings):
    dlg = SettingsDialog(desk_settings)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitExposed(dlg)
    qtbot.waitUntil(dlg.desk_label.hasFocus)
    yield dlg
    theme.restore_default(qapp)


def alt(qtbot, dlg, key) -> None:
    qtbot.keyClick(dlg.focusWidget() or dlg, key, ALT)


def test_every_field_has_a_mnemonic_an_accessible_name_and_an_object_name(dialog, qtbot):
    fields = {
        Qt.Key.Key_N: dialog.desk_label,
        Qt.Key.Key_E: dialog.export_folder,
        Qt.Key.Key_I: dialog.printer,
        Qt.Key.Key_L: dialog.language,
        Qt.Key.Key_T: dialog.theme,
        Qt.Key.Key_X: dialog.text_scale,
        Qt.Key.Key_V: dialog.idle_lock,
        Qt.Key.Key_S: dialog.backup_folder,
        Qt.Key.Key_R: dialog.backup_interval,
    }
    for key, field in fields.items():
        alt(qtbot, dialog, key)
        assert field.hasFocus(), field.objectName()
        assert field.objectName() and field.accessibleName() and field.accessibleDescription()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_O, ALT)
    assert dialog.sounds.hasFocus()
    qtbot.keyClick(dialog.sounds, Qt.Key.Key_Space)
    assert not dialog.sounds.isChecked()


def test_theme_and_text_size_apply_at_once_with_alt_a(dialog, desk_settings, qtbot, qapp):
    alt(qtbot, dialog, Qt.Key.Key_T)
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Down)
    assert dialog.theme.currentData() == s.HIGH_CONTRAST
    alt(qtbot, dialog, Qt.Key.Key_X)
    qtbot.keyClick(dialog.text_scale, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.text_scale, Qt.Key.Key_Down)
    assert dialog.text_scale.currentData() == 200
    with qtbot.waitSignal(dialog.applied):
        alt(qtbot, dialog, Qt.Key.Key_A)
    assert dialog.isVisible()  # Appliquer keeps the dialog open
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert theme.current_scale() == 200
    assert desk_settings.theme == s.HIGH_CONTRAST and desk_settings.text_scale == 200
    assert dialog.desk_label.font().pointSizeF() >= 19  # the dialog itself grew


def test_a_missing_folder_is_said_under_the_field_and_nothing_is_saved(
    dialog, desk_settings, qtbot, tmp_path
):
    type_text(dialog.desk_label, "Accueil 1")
    alt(qtbot, dialog, Qt.Key.Key_E)
    type_text(dialog.export_folder, str(tmp_path / "nulle-part"))
    qtbot.keyClick(dialog.export_folder, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.export_error.isVisible()
    assert "n'existe pas" in dialog.export_error.text()
    assert dialog.export_folder.hasFocus()
    assert desk_settings.desk_label == "" and desk_settings.export_folder == ""
    dialog.export_folder.clear()
    type_text(dialog.export_folder, str(tmp_path))
    qtbot.keyClick(dialog.export_folder, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk_settings.export_folder == str(tmp_path)
    assert desk_settings.desk_label == "Accueil 1"


def test_escape_closes_without_saving(dialog, desk_settings, qtbot):
    type_text(dialog.desk_label, "Accueil 2")
    qtbot.keyClick(dialog.desk_label, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert desk_settings.desk_label == ""


def test_language_change_is_saved_and_announced_for_the_next_start(dialog, desk_settings, qtbot):
    alt(qtbot, dialog, Qt.Key.Key_L)
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.language_changed) as signal:
        alt(qtbot, dialog, Qt.Key.Key_A)
    assert signal.args == ["en"]
    assert dialog.note.isVisible() and "prochain démarrage" in dialog.note.text()
    assert desk_settings.language == "en"


def test_opens_on_defaults_over_a_corrupt_settings_file(qtbot, qapp, tmp_path):
    path = tmp_path / "desk.ini"
    path.write_text("[ui]\ntext_scale=géant\ntheme=42\n[backup]\ninterval_minutes=-3\n")
    store = s.Settings(QSettings(str(path), QSettings.Format.IniFormat))
    dlg = SettingsDialog(store)
    qtbot.addWidget(dlg)
    assert dlg.text_scale.currentData() == 100
    assert dlg.theme.currentData() == s.STANDARD
    assert dlg.backup_interval.value() == 30
    assert dlg.printer.currentData() == ""  # the system's printer
    QApplication.processEvents()


def test_at_200_percent_the_dialog_still_fits_a_laptop_screen(qtbot, qapp, desk_settings):
    theme.apply_theme(qapp, s.HIGH_CONTRAST, 200)
    try:
        dlg = SettingsDialog(desk_settings)
        qtbot.addWidget(dlg)
        dlg.show()
        hint = dlg.sizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768 - 60, hint
        assert dlg.desk_label.font().pointSizeF() >= 18
    finally:
        theme.restore_default(qapp)
