"""`guichet demo --db FILE`: create the demo convention in FILE."""

import argparse

from desktop.commands.common import CommandError, add_db_argument
from desktop.models.attendance import counts
from desktop.models.clock import system_clock
from desktop.models.convention import current_session
from desktop.models.demo import create_demo
from desktop.models.storage import StorageError


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser("demo", help="créer la convention de démonstration")
    add_db_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        db = create_demo(args.db, system_clock)
    except StorageError as exc:
        raise CommandError(str(exc)) from exc
    session = current_session(db, system_clock())
    assert session is not None  # the demo always plans a session today
    tally = counts(db, session.id)
    print(f"Convention de démonstration créée : {args.db}")
    print(f"{tally.expected} membres attendus aujourd'hui ({session.title}).")
    return 0
