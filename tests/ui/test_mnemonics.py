"""No two Alt+letter mnemonics alike in one window or dialog, on every screen of the app.

An agent who presses Alt+C expects one thing to happen. When two visible widgets of a window
carry the same '&' letter (a button, a label with its field, a check box, a group box, a tab,
a menu title), Qt cycles the focus between them instead: the button is not pressed, the agent
types in the wrong field. The letters are folded as the agent's keyboard sees them: "É" and
"E" are the same key, and so are "e" and "E".

One test opens every screen of the desk (the check-in window with its menus, the hand-out
panel, the lock screen, each dialog reachable from it and the dialogs those open) and of the
office (the "Bureau" window and its tabs, the conflict form), and checks each state in which a
different set of widgets is visible (each tab, the passphrase fields shown...).
"""

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QToolBox,
    QWidget,
)

from desktop.ui import i18n
from tests.ui.screens_tour import LAST, every_screen


def mnemonic(text: str) -> str | None:
    """The letter after the first single '&' ("&&" is a literal ampersand), folded: lower
    case, no accent."""
    at = 0
    while True:
        at = text.find("&", at)
        if at < 0 or at + 1 >= len(text):
            return None
        if text[at + 1] == "&":
            at += 2
            continue
        return unicodedata.normalize("NFD", text[at + 1])[0].casefold()


# The standard buttons Qt names itself take a letter on some desktops: GNOME (Debian's and
# Ubuntu's default) shows « &OK », « &Annuler », « &Fermer », « &Enregistrer » where Windows
# shows no letter. A button left with Qt's word counts with GNOME's letter.
_GNOME_WORDS = {
    QDialogButtonBox.StandardButton.Ok: ("OK", "&OK"),
    QDialogButtonBox.StandardButton.Cancel: ("Cancel", "&Cancel"),
    QDialogButtonBox.StandardButton.Close: ("Close", "&Close"),
    QDialogButtonBox.StandardButton.Save: ("Save", "&Save"),
}


def _button_text(button: QAbstractButton) -> tuple[str, str]:
    box = button.parentWidget()
    if isinstance(box, QDialogButtonBox):
        words = _GNOME_WORDS.get(box.standardButton(button))
        if words and button.text() == QCoreApplication.translate("QPlatformTheme", words[0]):
            return QCoreApplication.translate("QGnomeTheme", words[1]), "bouton standard, GNOME"
    return button.text(), ""


def _texts(top: QWidget) -> Iterable[tuple[str, str]]:
    """(text, what) of each visible widget of `top`'s own window that can take a mnemonic."""
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and (widget.window() is not top or not widget.isVisibleTo(top)):
            continue  # another window (a child dialog), or hidden: not reachable now
        what = f"{type(widget).__name__} {widget.objectName() or '?'}"
        if isinstance(widget, QAbstractButton):
            text, note = _button_text(widget)
            yield text, f"{what}, {note}" if note else what
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            yield widget.text(), what
        elif isinstance(widget, QGroupBox):
            yield widget.title(), what
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    yield widget.tabText(index), f"{what} tab {index}"
        elif isinstance(widget, QToolBox):
            for index in range(widget.count()):
                yield widget.itemText(index), f"{what} item {index}"
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    yield action.text(), f"{what} menu"


def clashes(name: str, top: QWidget) -> list[str]:
    """'name: Alt+C — «&Contrôles…» (QLabel), «&Confirmer…» (QLabel)' for each letter carried
    twice in `top`; then, for each menu of its menu bar, the letters typed while it is open."""
    groups: list[tuple[str, str, Iterable[tuple[str, str]]]] = [(name, "Alt+", _texts(top))]
    for bar in top.findChildren(QMenuBar):
        if not bar.isVisibleTo(top):
            continue  # hidden with the window's other widgets under the lock screen
        for action in bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                items = [(a.text(), "QAction") for a in menu.actions() if a.isVisible()]
                groups.append((f"{name}, menu «{action.text()}»", "touche ", items))
    found = []
    for group, key, texts in groups:
        by_letter: dict[str, list[str]] = defaultdict(list)
        for text, what in texts:
            letter = mnemonic(text)
            if letter:
                by_letter[letter].append(f"«{text}» ({what})")
        for letter, owners in sorted(by_letter.items()):
            if len(owners) > 1:
                found.append(f"{group}: {key}{letter.upper()} — {', '.join(owners)}")
    return found


@pytest.fixture(params=["fr", "en"])
def language_qt(request, qapp):
    """The desk's language with Qt's own words in it (« &Suivant > », « Annuler »...): a
    standard button's letter counts as much as ours. English too: a translation chooses its
    own letters, and two of them met in one menu."""
    locale = QLocale()
    assert i18n.install_language(qapp, request.param) == request.param
    yield
    for translator in qapp.findChildren(QTranslator, "guichetTranslator"):
        qapp.removeTranslator(translator)
        translator.setObjectName("")
    QLocale.setDefault(locale)


def test_no_two_widgets_of_a_window_share_an_alt_letter(
    language_qt, qtbot, window, demo_db, db_path, desk, clock, tmp_path
):
    found: list[str] = []
    seen = []
    for name, top in every_screen(qtbot, window, demo_db, db_path, desk, clock, tmp_path):
        seen.append(name)
        found.extend(clashes(name, top))
    assert seen[-1] == LAST  # the tour went to its end
    assert found == [], "\n" + "\n".join(found)


def test_letters_are_read_as_the_agent_presses_them():
    assert mnemonic("&Élu·e") == mnemonic("&editer") == "e"  # "É" is the E key
    assert mnemonic("É&crans") == "c"
    assert mnemonic("Rock && &Roll") == "r"  # "&&" shows one ampersand, takes no key
    assert mnemonic("Rock && Roll") is None
    assert mnemonic("Fermer") is None
