"""`guichet conflicts --office office.sqlite [--csv]`: conflicts between desks, and their
resolution by a person (`--resolve CLÉ --keep ID --reason TEXTE --agent NOM`)."""

import argparse
import sys
from pathlib import Path

from desktop.commands.common import CommandError, open_existing, require_agent
from desktop.models.accounts import Role
from desktop.models.clock import french_date, from_utc_text, paris_day, paris_hhmm, system_clock
from desktop.models.conflicts import (
    Conflict,
    Fact,
    ResolveOutcome,
    find_conflict,
    list_conflicts,
    resolve_conflict,
)
from desktop.models.convention import all_sessions
from desktop.models.journal import local_desk
from desktop.models.spreadsheet import csv_text

HEADER = [
    "Conflit",
    "Membre",
    "Séance",
    "Guichet 1",
    "Agent 1",
    "Heure 1",
    "Fait 1",
    "Guichet 2",
    "Agent 2",
    "Heure 2",
    "Fait 2",
    "Clé",
]


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "conflicts",
        help="conflits entre guichets (double émargement, double repas...)",
        description="Liste les conflits calculés sur le fichier du bureau. Pour en régler un : "
        "--resolve CLÉ --keep ID_DU_FAIT_GARDÉ --reason MOTIF --agent NOM (l'autre fait est "
        "annulé par un nouveau fait ; les deux restent au journal).",
    )
    parser.add_argument(
        "--office", type=Path, required=True, metavar="FICHIER", help="fichier du bureau"
    )
    parser.add_argument("--csv", action="store_true", help="CSV (;) sur la sortie standard")
    parser.add_argument("--resolve", metavar="CLÉ", help="régler ce conflit")
    parser.add_argument("--keep", metavar="ID", help="identifiant du fait à garder")
    parser.add_argument("--reason", metavar="MOTIF", help="motif de la décision")
    parser.add_argument("--agent", metavar="NOM", help="qui décide")
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FICHIER",
        help="mot de passe de l'agent (exigé quand le fichier a des comptes)",
    )
    parser.set_defaults(handler=run)


def _when(fact: Fact) -> str:
    return f"{french_date(paris_day(from_utc_text(fact.at)))} {paris_hhmm(fact.at)}"


def cells(conflict: Conflict) -> list[str]:
    a, b = conflict.first, conflict.second
    return [
        conflict.kind.label,
        conflict.member_name or "",
        conflict.session_id or "",
        a.desk_label,
        a.agent,
        _when(a),
        a.event_id,
        b.desk_label,
        b.agent,
        _when(b),
        b.event_id,
        conflict.key,
    ]


_RESOLVE_ERRORS = {
    ResolveOutcome.REASON_REQUIRED: "un motif est obligatoire (--reason).",
    ResolveOutcome.NOT_A_PARTY: "le fait à garder (--keep) n'est pas l'un des deux faits.",
    ResolveOutcome.ALREADY_RESOLVED: "ce conflit est déjà réglé.",
}


def _resolve(args: argparse.Namespace) -> int:
    if not (args.keep and args.reason and args.agent):
        raise CommandError("--resolve demande --keep, --reason et --agent.")
    db = open_existing(args.office)
    require_agent(db, args, minimum=Role.RESPONSABLE, action="règlement d'un conflit")
    conflict = find_conflict(db, args.resolve)
    if conflict is None:
        raise CommandError(f"conflit introuvable ou déjà réglé : {args.resolve}")
    try:
        desk = local_desk(db, args.agent)
    except LookupError as exc:
        raise CommandError(str(exc)) from exc
    outcome = resolve_conflict(db, conflict, args.keep, args.reason, desk, system_clock)
    if outcome is not ResolveOutcome.RESOLVED:
        raise CommandError(_RESOLVE_ERRORS[outcome])
    print(f"Conflit réglé : {conflict.kind.label} ({conflict.member_name or '-'}).")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.resolve:
        return _resolve(args)
    db = open_existing(args.office)
    found = list_conflicts(db)
    if args.csv:
        sys.stdout.write(csv_text(HEADER, [cells(c) for c in found]))
        return 0
    if not found:
        print("Aucun conflit entre guichets.")
        return 0
    print(f"{len(found)} conflit(s) entre guichets :")
    titles = {s.id: s.title for s in all_sessions(db)}  # people read titles, scripts the CSV ids
    for conflict in found:
        c = cells(conflict)
        session = titles.get(c[2], c[2]) or "-"
        print(f"- {c[0]} : {c[1] or '-'} ({session})")
        print(f"    1. {c[3]}, {c[4]}, {c[5]} — {c[6]}")
        print(f"    2. {c[7]}, {c[8]}, {c[9]} — {c[10]}")
        print(f"    clé : {c[11]}")
    return 0
