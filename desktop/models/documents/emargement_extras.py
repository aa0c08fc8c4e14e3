"""The hand-out columns and totals of a feuille d'émargement, read from the hand-out facts
(handouts.session_handouts): meal pass given and when, tickets by product, parking receipts.

`handout_extras` builds the per-member cells the sheet prints in its Repas / Tickets /
Stationnement columns; `handout_totals` the counts the header and the certificate show.
"""

from dataclasses import dataclass

import sqlite_utils

from desktop.models.attendance import session_roster
from desktop.models.convention import get_session
from desktop.models.handouts import MemberHandouts, session_handouts
from desktop.models.meals import meal_counts
from desktop.models.spreadsheet import euros

MEAL_NOT_GIVEN = "non"  # present at a lunch session, no pass given


@dataclass(frozen=True)
class HandoutTotals:
    """What was handed out at a session, for the counts block and the certificate."""

    member_meals: int
    guest_meals: int
    tickets: tuple[tuple[str, int], ...]  # (product name, quantity), by name
    receipts: int
    receipts_cents: int

    @property
    def meals(self) -> int:
        return self.member_meals + self.guest_meals

    @property
    def tickets_text(self) -> str:
        """ "Ticket 1 voyage (magnétique) × 24, Ticket démo × 2", or "aucun"."""
        return ", ".join(f"{name} × {qty}" for name, qty in self.tickets) or "aucun"

    @property
    def parking_text(self) -> str:
        if not self.receipts:
            return "aucun reçu"
        return f"{_receipts(self.receipts)}, {euros(self.receipts_cents)}"


def _receipts(count: int) -> str:
    return f"{count} reçu" if count == 1 else f"{count} reçus"


def _short(product_name: str) -> str:
    """The column says "Tickets": "Ticket 1 voyage (magnétique)" prints "1 voyage (magnétique)"."""
    for prefix in ("Ticket ", "ticket "):
        if product_name.startswith(prefix) and len(product_name) > len(prefix):
            return product_name[len(prefix) :]
    return product_name


def member_cells(handouts: MemberHandouts) -> dict[str, str]:
    """One member's cells: {"meal": "oui 09:14", "tickets": "1 voyage × 2", "parking":
    "1 reçu 12,50 €"}; a column with nothing is left out (the sheet prints "—")."""
    cells: dict[str, str] = {}
    if handouts.meal is not None:
        cells["meal"] = f"oui {handouts.meal.local_time}"
    if handouts.tickets:
        cells["tickets"] = ", ".join(f"{_short(name)} × {qty}" for name, qty in handouts.tickets)
    if handouts.receipts:
        cells["parking"] = f"{_receipts(handouts.receipts)} {euros(handouts.receipts_cents)}"
    return cells


def handout_extras(db: sqlite_utils.Database, session_id: str) -> dict[str, dict[str, str]]:
    """The hand-out cells of every member of a session, by member id. At a session with
    lunch, a present member given no meal pass reads "non" (an absent one "—")."""
    extras = {
        member_id: member_cells(handouts)
        for member_id, handouts in session_handouts(db, session_id).items()
    }
    session = get_session(db, session_id)
    if session is not None and session.lunch:
        for row in session_roster(db, session_id):
            if row.present:
                extras.setdefault(row.member_id, {}).setdefault("meal", MEAL_NOT_GIVEN)
    return extras


def handout_totals(db: sqlite_utils.Database, session_id: str) -> HandoutTotals:
    """Meals (members and guests apart), tickets by product, and parking receipts of a
    session; rejected receipts and cancelled hand-outs are not counted."""
    meals = meal_counts(db, session_id)
    tickets: dict[str, int] = {}
    receipts = cents = 0
    for handouts in session_handouts(db, session_id).values():
        for name, quantity in handouts.tickets:
            tickets[name] = tickets.get(name, 0) + quantity
        receipts += handouts.receipts
        cents += handouts.receipts_cents
    return HandoutTotals(
        member_meals=meals.member_passes,
        guest_meals=meals.guest_passes,
        tickets=tuple(sorted(tickets.items())),
        receipts=receipts,
        receipts_cents=cents,
    )
