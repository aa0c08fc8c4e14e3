"""`guichet desk-init`: make a desk file from the office's prepared convention, and register it.

guichet desk-init --from office.sqlite --db guichet2.sqlite --label "Guichet 2"
    new desk file + key pair (guichet2.sqlite.key, owner-only), registered at the office
guichet desk-init --db guichet2.sqlite --export-identity guichet2.identite.json
    the desk's signed identity (public key only), for a desk made from a copy of the file
guichet register-desk --office office.sqlite guichet2.identite.json
    register that identity at the office (same convention only)
"""

import argparse
from pathlib import Path

from desktop.commands.common import CommandError
from desktop.models.desk_setup import (
    DeskSetupError,
    create_desk,
    export_identity,
    register_identity,
)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "desk-init",
        help="préparer un poste (guichet) à partir du fichier du bureau",
        description="Crée le fichier d'un poste à partir de la convention préparée au bureau "
        "(séances, membres, badges...), avec un identifiant et une paire de clés Ed25519 ; la "
        "clé privée est écrite à côté (FICHIER.key, lisible par son seul propriétaire) et la "
        "clé publique inscrite dans le fichier du bureau. Un poste préparé à partir d'une "
        "copie : --export-identity, puis `guichet register-desk` au bureau.",
    )
    parser.add_argument(
        "--db", type=Path, required=True, metavar="FICHIER", help="fichier du poste"
    )
    parser.add_argument(
        "--from", dest="office", type=Path, metavar="FICHIER", help="fichier du bureau"
    )
    parser.add_argument("--label", metavar="NOM", help="nom du poste (ex. « Guichet 2 »)")
    parser.add_argument(
        "--no-register",
        action="store_true",
        help="ne pas inscrire le poste dans le fichier --from (copie du fichier du bureau)",
    )
    parser.add_argument(
        "--export-identity",
        type=Path,
        metavar="JSON",
        help="écrire l'identité signée du poste --db (à inscrire avec register-desk)",
    )
    parser.set_defaults(handler=run)

    reg = subparsers.add_parser(
        "register-desk",
        help="inscrire au bureau un poste d'après son fichier d'identité",
        description="Inscrit dans le fichier du bureau la clé publique d'un poste "
        "(fichier écrit par `guichet desk-init --export-identity`).",
    )
    reg.add_argument(
        "--office", type=Path, required=True, metavar="FICHIER", help="fichier du bureau"
    )
    reg.add_argument("identity", type=Path, metavar="IDENTITÉ", help="fichier d'identité JSON")
    reg.set_defaults(handler=run_register)


def run(args: argparse.Namespace) -> int:
    try:
        if args.export_identity:
            identity = export_identity(args.db, args.export_identity)
            print(f"Identité du poste « {identity.label} » écrite : {args.export_identity}")
            return 0
        if not args.office or not args.label:
            raise CommandError("desk-init demande --from FICHIER_DU_BUREAU et --label NOM.")
        created = create_desk(args.office, args.db, args.label, register=not args.no_register)
    except DeskSetupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Poste « {created.label} » créé : {created.db_path}")
    print(f"  identifiant : {created.desk_id}")
    print(
        f"  clé privée : {created.key_path} (à copier avec le fichier sur le portable de "
        "ce guichet, et nulle part ailleurs)"
    )
    if created.registered:
        print(f"  inscrit au bureau : {args.office}")
    return 0


def run_register(args: argparse.Namespace) -> int:
    try:
        identity = register_identity(args.office, args.identity)
    except DeskSetupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Poste « {identity.label} » inscrit au bureau ({identity.desk_id}).")
    return 0
