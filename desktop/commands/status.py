"""`guichet status --db FILE [--date AAAA-MM-JJ] [--csv]`: the roster of that day's sessions."""

import argparse
import sys

from desktop.commands.common import CommandError, add_db_argument, open_existing, parse_day
from desktop.models.attendance import RosterRow, counts, session_roster
from desktop.models.clock import french_date, paris_day, paris_hhmm, system_clock
from desktop.models.convention import sessions_on
from desktop.models.spreadsheet import csv_text

HEADER = ["Séance", "Nom", "Prénom", "Commune", "Présent", "Arrivée", "Mode", "Guichet"]


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser("status", help="présences des séances d'un jour")
    add_db_argument(parser)
    parser.add_argument(
        "--date", type=parse_day, metavar="AAAA-MM-JJ", help="jour (par défaut : aujourd'hui)"
    )
    parser.add_argument("--csv", action="store_true", help="CSV (;) sur la sortie standard")
    parser.set_defaults(handler=run)


def _cells(session_title: str, row: RosterRow) -> list[str]:
    return [
        session_title,
        row.surname,
        row.first_name,
        row.commune,
        "oui" if row.present else "non",
        paris_hhmm(row.arrived_at) if row.arrived_at else "",
        row.method or "",
        row.desk_label or "",
    ]


def run(args: argparse.Namespace) -> int:
    db = open_existing(args.db)
    day = args.date or paris_day(system_clock())
    sessions = sessions_on(db, day)
    if not sessions:
        raise CommandError(f"aucune séance le {french_date(day)} dans {args.db}.")
    rows = [(s, session_roster(db, s.id)) for s in sessions]
    if args.csv:
        table = [_cells(s.title, r) for s, roster in rows for r in roster]
        sys.stdout.write(csv_text(HEADER, table))
        return 0
    for session, roster in rows:
        tally = counts(db, session.id)
        print(f"{session.title} — {session.place}")
        print(f"Présents : {tally.present} / {tally.expected}")
        for row in roster:
            cells = _cells(session.title, row)[1:]
            print("  " + " | ".join(cell or "-" for cell in cells))
        print()
    return 0
