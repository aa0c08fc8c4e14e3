"""The member information notice, large and readable, printable, editable by the office.

`NoticeDialog(db, clock, desk, tasks, can_edit, parent)`: the notice of the file
(`notice.get_notice`) in large type; "Imprimer…" (Ctrl+P) writes the PDF on a background task
(`documents.notice_pdf.write_notice_pdf`) and opens it in `PdfPreviewDialog`; "Modifier…"
(Ctrl+Maj+M), shown only when `can_edit` (a responsable or the bureau: `can_edit_notice`), turns
each section into a text box; "Enregistrer" (Ctrl+S) saves with `notice.set_notice` (a fact),
Échap leaves the edit without saving, then closes. The lead binds F1 to open it.
"""

import html
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.models import accounts, notice
from desktop.models.accounts import Role
from desktop.models.clock import Clock
from desktop.models.documents.notice_pdf import write_notice_pdf
from desktop.models.journal import Desk
from desktop.models.notice import HEADINGS, Notice, NoticeError
from desktop.ui.field_keys import window_keys_first
from desktop.ui.pdf_preview import PdfPreviewDialog
from desktop.ui.previews import preview_path
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS
from desktop.ui.wording import Role as ColourRole

READING_POINT_SIZE = 15


def can_edit_notice(db: sqlite_utils.Database, agent: str) -> bool:
    """A responsable or the bureau may change the text; a file without accounts, anyone."""
    if not accounts.has_accounts(db):
        return True
    account = accounts.get_account(db, agent)
    return account is not None and account.active and account.role.at_least(Role.RESPONSABLE)


def notice_html(text: Notice) -> str:
    parts = [f"<h1>{html.escape(text.title)}</h1>"]
    for heading, body in text.sections():
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.splitlines() if p.strip())
        parts.append(f"<h2>{html.escape(heading)}</h2>{paragraphs}")
    return "".join(parts)


class NoticeDialog(QDialog):
    def __init__(
        self,
        db: sqlite_utils.Database,
        clock: Clock,
        desk: Desk,
        tasks: TaskRunner,
        can_edit: bool = False,
        parent: QWidget | None = None,
        out_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.clock, self.desk, self.tasks = db, clock, desk, tasks
        self.can_edit = can_edit
        self.out_folder = out_folder  # None: the run's preview folder (previews.py)
        self.preview: PdfPreviewDialog | None = None
        self.last_pdf: Path | None = None
        self.setObjectName("noticeDialog")
        self.setWindowTitle(self.tr("Information des membres sur leurs données"))
        self.resize(900, 900)

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("noticeText")
        self.browser.setAccessibleName(self.tr("Notice d'information"))
        # A stylesheet size, not setFont: the 150 / 200 % text setting scales stylesheets.
        self.browser.setStyleSheet(f"font-size: {READING_POINT_SIZE}pt;")
        self.editor = self._build_editor()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.editor)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("noticeStatus")
        self.status_label.setWordWrap(True)
        self.print_button = self._button(self.tr("&Imprimer…"), "noticePrint", self.print_notice)
        self.edit_button = self._button(self.tr("&Modifier…"), "noticeEdit", self.start_edit)
        self.save_button = self._button(self.tr("&Enregistrer"), "noticeSave", self.save)
        self.close_button = self._button(self.tr("Fermer"), "noticeClose", self.escape)
        self.print_button.setToolTip(self.tr("Imprimer la notice (Ctrl+P)"))
        self.edit_button.setToolTip(self.tr("Modifier le texte de la notice (Ctrl+Maj+M)"))
        self.save_button.setToolTip(self.tr("Enregistrer le texte (Ctrl+S)"))
        self.close_button.setToolTip(self.tr("Fermer (Échap)"))
        self.edit_button.setVisible(can_edit)
        self.save_button.hide()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_notice)
        QShortcut(QKeySequence("Ctrl+Shift+M"), self, self.start_edit)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        window_keys_first(self)  # Ctrl+S from the text being edited (X11 bindings)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        for button in (self.print_button, self.edit_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.show_notice()
        self.browser.setFocus()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _build_editor(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        form = QFormLayout(inner)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for f in fields(Notice):
            label = HEADINGS.get(f.name, self.tr("Titre"))
            edit: QLineEdit | QPlainTextEdit
            if f.name == "title":
                edit = QLineEdit(inner)
            else:
                edit = QPlainTextEdit(inner)
                edit.setTabChangesFocus(True)
                edit.setMinimumHeight(90)
            edit.setObjectName(f"notice_{f.name}")
            edit.setAccessibleName(label)
            form.addRow(label + " :", edit)
            self.fields[f.name] = edit
        self.edit_error = QLabel(inner)
        self.edit_error.setObjectName("noticeError")
        self.edit_error.setWordWrap(True)
        self.edit_error.setStyleSheet(error_style())
        form.addRow(self.edit_error)
        area.setWidget(inner)
        return area

    # --- reading ----------------------------------------------------------------------------

    @property
    def editing(self) -> bool:
        return self.pages.currentWidget() is self.editor

    def show_notice(self) -> None:
        self.notice = notice.get_notice(self.db)
        self.browser.setHtml(notice_html(self.notice))
        self.pages.setCurrentWidget(self.browser)
        self.save_button.hide()
        self.print_button.show()
        self.edit_button.setVisible(self.can_edit)
        self.browser.setFocus()

    def escape(self) -> None:
        if self.editing:
            self.show_notice()
            self.status_label.setText(self.tr("Modification abandonnée : rien n'a changé."))
        else:
            self.reject()

    def reject(self) -> None:  # Échap while editing leaves the edit, not the dialog
        if self.editing:
            self.escape()
            return
        super().reject()

    # --- printing ---------------------------------------------------------------------------

    def print_notice(self) -> None:
        if self.editing:
            return
        name = "notice-information.pdf"
        out = self.out_folder / name if self.out_folder else preview_path(name)
        text = self.notice
        self.status_label.setText(self.tr("Préparation du document…"))

        def work(_progress: Callable[..., None]) -> str:
            out.parent.mkdir(parents=True, exist_ok=True)
            return str(write_notice_pdf(text, out))

        self.tasks.start(self.tr("Notice d'information"), work, self._printed, self._failed)

    def _printed(self, path: str) -> None:
        self.last_pdf = Path(path)
        self.status_label.setText("")
        self.preview = PdfPreviewDialog(path, self)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.show()

    def _failed(self, exc: Exception) -> None:
        self.status_label.setText(
            f"{ICONS[ColourRole.ERROR]} "
            + self.tr("Impression impossible : {error}").format(error=exc)
        )

    # --- editing ----------------------------------------------------------------------------

    def start_edit(self) -> None:
        if not self.can_edit or self.editing:
            return
        for name, edit in self.fields.items():
            value = getattr(self.notice, name)
            if isinstance(edit, QLineEdit):
                edit.setText(value)
            else:
                edit.setPlainText(value)
        self.edit_error.clear()
        self.pages.setCurrentWidget(self.editor)
        self.print_button.hide()
        self.edit_button.hide()
        self.save_button.show()
        self.fields["title"].setFocus()

    def edited_notice(self) -> Notice:
        values = {
            name: edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            for name, edit in self.fields.items()
        }
        return replace(self.notice, **values)

    def save(self) -> None:
        if not self.editing:
            return
        try:
            notice.set_notice(self.db, self.edited_notice(), self.desk, self.clock)
        except NoticeError as exc:
            self.edit_error.setText(f"{ICONS[ColourRole.ERROR]} {exc}")
            return
        self.show_notice()
        self.status_label.setText(f"{ICONS[ColourRole.SUCCESS]} " + self.tr("Notice enregistrée."))
