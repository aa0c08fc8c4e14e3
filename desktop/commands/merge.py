"""`guichet merge --office office.sqlite EXPORT... [--agent NOM [--password-file F]]`: merge
desk exports into the office file.

One line per file: importé / déjà importé / refusé : raison. Exit 1 if any file was refused.
The office agent who merges is written in the import log: `--agent`, checked against its
password once the office file has accounts (as every command that changes data); without
accounts and without `--agent`, the merge runs as it always did and notes no agent.
"""

import argparse
import sys
from pathlib import Path

from desktop.commands.common import (
    CommandError,
    add_agent_arguments,
    open_existing,
    require_agent,
)
from desktop.commands.export import read_passphrase
from desktop.models.merge import (
    MergeError,
    MergeOutcome,
    MergeReport,
    find_exports,
    merge_exports,
)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "merge",
        help="fusionner des exports de postes dans le fichier du bureau",
        description="Vérifie chaque export (signature, taille, empreinte SHA-256, intégrité, "
        "séquence, convention) puis l'ajoute au fichier du bureau. Refaire une fusion ne "
        "change rien ; l'ordre des fichiers est indifférent.",
    )
    parser.add_argument(
        "--office", type=Path, required=True, metavar="FICHIER", help="fichier du bureau"
    )
    parser.add_argument(
        "exports",
        nargs="+",
        type=Path,
        metavar="EXPORT",
        help="fichier .sqlite, son .manifest.json, archive .zip chiffrée, ou dossier (clé USB)",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FICHIER",
        help="fichier contenant la phrase secrète des archives chiffrées",
    )
    add_agent_arguments(parser)  # --agent NOM --password-file FICHIER: noted in the import log
    parser.set_defaults(handler=run)


def line(report: MergeReport) -> str:
    name = report.source.name
    who = f" ({report.desk_label})" if report.desk_label else ""
    if report.outcome is MergeOutcome.REFUSED:
        assert report.rejection is not None
        detail = f" ({report.detail})" if report.detail else ""
        return f"{name} : refusé : {report.rejection.reason}{detail}"
    if report.outcome is MergeOutcome.ALREADY_IMPORTED:
        return f"{name}{who} : déjà importé"
    by = f" par {report.agent}" if report.agent else ""
    text = f"{name}{who} : importé{by}, {report.new_events} nouveaux faits sur {report.event_count}"
    if report.anomalies:
        text += f", {report.anomalies} mis de côté (anomalies)"
    return text


def run(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)
    paths: list[Path] = []
    for path in args.exports:
        if path.is_dir():
            inside = find_exports(path)
            if not inside:
                print(f"guichet : aucun export dans le dossier {path}.", file=sys.stderr)
            paths.extend(inside)
        else:
            paths.append(path)
    if not paths:
        raise CommandError("aucun fichier à fusionner.")
    if args.command_agent is not None and not args.command_agent.strip():
        raise CommandError("--agent : le nom de l'agent est vide.")
    db = open_existing(args.office)
    try:
        agent = require_agent(db, args) or ""
        reports = merge_exports(db, paths, passphrase, agent=agent)
    except MergeError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.close()
    for report in reports:
        print(line(report))
        if report.copied_desk:
            print(
                f"guichet : attention : le poste « {report.desk_label} » semble tourner sur deux "
                f"ordinateurs (fichier copié) : des numéros de {report.source.name} sont déjà "
                "pris par d'autres faits ; ses nouveaux faits sont mis de côté (anomalies).",
                file=sys.stderr,
            )
    refused = sum(1 for r in reports if r.refused)
    if refused:
        print(f"guichet : {refused} fichier(s) refusé(s).", file=sys.stderr)
        return 1
    return 0
