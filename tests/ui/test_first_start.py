"""First-start wizard, keyboard only: desk label, export folder, printer; demo one key away."""

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui import first_start
from desktop.ui import settings as s
from desktop.ui.first_start import FirstStartOutcome, FirstStartWizard, needs_first_start
from tests.ui.conftest import type_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def desk_settings(tmp_path):
    return s.Settings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def wizard(qtbot, desk_settings, tmp_path, monkeypatch):
    monkeypatch.setattr(first_start, "default_export_folder", lambda: str(tmp_path / "exports"))
    wiz = FirstStartWizard(desk_settings)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.activateWindow()
    qtbot.waitExposed(wiz)
    wiz.desk_page.entry.setFocus()
    qtbot.waitUntil(wiz.desk_page.entry.hasFocus)
    return wiz


def enter(qtbot, wiz) -> None:
    qtbot.keyClick(QApplication.focusWidget() or wiz, Qt.Key.Key_Return)


def test_three_pages_by_keyboard_save_the_desk(wizard, desk_settings, qtbot, tmp_path):
    assert needs_first_start(desk_settings)
    enter(qtbot, wizard)  # no name yet: Suivant waits
    assert wizard.currentPage() is wizard.desk_page
    type_text(wizard.desk_page.entry, "Accueil 1")
    enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.export_page
    assert wizard.export_page.entry.text() == str(tmp_path / "exports")
    enter(qtbot, wizard)
    assert (tmp_path / "exports").is_dir()  # created for the desk
    assert wizard.currentPage() is wizard.printer_page
    combo = wizard.printer_page.combo
    assert combo.count() >= 1 and combo.currentData() == ""
    if combo.count() == 1:
        assert "Aucune imprimante" in combo.currentText()
        assert wizard.printer_page.note.text()
    enter(qtbot, wizard)
    assert wizard.outcome is FirstStartOutcome.FINISHED
    assert not wizard.isVisible()
    assert desk_settings.desk_label == "Accueil 1"
    assert desk_settings.export_folder == str(tmp_path / "exports")
    assert desk_settings.printer == ""
    assert not needs_first_start(desk_settings)


def test_a_folder_that_cannot_be_created_is_said_under_the_field(wizard, qtbot, tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    type_text(wizard.desk_page.entry, "Accueil 2")
    enter(qtbot, wizard)
    field = wizard.export_page.entry
    field.setFocus()
    field.selectAll()
    type_text(field, str(blocker / "exports"))
    enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.export_page
    assert wizard.export_page.error.isVisible()
    assert "ne peut pas être créé" in wizard.export_page.error.text()


def test_the_demo_is_one_key_away_and_saves_nothing(wizard, desk_settings, qtbot):
    demo = wizard.findChild(type(wizard.button(first_start.DEMO_BUTTON)), "openDemoButton")
    assert demo is not None and demo.isVisible()
    qtbot.keyClick(wizard.desk_page.entry, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: not wizard.isVisible())  # a mnemonic animates the click first
    assert wizard.outcome is FirstStartOutcome.DEMO and bool(wizard.outcome)
    assert not wizard.isVisible()
    assert needs_first_start(desk_settings)  # the desk is still to be set up next time


def test_run_first_start_closed_with_escape_is_false(qtbot, desk_settings):
    def press_escape():
        active = QApplication.activeModalWidget()
        assert active is not None
        qtbot.keyClick(active, Qt.Key.Key_Escape)

    QTimer.singleShot(100, press_escape)
    outcome = first_start.run_first_start(None, desk_settings)
    assert outcome is FirstStartOutcome.CANCELLED and not outcome
    assert needs_first_start(desk_settings)


def test_at_200_percent_the_wizard_still_fits_a_laptop_screen(qtbot, qapp, desk_settings):
    from desktop.ui import theme

    theme.apply_theme(qapp, s.HIGH_CONTRAST, 200)
    try:
        wiz = FirstStartWizard(desk_settings)
        qtbot.addWidget(wiz)
        wiz.show()
        for _page in range(3):
            hint = wiz.sizeHint()
            assert hint.width() <= 1366 and hint.height() <= 768 - 60, hint
            wiz.desk_page.entry.setText("Accueil 1")
            wiz.next()
    finally:
        theme.restore_default(qapp)
