"""The check-in screen in English: the catalogue is complete, installed from QSettings, and no
visible string bypasses tr() (a French text left on an English screen fails the test)."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.models import members
from desktop.models.convention import all_sessions, get_convention
from desktop.paths import resource
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from desktop.ui.roster_model import COL_PRESENCE
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import scan

ROOT = Path(__file__).resolve().parents[2]
TS = resource("i18n", "guichet_en.ts")
QM = resource("i18n", "guichet_en.qm")


def _catalogue() -> dict[tuple[str, str], str]:
    """(context, French source) -> English, from the .ts."""
    entries = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            entries[(name, message.findtext("source") or "")] = (
                message.findtext("translation") or ""
            )
    return entries


_LOCALE_BEFORE = QLocale()


def _remove_languages(app: QCoreApplication) -> None:
    """Back to the source text and the process's own locale, for the tests that follow."""
    for translator in app.findChildren(QTranslator, "guichetTranslator"):
        app.removeTranslator(translator)
        translator.setObjectName("")
    QLocale.setDefault(_LOCALE_BEFORE)


@pytest.fixture
def english(qapp):
    assert i18n.install_language(qapp, "en") == "en"
    yield qapp
    _remove_languages(qapp)  # the other tests read the French source text


@pytest.fixture
def english_window(qtbot, english, demo_db, db_path, desk, clock):
    win = MainWindow(
        demo_db,
        db_path,
        desk,
        clock,
        tasks=TaskRunner(pool=InlinePool()),
        sounds=Sounds(enabled=False),
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_check_in_window_speaks_english(qtbot, english_window, demo_db):
    win = english_window
    assert win.banner.title.text() == "Ready: scan a badge"
    assert win.banner.detail.text() == "or search for a name (Ctrl+F)"
    assert win.scan_field.placeholderText() == "Scan a badge…"
    assert win.scan_field.accessibleName() == "Badge scan field"
    assert win.checkin_button.text() == "Record the arrival (Enter)"
    assert win.undo_button.text() == "Undo a check-in… (Ctrl+Z)"
    assert win.counter_label.text().startswith("Present: 0 / ")
    assert [a.text() for a in win.menuBar().actions()][:2] == ["&File", "&Desk"]
    assert win.model.headerData(0, Qt.Orientation.Horizontal) == "Surname"
    assert win.banner.accessibleName() == "Scan result"

    member = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    code = members.current_badge(demo_db, member.id)
    assert code
    scan(qtbot, win.scan_field, code)
    assert win.banner.title.text() == "Welcome, Émilie DUBOIS"
    assert win.banner.detail.text().startswith("Arrival recorded — ")
    # The session's part of day is the desk's language too; its label is the office's words.
    assert win.banner.detail.text().endswith("Week-end 1 — 11/11/2023 (full day)")
    assert win.session_combo.currentText() == "Week-end 1 — 11/11/2023 (full day)"
    assert "(full day)" in win.handout_panel.heading.text()
    assert "Saturday lunch: to hand out" in " ".join(win.handout_panel.line_texts())
    row = win.model.position_of(member.id)
    assert win.model.index(row, COL_PRESENCE).data() == "✔ present"


def test_qt_own_strings_follow_the_language(qapp):
    try:
        i18n.install_language(qapp, "fr")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
        i18n.install_language(qapp, "en")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert QCoreApplication.translate("wording", "Badge inconnu") == "Unknown badge"
        # Installing again replaces, never stacks.
        assert len(i18n.installed_catalogues(qapp)) == 2
    finally:
        _remove_languages(qapp)


def test_the_language_is_read_from_the_desk_settings(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    assert i18n.saved_language(settings) == "fr"  # nothing chosen: French
    i18n.save_language("en", settings)
    assert settings.value(i18n.SETTINGS_KEY) == "en"
    assert i18n.saved_language(settings) == "en"
    settings.setValue(i18n.SETTINGS_KEY, "klingon")
    assert i18n.saved_language(settings) == "fr"
    with pytest.raises(ValueError):
        i18n.save_language("de", settings)

    # make_application() → install_translations() → the default QSettings of the desk.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    default_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    try:
        i18n.save_language("en")
        from desktop.app import install_translations

        install_translations(qapp)
        assert QCoreApplication.translate("wording", "Prêt : scannez un badge") == (
            "Ready: scan a badge"
        )
    finally:
        QSettings().remove(i18n.SETTINGS_KEY)
        QSettings.setDefaultFormat(default_format)
        _remove_languages(qapp)


def test_every_source_string_has_an_english_translation():
    """lupdate over the sources finds nothing untranslated (run
    resources/i18n/update_translations.py after adding strings, then translate them)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "resources" / "i18n" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, (
        "strings without English: run .venv/bin/python resources/i18n/update_translations.py, "
        "translate them in resources/i18n/guichet_en.ts, run it again (it compiles the .qm)\n"
        + done.stderr
    )


def test_the_compiled_catalogue_matches_the_ts():
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [
        (context, source)
        for (context, source), english in _catalogue().items()
        if translator.translate(context, source) != english
    ]
    assert not stale, f"guichet_en.qm is older than guichet_en.ts: {stale[:5]}"


# --- no visible string bypasses tr() ---------------------------------------------------------

# French words and letters that an English screen never shows outside data (names, places).
FRENCH = re.compile(
    r"[àâçéèêëîïôûùœ]|\b(le|la|les|des|du|au|aux|un|une|et|ou|pour|avec|aucun|aucune|bienvenue|séance|"
    r"rechercher|annuler|enregistrer|fichier|imprimer|quitter|membre|membres|présent|présents|"
    r"badges?\s+de|scannez|cherchez|remettre|remis|repas|tout|fermer|prêt|nom|prénom)\b",
    re.IGNORECASE,
)


def _data_values(db, desk) -> list[str]:
    """What the screen shows from the data: names, places, titles, the file's path."""
    convention = get_convention(db)
    values = [convention.title if convention else "", desk.label, desk.agent]
    for session in all_sessions(db):
        values += [session.title, session.label, session.place]
    for member in members.all_members(db):
        values += [member.display_name, member.surname, member.first_name, member.commune]
    values += [row[0] for row in db.execute("SELECT name FROM ticket_products").fetchall()]
    return sorted((v for v in values if v), key=len, reverse=True)


def _visible_texts(window: QWidget) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for widget in window.findChildren(QWidget):
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        if isinstance(widget, QLabel):
            texts.append((where, widget.text()))
        if isinstance(widget, QAbstractButton):
            texts.append((where, widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append((where, widget.title()))
        if isinstance(widget, QLineEdit):
            texts.append((where + " placeholder", widget.placeholderText()))
        if widget.isWindow():
            texts.append((where + " title", widget.windowTitle()))
        texts.append((where + " accessible name", widget.accessibleName()))
        texts.append((where + " accessible description", widget.accessibleDescription()))
        texts.append((where + " tooltip", widget.toolTip()))
    for action in window.findChildren(QAction):
        texts += [("action", action.text()), ("action tooltip", action.toolTip())]
    model = window.model
    for column in range(model.columnCount()):
        texts.append(("header", model.headerData(column, Qt.Orientation.Horizontal)))
        for row in range(min(model.rowCount(), 5)):
            texts.append(("roster cell", model.index(row, column).data() or ""))
    return [(where, text) for where, text in texts if text]


def _french_left(window: QWidget, db, desk) -> list[str]:
    catalogue = _catalogue()
    sources = {source for (_, source), english in catalogue.items() if english != source}
    data = _data_values(db, desk)
    found = []
    for where, text in _visible_texts(window):
        if text in sources:
            found.append(f"{where}: {text!r} (source text shown untranslated)")
            continue
        stripped = text
        for value in data:
            stripped = stripped.replace(value, " ")
        stripped = stripped.replace(str(window.db_path), " ")
        if FRENCH.search(stripped):
            found.append(f"{where}: {text!r}")
    return found


def test_no_french_text_is_left_on_the_english_screen(qtbot, english_window, demo_db, desk):
    win = english_window
    assert _french_left(win, demo_db, desk) == []
    # After a welcome: banner, roster row and the hand-out checklist.
    member = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    code = members.current_badge(demo_db, member.id)
    assert code
    scan(qtbot, win.scan_field, code)
    assert win.handout_panel.isVisible()
    assert _french_left(win, demo_db, desk) == []
    # A refusal: the words of an unknown code.
    qtbot.keyClick(win.handout_panel, Qt.Key.Key_Escape)
    scan(qtbot, win.scan_field, "GUXXXXBCDEFGHJKLNPRSTUVXYBCDEFGHJKLNPRS")
    assert _french_left(win, demo_db, desk) == []


def test_the_heuristic_catches_a_string_that_bypasses_tr(qtbot, english_window, demo_db, desk):
    """The check above is not vacuous: a label set without tr() is reported."""
    stray = QLabel("Aucune séance aujourd'hui", english_window.centralWidget())
    stray.setObjectName("strayLabel")
    english_window.statusBar().addWidget(stray)
    assert any("strayLabel" in line for line in _french_left(english_window, demo_db, desk))
    hand_made = QLabel("Bienvenue au guichet", english_window.centralWidget())
    hand_made.setObjectName("handMade")
    assert any("handMade" in line for line in _french_left(english_window, demo_db, desk))


def test_after_the_english_tests_the_source_text_is_back(qapp):
    assert QApplication.translate("wording", "Badge inconnu") == "Badge inconnu"
    assert QLocale().name() == _LOCALE_BEFORE.name()
