"""Every shortcut of a window works while a text or number field of it has the focus.

On Linux (X11 key bindings) a line edit, spin box or editable combo claims Ctrl+E and Ctrl+U
for itself (end of line, delete the line): a window shortcut on such a key did nothing from a
field (Ctrl+E after the passphrase did not export). The offscreen platform of these tests has
no X11 bindings, so the tests look at the mechanism (field_keys.window_keys_first) with a Ctrl
key a field claims on every platform: Ctrl+←, the previous word. A field that lets Ctrl+← go to
its window first lets Ctrl+E go too; where no shortcut takes the key, the field still gets it. Run under a real X server (QT_QPA_PLATFORM=xcb), the tour also presses each
window's own keys, Ctrl+E included, as X11 delivers them.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.ui import field_keys
from tests.ui.conftest import type_text
from tests.ui.screens_tour import LAST, LOCKED, every_screen

CTRL = Qt.KeyboardModifier.ControlModifier
ANY_FIELD = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)


def claims(field: QWidget, key: Qt.Key, modifiers=CTRL) -> bool:
    """Would `field` keep this key from its window's shortcuts?"""
    override = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
    override.ignore()
    QApplication.sendEvent(field, override)
    return override.isAccepted()


def fields(top: QWidget) -> list[QWidget]:
    """The visible, enabled fields of `top`'s own window the agent can type in (a spin box's
    or combo's own line edit answers through its box)."""
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, ANY_FIELD) or widget.window() is not top:
            continue
        if not widget.isVisibleTo(top) or not widget.isEnabled():
            continue
        if isinstance(widget, QComboBox) and not widget.isEditable():
            continue  # a list to choose from: it claims no Ctrl key
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue
        found.append(widget)
    return found


def shortcuts(top: QWidget, field: QWidget) -> list[tuple[QKeySequence, str]]:
    """The Ctrl or Alt keys of `top`'s shortcuts and actions that apply while `field` has the
    focus."""
    found = []
    for shortcut in top.findChildren(QShortcut):
        owner = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(owner, QWidget):
            continue
        context = shortcut.context()
        if context == Qt.ShortcutContext.WidgetShortcut and owner is not field:
            continue
        if context == Qt.ShortcutContext.WidgetWithChildrenShortcut and not (
            owner is field or owner.isAncestorOf(field)
        ):
            continue
        found.append((shortcut.key(), f"raccourci {shortcut.key().toString()}"))
    for action in top.findChildren(QAction):
        if action.isEnabled():
            found += [(keys, f"action « {action.text()} »") for keys in action.shortcuts()]
    with_ctrl_or_alt = CTRL | Qt.KeyboardModifier.AltModifier
    return [
        (keys, what)
        for keys, what in found
        if not keys.isEmpty() and keys[0].keyboardModifiers() & with_ctrl_or_alt
    ]


def test_every_field_of_every_screen_lets_its_windows_keys_through(
    qtbot, window, demo_db, db_path, desk, clock, tmp_path
):
    dead: list[str] = []
    seen = []
    for name, top in every_screen(qtbot, window, demo_db, db_path, desk, clock, tmp_path):
        seen.append(name)
        if name.startswith(LOCKED):
            continue  # the window's shortcuts are shut under the lock screen, by design
        for field in fields(top):
            keys = shortcuts(top, field)
            if not keys:
                continue  # a window without Ctrl or Alt keys: the field keeps all of its own
            where = f"{name} — {type(field).__name__} {field.objectName()}"
            if claims(field, Qt.Key.Key_Left):
                dead.append(f"{where}: garde Ctrl+← (window_keys_first manque)")
            for sequence, what in keys:
                combination = sequence[0]
                key, modifiers = combination.key(), combination.keyboardModifiers()
                if modifiers == CTRL and key in field_keys.EDITING_KEYS:
                    continue  # Ctrl+Z, Ctrl+C... keep their meaning in a field
                if claims(field, key, modifiers):
                    dead.append(f"{where}: garde {sequence.toString()} ({what})")
    assert seen[-1] == LAST  # the tour went to its end
    assert dead == [], "\n" + "\n".join(dead)


def _open(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> QWidget:
    window.modal_dialogs = False
    window.activateWindow()  # the window's keys need it active (a real X server)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.scan_field, key, modifiers)
    assert window.opened_dialog is not None
    return window.opened_dialog


def test_a_key_no_shortcut_takes_still_reaches_the_field(qtbot, window):
    """The journal's member filter lets Ctrl keys go to the screen first (Ctrl+S exports);
    Ctrl+←, which no shortcut takes, still moves to the previous word, and Ctrl+Z still
    undoes the typing."""
    journal = _open(qtbot, window, Qt.Key.Key_J, CTRL)
    assert type(journal).__name__ == "JournalScreen"
    journal.member_edit.setFocus()
    assert not claims(journal.member_edit, Qt.Key.Key_Left)
    type_text(journal.member_edit, "émilie dubois")
    qtbot.keyClick(journal.member_edit, Qt.Key.Key_Left, CTRL)
    assert journal.member_edit.cursorPosition() == len("émilie ")
    assert claims(journal.member_edit, Qt.Key.Key_Z)  # undo stays the field's
    qtbot.keyClick(journal.member_edit, Qt.Key.Key_Z, CTRL)
    assert journal.member_edit.text() == ""
    journal.close()


def test_fields_made_after_the_window_are_filtered_too(qtbot, window):
    """The sessions screen makes a quantity box per ticket product for each session shown:
    those made later let the screen's keys through like the first ones."""
    screen = _open(qtbot, window, Qt.Key.Key_F6)
    first = dict(screen.quantities)
    screen.session_list.setCurrentRow(screen.session_list.count() - 1)
    later = [spin for key, spin in screen.quantities.items() if spin is not first.get(key)]
    assert later  # new boxes were made for that session
    assert all(not claims(spin, Qt.Key.Key_Left) for spin in later)
    screen.dirty = screen.products.product_dirty = False
    screen.close()
