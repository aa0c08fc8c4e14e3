"""A responsable's password on the spot: both names in the payload; none needed without accounts."""

import pytest
from PySide6.QtCore import Qt

from desktop.models import accounts
from desktop.models.accounts import Role
from desktop.ui.approval import ApprovalDialog, ask_approval
from desktop.ui.privacy import PrivacyMode, mask_name
from tests.ui.conftest import type_text

PASSWORD = "Tr3s-Long-Secret!"


@pytest.fixture
def staff(demo_db, clock):
    accounts.create_account(demo_db, "Léa", Role.ACCUEIL, PASSWORD, clock)
    accounts.create_account(demo_db, "Bruno", Role.RESPONSABLE, PASSWORD, clock, by="Léa")


def _dialog(qtbot, demo_db, clock):
    dialog = ApprovalDialog(demo_db, clock, "Léa", "second passage repas")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(qtbot, dialog, name, password):
    dialog.name_edit.clear()
    dialog.name_edit.setFocus()
    type_text(dialog.name_edit, name)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    type_text(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_a_responsable_approves_with_both_names(qtbot, demo_db, clock, staff):
    dialog = _dialog(qtbot, demo_db, clock)
    _type(qtbot, dialog, "Bruno", PASSWORD)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.approval.payload() == {
        "approved_by": "Bruno",
        "approver_role": "responsable",
        "agent": "Léa",
    }
    (payload,) = demo_db.execute(
        "SELECT payload FROM events WHERE kind = 'account.approve'"
    ).fetchone()
    assert "second passage repas" in payload


def test_an_accueil_agent_or_a_wrong_password_is_refused(qtbot, demo_db, clock, staff):
    dialog = _dialog(qtbot, demo_db, clock)
    _type(qtbot, dialog, "Léa", PASSWORD)
    assert dialog.isVisible() and dialog.approval is None
    assert "Il faut le mot de passe d'un responsable." in dialog.error_label.text()
    _type(qtbot, dialog, "Bruno", "faux")
    assert "Mot de passe incorrect. Encore 4 essais" in dialog.error_label.text()
    assert dialog.password_edit.text() == ""


def test_no_accounts_no_approval_needed(demo_db, clock):
    assert ask_approval(None, demo_db, clock, "Martin", "second passage repas") == {}


def test_mask_name_and_privacy_mode(qtbot):
    assert mask_name("Émilie DUBOIS") == "É. D."
    assert mask_name("Jean-Pierre  de la TOUR") == "J.-P. D. L. T."
    assert mask_name("") == ""
    mode = PrivacyMode()
    assert mode.name("Émilie DUBOIS") == "Émilie DUBOIS"
    with qtbot.waitSignal(mode.toggled) as blocker:
        mode.toggle()
    assert blocker.args == [True] and mode.name("Émilie DUBOIS") == "É. D."
    assert mode.text("Bienvenue, Émilie DUBOIS", "Émilie DUBOIS") == "Bienvenue, É. D."
