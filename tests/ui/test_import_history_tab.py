"""The office window's "Historique des imports" tab on real files: two desks prepared with
desk-init, one export merged through the window (listed with the window's agent as who merged
it; the other desk "aucun export reçu" in the error colour), then the second merged: both
appear. The history outlives the run; an import whose agent was not recorded shows "—"."""

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel

from desktop.models import journal
from desktop.models.merge import merge_exports
from desktop.models.storage import open_database
from desktop.ui import i18n
from desktop.ui.import_history_tab import ImportHistoryTab
from desktop.ui.office_window import OfficeWindow
from desktop.ui.tasks import InlinePool, TaskRunner
from desktop.ui.theme import error_colour
from tests.models.sync_support import export, make_desk, make_office, manifest_of, scan

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
HISTORY_TAB = 3


@pytest.fixture
def office(tmp_path, clock):
    return make_office(tmp_path, clock)


@pytest.fixture
def office_db(office):
    db = open_database(office)
    yield db
    db.close()


@pytest.fixture
def desks(office, tmp_path, clock):
    """Guichet 2 checks in two members and exports to usb-2; Guichet 3 one, to usb-3."""
    a = make_desk(office, tmp_path, "Guichet 2")
    b = make_desk(office, tmp_path, "Guichet 3")
    scan(a.db_path, clock, ref="DEMO-001")
    scan(a.db_path, clock, ref="DEMO-002")
    scan(b.db_path, clock, ref="DEMO-003", agent="Paul")
    receipts = (export(a, tmp_path / "usb-2", clock), export(b, tmp_path / "usb-3", clock))
    return a, b, receipts


def _window(qtbot, office_db, office, clock):
    desk = journal.local_desk(office_db, "Claire")
    win = OfficeWindow(office_db, office, desk, clock, TaskRunner(pool=InlinePool()))
    win.preview_documents = False
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
    return win


def _merge_folder(qtbot, monkeypatch, win, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL | SHIFT)


def _rows(model):
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def _show_history(qtbot, win) -> ImportHistoryTab:
    qtbot.keyClick(win, Qt.Key.Key_4, CTRL)
    assert win.tabs.currentIndex() == HISTORY_TAB
    assert QApplication.focusWidget() is win.history_tab.view
    return win.history_tab


def test_one_desk_merged_the_other_says_no_export_then_both(
    qtbot, monkeypatch, office_db, office, desks, tmp_path, clock
):
    _, _, (ra, _) = desks
    win = _window(qtbot, office_db, office, clock)
    tab = win.history_tab
    assert win.tabs.tabText(HISTORY_TAB) == "Historique des imports"
    assert tab.model.rowCount() == 0
    assert tab.visible_desk_lines() == [
        "Guichet 2 : aucun export reçu",
        "Guichet 3 : aucun export reçu",
    ]

    clock.advance(hours=9, minutes=30)  # 18:42 in Montpellier
    _merge_folder(qtbot, monkeypatch, win, tmp_path / "usb-2")
    tab = _show_history(qtbot, win)
    (row,) = _rows(tab.model)
    # "Claire": the window's agent (guichet --office FILE --agent Claire) merged it.
    assert row == (
        "11/11/2023 18:42",
        "Claire",
        "Guichet 2",
        ra.snapshot_path.name,
        "11/11/2023 09:12",
        "2",
        "2",
        "2",
        "aucune",
        ra.sha256[:12],
    )
    assert tab.visible_desk_lines() == [
        "Guichet 2 : dernier export importé le 11/11/2023 à 18:42 par Claire (n° 2)",
        "Guichet 3 : aucun export reçu",
    ]
    received, missing = tab.desk_labels[:2]
    assert error_colour() in missing.styleSheet() and missing.property("received") is False
    assert received.styleSheet() == "" and received.property("received") is True
    assert missing.accessibleName() == "Guichet 3 : aucun export reçu"
    assert tab.summary.text() == "1 export(s) importé(s) ; 1 poste(s) sur 2 sans export reçu."

    clock.advance(minutes=3)
    _merge_folder(qtbot, monkeypatch, win, tmp_path / "usb-3")
    tab = _show_history(qtbot, win)
    assert [(r[0], r[1], r[2], r[5]) for r in _rows(tab.model)] == [
        ("11/11/2023 18:45", "Claire", "Guichet 3", "1"),
        ("11/11/2023 18:42", "Claire", "Guichet 2", "2"),
    ]
    assert tab.visible_desk_lines() == [
        "Guichet 2 : dernier export importé le 11/11/2023 à 18:42 par Claire (n° 2)",
        "Guichet 3 : dernier export importé le 11/11/2023 à 18:45 par Claire (n° 1)",
    ]
    assert all(label.styleSheet() == "" for label in tab.desk_labels)
    assert tab.summary.text() == "2 export(s) importé(s) ; 0 poste(s) sur 2 sans export reçu."

    # The same folder again: "déjà importé" in this run's list, no new line in the history.
    _merge_folder(qtbot, monkeypatch, win, tmp_path / "usb-3")
    assert win.history_tab.model.rowCount() == 2


def test_history_of_earlier_runs_is_shown_at_opening(
    qtbot, monkeypatch, office_db, office, desks, tmp_path, clock
):
    _, _, (ra, rb) = desks
    merge_exports(office, [manifest_of(ra)], clock=clock, agent="Paul")
    merge_exports(office, [manifest_of(rb)], clock=clock)  # `guichet merge` without --agent
    win = _window(qtbot, office_db, office, clock)
    assert win.imports_model.rowCount() == 0  # this run's imports: none yet
    tab = _show_history(qtbot, win)
    assert [(r[1], r[2]) for r in _rows(tab.model)] == [("—", "Guichet 3"), ("Paul", "Guichet 2")]
    assert tab.visible_desk_lines() == [
        "Guichet 2 : dernier export importé le 11/11/2023 à 09:12 par Paul (n° 2)",
        "Guichet 3 : dernier export importé le 11/11/2023 à 09:12 (n° 1)",  # nobody named
    ]
    assert tab.view.objectName() == "importHistoryView"
    assert tab.view.accessibleName() == "Historique des imports"


def test_a_desk_prepared_in_the_window_appears_without_export(
    qtbot, monkeypatch, office_db, office, tmp_path, clock
):
    target = tmp_path / "guichet-5.sqlite"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Guichet 5", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    win = _window(qtbot, office_db, office, clock)
    assert win.history_tab.visible_desk_lines() == []
    assert win.history_tab.summary.text() == (
        "0 export(s) importé(s). Aucun poste inscrit : préparez-en un (Ctrl+N)."
    )
    qtbot.keyClick(win, Qt.Key.Key_N, CTRL)
    assert win.history_tab.visible_desk_lines() == ["Guichet 5 : aucun export reçu"]


def test_every_widget_of_the_tab_is_named(qtbot, monkeypatch, office_db, office, desks, clock):
    win = _window(qtbot, office_db, office, clock)
    tab = _show_history(qtbot, win)
    assert tab.objectName() == "importHistoryTab" and tab.accessibleName()
    for widget in (tab.summary, tab.desks_box, tab.view, *tab.findChildren(QLabel)):
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    assert [label.objectName() for label in tab.desk_labels] == [
        "importHistoryDesk1",
        "importHistoryDesk2",
    ]


def test_the_history_table_is_a_sound_model(
    qtbot, qtmodeltester, monkeypatch, office_db, office, desks, tmp_path, clock
):
    win = _window(qtbot, office_db, office, clock)
    _merge_folder(qtbot, monkeypatch, win, tmp_path / "usb-2")
    qtmodeltester.check(win.history_tab.model)


def test_the_tab_in_english(qtbot, qapp, monkeypatch, office_db, office, desks, tmp_path, clock):
    locale = QLocale()
    assert i18n.install_language(qapp, "en") == "en"
    try:
        clock.advance(hours=9, minutes=30)
        # Merged without an agent: the lines translated so far (the lines naming who merged
        # are new and wait for the English translation).
        merge_exports(office, [manifest_of(desks[2][0])], clock=clock)
        win = _window(qtbot, office_db, office, clock)
        tab = win.history_tab
        assert win.tabs.tabText(HISTORY_TAB) == "Import history"
        assert tab.visible_desk_lines() == [
            "Guichet 2: last export imported on 11/11/2023 at 18:42 (no. 2)",
            "Guichet 3: no export received",
        ]
        assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Imported on"
        assert _rows(tab.model)[0][1] == "—"
        assert _rows(tab.model)[0][8] == "none"
    finally:  # back to the French source text for the tests that follow
        for translator in qapp.findChildren(QTranslator, "guichetTranslator"):
            qapp.removeTranslator(translator)
            translator.setObjectName("")
        QLocale.setDefault(locale)
