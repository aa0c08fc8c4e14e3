"""The demo convention: the real convention file (convention_file.py) with 40 fictitious members
over the 31 communes, a demo-only ticket, and a session today so that a scan works at once."""

import sqlite3
from pathlib import Path

import sqlite_utils

from desktop.models import members
from desktop.models.clock import Clock, paris_day, to_utc_text
from desktop.models.codes import new_code
from desktop.models.communes import Commune, read_reference
from desktop.models.convention import Session, add_session, current_session, get_convention
from desktop.models.convention_file import CALENDAR as CALENDAR
from desktop.models.convention_file import MAGNETIC_TICKET as MAGNETIC_TICKET
from desktop.models.convention_file import PLACE as PLACE
from desktop.models.convention_file import TICKETS_PER_SESSION as TICKETS_PER_SESSION
from desktop.models.convention_file import create_convention
from desktop.models.ids import uuid7
from desktop.models.members import Member
from desktop.models.session_plan import set_ticket_policy
from desktop.models.storage import write_transaction
from desktop.models.tickets import TicketProduct, get_product, save_product

# Fictitious people. Index i lives in commune i (the 31 communes in turn, then Montpellier).
NAMES = (
    ("ROUSSEL", "Camille"),
    ("NGUYEN", "Thi Lan"),
    ("LEFÈVRE", "Jérôme"),
    ("BOUAZIZ", "Yasmine"),
    ("DUBOIS", "Émilie"),
    ("MARTIN", "Denis"),
    ("GARCIA", "Fabien"),
    ("SAINT-JEAN", "Noémie"),
    ("DE LA TOUR-D'AUVERGNE", "Marie-Christine"),
    ("MOREAU", "Gaëlle"),
    ("FAURE", "Loïc"),
    ("BENALI", "Karim"),
    ("CHEVALIER", "Hélène"),
    ("ROUX", "François"),
    ("BLANC", "Zoé"),
    ("OLIVIER", "Anaïs"),
    ("PERRIN", "Maël"),
    ("DIALLO", "Aminata"),
    ("MERCIER", "Cédric"),
    ("ŒUVRARD", "Béatrice"),
    ("LAMBERT", "Théo"),
    ("FONTAINE", "Inès"),
    ("ROBIN", "Sébastien"),
    ("GIRAUD", "Léa"),
    ("BERTRAND", "Hervé"),
    ("MÜLLER", "Agnès"),
    ("COSTA", "João"),
    ("LEROY", "Chloé"),
    ("KOWALSKI", "Ewa"),
    ("HAMIDI", "Nadia"),
    ("PUJOL", "Régis"),
    ("VIDAL", "Amélie"),
    ("ESTÈVE", "Raphaël"),
    ("N'DIAYE", "Ousmane"),
    ("BARTHÉLÉMY", "Solène"),
    ("CASTEL", "Jean-Baptiste"),
    ("ARNAUD", "Clémence"),
    ("TRAN", "Minh"),
    ("RICHARD", "Josée"),
    ("ÉTIENNE", "Lucas"),
)
PASSES = ("aucun", "week-end", "aucun", "7j-7", "aucun", "en cours", "aucun", "week-end")
MENUS = ("standard", "standard", "végétarien", "standard", "sans porc", "standard", "autre")
# A fictitious product valid without end and outside the free-travel rules, so that the demo
# session of today has a ticket to hand out.
DEMO_TICKET = TicketProduct(
    id="ticket-demo",
    name="Ticket démo",
    unit_price_cents=160,
    free_travel_applies=False,
)

# The desk's name in a demo file: also how a demo file made before DEMO_TICKET is recognised.
DEMO_DESK_LABEL = "Guichet démo"

WITHDRAWN = 39  # Lucas ÉTIENNE left the convention: his badge is refused with its own message
SUBSTITUTE = 38  # Josée RICHARD replaces him


def create_demo(path: Path | str, clock: Clock) -> sqlite_utils.Database:
    db = create_convention(path, desk_label=DEMO_DESK_LABEL, role="desk")
    convention = get_convention(db)
    assert convention is not None
    communes = read_reference()
    issued_at = to_utc_text(clock())
    with write_transaction(db):
        save_product(db, DEMO_TICKET)
        for index, (surname, first_name) in enumerate(NAMES):
            commune = communes[index] if index < len(communes) else _montpellier(communes)
            no_tram = not commune.tram_2023
            member = Member(
                id=uuid7(),
                surname=surname,
                first_name=first_name,
                commune_insee=commune.insee,
                commune=commune.name,
                status=_status(index),
                pass_status=PASSES[index % len(PASSES)],
                parking_eligible=no_tram and index % 3 == 0,
                parking_reason="Domicile non desservi par le tramway"
                if no_tram and index % 3 == 0
                else "",
                menu=MENUS[index % len(MENUS)],
                needs_assistance=index == 12,
                assistance_note="Fauteuil roulant : place en bout de rang" if index == 12 else "",
                external_ref=f"DEMO-{index + 1:03d}",
            )
            members.save_member(db, member)
            members.add_badge(db, new_code(convention.code_tag), member.id, issued_at)
    ensure_session_today(db, clock)
    return db


def is_demo(db: sqlite_utils.Database) -> bool:
    """True for the demo convention, so that the desk can say so on screen.

    Read from the data, not from the file's name or title (the demo has the real convention's
    title): its catalogue holds the demo-only ticket, which only create_demo writes, which no
    screen or command deletes (products are edited in place) and which `guichet desk-init`
    copies with the catalogue, so a desk made from a demo file is a demo too. A demo file made
    before that ticket existed still has the desk name create_demo gives it."""
    try:
        if db.execute("SELECT 1 FROM ticket_products WHERE id = ?", [DEMO_TICKET.id]).fetchone():
            return True
    except sqlite3.OperationalError:  # a file from before the ticket catalogue
        pass
    row = db.execute("SELECT label FROM desk_identity WHERE id = 1").fetchone()
    return row is not None and row[0] == DEMO_DESK_LABEL


def _montpellier(communes: list[Commune]) -> Commune:
    return next(c for c in communes if c.name == "Montpellier")


def _status(index: int) -> str:
    if index == WITHDRAWN:
        return "retiré"
    return "suppléant" if index == SUBSTITUTE else "actif"


def ensure_session_today(db: sqlite_utils.Database, clock: Clock) -> Session:
    """The demo always has a session today (lunch included), whatever day it is opened."""
    today = paris_day(clock())
    planned = current_session(db, clock())
    if planned is not None:
        return planned
    session_id = f"demo-{today.isoformat()}"
    session = Session(session_id, today, "journée", PLACE, None, True, "Séance de démonstration")
    with write_transaction(db):
        add_session(db, session)
        if get_product(db, DEMO_TICKET.id) is not None:
            set_ticket_policy(db, session_id, [(DEMO_TICKET.id, TICKETS_PER_SESSION)])
    return session
