"""The hash chain over a desk's log: each fact holds the hash of everything its desk wrote before.

    head(0) = SHA-256("guichet-chain/1\\n" + desk_id)
    head(k) = SHA-256(head(k-1) + "\\n" + canonical JSON of row k's fields)

where row k is the desk's fact with sequence number k, and the fields are every column of the
fact but the chain itself (id, desk, seq, time, agent, kind, member, session, target, payload
exactly as stored). `journal.append` stores head(k) in `events.chain` as it writes the row.

What it proves: a past row edited on the laptop (the triggers dropped, a value changed with a
SQLite editor) no longer matches its stored hash, and every later hash depends on it; the
export manifest carries the head, signed with the desk's key, so the office sees at once that
the log it receives is not the one the desk vouched for. Rows written before the chain existed
(migration m004_trust) keep a NULL chain: they are folded into the first chained row, so an
edit there is caught too, though only located as "at or before" that row.
"""

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

import sqlite_utils

GENESIS_PREFIX = "guichet-chain/1\n"
# Every column of a fact that the chain covers, in this order.
FIELDS = (
    "id",
    "desk_id",
    "seq",
    "at",
    "agent",
    "kind",
    "member_id",
    "session_id",
    "target_id",
    "payload",
)
_SELECT = "SELECT " + ", ".join(FIELDS) + ", chain FROM events"

Connection = sqlite_utils.Database | sqlite3.Connection


def genesis(desk_id: str) -> str:
    return hashlib.sha256((GENESIS_PREFIX + desk_id).encode("utf-8")).hexdigest()


def row_text(values: Sequence[object]) -> bytes:
    """The canonical bytes of one fact: a JSON object of FIELDS, sorted keys, no spaces."""
    document = dict(zip(FIELDS, values, strict=True))
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def link(previous: str, values: Sequence[object]) -> str:
    """The chain value of a fact whose desk's previous head is `previous`."""
    return hashlib.sha256(previous.encode("ascii") + b"\n" + row_text(values)).hexdigest()


def _rows(conn: Connection, where: str, params: Sequence[object]) -> Iterable[tuple[object, ...]]:
    sql = f"{_SELECT} WHERE {where} ORDER BY seq"
    if isinstance(conn, sqlite_utils.Database):
        return conn.execute(sql, list(params))
    return conn.execute(sql, list(params))


def head_before(conn: Connection, desk_id: str, seq: int) -> str:
    """The desk's chain head after its facts 1..seq-1 (for the next row, seq = last + 1)."""
    if seq <= 1:
        return genesis(desk_id)
    found = conn.execute(
        "SELECT chain FROM events WHERE desk_id = ? AND seq = ?", [desk_id, seq - 1]
    ).fetchone()
    if found is not None and found[0] is not None:
        return str(found[0])
    # The previous row predates the chain: fold from the last stored value (or the start).
    anchor = conn.execute(
        "SELECT seq, chain FROM events WHERE desk_id = ? AND seq < ? AND chain IS NOT NULL "
        "ORDER BY seq DESC LIMIT 1",
        [desk_id, seq],
    ).fetchone()
    start, head = (int(anchor[0]), str(anchor[1])) if anchor else (0, genesis(desk_id))
    for row in _rows(conn, "desk_id = ? AND seq > ? AND seq < ?", [desk_id, start, seq]):
        head = link(head, row[: len(FIELDS)])
    return head


class ChainStatus(Enum):
    INTACT = "intact"  # every stored hash matches the rows
    BROKEN = "broken"  # see first_bad_*: that row (or an unchained one before it) was edited
    GAP = "gap"  # a sequence number is missing: a row was deleted
    UNCHAINED = "unchained"  # no row of this desk carries a hash (file from before the chain)
    EMPTY = "empty"  # the desk has written nothing


@dataclass(frozen=True)
class ChainReport:
    desk_id: str
    status: ChainStatus
    rows: int  # facts of this desk
    chained_rows: int  # facts that carry a stored hash
    head: str  # the head recomputed from the rows as they are now
    stored_head: str | None  # the hash stored in the desk's last row
    first_bad_id: str | None = None
    first_bad_seq: int | None = None
    unchained_before: bool = False  # the first bad row folds in earlier, unchained rows

    @property
    def intact(self) -> bool:
        return self.status in (ChainStatus.INTACT, ChainStatus.EMPTY)

    @property
    def message(self) -> str:
        """French, for the office or the journal screen."""
        if self.status is ChainStatus.INTACT:
            return f"Journal intact : {self.rows} faits, empreinte {self.head[:12]}."
        if self.status is ChainStatus.EMPTY:
            return "Journal vide."
        if self.status is ChainStatus.UNCHAINED:
            return f"Journal de {self.rows} faits écrit avant le chaînage : non vérifiable."
        return f"Journal modifié après coup : {self.problem}."

    @property
    def problem(self) -> str:
        """Where the chain breaks, in French ("" when it holds)."""
        if self.status is ChainStatus.GAP:
            return f"le fait n° {self.first_bad_seq} manque"
        if self.status is not ChainStatus.BROKEN:
            return ""
        where = f"le fait n° {self.first_bad_seq} ({self.first_bad_id})"
        if self.unchained_before:
            where += " ou un fait plus ancien non chaîné"
        return f"{where} ne correspond plus à son empreinte"


def verify_chain(conn: Connection, desk_id: str) -> ChainReport:
    """Recompute the desk's chain from its rows and find the first row whose content no longer
    matches its stored hash. Reads only; works on a desk file, a snapshot or the master."""
    head = genesis(desk_id)
    rows = chained = 0
    expected_seq = 1
    stored_last: str | None = None
    unchained_pending = False
    for row in _rows(conn, "desk_id = ?", [desk_id]):
        values, stored = row[: len(FIELDS)], row[len(FIELDS)]
        seq = int(str(values[2]))
        if seq != expected_seq:
            return ChainReport(
                desk_id, ChainStatus.GAP, rows, chained, head, stored_last, None, expected_seq
            )
        head = link(head, values)
        rows += 1
        expected_seq += 1
        stored_last = None if stored is None else str(stored)
        if stored is None:
            unchained_pending = True
            continue
        chained += 1
        if stored != head:
            return ChainReport(
                desk_id,
                ChainStatus.BROKEN,
                rows,
                chained,
                head,
                stored_last,
                str(values[0]),
                seq,
                unchained_pending,
            )
        unchained_pending = False
    if rows == 0:
        return ChainReport(desk_id, ChainStatus.EMPTY, 0, 0, head, None)
    status = ChainStatus.INTACT if chained else ChainStatus.UNCHAINED
    return ChainReport(desk_id, status, rows, chained, head, stored_last)


def chain_head(conn: Connection, desk_id: str) -> str:
    """The desk's current head, recomputed from its rows (what an export manifest carries)."""
    return verify_chain(conn, desk_id).head
