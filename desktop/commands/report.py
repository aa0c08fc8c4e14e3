"""`guichet report --office office.sqlite [--weekend N] --out DOSSIER`: the office's reports of
a weekend (or of the whole convention) from the merged file: PDF, XLSX, CSV, the parking
receipts' scans with their SHA-256, and the émargement sheets; lists the files written."""

import argparse
from pathlib import Path

from desktop.commands.common import CommandError
from desktop.models.reports import ReportError, write_reports
from desktop.models.spreadsheet import euros


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "report",
        help="rapports du bureau (présences, repas, tickets, état liquidatif)",
        description="Écrit dans DOSSIER les rapports d'un week-end (ou de toute la convention) "
        "à partir du fichier fusionné du bureau : PDF, classeur XLSX, un CSV (;) par tableau, "
        "les justificatifs de stationnement avec leurs empreintes SHA-256 et les feuilles "
        "d'émargement des séances.",
    )
    parser.add_argument(
        "--office", type=Path, required=True, metavar="FICHIER", help="fichier du bureau"
    )
    parser.add_argument(
        "--weekend", type=int, metavar="N", help="numéro du week-end (par défaut : tout)"
    )
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DOSSIER", help="dossier des rapports"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.office.exists():
        raise CommandError(f"Fichier introuvable : {args.office}")
    try:
        files = write_reports(args.office, args.out, args.weekend)
    except ReportError as exc:
        raise CommandError(str(exc)) from exc
    report = files.report
    print(f"Rapport du bureau — {report.scope.title} : {len(files.written)} fichier(s) écrits")
    for path in files.written:
        print(f"  {path}")
    parking = report.parking
    print(
        f"État liquidatif : {len(parking.lines)} reçu(s), total {euros(parking.total_cents)}"
        + (f" ({len(parking.rejected)} rejeté(s) hors total)" if parking.rejected else "")
    )
    print(
        f"Conflits ouverts : {len(report.open_conflicts)} ; "
        f"réglés : {len(report.resolved_conflicts)} ; anomalies : {len(report.anomalies)}"
    )
    if files.missing_scans:
        print(
            f"Attention : {len(files.missing_scans)} scan(s) absent(s) du fichier du bureau "
            "(fusionnez l'export du guichet qui les a reçus)."
        )
    return 0
