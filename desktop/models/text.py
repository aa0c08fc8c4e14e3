"""Text folding shared by name search, commune matching and header matching."""

import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s\-‐‑–—'’`´_.,/()]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


@lru_cache(maxsize=65_536)  # names repeat: a 10 000-member roster sorts in a few ms
def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form: "Saint-Jean-de-Védas" -> "saint jean de vedas"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", bare.casefold()).strip()


def matches_query(key: str, query: str) -> bool:
    """Every word of the query starts a word of the key, or appears inside it ("emilie" in
    "emilie roussel", "saint jean" in "... saint jean de vedas")."""
    folded = fold(query)
    return all(word in key for word in folded.split()) if folded else True
