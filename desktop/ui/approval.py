"""A responsable's password on the spot for an override (second meal pass, ticket outside its
window, receipt above the ceiling, a correction of another agent's entry, a roster edit).

`ask_approval(parent, db, clock, agent, action)` returns the payload to add to the overriding
fact (`accounts.Approval.payload()`: both names), or None when the approval was refused or the
dialog closed. A file with no accounts needs no approval: it returns {} at once, as before.
"""

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import accounts
from desktop.models.accounts import Approval, Role
from desktop.models.clock import Clock
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS
from desktop.ui.wording import Role as ColourRole


class ApprovalDialog(QDialog):
    """Responsable's name + password; Entrée checks them (accounts.require_role)."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        clock: Clock,
        agent: str,
        action: str,
        parent: QWidget | None = None,
        minimum: Role = Role.RESPONSABLE,
    ) -> None:
        super().__init__(parent)
        self.db, self.clock, self.agent, self.action, self.minimum = (
            db,
            clock,
            agent,
            action,
            minimum,
        )
        self.approval: Approval | None = None
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Accord d'un responsable"))
        explain = QLabel(
            self.tr("« {action} » demande le mot de passe d'un responsable.").format(action=action),
            self,
        )
        explain.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("approverName")
        self.name_edit.setAccessibleName(self.tr("Nom du responsable"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("approverPassword")
        self.password_edit.setAccessibleName(self.tr("Mot de passe du responsable"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("approvalError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style())
        form = QFormLayout()
        form.addRow(self.tr("&Responsable :"), self.name_edit)
        form.addRow(self.tr("&Mot de passe :"), self.password_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Approuver"))
        ok.setObjectName("approveButton")
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def check(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self._error(self.tr("Saisissez le nom du responsable."))
            self.name_edit.setFocus()
            return
        result = accounts.require_role(
            self.db,
            name,
            self.password_edit.text(),
            self.clock,
            agent=self.agent,
            minimum=self.minimum,
            action=self.action,
        )
        self.password_edit.clear()
        if not result.ok:
            self._error(accounts.message(result))
            self.password_edit.setFocus()
            return
        self.approval = result
        self.accept()

    def _error(self, text: str) -> None:
        self.error_label.setText(f"{ICONS[ColourRole.ERROR]} {text}")


def ask_approval(
    parent: QWidget | None,
    db: sqlite_utils.Database,
    clock: Clock,
    agent: str,
    action: str,
    minimum: Role = Role.RESPONSABLE,
) -> dict[str, str] | None:
    """{} with no accounts in the file; the approval's payload; None if refused/cancelled."""
    if not accounts.has_accounts(db):
        return {}
    dialog = ApprovalDialog(db, clock, agent, action, parent, minimum)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.approval is not None:
            return dialog.approval.payload()
        return None
    finally:
        dialog.deleteLater()
