"""The journal screen's query: the facts of the log, filtered in SQL, newest first, a page at a time.

Filters: member (accent-insensitive words matched against `members.search_key`, then the
`events_member` index), agent (case-insensitive, exact), kind, and a time range (UTC bounds on
`at`). Pages use keyset pagination on (at, rowid): the next page starts after the last row shown,
so page 500 of 200 000 facts costs what page 1 costs. Kinds and payloads are put into French
words here, once, for the screen and for its CSV export.
"""

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from desktop.models import chain
from desktop.models.clock import PARIS, from_utc_text, to_utc_text
from desktop.models.spreadsheet import euros, write_csv
from desktop.models.text import fold

PAGE_SIZE = 200
MAX_MEMBER_MATCHES = 500

KIND_WORDS = {
    "checkin": "Émargement",
    "void": "Annulation",
    "meal.pass": "Passage repas",
    "meal.served": "Repas servis",
    "ticket.handout": "Remise de tickets",
    "parking.receipt": "Justificatif de stationnement",
    "parking.status": "Statut stationnement",
    "badge.issue": "Badge émis",
    "badge.revoke": "Badge révoqué",
    "stock.count": "Comptage du stock",
    "stock.move": "Mouvement de stock",
    "day.close": "Clôture de journée",
    "day.checks": "Contrôles de fin de journée",
    "conflict.accept": "Conflit accepté",
    "notice.set": "Notice d'information modifiée",
    "desk.purge": "Purge du poste",
    "account.create": "Compte créé",
    "account.password": "Mot de passe changé",
    "account.pin": "Code PIN changé",
    "account.role": "Rôle changé",
    "account.active": "Compte activé ou désactivé",
    "account.login": "Connexion",
    "account.failure": "Échec de connexion",
    "account.locked": "Compte verrouillé",
    "account.unlock": "Compte déverrouillé",
    "account.approve": "Approbation d'un responsable",
}

# Payload keys shown in the detail column, with their French label (others are left out:
# tokens, hashes and ids say nothing to a person reading the journal).
_DETAIL_KEYS = {
    "reason": "motif",
    "voided_kind": "annule",
    "approved_by": "approuvé par",
    "action": "action",
    "for_agent": "pour",
    "account": "compte",
    "role": "rôle",
    "method": "méthode",
    "product": "produit",
    "quantity": "quantité",
    "count": "nombre",
    "receipt_no": "reçu n°",
    "car_park": "parking",
    "day": "jour",
    "changed": "modifié",
}

CSV_HEADER = ("Heure (Paris)", "Poste", "Agent", "Fait", "Membre", "Session", "Détail", "N°")


@dataclass(frozen=True)
class JournalFilter:
    member: str = ""  # words of a name or commune, accents ignored
    agent: str = ""  # exact agent name, case ignored ("" = all)
    kind: str = ""  # exact kind ("" = all)
    since: datetime | None = None  # aware bounds, inclusive / exclusive
    until: datetime | None = None


@dataclass(frozen=True)
class JournalRow:
    event_id: str
    at: str  # UTC ISO-8601
    desk_label: str
    seq: int
    agent: str
    kind: str
    kind_words: str
    member_name: str
    session_label: str
    detail: str
    voided: bool
    cursor: tuple[str, int]  # (at, rowid): where the next page starts

    @property
    def paris_time(self) -> str:
        return from_utc_text(self.at).astimezone(PARIS).strftime("%d/%m/%Y %H:%M:%S")


@dataclass(frozen=True)
class DeskChain:
    desk_id: str
    desk_label: str
    intact: bool
    message: str  # French, from chain.ChainReport.message


def kind_words(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)


def detail_text(kind: str, payload_json: str) -> str:
    """The payload in a few French words ("motif : erreur de badge · approuvé par : Léa")."""
    try:
        payload = json.loads(payload_json)
    except ValueError:
        return ""
    if not isinstance(payload, dict):
        return ""
    parts = []
    if isinstance(payload.get("amount"), int):
        parts.append(f"montant : {euros(payload['amount'])}")
    for key, label in _DETAIL_KEYS.items():
        value = payload.get(key)
        if value in (None, "", [], {}):
            continue
        if key == "voided_kind":
            value = kind_words(str(value))
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "oui" if value else "non"
        parts.append(f"{label} : {value}")
    return " · ".join(parts)


_SELECT = """
SELECT e.id, e.at, COALESCE(d.label, substr(e.desk_id, 1, 8)), e.seq, e.agent, e.kind,
       m.first_name, m.surname, s.label, e.payload,
       EXISTS (SELECT 1 FROM events v WHERE v.kind = 'void' AND v.target_id = e.id),
       e.rowid
FROM events e
LEFT JOIN desks d ON d.desk_id = e.desk_id
LEFT JOIN members m ON m.id = e.member_id
LEFT JOIN sessions s ON s.id = e.session_id
"""


def _where(db: sqlite_utils.Database, filt: JournalFilter) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    words = fold(filt.member).split()
    if words:
        sql = "SELECT id FROM members WHERE " + " AND ".join("search_key LIKE ?" for _ in words)
        ids = [
            str(r[0])
            for r in db.execute(
                sql + f" LIMIT {MAX_MEMBER_MATCHES}", [f"%{_like(w)}%" for w in words]
            ).fetchall()
        ]
        clauses.append(f"e.member_id IN ({', '.join('?' for _ in ids)})" if ids else "0")
        params += ids
    if filt.agent.strip():
        clauses.append("e.agent = ? COLLATE NOCASE")
        params.append(" ".join(filt.agent.split()))
    if filt.kind:
        clauses.append("e.kind = ?")
        params.append(filt.kind)
    if filt.since is not None:
        clauses.append("e.at >= ?")
        params.append(to_utc_text(filt.since))
    if filt.until is not None:
        clauses.append("e.at < ?")
        params.append(to_utc_text(filt.until))
    return clauses, params


def _like(word: str) -> str:
    return word.replace("%", "").replace("_", "")


def query_journal(
    db: sqlite_utils.Database,
    filt: JournalFilter = JournalFilter(),
    *,
    after: tuple[str, int] | None = None,
    limit: int | None = None,
) -> list[JournalRow]:
    """One page of facts, newest first. `after`: the `cursor` of the last row of the previous
    page (None for the first page)."""
    clauses, params = _where(db, filt)
    if after is not None:
        clauses.append("(e.at < ? OR (e.at = ? AND e.rowid < ?))")
        params += [after[0], after[0], after[1]]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"{_SELECT}{where} ORDER BY e.at DESC, e.rowid DESC LIMIT ?"
    rows = db.execute(sql, [*params, PAGE_SIZE if limit is None else int(limit)]).fetchall()
    return [_row(r) for r in rows]


def count_journal(db: sqlite_utils.Database, filt: JournalFilter = JournalFilter()) -> int:
    clauses, params = _where(db, filt)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    (count,) = db.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()
    return int(count)


def iter_journal(
    db: sqlite_utils.Database, filt: JournalFilter = JournalFilter(), page: int = 2000
) -> Iterator[JournalRow]:
    """Every matching fact, newest first, a page at a time (for the CSV export)."""
    after: tuple[str, int] | None = None
    while True:
        rows = query_journal(db, filt, after=after, limit=page)
        yield from rows
        if len(rows) < page:
            return
        after = rows[-1].cursor


def _row(r: Sequence[object]) -> JournalRow:
    first, surname = r[6], r[7]
    name = f"{first} {str(surname).upper()}" if surname is not None else ""
    return JournalRow(
        event_id=str(r[0]),
        at=str(r[1]),
        desk_label=str(r[2]),
        seq=int(str(r[3])),
        agent=str(r[4]),
        kind=str(r[5]),
        kind_words=kind_words(str(r[5])),
        member_name=name,
        session_label="" if r[8] is None else str(r[8]),
        detail=detail_text(str(r[5]), str(r[9])),
        voided=bool(r[10]),
        cursor=(str(r[1]), int(str(r[11]))),
    )


def agents(db: sqlite_utils.Database) -> list[str]:
    """Agent names found in the log, for the filter's list."""
    rows = db.execute("SELECT DISTINCT agent FROM events ORDER BY agent COLLATE NOCASE")
    return [str(r[0]) for r in rows.fetchall()]


def kinds(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(kind, French words) of the kinds present in the log, sorted by their words."""
    rows = db.execute("SELECT DISTINCT kind FROM events").fetchall()
    return sorted(((str(r[0]), kind_words(str(r[0]))) for r in rows), key=lambda kv: fold(kv[1]))


def desk_chains(db: sqlite_utils.Database | sqlite3.Connection) -> list[DeskChain]:
    """The hash-chain state of every desk that wrote in this file."""
    ids = [str(r[0]) for r in db.execute("SELECT DISTINCT desk_id FROM events").fetchall()]
    labels = dict(db.execute("SELECT desk_id, label FROM desks").fetchall())
    result = []
    for desk_id in sorted(ids, key=lambda d: str(labels.get(d, d))):
        report = chain.verify_chain(db, desk_id)
        label = str(labels.get(desk_id, desk_id[:8]))
        result.append(DeskChain(desk_id, label, report.intact, report.message))
    return result


def export_csv(
    db: sqlite_utils.Database, path: Path | str, filt: JournalFilter = JournalFilter()
) -> int:
    """Write the matching facts to a CSV for a spreadsheet (`;`, BOM, no live formula).
    Returns the number of facts written."""
    count = 0

    def rows() -> Iterator[list[object]]:
        nonlocal count
        for row in iter_journal(db, filt):
            count += 1
            detail = row.detail + (" · annulé depuis" if row.voided else "")
            yield [
                row.paris_time,
                row.desk_label,
                row.agent,
                row.kind_words,
                row.member_name,
                row.session_label,
                detail,
                row.seq,
            ]

    write_csv(path, CSV_HEADER, rows())
    return count
