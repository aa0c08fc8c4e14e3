"""The question before an override (a second meal pass, a ticket not needed...): a typed reason,
then, once the file has accounts, a responsable's password on the spot. Shared by the hand-out
panel (members) and the guest meal form, so that both record the same thing.

`ask_override_reason(parent, db, clock, agent, prompt)` returns the reason to record — naming
the approver when there is one: "pass perdu (accord : Claire)" — or None when nothing was
typed, the question was cancelled or the approval refused: then nothing is to be recorded.
"""

import sqlite_utils
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.models.clock import Clock
from desktop.ui.approval import ask_approval
from desktop.ui.controls import literal


def tr(text: str) -> str:
    return QCoreApplication.translate("override_reason", text)


def ask_override_reason(
    parent: QWidget | None,
    db: sqlite_utils.Database,
    clock: Clock,
    agent: str,
    prompt: str,
    title: str | None = None,
) -> str | None:
    """Ask the reason (`prompt`, plain text, says what happened), then the approval; None:
    record nothing."""
    # The question's label names its field, so Qt reads '&' as an Alt letter: a product, a
    # guest or an agent named with one ("Aller & retour") is shown as typed, here for every
    # caller (the hand-out panel, the guest meal form).
    text, ok = QInputDialog.getText(parent, title or tr("Remettre quand même ?"), literal(prompt))
    reason = " ".join(text.split()) if ok else ""
    if not reason:
        return None
    # Once the file has accounts, an override needs a responsable on the spot: the approval is
    # its own fact (account.approve, both names), and the override's reason names the
    # approver too.
    approval = ask_approval(parent, db, clock, agent, reason)
    if approval is None:
        return None
    approver = approval.get("approved_by")
    return f"{reason} (accord : {approver})" if approver else reason
