"""What every command shares: French errors on stderr, non-zero exit codes, opening files."""

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlite_utils

from desktop.models import accounts
from desktop.models.accounts import Role
from desktop.models.clock import system_clock
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


def add_agent_arguments(parser: argparse.ArgumentParser) -> None:
    """`--agent NOM --password-file F`: who runs a command that changes data (required once the
    file has accounts). Stored as `command_agent` so that `guichet --agent` (GUI) is untouched."""
    parser.add_argument("--agent", dest="command_agent", metavar="NOM", help="agent qui agit")
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FICHIER",
        help="fichier dont la première ligne est le mot de passe de l'agent",
    )


def read_secret_file(path: Path) -> str:
    """The first line of a password file, without its line ending (never echoed anywhere)."""
    try:
        with open(path, encoding="utf-8") as handle:
            line = handle.readline(1024)
    except FileNotFoundError:
        raise CommandError(f"fichier de mot de passe introuvable : {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"fichier de mot de passe illisible : {path} ({exc})") from None
    return line.rstrip("\r\n")


def require_agent(
    db: sqlite_utils.Database,
    args: argparse.Namespace,
    *,
    minimum: Role | None = None,
    action: str = "",
) -> str | None:
    """Check `--agent`/`--password-file` when the file has accounts (a file without accounts,
    a fresh demo, works as before). With `minimum`, the agent's role must be at least that.
    Returns the agent's name (None when no account and no --agent); raises CommandError."""
    name = getattr(args, "command_agent", None) or getattr(args, "agent", None)
    password_file = getattr(args, "password_file", None)
    if not accounts.has_accounts(db):
        return str(name) if name else None
    if not name or password_file is None:
        raise CommandError(
            "ce fichier a des comptes d'agents : indiquez --agent NOM et --password-file FICHIER."
        )
    password = read_secret_file(password_file)
    if minimum is None:
        result = accounts.authenticate(db, name, password, system_clock)
        if not result.ok or result.account is None:
            raise CommandError(accounts.message(result))
        return result.account.name
    approval = accounts.require_role(
        db, name, password, system_clock, agent=name, minimum=minimum, action=action
    )
    if not approval.ok or approval.approver is None:
        if approval.outcome is accounts.AuthOutcome.INSUFFICIENT_ROLE:
            raise CommandError(f"cette commande demande le rôle « {minimum.value} » au moins.")
        raise CommandError(accounts.message(approval))
    return approval.approver
