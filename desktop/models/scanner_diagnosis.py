"""Setting up a keyboard-wedge scanner: what did it type for the test code, and what is wrong.

The scanner reads the test code and "types" it like a keyboard. The test code holds digits,
both cases and the letters A, Q, Z, W and M: the keys that QWERTY and AZERTY place
differently, so the mangled text tells which way the layouts disagree. `diagnose` takes the
typed text (with its end key, if any) and the time of each key in milliseconds, and returns
findings with French text for the agent. No Qt here: the set-up page only collects the keys.
"""

import itertools
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

TEST_CODE = "GUICHETaqzwmAQZWM1234567890"
# A scanner types a whole code in a few tens of milliseconds; a person needs 80 ms or more
# between two keys. The application-wide scan router uses the same limit to tell them apart.
WEDGE_MAX_KEY_DELAY_MS = 25.0
END_KEYS = {"\r": "Entrée", "\n": "Entrée", "\t": "Tab"}

# What a letter or digit becomes when scanner and computer disagree on the layout.
# Scanner QWERTY, computer AZERTY: the scanner presses the US key positions.
_QWERTY_ON_AZERTY = {
    "a": "q", "q": "a", "z": "w", "w": "z", "A": "Q", "Q": "A", "Z": "W", "W": "Z",
    "m": ",", "M": "?",
    "1": "&", "2": "é", "3": '"', "4": "'", "5": "(", "6": "-", "7": "è", "8": "_", "9": "ç",
    "0": "à",
}  # fmt: skip
# Scanner AZERTY, computer QWERTY: AZERTY digits are shifted keys, M sits on the US ";" key.
_AZERTY_ON_QWERTY = {
    "a": "q", "q": "a", "z": "w", "w": "z", "A": "Q", "Q": "A", "Z": "W", "W": "Z",
    "m": ";", "M": ":",
    "1": "!", "2": "@", "3": "#", "4": "$", "5": "%", "6": "^", "7": "&", "8": "*", "9": "(",
    "0": ")",
}  # fmt: skip


class Layout(Enum):
    SAME = "same"
    QWERTY_ON_AZERTY = "qwerty_on_azerty"  # scanner set to QWERTY, computer in AZERTY
    AZERTY_ON_QWERTY = "azerty_on_qwerty"


class Finding(Enum):
    ALL_GOOD = "all_good"
    NOTHING_TYPED = "nothing_typed"
    NOT_RECOGNISED = "not_recognised"
    LAYOUT_QWERTY_ON_AZERTY = "layout_qwerty_on_azerty"
    LAYOUT_AZERTY_ON_QWERTY = "layout_azerty_on_qwerty"
    CAPS_LOCK = "caps_lock"
    PREFIX = "prefix"
    SUFFIX = "suffix"
    NO_END_KEY = "no_end_key"
    ENDS_WITH_TAB = "ends_with_tab"
    TOO_SLOW = "too_slow"


# Findings that need a change on the scanner (or the keyboard) before the desk opens.
PROBLEMS = frozenset(Finding) - {Finding.ALL_GOOD, Finding.ENDS_WITH_TAB}


@dataclass(frozen=True)
class Diagnosis:
    typed: str
    visible: str  # the typed text with control characters made visible
    findings: tuple[Finding, ...]
    texts: tuple[str, ...]  # one French sentence per finding, same order
    layout: Layout | None = None  # None: the code was not found in what was typed
    caps_lock: bool = False
    prefix: str = ""
    suffix: str = ""
    end_key: str | None = None  # "Entrée", "Tab" or None
    median_delay_ms: float | None = None

    @property
    def ok(self) -> bool:
        return not any(f in PROBLEMS for f in self.findings)


_CONTROL_NAMES = {
    "\r": "⏎", "\n": "␊", "\t": "⇥", "\x1b": "[Échap]", "\x02": "[STX]", "\x03": "[ETX]",
    "\x04": "[EOT]", "\x1d": "[GS]", "\x1e": "[RS]", "\x1f": "[US]", " ": "␣",
}  # fmt: skip


def visible(text: str) -> str:
    """The text with what a person cannot see spelled out: ⏎ Entrée, ⇥ Tab, ␣ space,
    [GS] and other control characters by name or code."""
    out = []
    for ch in text:
        if ch in _CONTROL_NAMES:
            out.append(_CONTROL_NAMES[ch])
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(f"[U+{ord(ch):04X}]")
        else:
            out.append(ch)
    return "".join(out)


def _pattern(expected: str, layout: Layout, caps: bool) -> re.Pattern[str]:
    table = {
        Layout.SAME: {},
        Layout.QWERTY_ON_AZERTY: _QWERTY_ON_AZERTY,
        Layout.AZERTY_ON_QWERTY: _AZERTY_ON_QWERTY,
    }[layout]
    parts = []
    for ch in expected:
        typed = table.get(ch, ch)
        flip = caps and typed.isascii() and typed.isalpha()  # Caps Lock turns letters only
        options = {typed.swapcase() if flip else typed}
        if caps and ch.isdigit():
            options.add(ch)  # a French keyboard with Caps Lock gives the digits themselves
        parts.append("[" + "".join(re.escape(o) for o in sorted(options)) + "]")
    return re.compile("".join(parts))


_CANDIDATES = [(layout, caps) for caps in (False, True) for layout in Layout]


def _end_key(typed: str) -> tuple[str, str | None]:
    """The typed text without its end key(s), and the end key's name."""
    body = typed
    end: str | None = None
    while body and body[-1] in END_KEYS:
        end = end or END_KEYS[body[-1]]
        body = body[:-1]
    return body, end


def _delays(timestamps_ms: Sequence[float]) -> list[float]:
    return [max(b - a, 0.0) for a, b in itertools.pairwise(timestamps_ms)]


def diagnose(
    typed: str, timestamps_ms: Sequence[float] = (), expected: str = TEST_CODE
) -> Diagnosis:
    """What `typed` (the keys received, end key included) says about the scanner's set-up.
    `timestamps_ms`: when each key arrived (one per character, or empty if unknown)."""
    body, end = _end_key(typed)
    findings: list[tuple[Finding, str]] = []
    delays = _delays(timestamps_ms)
    median = statistics.median(delays) if delays else None
    if not body.strip():
        findings.append((Finding.NOTHING_TYPED, _TEXTS[Finding.NOTHING_TYPED]))
        return _result(typed, findings, end=end, median=median)
    layout, caps, prefix, suffix = None, False, "", ""
    for candidate, with_caps in _CANDIDATES:
        match = _pattern(expected, candidate, with_caps).search(body)
        if match:
            layout, caps = candidate, with_caps
            prefix, suffix = body[: match.start()], body[match.end() :]
            break
    if layout is None:
        findings.append((Finding.NOT_RECOGNISED, _not_recognised(body)))
    elif layout is Layout.QWERTY_ON_AZERTY:
        findings.append((Finding.LAYOUT_QWERTY_ON_AZERTY, _TEXTS[Finding.LAYOUT_QWERTY_ON_AZERTY]))
    elif layout is Layout.AZERTY_ON_QWERTY:
        findings.append((Finding.LAYOUT_AZERTY_ON_QWERTY, _TEXTS[Finding.LAYOUT_AZERTY_ON_QWERTY]))
    if caps:
        findings.append((Finding.CAPS_LOCK, _TEXTS[Finding.CAPS_LOCK]))
    if prefix:
        findings.append((Finding.PREFIX, _TEXTS[Finding.PREFIX].format(text=visible(prefix))))
    if suffix:
        findings.append((Finding.SUFFIX, _TEXTS[Finding.SUFFIX].format(text=visible(suffix))))
    if end is None:
        findings.append((Finding.NO_END_KEY, _TEXTS[Finding.NO_END_KEY]))
    elif end == "Tab":
        findings.append((Finding.ENDS_WITH_TAB, _TEXTS[Finding.ENDS_WITH_TAB]))
    if median is not None and median > WEDGE_MAX_KEY_DELAY_MS:
        findings.append((Finding.TOO_SLOW, _TEXTS[Finding.TOO_SLOW].format(ms=round(median))))
    if not any(f in PROBLEMS for f, _ in findings):
        findings.insert(0, (Finding.ALL_GOOD, _TEXTS[Finding.ALL_GOOD]))
    return _result(typed, findings, layout, caps, prefix, suffix, end, median)


def _result(
    typed: str,
    findings: list[tuple[Finding, str]],
    layout: Layout | None = None,
    caps: bool = False,
    prefix: str = "",
    suffix: str = "",
    end: str | None = None,
    median: float | None = None,
) -> Diagnosis:
    return Diagnosis(
        typed=typed,
        visible=visible(typed),
        findings=tuple(f for f, _ in findings),
        texts=tuple(t for _, t in findings),
        layout=layout,
        caps_lock=caps,
        prefix=prefix,
        suffix=suffix,
        end_key=end,
        median_delay_ms=median,
    )


def _not_recognised(body: str) -> str:
    text = _TEXTS[Finding.NOT_RECOGNISED]
    mangled = sum(1 for ch in body if ch in "&é\"'(-è_çà!@#$%^*)")
    if mangled >= 3:
        text += " Plusieurs chiffres sont devenus des symboles : la disposition du clavier " + (
            "du scanner ne correspond sans doute pas à celle de l'ordinateur."
        )
    return text


_TEXTS = {
    Finding.ALL_GOOD: "Le scanner est bien réglé : le code de test est arrivé tel quel.",
    Finding.NOTHING_TYPED: "Rien n'a été reçu. Vérifiez que le scanner est branché et que ce "
    "champ a le focus, puis scannez à nouveau le code de test.",
    Finding.NOT_RECOGNISED: "Ce qui a été reçu ne ressemble pas au code de test : avez-vous "
    "scanné le code de la feuille de test ?",
    Finding.LAYOUT_QWERTY_ON_AZERTY: "Disposition du clavier : le scanner est réglé en QWERTY "
    "(anglais) alors que l'ordinateur est en AZERTY (A et Q, Z et W sont échangés, les chiffres "
    "deviennent &é\"'…). Réglez le scanner sur « Français (AZERTY) » avec le code de "
    "configuration de son manuel. Les badges passent quand même : leur code évite ces touches.",
    Finding.LAYOUT_AZERTY_ON_QWERTY: "Disposition du clavier : le scanner est réglé en AZERTY "
    "alors que l'ordinateur est en QWERTY (A et Q, Z et W sont échangés, les chiffres "
    "deviennent !@#…). Réglez le scanner sur la disposition de l'ordinateur. Les badges "
    "passent quand même : leur code évite ces touches.",
    Finding.CAPS_LOCK: "Majuscules et minuscules sont inversées : la touche Verr. Maj est "
    "sans doute activée. Désactivez-la (les badges passent quand même).",
    Finding.PREFIX: "Le scanner ajoute « {text} » avant le code (préfixe). Guichet l'ignore "
    "pour les badges ; vous pouvez le retirer dans le réglage du scanner.",
    Finding.SUFFIX: "Le scanner ajoute « {text} » après le code (suffixe). Guichet l'ignore "
    "pour les badges ; vous pouvez le retirer dans le réglage du scanner.",
    Finding.NO_END_KEY: "Le scanner n'envoie ni Entrée ni Tab après le code : la frappe s'est "
    "arrêtée sans touche de fin. Ajoutez le suffixe « Entrée » (CR) dans son réglage, sinon "
    "chaque scan attend qu'on appuie sur Entrée.",
    Finding.ENDS_WITH_TAB: "Le scanner termine le code par Tab : Guichet l'accepte comme Entrée.",
    Finding.TOO_SLOW: "Le scanner tape lentement ({ms} ms entre deux touches, comme une "
    "personne) : Guichet ne peut pas distinguer ses scans de la frappe au clavier quand le "
    "curseur est dans un autre champ. Réglez sa vitesse de transmission au maximum.",
}
