"""Check-in from a scan: every outcome, and the rows it writes (or not)."""

import sqlite3
from dataclasses import replace

import pytest

from desktop.models import checkin, members
from desktop.models.attendance import counts, session_roster
from desktop.models.badges import reissue_badge
from desktop.models.checkin import Outcome, UndoOutcome
from desktop.models.codes import new_code, new_tag
from desktop.models.convention import current_session, get_convention, get_session


def _events(db) -> list[tuple]:
    return db.execute("SELECT kind, member_id, session_id, seq FROM events ORDER BY seq").fetchall()


def _member(db, surname: str):
    return next(m for m in members.all_members(db) if m.surname == surname)


def _badge(db, surname: str) -> str:
    token = members.current_badge(db, _member(db, surname).id)
    assert token is not None
    return token


def test_saturday_session_is_current(demo_db, clock):
    session = current_session(demo_db, clock())
    assert session is not None and session.id == "we1-samedi" and session.lunch


def test_first_scan_checks_in_and_writes_one_fact(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    result = checkin.check_in(demo_db, _badge(demo_db, "DUBOIS") + "\r", session, desk, clock)
    assert result.outcome is Outcome.CHECKED_IN
    assert result.member.display_name == "Émilie DUBOIS"
    ((kind, member_id, session_id, seq),) = _events(demo_db)
    assert (kind, member_id, session_id, seq) == ("checkin", result.member.id, "we1-samedi", 1)
    row = demo_db.execute("SELECT agent, desk_id, at, payload FROM events").fetchone()
    assert row[0] == "Martin" and row[1] == desk.desk_id
    assert row[2] == "2023-11-11T08:12:00.000+00:00"
    assert '"method": "qr"' in row[3]


def test_second_scan_is_amber_with_first_time_desk_and_agent(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    code = _badge(demo_db, "DUBOIS")
    checkin.check_in(demo_db, code, session, desk, clock)
    clock.advance(minutes=20)
    again = checkin.check_in(demo_db, code, session, replace(desk, agent="Paul"), clock)
    assert again.outcome is Outcome.ALREADY_CHECKED_IN
    assert again.first_seen.agent == "Martin"
    assert again.first_seen.desk_label == "Guichet démo"
    assert again.first_seen.at.startswith("2023-11-11T08:12")
    assert len(_events(demo_db)) == 1


@pytest.mark.parametrize(
    ("raw", "outcome"),
    [
        ("", Outcome.EMPTY),
        ("   \r\n\t", Outcome.EMPTY),
        ("X" * 10_000, Outcome.TOO_LONG),
        ("&é\"'(-è_çà", Outcome.SCANNER_MISCONFIGURED),
        ("GUBBBB", Outcome.UNREADABLE),
        ("hello world", Outcome.UNREADABLE),
    ],
)
def test_bad_scans_write_nothing(demo_db, desk, clock, raw, outcome):
    session = current_session(demo_db, clock())
    assert checkin.check_in(demo_db, raw, session, desk, clock).outcome is outcome
    assert _events(demo_db) == []


def test_scanner_prefix_suffix_and_caps_lock_are_tolerated(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    code = _badge(demo_db, "MARTIN")
    raw = "\x02]Q1" + code.lower() + "\x03\t"
    result = checkin.check_in(demo_db, raw, session, desk, clock)
    assert result.outcome is Outcome.CHECKED_IN and result.member.surname == "MARTIN"


def test_unknown_code_of_this_convention(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    code = new_code(get_convention(demo_db).code_tag)
    assert checkin.check_in(demo_db, code, session, desk, clock).outcome is Outcome.UNKNOWN_CODE


def test_badge_of_another_convention(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    tag = get_convention(demo_db).code_tag
    other = next(t for t in iter(new_tag, None) if t != tag)
    result = checkin.check_in(demo_db, new_code(other), session, desk, clock)
    assert result.outcome is Outcome.OTHER_CONVENTION


def test_a_changed_letter_is_unreadable_not_someone_else(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    code = _badge(demo_db, "MARTIN")
    forged = code[:10] + ("B" if code[10] != "B" else "C") + code[11:]
    assert checkin.check_in(demo_db, forged, session, desk, clock).outcome is Outcome.UNREADABLE


def test_revoked_badge_is_refused_and_new_one_works(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    member = _member(demo_db, "GARCIA")
    old = members.current_badge(demo_db, member.id)
    new = reissue_badge(demo_db, member.id, "badge perdu", desk, clock)
    assert new != old
    refused = checkin.check_in(demo_db, old, session, desk, clock)
    assert refused.outcome is Outcome.REVOKED_BADGE and refused.member.id == member.id
    assert checkin.check_in(demo_db, new, session, desk, clock).outcome is Outcome.CHECKED_IN


def test_withdrawn_member_is_refused(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    result = checkin.check_in(demo_db, _badge(demo_db, "ÉTIENNE"), session, desk, clock)
    assert result.outcome is Outcome.MEMBER_WITHDRAWN
    assert _events(demo_db) == []


def test_no_session_today(demo_db, desk, clock):
    result = checkin.check_in(demo_db, _badge(demo_db, "MARTIN"), None, desk, clock)
    assert result.outcome is Outcome.NO_SESSION and result.member.surname == "MARTIN"
    assert _events(demo_db) == []


def test_manual_check_in_notes_manuel(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    member = _member(demo_db, "NGUYEN")
    result = checkin.check_in_member(demo_db, member.id, session, desk, clock)
    assert result.outcome is Outcome.CHECKED_IN
    row = next(r for r in session_roster(demo_db, session.id) if r.member_id == member.id)
    assert row.present and row.method == "manuel" and row.desk_label == "Guichet démo"


def test_undo_is_a_counter_entry_and_allows_a_new_check_in(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    code = _badge(demo_db, "MARTIN")
    first = checkin.check_in(demo_db, code, session, desk, clock)
    assert counts(demo_db, session.id).present == 1
    assert (
        checkin.undo_check_in(demo_db, first.event_id, "  ", desk, clock)
        is UndoOutcome.REASON_REQUIRED
    )
    assert (
        checkin.undo_check_in(demo_db, first.event_id, "mauvaise personne", desk, clock)
        is UndoOutcome.UNDONE
    )
    assert (
        checkin.undo_check_in(demo_db, first.event_id, "encore", desk, clock)
        is UndoOutcome.ALREADY_UNDONE
    )
    assert counts(demo_db, session.id).present == 0
    kinds = [e[0] for e in _events(demo_db)]
    assert kinds == ["checkin", "void"]
    assert checkin.check_in(demo_db, code, session, desk, clock).outcome is Outcome.CHECKED_IN
    assert counts(demo_db, session.id).present == 1


def test_log_refuses_update_and_delete(demo_db, desk, clock):
    session = get_session(demo_db, "we1-samedi")
    checkin.check_in(demo_db, _badge(demo_db, "MARTIN"), session, desk, clock)
    with pytest.raises(sqlite3.DatabaseError, match="ajout seul"):
        demo_db.execute("UPDATE events SET agent = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="ajout seul"):
        demo_db.execute("DELETE FROM events")


def test_sequence_numbers_are_gapless_per_desk(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    for surname in ("MARTIN", "GARCIA", "DUBOIS"):
        checkin.check_in(demo_db, _badge(demo_db, surname), session, desk, clock)
        checkin.check_in(demo_db, "garbage", session, desk, clock)
    assert [e[3] for e in _events(demo_db)] == [1, 2, 3]
