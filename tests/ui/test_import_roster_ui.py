"""Importing a roster from the check-in screen: a background task, then a report in French."""

from PySide6.QtWidgets import QFileDialog

from desktop.models import members
from desktop.ui.import_report import ImportReportDialog


def reports_shown(monkeypatch) -> list[ImportReportDialog]:
    """The import reports the window opens (modal, as at the desk), each closed at once."""
    shown: list[ImportReportDialog] = []
    monkeypatch.setattr(ImportReportDialog, "exec", lambda self: shown.append(self) or 0)
    return shown


def test_import_from_the_menu_updates_the_roster(qtbot, window, demo_db, tmp_path, monkeypatch):
    roster = tmp_path / "liste.csv"
    roster.write_text(
        "Nom;Prénom;Commune;Code postal;E-mail\r\n"
        "NOUVEL;Aurélie;St Jean de Vedas;34430;aurelie@example.org\r\n",
        encoding="cp1252",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    shown = reports_shown(monkeypatch)
    window.import_action.trigger()
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
