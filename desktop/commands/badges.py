"""`guichet badges --db FILE [--layout L] [--member ID]... [--reprint --reason TEXT] --out PDF`:
the members' badges as a PDF; with --reprint, a lost badge is revoked and a new one printed."""

import argparse
import getpass
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
from desktop.models.documents.badge_layouts import LAYOUT_NAMES, page_layout
from desktop.models.documents.badges_pdf import render_badges, reprint_badges
from desktop.models.documents.layout import DocumentError
from desktop.models.journal import local_desk


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "badges",
        help="badges des membres en PDF (réédition d'un badge perdu avec --reprint)",
        description="Écrit les badges (prénom, nom, QR code) dans un fichier PDF. Sans "
        "--member : tous les membres non retirés, par ordre alphabétique.",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--layout",
        default="a4-8",
        metavar="MISE_EN_PAGE",
        help=f"{' | '.join(LAYOUT_NAMES)} (par défaut : a4-8, 8 badges par feuille A4)",
    )
    parser.add_argument(
        "--member",
        action="append",
        metavar="ID",
        help="identifiant ou référence du membre (option répétable)",
    )
    parser.add_argument(
        "--reprint",
        action="store_true",
        help="révoquer le badge actuel des membres indiqués et en imprimer un nouveau",
    )
    parser.add_argument("--reason", metavar="TEXTE", help="motif de la réédition (obligatoire)")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="PDF", help="fichier PDF à écrire"
    )
    add_agent_arguments(parser)
    parser.set_defaults(handler=run)


def _agent(args: argparse.Namespace) -> str:
    named = getattr(args, "command_agent", None) or getattr(args, "agent", None)
    return str(named) if named else f"{getpass.getuser()} (ligne de commande)"


def run(args: argparse.Namespace) -> int:
    try:
        page = page_layout(args.layout)
        if args.reprint:
            return _reprint(args)
        if args.reason:
            raise CommandError("--reason ne s'emploie qu'avec --reprint.")
        db = open_existing(args.db)
        desk = local_desk(db, _agent(args))
        count = render_badges(db, args.out, args.layout, args.member, desk=desk, clock=system_clock)
    except DocumentError as exc:
        raise CommandError(str(exc)) from exc
    pages = page.pages_for(count)
    print(f"{count} badge(s) sur {pages} page(s) ({page.label}) : {args.out}")
    return 0


def _reprint(args: argparse.Namespace) -> int:
    if not args.member:
        raise CommandError("--reprint demande au moins un --member.")
    if not args.reason or not args.reason.strip():
        raise CommandError("--reprint demande un motif : --reason TEXTE.")
    db = open_existing(args.db)
    # Revoking a badge changes data: once the file has accounts, a responsable does it.
    agent = require_agent(db, args, minimum=Role.RESPONSABLE, action="réédition de badge")
    desk = local_desk(db, agent or _agent(args))
    records = reprint_badges(
        db, args.member, args.reason, desk, system_clock, args.out, args.layout
    )
    names = ", ".join(f"{r.first_name} {r.surname}" for r in records)
    print(f"Badge(s) réédité(s), l'ancien code est révoqué : {names} : {args.out}")
    return 0
