"""Ctrl+I with a roster saved by LibreOffice Calc: the dialog offers .ods, the import reports."""

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.models import members

CALC_ROSTER = Path(__file__).parents[1] / "data" / "rosters" / "calc-liste.ods"


def test_ctrl_i_offers_ods_rosters_and_imports_one(qtbot, window, demo_db, tmp_path, monkeypatch):
    roster = shutil.copy(CALC_ROSTER, tmp_path / "tirage.ods")
    filters: list[str] = []

    def choose(parent, caption, folder, name_filter, *rest):  # type: ignore[no-untyped-def]
        filters.append(name_filter)
        return str(roster), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append("WARN " + a[2]))
    qtbot.keyClick(window.scan_field, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    # The first filter, the one the dialog shows, lists the OpenDocument spreadsheet.
    assert "*.ods" in filters[0].split(";;")[0]
    assert len(shown) == 1 and not shown[0].startswith("WARN"), shown
    assert "Import de « tirage.ods » réussi" in shown[0]
    assert "Nouveaux : 4" in shown[0] and "« Coordonnées »" in shown[0]
    surnames = {m.surname for m in members.all_members(demo_db)}
    assert {"ALBERT", "BOUSQUET", "CAMBON", "DELMAS"} <= surnames
    assert window.scan_field.hasFocus()
