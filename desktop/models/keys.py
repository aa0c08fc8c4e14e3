"""Desk keys: an Ed25519 key pair per desk, the private half in a file beside the database.

Where the private key lives, and why: in a file `<database>.key` next to the desk database,
created with 0600 permissions, never in the database itself. A key stored in a table would
travel with every copy of the file (the export snapshot, a backup, a file copied to a second
laptop) unless each copy were scrubbed, and SQLite keeps deleted rows in free pages and in the
WAL until a VACUUM: a forgotten scrub would leak the key for good. A separate file cannot leak
through any copy of the database. The public half is recorded in the `desks` table (desk and
office) so that the office can check export signatures, and so that the desk can tell that its
key file is the one the office knows.
"""

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_SUFFIX = ".key"


class DeskKeyError(Exception):
    """A missing, unreadable or mismatched key, with a French message."""


def key_path(db_path: Path | str) -> Path:
    """Where the private key of the desk whose database is `db_path` lives."""
    path = Path(db_path)
    return path.with_name(path.name + KEY_SUFFIX)


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The public key as stored in `desks.public_key`: base64 of the 32 raw bytes."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def public_from_text(text: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, UnicodeEncodeError) as exc:
        raise DeskKeyError("clé publique illisible") from exc


def write_private_key(path: Path, key: Ed25519PrivateKey) -> None:
    """Write a new key file, readable by its owner only; never overwrite an existing one."""
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise DeskKeyError(f"Une clé existe déjà : {path} (elle ne sera pas écrasée).") from exc
    except OSError as exc:
        raise DeskKeyError(f"Impossible d'écrire la clé {path} : {exc.strerror}") from exc
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_directory(path.parent)


def read_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DeskKeyError(f"Clé privée du poste introuvable : {path}") from exc
    except OSError as exc:
        raise DeskKeyError(f"Clé privée illisible : {path} ({exc.strerror})") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise DeskKeyError(f"Clé privée illisible : {path}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise DeskKeyError(f"{path} n'est pas une clé Ed25519.")
    return key


def canonical(document: dict[str, Any]) -> bytes:
    """The exact bytes that are signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def sign(key: Ed25519PrivateKey, document: dict[str, Any]) -> str:
    return base64.b64encode(key.sign(canonical(document))).decode("ascii")


def verify(public_key: str, document: dict[str, Any], signature: str) -> bool:
    try:
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
        public_from_text(public_key).verify(raw, canonical(document))
    except (InvalidSignature, ValueError, UnicodeEncodeError, DeskKeyError):
        return False
    return True


# --- identity files: how a desk made elsewhere gets registered at the office -----------------

IDENTITY_FORMAT = "guichet-identite/1"


@dataclass(frozen=True)
class DeskIdentity:
    desk_id: str
    label: str
    public_key: str
    convention_id: str


def identity_document(identity: DeskIdentity, key: Ed25519PrivateKey) -> dict[str, Any]:
    """A signed identity (proof that the sender holds the private key of that public key)."""
    body = {
        "format": IDENTITY_FORMAT,
        "desk_id": identity.desk_id,
        "label": identity.label,
        "public_key": identity.public_key,
        "convention_id": identity.convention_id,
    }
    return {"identity": body, "signature": sign(key, body)}


def read_identity_document(document: object) -> DeskIdentity:
    """Check an identity document; raises DeskKeyError (French) when it is not a valid one."""
    if not isinstance(document, dict):
        raise DeskKeyError("fichier d'identité illisible")
    body = document.get("identity")
    signature = document.get("signature")
    if not isinstance(body, dict) or not isinstance(signature, str):
        raise DeskKeyError("fichier d'identité illisible")
    if body.get("format") != IDENTITY_FORMAT:
        raise DeskKeyError("format de fichier d'identité inconnu")
    fields = ("desk_id", "label", "public_key", "convention_id")
    if any(not isinstance(body.get(name), str) or not body.get(name) for name in fields):
        raise DeskKeyError("fichier d'identité incomplet")
    if not verify(str(body["public_key"]), body, signature):
        raise DeskKeyError("signature du fichier d'identité invalide")
    return DeskIdentity(*(str(body[name]) for name in fields))


def fsync_directory(path: Path) -> None:
    """Make a new directory entry durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
