"""`guichet export --db FILE --out DIR [--passphrase-file F]`: a signed export of a desk.

Writes DIR/guichet-<poste>-<id>-<heure>.sqlite and its .manifest.json (signed, written last),
or, with a passphrase, one AES-256 .zip archive holding both (7-Zip opens it).
"""

import argparse
from pathlib import Path

from desktop.commands.common import CommandError, add_db_argument
from desktop.models.export import ExportError, export_desk


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "export",
        help="exporter le journal du poste pour le bureau (copie signée)",
        description="Copie cohérente et signée du fichier du poste, à fusionner au bureau. "
        "Avec --passphrase-file, une archive ZIP chiffrée AES-256 (clé USB).",
    )
    add_db_argument(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DOSSIER", help="destination")
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FICHIER",
        help="fichier contenant la phrase secrète (première ligne) : archive chiffrée",
    )
    parser.set_defaults(handler=run)


def read_passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"phrase secrète illisible : {path}") from exc
    if not lines or not lines[0].strip():
        raise CommandError(f"phrase secrète vide : {path}")
    return lines[0]


def run(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)
    try:
        receipt = export_desk(args.db, args.out, passphrase)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    print(
        f"Export de « {receipt.desk_label} » : {receipt.event_count} faits "
        f"(dernier n° {receipt.last_seq}), empreinte {receipt.short_hash}"
    )
    for path in receipt.paths:
        print(f"  {path}")
    return 0
