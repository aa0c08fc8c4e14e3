"""This laptop's desk file, changed in the settings dialog (Ctrl+,) with the keyboard: checked
as the first-start wizard checks it, shown with its desk and convention before it is saved,
saved only by OK/Appliquer, used at the next start; the database open now stays open."""

import hashlib

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QPushButton

from desktop import paths
from desktop.models import storage
from desktop.models.convention_file import create_convention
from desktop.models.desk_setup import create_desk
from desktop.models.journal import local_desk
from desktop.start_target import StartTarget, resolve_start
from desktop.ui import settings as s
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import type_text
from tests.ui.test_mnemonics import clashes, language_qt  # noqa: F401 (a fixture)

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
TITLE = "Convention citoyenne sur l'intelligence artificielle"


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "bureau" / "office.sqlite"
    path.parent.mkdir()
    create_convention(path).close()  # `guichet init`
    return path


@pytest.fixture
def desks(office, tmp_path):
    """`guichet desk-init` twice, each file copied with its key to the laptop's folder."""
    laptop = tmp_path / "portable"
    laptop.mkdir()
    return [
        create_desk(office, laptop / f"guichet{n}.sqlite", f"Guichet {n}").db_path for n in (1, 2)
    ]


@pytest.fixture
def desk_settings(tmp_path, desks):
    settings = s.Settings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    settings.set(s.DESK_DATABASE, str(desks[0]))  # chosen at the first start
    return settings


def reread(settings: s.Settings) -> s.Settings:
    """The settings as the next start reads them from disk."""
    return s.Settings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))


@pytest.fixture
def open_dialog(qtbot, desk_settings):
    def make(open_file=None) -> SettingsDialog:
        dlg = SettingsDialog(desk_settings, open_file=open_file)
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.activateWindow()
        qtbot.waitExposed(dlg)
        qtbot.waitUntil(dlg.desk_label.hasFocus)
        return dlg

    return make


def key(qtbot, dlg, which, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(dlg.focusWidget() or dlg, which, modifier)


def press_demo(qtbot, dlg) -> None:
    """Alt+D: « Démonstration » (clicked a moment after the key, as a button's letter is)."""
    key(qtbot, dlg, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(dlg.desk_file.note.isVisible)


def change_to(qtbot, dlg, path) -> None:
    """Alt+C, the path typed over the one shown, Entrée: checked and said, not saved."""
    key(qtbot, dlg, Qt.Key.Key_C, ALT)
    entry = dlg.desk_file.chooser.entry
    qtbot.waitUntil(entry.hasFocus)  # a button's Alt letter clicks it a moment later
    assert entry.selectedText() == entry.text()
    type_text(entry, str(path))
    key(qtbot, dlg, Qt.Key.Key_Return)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_desk_file_is_shown_then_saved_by_ok_and_opened_at_the_next_start(
    open_dialog, desk_settings, desks, qtbot
):
    first, second = desks
    before = sha(second)
    # The desk is running on guichet1 (its connection open, in WAL) while the agent chooses.
    running = storage.open_database(first)
    try:
        dlg = open_dialog(open_file=first)
        row = dlg.desk_file
        # A long path loses its first folders, never the file's name; the whole is read out.
        shown = row.current.text()
        assert shown.startswith("…/") and shown.endswith("/guichet1.sqlite")
        assert str(first).endswith(shown[1:])
        assert row.current.accessibleDescription() == row.current.toolTip() == str(first)
        change_to(qtbot, dlg, second)
        assert dlg.isVisible()  # Entrée checked the file, it did not close the dialog
        note = row.note.text()
        assert row.note.isVisible() and "« Guichet 2 »" in note and TITLE in note
        assert "Guichet ouvrira ce fichier au prochain démarrage" in note
        assert "reste ouvert" in note
        assert not row.chooser.error.isVisible()
        assert desk_settings.desk_database == str(first)  # shown, not saved yet
        key(qtbot, dlg, Qt.Key.Key_Return)  # Entrée again: OK
        assert dlg.result() == QDialog.DialogCode.Accepted
        assert reread(desk_settings).desk_database == str(second)
        # The database open now was not touched: it still reads and writes.
        assert running.execute("SELECT label FROM desk_identity").fetchone() == ("Guichet 1",)
        running.execute("CREATE TEMP TABLE still_open (x)")
    finally:
        running.close()
    assert sha(second) == before  # checked without being changed
    assert not (second.parent / "guichet2.sqlite-wal").exists()
    target = resolve_start(None, False, reread(desk_settings).desk_database)
    assert target == StartTarget(second, demo=False, remembered=True)


@pytest.mark.parametrize(
    ("which", "said"),
    [
        (lambda office, desks: office, "est le fichier du bureau"),
        (lambda office, desks: desks[1].parent / "guichet9.sqlite", "Fichier introuvable"),
        (lambda office, desks: desks[1].parent, "est un dossier"),
    ],
    ids=["office", "missing", "folder"],
)
def test_a_wrong_file_is_refused_with_its_message_and_nothing_is_saved(
    open_dialog, desk_settings, office, desks, qtbot, which, said
):
    dlg = open_dialog()
    row = dlg.desk_file
    change_to(qtbot, dlg, which(office, desks))
    assert row.chooser.error.isVisible() and said in row.chooser.error.text()
    assert said in row.chooser.entry.accessibleDescription()  # read to a screen reader
    assert not row.note.isVisible()
    # Entrée again, Appliquer, OK: still refused, the field keeps the focus to correct it.
    for press in (Qt.Key.Key_Return, Qt.Key.Key_A):
        key(qtbot, dlg, press, ALT if press == Qt.Key.Key_A else Qt.KeyboardModifier.NoModifier)
        assert dlg.isVisible() and row.chooser.error.isVisible()
        assert row.chooser.entry.hasFocus()
    dlg.findChild(QPushButton, "okButton").click()
    assert dlg.isVisible()
    assert reread(desk_settings).desk_database == str(desks[0])
    # Corrected in the same field: accepted.
    row.chooser.entry.clear()
    type_text(row.chooser.entry, str(desks[1]))
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert not row.chooser.error.isVisible() and "« Guichet 2 »" in row.note.text()


def test_an_emptied_field_asks_for_a_file_or_the_demo(open_dialog, desk_settings, desks, qtbot):
    dlg = open_dialog()
    key(qtbot, dlg, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(dlg.desk_file.chooser.entry.hasFocus)
    key(qtbot, dlg, Qt.Key.Key_Backspace)
    key(qtbot, dlg, Qt.Key.Key_Return)
    error = dlg.desk_file.chooser.error
    assert error.isVisible() and "Indiquez le fichier de ce guichet" in error.text()
    assert "« Démonstration »" in error.text()
    assert reread(desk_settings).desk_database == str(desks[0])


def test_the_file_open_now_chosen_again_says_nothing_changes(open_dialog, desks, qtbot):
    dlg = open_dialog(open_file=desks[0])
    key(qtbot, dlg, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(dlg.desk_file.chooser.entry.hasFocus)
    key(qtbot, dlg, Qt.Key.Key_Return)  # the remembered file, untouched: nothing to check
    assert dlg.result() == QDialog.DialogCode.Accepted
    dlg = open_dialog(open_file=desks[0])
    change_to(qtbot, dlg, desks[0])
    assert "C'est le fichier ouvert maintenant : rien ne change." in dlg.desk_file.note.text()
    assert "prochain démarrage" not in dlg.desk_file.note.text()


def test_demonstration_clears_the_desk_file_on_appliquer(open_dialog, desk_settings, desks, qtbot):
    dlg = open_dialog(open_file=desks[0])
    press_demo(qtbot, dlg)
    note = dlg.desk_file.note.text()
    assert "Guichet ouvrira la démonstration (membres fictifs) au prochain démarrage" in note
    assert reread(desk_settings).desk_database == str(desks[0])  # said, not saved
    with qtbot.waitSignal(dlg.applied):
        key(qtbot, dlg, Qt.Key.Key_A, ALT)
    assert reread(desk_settings).desk_database == ""
    assert dlg.desk_file.current.text() == "Démonstration"
    assert resolve_start(None, False, reread(desk_settings).desk_database) == StartTarget(
        None, demo=True
    )


def test_demonstration_while_the_demo_is_open_says_nothing_changes(open_dialog, qtbot):
    dlg = open_dialog(open_file=paths.demo_database())
    press_demo(qtbot, dlg)
    assert dlg.desk_file.note.text() == "La démonstration est ouverte maintenant : rien ne change."


def test_escape_saves_nothing_after_a_file_was_checked(open_dialog, desk_settings, desks, qtbot):
    dlg = open_dialog()
    change_to(qtbot, dlg, desks[1])
    assert "« Guichet 2 »" in dlg.desk_file.note.text()
    key(qtbot, dlg, Qt.Key.Key_Escape)
    assert dlg.result() == QDialog.DialogCode.Rejected
    assert reread(desk_settings).desk_database == str(desks[0])
    dlg = open_dialog()
    press_demo(qtbot, dlg)
    key(qtbot, dlg, Qt.Key.Key_Escape)
    assert reread(desk_settings).desk_database == str(desks[0])


def test_a_path_typed_then_ok_is_shown_first_and_saved_by_the_next_ok(
    open_dialog, desk_settings, desks, qtbot
):
    dlg = open_dialog()
    key(qtbot, dlg, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(dlg.desk_file.chooser.entry.hasFocus)
    type_text(dlg.desk_file.chooser.entry, str(desks[1]))
    ok = dlg.findChild(QPushButton, "okButton")
    ok.click()  # with the mouse, before any Entrée in the field
    assert dlg.isVisible() and "« Guichet 2 »" in dlg.desk_file.note.text()
    assert reread(desk_settings).desk_database == str(desks[0])
    ok.click()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert reread(desk_settings).desk_database == str(desks[1])


def test_the_file_chooser_checks_the_file_at_once(
    open_dialog, desk_settings, desks, qtbot, monkeypatch
):
    asked = []

    def choose(parent, caption, folder, filters):
        asked.append((caption, folder, filters))
        return str(desks[1]), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    dlg = open_dialog()
    key(qtbot, dlg, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(dlg.desk_file.chooser.entry.hasFocus)
    key(qtbot, dlg, Qt.Key.Key_F, ALT)  # « Choisir le &fichier… »
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked == [
        (
            "Fichier de ce guichet",
            str(desks[0].parent),
            "Fichiers Guichet (*.sqlite);;Tous les fichiers (*)",
        )
    ]
    assert dlg.desk_file.chooser.entry.text() == str(desks[1])
    assert "« Guichet 2 »" in dlg.desk_file.note.text()
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert reread(desk_settings).desk_database == str(desks[1])


def test_a_file_removed_after_its_check_is_refused_at_ok(open_dialog, desk_settings, desks, qtbot):
    dlg = open_dialog()
    change_to(qtbot, dlg, desks[1])
    desks[1].with_name("guichet2.sqlite.key").unlink()  # the key taken away meanwhile
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert "La clé de ce guichet manque" in dlg.desk_file.chooser.error.text()
    assert reread(desk_settings).desk_database == str(desks[0])


def test_no_two_widgets_share_an_alt_letter_with_the_file_field_open(
    language_qt,  # noqa: F811
    open_dialog,
    desks,
    qtbot,
):
    dlg = open_dialog()
    assert clashes("réglages", dlg) == []
    key(qtbot, dlg, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(dlg.desk_file.chooser.entry.hasFocus)
    type_text(dlg.desk_file.chooser.entry, str(desks[1].parent / "absent.sqlite"))
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.desk_file.chooser.error.isVisible()
    assert clashes("réglages, fichier de ce guichet", dlg) == []


@pytest.fixture
def app_settings(qapp):
    """The application's own settings (the test run's scratch config), put back after."""
    settings = s.Settings()
    before = settings.desk_database
    yield settings
    settings.set(s.DESK_DATABASE, before)
    settings.sync()


def test_ctrl_comma_on_a_running_desk_knows_the_file_it_has_open(qtbot, app_settings, desks, clock):
    first, second = desks
    app_settings.set(s.DESK_DATABASE, str(first))
    db = storage.open_database(first)
    try:
        window = MainWindow(
            db,
            first,
            local_desk(db, "Martin"),
            clock,
            tasks=TaskRunner(pool=InlinePool()),
            sounds=Sounds(enabled=False),
        )
        qtbot.addWidget(window)
        window.modal_dialogs = False  # the test drives the dialog
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.scan_field.setFocus()
        qtbot.keyClick(window.scan_field, Qt.Key.Key_Comma, CTRL)
        dlg = window.opened_dialog
        assert isinstance(dlg, SettingsDialog)
        qtbot.waitExposed(dlg)
        dlg.activateWindow()
        qtbot.waitUntil(dlg.desk_label.hasFocus)
        change_to(qtbot, dlg, first)
        assert "rien ne change" in dlg.desk_file.note.text()
        change_to(qtbot, dlg, second)
        assert "au prochain démarrage" in dlg.desk_file.note.text()
        key(qtbot, dlg, Qt.Key.Key_Return)
        assert dlg.result() == QDialog.DialogCode.Accepted
        assert s.Settings().desk_database == str(second)
        assert window.db is db and window.db_path == first  # still on guichet1 until restart
        assert db.execute("SELECT label FROM desk_identity").fetchone() == ("Guichet 1",)
        window.close()
    finally:
        db.close()


def test_a_path_the_setting_would_refuse_is_said_and_not_saved(
    open_dialog, desk_settings, office, desks, qtbot, tmp_path
):
    # A real desk file, in a folder whose name holds a tab (pasted from a file manager): the
    # setting refuses control characters, so the dialog says so rather than saving it.
    odd = tmp_path / "clé\tUSB"
    odd.mkdir()
    path = create_desk(office, odd / "guichet3.sqlite", "Guichet 3").db_path
    dlg = open_dialog()
    key(qtbot, dlg, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(dlg.desk_file.chooser.entry.hasFocus)
    QApplication.clipboard().setText(str(path))
    key(qtbot, dlg, Qt.Key.Key_V, CTRL)
    assert dlg.desk_file.chooser.entry.text() == str(path)
    key(qtbot, dlg, Qt.Key.Key_Return)
    error = dlg.desk_file.chooser.error
    assert error.isVisible() and "Ce chemin ne peut pas être retenu" in error.text()
    key(qtbot, dlg, Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert reread(desk_settings).desk_database == str(desks[0])
