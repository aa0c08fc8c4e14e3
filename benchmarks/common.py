"""Shared by the benchmark scripts: realistic data, statistics, the printed table.

A benchmark is compared with a floor measured in the same run on the same machine, never
with a fixed number in a test.
"""

import json
import random
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.models import chain, members
from desktop.models.clock import to_utc_text
from desktop.models.codes import new_code
from desktop.models.communes import read_reference
from desktop.models.convention import Session, add_session, get_convention
from desktop.models.demo import CALENDAR, PLACE
from desktop.models.ids import uuid7
from desktop.models.journal import local_desk
from desktop.models.members import Member
from desktop.models.storage import write_transaction
from desktop.models.workspace import create_file

SURNAMES = [
    "MARTIN",
    "BERNARD",
    "DUBOIS",
    "THOMAS",
    "ROBERT",
    "RICHARD",
    "PETIT",
    "DURAND",
    "LEROY",
    "MOREAU",
    "SIMON",
    "LAURENT",
    "LEFÈVRE",
    "MICHEL",
    "GARCIA",
    "DAVID",
    "BERTRAND",
    "ROUX",
    "VINCENT",
    "FOURNIER",
    "MOREL",
    "GIRARD",
    "ANDRÉ",
    "MERCIER",
    "DUPONT",
    "LAMBERT",
    "BONNET",
    "FRANÇOIS",
    "MARTINEZ",
    "LEGRAND",
    "GARNIER",
    "FAURE",
    "ROUSSEL",
    "BLANC",
    "GUÉRIN",
    "MULLER",
    "HENRY",
    "PERRIN",
    "CHEVALIER",
    "NGUYEN",
    "BOUAZIZ",
    "DIALLO",
    "ÉTIENNE",
    "BARTHÉLÉMY",
    "N'DIAYE",
    "ŒUVRARD",
    "SAINT-JEAN",
    "PUJOL",
    "ESTÈVE",
]
FIRST_NAMES = [
    "Camille",
    "Émilie",
    "Jérôme",
    "Yasmine",
    "Denis",
    "Fabien",
    "Noémie",
    "Gaëlle",
    "Loïc",
    "Karim",
    "Hélène",
    "François",
    "Zoé",
    "Anaïs",
    "Maël",
    "Aminata",
    "Cédric",
    "Béatrice",
    "Théo",
    "Inès",
    "Sébastien",
    "Léa",
    "Hervé",
    "Agnès",
    "João",
    "Chloé",
    "Ewa",
    "Nadia",
    "Régis",
    "Amélie",
    "Raphaël",
    "Ousmane",
    "Solène",
    "Jean-Baptiste",
    "Clémence",
    "Minh",
    "Josée",
    "Lucas",
    "Marie-Christine",
]


@dataclass
class Row:
    path: str
    scale: str
    samples_ms: list[float]
    floor_ms: float | None
    budget: str
    met: bool | None
    peak_mb: float | None = None
    note: str = ""

    def stat(self, q: float) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def make_convention(path: Path, n_members: int, n_facts: int, seed: int = 7) -> list[str]:
    """A convention file with realistic members, the real calendar and `n_facts` past facts.
    Returns the badge codes in member order."""
    rng = random.Random(seed)
    db = create_file(path, desk_label="Guichet 1")
    tag = get_convention(db).code_tag
    communes = read_reference()
    codes: list[str] = []
    member_ids: list[str] = []
    with write_transaction(db):
        for session_id, day, part, weekend, lunch, label in CALENDAR:
            add_session(db, Session(session_id, day, part, PLACE, weekend, lunch, label))
        for i in range(n_members):
            commune = rng.choice(communes)
            member = Member(
                id=uuid7(),
                surname=rng.choice(SURNAMES),
                first_name=rng.choice(FIRST_NAMES),
                commune_insee=commune.insee,
                commune=commune.name,
                status="actif",
                external_ref=f"B{i:06d}",
            )
            members.save_member(db, member)
            code = new_code(tag)
            members.add_badge(db, code, member.id, "2023-11-01T08:00:00.000+00:00")
            codes.append(code)
            member_ids.append(member.id)
    desk = local_desk(db, "Banc")
    rows = []
    past = [s for s in CALENDAR if s[0] != "we1-samedi"]
    head = chain.genesis(desk.desk_id)
    for seq in range(1, n_facts + 1):
        session = past[seq % len(past)]
        fields = (
            uuid7(),
            desk.desk_id,
            seq,
            to_utc_text(_at(session[1], seq)),
            "Banc",
            "checkin",
            member_ids[seq % len(member_ids)],
            session[0],
            None,
            json.dumps({"method": "qr"}),
        )
        head = chain.link(head, fields)  # as journal.append would have chained them
        rows.append((*fields, head))
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO events (id, desk_id, seq, at, agent, kind, member_id, session_id,"
            " target_id, payload, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    db.close()
    return codes


def _at(day: object, seq: int) -> object:
    from datetime import UTC, datetime, timedelta

    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC) + timedelta(seconds=seq % 7200)  # type: ignore[attr-defined]


def print_table(rows: Sequence[Row]) -> int:
    header = f"{'path':<38} {'scale':<26} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8} {'peak MB':>8} {'floor':>8} {'ratio':>6}  budget"
    print(header)
    print("-" * len(header))
    met = 0
    judged = 0
    for row in rows:
        median = statistics.median(row.samples_ms)
        ratio = f"{median / row.floor_ms:.2f}" if row.floor_ms else "-"
        floor = f"{row.floor_ms:.2f}" if row.floor_ms is not None else "-"
        peak = f"{row.peak_mb:.0f}" if row.peak_mb is not None else "-"
        verdict = {True: "ok", False: "MISSED", None: "n/a"}[row.met]
        if row.met is not None:
            judged += 1
            met += int(row.met)
        print(
            f"{row.path:<38} {row.scale:<26} {median:>8.2f} {row.stat(0.95):>8.2f} "
            f"{row.stat(0.99):>8.2f} {max(row.samples_ms):>8.2f} {peak:>8} {floor:>8} {ratio:>6}  "
            f"{row.budget} [{verdict}]{' ' + row.note if row.note else ''}"
        )
    print(f"(times in ms){'':4}")
    print(f"{met}/{judged} budgets met")
    return met
