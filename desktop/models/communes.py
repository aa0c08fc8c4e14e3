"""The 31 communes of Montpellier Méditerranée Métropole, and tolerant matching of a name."""

import csv
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop.models.text import fold
from desktop.paths import resource

COMMUNES_CSV = resource("data", "communes.csv")


@dataclass(frozen=True)
class Commune:
    insee: str
    name: str
    postal_codes: tuple[str, ...]
    tram_2023: bool


def read_reference(path: Path = COMMUNES_CSV) -> list[Commune]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            Commune(
                insee=row["insee"],
                name=row["commune"],
                postal_codes=tuple(row["postal_codes"].split()),
                tram_2023=row["tram_2023"].strip().lower() == "oui",
            )
            for row in csv.DictReader(handle, delimiter=";")
        ]


def load_reference(db: sqlite_utils.Database, path: Path = COMMUNES_CSV) -> None:
    for commune in read_reference(path):
        db.execute(
            "INSERT OR REPLACE INTO communes (insee, name, postal_codes, tram_2023) "
            "VALUES (?, ?, ?, ?)",
            [commune.insee, commune.name, " ".join(commune.postal_codes), int(commune.tram_2023)],
        )


def all_communes(db: sqlite_utils.Database) -> list[Commune]:
    rows = db.execute("SELECT insee, name, postal_codes, tram_2023 FROM communes ORDER BY name")
    return [
        Commune(str(i), str(n), tuple(str(p).split()), bool(t)) for i, n, p, t in rows.fetchall()
    ]


_ABBREVIATIONS = ((re.compile(r"\bst\b"), "saint"), (re.compile(r"\bste\b"), "sainte"))
_TRAILING_ARTICLE = re.compile(r"^(.*) (le|la|les|l)$")  # "Crès (Le)" -> "le cres"


def commune_key(name: str) -> str:
    """Matching key: "St-Jean-de-Vedas", "SAINT JEAN DE VÉDAS" and "Saint-Jean-de-Védas" agree."""
    key = fold(name)
    for pattern, full in _ABBREVIATIONS:
        key = pattern.sub(full, key)
    trailing = _TRAILING_ARTICLE.match(key)
    if trailing and "(" in name:
        key = f"{trailing.group(2)} {trailing.group(1)}"
    return key


class CommuneIndex:
    """Finds a commune of the Métropole from how a roster spells it."""

    def __init__(self, communes: list[Commune]) -> None:
        self._by_key = {commune_key(c.name): c for c in communes}
        self._by_insee = {c.insee: c for c in communes}

    def find(self, name: str) -> Commune | None:
        text = name.strip()
        if text in self._by_insee:
            return self._by_insee[text]
        return self._by_key.get(commune_key(text))

    def closest(self, name: str) -> Commune | None:
        """The commune a misspelt name most likely means ("Montpelier", "Castelnau le Lez"),
        for a hint in a message only: a roster is never corrected behind the office's back."""
        near = difflib.get_close_matches(commune_key(name), self._by_key, n=1, cutoff=0.85)
        return self._by_key[near[0]] if near else None

    def by_postal_code(self, postal_code: str) -> list[Commune]:
        code = postal_code.strip()
        return [c for c in self._by_insee.values() if code in c.postal_codes]
