"""`guichet emargement --db FILE --date AAAA-MM-JJ [--blank] [--session ID] --out PDF`: the
feuilles d'émargement of a day (a sheet per session, or one session) as a PDF; a completed
sheet fills its Repas / Tickets / Stationnement columns from the hand-out facts."""

import argparse
from pathlib import Path

from desktop.commands.common import CommandError, add_db_argument, open_existing, parse_day
from desktop.models.clock import french_date, system_clock
from desktop.models.documents.emargement_pdf import render_emargement_day
from desktop.models.documents.layout import DocumentError


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "emargement",
        help="feuilles d'émargement d'un jour en PDF",
        description="Écrit la feuille d'émargement de chaque séance du jour (ou d'une seule "
        "avec --session) : vierge à faire signer avec --blank, complétée sinon (heures "
        "d'arrivée, repas, tickets et stationnement lus dans les remises enregistrées).",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--date", type=parse_day, required=True, metavar="AAAA-MM-JJ", help="jour des séances"
    )
    parser.add_argument(
        "--blank", action="store_true", help="feuille vierge (noms seuls) à signer sur place"
    )
    parser.add_argument("--session", metavar="ID", help="une seule séance de ce jour")
    parser.add_argument("--signatory", default="", metavar="NOM", help="agent qui certifie")
    parser.add_argument("--role", default="", metavar="FONCTION", help="fonction de l'agent")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="PDF", help="fichier PDF à écrire"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = open_existing(args.db)
    try:
        pages = render_emargement_day(
            db,
            args.date,
            args.out,
            blank=args.blank,
            agent=args.signatory,
            role=args.role,
            session_id=args.session,
            clock=system_clock,
        )
    except DocumentError as exc:
        raise CommandError(str(exc)) from exc
    kind = "vierge(s)" if args.blank else "complétée(s)"
    print(
        f"Feuille(s) d'émargement {kind} du {french_date(args.date)}, {pages} page(s) : {args.out}"
    )
    return 0
