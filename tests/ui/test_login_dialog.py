"""The agent's password at start, typed on the keyboard, and the start-up helper."""

import pytest
from PySide6.QtCore import Qt

from desktop.models import accounts
from desktop.models.accounts import Role
from desktop.ui import login_dialog
from desktop.ui.login_dialog import REFUSED, LoginDialog, login_for_start
from tests.ui.conftest import type_text

PASSWORD = "Tr3s-Long-Secret!"


@pytest.fixture
def lea(demo_db, clock):
    return accounts.create_account(demo_db, "Léa Girard", Role.ACCUEIL, PASSWORD, clock)


def test_wrong_then_right_password(qtbot, demo_db, clock, lea):
    dialog = LoginDialog(demo_db, clock, "Léa Girard")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.password_edit.hasFocus)
    type_text(dialog.password_edit, "faux")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.account is None
    assert "Encore 4 essais" in dialog.error_label.text()
    assert dialog.password_edit.text() == ""
    type_text(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.name == "Léa Girard"


def test_name_chosen_from_the_list_and_unknown_agent(qtbot, demo_db, clock, lea):
    accounts.create_account(demo_db, "Bruno", Role.RESPONSABLE, PASSWORD, clock, by="Léa Girard")
    dialog = LoginDialog(demo_db, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.agent_combo.itemText(i) for i in range(2)] == ["Bruno", "Léa Girard"]
    dialog.agent_combo.lineEdit().selectAll()
    type_text(dialog.agent_combo.lineEdit(), "Personne")
    qtbot.keyClick(dialog.agent_combo, Qt.Key.Key_Tab)
    type_text(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.error_label.text().endswith("Agent inconnu dans ce fichier.")
    dialog.agent_combo.lineEdit().selectAll()
    type_text(dialog.agent_combo.lineEdit(), "bruno")
    qtbot.keyClick(dialog.agent_combo, Qt.Key.Key_Tab)
    type_text(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.account is not None and dialog.account.name == "Bruno"


def test_five_failures_lock_the_account_until_a_time(qtbot, demo_db, clock, lea):
    dialog = LoginDialog(demo_db, clock, "Léa Girard")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(5):
        type_text(dialog.password_edit, "faux")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert "Compte verrouillé après 5 échecs jusqu'à 09:27" in dialog.error_label.text()


def test_start_helper(demo_db, clock, tmp_path, lea, db_path):
    right, wrong = tmp_path / "ok.txt", tmp_path / "ko.txt"
    right.write_text(PASSWORD + "\n", encoding="utf-8")
    wrong.write_text("faux\n", encoding="utf-8")
    account = login_for_start(demo_db, "léa girard", right, clock)
    assert account is not None and account != REFUSED and account.name == "Léa Girard"
    assert login_for_start(demo_db, "Léa Girard", wrong, clock) == REFUSED
    assert login_dialog.last_refusal.startswith("Mot de passe incorrect.")
    assert login_for_start(demo_db, None, right, clock) == REFUSED
    assert login_for_start(demo_db, "Léa Girard", tmp_path / "absent", clock) == REFUSED
    assert "illisible" in login_dialog.last_refusal


def test_no_accounts_opens_as_before(demo_db, clock):
    assert login_for_start(demo_db, "Martin", None, clock) is None
