"""The real convention file (`guichet init`): the real calendar and ticket plan, no people."""

from datetime import date
from pathlib import Path

import pytest

from desktop.models import members
from desktop.models.checkin import Outcome, check_in
from desktop.models.communes import all_communes
from desktop.models.convention import all_sessions, get_convention, get_session
from desktop.models.convention_file import create_convention
from desktop.models.demo import DEMO_TICKET, create_demo
from desktop.models.desk_setup import create_desk
from desktop.models.journal import local_desk
from desktop.models.roster import import_roster
from desktop.models.session_plan import session_plans
from desktop.models.storage import StorageError, open_database
from desktop.models.tickets import products
from desktop.models.workspace import CONVENTION_TITLE, DELIBERATION, ORGANISER

ROSTER = Path(__file__).resolve().parents[1] / "data" / "rosters" / "roster-sample.csv"

# The convention's real sessions (DOMAIN.md): weekend 1 opened on Friday 10 November 2023,
# lunch on the three Saturdays, the validation session on Thursday 1 February 2024.
REAL_CALENDAR = [
    (date(2023, 11, 10), "soirée", 1, False),
    (date(2023, 11, 11), "journée", 1, True),
    (date(2023, 12, 8), "soirée", 2, False),
    (date(2023, 12, 9), "journée", 2, True),
    (date(2024, 1, 19), "soirée", 3, False),
    (date(2024, 1, 20), "journée", 3, True),
    (date(2024, 2, 1), "soirée", None, False),
]
FRIDAY, SATURDAY, THURSDAY = 4, 5, 3


@pytest.fixture
def office(tmp_path):
    db = create_convention(tmp_path / "office.sqlite")
    yield db
    db.close()


def _count(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_the_convention_row_and_the_31_communes(office):
    convention = get_convention(office)
    assert convention is not None
    assert convention.title == CONVENTION_TITLE
    assert convention.organiser == ORGANISER == "Montpellier Méditerranée Métropole"
    assert "M2023-352" in convention.deliberation == DELIBERATION
    assert len(all_communes(office)) == 31
    identity = office.execute("SELECT label, role FROM desk_identity").fetchone()
    assert identity == ("Bureau", "office")


def test_the_real_calendar_its_fridays_saturday_lunches_and_thursday_validation(office):
    sessions = all_sessions(office)
    assert [(s.day, s.part, s.weekend, s.lunch) for s in sessions] == REAL_CALENDAR
    assert [s.day.weekday() for s in sessions if s.lunch] == [SATURDAY] * 3
    fridays = [s for s in sessions if s.day.weekday() == FRIDAY]
    assert [s.weekend for s in fridays] == [1, 2, 3]
    assert all(s.part == "soirée" and not s.lunch for s in fridays)
    validation = sessions[-1]
    assert validation.day.weekday() == THURSDAY and validation.weekend is None
    assert validation.label == "Séance de validation"
    assert all(s.place.startswith("Hôtel de Métropole") for s in sessions)
    assert not any(s.id.startswith("demo-") for s in sessions)  # no "session today"


def test_the_real_ticket_products_and_every_session_plan(office):
    (magnetic,) = products(office, include_inactive=True)  # no demo-only ticket
    assert magnetic.id == "ticket-1-voyage-magnetique"
    assert magnetic.valid_until == date(2023, 12, 20)  # magnetic tickets ended on 20/12/2023
    assert magnetic.unit_price_cents == 160 and magnetic.free_travel_applies
    plans = session_plans(office)
    assert len(plans) == len(REAL_CALENDAR)
    for plan in plans:
        assert [(line.product.id, line.quantity) for line in plan.tickets] == [(magnetic.id, 2)]


def test_no_member_no_badge_no_fact(office):
    assert members.all_members(office) == []
    for table in ("members", "badges", "events"):
        assert _count(office, table) == 0, table


def test_a_title_of_its_own_and_an_empty_title_refused(tmp_path):
    db = create_convention(tmp_path / "a.sqlite", title="  Convention   citoyenne du climat ")
    convention = get_convention(db)
    db.close()
    assert convention is not None and convention.title == "Convention citoyenne du climat"
    with pytest.raises(ValueError, match="titre"):
        create_convention(tmp_path / "b.sqlite", title=" \t ")
    assert not (tmp_path / "b.sqlite").exists()


def test_an_existing_file_is_refused_and_left_untouched(tmp_path, clock):
    path = tmp_path / "office.sqlite"
    create_demo(path, clock).close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="existe déjà"):
        create_convention(path)
    assert path.read_bytes() == before
    db = open_database(path)
    assert _count(db, "members") == 40
    db.close()
    other = tmp_path / "notes.txt"
    other.write_text("pas une base", encoding="utf-8")
    with pytest.raises(StorageError, match="existe déjà"):
        create_convention(other)
    assert other.read_text(encoding="utf-8") == "pas une base"


def test_the_demo_is_the_convention_file_plus_its_fictitious_extras(tmp_path, clock):
    real = create_convention(tmp_path / "office.sqlite")
    demo = create_demo(tmp_path / "demo.sqlite", clock)
    real_plans = [(p.session, p.tickets) for p in session_plans(real)]
    demo_plans = [(p.session, p.tickets) for p in session_plans(demo)]
    assert demo_plans == real_plans  # the clock's day (11/11/2023) already has a session
    assert {p.id for p in products(demo)} == {p.id for p in products(real)} | {DEMO_TICKET.id}
    assert _count(demo, "members") == 40 and _count(real, "members") == 0
    real.close()
    demo.close()


def test_roster_then_a_desk_made_from_the_file_checks_members_in(tmp_path, clock):
    office_path = tmp_path / "office.sqlite"
    db = create_convention(office_path)
    report = import_roster(db, ROSTER, clock)
    assert report.ok, report.summary
    imported = members.all_members(db)
    assert imported and all(members.current_badge(db, m.id) for m in imported)
    db.close()

    created = create_desk(office_path, tmp_path / "guichet1.sqlite", "Guichet 1")
    desk_db = open_database(created.db_path)
    try:
        member = next(m for m in members.all_members(desk_db) if m.surname == "LEFÈVRE")
        token = members.current_badge(desk_db, member.id)
        assert token is not None
        saturday = get_session(desk_db, "we1-samedi")
        result = check_in(desk_db, token, saturday, local_desk(desk_db, "Martin"), clock)
        assert result.outcome is Outcome.CHECKED_IN
        assert result.member is not None and result.member.first_name == "Jérôme"
    finally:
        desk_db.close()
