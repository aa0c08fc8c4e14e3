"""badges_logged_work: the badges drawn and their prints logged by the worker, on its own
connection, so the GUI thread writes nothing when the result arrives."""

import json
import threading

from pypdf import PdfReader

from desktop.models.chain import verify_chain
from desktop.models.documents.desk_jobs import badges_logged_work, badges_work


def _run_on_a_thread(work):
    result, errors, reports = [], [], []

    def run():
        try:
            result.append(work(lambda done, total: reports.append((done, total))))
        except Exception as exc:  # the test fails below with the exception
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(120)
    assert not errors, errors
    return result[0], reports


def test_the_worker_logs_one_print_per_badge_on_its_own_connection(
    demo_db, db_path, desk, clock, tmp_path
):
    out = tmp_path / "badges.pdf"
    work = badges_logged_work(demo_db, db_path, out, "a4-8", desk, clock)
    (path, records), reports = _run_on_a_thread(work)

    assert path == out and len(PdfReader(out).pages) == 5  # 39 badges, 8 a page
    assert reports[-1] == (39, 39) and [d for d, _ in reports] == sorted(d for d, _ in reports)
    assert not demo_db.conn.in_transaction
    rows = demo_db.execute(
        "SELECT member_id, payload, agent FROM events WHERE kind = 'badge.print' ORDER BY seq"
    ).fetchall()
    assert [r[0] for r in rows] == [r.member_id for r in records]
    assert [json.loads(r[1]) for r in rows] == [
        {"token": r.token, "layout": "a4-8", "reprint": False} for r in records
    ]
    assert {r[2] for r in rows} == {desk.agent}
    assert verify_chain(demo_db, desk.desk_id).intact


def test_the_same_badges_as_badges_work(demo_db, db_path, desk, clock, tmp_path):
    (_, logged), _ = _run_on_a_thread(
        badges_logged_work(demo_db, db_path, tmp_path / "a.pdf", "cr80", desk, clock)
    )
    (_, plain), _ = _run_on_a_thread(badges_work(demo_db, tmp_path / "b.pdf", "cr80"))
    assert logged == plain
    assert len(PdfReader(tmp_path / "a.pdf").pages) == len(PdfReader(tmp_path / "b.pdf").pages)
