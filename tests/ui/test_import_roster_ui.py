"""Importing a roster from the check-in screen: a background task, then a report in French."""

from PySide6.QtWidgets import QFileDialog

from desktop.models import members
from desktop.ui.import_report import ImportReportDialog, WithdrawConfirmation


def reports_shown(monkeypatch) -> list[ImportReportDialog]:
    """The import reports the window opens (modal, as at the desk), each closed at once."""
    shown: list[ImportReportDialog] = []
    monkeypatch.setattr(ImportReportDialog, "exec", lambda self: shown.append(self) or 0)
    return shown


def withdrawals_answered(monkeypatch, *, confirm: bool) -> list[WithdrawConfirmation]:
    """The confirmations asked before withdrawing most members, each answered by a click on
    "Retirer ces membres et importer" (confirm) or "Annuler"."""
    asked: list[WithdrawConfirmation] = []

    def answer(box: WithdrawConfirmation) -> int:
        asked.append(box)
        (box.withdraw_button if confirm else box.cancel_button).click()
        return 0

    monkeypatch.setattr(WithdrawConfirmation, "exec", answer)
    return asked


def test_import_from_the_menu_updates_the_roster(qtbot, window, demo_db, tmp_path, monkeypatch):
    roster = tmp_path / "liste.csv"
    roster.write_text(
        "Nom;Prénom;Commune;Code postal;E-mail\r\n"
        "NOUVEL;Aurélie;St Jean de Vedas;34430;aurelie@example.org\r\n",
        encoding="cp1252",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    shown = reports_shown(monkeypatch)
    asked = withdrawals_answered(monkeypatch, confirm=True)  # the 39 demo members leave
    window.import_action.trigger()
    assert len(asked) == 1 and "retirerait 39 des 39 membres attendus" in asked[0].text()
    assert len(shown) == 1 and shown[0].report.ok
    assert shown[0].headline.text().startswith("✔ Import de « liste.csv » réussi")
    assert "E-mail" in shown[0].text()  # the column dropped, never stored, is said
    names = [m.surname for m in members.all_members(demo_db)]
    assert "NOUVEL" in names
    assert window.scan_field.hasFocus()


def test_a_roster_with_errors_changes_nothing(qtbot, window, demo_db, tmp_path, monkeypatch):
    roster = tmp_path / "liste.csv"
    roster.write_text("Nom;Prénom;Commune\nDUPONT;Jean;Paris\n", encoding="utf-8")
    before = len(members.all_members(demo_db))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    shown = reports_shown(monkeypatch)
    window.import_action.trigger()
    assert shown and not shown[0].report.ok
    assert shown[0].headline.text().startswith("✖ Import de « liste.csv » refusé")
    assert "ligne 2" in shown[0].summary.text() and "Paris" in shown[0].summary.text()
    assert window.scan_field.hasFocus()
    assert len(members.all_members(demo_db)) == before


def test_withdrawing_most_members_asks_and_annuler_changes_nothing(
    qtbot, window, demo_db, tmp_path, monkeypatch
):
    roster = tmp_path / "suppleants.csv"  # the substitutes' list alone, by mistake
    roster.write_text("Nom;Prénom;Commune\nNOUVEL;Aurélie;Lattes\n", encoding="utf-8")
    before = sorted((m.id, m.status) for m in members.all_members(demo_db))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    shown = reports_shown(monkeypatch)
    asked = withdrawals_answered(monkeypatch, confirm=False)
    window.import_action.trigger()
    assert len(asked) == 1 and shown == []
    assert "Les noms sont dans le détail" in asked[0].informativeText()
    assert "Émilie DUBOIS (Clapiers)" in asked[0].detailedText()
    assert sorted((m.id, m.status) for m in members.all_members(demo_db)) == before
    assert window.import_action.isEnabled() and window.scan_field.hasFocus()


def test_the_confirmation_defaults_to_annuler(qtbot, demo_db, tmp_path, clock):
    """Entrée on the question as it opens answers "Annuler": nothing is withdrawn by reflex."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.models.roster import import_roster

    roster = tmp_path / "suppleants.csv"
    roster.write_text("Nom;Prénom;Commune\nNOUVEL;Aurélie;Lattes\n", encoding="utf-8")
    report = import_roster(demo_db, roster, clock)
    box = WithdrawConfirmation(report)
    qtbot.addWidget(box)
    QTimer.singleShot(
        0, lambda: qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return)
    )
    box.exec()
    assert box.clickedButton() is box.cancel_button
