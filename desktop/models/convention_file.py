"""The real convention file, as the office starts it: the convention, the 31 communes, the real
2023-2024 calendar, the ticket catalogue and the per-session ticket plan — and no member, no
badge, no fact. The roster comes next (`guichet import-roster`), then the badges.

The demo (demo.py) is this file plus fictitious members, a demo-only ticket and a session today.
"""

import contextlib
import os
from datetime import date
from pathlib import Path

import sqlite_utils

from desktop.models.convention import Session, add_session
from desktop.models.session_plan import set_ticket_policy
from desktop.models.storage import write_transaction
from desktop.models.tickets import TicketProduct, save_product
from desktop.models.workspace import CONVENTION_TITLE, create_file

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

# Transport tickets, on the real 2023 timeline: magnetic tickets stopped being valid on
# 21/12/2023, when transport became free every day for every resident of the Métropole.
MAGNETIC_TICKET = TicketProduct(
    id="ticket-1-voyage-magnetique",
    name="Ticket 1 voyage (magnétique)",
    unit_price_cents=160,
    valid_until=date(2023, 12, 20),
)
TICKETS_PER_SESSION = 2  # a return trip per attendance

OFFICE_LABEL = "Bureau"


def create_convention(
    path: Path | str,
    *,
    title: str = CONVENTION_TITLE,
    desk_label: str = OFFICE_LABEL,
    role: str = "office",
) -> sqlite_utils.Database:
    """A new convention file with the real calendar and ticket plan, without members. Refuses
    an existing file (StorageError) and an empty title (ValueError), leaving nothing behind;
    a file half made (disk full...) is removed, so that the next try starts clean."""
    title = " ".join(title.split())
    if not title:
        raise ValueError("Le titre de la convention est vide.")
    path = Path(path)
    db = create_file(path, desk_label=desk_label, role=role, title=title)
    try:
        with write_transaction(db):
            for session_id, day, part, weekend, lunch, label in CALENDAR:
                add_session(db, Session(session_id, day, part, PLACE, weekend, lunch, label))
            save_product(db, MAGNETIC_TICKET)
            for session_id, *_ in CALENDAR:
                # The office's plan of October 2023; from 21/12 the desk sees "non nécessaire".
                set_ticket_policy(db, session_id, [(MAGNETIC_TICKET.id, TICKETS_PER_SESSION)])
    except BaseException:
        db.close()
        _remove(path)
        raise
    return db


def _remove(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{extra}")
