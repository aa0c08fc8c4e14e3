"""The office window on real files: exports of real desks merged, conflicts resolved by the
keyboard with a reason (both facts stay), anomalies listed, a desk prepared, reports written."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from desktop.models import journal
from desktop.models.convention import get_session
from desktop.models.meals import give_meal_pass
from desktop.models.storage import open_database
from desktop.ui.office_window import OfficeWindow, run_office
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.models.sync_support import SESSION, export, make_desk, make_office, member_id, scan
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def office(tmp_path, clock):
    return make_office(tmp_path, clock)


def meal(desk_path, clock, agent):
    """A real meal pass for member 17 at a desk (meals.give_meal_pass)."""
    db = open_database(desk_path)
    try:
        desk = journal.local_desk(db, agent)
        session = get_session(db, SESSION)
        result = give_meal_pass(db, member_id(db), session, desk, clock)
        assert result.recorded
        return result.event_id
    finally:
        db.close()


@pytest.fixture
def two_desks(office, tmp_path, clock):
    """Guichet 2 (Martin) and Guichet 3 (Paul) both check in member 17 and give a meal pass."""
    a = make_desk(office, tmp_path, "Guichet 2")
    b = make_desk(office, tmp_path, "Guichet 3")
    scan(a.db_path, clock, agent="Martin")
    meal(a.db_path, clock, "Martin")
    clock.advance(minutes=7)
    scan(b.db_path, clock, agent="Paul")
    meal(b.db_path, clock, "Paul")
    usb = tmp_path / "usb"
    receipts = [export(a, usb, clock), export(b, usb, clock)]
    return a, b, usb, receipts


@pytest.fixture
def office_db(office):
    db = open_database(office)
    yield db
    db.close()


def _window(qtbot, office_db, office, clock, tasks=None):
    desk = journal.local_desk(office_db, "Claire")
    win = OfficeWindow(office_db, office, desk, clock, tasks or TaskRunner(pool=InlinePool()))
    win.preview_documents = False
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
    return win


def _rows(model):
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def _folder(monkeypatch, folder):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))


def test_import_a_usb_folder_lists_one_line_per_file_then_already_imported(
    qtbot, monkeypatch, office_db, office, two_desks, clock
):
    _, _, usb, _ = two_desks
    _folder(monkeypatch, usb)
    win = _window(qtbot, office_db, office, clock)
    assert win.tabs.tabText(1) == "Conflits (0)"
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL | SHIFT)

    rows = _rows(win.imports_model)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("importé", "Guichet 2", "2"),
        ("importé", "Guichet 3", "2"),
    ]
    assert all(r[0].endswith(".manifest.json") for r in rows)
    assert win.message.text() == (
        "Fusion : 2 importé(s), 0 déjà importé(s), 0 refusé(s) ; 2 conflit(s) ouvert(s)."
    )
    assert win.tabs.tabText(1) == "Conflits (2)"

    qtbot.keyClick(win, Qt.Key.Key_O, CTRL | SHIFT)
    assert [r[1] for r in _rows(win.imports_model)][:2] == ["déjà importé", "déjà importé"]
    (count,) = office_db.execute("SELECT COUNT(*) FROM events").fetchone()
    assert count == 4


def test_refused_files_say_why(qtbot, monkeypatch, office_db, office, tmp_path, clock):
    stranger = make_desk(office, tmp_path, "Guichet pirate", register=False)
    scan(stranger.db_path, clock)
    receipt = export(stranger, tmp_path / "autre", clock)
    truncated = tmp_path / "tronque"
    truncated.mkdir()
    genuine = make_desk(office, tmp_path, "Guichet 4")
    scan(genuine.db_path, clock)
    good = export(genuine, tmp_path / "bon", clock)
    for path in good.paths:
        shutil.copyfile(path, truncated / path.name)
    snapshot = truncated / good.snapshot_path.name
    snapshot.write_bytes(snapshot.read_bytes()[:-1])
    chosen = [receipt.manifest_path, truncated / good.manifest_path.name]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in chosen], "")
    )
    win = _window(qtbot, office_db, office, clock)
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL)
    results = [r[1] for r in _rows(win.imports_model)]
    assert results == ["refusé : poste inconnu", "refusé : fichier tronqué"]
    assert office_db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_conflicts_show_both_facts_and_resolve_by_keyboard(
    qtbot, monkeypatch, office_db, office, two_desks, clock
):
    _, _, usb, _ = two_desks
    _folder(monkeypatch, usb)
    win = _window(qtbot, office_db, office, clock)
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL | SHIFT)
    conflicts = _rows(win.conflicts_model)
    assert sorted(c[0] for c in conflicts) == [
        "deux repas pour un déjeuner",
        "émargé à deux guichets",
    ]
    checkin_row = next(c for c in conflicts if c[0] == "émargé à deux guichets")
    assert checkin_row[1] == "Maël PERRIN"
    assert checkin_row[3] == "Guichet 2 — Martin — 11/11/2023 09:12"
    assert checkin_row[4] == "Guichet 3 — Paul — 11/11/2023 09:19"

    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    assert QApplication.focusWidget() is win.conflicts_view
    row = [c[0] for c in conflicts].index("émargé à deux guichets")
    win.conflicts_view.selectRow(row)
    conflict = win.selected_conflict()
    qtbot.keyClick(win.conflicts_view, Qt.Key.Key_Return)
    dialog = win.resolve_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.keep_first)
    qtbot.keyClick(dialog, Qt.Key.Key_2)
    assert dialog.keep_second.isChecked()
    ok = dialog.findChild(type(win.resolve_button), "resolveOk")
    assert not ok.isEnabled()  # no reason yet
    dialog.reason_field.setFocus()
    type_text(dialog.reason_field, "le membre est passé au guichet 3 après une erreur")
    assert ok.isEnabled()
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert win.message.text() == (
        "✔ Conflit résolu (émargé à deux guichets, Maël PERRIN) : motif noté."
    )
    assert [c[0] for c in _rows(win.conflicts_model)] == ["deux repas pour un déjeuner"]
    assert win.tabs.tabText(1) == "Conflits (1)"
    first, second = conflict.first.event_id, conflict.second.event_id
    both = office_db.execute(
        "SELECT COUNT(*) FROM events WHERE id IN (?, ?)", [first, second]
    ).fetchone()
    assert both == (2,)  # nothing is deleted
    void = office_db.execute(
        "SELECT target_id, agent, json_extract(payload, '$.reason') FROM events WHERE kind = 'void'"
    ).fetchall()
    assert void == [(first, "Claire", "le membre est passé au guichet 3 après une erreur")]


def test_escape_leaves_the_conflict_open(qtbot, monkeypatch, office_db, office, two_desks, clock):
    _, _, usb, _ = two_desks
    _folder(monkeypatch, usb)
    win = _window(qtbot, office_db, office, clock)
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL | SHIFT)
    qtbot.keyClick(win, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(win, Qt.Key.Key_R, CTRL)
    dialog = win.resolve_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert win.conflicts_model.rowCount() == 2
    assert office_db.execute("SELECT COUNT(*) FROM events WHERE kind = 'void'").fetchone() == (0,)


def test_encrypted_archive_asks_the_passphrase(
    qtbot, monkeypatch, office_db, office, tmp_path, clock
):
    desk = make_desk(office, tmp_path, "Guichet 2")
    scan(desk.db_path, clock)
    archive = export(desk, tmp_path / "cle", clock, passphrase="cheval agrafé 2023").archive_path
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(archive)], ""))
    answers = iter([("mauvaise phrase", True), ("cheval agrafé 2023", True)])
    asked = []
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or next(answers)
    )
    win = _window(qtbot, office_db, office, clock)
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL)
    assert [r[1] for r in _rows(win.imports_model)] == ["refusé : phrase secrète incorrecte"]
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL)
    assert [r[1] for r in _rows(win.imports_model)] == [
        "importé",
        "refusé : phrase secrète incorrecte",
    ]
    assert len(asked) == 2 and "autre canal" in asked[0]


def test_copied_desk_file_shows_in_anomalies(
    qtbot, monkeypatch, office_db, office, tmp_path, clock
):
    a = make_desk(office, tmp_path, "Guichet 2")
    scan(a.db_path, clock, ref="DEMO-001")
    twin = tmp_path / "twin"
    twin.mkdir()
    shutil.copyfile(a.db_path, twin / a.db_path.name)
    shutil.copyfile(a.key_path, twin / a.key_path.name)
    scan(a.db_path, clock, ref="DEMO-002")
    scan(twin / a.db_path.name, clock, ref="DEMO-003")
    usb = tmp_path / "usb"
    genuine = export(a, usb, clock)
    clock.advance(minutes=1)
    copy = export(twin / a.db_path.name, usb, clock)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *a, **k: ([str(genuine.manifest_path), str(copy.manifest_path)], ""),
    )
    win = _window(qtbot, office_db, office, clock)
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL)
    lines = _rows(win.imports_model)
    assert lines[1][1] == "importé" and "poste copié" in lines[1][4]
    assert win.tabs.tabText(2) == "Anomalies (1)"
    ((label, desk, seq, kind, *_),) = _rows(win.anomalies_model)
    assert (label, desk, seq, kind) == (
        "fichier de guichet copié sur un second poste",
        "Guichet 2",
        "2",
        "checkin",
    )
    qtbot.keyClick(win, Qt.Key.Key_3, CTRL)
    assert win.tabs.currentIndex() == 2 and QApplication.focusWidget() is win.anomalies_view


def test_prepare_a_desk_from_the_office_file(
    qtbot, monkeypatch, office_db, office, tmp_path, clock
):
    target = tmp_path / "guichet-5.sqlite"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Guichet 5", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    win = _window(qtbot, office_db, office, clock)
    qtbot.keyClick(win, Qt.Key.Key_N, CTRL)
    assert target.is_file() and Path(str(target) + ".key").is_file()
    assert win.message.text().startswith(f"✔ Poste « Guichet 5 » préparé : {target}")
    (label,) = office_db.execute(
        "SELECT label FROM desks WHERE label = 'Guichet 5' AND public_key IS NOT NULL"
    ).fetchone()
    assert label == "Guichet 5"
    # A second desk with the same name is refused in French, nothing is made.
    other = tmp_path / "guichet-5-bis.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    qtbot.keyClick(win, Qt.Key.Key_N, CTRL)
    assert win.message.text().startswith("✖ Opération impossible : ")
    assert not other.exists()


def test_reports_of_a_weekend_are_written_in_a_task(
    qtbot, monkeypatch, office_db, office, two_desks, tmp_path, clock
):
    _, _, usb, _ = two_desks
    _folder(monkeypatch, usb)
    win = _window(qtbot, office_db, office, clock)
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL | SHIFT)
    out = tmp_path / "rapports"
    out.mkdir()
    _folder(monkeypatch, out)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Week-end 1", True))
    qtbot.keyClick(win, Qt.Key.Key_R, CTRL | SHIFT)
    assert win.message.text().startswith("✔ Rapport écrit : ")
    assert (out / "rapport-we1.pdf").is_file()
    assert win.last_report_files.report.scope.weekend == 1


def test_merge_on_a_real_worker_thread(qtbot, monkeypatch, office_db, office, two_desks, clock):
    _, _, usb, _ = two_desks
    _folder(monkeypatch, usb)
    tasks = TaskRunner()
    win = _window(qtbot, office_db, office, clock, tasks)
    with qtbot.waitSignal(tasks.finished, timeout=30_000):
        qtbot.keyClick(win, Qt.Key.Key_O, CTRL | SHIFT)
    assert [r[1] for r in _rows(win.imports_model)] == ["importé", "importé"]
    assert win.conflicts_model.rowCount() == 2


def test_the_tables_are_sound_models(
    qtbot, qtmodeltester, monkeypatch, office_db, office, two_desks, clock
):
    _, _, usb, _ = two_desks
    _folder(monkeypatch, usb)
    win = _window(qtbot, office_db, office, clock)
    qtbot.keyClick(win, Qt.Key.Key_O, CTRL | SHIFT)
    for model in (win.imports_model, win.conflicts_model, win.anomalies_model):
        qtmodeltester.check(model)


def test_run_office_refuses_a_missing_file_in_french(tmp_path, capsys):
    assert run_office(tmp_path / "absent.sqlite", "Claire") == 2
    assert "Fichier du bureau introuvable" in capsys.readouterr().err


def _with_account_and_wrong_password(tmp_path, office, clock):
    from desktop.models import accounts

    db = open_database(office)
    accounts.create_account(db, "Claire", accounts.Role.BUREAU, "Bureau-secret-2023", clock)
    db.close()
    wrong = tmp_path / "mot-de-passe.txt"
    wrong.write_text("pas-le-bon-mot-de-passe\n", encoding="utf-8")
    return wrong


def test_guichet_office_passes_its_password_file_to_the_login(tmp_path, office, clock):
    import os
    import subprocess
    import sys

    wrong = _with_account_and_wrong_password(tmp_path, office, clock)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--office", str(office), "--agent", "Claire",
         "--password-file", str(wrong)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 2 and "mot de passe" in done.stderr.lower()


def test_run_office_with_accounts_refuses_a_wrong_password_and_opens_nothing(
    tmp_path, office, clock, capsys
):
    wrong = _with_account_and_wrong_password(tmp_path, office, clock)
    assert run_office(office, "Claire", password_file=wrong) == 2
    assert "mot de passe" in capsys.readouterr().err.lower()
    shown = QApplication.topLevelWidgets()
    assert not any(isinstance(w, OfficeWindow) and w.isVisible() for w in shown)
    # The failed attempt is in the log (it counts towards the lock-out), as at a desk.
    db = open_database(office)
    kinds = [k for (k,) in db.execute("SELECT kind FROM events ORDER BY seq")]
    db.close()
    assert kinds[-1] == "account.failure"
