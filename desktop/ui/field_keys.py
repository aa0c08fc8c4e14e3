"""A window's shortcuts work from its text and number fields.

On Linux (X11 key bindings) a line edit, a spin box or an editable combo claims Ctrl+E (end of
line) and Ctrl+U (delete the line), besides the Ctrl keys it claims everywhere (select all,
clipboard, undo, Ctrl+Home...). A window or dialog shortcut on such a key then did nothing
while the focus was in a field: Ctrl+E after typing the passphrase did not export. The tests'
offscreen platform has no X11 bindings: only a real X server shows it.

`window_keys_first(window)` gives each field of `window` a filter that lets the window's
shortcuts see a Ctrl or Alt key before the field claims it. A key the window does not use still
reaches the field (Ctrl+E goes to the end of the line where no shortcut takes it). Select all,
the clipboard, undo and redo keep their meaning in a field (`EDITING_KEYS`); the scan field
gives even Ctrl+Z to its window, where it undoes a check-in (`CLIPBOARD_KEYS`).
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CLIPBOARD_KEYS = frozenset({Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_V, Qt.Key.Key_X})
# Ctrl+Z / Ctrl+Maj+Z and Ctrl+Y: undo and redo what was typed.
EDITING_KEYS = CLIPBOARD_KEYS | {Qt.Key.Key_Z, Qt.Key.Key_Y}
FIELD_TYPES = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)
_FILTER_NAME = "windowKeysFirst"


def yields_to_window(event: QKeyEvent, keep: frozenset[Qt.Key] = EDITING_KEYS) -> bool:
    """True for a Ctrl or Alt key the window should see before the field (any but `keep`)."""
    modifiers = event.modifiers()
    with_ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    with_alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    return with_alt or (with_ctrl and event.key() not in keep)


class _WindowKeysFirst(QObject):
    """The filter: a field's "this key is mine" (ShortcutOverride) is withdrawn for the keys
    that yield, so the shortcut map tries the window's shortcuts first."""

    def __init__(self, window: QWidget, keep: frozenset[Qt.Key]) -> None:
        super().__init__(window)
        self.setObjectName(_FILTER_NAME)
        self.keep = keep

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and yields_to_window(event, self.keep)
        ):
            event.ignore()
            return True
        return False


def window_keys_first(window: QWidget, keep: frozenset[Qt.Key] = EDITING_KEYS) -> None:
    """Let `window`'s shortcuts take their keys from every field it holds now. Call it again
    after making more fields (a count per product...): a field already filtered stays so once.
    Fields of another window (a dialog opened from this one) are left to that window."""
    keys = window.findChild(
        _WindowKeysFirst, _FILTER_NAME, Qt.FindChildOption.FindDirectChildrenOnly
    )
    if keys is None:
        keys = _WindowKeysFirst(window, keep)
    for field in window.findChildren(QWidget):
        if isinstance(field, FIELD_TYPES) and field.window() is window.window():
            field.installEventFilter(keys)  # installed again: moved, never doubled
