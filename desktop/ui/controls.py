"""Small builders for the controls every screen makes the same way."""

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


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
