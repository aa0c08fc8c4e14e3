"""The office merge: verified, idempotent union of desk exports into the master file.

For each export: signature (against the key registered for that desk) → size → SHA-256 →
`PRAGMA integrity_check` on exactly the hashed bytes (a private copy made while hashing) →
sequence numbers 1..last_seq without a hole → same convention. Then one transaction adds the
facts not yet known (by id), the badges issued at the desk, the content-addressed scans, and a
line of the import log keyed by the file's hash. Any order, any number of repeats: same master.
A fact arriving again with another content, or a desk sequence number already taken by another
fact (a desk file copied to a second laptop), goes to `merge_anomalies`, never over a fact.
Any event kind travels: the merge never looks at kinds, except `badge.issue` to add badges.
"""

import hashlib
import json
import re
import sqlite3
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO

import pyzipper
import sqlite_utils

from desktop.models import chain, keys
from desktop.models.clock import Clock, system_clock, to_utc_text
from desktop.models.convention import get_convention
from desktop.models.export import (
    ARCHIVE_SUFFIX,
    CHUNK,
    FORMAT,
    MANIFEST_SUFFIX,
    Manifest,
    manifest_name,
)
from desktop.models.scratch import scratch_folder
from desktop.models.session_plan import DAY_FACTS
from desktop.models.storage import StorageError, open_database, write_transaction

CORE_COLUMNS = (
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
# Tables merged as a union, the office's rows kept: attachments (named by their content),
# and sessions that the desk's facts need (a session added at a desk on the day comes with the
# facts recorded at it, which the office's lists and reports would otherwise not show). A
# session no fact of the file names is the desk's copy of the office's plan: taking it would
# bring back a session the office deleted after preparing the desk.
UNION_TABLES = {
    "attachments": "",
    "sessions": (
        " WHERE id IN (SELECT session_id FROM incoming.events WHERE session_id IS NOT NULL)"
        # A stock sheet (counted or closed day) is found through its day's session.
        " OR (day NOT IN (SELECT day FROM main.sessions)"
        "     AND day IN (SELECT json_extract(payload, '$.day') FROM incoming.events"
        f"                WHERE kind IN ({', '.join(repr(kind) for kind in DAY_FACTS)})))"
    ),
}
MAX_MANIFEST_BYTES = 64 * 1024
MAX_SNAPSHOT_BYTES = 4 * 1024**3
MAX_COMPRESSION_RATIO = 1000  # a zip entry that inflates more than this is a bomb
MERGE_CACHE_KIB = -65536  # 64 MiB of page cache while merging (negative: KiB, SQLite's way)
MAX_AGENT_CHARS = 80  # the office agent's name kept in the import log


class MergeOutcome(Enum):
    IMPORTED = "importé"
    ALREADY_IMPORTED = "déjà importé"
    REFUSED = "refusé"


class Rejection(Enum):
    """Why an export file is refused; the value is the French reason shown to the office."""

    TRUNCATED = "fichier tronqué"
    BAD_SIGNATURE = "signature invalide"
    HASH_MISMATCH = "empreinte (SHA-256) différente"
    UNKNOWN_DESK = "poste inconnu"
    DAMAGED = "base endommagée"
    INCOMPLETE_SEQUENCE = "séquence incomplète"
    OTHER_CONVENTION = "autre convention"
    UNKNOWN_FORMAT = "format inconnu"
    TAMPERED = "journal modifié après coup"
    WRONG_PASSPHRASE = "phrase secrète incorrecte"
    UNREADABLE = "fichier illisible"

    @property
    def reason(self) -> str:
        return self.value


@dataclass(frozen=True)
class MergeReport:
    source: Path
    outcome: MergeOutcome
    rejection: Rejection | None = None
    detail: str = ""
    desk_id: str | None = None
    desk_label: str | None = None
    last_seq: int = 0
    event_count: int = 0
    new_events: int = 0
    anomalies: int = 0  # facts set aside in merge_anomalies by this file
    copied_desk: bool = False
    sha256: str = ""
    agent: str = ""  # who merged it (imported files only; '' when no agent was named)

    @property
    def refused(self) -> bool:
        return self.outcome is MergeOutcome.REFUSED


MergeProgress = Callable[[int, int, Path], None]


class _Refused(Exception):
    def __init__(self, rejection: Rejection, detail: str = "") -> None:
        super().__init__(rejection.value)
        self.rejection = rejection
        self.detail = detail


class MergeError(Exception):
    """The office file itself cannot be used (French message); no file was merged."""


def merge_exports(
    office_db: sqlite_utils.Database | Path | str,
    paths: Sequence[Path | str],
    passphrase: str | None = None,
    *,
    clock: Clock = system_clock,
    progress: MergeProgress | None = None,
    agent: str = "",
) -> list[MergeReport]:
    """Merge each export (a `.sqlite` snapshot, its `.manifest.json`, or an encrypted `.zip`)
    into the office file; one report per path, in order. Each file is all or nothing.
    `progress(done, total, path)` is called before each file (a worker thread may run this
    with a path: it then opens its own connection). `agent`: the office agent who merges,
    written in the import log with each file imported ('' when nobody was named)."""
    agent = agent_name(agent)
    if isinstance(office_db, sqlite_utils.Database):
        return _merge_all(office_db, paths, passphrase, clock, progress, agent)
    try:
        db = open_database(office_db)
    except StorageError as exc:
        raise MergeError(str(exc)) from exc
    try:
        return _merge_all(db, paths, passphrase, clock, progress, agent)
    finally:
        db.close()


def agent_name(text: str) -> str:
    """The agent's name as the import log keeps it: spaces folded as accounts fold them; a
    name that would garble a line of the log or of `guichet merge` is refused (MergeError)."""
    name = " ".join(text.split())
    if not name.isprintable() or len(name) > MAX_AGENT_CHARS:
        raise MergeError(
            f"Nom d'agent invalide : {MAX_AGENT_CHARS} caractères au plus, sans caractère "
            "de contrôle."
        )
    return name


def find_exports(folder: Path | str) -> list[Path]:
    """The exports in a folder (a USB stick): manifests and encrypted archives, by name."""
    found = [
        p
        for p in Path(folder).iterdir()
        if p.is_file() and (p.name.endswith(MANIFEST_SUFFIX) or p.name.endswith(ARCHIVE_SUFFIX))
    ]
    return sorted(found)


def _merge_all(
    db: sqlite_utils.Database,
    paths: Sequence[Path | str],
    passphrase: str | None,
    clock: Clock,
    progress: MergeProgress | None,
    agent: str,
) -> list[MergeReport]:
    if db.conn.in_transaction:
        raise RuntimeError("merge_exports needs the office file outside any transaction")
    convention = get_convention(db)
    if convention is None:
        raise MergeError("Le fichier du bureau n'a pas de convention : fusion impossible.")
    office = _OfficeView(
        convention_id=convention.convention_id,
        public_keys={
            str(r[0]): str(r[1])
            for r in db.execute(
                "SELECT desk_id, public_key FROM desks WHERE public_key IS NOT NULL"
            )
        },
        imported=frozenset(str(r[0]) for r in db.execute("SELECT file_sha256 FROM import_log")),
    )
    reports = []
    # The master's indexes outgrow SQLite's default 2 MB page cache after a few desks; a
    # larger cache for the length of the merge saves re-reading index pages from the OS.
    (cache_size,) = db.execute("PRAGMA cache_size").fetchone()
    db.execute(f"PRAGMA cache_size = {MERGE_CACHE_KIB}")
    with (
        _restore_cache(db, int(cache_size)),
        scratch_folder("guichet-fusion-") as staging,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="guichet-verif") as pool,
    ):
        # Verification (copy, hash, integrity check: no office connection needed) of the next
        # file runs in a worker while this one is written: the checks cost almost no time.
        def verify(index: int) -> Future[_Verified]:
            copy = staging / f"incoming-{index}.sqlite"
            return pool.submit(_verify, Path(paths[index]), passphrase, copy, office)

        pending = verify(0) if paths else None
        for index, path in enumerate(paths):
            if progress is not None:
                progress(index, len(paths), Path(path))
            assert pending is not None
            current = pending
            pending = verify(index + 1) if index + 1 < len(paths) else None
            checked = current.result()
            try:
                reports.append(_conclude(db, Path(path), checked, clock, agent))
            finally:
                if checked.copy is not None:
                    checked.copy.unlink(missing_ok=True)
    return reports


@contextmanager
def _restore_cache(db: sqlite_utils.Database, cache_size: int) -> Iterator[None]:
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {cache_size}")


@dataclass(frozen=True)
class _OfficeView:
    """What verification needs from the office file, read once by the merging thread."""

    convention_id: str
    public_keys: dict[str, str]
    imported: frozenset[str]


@dataclass(frozen=True)
class _Verified:
    manifest: Manifest | None
    copy: Path | None = None  # the verified bytes, ready to attach
    columns: tuple[str, ...] = ()
    refused: _Refused | None = None
    already: bool = False


def _verify(source: Path, passphrase: str | None, copy: Path, office: _OfficeView) -> _Verified:
    manifest: Manifest | None = None
    try:
        with _open_bundle(source, passphrase) as (document, snapshot_stream):
            manifest, signature = _parse_manifest(document)
            _check_signature(office, manifest, signature)
            digest = _copy_and_hash(snapshot_stream(), copy, manifest.size)
        if digest != manifest.sha256:
            raise _Refused(Rejection.HASH_MISMATCH)
        if digest in office.imported:
            return _Verified(manifest, copy, already=True)
        columns = _check_snapshot(copy, manifest, office.convention_id)
        return _Verified(manifest, copy, tuple(columns))
    except _Refused as refused:
        copy.unlink(missing_ok=True)
        return _Verified(manifest, None, refused=refused)


def _conclude(
    db: sqlite_utils.Database, source: Path, checked: _Verified, clock: Clock, agent: str
) -> MergeReport:
    manifest = checked.manifest
    if checked.refused is not None:
        refused = checked.refused
        return _report(source, manifest, MergeOutcome.REFUSED, refused.rejection, refused.detail)
    assert manifest is not None and checked.copy is not None
    if checked.already:
        return _report(source, manifest, MergeOutcome.ALREADY_IMPORTED)
    return _apply(db, source, checked.copy, manifest, list(checked.columns), clock, agent)


def _report(
    source: Path,
    manifest: Manifest | None,
    outcome: MergeOutcome,
    rejection: Rejection | None = None,
    detail: str = "",
    *,
    new_events: int = 0,
    anomalies: int = 0,
    copied_desk: bool = False,
    agent: str = "",
) -> MergeReport:
    return MergeReport(
        source=source,
        outcome=outcome,
        rejection=rejection,
        detail=detail,
        desk_id=manifest.desk_id if manifest else None,
        desk_label=manifest.desk_label if manifest else None,
        last_seq=manifest.last_seq if manifest else 0,
        event_count=manifest.event_count if manifest else 0,
        new_events=new_events,
        anomalies=anomalies,
        copied_desk=copied_desk,
        sha256=manifest.sha256 if manifest else "",
        agent=agent,
    )


# --- reading what was handed in -------------------------------------------------------------

# What a bundle yields: the parsed manifest document, and a way to open the snapshot's bytes.
_Bundle = tuple[object, Callable[[], IO[bytes]]]


def _open_bundle(source: Path, passphrase: str | None) -> AbstractContextManager[_Bundle]:
    if source.is_dir():
        raise _Refused(Rejection.UNREADABLE, "c'est un dossier")
    if not source.exists():
        raise _Refused(Rejection.UNREADABLE, "fichier introuvable")
    if source.name.endswith(ARCHIVE_SUFFIX):
        return _open_archive(source, passphrase)
    return _open_plain(source)


@contextmanager
def _open_plain(source: Path) -> Iterator[_Bundle]:
    if source.name.endswith(MANIFEST_SUFFIX):
        manifest_path = source
        document = _load_manifest(_read_capped(manifest_path))
        name = _manifest_file_name(document)
        snapshot = source.parent / name
    else:
        snapshot = source
        manifest_path = source.parent / manifest_name(source.name)
        if not manifest_path.exists():
            raise _Refused(Rejection.TRUNCATED, "manifeste absent : export incomplet")
        document = _load_manifest(_read_capped(manifest_path))
        if _manifest_file_name(document) != source.name:
            raise _Refused(Rejection.UNKNOWN_FORMAT, "le manifeste décrit un autre fichier")
    if not snapshot.is_file():
        raise _Refused(Rejection.TRUNCATED, "fichier de données absent")
    handles: list[IO[bytes]] = []

    def stream() -> IO[bytes]:
        try:
            handles.append(open(snapshot, "rb"))  # noqa: SIM115 (closed by the bundle)
        except OSError as exc:
            raise _Refused(Rejection.UNREADABLE, exc.strerror or "") from exc
        return handles[-1]

    try:
        yield document, stream
    finally:
        for handle in handles:
            handle.close()


def _read_capped(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError as exc:
        raise _Refused(Rejection.UNREADABLE, exc.strerror or "") from exc
    if len(data) > MAX_MANIFEST_BYTES:
        raise _Refused(Rejection.UNKNOWN_FORMAT, "manifeste démesuré")
    return data


def _load_manifest(data: bytes) -> object:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        if not data.rstrip().endswith(b"}"):
            raise _Refused(Rejection.TRUNCATED, "manifeste incomplet") from exc
        raise _Refused(Rejection.UNKNOWN_FORMAT, "manifeste illisible") from exc


def _manifest_file_name(document: object) -> str:
    body = document.get("manifest") if isinstance(document, dict) else None
    name = body.get("file") if isinstance(body, dict) else None
    if not isinstance(name, str) or not _safe_name(name):
        raise _Refused(Rejection.UNKNOWN_FORMAT, "nom de fichier invalide dans le manifeste")
    return name


def _safe_name(name: str) -> bool:
    """A bare file name: no folder, no drive, no parent, nothing hidden or special."""
    return (
        0 < len(name) <= 200
        and not any(ch in name for ch in "/\\:\0")
        and not name.startswith(".")
        and name.isprintable()
    )


# What a damaged archive raises while it is read (pyzipper has its own BadZipFile class).
_ARCHIVE_DAMAGE: tuple[type[Exception], ...] = (
    pyzipper.BadZipFile,
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
)
_READ_DAMAGE: tuple[type[Exception], ...] = (*_ARCHIVE_DAMAGE, RuntimeError)


@contextmanager
def _open_archive(source: Path, passphrase: str | None) -> Iterator[_Bundle]:
    """An encrypted export: exactly one snapshot and its manifest, bare names, bounded sizes.
    Entries are read as streams with a cap (never extracted by name): no path traversal and
    no zip bomb gets through."""
    try:
        archive = pyzipper.AESZipFile(source)
    except _ARCHIVE_DAMAGE as exc:
        raise _Refused(Rejection.TRUNCATED, "archive incomplète ou illisible") from exc
    with archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        manifests = [i for i in infos if i.filename.endswith(MANIFEST_SUFFIX)]
        if len(infos) != 2 or len(manifests) != 1 or not all(_safe_name(n) for n in names):
            raise _Refused(Rejection.UNKNOWN_FORMAT, "contenu d'archive inattendu")
        for info in infos:
            limit = MAX_MANIFEST_BYTES if info in manifests else MAX_SNAPSHOT_BYTES
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limit or ratio > MAX_COMPRESSION_RATIO:
                raise _Refused(Rejection.UNKNOWN_FORMAT, "archive démesurée (bombe ?)")
        if passphrase is not None:
            archive.setpassword(passphrase.encode("utf-8"))
        try:
            with archive.open(manifests[0]) as entry:
                data = entry.read(MAX_MANIFEST_BYTES + 1)
        except RuntimeError as exc:  # pyzipper: no password, or a wrong one
            raise _Refused(Rejection.WRONG_PASSPHRASE) from exc
        except _ARCHIVE_DAMAGE as exc:
            raise _Refused(Rejection.HASH_MISMATCH, "archive altérée") from exc
        if len(data) > MAX_MANIFEST_BYTES:
            raise _Refused(Rejection.UNKNOWN_FORMAT, "manifeste démesuré")
        document = _load_manifest(data)
        name = _manifest_file_name(document)
        snapshot = next((i for i in infos if i.filename == name), None)
        if snapshot is None:
            raise _Refused(Rejection.UNKNOWN_FORMAT, "le manifeste décrit un autre fichier")
        entries: list[IO[bytes]] = []

        def stream() -> IO[bytes]:
            try:
                entries.append(archive.open(snapshot))
            except RuntimeError as exc:
                raise _Refused(Rejection.WRONG_PASSPHRASE) from exc
            return entries[-1]

        try:
            yield document, stream
        except _READ_DAMAGE as exc:
            raise _Refused(Rejection.HASH_MISMATCH, "archive altérée") from exc
        finally:
            for entry in entries:
                entry.close()


def _parse_manifest(document: object) -> tuple[Manifest, str]:
    if not isinstance(document, dict):
        raise _Refused(Rejection.UNKNOWN_FORMAT, "manifeste illisible")
    body, signature = document.get("manifest"), document.get("signature")
    if not isinstance(body, dict) or not isinstance(signature, str):
        raise _Refused(Rejection.UNKNOWN_FORMAT, "manifeste illisible")
    if body.get("format") != FORMAT:
        raise _Refused(Rejection.UNKNOWN_FORMAT, f"format {body.get('format')!r}")
    texts = ("convention_id", "desk_id", "desk_label", "file", "sha256", "created_at")
    numbers = ("size", "event_count", "last_seq")
    if set(body) - {"chain_head"} != {"format", *texts, *numbers}:
        raise _Refused(Rejection.UNKNOWN_FORMAT, "champs du manifeste inattendus")
    head = body.get("chain_head")
    if head is not None and not (isinstance(head, str) and re.fullmatch("[0-9a-f]{64}", head)):
        raise _Refused(Rejection.UNKNOWN_FORMAT, "empreinte du journal invalide")
    if not all(isinstance(body[k], str) for k in texts) or not all(
        type(body[k]) is int and body[k] >= 0 for k in numbers
    ):
        raise _Refused(Rejection.UNKNOWN_FORMAT, "champs du manifeste invalides")
    return Manifest(**body), signature


def _check_signature(office: _OfficeView, manifest: Manifest, signature: str) -> None:
    public_key = office.public_keys.get(manifest.desk_id)
    if public_key is None:
        if manifest.convention_id != office.convention_id:
            raise _Refused(Rejection.OTHER_CONVENTION, "poste d'une autre convention")
        raise _Refused(Rejection.UNKNOWN_DESK, f"« {manifest.desk_label} » n'est pas inscrit")
    if not keys.verify(public_key, manifest.document(), signature):
        raise _Refused(Rejection.BAD_SIGNATURE)


def _copy_and_hash(stream: IO[bytes], copy: Path, size: int) -> str:
    """Copy at most size + 1 bytes to a private file while hashing them: the bytes checked by
    SQLite afterwards are exactly the bytes hashed (nothing can change them in between)."""
    digest = hashlib.sha256()
    copied = 0
    try:
        with open(copy, "wb") as out:
            while copied <= size:
                chunk = stream.read(min(CHUNK, size + 1 - copied))
                if not chunk:
                    break
                digest.update(chunk)
                out.write(chunk)
                copied += len(chunk)
    except OSError as exc:
        raise _Refused(Rejection.UNREADABLE, exc.strerror or str(exc)) from exc
    if copied < size:
        raise _Refused(Rejection.TRUNCATED, f"{copied} octets sur {size}")
    if copied > size:
        raise _Refused(Rejection.HASH_MISMATCH, "fichier plus long que annoncé")
    return digest.hexdigest()


def _already_imported(db: sqlite_utils.Database, digest: str) -> bool:
    row = db.execute("SELECT 1 FROM import_log WHERE file_sha256 = ?", [digest]).fetchone()
    return row is not None


def _check_snapshot(copy: Path, manifest: Manifest, convention_id: str) -> list[str]:
    """Integrity, shape, sequence and convention of the verified copy; its event columns."""
    try:
        conn = sqlite3.connect(copy.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise _Refused(Rejection.DAMAGED, str(exc)) from exc
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            raise _Refused(Rejection.DAMAGED, str(rows[0][0]) if rows else "")
        columns = [str(r[1]) for r in conn.execute("PRAGMA table_info(events)").fetchall()]
        if not set(CORE_COLUMNS) <= set(columns):
            raise _Refused(Rejection.UNKNOWN_FORMAT, "journal absent ou incomplet")
        identity = conn.execute("SELECT desk_id FROM desk_identity WHERE id = 1").fetchone()
        if identity is None or identity[0] != manifest.desk_id:
            raise _Refused(Rejection.UNKNOWN_FORMAT, "identité du poste différente du manifeste")
        (total,) = conn.execute("SELECT COUNT(*) FROM events").fetchone()
        own, low, high = conn.execute(
            "SELECT COUNT(*), MIN(seq), MAX(seq) FROM events WHERE desk_id = ?",
            [manifest.desk_id],
        ).fetchone()
        if total != own:
            raise _Refused(Rejection.UNKNOWN_FORMAT, "faits d'un autre poste dans l'export")
        if own != manifest.event_count or (high or 0) != manifest.last_seq:
            raise _Refused(Rejection.INCOMPLETE_SEQUENCE, "le manifeste ne décrit pas ce journal")
        if own and (low != 1 or high != own):
            raise _Refused(Rejection.INCOMPLETE_SEQUENCE, f"{own} faits pour les n° {low} à {high}")
        found = conn.execute("SELECT convention_id FROM convention").fetchone()
        if found is None or found[0] != manifest.convention_id or found[0] != convention_id:
            raise _Refused(Rejection.OTHER_CONVENTION)
        _check_chain(conn, manifest)
    except sqlite3.DatabaseError as exc:
        raise _Refused(Rejection.DAMAGED, str(exc)) from exc
    finally:
        conn.close()
    return columns


def _check_chain(conn: sqlite3.Connection, manifest: Manifest) -> None:
    """The desk's hash chain, recomputed from the rows received, must hold and end on the head
    the desk signed: otherwise a past row was edited on the laptop before the export."""
    report = chain.verify_chain(conn, manifest.desk_id)
    if report.status in (chain.ChainStatus.BROKEN, chain.ChainStatus.GAP):
        raise _Refused(Rejection.TAMPERED, report.problem)
    if manifest.chain_head is not None and manifest.chain_head != report.head:
        raise _Refused(Rejection.TAMPERED, "l'empreinte du journal diffère de celle du manifeste")


# --- the one transaction ----------------------------------------------------------------------


def _apply(
    db: sqlite_utils.Database,
    source: Path,
    copy: Path,
    manifest: Manifest,
    incoming_columns: list[str],
    clock: Clock,
    agent: str,
) -> MergeReport:
    office_columns = [str(r[1]) for r in db.execute("PRAGMA main.table_info(events)").fetchall()]
    columns = [c for c in office_columns if c in incoming_columns]
    now = to_utc_text(clock())
    db.execute("ATTACH DATABASE ? AS incoming", [str(copy)])
    try:
        with write_transaction(db):
            if _already_imported(db, manifest.sha256):
                return _report(source, manifest, MergeOutcome.ALREADY_IMPORTED)
            different = _set_aside_different(db, columns, manifest.sha256, now)
            copied = _is_copied_desk(db)
            if copied:
                new_events = 0
                anomalies = different + _set_aside_all_new(db, columns, manifest.sha256, now)
            else:
                new_events = _insert_new(db, columns)
                anomalies = different
            _add_badges(db)
            _union_tables(db)
            db.execute(
                "INSERT INTO import_log (file_sha256, desk_id, desk_label, file_name, last_seq, "
                "event_count, new_events, anomalies, exported_at, imported_at, agent) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    manifest.sha256,
                    manifest.desk_id,
                    manifest.desk_label,
                    manifest.file,
                    manifest.last_seq,
                    manifest.event_count,
                    new_events,
                    anomalies,
                    manifest.created_at,
                    now,
                    agent,
                ],
            )
    finally:
        db.execute("DETACH DATABASE incoming")
    return _report(
        source,
        manifest,
        MergeOutcome.IMPORTED,
        new_events=new_events,
        anomalies=anomalies,
        copied_desk=copied,
        agent=agent,
    )


def _content(columns: list[str]) -> str:
    return "json_object(" + ", ".join(f"'{c}', i.\"{c}\"" for c in columns) + ")"


def _set_aside_different(db: sqlite_utils.Database, columns: list[str], sha: str, now: str) -> int:
    """Known ids whose incoming content differs: the original stays, the newcomer is kept aside."""
    same = " AND ".join(f'm."{c}" IS i."{c}"' for c in columns)
    cursor = db.execute(
        "INSERT OR IGNORE INTO merge_anomalies "
        "(kind, event_id, desk_id, seq, content, file_sha256, detected_at) "
        f"SELECT 'contenu_different', i.id, i.desk_id, i.seq, {_content(columns)}, ?, ? "
        f"FROM incoming.events i JOIN main.events m ON m.id = i.id WHERE NOT ({same})",
        [sha, now],
    )
    return max(cursor.rowcount, 0)


def _is_copied_desk(db: sqlite_utils.Database) -> bool:
    """Same desk and sequence number, another fact: the desk file runs on two laptops."""
    row = db.execute(
        "SELECT 1 FROM incoming.events i JOIN main.events m "
        "ON m.desk_id = i.desk_id AND m.seq = i.seq WHERE m.id <> i.id LIMIT 1"
    ).fetchone()
    return row is not None


def _set_aside_all_new(db: sqlite_utils.Database, columns: list[str], sha: str, now: str) -> int:
    """A copied desk file: none of its new facts joins the log (that desk's sequence in the
    master stays one laptop's story); all are kept aside for a person to sort out."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO merge_anomalies "
        "(kind, event_id, desk_id, seq, content, file_sha256, detected_at) "
        f"SELECT 'poste_copie', i.id, i.desk_id, i.seq, {_content(columns)}, ?, ? "
        "FROM incoming.events i WHERE NOT EXISTS (SELECT 1 FROM main.events m WHERE m.id = i.id)",
        [sha, now],
    )
    return max(cursor.rowcount, 0)


def _insert_new(db: sqlite_utils.Database, columns: list[str]) -> int:
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = db.execute(
        f"INSERT OR IGNORE INTO main.events ({names}) SELECT {names} FROM incoming.events"
    )
    return max(cursor.rowcount, 0)


def _add_badges(db: sqlite_utils.Database) -> None:
    """Badges issued at the desk (facts `badge.issue` with the token) open doors here too."""
    db.execute(
        "INSERT OR IGNORE INTO main.badges (token, member_id, issued_at) "
        "SELECT json_extract(e.payload, '$.token'), e.member_id, e.at "
        "FROM incoming.events i JOIN main.events e ON e.id = i.id AND e.payload IS i.payload "
        "WHERE i.kind = 'badge.issue' AND json_extract(e.payload, '$.token') IS NOT NULL "
        "AND e.member_id IN (SELECT id FROM main.members)"
    )


def _union_tables(db: sqlite_utils.Database) -> None:
    for table, needed in UNION_TABLES.items():
        mine = [str(r[1]) for r in db.execute(f'PRAGMA main.table_info("{table}")').fetchall()]
        theirs = {str(r[1]) for r in db.execute(f'PRAGMA incoming.table_info("{table}")')}
        columns = ", ".join(f'"{c}"' for c in mine if c in theirs)
        if mine and theirs:
            db.execute(
                f'INSERT OR IGNORE INTO main."{table}" ({columns}) '
                f'SELECT {columns} FROM incoming."{table}"{needed}'
            )


def log_fingerprint(db: sqlite_utils.Database) -> str:
    """SHA-256 over the whole log ordered by id: two masters with the same facts agree."""
    digest = hashlib.sha256()
    columns = ", ".join(CORE_COLUMNS)
    for row in db.execute(f"SELECT {columns} FROM events ORDER BY id"):
        digest.update(json.dumps(row, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
