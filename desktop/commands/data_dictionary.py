"""`guichet data-dictionary --db FILE [--csv]`: every stored table and column, what it is, why
it is kept and for how long (for the Métropole's register of processing activities)."""

import argparse
import sys

from desktop.commands.common import CommandError, add_db_argument, open_existing
from desktop.models import data_dictionary
from desktop.models.spreadsheet import csv_text


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "data-dictionary",
        help="dictionnaire des données (registre des traitements)",
        description="Liste chaque table et colonne du fichier : description, donnée "
        "personnelle ou non, finalité, durée de conservation.",
    )
    add_db_argument(parser)
    parser.add_argument("--csv", action="store_true", help="CSV (;) sur la sortie standard")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = open_existing(args.db)
    try:
        missing = data_dictionary.missing_descriptions(db)
        if args.csv:
            sys.stdout.write(csv_text(data_dictionary.HEADER, data_dictionary.rows(db)))
        else:
            sys.stdout.write(data_dictionary.text(db))
    finally:
        db.close()
    if missing:
        raise CommandError("colonnes sans description : " + ", ".join(missing))
    return 0
