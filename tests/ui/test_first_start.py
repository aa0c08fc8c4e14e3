"""First-start wizard, keyboard only: the desk file from the office (or the demo only), the
desk's name, export folder, printer; the demo one key away; saved on Terminer only."""

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.models import keys
from desktop.models.clock import system_clock
from desktop.models.convention_file import create_convention
from desktop.models.demo import create_demo
from desktop.models.desk_setup import create_desk
from desktop.ui import first_start
from desktop.ui import settings as s
from desktop.ui.first_start import FirstStartOutcome, FirstStartWizard, needs_first_start
from tests.ui.conftest import type_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def desk_settings(tmp_path):
    return s.Settings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def desk_file(tmp_path):
    """What the office hands over: `guichet init` then `guichet desk-init --label "Guichet 1"`."""
    office = tmp_path / "office.sqlite"
    create_convention(office).close()
    return create_desk(office, tmp_path / "guichet1.sqlite", "Guichet 1").db_path


@pytest.fixture
def wizard(qtbot, desk_settings, tmp_path, monkeypatch):
    monkeypatch.setattr(first_start, "default_export_folder", lambda: str(tmp_path / "exports"))
    wiz = FirstStartWizard(desk_settings)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.activateWindow()
    qtbot.waitExposed(wiz)
    wiz.file_page.entry.setFocus()
    qtbot.waitUntil(wiz.file_page.entry.hasFocus)
    return wiz


def enter(qtbot, wiz) -> None:
    qtbot.keyClick(QApplication.focusWidget() or wiz, Qt.Key.Key_Return)


def choose_demo_only(qtbot, wiz) -> None:
    qtbot.keyClick(wiz.file_page.entry, Qt.Key.Key_M, ALT)  # « Dé&monstration seulement »
    qtbot.waitUntil(wiz.file_page.demo_choice.isChecked)


def test_the_desk_file_from_the_office_by_keyboard(wizard, desk_settings, desk_file, qtbot):
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.file_choice.isChecked()  # the desk file is what a desk needs
    type_text(wizard.file_page.entry, str(desk_file))
    enter(qtbot, wizard)
    page = wizard.desk_page
    assert wizard.currentPage() is page
    # The name comes from the file: shown, not asked (no second name that would disagree).
    assert page.from_file.isVisible() and page.from_file.text() == "Guichet 1"
    assert not page.entry.isVisible()
    assert "guichet1.sqlite" in page.file_note.text()
    assert "Convention citoyenne sur l'intelligence artificielle" in page.file_note.text()
    enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.export_page
    enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.printer_page
    assert desk_settings.desk_database == ""  # nothing saved before Terminer
    assert needs_first_start(desk_settings)
    enter(qtbot, wizard)
    assert wizard.outcome is FirstStartOutcome.FINISHED and not wizard.isVisible()
    assert desk_settings.desk_database == str(desk_file)
    assert desk_settings.desk_label == "Guichet 1"
    assert not needs_first_start(desk_settings)


def _garbage(tmp_path, desk_file):
    path = tmp_path / "photo.sqlite"
    path.write_bytes(b"\xff\xd8\xff\xe0 pas une base" * 100)
    return path


def _missing(tmp_path, desk_file):
    return tmp_path / "absent.sqlite"


def _office(tmp_path, desk_file):
    return tmp_path / "office.sqlite"


def _demo(tmp_path, desk_file):
    path = tmp_path / "demo.guichet.sqlite"
    create_demo(path, system_clock).close()
    return path


def _without_key(tmp_path, desk_file):
    keys.key_path(desk_file).unlink()
    return desk_file


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (_missing, "Fichier introuvable"),
        (_garbage, "n'est pas un fichier de guichet utilisable"),
        (_office, "est le fichier du bureau, pas celui d'un guichet"),
        (_demo, "est la convention de démonstration"),
        (_without_key, "La clé de ce guichet manque : guichet1.sqlite.key"),
    ],
)
def test_a_wrong_file_is_said_on_the_page_and_the_agent_stays(
    wizard, desk_settings, desk_file, tmp_path, qtbot, make, said
):
    path = make(tmp_path, desk_file)
    before = path.read_bytes() if path.exists() else None
    type_text(wizard.file_page.entry, str(path))
    enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.file_page
    error = wizard.file_page.error
    assert error.isVisible() and said in error.text() and error.text().startswith("✖")
    assert wizard.file_page.entry.hasFocus()  # to correct the path at once
    assert said in wizard.file_page.entry.accessibleDescription()
    assert (path.read_bytes() if path.exists() else None) == before  # nothing made or changed
    assert desk_settings.desk_database == ""
    # Corrected, the same page goes on (another desk the office prepared).
    other = create_desk(tmp_path / "office.sqlite", tmp_path / "guichet2.sqlite", "Guichet 2")
    wizard.file_page.entry.clear()
    type_text(wizard.file_page.entry, str(other.db_path))
    enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.desk_page
    assert wizard.desk_page.from_file.text() == "Guichet 2"
    assert not error.isVisible()


def test_an_empty_path_asks_for_the_file_or_the_demo(wizard, qtbot):
    enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.file_page
    assert "Indiquez le fichier de ce guichet" in wizard.file_page.error.text()


def test_demo_only_asks_a_name_and_remembers_no_file(wizard, desk_settings, qtbot, tmp_path):
    desk_settings.set(s.DESK_DATABASE, str(tmp_path / "ancien.sqlite"))  # a desk reused
    choose_demo_only(qtbot, wizard)
    assert not wizard.file_page.entry.isEnabled()
    enter(qtbot, wizard)
    page = wizard.desk_page
    assert wizard.currentPage() is page
    assert page.entry.isVisible() and not page.from_file.isVisible()
    enter(qtbot, wizard)  # no name yet: Suivant waits
    assert wizard.currentPage() is page
    type_text(page.entry, "Formation")
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
    assert desk_settings.desk_database == ""  # a bare start opens the demo
    assert desk_settings.desk_label == "Formation"
    assert desk_settings.export_folder == str(tmp_path / "exports")
    assert desk_settings.printer == ""
    assert not needs_first_start(desk_settings)


def test_back_from_the_file_name_to_the_demo_asks_the_name_again(wizard, desk_file, qtbot):
    type_text(wizard.file_page.entry, str(desk_file))
    enter(qtbot, wizard)
    assert wizard.desk_page.from_file.text() == "Guichet 1"
    wizard.back()
    choose_demo_only(qtbot, wizard)
    enter(qtbot, wizard)
    assert wizard.desk_page.entry.isVisible()
    assert wizard.desk_page.entry.text() == ""  # not the file's name, nothing typed yet
    assert wizard.desk_page.label() == ""


def test_closed_after_choosing_a_file_saves_nothing(wizard, desk_settings, desk_file, qtbot):
    type_text(wizard.file_page.entry, str(desk_file))
    enter(qtbot, wizard)
    assert wizard.currentPage() is wizard.desk_page
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Escape)
    assert wizard.outcome is FirstStartOutcome.CANCELLED
    assert desk_settings.desk_database == "" and desk_settings.desk_label == ""
    assert needs_first_start(desk_settings)


def test_a_folder_that_cannot_be_created_is_said_under_the_field(wizard, qtbot, tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    choose_demo_only(qtbot, wizard)
    enter(qtbot, wizard)
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
    qtbot.keyClick(wizard.file_page.entry, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: not wizard.isVisible())  # a mnemonic animates the click first
    assert wizard.outcome is FirstStartOutcome.DEMO and bool(wizard.outcome)
    assert wizard.file_page.error.isHidden()  # no desk file asked for the demo
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
        wiz.file_page.demo_choice.setChecked(True)
        for _page in range(4):
            hint = wiz.sizeHint()
            assert hint.width() <= 1366 and hint.height() <= 768 - 60, hint
            wiz.desk_page.entry.setText("Accueil 1")
            wiz.next()
        assert wiz.currentPage() is wiz.printer_page
    finally:
        theme.restore_default(qapp)
