"""The demo convention: 40 fictitious members over the 31 communes, the real 2023-2024
calendar shape, and a session today so that a scan works at once."""

from datetime import date
from pathlib import Path

import sqlite_utils

from desktop.models import members
from desktop.models.clock import Clock, paris_day, to_utc_text
from desktop.models.codes import new_code
from desktop.models.communes import Commune, read_reference
from desktop.models.convention import Session, add_session, current_session, get_convention
from desktop.models.ids import uuid7
from desktop.models.members import Member
from desktop.models.session_plan import set_ticket_policy
from desktop.models.storage import write_transaction
from desktop.models.tickets import TicketProduct, get_product, save_product
from desktop.models.workspace import create_file

PLACE = "Hôtel de Métropole, 50 place Zeus, Montpellier"

# (id, day, part, weekend, lunch, label): weekend 1 opened on Friday 10 November 2023 (Saturday
# 11 November was a public holiday), lunch is paid on the three Saturdays, and a validation
# session closed the convention on Thursday 1 February 2024.
CALENDAR = (
    ("we1-vendredi", date(2023, 11, 10), "soirée", 1, False, "Week-end 1 — ouverture"),
    ("we1-samedi", date(2023, 11, 11), "journée", 1, True, "Week-end 1"),
    ("we2-vendredi", date(2023, 12, 8), "soirée", 2, False, "Week-end 2"),
    ("we2-samedi", date(2023, 12, 9), "journée", 2, True, "Week-end 2"),
    ("we3-vendredi", date(2024, 1, 19), "soirée", 3, False, "Week-end 3"),
    ("we3-samedi", date(2024, 1, 20), "journée", 3, True, "Week-end 3"),
    ("validation", date(2024, 2, 1), "soirée", None, False, "Séance de validation"),
)

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
# Transport tickets, on the real 2023 timeline: magnetic tickets stopped being valid on
# 21/12/2023, when transport became free every day for every resident of the Métropole.
MAGNETIC_TICKET = TicketProduct(
    id="ticket-1-voyage-magnetique",
    name="Ticket 1 voyage (magnétique)",
    unit_price_cents=160,
    valid_until=date(2023, 12, 20),
)
# A fictitious product valid without end and outside the free-travel rules, so that the demo
# session of today has a ticket to hand out.
DEMO_TICKET = TicketProduct(
    id="ticket-demo",
    name="Ticket démo",
    unit_price_cents=160,
    free_travel_applies=False,
)
TICKETS_PER_SESSION = 2  # a return trip per attendance

WITHDRAWN = 39  # Lucas ÉTIENNE left the convention: his badge is refused with its own message
SUBSTITUTE = 38  # Josée RICHARD replaces him


def create_demo(path: Path | str, clock: Clock) -> sqlite_utils.Database:
    db = create_file(path, desk_label="Guichet démo")
    convention = get_convention(db)
    assert convention is not None
    communes = read_reference()
    issued_at = to_utc_text(clock())
    with write_transaction(db):
        for session_id, day, part, weekend, lunch, label in CALENDAR:
            add_session(db, Session(session_id, day, part, PLACE, weekend, lunch, label))
        save_product(db, MAGNETIC_TICKET)
        save_product(db, DEMO_TICKET)
        for session_id, *_ in CALENDAR:
            # The office's plan of October 2023; from 21/12 the desk sees "non nécessaire".
            set_ticket_policy(db, session_id, [(MAGNETIC_TICKET.id, TICKETS_PER_SESSION)])
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
