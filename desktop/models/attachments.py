"""Scans and photos of receipts, kept inside the file by content (SHA-256), so that they travel
with the desk's export and merge without duplicates. Images and PDF only, recognised by their
first bytes (never by the file name), not empty and at most 20 MB."""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop.models.facts import FieldError

MAX_BYTES = 20 * 1024 * 1024

# (first bytes, offset, media type). HEIC/HEIF: what phones save photos as.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "application/pdf"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heif", b"mif1", b"msf1", b"hevc")


@dataclass(frozen=True)
class Attachment:
    sha256: str
    name: str  # the original file name, as the agent chose it
    size: int
    media_type: str


@dataclass(frozen=True)
class LoadedFile:
    attachment: Attachment
    content: bytes


def media_type(head: bytes) -> str | None:
    """The media type a file's first bytes announce, if it is an image or a PDF."""
    for magic, offset, kind in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heic"
    return None


def load_scan(path: Path | str | None) -> LoadedFile | FieldError:
    """Read a receipt's scan from disk, or say precisely why it cannot be used."""
    if path is None or not str(path).strip():
        return FieldError("scan", "Joignez le scan ou la photo du justificatif.")
    file = Path(path)
    if not file.exists():
        return FieldError("scan", f"Fichier introuvable : {file}")
    if not file.is_file():
        return FieldError("scan", f"{file} n'est pas un fichier.")
    size = file.stat().st_size
    if size == 0:
        return FieldError("scan", f"Le fichier {file.name} est vide.")
    if size > MAX_BYTES:
        return FieldError(
            "scan",
            f"Le fichier {file.name} pèse {_megabytes(size)} : 20 Mo au plus. "
            "Réduisez la photo ou scannez en plus basse résolution.",
        )
    try:
        content = file.read_bytes()
    except OSError as exc:
        return FieldError("scan", f"Impossible de lire {file.name} : {exc.strerror or exc}")
    kind = media_type(content[:16])
    if kind is None:
        return FieldError(
            "scan",
            f"{file.name} n'est ni une image (JPEG, PNG, TIFF, HEIC, WebP) ni un PDF.",
        )
    if kind == "application/pdf" and (active := active_pdf_content(content)):
        return FieldError(
            "scan",
            f"{file.name} contient du contenu actif ({', '.join(active)}) : refusé. "
            "Scannez le justificatif en image ou en PDF simple.",
        )
    digest = hashlib.sha256(content).hexdigest()
    return LoadedFile(Attachment(digest, file.name, len(content), kind), content)


# Names that make a PDF act when opened on the office PC (scripts, launched programs,
# embedded files or media). A receipt's scan needs none of them.
_ACTIVE_NAMES = {"JavaScript", "JS", "Launch", "EmbeddedFile", "RichMedia", "XFA", "SubmitForm"}
_NAME_TOKEN = re.compile(rb"/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})+)")


def active_pdf_content(content: bytes) -> list[str]:
    """The active-content names a PDF's uncompressed text uses, "#xx" escapes decoded
    (/J#61vaScript is /JavaScript). Names hidden inside compressed object streams are not
    seen: those PDFs are rare for a scanner's output, and the office opens scans in a
    viewer with scripts off."""
    found: set[str] = set()
    for match in _NAME_TOKEN.finditer(content):
        raw = match.group(1)
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        text = name.decode("latin-1")
        if text in _ACTIVE_NAMES:
            found.add(text)
    return sorted(found)


def _megabytes(size: int) -> str:
    tenths = round(size * 10 / (1024 * 1024))
    return f"{tenths // 10},{tenths % 10} Mo"


def store(db: sqlite_utils.Database, loaded: LoadedFile) -> None:
    """Keep the bytes once (the same scan attached twice is stored once). Call inside the
    transaction that records the fact pointing to it."""
    item = loaded.attachment
    db.execute(
        "INSERT OR IGNORE INTO attachments (sha256, media_type, size, content) VALUES (?, ?, ?, ?)",
        [item.sha256, item.media_type, item.size, loaded.content],
    )


def content(db: sqlite_utils.Database, sha256: str) -> bytes | None:
    """The stored bytes of a scan (to show, print or export it)."""
    row = db.execute("SELECT content FROM attachments WHERE sha256 = ?", [sha256]).fetchone()
    return None if row is None else bytes(row[0])


def export(db: sqlite_utils.Database, sha256: str, destination: Path) -> Path:
    """Write a stored scan to `destination` (a file path); raises LookupError if missing."""
    data = content(db, sha256)
    if data is None:
        raise LookupError(f"justificatif {sha256[:12]}… absent de ce fichier")
    destination.write_bytes(data)
    return destination
