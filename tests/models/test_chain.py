"""The hash chain over a desk's log, on a real file, tampered with on a copy."""

import json
import shutil
import sqlite3

from desktop.models import chain, checkin, journal
from desktop.models.chain import ChainStatus
from desktop.models.convention import get_session
from desktop.models.members import all_members, current_badge
from desktop.models.merge import MergeOutcome, Rejection, merge_exports
from desktop.models.storage import open_database, write_transaction
from tests.models.sync_support import (
    export,
    make_desk,
    make_office,
    manifest_of,
    master_state,
    resign,
    scan,
)


def _check_in_three(db, desk, clock):
    session = get_session(db, "we1-samedi")
    for member in all_members(db)[:3]:
        result = checkin.check_in(db, current_badge(db, member.id), session, desk, clock)
        assert result.outcome is checkin.Outcome.CHECKED_IN
        clock.advance(minutes=1)


def _tamper(path, sql, params=()):
    """What a person with a SQLite editor could do on the laptop: drop the trigger, edit."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER IF EXISTS events_no_delete")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_each_new_fact_holds_the_hash_of_its_desks_log(demo_db, desk, clock):
    _check_in_three(demo_db, desk, clock)
    rows = demo_db.execute(
        f"SELECT {', '.join(chain.FIELDS)}, chain FROM events WHERE desk_id = ? ORDER BY seq",
        [desk.desk_id],
    ).fetchall()
    assert len(rows) >= 3
    head = chain.genesis(desk.desk_id)
    for row in rows:
        head = chain.link(head, row[:-1])
        assert row[-1] == head
    report = chain.verify_chain(demo_db, desk.desk_id)
    assert report.status is ChainStatus.INTACT and report.intact
    assert report.rows == report.chained_rows == len(rows)
    assert report.head == report.stored_head == rows[-1][-1]
    assert report.message.startswith(f"Journal intact : {len(rows)} faits")


def test_an_edited_past_row_is_named(demo_db, desk, clock, db_path, tmp_path):
    _check_in_three(demo_db, desk, clock)
    demo_db.close()
    copy = tmp_path / "copie.sqlite"
    shutil.copy(db_path, copy)
    conn = sqlite3.connect(copy)
    victim_id, victim_seq = conn.execute(
        "SELECT id, seq FROM events WHERE kind = 'checkin' ORDER BY seq LIMIT 1 OFFSET 1"
    ).fetchone()
    conn.close()
    _tamper(
        copy, "UPDATE events SET at = '2023-11-11T07:00:00.000+00:00' WHERE id = ?", [victim_id]
    )
    conn = sqlite3.connect(copy)
    report = chain.verify_chain(conn, desk.desk_id)
    conn.close()
    assert report.status is ChainStatus.BROKEN and not report.intact
    assert (report.first_bad_id, report.first_bad_seq) == (victim_id, victim_seq)
    assert report.message == (
        f"Journal modifié après coup : le fait n° {victim_seq} ({victim_id}) ne correspond plus "
        "à son empreinte."
    )


def test_recomputing_the_edited_rows_own_hash_still_breaks_the_next_one(
    demo_db, desk, clock, db_path
):
    _check_in_three(demo_db, desk, clock)
    last = demo_db.execute("SELECT MAX(seq) FROM events").fetchone()[0]
    demo_db.close()
    conn = sqlite3.connect(db_path)
    row = conn.execute(
        f"SELECT {', '.join(chain.FIELDS)} FROM events WHERE seq = ?", [last - 1]
    ).fetchone()
    forged = list(row)
    forged[4] = "Quelqu'un d'autre"
    new_chain = chain.link(chain.head_before(conn, desk.desk_id, last - 1), forged)
    conn.close()
    _tamper(
        db_path,
        "UPDATE events SET agent = ?, chain = ? WHERE seq = ?",
        [forged[4], new_chain, last - 1],
    )
    conn = sqlite3.connect(db_path)
    report = chain.verify_chain(conn, desk.desk_id)
    conn.close()
    assert report.status is ChainStatus.BROKEN and report.first_bad_seq == last


def test_a_deleted_row_is_a_gap(demo_db, desk, clock, db_path):
    _check_in_three(demo_db, desk, clock)
    demo_db.close()
    _tamper(db_path, "DELETE FROM events WHERE seq = 2")
    conn = sqlite3.connect(db_path)
    report = chain.verify_chain(conn, desk.desk_id)
    conn.close()
    assert report.status is ChainStatus.GAP and report.first_bad_seq == 2
    assert "le fait n° 2 manque" in report.message


def test_rows_written_before_the_chain_are_folded_into_the_first_chained_row(demo_db, desk, clock):
    # A desk file written before m004: rows without a chain (inserted as the old append did).
    other = "0190aaaa-0000-7000-8000-000000000001"
    with write_transaction(demo_db):
        for seq in (1, 2):
            demo_db.execute(
                "INSERT INTO events (id, desk_id, seq, at, agent, kind, payload) "
                "VALUES (?, ?, ?, '2023-11-10T08:00:00.000+00:00', 'Ancien', 'note', '{}')",
                [f"0190aaaa-0000-7000-8000-00000000001{seq}", other, seq],
            )
    assert chain.verify_chain(demo_db, other).status is ChainStatus.UNCHAINED
    with write_transaction(demo_db):
        journal.append(demo_db, journal.Desk(other, "Ancien poste", "Léa"), clock, "note")
    report = chain.verify_chain(demo_db, other)
    assert report.status is ChainStatus.INTACT and (report.rows, report.chained_rows) == (3, 1)
    # An edit of an unchained row is caught at the first chained row after it.
    demo_db.execute("DROP TRIGGER events_no_update")
    demo_db.execute("UPDATE events SET agent = 'X' WHERE desk_id = ? AND seq = 1", [other])
    report = chain.verify_chain(demo_db, other)
    assert report.status is ChainStatus.BROKEN and report.first_bad_seq == 3
    assert report.unchained_before and "ou un fait plus ancien non chaîné" in report.message


def test_an_empty_desk_log(demo_db):
    report = chain.verify_chain(demo_db, "personne")
    assert report.status is ChainStatus.EMPTY and report.intact
    assert report.head == chain.genesis("personne")


# --- the office: the chain head travels in the signed manifest, the merge checks it ----------


def _desk_with_facts(tmp_path, clock):
    office = make_office(tmp_path, clock)
    desk = make_desk(office, tmp_path, "Guichet 2")
    for ref in ("DEMO-017", "DEMO-018", "DEMO-019"):
        scan(desk.db_path, clock, ref)
        clock.advance(minutes=1)
    return office, desk


def _manifest_body(receipt):
    return json.loads(manifest_of(receipt).read_text(encoding="utf-8"))["manifest"]


def test_export_manifest_carries_the_chain_head_and_the_office_merges_it(tmp_path, clock):
    office, desk = _desk_with_facts(tmp_path, clock)
    receipt = export(desk, tmp_path / "usb", clock)
    db = open_database(desk.db_path)
    report = chain.verify_chain(db, desk.desk_id)
    db.close()
    assert report.status is ChainStatus.INTACT
    assert _manifest_body(receipt)["chain_head"] == report.head == report.stored_head
    [merged] = merge_exports(office, [manifest_of(receipt)], clock=clock)
    assert merged.outcome is MergeOutcome.IMPORTED, merged
    master = open_database(office)
    # The master keeps each desk's chain: the office can verify it again at any time.
    assert chain.verify_chain(master, desk.desk_id).head == report.head
    assert chain.verify_chain(master, desk.desk_id).status is ChainStatus.INTACT
    master.close()


def test_a_row_edited_on_the_laptop_before_export_is_refused_at_the_office(tmp_path, clock):
    office, desk = _desk_with_facts(tmp_path, clock)
    db = open_database(desk.db_path)
    victim = db.execute("SELECT id, seq FROM events WHERE seq = 2").fetchone()
    db.close()
    # On the laptop: the trigger dropped, the time of a check-in moved, then a normal export.
    _tamper(desk.db_path, "UPDATE events SET agent = 'Personne' WHERE seq = 2")
    conn = sqlite3.connect(desk.db_path)
    named = chain.verify_chain(conn, desk.desk_id)
    conn.close()
    assert (named.first_bad_id, named.first_bad_seq) == tuple(victim)
    receipt = export(desk, tmp_path / "usb", clock)
    before = master_state(office)
    [merged] = merge_exports(office, [manifest_of(receipt)], clock=clock)
    assert merged.outcome is MergeOutcome.REFUSED
    assert merged.rejection is Rejection.TAMPERED
    assert merged.rejection.value == "journal modifié après coup"
    assert f"le fait n° {victim[1]} ({victim[0]})" in merged.detail
    assert master_state(office) == before  # nothing written


def test_a_consistent_forgery_still_differs_from_the_signed_head(tmp_path, clock):
    """A whole chain recomputed after an edit holds together, but no longer ends on the head
    the desk signed in its manifest: refused all the same."""
    office, desk = _desk_with_facts(tmp_path, clock)
    receipt = export(desk, tmp_path / "usb", clock)
    snapshot = receipt.snapshot_path
    conn = sqlite3.connect(snapshot)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET agent = 'Personne' WHERE seq = 1")
    rows = conn.execute(
        f"SELECT {', '.join(chain.FIELDS)} FROM events WHERE desk_id = ? ORDER BY seq",
        [desk.desk_id],
    ).fetchall()
    head = chain.genesis(desk.desk_id)
    for row in rows:
        head = chain.link(head, row)
        conn.execute("UPDATE events SET chain = ? WHERE id = ?", [head, row[0]])
    conn.commit()
    conn.close()
    resign(manifest_of(receipt), snapshot, desk.key_path)  # hash and size redone, head kept
    [merged] = merge_exports(office, [manifest_of(receipt)], clock=clock)
    assert merged.rejection is Rejection.TAMPERED
    assert merged.detail == "l'empreinte du journal diffère de celle du manifeste"
