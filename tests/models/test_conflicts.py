"""Conflicts between desks: computed over live facts, resolved only by a person with a reason."""

import csv
import io

import pytest

from desktop.models import journal, members
from desktop.models.conflicts import (
    ConflictKind,
    ResolveOutcome,
    find_conflict,
    list_conflicts,
    resolve_conflict,
)
from desktop.models.journal import Desk
from desktop.models.storage import write_transaction
from tests.models.sync_support import member_id, run_cli

SESSION = "we1-samedi"


@pytest.fixture
def desks(demo_db):
    """Three desks writing into one master file, as after a merge."""
    made = []
    for n, agent in ((2, "Martin"), (3, "Paul"), (4, "Inès")):
        desk = Desk(f"desk-{n}", f"Guichet {n}", agent)
        journal.register_desk(demo_db, desk.desk_id, desk.label)
        made.append(desk)
    demo_db.conn.commit()
    return made


def _fact(db, desk, clock, kind, **fields):
    with write_transaction(db):
        event = journal.append(db, desk, clock, kind, **fields)
    clock.advance(minutes=1)
    return event.id


def _checkin(db, desk, clock, ref="DEMO-017", token=None):
    payload = {"method": "qr", **({"token": token} if token else {})}
    mid = member_id(db, ref)
    return _fact(db, desk, clock, "checkin", member_id=mid, session_id=SESSION, payload=payload)


def test_no_conflict_within_one_desk_or_between_different_members(demo_db, desks, clock):
    a, b, _ = desks
    _checkin(demo_db, a, clock, "DEMO-001")
    _checkin(demo_db, b, clock, "DEMO-002")
    mid = member_id(demo_db, "DEMO-003")
    _fact(demo_db, a, clock, "meal.pass", member_id=mid, session_id=SESSION)
    _fact(demo_db, a, clock, "meal.pass", member_id=mid, session_id="we2-samedi")
    assert list_conflicts(demo_db) == []


def test_three_desks_make_three_pairs_and_voiding_one_fact_clears_its_pairs(demo_db, desks, clock):
    ids = [_checkin(demo_db, desk, clock) for desk in desks]
    found = list_conflicts(demo_db)
    assert [(c.first.event_id, c.second.event_id) for c in found] == [
        (ids[0], ids[1]),
        (ids[0], ids[2]),
        (ids[1], ids[2]),
    ]
    assert {c.kind for c in found} == {ConflictKind.DOUBLE_CHECKIN}
    assert found[0].member_name == "Maël PERRIN" and found[0].session_id == SESSION
    assert (found[0].second.desk_label, found[0].second.agent) == ("Guichet 3", "Paul")
    office = Desk("bureau", "Bureau", "Claire")
    assert resolve_conflict(demo_db, found[1], ids[0], "erreur de saisie", office, clock) is (
        ResolveOutcome.RESOLVED
    )
    left = list_conflicts(demo_db)
    assert [(c.first.event_id, c.second.event_id) for c in left] == [(ids[0], ids[1])]
    (count,) = demo_db.execute("SELECT COUNT(*) FROM events WHERE id IN (?, ?, ?)", ids).fetchone()
    assert count == 3  # nothing is deleted


def test_resolution_needs_a_reason_one_of_the_two_facts_and_an_open_conflict(demo_db, desks, clock):
    a, b, _ = desks
    first, second = _checkin(demo_db, a, clock), _checkin(demo_db, b, clock)
    (conflict,) = list_conflicts(demo_db)
    office = Desk("bureau", "Bureau", "Claire")
    assert resolve_conflict(demo_db, conflict, first, " ", office, clock) is (
        ResolveOutcome.REASON_REQUIRED
    )
    assert resolve_conflict(demo_db, conflict, "autre", "motif", office, clock) is (
        ResolveOutcome.NOT_A_PARTY
    )
    assert resolve_conflict(demo_db, conflict, second, "arrivé à 9 h 40", office, clock) is (
        ResolveOutcome.RESOLVED
    )
    assert resolve_conflict(demo_db, conflict, first, "encore", office, clock) is (
        ResolveOutcome.ALREADY_RESOLVED
    )
    voids = demo_db.execute("SELECT target_id FROM events WHERE kind = 'void'").fetchall()
    assert voids == [(first,)]
    assert find_conflict(demo_db, conflict.key) is None


def test_revoked_badge_used_at_another_desk(demo_db, desks, clock):
    a, b, _ = desks
    mid = member_id(demo_db, "DEMO-017")
    old = members.current_badge(demo_db, mid)
    revoke = _fact(demo_db, a, clock, "badge.revoke", member_id=mid, target_id=old)
    used = _checkin(demo_db, b, clock, token=old)
    (conflict,) = list_conflicts(demo_db)
    assert conflict.kind is ConflictKind.REVOKED_BADGE
    assert (conflict.first.event_id, conflict.second.event_id) == (revoke, used)
    office = Desk("bureau", "Bureau", "Claire")
    outcome = resolve_conflict(demo_db, conflict, used, "badge retrouvé par Maël", office, clock)
    assert outcome is ResolveOutcome.RESOLVED
    assert list_conflicts(demo_db) == []
    assert members.is_revoked(demo_db, old)  # keeping the check-in does not revive the badge
    accept = demo_db.execute(
        "SELECT target_id, json_extract(payload, '$.other_id') FROM events "
        "WHERE kind = 'conflict.accept'"
    ).fetchone()
    assert accept == (used, revoke)


def test_revoked_badge_used_earlier_is_no_conflict_and_voiding_the_checkin_resolves(
    demo_db, desks, clock
):
    a, b, _ = desks
    mid = member_id(demo_db, "DEMO-017")
    old = members.current_badge(demo_db, mid)
    _checkin(demo_db, b, clock, token=old)  # used before the revocation: fine
    _fact(demo_db, a, clock, "badge.revoke", member_id=mid, target_id=old)
    assert list_conflicts(demo_db) == []
    used = _checkin(demo_db, b, clock, "DEMO-017", token=old)
    conflicts = [c for c in list_conflicts(demo_db) if c.kind is ConflictKind.REVOKED_BADGE]
    (conflict,) = conflicts
    office = Desk("bureau", "Bureau", "Claire")
    keep = conflict.first.event_id
    assert resolve_conflict(demo_db, conflict, keep, "badge volé", office, clock) is (
        ResolveOutcome.RESOLVED
    )
    assert demo_db.execute(
        "SELECT 1 FROM events WHERE kind = 'void' AND target_id = ?", [used]
    ).fetchone()


def test_same_parking_receipt_at_two_desks(demo_db, desks, clock):
    a, b, _ = desks
    one = member_id(demo_db, "DEMO-001")
    two = member_id(demo_db, "DEMO-002")
    first = _fact(
        demo_db,
        a,
        clock,
        "parking.receipt",
        member_id=one,
        session_id=SESSION,
        payload={"car_park": "Corum", "receipt_number": "A-1234", "amount_cents": 1250},
    )
    second = _fact(
        demo_db,
        b,
        clock,
        "parking.receipt",
        member_id=two,
        session_id=SESSION,
        payload={"car_park": " corum ", "receipt_number": "a-1234", "amount_cents": 1250},
    )
    _fact(
        demo_db,
        b,
        clock,
        "parking.receipt",
        member_id=two,
        session_id=SESSION,
        payload={"car_park": "Corum", "receipt_number": "A-1235", "amount_cents": 900},
    )
    (conflict,) = list_conflicts(demo_db)
    assert conflict.kind is ConflictKind.PARKING_RECEIPT
    assert (conflict.first.event_id, conflict.second.event_id) == (first, second)
    assert conflict.kind.label == "même ticket de stationnement à deux guichets"


def test_cli_lists_conflicts_as_csv_and_resolves_one(tmp_path, clock):
    from desktop.models.demo import create_demo

    office = tmp_path / "bureau.sqlite"
    db = create_demo(office, clock)
    made = []
    for n, agent in ((2, "Martin"), (3, "Paul")):
        desk = Desk(f"desk-{n}", f"Guichet {n}", agent)
        journal.register_desk(db, desk.desk_id, desk.label)
        made.append(desk)
    db.conn.commit()
    mid = member_id(db)
    ids = [_fact(db, desk, clock, "meal.pass", member_id=mid, session_id=SESSION) for desk in made]
    db.close()

    done = run_cli("conflicts", "--office", office, "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout), delimiter=";"))
    assert rows[0][:4] == ["Conflit", "Membre", "Séance", "Guichet 1"]
    assert rows[1][:5] == [
        "deux repas pour un déjeuner",
        "Maël PERRIN",
        SESSION,
        "Guichet 2",
        "Martin",
    ]
    assert rows[1][5] == "11/11/2023 09:12" and rows[1][6] == ids[0] and rows[1][10] == ids[1]
    key = rows[1][11]

    args = ["conflicts", "--office", office, "--resolve", key, "--keep", ids[1]]
    refused = run_cli(*args, "--agent", "Claire")
    assert refused.returncode == 1 and "--reason" in refused.stderr
    done = run_cli(*args, "--reason", "un seul plateau", "--agent", "Claire")
    assert done.returncode == 0, done.stderr
    listing = run_cli("conflicts", "--office", office)
    assert listing.stdout.strip() == "Aucun conflit entre guichets."


@pytest.mark.parametrize(
    ("one", "two", "conflict"),
    [
        (("Parking Comédie", "A-1234"), ("PARKING COMEDIE", "a 1234"), True),
        (("Gare Saint-Roch", "N° 0042"), ("gare saint roch", "n°0042"), True),
        (("Œuvre", "12/345"), ("oeuvre", "12345"), True),
        (("Corum", "1234"), ("Corum", "1235"), False),
        (("Corum", "1234"), ("Comédie", "1234"), False),
    ],
)
def test_receipts_compare_as_the_desk_compares_them(demo_db, desks, clock, one, two, conflict):
    """Case, accents and separators do not make two receipts different (parking._number_key)."""
    a, b, _ = desks
    for desk, (park, number) in ((a, one), (b, two)):
        _fact(
            demo_db,
            desk,
            clock,
            "parking.receipt",
            member_id=member_id(demo_db, "DEMO-001"),
            session_id=SESSION,
            payload={"car_park": park, "receipt_number": number, "amount_cents": 500},
        )
    assert bool(list_conflicts(demo_db)) is conflict
