"""The session roster: each member's first live check-in, whichever desk recorded it."""

from desktop.models import checkin, journal
from desktop.models.attendance import counts, roster_row, session_roster
from desktop.models.convention import current_session
from desktop.models.journal import Desk, register_desk
from desktop.models.storage import write_transaction


def _member_id(db, surname: str) -> str:
    return db.execute("SELECT id FROM members WHERE surname = ?", [surname]).fetchone()[0]


def test_the_roster_shows_the_first_live_check_in_and_agrees_with_one_row(demo_db, desk, clock):
    session = current_session(demo_db, clock())
    register_desk(demo_db, "desk-entree-b", "Entrée B", "pk-b")
    other = Desk(desk_id="desk-entree-b", label="Entrée B", agent="Leila")
    martin = _member_id(demo_db, "MARTIN")
    nguyen = _member_id(demo_db, "NGUYEN")
    # MARTIN: checked in here at 09:15, but desk B had him at 09:12 (its file merged later).
    at_desk_b = clock()
    clock.advance(minutes=3)
    checkin.check_in_member(demo_db, martin, session, desk, clock)
    with write_transaction(demo_db):
        journal.append(
            demo_db,
            other,
            lambda: at_desk_b,
            "checkin",
            member_id=martin,
            session_id=session.id,
            payload={"method": "qr"},
        )
    # NGUYEN: checked in, undone, checked in again: the roster shows the second arrival.
    first = checkin.check_in_member(demo_db, nguyen, session, desk, clock)
    undone = checkin.undo_check_in(demo_db, first.event_id, "erreur de nom", desk, clock)
    assert undone is checkin.UndoOutcome.UNDONE
    clock.advance(minutes=5)
    second = checkin.check_in_member(demo_db, nguyen, session, desk, clock)

    roster = {row.member_id: row for row in session_roster(demo_db, session.id)}
    assert roster[martin].desk_label == "Entrée B" and roster[martin].agent == "Leila"
    assert roster[martin].method == "qr"
    assert roster[nguyen].checkin_id == second.event_id
    assert roster[nguyen].arrived_at == "2023-11-11T08:20:00.000+00:00"
    assert counts(demo_db, session.id).present == 2
    for member_id, row in roster.items():
        assert roster_row(demo_db, session.id, member_id) == row
    surnames = [row.surname for row in roster.values()]
    assert len(surnames) == counts(demo_db, session.id).expected
