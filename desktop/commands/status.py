"""`guichet status --db FILE [--date AAAA-MM-JJ] [--csv]`: the roster of that day's sessions,
with what each member received (meal pass, tickets, parking receipts)."""

import argparse
import sys

from desktop.commands.common import CommandError, add_db_argument, open_existing, parse_day
from desktop.models.attendance import RosterRow, counts, session_roster
from desktop.models.clock import french_date, paris_day, paris_hhmm, system_clock
from desktop.models.convention import sessions_on
from desktop.models.handouts import MemberHandouts, session_handouts
from desktop.models.meals import meal_counts
from desktop.models.spreadsheet import csv_text, euros

HEADER = [
    "Séance",
    "Nom",
    "Prénom",
    "Commune",
    "Présent",
    "Arrivée",
    "Mode",
    "Guichet",
    "Pass repas",
    "Pass repas à",
    "Pass repas guichet",
    "Tickets",
    "Reçus parking",
    "Total parking",
]


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser("status", help="présences des séances d'un jour")
    add_db_argument(parser)
    parser.add_argument(
        "--date", type=parse_day, metavar="AAAA-MM-JJ", help="jour (par défaut : aujourd'hui)"
    )
    parser.add_argument("--csv", action="store_true", help="CSV (;) sur la sortie standard")
    parser.set_defaults(handler=run)


def _cells(session_title: str, row: RosterRow, given: MemberHandouts) -> list[str]:
    meal = given.meal
    return [
        session_title,
        row.surname,
        row.first_name,
        row.commune,
        "oui" if row.present else "non",
        paris_hhmm(row.arrived_at) if row.arrived_at else "",
        row.method or "",
        row.desk_label or "",
        "oui" if meal else "non",
        paris_hhmm(meal.at) if meal else "",
        meal.desk_label if meal else "",
        given.tickets_text,
        str(given.receipts),
        euros(given.receipts_cents),
    ]


def run(args: argparse.Namespace) -> int:
    db = open_existing(args.db)
    day = args.date or paris_day(system_clock())
    sessions = sessions_on(db, day)
    if not sessions:
        raise CommandError(f"aucune séance le {french_date(day)} dans {args.db}.")
    rows = [(s, session_roster(db, s.id), session_handouts(db, s.id)) for s in sessions]
    nothing = MemberHandouts()
    if args.csv:
        table = [
            _cells(s.title, r, given.get(r.member_id, nothing))
            for s, roster, given in rows
            for r in roster
        ]
        sys.stdout.write(csv_text(HEADER, table))
        return 0
    for session, roster, given in rows:
        tally = counts(db, session.id)
        print(f"{session.title} — {session.place}")
        print(f"Présents : {tally.present} / {tally.expected}")
        if session.lunch:
            meals = meal_counts(db, session.id)
            print(f"Pass repas : {meals.member_passes} membres, {meals.guest_passes} invités")
        for row in roster:
            cells = _cells(session.title, row, given.get(row.member_id, nothing))[1:]
            print("  " + " | ".join(cell or "-" for cell in cells))
        print()
    return 0
