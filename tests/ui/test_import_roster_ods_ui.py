"""Ctrl+I with a roster saved by LibreOffice Calc: the dialog offers .ods, the import reports."""

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.models import members
from tests.ui.test_import_roster_ui import reports_shown, withdrawals_answered

CALC_ROSTER = Path(__file__).parents[1] / "data" / "rosters" / "calc-liste.ods"


def test_ctrl_i_offers_ods_rosters_and_imports_one(qtbot, window, demo_db, tmp_path, monkeypatch):
    roster = shutil.copy(CALC_ROSTER, tmp_path / "tirage.ods")
    filters: list[str] = []

    def choose(parent, caption, folder, name_filter, *rest):  # type: ignore[no-untyped-def]
        filters.append(name_filter)
        return str(roster), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    shown = reports_shown(monkeypatch)
    withdrawals_answered(monkeypatch, confirm=True)  # the demo's members are not in the file
    qtbot.keyClick(window.scan_field, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    # The first filter, the one the dialog shows, lists the OpenDocument spreadsheet.
    assert "*.ods" in filters[0].split(";;")[0]
    assert len(shown) == 1 and shown[0].report.ok, shown[0].text()
    text = shown[0].text()
    assert "Import de « tirage.ods » réussi" in text
    assert "Nouveaux : 4" in text and "« Coordonnées »" in text
    surnames = {m.surname for m in members.all_members(demo_db)}
    assert {"ALBERT", "BOUSQUET", "CAMBON", "DELMAS"} <= surnames
    assert window.scan_field.hasFocus()
