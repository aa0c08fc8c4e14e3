"""`guichet passes --db FILE --date AAAA-MM-JJ [--layout a4-4|a6] [--session ID] --out PDF`:
the meal passes already given for the day's lunch, as a PDF (members, then guests).

Printing issues nothing: passes are handed out at the desk (hand-out panel), and this command
prints them again for the office. Present members given no pass are listed as a warning."""

import argparse
import sys
from pathlib import Path

from desktop.commands.common import CommandError, add_db_argument, open_existing, parse_day
from desktop.models.clock import french_date
from desktop.models.documents.layout import DocumentError
from desktop.models.documents.passes_pdf import PASS_LAYOUTS, render_meal_passes


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "passes",
        help="bons de repas remis pour le déjeuner d'un jour, en PDF",
        description="Écrit les bons de repas déjà remis pour le déjeuner du jour (QR code "
        "signé lu à l'écran du traiteur) : membres par ordre alphabétique, puis invités. "
        "N'en remet aucun : les bons se remettent au guichet.",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--date", type=parse_day, required=True, metavar="AAAA-MM-JJ", help="jour du déjeuner"
    )
    parser.add_argument(
        "--layout",
        default="a4-4",
        metavar="MISE_EN_PAGE",
        help=f"{' | '.join(PASS_LAYOUTS)} (par défaut : a4-4, 4 bons A6 par feuille A4 ; "
        "a6 : un bon par page)",
    )
    parser.add_argument("--session", metavar="ID", help="la séance, si le jour a deux déjeuners")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="PDF", help="fichier PDF à écrire"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = open_existing(args.db)
    try:
        report = render_meal_passes(db, args.date, args.out, args.layout, session_id=args.session)
    except DocumentError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.close()
    print(
        f"Bons de repas du {french_date(args.date)} : {report.members} membre(s), "
        f"{report.guests} invité(s), {report.pages} page(s) : {args.out}"
    )
    if report.without_pass:
        print(
            f"Attention : {len(report.without_pass)} membre(s) présent(s) sans bon repas : "
            + ", ".join(report.without_pass),
            file=sys.stderr,
        )
    return 0
