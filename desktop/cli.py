"""`guichet`: the desk GUI and the headless commands for the office's scripts.

guichet --demo                       the GUI on the demo convention (user data folder)
guichet --db FILE [--agent NAME]     the GUI on a given file
guichet COMMAND --db FILE ...        a headless command (see `guichet --help`)
"""

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

import desktop
from desktop.commands.common import CommandError, fail

# Each module adds its sub-command(s) with `register(subparsers)`, in this order in --help.
COMMAND_MODULES = (
    "demo",
    "init",
    "import_roster",
    "badges",
    "emargement",
    "passes",
    "status",
    "desk_init",
    "export",
    "merge",
    "conflicts",
    "stock",
    "report",
    "push",
    "accounts",
    "ack",
    "purge",
    "data_dictionary",
)
# The GUI's own options that take a value: that value is never a command's name.
_GUI_VALUE_OPTIONS = ("--db", "--agent", "--password-file", "--office")


def names_a_command(argv: Sequence[str]) -> bool:
    """True when the command line holds a command (or asks for help). Only then are the
    command modules imported: with their PDF, spreadsheet and encryption libraries they cost
    about half a second that the desk's start (`guichet --db FILE`) does not need."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            return True
        if token in _GUI_VALUE_OPTIONS:
            next(tokens, None)
        elif not token.startswith("-"):
            return True
    return False


class _ShowVersion(argparse.Action):
    """`--version`: the version is looked up only when asked for (a scan of the installed
    packages that every start would otherwise pay)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"Guichet {desktop.__version__}")
        parser.exit()


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guichet",
        description="Guichet : accueil d'une convention citoyenne (émargement, repas, tickets).",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")
    parser.add_argument("--version", action=_ShowVersion, help="afficher la version")
    parser.add_argument("--db", type=Path, metavar="FICHIER", help="ouvrir ce fichier")
    parser.add_argument("--demo", action="store_true", help="ouvrir la convention de démonstration")
    parser.add_argument("--agent", metavar="NOM", help="agent au guichet (pas de dialogue)")
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FICHIER",
        help="mot de passe de l'agent, lu dans ce fichier (démarrage automatisé)",
    )
    parser.add_argument(
        "--office", type=Path, metavar="FICHIER", help="mode Bureau sur le fichier du bureau"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="vérifier l'installation (base de démonstration, scan, badge) puis quitter",
    )
    if with_commands:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
        for name in COMMAND_MODULES:
            import_module(f"desktop.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(with_commands=names_a_command(argv))
    args = parser.parse_args(argv)
    try:
        if getattr(args, "command", None):
            return int(args.handler(args))
        if args.self_test:
            from desktop.selftest import run_self_test

            return run_self_test()
        if args.office:
            from desktop.ui.office_window import run_office

            return run_office(args.office, args.agent or "Bureau", password_file=args.password_file)
        first_start = not args.db and not args.demo and not args.agent
        # Neither --db nor --demo: run_gui opens this laptop's desk file when the first-start
        # wizard remembered one, else the demo (desktop/start_target.py).
        from desktop.app import run_gui  # Qt is imported only for the GUI

        return run_gui(
            db_path=args.db,
            demo=args.demo,
            agent=args.agent,
            password_file=args.password_file,
            first_start=first_start,
        )
    except CommandError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrompu.", 130)
    except BrokenPipeError:  # `guichet status | head`: the reader left, nothing is wrong
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
