"""`guichet purge --db desk.sqlite --ack accuse.json --agent NOM [--password-file F]`:
delete the desk's personal data on the office's signed acknowledgement ("Purger le poste").

Refused (exit 1, nothing changed) without a valid acknowledgement for this desk's last export,
or when facts were written since. Once the file has accounts: a responsable's password.
"""

import argparse
from pathlib import Path

from desktop import paths
from desktop.commands.common import (
    CommandError,
    add_agent_arguments,
    add_db_argument,
    open_existing,
    require_agent,
)
from desktop.models import backups, purge
from desktop.models.accounts import Role
from desktop.models.clock import system_clock
from desktop.models.journal import local_desk


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "purge",
        help="purger le poste (données personnelles) sur accusé de réception du bureau",
        description="Supprime les données personnelles du poste (noms des membres, badges, "
        "justificatifs) une fois son export importé au bureau, sur présentation de l'accusé de "
        "réception signé par le bureau (guichet ack). Le journal des faits est conservé, "
        "anonyme ; un journal des purges garde quoi, quand, qui.",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--ack", type=Path, required=True, metavar="JSON", help="accusé de réception du bureau"
    )
    parser.add_argument(
        "--office-fingerprint",
        metavar="EMPREINTE",
        help="empreinte de la clé du bureau (donnée par téléphone), pour un poste préparé "
        "avant que le bureau ait sa clé",
    )
    parser.add_argument(
        "--backups",
        type=Path,
        action="append",
        default=[],
        metavar="DOSSIER",
        help="dossier de sauvegardes du poste en plus du dossier habituel (répétable) : "
        "les copies du fichier y sont supprimées avec la purge",
    )
    add_agent_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = open_existing(args.db)
    try:
        agent = require_agent(db, args, minimum=Role.RESPONSABLE, action="purge du poste")
        if not agent:
            raise CommandError("indiquez qui purge le poste : --agent NOM.")
        document = purge.read_ack(args.ack)
        if document is None:
            raise CommandError(f"accusé de réception illisible : {args.ack}")
        result = purge.purge_desk(
            db,
            document,
            local_desk(db, agent),
            system_clock,
            trusted_fingerprint=args.office_fingerprint,
        )
    finally:
        db.close()
    if not result.purged:
        raise CommandError(result.message)
    print(result.message)
    # The backups and the files kept aside by a restore still hold the names: they go too.
    removed = backups.remove_copies(args.db, [*_backup_folders(), *args.backups])
    print(f"{len(removed)} copie(s) de sauvegarde du poste supprimée(s).")
    if result.guest_names_in_log:
        print(
            f"{result.guest_names_in_log} nom(s) d'invités aux repas restent dans le journal "
            "des faits (en ajout seul)."
        )
    return 0


def _backup_folders() -> list[Path]:
    """The usual backup folder and the one chosen in the desk's settings, if any."""
    folders = [paths.backup_folder()]
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.settings import Settings  # the desk's settings (QSettings, no window)

    # The store the app uses is named after the application (set by the app at start).
    QCoreApplication.setOrganizationName(paths.APP_NAME)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    chosen = Settings().backup_folder
    if chosen:
        folders.append(Path(chosen))
    return folders
