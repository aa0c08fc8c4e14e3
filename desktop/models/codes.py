"""Badge codes: what the QR code holds, and how a scanner's output is read back.

A code is "GU" + the convention's 4-letter tag + 30 random letters + 2 check letters. The
alphabet has no digits and none of the letters that QWERTY and AZERTY place differently
(A/Q, Z/W, M), so a scanner set for the wrong keyboard layout still types the code right;
case does not matter (Caps Lock). 21**30 > 2**131: unguessable, and it reveals nothing.
"""

import re
import secrets
import unicodedata
from dataclasses import dataclass
from enum import Enum

ALPHABET = "BCDEFGHIJKLNOPRSTUVXY"
PREFIX = "GU"
TAG_LENGTH = 4
BODY_LENGTH = 30
CHECK_LENGTH = 2
CODE_LENGTH = len(PREFIX) + TAG_LENGTH + BODY_LENGTH + CHECK_LENGTH
MAX_SCAN_LENGTH = 512  # a scanner never types more; a paste of 10 000 characters is refused

# What a scanner types for the digit row when scanner and laptop disagree on the layout:
# QWERTY scanner on an AZERTY laptop gives &é"'(-è_çà, the reverse gives !@#$%^&*().
_MANGLED_DIGITS = set("&é\"'(-è_çà§") | set("!@#$%^*)")
_CODE_PATTERN = re.compile(f"{PREFIX}[{ALPHABET}]{{{CODE_LENGTH - len(PREFIX)}}}")


class ScanProblem(Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    KEYBOARD_LAYOUT = "keyboard_layout"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class BadgeCode:
    code: str  # the whole code, as stored in the badges table
    tag: str  # the convention it belongs to


def _check_letters(head: str) -> str:
    """Two check letters: a plain sum and a position-weighted sum of the letter values, both
    modulo 21. Any single changed letter alters the first (21 letters: a change of value is
    never a multiple of 21), and any swap of two neighbours alters the second."""
    values = [ALPHABET.index(ch) for ch in head]
    plain = sum(values) % len(ALPHABET)
    weighted = sum((i + 1) * v for i, v in enumerate(values)) % len(ALPHABET)
    return ALPHABET[plain] + ALPHABET[weighted]


def _random_letters(count: int) -> str:
    """`count` letters drawn uniformly from the alphabet, from one read of the system's
    random source (bytes >= 252 are dropped so that 252 = 12 x 21 values map evenly)."""
    letters: list[str] = []
    while len(letters) < count:
        for byte in secrets.token_bytes(count + 8):
            if byte < 252:
                letters.append(ALPHABET[byte % len(ALPHABET)])
                if len(letters) == count:
                    break
    return "".join(letters)


def new_tag() -> str:
    return _random_letters(TAG_LENGTH)


def new_code(tag: str) -> str:
    if len(tag) != TAG_LENGTH or any(ch not in ALPHABET for ch in tag):
        raise ValueError(f"invalid convention tag {tag!r}")
    head = PREFIX + tag + _random_letters(BODY_LENGTH)
    return head + _check_letters(head)


def is_well_formed(code: str) -> bool:
    return (
        len(code) == CODE_LENGTH
        and _CODE_PATTERN.fullmatch(code) is not None
        and _check_letters(code[:-CHECK_LENGTH]) == code[-CHECK_LENGTH:]
    )


def clean_scan(raw: str) -> str:
    """Drop what scanners add around a code (control characters, AIM prefixes such as "]Q1",
    spaces, Enter/Tab) and fold case."""
    kept = (
        ch
        for ch in raw
        if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    return "".join(kept).upper()


def parse_scan(raw: str) -> BadgeCode | ScanProblem:
    """What a scan holds: a well-formed badge code (of any convention) or why not."""
    if len(raw) > MAX_SCAN_LENGTH * 4:
        return ScanProblem.TOO_LONG
    text = clean_scan(raw)
    if not text:
        return ScanProblem.EMPTY
    if len(text) > MAX_SCAN_LENGTH:
        return ScanProblem.TOO_LONG
    for match in _CODE_PATTERN.finditer(text):
        code = match.group(0)
        if is_well_formed(code):
            return BadgeCode(code=code, tag=code[len(PREFIX) : len(PREFIX) + TAG_LENGTH])
    # A prefix may overlap a real code start: try every "GU" position, not only regex hits.
    for start in (i for i in range(len(text)) if text.startswith(PREFIX, i)):
        code = text[start : start + CODE_LENGTH]
        if is_well_formed(code):
            return BadgeCode(code=code, tag=code[len(PREFIX) : len(PREFIX) + TAG_LENGTH])
    if sum(1 for ch in raw.lower() if ch in _MANGLED_DIGITS) >= 3:
        return ScanProblem.KEYBOARD_LAYOUT
    return ScanProblem.UNREADABLE
