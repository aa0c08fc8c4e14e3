"""`guichet push --office office.sqlite --postgres URL`: the merged facts of the office file
loaded into PostgreSQL (idempotent: pushing again changes nothing), with the conflict views;
the sessions deleted at the office are deleted there too."""

import argparse
from pathlib import Path

from desktop.commands.common import CommandError
from desktop.models.postgres_push import PushError, PushOutcome, push_office


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "push",
        help="envoyer les faits fusionnés du bureau vers PostgreSQL",
        description="Charge les faits du fichier du bureau dans PostgreSQL (COPY, puis INSERT "
        "... ON CONFLICT (id) DO NOTHING ; journal des envois par empreinte SHA-256), met à jour "
        "les données de référence (une séance supprimée au bureau l'est aussi dans PostgreSQL, "
        "refusé tant que des faits la nomment) et y crée les vues des conflits. Demande "
        "psycopg : pip install 'guichet[office]'.",
    )
    parser.add_argument(
        "--office", type=Path, required=True, metavar="FICHIER", help="fichier du bureau"
    )
    parser.add_argument(
        "--postgres",
        required=True,
        metavar="URL",
        help="base PostgreSQL, ex. postgresql://bureau@serveur/guichet",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.office.exists():
        raise CommandError(f"Fichier introuvable : {args.office}")
    try:
        report = push_office(args.office, args.postgres)
    except PushError as exc:
        raise CommandError(str(exc)) from exc
    if report.outcome is PushOutcome.ALREADY_PUSHED:
        print(
            f"Déjà envoyé : rien n'a changé ({report.event_count} faits, empreinte "
            f"{report.push_sha256[:12]})."
        )
        return 0
    deleted = (
        f"{report.sessions_deleted} séance(s) supprimée(s), absente(s) du fichier du bureau ; "
        if report.sessions_deleted
        else ""
    )
    print(
        f"Envoyé vers PostgreSQL : {report.event_count} faits, dont {report.new_events} "
        f"nouveaux ; {report.anomalies} anomalie(s) ; {deleted}"
        f"empreinte {report.push_sha256[:12]}."
    )
    return 0
