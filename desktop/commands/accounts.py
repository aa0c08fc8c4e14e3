"""`guichet accounts --db FILE add|list|passwd|unlock`: agents' accounts of a file.

guichet accounts --db F list
guichet accounts --db F add NOM --role accueil|responsable|bureau --new-password-file P
                 [--pin-file C] [--agent NOM --password-file F]
guichet accounts --db F passwd NOM --new-password-file P [--agent NOM --password-file F]
guichet accounts --db F unlock NOM --agent NOM --password-file F

The first account of a file must be a responsable (or bureau): it can then create the others.
Once a file has accounts, adding an account or unlocking one needs a responsable's password;
changing a password needs the agent's own password, or a responsable's. Passwords are read
from files (first line), never from the command line, where any user could see them.
"""

import argparse
from pathlib import Path

import sqlite_utils

from desktop.commands.common import (
    CommandError,
    add_agent_arguments,
    add_db_argument,
    open_existing,
    read_secret_file,
    require_agent,
)
from desktop.models import accounts
from desktop.models.accounts import AccountError, Role
from desktop.models.clock import paris_hhmm, system_clock


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "accounts",
        help="comptes des agents (ajouter, lister, changer un mot de passe)",
        description="Comptes des agents. Le premier compte doit être « responsable » ou "
        "« bureau » ; ensuite, créer ou déverrouiller un compte demande le mot de passe d'un "
        "responsable (--agent, --password-file). Les mots de passe sont lus dans des fichiers "
        "(première ligne), jamais sur la ligne de commande.",
    )
    add_db_argument(parser)
    add_agent_arguments(parser)
    actions = parser.add_subparsers(dest="accounts_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="lister les comptes")
    add = actions.add_parser("add", help="ajouter un agent")
    add.add_argument("name", metavar="NOM")
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--new-password-file", type=Path, required=True, metavar="FICHIER")
    add.add_argument("--pin-file", type=Path, metavar="FICHIER", help="code PIN (4 à 6 chiffres)")
    passwd = actions.add_parser("passwd", help="changer le mot de passe d'un agent")
    passwd.add_argument("name", metavar="NOM")
    passwd.add_argument("--new-password-file", type=Path, required=True, metavar="FICHIER")
    unlock = actions.add_parser("unlock", help="déverrouiller un compte après 5 échecs")
    unlock.add_argument("name", metavar="NOM")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = open_existing(args.db)
    try:
        return _ACTIONS[args.accounts_action](db, args)
    except AccountError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.close()


def _list(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    found = accounts.list_accounts(db)
    if not found:
        print("Aucun compte : le fichier s'ouvre sans mot de passe.")
        return 0
    for account in found:
        _failures, locked_until = accounts.lock_state(db, account.name, system_clock)
        state = "actif" if account.active else "désactivé"
        if locked_until:
            state = f"verrouillé jusqu'à {paris_hhmm(locked_until)}"
        pin = "PIN" if account.has_pin else "-"
        print(f"{account.name}\t{account.role.value}\t{state}\t{pin}")
    return 0


def _add(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    role = Role(args.role)
    if accounts.has_accounts(db):
        by = require_agent(db, args, minimum=Role.RESPONSABLE, action="création de compte")
    elif role is Role.ACCUEIL:
        raise CommandError(
            "le premier compte doit être « responsable » ou « bureau » : il créera les autres."
        )
    else:
        by = None
    password = read_secret_file(args.new_password_file)
    pin = read_secret_file(args.pin_file) if args.pin_file else None
    account = accounts.create_account(db, args.name, role, password, system_clock, by=by, pin=pin)
    print(f"Compte « {account.name} » créé ({account.role.value}).")
    return 0


def _passwd(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    target = accounts.get_account(db, args.name)
    if target is None:
        raise CommandError(f"aucun agent « {args.name} » dans ce fichier.")
    actor = args.command_agent or ""
    same = actor.strip().lower() == target.name.lower()
    minimum = None if same else Role.RESPONSABLE
    by = require_agent(db, args, minimum=minimum, action=f"mot de passe de {target.name}")
    password = read_secret_file(args.new_password_file)
    accounts.change_password(db, target.name, password, system_clock, by=by or target.name)
    print(f"Mot de passe de « {target.name} » changé.")
    return 0


def _unlock(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    by = require_agent(db, args, minimum=Role.RESPONSABLE, action=f"déverrouillage de {args.name}")
    accounts.unlock_account(db, args.name, system_clock, by=by or "")
    print(f"Compte « {args.name} » déverrouillé.")
    return 0


_ACTIONS = {"list": _list, "add": _add, "passwd": _passwd, "unlock": _unlock}
