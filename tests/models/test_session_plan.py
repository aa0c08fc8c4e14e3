"""Adding a session to the calendar and deleting one entered by mistake (session_plan)."""

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from desktop.models import checkin, journal, members
from desktop.models.convention import all_sessions, current_session, get_session
from desktop.models.demo import MAGNETIC_TICKET
from desktop.models.meals import GuestRole, give_guest_meal_pass
from desktop.models.reports.scope import report_scope
from desktop.models.session_plan import (
    SessionEditOutcome,
    clashing_session,
    create_session,
    default_ticket_plan,
    delete_session,
    parts_overlap,
    session_in_use,
    session_plan,
    session_plans,
    set_ticket_policy,
    update_session,
)
from desktop.models.stock import CountMoment, record_count
from desktop.models.storage import write_transaction
from desktop.models.tickets import ticket_policy

PLACE = "Salle Pétrarque, Montpellier"
POSTPONED = date(2023, 11, 18)  # a Saturday, while the magnetic ticket is still valid
SPRING = date(2024, 3, 9)  # after the magnetic ticket's last day (20/12/2023)


def _events(db) -> int:
    return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def _add(db, day=POSTPONED, part="matin", weekend=None, lunch=False, label="Séance reportée"):
    return create_session(db, day, part, PLACE, weekend, lunch, label)


def test_a_new_session_joins_the_calendar_with_a_readable_id(demo_db):
    outcome, session = create_session(
        demo_db, POSTPONED, "après-midi", "  Salle   Pétrarque,  Montpellier ", 2, True, " Reprise "
    )
    assert outcome is SessionEditOutcome.CREATED
    assert session.id == "s-2023-11-18-apres-midi"
    assert (session.day, session.part, session.weekend, session.lunch) == (
        POSTPONED,
        "après-midi",
        2,
        True,
    )
    assert session.place == PLACE and session.label == "Reprise"
    assert get_session(demo_db, session.id) == session
    assert session in all_sessions(demo_db)
    assert session.id in [plan.session.id for plan in session_plans(demo_db)]
    noon = datetime(2023, 11, 18, 13, 30, tzinfo=UTC)  # 14:30 in Montpellier
    assert current_session(demo_db, noon) == session
    assert session in report_scope(demo_db, 2).sessions
    assert _events(demo_db) == 0  # reference data: no fact is written


def test_the_new_session_gets_the_usual_ticket_plan_while_it_is_valid(demo_db):
    _, autumn = _add(demo_db)
    assert [(line.product.id, line.quantity) for line in ticket_policy(demo_db, autumn.id)] == [
        (MAGNETIC_TICKET.id, 2)
    ]
    # after 20/12/2023 the magnetic ticket cannot be handed out without a reason: no plan
    assert default_ticket_plan(demo_db, SPRING) == []
    _, spring = _add(demo_db, day=SPRING)
    assert ticket_policy(demo_db, spring.id) == ()


def test_default_plan_is_the_one_most_sessions_share(demo_db):
    ids = [s.id for s in all_sessions(demo_db)]
    for sid in ids[:4]:
        assert set_ticket_policy(demo_db, sid, [(MAGNETIC_TICKET.id, 1)]) is (
            SessionEditOutcome.SAVED
        )
    assert default_ticket_plan(demo_db, POSTPONED) == [(MAGNETIC_TICKET.id, 1)]
    assert set_ticket_policy(demo_db, ids[0], []) is SessionEditOutcome.SAVED
    assert default_ticket_plan(demo_db, POSTPONED) == []  # 3 against 3: no usual plan


@pytest.mark.parametrize(
    ("existing", "new", "overlaps"),
    [
        ("journée", "matin", True),
        ("journée", "après-midi", True),
        ("journée", "journée", True),
        ("matin", "matin", True),
        ("matin", "journée", True),
        ("après-midi", "journée", True),
        ("soirée", "soirée", True),
        ("matin", "après-midi", False),
        ("journée", "soirée", False),
        ("soirée", "matin", False),
    ],
)
def test_parts_of_one_day_that_overlap(existing, new, overlaps):
    assert parts_overlap(existing, new) is overlaps
    assert parts_overlap(new, existing) is overlaps


def test_an_overlapping_session_is_refused(demo_db):
    saturday = get_session(demo_db, "we1-samedi")  # 11/11/2023, journée
    for part in ("matin", "après-midi", "journée"):
        assert _add(demo_db, day=saturday.day, part=part) == (SessionEditOutcome.OVERLAP, None)
        assert clashing_session(demo_db, saturday.day, part) == saturday
    outcome, evening = _add(demo_db, day=saturday.day, part="soirée")
    assert outcome is SessionEditOutcome.CREATED  # an added evening after the day
    assert clashing_session(demo_db, saturday.day, "soirée") == evening
    assert _add(demo_db, day=saturday.day, part="soirée")[0] is SessionEditOutcome.OVERLAP
    assert _add(demo_db, part="matin")[0] is SessionEditOutcome.CREATED
    assert _add(demo_db, part="matin")[0] is SessionEditOutcome.OVERLAP  # two mornings
    assert _add(demo_db, part="après-midi")[0] is SessionEditOutcome.CREATED
    assert [s.part for s in all_sessions(demo_db) if s.day == POSTPONED] == ["matin", "après-midi"]


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        ({"part": "nuit"}, SessionEditOutcome.INVALID_PART),
        ({"part": "Matin"}, SessionEditOutcome.INVALID_PART),
        ({"place": "   "}, SessionEditOutcome.EMPTY_PLACE),
        ({"label": ""}, SessionEditOutcome.EMPTY_LABEL),
        ({"weekend": 0}, SessionEditOutcome.INVALID_WEEKEND),
        ({"weekend": -1}, SessionEditOutcome.INVALID_WEEKEND),
    ],
)
def test_invalid_sessions_are_refused_and_nothing_is_written(demo_db, changes, outcome):
    before = all_sessions(demo_db)
    fields = {"part": "matin", "place": PLACE, "weekend": None, "label": "Séance reportée"}
    fields.update(changes)
    assert create_session(
        demo_db,
        POSTPONED,
        fields["part"],
        fields["place"],
        fields["weekend"],
        False,
        fields["label"],
    ) == (outcome, None)
    assert all_sessions(demo_db) == before
    assert demo_db.execute("SELECT COUNT(*) FROM session_tickets").fetchone()[0] == len(before)


def test_an_id_in_use_is_suffixed_never_reused(demo_db, desk, clock):
    _, first = _add(demo_db)
    # the office moved it to another day: its id stays, the next morning of the 18th differs
    assert update_session(demo_db, replace(first, day=date(2023, 11, 25))) is (
        SessionEditOutcome.SAVED
    )
    _, second = _add(demo_db)
    assert (first.id, second.id) == ("s-2023-11-18-matin", "s-2023-11-18-matin-2")
    # a fact names an id whose session is gone (deleted at the office, recorded at a desk)
    with write_transaction(demo_db):
        journal.append(demo_db, desk, clock, "note", session_id="s-2023-11-19-soiree")
    _, third = _add(demo_db, day=date(2023, 11, 19), part="soirée")
    assert third.id == "s-2023-11-19-soiree-2"
    # a session deleted before anything was recorded frees its id
    assert delete_session(demo_db, second.id) is SessionEditOutcome.DELETED
    assert _add(demo_db)[1].id == "s-2023-11-18-matin-2"


def test_a_fresh_session_is_deleted_with_its_plan(demo_db, clock):
    _, session = _add(demo_db, weekend=4, lunch=True)
    assert session_plan(demo_db, session.id).tickets
    assert report_scope(demo_db, 4).sessions == (session,)
    assert not session_in_use(demo_db, session.id)
    assert delete_session(demo_db, session.id) is SessionEditOutcome.DELETED
    assert get_session(demo_db, session.id) is None
    assert session not in all_sessions(demo_db)
    assert session_plan(demo_db, session.id) is None
    rows = demo_db.execute(
        "SELECT COUNT(*) FROM session_tickets WHERE session_id = ?", [session.id]
    ).fetchone()
    assert rows == (0,)
    morning = datetime(2023, 11, 18, 8, 0, tzinfo=UTC)
    assert current_session(demo_db, morning) is None
    assert session not in report_scope(demo_db, None).sessions
    assert delete_session(demo_db, session.id) is SessionEditOutcome.NOT_FOUND
    assert _events(demo_db) == 0


def test_a_session_with_a_check_in_can_never_be_deleted(demo_db, desk, clock):
    _, session = _add(demo_db)
    member = members.all_members(demo_db)[0]
    result = checkin.check_in_member(demo_db, member.id, session, desk, clock)
    assert result.recorded
    assert (
        checkin.undo_check_in(demo_db, result.event_id, "erreur", desk, clock)
        is checkin.UndoOutcome.UNDONE
    )
    # even cancelled, the check-in was recorded at that session
    assert session_in_use(demo_db, session.id)
    events = _events(demo_db)
    assert delete_session(demo_db, session.id) is SessionEditOutcome.HAS_FACTS
    assert get_session(demo_db, session.id) == session
    assert ticket_policy(demo_db, session.id)  # the plan stays too
    assert _events(demo_db) == events


def test_any_fact_at_the_session_keeps_it(demo_db, desk, clock):
    _, lunch = _add(demo_db, lunch=True, part="journée")
    given = give_guest_meal_pass(demo_db, lunch, "Dr Hélène Roussel", GuestRole.EXPERT, desk, clock)
    assert given.event_id is not None
    assert delete_session(demo_db, lunch.id) is SessionEditOutcome.HAS_FACTS


def test_a_fact_set_aside_at_a_merge_keeps_the_session(demo_db):
    _, session = _add(demo_db)
    content = json.dumps({"id": "x", "kind": "checkin", "session_id": session.id})
    demo_db.execute(
        "INSERT INTO merge_anomalies (kind, event_id, desk_id, seq, content, file_sha256, "
        "detected_at) VALUES ('poste_copie', 'x', 'd', 1, ?, 'h', '2023-11-18T08:00:00Z')",
        [content],
    )
    demo_db.conn.commit()
    assert delete_session(demo_db, session.id) is SessionEditOutcome.HAS_FACTS


def test_the_only_session_of_a_counted_day_stays(demo_db, desk, clock):
    _, morning = _add(demo_db)
    counted = record_count(
        demo_db, MAGNETIC_TICKET.id, POSTPONED, CountMoment.OPENING, 50, desk, clock
    )
    assert counted.event_id is not None
    # the report finds that day's stock sheet through its sessions: the last one must stay
    assert delete_session(demo_db, morning.id) is SessionEditOutcome.HAS_FACTS
    _, afternoon = _add(demo_db, part="après-midi")
    assert delete_session(demo_db, afternoon.id) is SessionEditOutcome.DELETED
    assert get_session(demo_db, morning.id) == morning


def test_an_edit_that_moves_a_session_onto_another_is_refused(demo_db):
    friday = get_session(demo_db, "we1-vendredi")
    onto_saturday = replace(friday, day=date(2023, 11, 11), part="matin")
    assert update_session(demo_db, onto_saturday) is SessionEditOutcome.OVERLAP
    assert get_session(demo_db, "we1-vendredi") == friday  # nothing written
    assert clashing_session(demo_db, date(2023, 11, 11), "matin", "we1-vendredi").id == (
        "we1-samedi"
    )
    # Its own part of day is no clash: the same session saved again with a new place.
    moved = replace(friday, place="Salle Pétrarque")
    assert update_session(demo_db, moved) is SessionEditOutcome.SAVED
    assert update_session(demo_db, replace(friday, weekend=0)) is (
        SessionEditOutcome.INVALID_WEEKEND
    )
