"""The agent's password before the desk opens (a file with accounts), and the start-up helper.

`LoginDialog(db, clock, agent_name=None)`: the agent's name (a list of the active accounts when
no name was given on the command line) and password; Entrée checks it with
`accounts.authenticate`; a refusal is said in French (`accounts.message`: tries left, locked
until HH:MM, unknown agent). `account` holds the Account after `accept()`.

`login_for_start(db, agent, password_file, clock, parent)`: what `guichet --db FILE --agent NAME`
does first: None when the file has no accounts (it opens as before), the Account when the
password (typed, or read from `--password-file F` for automation) is right, REFUSED otherwise.
"""

from pathlib import Path
from typing import Literal

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import accounts
from desktop.models.accounts import Account
from desktop.models.clock import Clock
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS
from desktop.ui.wording import Role as ColourRole

REFUSED: Literal["refused"] = "refused"


class LoginDialog(QDialog):
    def __init__(
        self,
        db: sqlite_utils.Database,
        clock: Clock,
        agent_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.clock = db, clock
        self.account: Account | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Connexion de l'agent"))
        self.agent_combo = QComboBox(self)
        self.agent_combo.setObjectName("loginAgent")
        self.agent_combo.setAccessibleName(self.tr("Agent"))
        self.agent_combo.setEditable(True)
        self.agent_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = [a.name for a in accounts.list_accounts(db) if a.active]
        self.agent_combo.addItems(names)
        if agent_name:
            self.agent_combo.setCurrentText(agent_name)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("loginPassword")
        self.password_edit.setAccessibleName(self.tr("Mot de passe"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style())
        self.error_label.setAccessibleName(self.tr("Message de connexion"))
        form = QFormLayout()
        form.addRow(self.tr("&Agent :"), self.agent_combo)
        form.addRow(self.tr("&Mot de passe :"), self.password_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Se connecter"))
        ok.setObjectName("loginButton")
        # Named here: GNOME would underline « &Annuler », the letter of « &Agent ».
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler (Échap)"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._first_focus = self.password_edit if agent_name else self.agent_combo

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self._first_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def check(self) -> None:
        name = self.agent_combo.currentText().strip()
        if not name:
            self._error(self.tr("Choisissez votre nom dans la liste."))
            self.agent_combo.setFocus()
            return
        result = accounts.authenticate(self.db, name, self.password_edit.text(), self.clock)
        self.password_edit.clear()
        if not result.ok:
            self._error(accounts.message(result))
            self.password_edit.setFocus()
            return
        self.account = result.account
        self.accept()

    def _error(self, text: str) -> None:
        self.error_label.setText(f"{ICONS[ColourRole.ERROR]} {text}")


def read_password_file(path: Path | str) -> str:
    """The first line of the file, without its line end (a script writes it with `echo`)."""
    text = Path(path).read_text(encoding="utf-8")
    return text.splitlines()[0] if text else ""


def login_for_start(
    db: sqlite_utils.Database,
    agent: str | None,
    password_file: Path | str | None,
    clock: Clock,
    parent: QWidget | None = None,
) -> Account | Literal["refused"] | None:
    """None: no accounts, open as before. Account: logged in. REFUSED: do not open the desk
    (wrong password in the file, dialog closed); the French reason went to the dialog or, for
    a password file, to `last_refusal`."""
    global last_refusal
    last_refusal = ""
    if not accounts.has_accounts(db):
        return None
    if password_file is not None:
        if not agent:
            last_refusal = "--password-file demande aussi --agent NOM."
            return REFUSED
        try:
            password = read_password_file(password_file)
        except (OSError, UnicodeDecodeError) as exc:
            last_refusal = f"Fichier de mot de passe illisible : {password_file} ({exc})"
            return REFUSED
        result = accounts.authenticate(db, agent, password, clock)
        if result.ok and result.account is not None:
            return result.account
        last_refusal = accounts.message(result)
        return REFUSED
    dialog = LoginDialog(db, clock, agent, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.account is not None:
            return dialog.account
        last_refusal = "Connexion annulée."
        return REFUSED
    finally:
        dialog.deleteLater()


last_refusal = ""  # French reason of the last REFUSED from login_for_start (for stderr)
