"""Small builders for the controls every screen makes the same way."""

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def literal(text: str) -> str:
    """`text` as typed (a product, a guest, an agent), ready for a text where Qt reads '&' as
    the mark of the Alt letter: a button, a check box, a group, a tab, a label with a field
    (and QInputDialog's question, which has one). There "Aller & retour" showed "Aller
    _retour" and took the space as its letter; '&&' shows one '&' and takes no letter.
    Never for plain text: a label without a field, a list, a table, a message box show '&&'."""
    return text.replace("&", "&&")


def push_button(
    text: str, name: str, accessible: str, slot: Callable[[], object], *, default: bool = False
) -> QPushButton:
    """A button with its object name (tests, scripts) and accessible name (screen readers).
    Only the `default` button answers Entrée: the others never steal it from a form."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    if default:
        button.setDefault(True)
    else:
        button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button
