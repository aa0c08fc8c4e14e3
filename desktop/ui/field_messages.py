"""The red line under a field that says why its value cannot be used.

Shared by the settings dialog, the first-start wizard and the desk-file chooser they both show;
its own module so that the chooser (desk_file_page.py) and the dialog that embeds it
(settings_dialog.py) need not import each other.
"""

from PySide6.QtWidgets import QLabel

from desktop.ui import theme


def error_label(name: str) -> QLabel:
    """Hidden until a problem is set; bold, in the theme's error colour (words, not colour
    alone: the text starts with ✖)."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(theme.error_style())
    label.setWordWrap(True)
    label.hide()
    return label
