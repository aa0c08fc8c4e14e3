"""What every command shares: French errors on stderr, non-zero exit codes, opening files."""

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlite_utils

from desktop.models.storage import StorageError, open_database


class CommandError(Exception):
    """A failure to report to the person or script that ran the command (French message)."""


Handler = Callable[[argparse.Namespace], int]


def add_db_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument(
        "--db", type=Path, required=required, metavar="FICHIER", help="fichier de données Guichet"
    )


def open_existing(path: Path) -> sqlite_utils.Database:
    try:
        return open_database(path)
    except StorageError as exc:
        raise CommandError(str(exc)) from exc


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date invalide : {text!r} (format attendu : AAAA-MM-JJ)"
        ) from None


def fail(message: str, code: int = 1) -> int:
    print(f"guichet : {message}", file=sys.stderr)
    return code
