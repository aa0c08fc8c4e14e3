"""PDFs drawn only to be previewed go to one private folder per run, removed when Guichet quits;
a run that never quit (power cut) leaves its folder, swept by a later run. Before, each receipt,
dashboard, scanner sheet went to a folder of its own, never removed (80 and more
"guichet-recu-*" here), and the notice to a fixed /tmp/guichet-notice."""

import os
import tempfile
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from desktop.models.convention import get_session
from desktop.models.journal import local_desk
from desktop.models.scratch import STALE_AFTER_SECONDS
from desktop.models.storage import open_database
from desktop.ui import previews
from desktop.ui.dashboard import Dashboard
from desktop.ui.export_panel import ExportPanel
from desktop.ui.notice_dialog import NoticeDialog
from desktop.ui.pdf_preview import PdfPreviewDialog
from desktop.ui.scanner_setup import ScannerSetupDialog
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.models.sync_support import make_desk, make_office


@pytest.fixture
def temp_folder(tmp_path, monkeypatch):
    """The machine's temporary folder, here a folder of the test; a run starting afresh."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    previews.clean_up()
    yield folder
    previews.clean_up()


def _pages(pdf: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(pdf).pages)


def _dashboard_pdf(qtbot, demo_db, desk, clock) -> Path:
    shown: list[Path] = []
    board = Dashboard(
        demo_db,
        desk,
        clock,
        get_session(demo_db, "we1-samedi"),
        tasks=TaskRunner(pool=InlinePool()),
        show_pdf=shown.append,
        refresh_ms=0,
    )
    qtbot.addWidget(board)
    board.print_pdf()
    (pdf,) = shown
    return pdf


def _scanner_sheet(qtbot) -> Path:
    shown: list[Path] = []
    dialog = ScannerSetupDialog(tasks=TaskRunner(pool=InlinePool()), show_pdf=shown.append)
    qtbot.addWidget(dialog)
    dialog.print_sheet()
    (pdf,) = shown
    return pdf


def _notice_pdf(qtbot, demo_db, desk, clock) -> Path:
    dialog = NoticeDialog(demo_db, clock, desk, TaskRunner(pool=InlinePool()))
    qtbot.addWidget(dialog)
    dialog.print_notice()
    assert dialog.last_pdf is not None
    dialog.preview.close()
    return dialog.last_pdf


def _receipt_pdf(qtbot, clock, tmp_path) -> Path:
    """A real export of a desk file (it has its key), then its receipt."""
    desk_file = make_desk(make_office(tmp_path, clock), tmp_path, "Guichet 2")
    db = open_database(desk_file.db_path)
    desk = local_desk(db, "Martin")
    db.close()
    panel = ExportPanel(desk_file.db_path, desk, clock, TaskRunner(pool=InlinePool()))
    qtbot.addWidget(panel)
    panel.preview_documents = False
    usb = tmp_path / "cle-usb"
    usb.mkdir()
    panel.start_export(usb, None)
    assert panel.receipt is not None, panel.export_status.text()
    panel.print_receipt()
    assert panel.receipt_pdf is not None
    return panel.receipt_pdf


def test_every_preview_lands_in_the_run_folder(qtbot, temp_folder, demo_db, desk, clock, tmp_path):
    pdfs = [
        _dashboard_pdf(qtbot, demo_db, desk, clock),
        _scanner_sheet(qtbot),
        _notice_pdf(qtbot, demo_db, desk, clock),
        _receipt_pdf(qtbot, clock, tmp_path),
        _dashboard_pdf(qtbot, demo_db, desk, clock),  # the same name again
    ]
    (run,) = temp_folder.iterdir()  # one folder for the whole run, nothing else left here
    assert run.name.startswith("guichet-apercus-") and run == previews.run_folder()
    assert run.stat().st_mode & 0o777 == 0o700  # private: a notice, a receipt name people
    assert all(pdf.parent.parent == run for pdf in pdfs)
    assert [pdf.name for pdf in pdfs] == [
        "tableau-de-bord.pdf",
        "test-scanner.pdf",
        "notice-information.pdf",
        pdfs[3].name,
        "tableau-de-bord.pdf",
    ]
    assert pdfs[0] != pdfs[4] and pdfs[0].is_file()  # the first one is never written over
    assert "Reçu d'export du guichet" in _pages(pdfs[3])
    assert len(PdfReader(pdfs[2]).pages) >= 1 and len(PdfReader(pdfs[1]).pages) == 1


def test_the_run_folder_goes_when_guichet_quits_and_a_saved_copy_stays(
    qtbot, qapp, temp_folder, demo_db, desk, clock, tmp_path, monkeypatch
):
    pdf = _dashboard_pdf(qtbot, demo_db, desk, clock)
    run = previews.run_folder()
    # The agent keeps it: "Enregistrer sous…" in the preview, to a folder of their choice.
    chosen = tmp_path / "Documents" / "tableau du samedi.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    preview = PdfPreviewDialog(pdf)
    qtbot.addWidget(preview)
    preview.save_as()
    drawn = pdf.read_bytes()
    preview.close()

    qapp.aboutToQuit.emit()  # what QApplication.quit() sends before the event loop ends

    assert not run.exists() and list(temp_folder.iterdir()) == []
    assert chosen.read_bytes() == drawn  # the agent's copy, whole
    assert len(PdfReader(chosen).pages) == 1
    # A preview after that (a quit refused, a test) starts a new folder.
    again = _dashboard_pdf(qtbot, demo_db, desk, clock)
    assert again.is_file() and again.parent.parent != run


def test_a_folder_left_by_a_crashed_run_is_swept_by_the_next(
    qtbot, temp_folder, demo_db, desk, clock
):
    long_ago = time.time() - STALE_AFTER_SECONDS - 3600
    crashed = temp_folder / "guichet-apercus-k1l2m3"  # a power cut: aboutToQuit never came
    (crashed / "001").mkdir(parents=True)
    (crashed / "001" / "tableau-de-bord.pdf").write_bytes(b"%PDF-1.4")
    legacy = temp_folder / "guichet-recu-a1b2c3"  # an earlier version's receipt folder
    legacy.mkdir()
    (legacy / "recu.pdf").write_bytes(b"%PDF-1.4")
    for folder in (crashed, legacy):
        os.utime(folder, (long_ago, long_ago))
    running = temp_folder / "guichet-apercus-z9y8x7"  # another Guichet, running right now
    running.mkdir()
    unrelated = temp_folder / "guichet-fusion-q1w2e3"  # not a preview: not ours to sweep
    unrelated.mkdir()
    os.utime(unrelated, (long_ago, long_ago))

    pdf = _dashboard_pdf(qtbot, demo_db, desk, clock)  # the next run's first preview

    assert not crashed.exists() and not legacy.exists()
    assert running.is_dir() and unrelated.is_dir()
    assert pdf.is_file() and pdf.parent.parent == previews.run_folder()


@pytest.fixture
def start_soon(monkeypatch):
    """The start-up sweep at the first turn of the event loop, not a few seconds later."""
    monkeypatch.setattr(previews, "SWEEP_DELAY_MS", 0)


def _crashed_run(temp_folder: Path) -> Path:
    long_ago = time.time() - STALE_AFTER_SECONDS - 3600
    crashed = temp_folder / "guichet-apercus-c4d5e6"  # a power cut: aboutToQuit never came
    (crashed / "001").mkdir(parents=True)
    (crashed / "001" / "recu-export-guichet-2.pdf").write_bytes(b"%PDF-1.4")
    os.utime(crashed, (long_ago, long_ago))
    return crashed


def _run_and_close(qapp, monkeypatch, start) -> int:
    """Start the desk or the office in this process: its event loop replaced by closing the
    window it opened."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QMainWindow

    from desktop import app as app_module

    monkeypatch.setattr(app_module, "make_application", lambda: qapp)

    def close_windows() -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                widget.close()
                widget.deleteLater()
        return 0

    monkeypatch.setattr(qapp, "exec", close_windows)
    code = start()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code


def test_the_desk_sweeps_a_crashed_run_at_start_up_without_any_preview(
    qapp, qtbot, monkeypatch, temp_folder, start_soon, tmp_path, clock
):
    """A desk that never previews anything (no receipt, no dashboard) still clears what a
    crashed run left: the preview folder of its export receipt names the desk."""
    from desktop import paths
    from desktop.app import run_gui
    from desktop.models.demo import create_demo

    crashed = _crashed_run(temp_folder)
    monkeypatch.setattr(paths, "backup_folder", lambda: tmp_path / "sauvegardes")
    path = tmp_path / "guichet.sqlite"
    create_demo(path, clock).close()
    assert _run_and_close(qapp, monkeypatch, lambda: run_gui(path, False, "Martin", clock)) == 0
    qtbot.waitUntil(lambda: not crashed.exists())
    assert "folder" not in previews._run  # no preview folder made for that


def test_the_office_sweeps_a_crashed_run_at_start_up(
    qapp, qtbot, monkeypatch, temp_folder, start_soon, tmp_path, clock
):
    from desktop.ui.office_window import run_office

    crashed = _crashed_run(temp_folder)
    office = make_office(tmp_path, clock)
    assert _run_and_close(qapp, monkeypatch, lambda: run_office(office, "Claire", clock)) == 0
    qtbot.waitUntil(lambda: not crashed.exists())
    assert "folder" not in previews._run


def test_the_start_up_sweep_waits_for_the_window(qtbot, temp_folder):
    """Not during the start: a moment after it, once the window is up and painted."""
    crashed = _crashed_run(temp_folder)
    assert previews.SWEEP_DELAY_MS >= 1000
    previews.sweep_after_start(delay_ms=50)
    assert crashed.exists()
    qtbot.waitUntil(lambda: not crashed.exists())
