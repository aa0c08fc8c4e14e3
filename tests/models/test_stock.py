"""Ticket stock per desk and day, and closing the day with its counts explained."""

import json
from datetime import UTC, date, datetime

import pytest

from desktop.cli import main
from desktop.models import checkin, members
from desktop.models.convention import get_session
from desktop.models.demo import DEMO_TICKET, MAGNETIC_TICKET
from desktop.models.facts import ConfirmReason, HandoutOutcome, VoidOutcome, void_fact
from desktop.models.stock import (
    CloseOutcome,
    CountMoment,
    Movement,
    StockOutcome,
    close_day,
    day_stock,
    record_count,
    record_movement,
)
from desktop.models.tickets import hand_out_ticket

SATURDAY = date(2023, 11, 11)
MAGNETIC = MAGNETIC_TICKET.id


def _line(stock, product_id=MAGNETIC):
    return next(line for line in stock.lines if line.product.id == product_id)


def _closings(db):
    rows = db.execute(
        "SELECT id, agent, desk_id, payload FROM events WHERE kind = 'day.close' ORDER BY seq"
    ).fetchall()
    return [(*row[:3], json.loads(row[3])) for row in rows]


@pytest.fixture
def busy_saturday(demo_db, desk, clock):
    """50 magnetic tickets at opening, two members served 2 each, 1 returned, 1 spoiled."""
    session = get_session(demo_db, "we1-samedi")
    assert record_count(
        demo_db, MAGNETIC, SATURDAY, CountMoment.OPENING, 50, desk, clock
    ).outcome is (StockOutcome.RECORDED)
    for surname in ("DUBOIS", "MARTIN"):
        member = next(m for m in members.all_members(demo_db) if m.surname == surname)
        checkin.check_in_member(demo_db, member.id, session, desk, clock)
        assert hand_out_ticket(demo_db, member.id, session, MAGNETIC, desk, clock).recorded
    record_movement(demo_db, MAGNETIC, SATURDAY, Movement.RETURNED, 1, desk, clock, "rendu")
    record_movement(demo_db, MAGNETIC, SATURDAY, Movement.SPOILED, 1, desk, clock, "déchiré")
    return session


def test_the_day_sheet_is_computed_from_the_facts(demo_db, desk, busy_saturday):
    stock = day_stock(demo_db, desk.desk_id, SATURDAY)
    line = _line(stock)
    assert (line.opening, line.handed_out, line.returned, line.spoiled) == (50, 4, 1, 1)
    assert (line.expected, line.closing, line.difference) == (46, None, None)
    assert not line.opening_carried and not line.expired(SATURDAY)
    demo_line = _line(stock, DEMO_TICKET.id)
    assert not demo_line.active and demo_line.expected == 0
    assert stock.missing_counts == (MAGNETIC_TICKET,) and not stock.closed
    assert stock.desk_label == "Guichet démo"


def test_closing_needs_every_count_then_an_explained_difference(
    demo_db, desk, clock, busy_saturday
):
    missing = close_day(demo_db, SATURDAY, desk, clock)
    assert missing.outcome is CloseOutcome.MISSING_COUNTS
    assert record_count(
        demo_db, MAGNETIC, SATURDAY, CountMoment.CLOSING, 45, desk, clock
    ).outcome is (StockOutcome.RECORDED)
    # Recounted: the latest count wins, the first stays in the log.
    clock.advance(minutes=5)
    record_count(demo_db, MAGNETIC, SATURDAY, CountMoment.CLOSING, 44, desk, clock)
    asked = close_day(demo_db, SATURDAY, desk, clock, explanation="  ")
    assert asked.outcome is CloseOutcome.EXPLANATION_REQUIRED
    (different,) = asked.stock.differences
    assert (different.closing, different.difference) == (44, -2)
    assert _closings(demo_db) == []

    clock.advance(hours=8)
    closed = close_day(
        demo_db, SATURDAY, desk, clock, explanation="2 tickets donnés à un expert sans saisie"
    )
    assert closed.outcome is CloseOutcome.CLOSED and closed.stock.closed
    ((event_id, agent, desk_id, payload),) = _closings(demo_db)
    assert (event_id, agent, desk_id) == (closed.event_id, "Martin", desk.desk_id)
    assert payload["day"] == "2023-11-11"
    assert payload["explanation"] == "2 tickets donnés à un expert sans saisie"
    assert payload["total_difference"] == -2
    magnetic = next(x for x in payload["lines"] if x["product_id"] == MAGNETIC)
    assert magnetic == {
        "product_id": MAGNETIC,
        "product_name": "Ticket 1 voyage (magnétique)",
        "opening": 50,
        "handed_out": 4,
        "returned": 1,
        "spoiled": 1,
        "expected": 46,
        "closing": 44,
        "difference": -2,
        "expired_value_cents": 0,
    }
    assert closed.stock.closure.agent == "Martin"
    assert closed.stock.explanation == "2 tickets donnés à un expert sans saisie"


def test_a_closed_day_refuses_counts_and_asks_before_a_hand_out(
    demo_db, desk, clock, busy_saturday
):
    record_count(demo_db, MAGNETIC, SATURDAY, CountMoment.CLOSING, 46, desk, clock)
    closed = close_day(demo_db, SATURDAY, desk, clock)
    assert closed.outcome is CloseOutcome.CLOSED  # no difference: no explanation needed
    assert _closings(demo_db)[0][3]["explanation"] is None
    again = close_day(demo_db, SATURDAY, desk, clock)
    assert again.outcome is CloseOutcome.ALREADY_CLOSED
    late = record_count(demo_db, MAGNETIC, SATURDAY, CountMoment.CLOSING, 40, desk, clock)
    assert late.outcome is StockOutcome.DAY_CLOSED and late.closure.event_id == closed.event_id
    member = next(m for m in members.all_members(demo_db) if m.surname == "ROUSSEL")
    checkin.check_in_member(demo_db, member.id, busy_saturday, desk, clock)
    asked = hand_out_ticket(demo_db, member.id, busy_saturday, MAGNETIC, desk, clock)
    assert asked.outcome is HandoutOutcome.NEEDS_CONFIRMATION
    assert asked.reasons == (ConfirmReason.DAY_CLOSED,)
    # Reopening is a void of the closing, with a reason; counts are then accepted again.
    assert void_fact(demo_db, closed.event_id, "recompte", desk, clock) is VoidOutcome.VOIDED
    assert not day_stock(demo_db, desk.desk_id, SATURDAY).closed
    assert record_count(
        demo_db, MAGNETIC, SATURDAY, CountMoment.CLOSING, 40, desk, clock
    ).outcome is (StockOutcome.RECORDED)


def test_expired_stock_is_shown_as_lost_value(demo_db, desk, clock, busy_saturday):
    record_count(demo_db, MAGNETIC, SATURDAY, CountMoment.CLOSING, 44, desk, clock)
    january = date(2024, 1, 19)
    clock.now = datetime(2024, 1, 19, 16, 0, tzinfo=UTC)
    stock = day_stock(demo_db, desk.desk_id, january)
    line = _line(stock)
    assert line.opening == 44 and line.opening_carried  # last closing count of the desk
    assert line.expired(january) and line.expired_value_cents(january) == 44 * 160
    assert stock.expired_value_cents == 7040
    # Counted and found all there: the whole count is still lost value.
    record_count(demo_db, MAGNETIC, january, CountMoment.CLOSING, 44, desk, clock)
    closed = close_day(demo_db, january, desk, clock)
    assert closed.outcome is CloseOutcome.CLOSED
    assert _closings(demo_db)[0][3]["expired_value_cents"] == 7040


def test_bad_counts_are_refused(demo_db, desk, clock):
    negative = record_count(demo_db, MAGNETIC, SATURDAY, CountMoment.OPENING, -1, desk, clock)
    assert negative.outcome is StockOutcome.INVALID_COUNT
    zero = record_movement(demo_db, MAGNETIC, SATURDAY, Movement.SPOILED, 0, desk, clock)
    assert zero.outcome is StockOutcome.INVALID_COUNT
    unknown = record_count(demo_db, "nope", SATURDAY, CountMoment.OPENING, 3, desk, clock)
    assert unknown.outcome is StockOutcome.UNKNOWN_PRODUCT
    assert demo_db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_stock_command_prints_the_day(demo_db, db_path, desk, clock, busy_saturday, capsys):
    record_count(demo_db, MAGNETIC, SATURDAY, CountMoment.CLOSING, 44, desk, clock)
    close_day(demo_db, SATURDAY, desk, clock, explanation="écart inexpliqué")
    assert main(["stock", "--db", str(db_path), "--date", "2023-11-11", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Guichet;Date;Produit;Prix unitaire;Ouverture;Remis;Retournés")
    magnetic = next(line for line in lines if "magnétique" in line).split(";")
    assert magnetic == [
        "Guichet démo",
        "11/11/2023",
        "Ticket 1 voyage (magnétique)",
        "1,60 €",
        "50",
        "4",
        "1",
        "1",
        "46",
        "44",
        "-2",  # a plain negative number stays a number (no formula there)
        "non",
        "0,00 €",
        "clôturée par Martin à 09:12",
    ]
    assert main(["stock", "--db", str(db_path), "--date", "2023-11-11"]) == 0
    text = capsys.readouterr().out
    assert "Explication de l'écart : écart inexpliqué" in text and "Écart : -2" in text


def test_stock_command_fails_in_french(tmp_path, capsys):
    code = main(["stock", "--db", str(tmp_path / "absent.sqlite"), "--date", "2023-11-11"])
    assert code != 0
    assert "Fichier introuvable" in capsys.readouterr().err
