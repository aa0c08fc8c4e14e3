"""`guichet init --db FILE [--title TITRE]`: create the real convention file at the office.

The convention, the 31 communes, the real calendar (Friday openings, Saturday lunches, the
Thursday validation session), the ticket catalogue and plan — and no member: the roster comes
next with `guichet import-roster`, then `guichet badges`.
"""

import argparse
import shlex
import sqlite3

from desktop.commands.common import CommandError, add_db_argument
from desktop.models.convention import all_sessions, get_convention
from desktop.models.convention_file import create_convention
from desktop.models.storage import StorageError
from desktop.models.workspace import CONVENTION_TITLE


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "init",
        help="créer le fichier de la convention (calendrier réel, sans membres)",
        description="Crée le fichier de la convention pour le bureau : la convention, les 31 "
        "communes, le calendrier réel des séances (ouvertures du vendredi, déjeuners du samedi, "
        "séance de validation), les tickets et leur plan par séance — sans aucun membre. "
        "Ensuite : `guichet import-roster` (la liste du tirage au sort), puis `guichet badges`. "
        "Un fichier existant n'est jamais écrasé.",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--title",
        default=CONVENTION_TITLE,
        metavar="TITRE",
        help=f"titre de la convention (par défaut : « {CONVENTION_TITLE} »)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        db = create_convention(args.db, title=args.title)
    except (StorageError, ValueError) as exc:
        raise CommandError(str(exc)) from exc
    except sqlite3.Error as exc:  # disk full...: the half-made file was removed
        raise CommandError(f"création interrompue, aucun fichier écrit : {exc}") from exc
    try:
        convention = get_convention(db)
        assert convention is not None
        sessions = all_sessions(db)
    finally:
        db.close()
    lunches = sum(1 for session in sessions if session.lunch)
    print(f"Convention créée : {args.db}")
    print(f"  {convention.title}")
    print(f"  {len(sessions)} séances, dont {lunches} avec déjeuner ; aucun membre.")
    db_arg = shlex.quote(str(args.db))
    print(f"Ensuite : guichet import-roster --db {db_arg} LISTE.csv")
    print(f"   puis : guichet badges --db {db_arg} --out badges.pdf")
    return 0
