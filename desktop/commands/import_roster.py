"""`guichet import-roster --db FILE LISTE`: import (or re-import) the panel company's roster.

Prints the summary (warnings included) and exits 0; with any problem, prints every problem on
stderr and exits 1, the database untouched.
"""

import argparse
import sqlite3
import sys
from pathlib import Path

from desktop.commands.common import (
    CommandError,
    add_agent_arguments,
    add_db_argument,
    open_existing,
    require_agent,
)
from desktop.models.accounts import Role
from desktop.models.clock import system_clock
from desktop.models.roster import import_roster


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "import-roster",
        help="importer la liste des membres (CSV, XLSX ou ODS)",
        description="Importer ou mettre à jour la liste des membres envoyée par le prestataire "
        "du tirage au sort (CSV ; , ou tabulation, XLSX ou ODS). Un fichier avec la moindre erreur "
        "n'importe rien.",
    )
    add_db_argument(parser)
    parser.add_argument("roster", type=Path, metavar="LISTE", help="fichier CSV, XLSX ou ODS")
    parser.add_argument(
        "--retirer-absents",
        action="store_true",
        dest="withdraw_most",
        help="confirmer un import qui retire plus de la moitié des membres attendus (absents "
        "du fichier) ; sans cette option, un tel import n'est pas appliqué",
    )
    add_agent_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    roster: Path = args.roster
    if not roster.is_file():
        what = "est un dossier" if roster.is_dir() else "est introuvable"
        raise CommandError(f"la liste {roster} {what}.")
    db = open_existing(args.db)
    try:
        require_agent(db, args, minimum=Role.RESPONSABLE, action="import de la liste")
        report = import_roster(db, roster, system_clock, withdraw_most=args.withdraw_most)
    except sqlite3.Error as exc:  # disk full, file locked...: the transaction was rolled back
        raise CommandError(f"import interrompu, rien n'a été enregistré : {exc}") from exc
    finally:
        db.close()
    if report.ok:
        print(report.summary)
        return 0
    print(report.summary, file=sys.stderr)
    return 1
