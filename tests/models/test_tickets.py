"""Tram tickets: the catalogue, the session's policy, passes and free travel, overrides."""

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from desktop.models import checkin, members
from desktop.models.convention import Session, add_session, get_session
from desktop.models.demo import DEMO_TICKET, MAGNETIC_TICKET, PLACE, create_demo
from desktop.models.facts import ConfirmReason, HandoutOutcome
from desktop.models.handouts import LineState, due_items, ticket_key
from desktop.models.journal import local_desk
from desktop.models.session_plan import (
    SessionEditOutcome,
    session_plan,
    session_plans,
    set_lunch,
    set_ticket_policy,
    update_session,
)
from desktop.models.storage import write_transaction
from desktop.models.tickets import (
    FREE_TRAVEL_FROM,
    ProductOutcome,
    TicketProduct,
    get_product,
    hand_out_ticket,
    pass_covers,
    products,
    save_product,
    ticket_policy,
)

MAGNETIC = MAGNETIC_TICKET.id


def _member(db, surname):
    return next(m for m in members.all_members(db) if m.surname == surname)


def _present(db, desk, clock, surname, session):
    member = _member(db, surname)
    assert checkin.check_in_member(db, member.id, session, desk, clock).recorded
    return member


def _handouts(db):
    rows = db.execute(
        "SELECT id, agent, member_id, session_id, payload FROM events "
        "WHERE kind = 'ticket.handout' ORDER BY seq"
    ).fetchall()
    return [(*row[:4], json.loads(row[4])) for row in rows]


@pytest.fixture
def saturday(demo_db):
    return get_session(demo_db, "we1-samedi")


def test_demo_catalogue_follows_the_2023_timeline(demo_db):
    magnetic = get_product(demo_db, MAGNETIC)
    assert magnetic.name == "Ticket 1 voyage (magnétique)" and magnetic.unit_price_cents == 160
    assert magnetic.valid_on(date(2023, 12, 20)) and not magnetic.valid_on(date(2023, 12, 21))
    assert magnetic.expired_on(date(2023, 12, 21)) and not magnetic.expired_on(date(2023, 12, 20))
    demo = get_product(demo_db, DEMO_TICKET.id)
    assert demo.valid_on(date(2031, 1, 1)) and not demo.free_travel_applies
    assert [p.name for p in products(demo_db)] == ["Ticket 1 voyage (magnétique)", "Ticket démo"]
    assert [(line.product.id, line.quantity) for line in ticket_policy(demo_db, "we1-samedi")] == [
        (MAGNETIC, 2)
    ]


@pytest.mark.parametrize(
    ("pass_status", "day", "reason"),
    [
        ("aucun", date(2023, 11, 11), None),
        ("en cours", date(2023, 11, 11), None),
        ("week-end", date(2023, 11, 11), ConfirmReason.PASS_WEEKEND),  # Saturday
        ("week-end", date(2023, 11, 12), ConfirmReason.PASS_WEEKEND),  # Sunday
        ("week-end", date(2023, 11, 10), None),  # Friday
        ("7j-7", date(2023, 11, 10), ConfirmReason.PASS_7J7),
        ("7j-7", date(2024, 1, 20), ConfirmReason.PASS_7J7),
        ("aucun", date(2023, 12, 20), None),
        ("aucun", FREE_TRAVEL_FROM, ConfirmReason.FREE_TRAVEL),
        ("en cours", date(2024, 2, 1), ConfirmReason.FREE_TRAVEL),
    ],
)
def test_pass_covers(pass_status, day, reason):
    assert pass_covers(pass_status, day) is reason


def test_tickets_due_are_handed_out_with_one_key(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    line = due_items(demo_db, member.id, saturday).line(ticket_key(MAGNETIC))
    assert (line.state, line.quantity, line.reasons, line.one_key) == (
        LineState.TO_HAND_OUT,
        2,
        (),
        True,
    )
    result = hand_out_ticket(demo_db, member.id, saturday, MAGNETIC, desk, clock)
    assert result.outcome is HandoutOutcome.RECORDED
    assert result.ticket.quantity == 2 and result.ticket.total_cents == 320
    ((event_id, agent, member_id, session_id, payload),) = _handouts(demo_db)
    assert (event_id, agent, member_id, session_id) == (
        result.event_id,
        "Martin",
        member.id,
        "we1-samedi",
    )
    assert payload == {
        "product_id": MAGNETIC,
        "product_name": "Ticket 1 voyage (magnétique)",
        "quantity": 2,
        "unit_price_cents": 160,
        "day": "2023-11-11",
    }
    after = due_items(demo_db, member.id, saturday).line(ticket_key(MAGNETIC))
    assert after.state is LineState.ALREADY_GIVEN and after.given_quantity == 2
    assert after.given[0].agent == "Martin" and after.given[0].local_time == "09:12"


def test_second_hand_out_is_refused_then_overridden(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    first = hand_out_ticket(demo_db, member.id, saturday, MAGNETIC, desk, clock)
    again = hand_out_ticket(demo_db, member.id, saturday, MAGNETIC, desk, clock)
    assert again.outcome is HandoutOutcome.ALREADY_GIVEN
    assert [p.event_id for p in again.prior] == [first.event_id]
    assert len(_handouts(demo_db)) == 1
    forced = hand_out_ticket(
        demo_db,
        member.id,
        saturday,
        MAGNETIC,
        desk,
        clock,
        quantity=1,
        override_reason="ticket perdu dans le tram",
    )
    assert forced.recorded and forced.ticket.override_reason == "ticket perdu dans le tram"
    assert _handouts(demo_db)[1][4]["override"] == {
        "reason": "ticket perdu dans le tram",
        "reasons": [],
        "duplicate_of": [first.event_id],
    }


def test_partial_hand_out_leaves_the_rest_due(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    assert hand_out_ticket(demo_db, member.id, saturday, MAGNETIC, desk, clock, quantity=1).recorded
    line = due_items(demo_db, member.id, saturday).line(ticket_key(MAGNETIC))
    assert (line.state, line.quantity, line.given_quantity) == (LineState.TO_HAND_OUT, 1, 1)
    rest = hand_out_ticket(demo_db, member.id, saturday, MAGNETIC, desk, clock)
    assert rest.recorded and rest.ticket.quantity == 1


def test_week_end_pass_on_saturday_needs_no_ticket(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "NGUYEN", saturday)
    assert member.pass_status == "week-end"
    line = due_items(demo_db, member.id, saturday).line(ticket_key(MAGNETIC))
    assert line.state is LineState.NOT_NEEDED
    assert line.not_needed_because is ConfirmReason.PASS_WEEKEND and not line.one_key
    refused = hand_out_ticket(demo_db, member.id, saturday, MAGNETIC, desk, clock)
    assert refused.outcome is HandoutOutcome.NEEDS_CONFIRMATION
    assert refused.reason is ConfirmReason.PASS_WEEKEND
    assert _handouts(demo_db) == []
    forced = hand_out_ticket(
        demo_db, member.id, saturday, MAGNETIC, desk, clock, override_reason="pass oublié"
    )
    assert forced.recorded
    assert _handouts(demo_db)[0][4]["override"] == {
        "reason": "pass oublié",
        "reasons": ["pass_weekend"],
        "duplicate_of": [],
    }


def test_week_end_pass_on_friday_evening_still_needs_tickets(demo_db, desk, clock):
    friday = get_session(demo_db, "we1-vendredi")
    clock.now = datetime(2023, 11, 10, 17, 30, tzinfo=UTC)
    member = _present(demo_db, desk, clock, "NGUYEN", friday)
    line = due_items(demo_db, member.id, friday).line(ticket_key(MAGNETIC))
    assert line.state is LineState.TO_HAND_OUT and line.one_key
    assert hand_out_ticket(demo_db, member.id, friday, MAGNETIC, desk, clock).recorded


def test_7j7_pass_holder_on_20_january_2024_needs_no_ticket(demo_db, desk, clock):
    session = get_session(demo_db, "we3-samedi")
    clock.now = datetime(2024, 1, 20, 8, 30, tzinfo=UTC)
    member = _present(demo_db, desk, clock, "BENALI", session)
    assert member.pass_status == "7j-7"
    line = due_items(demo_db, member.id, session).line(ticket_key(MAGNETIC))
    assert line.state is LineState.NOT_NEEDED
    assert line.not_needed_because is ConfirmReason.PASS_7J7
    assert ConfirmReason.PRODUCT_NOT_VALID in line.reasons
    result = hand_out_ticket(demo_db, member.id, session, MAGNETIC, desk, clock)
    assert result.outcome is HandoutOutcome.NEEDS_CONFIRMATION
    assert _handouts(demo_db) == []


def test_after_21_december_every_resident_travels_free(demo_db, desk, clock):
    session = get_session(demo_db, "we3-samedi")
    clock.now = datetime(2024, 1, 20, 8, 30, tzinfo=UTC)
    member = _present(demo_db, desk, clock, "DUBOIS", session)
    line = due_items(demo_db, member.id, session).line(ticket_key(MAGNETIC))
    assert line.state is LineState.NOT_NEEDED
    assert line.not_needed_because is ConfirmReason.FREE_TRAVEL


def test_magnetic_ticket_on_21_december_is_outside_its_validity(demo_db, desk, clock):
    session = Session("extra-21-12", date(2023, 12, 21), "soirée", PLACE, None, False, "Atelier")
    with write_transaction(demo_db):
        add_session(demo_db, session)
    assert set_ticket_policy(demo_db, session.id, [(MAGNETIC, 2)]) is SessionEditOutcome.SAVED
    clock.now = datetime(2023, 12, 21, 17, 0, tzinfo=UTC)
    member = _present(demo_db, desk, clock, "DUBOIS", session)
    result = hand_out_ticket(demo_db, member.id, session, MAGNETIC, desk, clock)
    assert result.outcome is HandoutOutcome.NEEDS_CONFIRMATION
    assert result.reason is ConfirmReason.PRODUCT_NOT_VALID
    assert result.reasons == (ConfirmReason.PRODUCT_NOT_VALID, ConfirmReason.FREE_TRAVEL)
    assert _handouts(demo_db) == []
    forced = hand_out_ticket(
        demo_db, member.id, session, MAGNETIC, desk, clock, override_reason="reste de stock"
    )
    assert forced.recorded
    assert _handouts(demo_db)[0][4]["override"]["reasons"] == ["product_not_valid", "free_travel"]


def test_a_product_outside_the_policy_needs_confirmation(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    result = hand_out_ticket(demo_db, member.id, saturday, DEMO_TICKET.id, desk, clock)
    assert result.outcome is HandoutOutcome.NEEDS_CONFIRMATION
    assert result.reasons == (ConfirmReason.NOT_IN_POLICY,)
    forced = hand_out_ticket(
        demo_db, member.id, saturday, DEMO_TICKET.id, desk, clock, override_reason="essai"
    )
    assert forced.recorded and forced.ticket.quantity == 1
    extra = due_items(demo_db, member.id, saturday).line(ticket_key(DEMO_TICKET.id))
    assert extra.state is LineState.ALREADY_GIVEN and extra.given_quantity == 1


def test_no_ticket_for_an_absent_member_or_an_unknown_product(demo_db, desk, clock, saturday):
    member = _member(demo_db, "DUBOIS")
    absent = hand_out_ticket(demo_db, member.id, saturday, MAGNETIC, desk, clock)
    assert absent.outcome is HandoutOutcome.NOT_PRESENT
    unknown = hand_out_ticket(demo_db, member.id, saturday, "nope", desk, clock)
    assert unknown.outcome is HandoutOutcome.UNKNOWN_PRODUCT
    nobody = hand_out_ticket(demo_db, "nobody", saturday, MAGNETIC, desk, clock)
    assert nobody.outcome is HandoutOutcome.UNKNOWN_MEMBER
    assert _handouts(demo_db) == []


def test_serial_numbers_are_optional_and_never_reused(demo_db, desk, clock, saturday):
    first = _present(demo_db, desk, clock, "DUBOIS", saturday)
    second = _present(demo_db, desk, clock, "MARTIN", saturday)
    result = hand_out_ticket(
        demo_db, first.id, saturday, MAGNETIC, desk, clock, serials=(" A-001 ", "A-002")
    )
    assert result.recorded and result.ticket.serials == ("A-001", "A-002")
    assert _handouts(demo_db)[0][4]["serials"] == ["A-001", "A-002"]
    reused = hand_out_ticket(
        demo_db, second.id, saturday, MAGNETIC, desk, clock, serials=("A-002", "A-003")
    )
    assert reused.outcome is HandoutOutcome.SERIAL_ALREADY_USED
    wrong_count = hand_out_ticket(
        demo_db, second.id, saturday, MAGNETIC, desk, clock, serials=("A-003",)
    )
    assert wrong_count.outcome is HandoutOutcome.INVALID
    assert wrong_count.errors[0].field == "serials"
    zero = hand_out_ticket(demo_db, second.id, saturday, MAGNETIC, desk, clock, quantity=0)
    assert zero.outcome is HandoutOutcome.INVALID and zero.errors[0].field == "quantity"
    assert len(_handouts(demo_db)) == 1


def test_catalogue_edits_are_checked(demo_db):
    new = save_product(demo_db, TicketProduct("", "Titre 24 h", 430, date(2023, 1, 1)))
    assert new.outcome is ProductOutcome.SAVED and new.product.id
    stored = demo_db.execute(
        "SELECT name, unit_price_cents, valid_from, valid_until, free_travel_applies, active "
        "FROM ticket_products WHERE id = ?",
        [new.product.id],
    ).fetchone()
    assert stored == ("Titre 24 h", 430, "2023-01-01", None, 1, 1)
    renamed = save_product(demo_db, replace(new.product, name="Titre  24 h (papier)", active=False))
    assert renamed.outcome is ProductOutcome.SAVED
    assert get_product(demo_db, new.product.id).name == "Titre 24 h (papier)"
    assert new.product.id not in {p.id for p in products(demo_db)}
    assert new.product.id in {p.id for p in products(demo_db, include_inactive=True)}
    bad = TicketProduct("", "X", 100)
    assert save_product(demo_db, replace(bad, name=" ")).outcome is ProductOutcome.EMPTY_NAME
    assert (
        save_product(demo_db, replace(bad, unit_price_cents=-1)).outcome
        is ProductOutcome.NEGATIVE_PRICE
    )
    reversed_dates = replace(bad, valid_from=date(2024, 1, 2), valid_until=date(2024, 1, 1))
    assert save_product(demo_db, reversed_dates).outcome is ProductOutcome.DATES_REVERSED
    taken = replace(bad, name="Ticket démo")
    assert save_product(demo_db, taken).outcome is ProductOutcome.NAME_TAKEN


def test_the_office_edits_sessions_in_place(demo_db):
    friday = get_session(demo_db, "we1-vendredi")
    moved = replace(friday, place="Salle Pasteur, Montpellier", lunch=True, label="Ouverture")
    assert update_session(demo_db, moved) is SessionEditOutcome.SAVED
    row = demo_db.execute(
        "SELECT place, lunch, label FROM sessions WHERE id = 'we1-vendredi'"
    ).fetchone()
    assert row == ("Salle Pasteur, Montpellier", 1, "Ouverture")
    assert set_lunch(demo_db, friday.id, False) is SessionEditOutcome.SAVED
    assert get_session(demo_db, friday.id).lunch is False
    assert update_session(demo_db, replace(friday, part="nuit")) is SessionEditOutcome.INVALID_PART
    assert update_session(demo_db, replace(friday, label=" ")) is SessionEditOutcome.EMPTY_LABEL
    assert update_session(demo_db, replace(friday, id="x")) is SessionEditOutcome.NOT_FOUND
    assert set_lunch(demo_db, "x", True) is SessionEditOutcome.NOT_FOUND
    assert demo_db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_ticket_policy_is_replaced_as_a_whole(demo_db):
    sid = "we2-samedi"
    lines = [(MAGNETIC, 1), (DEMO_TICKET.id, 3)]
    assert set_ticket_policy(demo_db, sid, lines) is SessionEditOutcome.SAVED
    rows = demo_db.execute(
        "SELECT product_id, quantity FROM session_tickets WHERE session_id = ? ORDER BY 1", [sid]
    ).fetchall()
    assert rows == [(MAGNETIC, 1), (DEMO_TICKET.id, 3)]
    assert [(p.product.id, p.quantity) for p in session_plan(demo_db, sid).tickets] == [
        (MAGNETIC, 1),
        (DEMO_TICKET.id, 3),
    ]
    assert set_ticket_policy(demo_db, sid, [("nope", 1)]) is SessionEditOutcome.UNKNOWN_PRODUCT
    assert set_ticket_policy(demo_db, sid, [(MAGNETIC, 0)]) is SessionEditOutcome.INVALID_QUANTITY
    assert set_ticket_policy(demo_db, sid, [(MAGNETIC, 21)]) is SessionEditOutcome.INVALID_QUANTITY
    doubled = [(MAGNETIC, 1), (MAGNETIC, 2)]
    assert set_ticket_policy(demo_db, sid, doubled) is SessionEditOutcome.DUPLICATE_PRODUCT
    assert set_ticket_policy(demo_db, "x", lines) is SessionEditOutcome.NOT_FOUND
    assert len(ticket_policy(demo_db, sid)) == 2  # refusals changed nothing
    assert set_ticket_policy(demo_db, sid, []) is SessionEditOutcome.SAVED
    assert ticket_policy(demo_db, sid) == ()
    assert [plan.session.id for plan in session_plans(demo_db)][:2] == [
        "we1-vendredi",
        "we1-samedi",
    ]


def test_demo_session_today_hands_out_the_demo_ticket(tmp_path):
    now = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    db = create_demo(tmp_path / "today.sqlite", lambda: now)
    try:
        (line,) = ticket_policy(db, "demo-2026-03-04")
        assert (line.product.id, line.quantity) == (DEMO_TICKET.id, 2)
        desk = local_desk(db, "Agnès")
        session = get_session(db, "demo-2026-03-04")
        member = _member(db, "BENALI")  # 7j-7, and 2026 is after free travel: still handed out
        checkin.check_in_member(db, member.id, session, desk, lambda: now)
        result = hand_out_ticket(db, member.id, session, DEMO_TICKET.id, desk, lambda: now)
        assert result.recorded
    finally:
        db.close()
