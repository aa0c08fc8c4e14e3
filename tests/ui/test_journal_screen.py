"""The journal screen on a real file: filters typed on the keyboard, pages, CSV read back,
and the hash chain said at the top (intact, then edited behind the app's back)."""

import csv
import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.models import checkin, journal_view
from desktop.models.clock import PARIS
from desktop.models.convention import get_session
from desktop.models.journal import local_desk
from desktop.models.members import all_members, current_badge
from desktop.ui.journal_screen import COL_AGENT, COL_KIND, COL_MEMBER, JournalScreen
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import type_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def facts(demo_db, clock):
    session = get_session(demo_db, "we1-samedi")
    start = clock()
    for index, member in enumerate(all_members(demo_db)):
        if member.status == "retiré":
            continue
        desk = local_desk(demo_db, "Martin" if index % 2 else "Léa")
        checkin.check_in(demo_db, current_badge(demo_db, member.id), session, desk, clock)
        clock.advance(minutes=1)
    (count,) = demo_db.execute("SELECT COUNT(*) FROM events WHERE kind = 'checkin'").fetchone()
    assert count == 39
    return start


@pytest.fixture
def screen(qtbot, demo_db, clock, db_path, facts):
    dialog = JournalScreen(demo_db, clock, TaskRunner(pool=InlinePool()), db_path)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def column(screen, col):
    model = screen.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def test_model_and_chain_state(qtmodeltester, screen):
    qtmodeltester.check(screen.model)
    assert screen.chain_label.text().startswith("✔ Guichet démo : Journal intact : 39 faits")
    assert screen.count_label.text() == "39 faits"
    assert column(screen, COL_KIND)[0] == "Émargement"


def test_member_filter_typed_without_accents(qtbot, screen):
    qtbot.keyClick(screen, Qt.Key.Key_M, ALT)
    assert screen.member_edit.hasFocus()
    type_text(screen.member_edit, "emilie dub")
    qtbot.waitUntil(lambda: screen.count_label.text() == "1 fait")
    assert column(screen, COL_MEMBER) == ["Émilie DUBOIS"]


def test_agent_and_kind_filters_by_keyboard(qtbot, screen):
    qtbot.keyClick(screen, Qt.Key.Key_A, ALT)
    assert screen.agent_combo.hasFocus()
    qtbot.keyClick(screen.agent_combo, Qt.Key.Key_Down)  # "Léa"
    qtbot.waitUntil(lambda: screen.current_filter().agent == "Léa")
    screen.apply_filter()
    lea = screen.count_label.text()
    assert lea in ("19 faits", "20 faits")
    assert set(column(screen, COL_AGENT)) == {"Léa"}
    qtbot.keyClick(screen, Qt.Key.Key_F, ALT)
    assert screen.kind_combo.currentText() == "Tous les faits"
    qtbot.keyClick(screen.kind_combo, Qt.Key.Key_Down)
    assert screen.kind_combo.currentText() == "Émargement"
    qtbot.waitUntil(lambda: screen.current_filter().kind == "checkin")
    screen.apply_filter()
    assert screen.count_label.text() == lea


def test_time_range(qtbot, screen, facts):
    since = (facts + timedelta(minutes=10)).astimezone(PARIS)
    screen.since_edit.setDateTime(
        QDateTime(since.year, since.month, since.day, since.hour, since.minute, 0)
    )
    until = since + timedelta(minutes=5)
    screen.until_edit.setDateTime(
        QDateTime(until.year, until.month, until.day, until.hour, until.minute, 0)
    )
    qtbot.waitUntil(lambda: screen.count_label.text() == "5 faits")
    assert all(t.startswith("11/11/2023 09:2") for t in column(screen, 0))


def test_pages_are_fetched_as_the_view_scrolls(qtbot, demo_db, clock, db_path, facts, monkeypatch):
    monkeypatch.setattr(journal_view, "PAGE_SIZE", 15)
    dialog = JournalScreen(demo_db, clock, TaskRunner(pool=InlinePool()), db_path)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 15 and dialog.model.canFetchMore()
    while dialog.model.canFetchMore():
        dialog.model.fetchMore()
    ids = [row.event_id for row in dialog.model.rows]
    assert len(ids) == len(set(ids)) == 39


def test_csv_export_written_and_read_back(qtbot, screen, tmp_path, monkeypatch):
    target = tmp_path / "journal.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    type_text(screen.member_edit, "roussel")
    qtbot.waitUntil(lambda: screen.count_label.text() == "1 fait")
    with qtbot.waitSignal(screen.exported) as done:
        qtbot.keyClick(screen.member_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [str(target), 1]
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:4] == ["Heure (Paris)", "Poste", "Agent", "Fait"]
    assert rows[1][3] == "Émargement" and rows[1][4] == "Camille ROUSSEL"
    assert "exportés" in screen.status_label.text()


def test_an_edited_row_is_named_at_the_top(qtbot, demo_db, clock, db_path, facts):
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET agent = 'Personne' WHERE seq = 3")
    conn.commit()
    conn.close()
    dialog = JournalScreen(demo_db, clock, TaskRunner(pool=InlinePool()), db_path)
    qtbot.addWidget(dialog)
    text = dialog.chain_label.text()
    assert text.startswith("✖ Guichet démo : Journal modifié après coup : le fait n° 3")


def test_kinds_of_fact_in_english_on_screen_french_in_the_csv(
    qapp, qtbot, demo_db, clock, db_path, facts
):
    from desktop.ui import i18n
    from tests.ui.test_translations import _remove_languages

    try:
        assert i18n.install_language(qapp, "en") == "en"
        dialog = JournalScreen(demo_db, clock, TaskRunner(pool=InlinePool()), db_path)
        qtbot.addWidget(dialog)
        dialog.show()
        kinds = set(column(dialog, COL_KIND))
        choices = [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())]
    finally:
        _remove_languages(qapp)  # the other tests read the French source text
    assert kinds == {"Check-in"}
    assert "Check-in" in choices
    assert journal_view.kind_words("checkin") == "Émargement"  # the office's CSV stays French
