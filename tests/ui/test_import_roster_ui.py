"""Importing a roster from the check-in screen: a background task, then a report in French."""

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.models import members


def test_import_from_the_menu_updates_the_roster(qtbot, window, demo_db, tmp_path, monkeypatch):
    roster = tmp_path / "liste.csv"
    roster.write_text(
        "Nom;Prénom;Commune;Code postal;E-mail\r\n"
        "NOUVEL;Aurélie;St Jean de Vedas;34430;aurelie@example.org\r\n",
        encoding="cp1252",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append("WARN " + a[2]))
    window.import_action.trigger()
    assert len(shown) == 1 and not shown[0].startswith("WARN")
    assert "E-mail" in shown[0]
    names = [m.surname for m in members.all_members(demo_db)]
    assert "NOUVEL" in names
    assert window.scan_field.hasFocus()


def test_a_roster_with_errors_changes_nothing(qtbot, window, demo_db, tmp_path, monkeypatch):
    roster = tmp_path / "liste.csv"
    roster.write_text("Nom;Prénom;Commune\nDUPONT;Jean;Paris\n", encoding="utf-8")
    before = len(members.all_members(demo_db))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.import_action.trigger()
    assert shown and "ligne 2" in shown[0] and "Paris" in shown[0]
    assert len(members.all_members(demo_db)) == before
