"""Meal passes: one per person per lunch, guests apart, and the caterer's single redemption."""

import json
import shutil
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop.models import checkin, journal, members
from desktop.models.catering import RedeemOutcome, redeem_meal_pass
from desktop.models.codes import ALPHABET
from desktop.models.convention import get_convention, get_session
from desktop.models.facts import HandoutOutcome, VoidOutcome, void_fact
from desktop.models.meals import (
    MAC_LENGTH,
    PASS_LENGTH,
    GuestRole,
    give_guest_meal_pass,
    give_meal_pass,
    guest_meal_passes,
    meal_counts,
    meal_list,
    meal_pass_payload,
    same_guest,
)
from desktop.models.storage import open_database


def _member(db, surname):
    return next(m for m in members.all_members(db) if m.surname == surname)


def _present(db, desk, clock, surname, session):
    member = _member(db, surname)
    assert checkin.check_in_member(db, member.id, session, desk, clock).recorded
    return member


def _facts(db, kind):
    rows = db.execute(
        "SELECT id, desk_id, agent, at, member_id, session_id, target_id, payload "
        "FROM events WHERE kind = ? ORDER BY seq",
        [kind],
    ).fetchall()
    return [(*row[:7], json.loads(row[7])) for row in rows]


@pytest.fixture
def saturday(demo_db):
    return get_session(demo_db, "we1-samedi")


def test_meal_pass_for_a_present_member_is_one_fact(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "MOREAU", saturday)
    clock.advance(minutes=1)
    result = give_meal_pass(demo_db, member.id, saturday, desk, clock)
    assert result.outcome is HandoutOutcome.RECORDED and result.line_key == "meal"
    ((event_id, desk_id, agent, at, member_id, session_id, target, payload),) = _facts(
        demo_db, "meal.pass"
    )
    assert (event_id, desk_id, agent, member_id, session_id, target) == (
        result.event_id,
        desk.desk_id,
        "Martin",
        member.id,
        "we1-samedi",
        None,
    )
    assert at == "2023-11-11T08:13:00.000+00:00"
    assert payload["menu"] == member.menu and payload["day"] == "2023-11-11"
    assert "override" not in payload
    meal_pass = result.meal_pass
    assert meal_pass.holder == "Gaëlle MOREAU" and meal_pass.role == "membre"
    assert meal_pass.token == payload["token"]


def test_the_qr_payload_reveals_nothing(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "MOREAU", saturday)
    qr = give_meal_pass(demo_db, member.id, saturday, desk, clock).meal_pass.qr_payload
    assert len(qr) == PASS_LENGTH and qr.startswith("GR" + get_convention(demo_db).code_tag)
    assert set(qr[2:]) <= set(ALPHABET)
    for secret in (member.id, "MOREAU", "we1-samedi", "2023", member.external_ref):
        assert secret.upper() not in qr
    event_id = _facts(demo_db, "meal.pass")[0][0]
    assert meal_pass_payload(demo_db, event_id) == qr  # a reprint gives the same code


def test_no_meal_pass_for_an_absent_member(demo_db, desk, clock, saturday):
    member = _member(demo_db, "MOREAU")
    result = give_meal_pass(demo_db, member.id, saturday, desk, clock)
    assert result.outcome is HandoutOutcome.NOT_PRESENT
    assert _facts(demo_db, "meal.pass") == []


def test_no_meal_pass_on_friday_evening_without_lunch(demo_db, desk, clock):
    friday = get_session(demo_db, "we1-vendredi")
    clock.now = datetime(2023, 11, 10, 17, 30, tzinfo=UTC)
    member = _present(demo_db, desk, clock, "MOREAU", friday)
    result = give_meal_pass(demo_db, member.id, friday, desk, clock)
    assert result.outcome is HandoutOutcome.NO_LUNCH
    assert _facts(demo_db, "meal.pass") == []


def test_second_pass_is_refused_then_overridden_with_a_visible_reason(
    demo_db, desk, clock, saturday
):
    member = _present(demo_db, desk, clock, "MOREAU", saturday)
    first = give_meal_pass(demo_db, member.id, saturday, desk, clock)
    clock.advance(minutes=30)
    paul = replace(desk, agent="Paul")
    again = give_meal_pass(demo_db, member.id, saturday, paul, clock)
    assert again.outcome is HandoutOutcome.ALREADY_GIVEN and again.outcome.can_override
    (prior,) = again.prior
    assert (prior.event_id, prior.agent, prior.desk_label, prior.local_time) == (
        first.event_id,
        "Martin",
        "Guichet démo",
        "09:12",
    )
    blank = give_meal_pass(demo_db, member.id, saturday, paul, clock, override_reason="   ")
    assert blank.outcome is HandoutOutcome.ALREADY_GIVEN
    assert len(_facts(demo_db, "meal.pass")) == 1

    forced = give_meal_pass(
        demo_db, member.id, saturday, paul, clock, override_reason="pass tombé dans une flaque"
    )
    assert forced.outcome is HandoutOutcome.RECORDED
    passes = _facts(demo_db, "meal.pass")
    assert len(passes) == 2
    assert passes[1][2] == "Paul"
    assert passes[1][7]["override"] == {
        "reason": "pass tombé dans une flaque",
        "reasons": [],
        "duplicate_of": [first.event_id],
    }
    assert passes[0][7]["token"] != passes[1][7]["token"]
    reasons = [line.override_reason for line in meal_list(demo_db, saturday.id)]
    assert sorted(reasons, key=str) == [None, "pass tombé dans une flaque"]


def test_a_mistaken_pass_is_voided_and_can_be_given_again(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "MOREAU", saturday)
    wrong = give_meal_pass(demo_db, member.id, saturday, desk, clock)
    assert void_fact(demo_db, wrong.event_id, "", desk, clock) is VoidOutcome.REASON_REQUIRED
    outcome = void_fact(demo_db, wrong.event_id, "remis à la mauvaise personne", desk, clock)
    assert outcome is VoidOutcome.VOIDED
    assert void_fact(demo_db, wrong.event_id, "encore", desk, clock) is VoidOutcome.ALREADY_VOIDED
    ((_, _, _, _, member_id, session_id, target, payload),) = _facts(demo_db, "void")
    assert (member_id, session_id, target) == (member.id, "we1-samedi", wrong.event_id)
    assert payload == {"reason": "remis à la mauvaise personne", "voided_kind": "meal.pass"}
    assert meal_counts(demo_db, saturday.id).member_passes == 0
    # The cancelled pass is refused by the caterer; a new one is given without override.
    voided = redeem_meal_pass(demo_db, wrong.meal_pass.qr_payload, saturday, desk, clock)
    assert voided.outcome is RedeemOutcome.VOIDED
    assert give_meal_pass(demo_db, member.id, saturday, desk, clock).recorded
    assert "override" not in _facts(demo_db, "meal.pass")[1][7]


def test_a_check_in_cannot_be_voided_as_a_hand_out(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "MOREAU", saturday)
    checkin_id = checkin.live_check_in(demo_db, member.id, saturday.id).event_id
    assert void_fact(demo_db, checkin_id, "non", desk, clock) is VoidOutcome.NOT_VOIDABLE
    assert void_fact(demo_db, "nope", "non", desk, clock) is VoidOutcome.NOT_FOUND


def test_caterer_serves_a_pass_once(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    meal_pass = give_meal_pass(demo_db, member.id, saturday, desk, clock).meal_pass
    caterer = replace(desk, agent="Traiteur")
    clock.now = datetime(2023, 11, 11, 11, 41, tzinfo=UTC)  # 12:41 in Montpellier
    served = redeem_meal_pass(demo_db, meal_pass.qr_payload + "\r", saturday, caterer, clock)
    assert served.outcome is RedeemOutcome.SERVED
    assert served.meal_pass.holder == "Émilie DUBOIS" and served.meal_pass.menu == "sans porc"
    ((event_id, _, agent, at, member_id, session_id, _, payload),) = _facts(demo_db, "meal.served")
    assert (event_id, agent, at, member_id, session_id) == (
        served.event_id,
        "Traiteur",
        "2023-11-11T11:41:00.000+00:00",
        member.id,
        "we1-samedi",
    )
    assert payload == {"token": meal_pass.token, "pass_id": meal_pass.event_id}

    clock.advance(minutes=6)
    again = redeem_meal_pass(demo_db, meal_pass.qr_payload.lower(), saturday, caterer, clock)
    assert again.outcome is RedeemOutcome.ALREADY_SERVED
    assert again.first_served.local_time == "12:41"
    assert len(_facts(demo_db, "meal.served")) == 1
    assert meal_counts(demo_db, saturday.id).served_members == 1


def test_forged_passes_are_refused(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    qr = give_meal_pass(demo_db, member.id, saturday, desk, clock).meal_pass.qr_payload

    def changed(position):
        letter = "B" if qr[position] != "B" else "C"
        return qr[:position] + letter + qr[position + 1 :]

    for forged in (changed(-1), changed(10), changed(-MAC_LENGTH)):
        result = redeem_meal_pass(demo_db, forged, saturday, desk, clock)
        assert result.outcome is RedeemOutcome.FORGED
    assert _facts(demo_db, "meal.served") == []


def test_a_pass_for_another_lunch_is_refused(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    qr = give_meal_pass(demo_db, member.id, saturday, desk, clock).meal_pass.qr_payload
    next_lunch = get_session(demo_db, "we2-samedi")
    result = redeem_meal_pass(demo_db, qr, next_lunch, desk, clock)
    assert result.outcome is RedeemOutcome.OTHER_SESSION
    assert result.pass_session.id == "we1-samedi"
    assert _facts(demo_db, "meal.served") == []


@pytest.mark.parametrize(
    ("raw", "outcome"),
    [
        ("", RedeemOutcome.EMPTY),
        ("bonjour", RedeemOutcome.UNREADABLE),
        ("&é\"'(-è_çà", RedeemOutcome.SCANNER_MISCONFIGURED),
    ],
)
def test_bad_scans_at_the_caterer(demo_db, desk, clock, saturday, raw, outcome):
    assert redeem_meal_pass(demo_db, raw, saturday, desk, clock).outcome is outcome
    assert _facts(demo_db, "meal.served") == []


def test_a_badge_is_not_a_meal_pass_and_other_conventions_are_refused(
    demo_db, desk, clock, saturday
):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    badge = members.current_badge(demo_db, member.id)
    assert (
        redeem_meal_pass(demo_db, badge, saturday, desk, clock).outcome
        is RedeemOutcome.NOT_A_MEAL_PASS
    )
    qr = give_meal_pass(demo_db, member.id, saturday, desk, clock).meal_pass.qr_payload
    tag = qr[2:6]
    other_tag = "".join("B" if ch != "B" else "C" for ch in tag)
    foreign = "GR" + other_tag + qr[6:]
    assert (
        redeem_meal_pass(demo_db, foreign, saturday, desk, clock).outcome
        is RedeemOutcome.OTHER_CONVENTION
    )
    assert redeem_meal_pass(demo_db, qr, None, desk, clock).outcome is RedeemOutcome.NO_SESSION


def test_a_pass_issued_at_another_desk_is_checked_offline(demo_db, desk, db_path, clock, saturday):
    """The caterer's laptop has a copy of the prepared file, not the other desk's facts: the
    signature alone proves the pass, which is served once and counted apart."""
    demo_db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    copy_path = db_path.with_name("caterer.sqlite")
    shutil.copy(db_path, copy_path)
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    qr = give_meal_pass(demo_db, member.id, saturday, desk, clock).meal_pass.qr_payload
    caterer_db = open_database(copy_path)
    try:
        caterer = journal.Desk("traiteur", "Traiteur", "Léon")
        journal.register_desk(caterer_db, "traiteur", "Traiteur")
        served = redeem_meal_pass(caterer_db, qr, saturday, caterer, clock)
        assert served.outcome is RedeemOutcome.SERVED and served.meal_pass is None
        again = redeem_meal_pass(caterer_db, qr, saturday, caterer, clock)
        assert again.outcome is RedeemOutcome.ALREADY_SERVED
        counts = meal_counts(caterer_db, saturday.id)
        assert (counts.member_passes, counts.served_unknown) == (0, 1)
    finally:
        caterer_db.close()


def test_guest_meals_are_recorded_with_name_and_role_and_counted_apart(
    demo_db, desk, clock, saturday
):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    give_meal_pass(demo_db, member.id, saturday, desk, clock)
    guest = give_guest_meal_pass(
        demo_db, saturday, "  Pr  Anne  Lemaire ", GuestRole.EXPERT, desk, clock
    )
    assert guest.outcome is HandoutOutcome.RECORDED
    assert guest.meal_pass.is_guest and guest.meal_pass.role == "expert"
    passes = _facts(demo_db, "meal.pass")
    assert passes[1][4] is None  # no member_id
    assert passes[1][7]["guest"] == {"name": "Pr Anne Lemaire", "role": "expert"}
    give_guest_meal_pass(demo_db, saturday, "Jean Élu", GuestRole.ELECTED, desk, clock)

    again = give_guest_meal_pass(
        demo_db, saturday, "PR ANNE LEMAIRE", GuestRole.EXPERT, desk, clock
    )
    assert again.outcome is HandoutOutcome.ALREADY_GIVEN
    empty = give_guest_meal_pass(demo_db, saturday, "  ", GuestRole.STAFF, desk, clock)
    assert empty.outcome is HandoutOutcome.INVALID and empty.errors[0].field == "name"

    counts = meal_counts(demo_db, saturday.id)
    assert (counts.member_passes, counts.guest_passes, counts.passes) == (1, 2, 3)
    listing = meal_list(demo_db, saturday.id)
    assert [(line.meal_pass.holder, line.meal_pass.role) for line in listing] == [
        ("Émilie DUBOIS", "membre"),
        ("Jean Élu", "élu"),
        ("Pr Anne Lemaire", "expert"),
    ]
    served = redeem_meal_pass(demo_db, guest.meal_pass.qr_payload, saturday, desk, clock)
    assert served.outcome is RedeemOutcome.SERVED and served.meal_pass.holder == "Pr Anne Lemaire"
    assert meal_counts(demo_db, saturday.id).served_guests == 1


def test_no_guest_meal_without_lunch(demo_db, desk, clock):
    friday = get_session(demo_db, "we1-vendredi")
    result = give_guest_meal_pass(demo_db, friday, "Anne", GuestRole.STAFF, desk, clock)
    assert result.outcome is HandoutOutcome.NO_LUNCH
    assert _facts(demo_db, "meal.pass") == []


def test_guest_passes_of_a_lunch_are_listed_in_the_order_given(demo_db, desk, clock, saturday):
    member = _present(demo_db, desk, clock, "DUBOIS", saturday)
    give_meal_pass(demo_db, member.id, saturday, desk, clock)  # a member: not a guest
    anne = give_guest_meal_pass(demo_db, saturday, "Anne Lemaire", GuestRole.EXPERT, desk, clock)
    clock.advance(minutes=3)
    paul = replace(desk, agent="Paul")
    give_guest_meal_pass(demo_db, saturday, "Jean Élu", GuestRole.ELECTED, paul, clock)
    clock.advance(minutes=2)
    again = give_guest_meal_pass(
        demo_db, saturday, "anne lemaire", GuestRole.EXPERT, paul, clock, override_reason="perdu"
    )
    wrong = give_guest_meal_pass(demo_db, saturday, "Léo Faux", GuestRole.OTHER, desk, clock)
    assert void_fact(demo_db, wrong.event_id, "saisi par erreur", desk, clock) is VoidOutcome.VOIDED
    other_lunch = get_session(demo_db, "we2-samedi")
    give_guest_meal_pass(demo_db, other_lunch, "Zoé Ailleurs", GuestRole.STAFF, desk, clock)

    listed = guest_meal_passes(demo_db, saturday.id)
    assert [
        (p.holder, p.role, p.issued.local_time, p.issued.desk_label, p.issued.agent) for p in listed
    ] == [
        ("Anne Lemaire", "expert", "09:12", "Guichet démo", "Martin"),
        ("Jean Élu", "élu", "09:15", "Guichet démo", "Paul"),
        ("anne lemaire", "expert", "09:17", "Guichet démo", "Paul"),  # as typed
    ]
    assert all(p.is_guest and p.session_id == saturday.id for p in listed)
    assert listed[0].event_id == anne.event_id and listed[0].issued.override_reason is None
    assert listed[2].event_id == again.event_id and listed[2].issued.override_reason == "perdu"
    assert listed[0].qr_payload == anne.meal_pass.qr_payload
    assert guest_meal_passes(demo_db, "we3-samedi") == []


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Dr Hélène Sorel", "helene sorel", True),
        ("Mme Hélène Sorel", "Dr. HÉLÈNE SOREL", True),
        ("Hélène Sorel", "Hélène Sorel-Martin", False),
        ("Dr", "dr", True),  # a lone word is a name, never stripped away
        ("M. Martin", "Mme Martin", True),  # the title never tells two guests apart
    ],
)
def test_a_second_pass_for_the_same_guest_is_caught_whatever_the_title(
    demo_db, desk, clock, saturday, first, second, same
):
    assert same_guest(first, second) is same
    give_guest_meal_pass(demo_db, saturday, first, GuestRole.EXPERT, desk, clock)
    again = give_guest_meal_pass(demo_db, saturday, second, GuestRole.EXPERT, desk, clock)
    expected = HandoutOutcome.ALREADY_GIVEN if same else HandoutOutcome.RECORDED
    assert again.outcome is expected
