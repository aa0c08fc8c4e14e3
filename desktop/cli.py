"""`guichet`: the desk GUI and the headless commands for the office's scripts.

guichet --demo                       the GUI on the demo convention (user data folder)
guichet --db FILE [--agent NAME]     the GUI on a given file
guichet COMMAND --db FILE ...        a headless command (see `guichet --help`)
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.commands import (
    accounts,
    ack,
    badges,
    conflicts,
    data_dictionary,
    demo,
    desk_init,
    emargement,
    export,
    import_roster,
    merge,
    passes,
    purge,
    push,
    report,
    status,
    stock,
)
from desktop.commands.common import CommandError, fail

# Each module adds its sub-command with `register(subparsers)`.
COMMAND_MODULES = (
    demo,
    import_roster,
    badges,
    emargement,
    passes,
    status,
    desk_init,
    export,
    merge,
    conflicts,
    stock,
    report,
    push,
    accounts,
    ack,
    purge,
    data_dictionary,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guichet",
        description="Guichet : accueil d'une convention citoyenne (émargement, repas, tickets).",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")
    parser.add_argument(
        "--version", action="version", version=f"Guichet {__version__}", help="afficher la version"
    )
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
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command:
            return int(args.handler(args))
        if args.self_test:
            from desktop.selftest import run_self_test

            return run_self_test()
        if args.office:
            from desktop.ui.office_window import run_office

            return run_office(args.office, args.agent or "Bureau")
        first_start = not args.db and not args.demo and not args.agent
        if not args.db and not args.demo:
            args.demo = True  # a bare `guichet` opens the demo: nothing to configure
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
