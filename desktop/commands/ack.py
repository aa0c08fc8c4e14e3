"""`guichet ack --office office.sqlite MANIFESTE --out accuse.json`: the office's signed
acknowledgement that a desk's export was imported completely (what `guichet purge` needs).

The office key pair is made on first use, beside the office file (`office.sqlite.key`, owner
only) and registered in it: desks prepared from the office file afterwards know it.
"""

import argparse
from pathlib import Path

from desktop.commands.common import CommandError
from desktop.models import purge
from desktop.models.clock import system_clock


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "ack",
        help="accuser réception d'un export importé (autorise la purge du poste)",
        description="Écrit l'accusé de réception signé par le bureau d'un export de poste "
        "importé en entier (guichet merge) ; le poste peut alors être purgé (guichet purge).",
    )
    parser.add_argument(
        "--office", type=Path, required=True, metavar="FICHIER", help="fichier du bureau"
    )
    parser.add_argument("manifest", type=Path, metavar="MANIFESTE", help="manifeste de l'export")
    parser.add_argument("--out", type=Path, required=True, metavar="JSON", help="accusé à écrire")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.out.exists():
        raise CommandError(f"{args.out} existe déjà : il ne sera pas écrasé.")
    try:
        document = purge.acknowledge(args.office, args.manifest, system_clock)
        purge.write_ack(args.out, document)
    except purge.AckError as exc:
        raise CommandError(str(exc)) from exc
    ack = document["acknowledgement"]
    print(
        f"Accusé de réception écrit : {args.out} (poste « {ack['desk_label']} », "
        f"{ack['event_count']} faits, export {str(ack['export_sha256'])[:12]})."
    )
    print(f"Empreinte de la clé du bureau : {purge.fingerprint(str(ack['office_public_key']))}")
    return 0
