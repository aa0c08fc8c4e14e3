""" "Purger le poste": the desk deletes its personal data once the office confirms the import.

1. At the office, `acknowledge(office, manifest)` checks that the export described by the
   desk's manifest was merged completely (its hash in the import log, no fact set aside, every
   fact of that desk up to its last number present) and writes an acknowledgement signed with
   the office's Ed25519 key (made beside the office file on first use, like a desk key).
2. At the desk, `purge_desk(db, ack)` accepts it only if the signature is by the office key
   this desk knows (from the office file it was made from), for this desk and convention, and if
   the desk has written nothing since that export (same last number, same chain head). Then, in
   one transaction: members anonymised (names, reference, notes), badges and receipt scans
   deleted, a purge log row and a `desk.purge` fact (counts, never names); then VACUUM so the
   deleted bytes do not linger in free pages or the WAL.

What stays, and why: the log of facts (append-only: it is the proof of service) with member
ids that no longer lead to a name on this laptop; agents' accounts; reference data. Guest
names typed for meal passes live in the facts' payloads and cannot be removed: they are counted
in the purge log so the office knows.
"""

import hashlib
import hmac
import json
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.models import chain, journal, keys
from desktop.models.accounts import ACCESS_KINDS
from desktop.models.clock import Clock, to_utc_text
from desktop.models.convention import get_convention
from desktop.models.desk_setup import DeskSetupError, desk_identity
from desktop.models.export import write_durably
from desktop.models.journal import Desk
from desktop.models.storage import StorageError, open_database, write_transaction

ACK_FORMAT = "guichet-accuse/1"
MAX_ACK_BYTES = 64 * 1024
ANONYMOUS = "Anonyme"


class AckError(Exception):
    """The office cannot acknowledge this export (French message); nothing was written."""


# --- at the office --------------------------------------------------------------------------


def office_identity(office_path: Path | str) -> keys.DeskIdentity:
    """The office's signing identity; its key pair is made on first use (`<office>.key`,
    registered in the office file's `desks`, so desks made from it afterwards know it)."""
    office_path = Path(office_path)
    _open(office_path).close()  # a French message for a missing or damaged file
    try:
        return desk_identity(office_path, create_key=True)
    except DeskSetupError as exc:
        raise AckError(str(exc)) from exc


def acknowledge(office_path: Path | str, manifest_path: Path | str, clock: Clock) -> dict[str, Any]:
    """The signed acknowledgement (a JSON document) of the export `manifest_path`."""
    office_path = Path(office_path)
    body = _read_manifest(Path(manifest_path))
    identity = office_identity(office_path)
    db = _open(office_path)
    try:
        imported = db.execute(
            "SELECT event_count, last_seq, anomalies, imported_at FROM import_log "
            "WHERE file_sha256 = ?",
            [body["sha256"]],
        ).fetchone()
        if imported is None:
            raise AckError(
                "Cet export n'a pas été importé au bureau : importez-le (guichet merge) avant "
                "d'en accuser réception."
            )
        count, last, anomalies, imported_at = imported
        if anomalies:
            raise AckError(
                f"{anomalies} fait(s) de cet export ont été écartés à l'import : réglez-les "
                "avant d'autoriser la purge du poste."
            )
        (present,) = db.execute(
            "SELECT COUNT(*) FROM events WHERE desk_id = ? AND seq BETWEEN 1 AND ?",
            [body["desk_id"], last],
        ).fetchone()
        if present != last or count != body["event_count"]:
            raise AckError("Le journal de ce poste n'est pas complet au bureau : purge refusée.")
    finally:
        db.close()
    private = keys.read_private_key(keys.key_path(office_path))
    ack = {
        "format": ACK_FORMAT,
        "convention_id": body["convention_id"],
        "desk_id": body["desk_id"],
        "desk_label": body["desk_label"],
        "export_sha256": body["sha256"],
        "last_seq": body["last_seq"],
        "event_count": body["event_count"],
        "chain_head": body.get("chain_head"),
        "imported_at": str(imported_at),
        "acknowledged_at": to_utc_text(clock()),
        "office_desk_id": identity.desk_id,
        "office_label": identity.label,
        "office_public_key": identity.public_key,
    }
    return {"acknowledgement": ack, "signature": keys.sign(private, ack)}


def write_ack(path: Path | str, document: dict[str, Any]) -> None:
    try:
        write_durably(Path(path), keys.canonical(document) + b"\n")
    except OSError as exc:
        raise AckError(f"Impossible d'écrire {path} : {exc.strerror}") from exc


def _open(path: Path) -> sqlite_utils.Database:
    try:
        return open_database(path)
    except StorageError as exc:
        raise AckError(str(exc)) from exc


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_ACK_BYTES:
            raise AckError(f"{path.name} est trop gros pour un manifeste.")
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AckError(f"Manifeste illisible : {path}") from exc
    body = document.get("manifest") if isinstance(document, dict) else None
    needed = ("convention_id", "desk_id", "desk_label", "sha256", "last_seq", "event_count")
    if not isinstance(body, dict) or any(k not in body for k in needed):
        raise AckError(f"{path.name} n'est pas un manifeste d'export Guichet.")
    return body


# --- at the desk ----------------------------------------------------------------------------


class PurgeOutcome(Enum):
    PURGED = "purged"
    UNREADABLE = "unreadable"  # not an acknowledgement file
    UNKNOWN_OFFICE = "unknown_office"  # this desk does not know the signing key
    BAD_SIGNATURE = "bad_signature"
    OTHER_DESK = "other_desk"
    OTHER_CONVENTION = "other_convention"
    NEWER_FACTS = "newer_facts"  # facts written since the acknowledged export
    LOG_DIFFERS = "log_differs"  # same numbers, another chain head: not the exported log
    ALREADY_PURGED = "already_purged"  # this acknowledgement was used already

    @property
    def message(self) -> str:
        return _MESSAGES[self]


_MESSAGES = {
    PurgeOutcome.PURGED: "Poste purgé : les données personnelles ont été supprimées.",
    PurgeOutcome.UNREADABLE: "Ce fichier n'est pas un accusé de réception du bureau.",
    PurgeOutcome.UNKNOWN_OFFICE: (
        "Ce poste ne connaît pas la clé du bureau qui a signé cet accusé : purge refusée. "
        "Si le poste a été préparé avant la clé du bureau, demandez au bureau l'empreinte de "
        "sa clé (affichée par guichet ack) par un autre moyen et indiquez-la (--office-fingerprint)."
    ),
    PurgeOutcome.BAD_SIGNATURE: "Signature de l'accusé de réception invalide : purge refusée.",
    PurgeOutcome.OTHER_DESK: "Cet accusé de réception concerne un autre poste.",
    PurgeOutcome.OTHER_CONVENTION: "Cet accusé de réception concerne une autre convention.",
    PurgeOutcome.NEWER_FACTS: (
        "Des faits ont été enregistrés depuis cet export : exportez à nouveau, faites-le "
        "importer au bureau, puis purgez avec le nouvel accusé."
    ),
    PurgeOutcome.ALREADY_PURGED: "Ce poste a déjà été purgé sur cet accusé de réception.",
    PurgeOutcome.LOG_DIFFERS: (
        "Le journal de ce poste n'est pas celui que le bureau a importé : purge refusée."
    ),
}


@dataclass(frozen=True)
class PurgeResult:
    outcome: PurgeOutcome
    members: int = 0  # anonymised
    badges: int = 0  # deleted
    attachments: int = 0  # deleted
    guest_names_in_log: int = 0  # meal passes for guests: names stay in the append-only log
    newer_facts: int = 0

    @property
    def purged(self) -> bool:
        return self.outcome is PurgeOutcome.PURGED

    @property
    def message(self) -> str:
        if self.outcome is PurgeOutcome.NEWER_FACTS:
            return f"{self.newer_facts} fait(s) depuis l'export. " + self.outcome.message
        if not self.purged:
            return self.outcome.message
        return (
            f"Poste purgé : {self.members} membres anonymisés, {self.badges} badges et "
            f"{self.attachments} justificatifs supprimés."
        )


def read_ack(path: Path | str) -> object:
    """The acknowledgement document in a file (None when unreadable: purge says so)."""
    try:
        path = Path(path)
        if path.stat().st_size > MAX_ACK_BYTES:
            return None
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def fingerprint(public_key: str) -> str:
    """What the office reads out on the phone: 16 hex digits of the key's SHA-256, in groups."""
    digest = hashlib.sha256(public_key.encode("ascii")).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def _same_fingerprint(typed: str, public_key: str) -> bool:
    clean = "".join(typed.split()).upper()
    return hmac.compare_digest(clean, fingerprint(public_key).replace(" ", ""))


def _office_key(
    db: sqlite_utils.Database, ack: dict[str, Any], own_id: str, trusted: str | None
) -> str | None:
    """The office key this desk knows; or, for a desk made before the office had a key (its
    `desks` row for the office has none), the key carried by the acknowledgement when its
    fingerprint matches the one the office gave through another channel (`trusted`)."""
    row = db.execute(
        "SELECT public_key FROM desks WHERE desk_id = ? AND desk_id <> ?",
        [ack.get("office_desk_id"), own_id],
    ).fetchone()
    if row is None:
        return None
    if row[0] is not None:
        return str(row[0])
    carried = ack.get("office_public_key")
    if trusted and isinstance(carried, str) and _same_fingerprint(trusted, carried):
        return carried
    return None


def check_ack(
    db: sqlite_utils.Database, document: object, *, trusted_fingerprint: str | None = None
) -> tuple[PurgeOutcome, int]:
    """Whether this desk may purge on this acknowledgement: (outcome, facts since export)."""
    if not isinstance(document, dict):
        return PurgeOutcome.UNREADABLE, 0
    ack, signature = document.get("acknowledgement"), document.get("signature")
    if not isinstance(ack, dict) or not isinstance(signature, str):
        return PurgeOutcome.UNREADABLE, 0
    if ack.get("format") != ACK_FORMAT or not isinstance(ack.get("last_seq"), int):
        return PurgeOutcome.UNREADABLE, 0
    own = journal.local_desk(db, "")
    office_key = _office_key(db, ack, own.desk_id, trusted_fingerprint)
    if office_key is None:
        return PurgeOutcome.UNKNOWN_OFFICE, 0
    if not keys.verify(office_key, ack, signature):
        return PurgeOutcome.BAD_SIGNATURE, 0
    convention = get_convention(db)
    if convention is None or ack.get("convention_id") != convention.convention_id:
        return PurgeOutcome.OTHER_CONVENTION, 0
    if ack.get("desk_id") != own.desk_id:
        return PurgeOutcome.OTHER_DESK, 0
    used = db.execute(
        "SELECT 1 FROM purge_log WHERE export_sha256 = ?", [str(ack.get("export_sha256"))]
    ).fetchone()
    if used is not None:
        return PurgeOutcome.ALREADY_PURGED, 0
    exported = int(ack["last_seq"])
    marks = ", ".join("?" for _ in ACCESS_KINDS)
    last, newer = db.execute(
        f"SELECT COALESCE(MAX(seq), 0), COUNT(*) FILTER (WHERE seq > ? AND kind NOT IN ({marks})) "
        "FROM events WHERE desk_id = ?",
        [exported, *ACCESS_KINDS, own.desk_id],
    ).fetchone()
    if newer:
        return PurgeOutcome.NEWER_FACTS, int(newer)
    # The acknowledged log must be this desk's log up to that number: same chain head there,
    # and no row edited since (logins after the export are allowed: they change no data).
    report = chain.verify_chain(db, own.desk_id)
    head = ack.get("chain_head")
    if (
        report.status in (chain.ChainStatus.BROKEN, chain.ChainStatus.GAP)
        or last < exported
        or (head is not None and head != chain.head_before(db, own.desk_id, exported + 1))
    ):
        return PurgeOutcome.LOG_DIFFERS, 0
    return PurgeOutcome.PURGED, 0


def purge_desk(
    db: sqlite_utils.Database,
    document: object,
    desk: Desk,
    clock: Clock,
    *,
    trusted_fingerprint: str | None = None,
) -> PurgeResult:
    """Delete the desk's personal data on the office's acknowledgement (see the module doc).
    `trusted_fingerprint`: for a desk that does not know the office key yet (see _office_key);
    the key is then recorded in `desks` with the purge."""
    outcome, newer = check_ack(db, document, trusted_fingerprint=trusted_fingerprint)
    if outcome is not PurgeOutcome.PURGED:
        return PurgeResult(outcome, newer_facts=newer)
    assert isinstance(document, dict)
    ack = document["acknowledgement"]
    db.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten with zeros
    with write_transaction(db):
        # Facts of this desk since the check would have been refused: look again, locked.
        again, newer = check_ack(db, document, trusted_fingerprint=trusted_fingerprint)
        if again is not PurgeOutcome.PURGED:
            return PurgeResult(again, newer_facts=newer)
        db.execute(
            "UPDATE desks SET public_key = ? WHERE desk_id = ? AND public_key IS NULL",
            [ack.get("office_public_key"), ack["office_desk_id"]],
        )
        (guests,) = db.execute(
            "SELECT COUNT(*) FROM events WHERE kind = 'meal.pass' "
            "AND json_extract(payload, '$.guest.name') IS NOT NULL"
        ).fetchone()
        badges = db.execute("DELETE FROM badges").rowcount
        attachments = db.execute("DELETE FROM attachments").rowcount
        members = _anonymise_members(db)
        details = {
            "members": members,
            "badges": badges,
            "attachments": attachments,
            "guest_names_in_log": int(guests),
            "export_last_seq": ack["last_seq"],
            "office_key": fingerprint(str(ack.get("office_public_key") or "")),
        }
        db.execute(
            "INSERT INTO purge_log (at, agent, export_sha256, acknowledged_by, members, badges, "
            "attachments, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                to_utc_text(clock()),
                desk.agent,
                str(ack["export_sha256"]),
                f"{ack.get('office_label', '')} ({ack['office_desk_id']})",
                members,
                badges,
                attachments,
                json.dumps(details, sort_keys=True),
            ],
        )
        journal.append(
            db,
            desk,
            clock,
            "desk.purge",
            target_id=str(ack["export_sha256"]),
            payload={**details, "acknowledged_at": ack.get("acknowledged_at")},
        )
    _compact(db)
    return PurgeResult(PurgeOutcome.PURGED, members, badges, attachments, int(guests))


def _anonymise_members(db: sqlite_utils.Database) -> int:
    ids = [str(r[0]) for r in db.execute("SELECT id FROM members ORDER BY id").fetchall()]
    for number, member_id in enumerate(ids, start=1):
        label = f"n° {number:03d}"
        db.execute(
            "UPDATE members SET surname = ?, first_name = ?, external_ref = NULL, "
            "parking_reason = '', assistance_note = '', needs_assistance = 0, search_key = ? "
            "WHERE id = ?",
            [ANONYMOUS, label, f"anonyme {number:03d}", member_id],
        )
    return len(ids)


def _compact(db: sqlite_utils.Database) -> None:
    """Leave no deleted bytes behind: rebuild the file and empty the WAL."""
    try:
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:
        pass  # another reader holds the file: secure_delete already zeroed the rows


def purge_log(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT at, agent, export_sha256, acknowledged_by, members, badges, attachments, "
        "details FROM purge_log ORDER BY id"
    ).fetchall()
    names = ("at", "agent", "export_sha256", "acknowledged_by", "members", "badges", "attachments")
    return [{**dict(zip(names, r[:7], strict=True)), "details": json.loads(r[7])} for r in rows]
