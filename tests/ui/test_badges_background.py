"""1 000 badges drawn on a real worker thread (the global QThreadPool) while the desk keeps
checking members in: the scan's banner is shown while the job is still running."""

import threading
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.models import members
from desktop.models.clock import to_utc_text
from desktop.models.codes import new_code
from desktop.models.convention import get_convention
from desktop.models.demo import create_demo
from desktop.models.documents.badges_pdf import badge_heading, badge_records, render_badges_pdf
from desktop.models.ids import uuid7
from desktop.models.members import Member
from desktop.models.storage import write_transaction
from desktop.ui.tasks import TaskRunner
from desktop.ui.wording import Role
from tests.ui.conftest import scan

BADGES = 1_000


def _thousand_members(path: Path, clock) -> tuple[list, object]:
    """A separate temp file holding 1 000 members with a badge each (the demo's 39 and 961
    more); returns the plain records and heading a worker may take."""
    db = create_demo(path, clock)
    try:
        tag = get_convention(db).code_tag
        with write_transaction(db):
            for index in range(BADGES - 39):
                member = Member(
                    uuid7(), f"MEMBRE-{index:04d}", "Prénom", "34172", "Montpellier", "actif"
                )
                members.save_member(db, member)
                members.add_badge(db, new_code(tag), member.id, to_utc_text(clock()))
        records = badge_records(db, None)
        return records, badge_heading(db)
    finally:
        db.close()


def test_a_thousand_badges_in_the_background_while_a_member_checks_in(
    qtbot, window, demo_db, clock, tmp_path
):
    records, heading = _thousand_members(tmp_path / "mille.guichet.sqlite", clock)
    assert len(records) == BADGES
    out = tmp_path / "mille-badges.pdf"
    tasks = TaskRunner()  # the global QThreadPool: a real worker thread
    progress: list[int] = []
    results: list[object] = []
    failures: list[Exception] = []
    workers: list[int] = []
    tasks.progressed.connect(lambda done, total: progress.append(done))

    def work(report):
        workers.append(threading.get_ident())
        render_badges_pdf(records, out, "a4-8", report, heading=heading)
        return out

    tasks.start("Badges en cours…", work, results.append, failures.append)
    qtbot.waitUntil(lambda: len(progress) > 0, timeout=30_000)  # the job is under way

    dubois = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    scan(qtbot, window.scan_field, members.current_badge(demo_db, dubois.id))
    assert window.banner.current.role is Role.SUCCESS
    assert window.banner.title.text() == "Bienvenue, Émilie DUBOIS"
    # The banner came while the badges were still being drawn.
    assert tasks.running == 1 and not results and progress[-1] < BADGES
    qtbot.keyClick(window.handout_panel, Qt.Key.Key_Escape)
    assert window.scan_field.hasFocus()

    qtbot.waitUntil(lambda: bool(results or failures), timeout=180_000)
    assert failures == [] and results == [out] and tasks.running == 0
    assert workers and workers[0] != threading.get_ident()
    assert progress[-1] == BADGES and progress == sorted(progress)
    assert len(PdfReader(out).pages) == BADGES // 8
    last = pdfium.PdfDocument(out)
    try:
        image = last[len(last) - 1].render(scale=150 / 72).to_pil()
    finally:
        last.close()
    codes = {code.text for code in zxingcpp.read_barcodes(image)}
    assert codes == {r.token for r in records[-8:]}
    checked_in = demo_db.execute(
        "SELECT COUNT(*) FROM live_events WHERE kind = 'checkin' AND member_id = ?", [dubois.id]
    ).fetchone()[0]
    assert checked_in == 1
