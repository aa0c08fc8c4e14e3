"""The roster the panel company sends: read it (pure), then import it (one transaction).

Only what the desk needs is kept (DOMAIN.md, "Personal data"): surname, first name, commune,
the panel's identifier, status, pass, parking eligibility and reason, menu code, assistance
and its note. Every other column is dropped with a warning naming it, and never stored. The
postal code only checks or completes the commune.

A file with any problem imports nothing: every problem is listed with its line number as a
spreadsheet shows it (the header is line 1). A re-import updates members in place (matched by
identifier, else by name and commune), marks those missing from the new file as withdrawn, and
never touches the events log.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.models import members
from desktop.models.clock import Clock, to_utc_text
from desktop.models.codes import new_code
from desktop.models.communes import Commune, CommuneIndex, all_communes
from desktop.models.convention import get_convention
from desktop.models.ids import uuid7
from desktop.models.members import MENUS, PASS_STATUSES, STATUSES, Member
from desktop.models.storage import write_transaction
from desktop.models.tabular import (
    HEADER_SEARCH,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    TableError,
    read_table,
)
from desktop.models.text import fold

MAX_MEMBERS = 20_000
MAX_CELL = 500  # characters in a kept cell
_MAX_LINES = MAX_MEMBERS + 1_000  # blank lines and title rows included

# Header spellings (compared once folded: case, accents and punctuation do not matter).
_HEADERS = {
    "surname": ("nom", "nom de famille", "nom d usage", "nom usuel", "nom famille"),
    "first_name": ("prenom", "prenoms", "prenom usuel"),
    "commune": ("commune", "ville", "commune de residence", "ville de residence", "localite"),
    "postal_code": ("code postal", "cp", "codepostal", "code post"),
    "external_ref": ("identifiant", "id", "n", "no", "num", "numero", "reference", "ref",
                     "identifiant panel", "n membre", "numero de membre", "n panel"),
    "status": ("statut", "statut membre", "situation"),
    "pass_status": ("pass", "pass transport", "pass gratuite", "pass tam", "abonnement"),
    "parking_eligible": ("stationnement", "eligible stationnement", "eligibilite stationnement",
                         "eligible au stationnement", "parking", "eligible parking",
                         "eligibilite parking"),
    "parking_reason": ("motif stationnement", "motif de stationnement", "motif du stationnement",
                       "motif parking", "raison stationnement", "motif"),
    "menu": ("menu", "regime", "regime alimentaire", "repas"),
    "needs_assistance": ("assistance", "besoin d assistance", "besoin assistance",
                         "besoins d assistance", "besoin d aide", "aide"),
    "assistance_note": ("note assistance", "note d assistance", "precision assistance",
                        "precisions assistance", "detail assistance", "commentaire assistance"),
}  # fmt: skip
_FIELD_OF = {alias: column for column, aliases in _HEADERS.items() for alias in aliases}
_LABELS = {
    "surname": "nom",
    "first_name": "prénom",
    "commune": "commune",
    "postal_code": "code postal",
    "external_ref": "identifiant",
    "status": "statut",
    "pass_status": "pass",
    "parking_eligible": "stationnement",
    "parking_reason": "motif de stationnement",
    "menu": "menu",
    "needs_assistance": "assistance",
    "assistance_note": "note d'assistance",
}
# Values, compared with only letters and digits kept ("7j/7" -> "7j7", "Week-end" -> "weekend").
_CHOICES: dict[str, tuple[dict[str, Any], str]] = {
    "status": (
        {"": "actif", "actif": "actif", "active": "actif", "actifve": "actif", "titulaire": "actif",
         "suppleant": "suppléant", "suppleante": "suppléant", "remplacant": "suppléant",
         "remplacante": "suppléant", "retire": "retiré", "retiree": "retiré",
         "desiste": "retiré", "desistee": "retiré", "demissionnaire": "retiré", "abandon": "retiré"},
        ", ".join(STATUSES),
    ),
    "pass_status": (
        {"": "aucun", "aucun": "aucun", "non": "aucun", "sans": "aucun", "pasdepass": "aucun",
         "aucunpass": "aucun", "sanspass": "aucun",
         "weekend": "week-end", "weekends": "week-end", "we": "week-end",
         "passweekend": "week-end",
         "7j7": "7j-7", "77": "7j-7", "7jours7": "7j-7", "7jourssur7": "7j-7",
         "7joursur7": "7j-7", "touslesjours": "7j-7", "pass7j7": "7j-7",
         "encours": "en cours", "demandeencours": "en cours", "encoursdedemande": "en cours",
         "enattente": "en cours"},
        ", ".join(PASS_STATUSES),
    ),
    "menu": (
        {"": "standard", "standard": "standard", "normal": "standard", "classique": "standard",
         "aucun": "standard", "non": "standard",
         "vegetarien": "végétarien", "vegetarienne": "végétarien", "vege": "végétarien",
         "sansviande": "végétarien",
         "sansporc": "sans porc", "autre": "autre"},
        ", ".join(MENUS),
    ),
    "parking_eligible": (
        {"": False, "non": False, "n": False, "0": False, "faux": False, "no": False,
         "false": False, "oui": True, "o": True, "1": True, "x": True, "vrai": True,
         "yes": True, "true": True},
        "oui ou non",
    ),
}  # fmt: skip
_CHOICES["needs_assistance"] = _CHOICES["parking_eligible"]
_OPTIONAL = (*_CHOICES, "parking_reason", "assistance_note")
_NAMES_SHOWN = 50  # withdrawn members named in the summary
_HINT = re.compile(r"\([^)]*\)")  # "(oui/non)", "(s)"
_OF_MEMBER = re.compile(r" (du|de la|des) (membre|participant|participante|paneliste)s?$")
_POSTAL = re.compile(r"\d{5}")
_POSTAL_IN_NAME = re.compile(r"^\(?(\d{5})\)?\s+(.+)$|^(.+?)\s+\(?(\d{5})\)?$")


@dataclass(frozen=True)
class RowProblem:
    line: int | None  # as the spreadsheet shows it (header = 1); None: the whole file
    message: str

    def __str__(self) -> str:
        return self.message if self.line is None else f"ligne {self.line} : {self.message}"


@dataclass(frozen=True)
class RosterRow:
    line: int
    surname: str
    first_name: str
    commune: Commune
    external_ref: str | None = None
    status: str = "actif"
    pass_status: str = "aucun"
    parking_eligible: bool = False
    parking_reason: str = ""
    menu: str = "standard"
    needs_assistance: bool = False
    assistance_note: str = ""

    @cached_property
    def key(self) -> tuple[str, str, str]:
        return identity(self.surname, self.first_name, self.commune.insee)


def identity(surname: str, first_name: str, commune_insee: str) -> tuple[str, str, str]:
    """Who a row is without an identifier: "Lefèvre; JÉRÔME" and "LEFEVRE; Jérôme" agree."""
    return (fold(surname), fold(first_name), commune_insee)


@dataclass(frozen=True)
class RosterParse:
    rows: tuple[RosterRow, ...]
    errors: tuple[RowProblem, ...]
    warnings: tuple[str, ...]
    columns: frozenset[str] = frozenset()  # fields the file has a column for
    source: str = ""  # "CSV (point-virgule, UTF-8)"

    @property
    def ok(self) -> bool:
        return not self.errors


def _header_key(title: str) -> str:
    """ "Prénom(s)", "Stationnement (oui/non)", "Nom du membre *" -> "prenom", ..., "nom"."""
    key = re.sub(r"[^a-z0-9]+", " ", fold(_HINT.sub(" ", title))).strip()
    return _OF_MEMBER.sub("", key)


def _header_score(cells: Sequence[str]) -> int:
    return len({_FIELD_OF[k] for k in map(_header_key, cells) if k in _FIELD_OF})


# One column holding both names ("DUPONT Jean"): which word is the surname cannot be told
# ("LE GALL Yann", "Marie Claire BEN SAÏD"), so the office is asked to split it, never guessed.
_COMBINED_NAMES = frozenset(
    {"nom et prenom", "nom prenom", "prenom nom", "prenom et nom", "nom et prenoms",
     "nom prenoms", "nom complet", "identite", "nom du membre et prenom", "noms et prenoms"}
)  # fmt: skip


def _combined_names_column(rows: Sequence[Sequence[str]]) -> str | None:
    """The title of a column that holds both surname and first name, if the file has one."""
    for row in rows:
        for title in row:
            if _header_key(title) in _COMBINED_NAMES:
                return title
    return None


def _combined_names_problem(title: str) -> str:
    return (
        f"la colonne {_quote(title)} réunit nom et prénom : séparez-les en deux colonnes "
        "« Nom » et « Prénom » (Guichet ne devine pas lequel est le nom de famille)"
    )


def _quote(value: str, limit: int = 40) -> str:
    return f"« {value if len(value) <= limit else value[: limit - 1] + '…'} »"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


# --- reading (pure) --------------------------------------------------------------------------


def read_roster(data: bytes, filename: str, communes: CommuneIndex) -> RosterParse:
    """Every row of the roster checked against the communes, or every problem found."""
    table = read_table(data, filename, _header_score, _MAX_LINES)
    if isinstance(table, TableError):
        return RosterParse((), (RowProblem(table.line, table.message),), ())
    warnings = list(table.warnings)
    if table.truncated:
        return _too_long(f"plus de {_number(_MAX_LINES)} lignes", table.source)
    head = next(
        (i for i, row in enumerate(table.rows[:HEADER_SEARCH]) if _header_score(row) >= 2), None
    )
    if head is None:
        combined = _combined_names_column(table.rows[:HEADER_SEARCH])
        message = (
            "En-tête introuvable : "
            + (
                _combined_names_problem(combined)
                if combined is not None
                else "la première ligne doit donner le titre des colonnes (Nom, Prénom, Commune…)"
            )
            + "."
        )
        return RosterParse((), (RowProblem(None, message),), (), source=table.source)
    body = [(i + 1, row) for i, row in enumerate(table.rows[head + 1 :], head + 1) if any(row)]
    if len(body) > MAX_MEMBERS:
        return _too_long(f"{_number(len(body))} lignes remplies", table.source)
    columns, errors, column_warnings = _columns(table.rows[head], head + 1)
    if any(any(row) for row in table.rows[:head]):
        lines = (
            "Ligne 1 ignorée : elle précède"
            if head == 1
            else f"Lignes 1 à {head} ignorées : elles précèdent"
        )
        warnings.append(f"{lines} l'en-tête (ligne {head + 1}).")
    warnings += column_warnings
    if errors:
        return RosterParse((), tuple(errors), tuple(warnings), frozenset(columns), table.source)
    rows, problems, untitled = _rows(body, table.rows[head], columns, communes)
    if untitled:
        warnings.append(_untitled_warning(sorted(untitled)))
    if not rows and not problems:
        problems.append(RowProblem(None, "Le fichier ne contient aucun membre."))
    return RosterParse(
        tuple(rows), tuple(problems), tuple(warnings), frozenset(columns), table.source
    )


def _too_long(count: str, source: str) -> RosterParse:
    message = (
        f"Le fichier compte {count} : ce n'est pas une liste de la convention "
        f"(maximum {_number(MAX_MEMBERS)} membres)."
    )
    return RosterParse((), (RowProblem(None, message),), (), source=source)


def _untitled_warning(indexes: list[int]) -> str:
    from openpyxl.utils import get_column_letter  # lazy: openpyxl is slow to import

    names = ", ".join(get_column_letter(i + 1) for i in indexes[:8])
    names += "…" if len(indexes) > 8 else ""
    plural = "s" if len(indexes) > 1 else ""
    return f"Colonne{plural} {names} sans titre : contenu ignoré, non conservé."


def _columns(
    header: Sequence[str], line: int
) -> tuple[dict[str, int], list[RowProblem], list[str]]:
    columns: dict[str, int] = {}
    errors: list[RowProblem] = []
    warnings: list[str] = []
    if len(header) > MAX_COLUMNS:
        errors.append(RowProblem(line, f"plus de {MAX_COLUMNS} colonnes : en-tête refusé"))
    for index, title in enumerate(header[:MAX_COLUMNS]):
        column = _FIELD_OF.get(_header_key(title))
        if column is None:
            if title:
                warnings.append(
                    f"Colonne {_quote(title)} ignorée : donnée non nécessaire à l'accueil, "
                    "non conservée."
                )
        elif column in columns:
            first = header[columns[column]]
            errors.append(
                RowProblem(
                    line,
                    f"deux colonnes donnent le même renseignement ({_LABELS[column]}) : "
                    f"{_quote(first)} et {_quote(title)} (gardez-en une seule)",
                )
            )
        else:
            columns[column] = index
    if "postal_code" in columns:
        warnings.append(
            f"Colonne {_quote(header[columns['postal_code']])} utilisée pour vérifier la "
            "commune, non conservée."
        )
    combined = _combined_names_column([header])
    if combined is not None and not {"surname", "first_name"} <= columns.keys():
        errors.append(RowProblem(line, _combined_names_problem(combined)))
    else:
        for column, title in (("surname", "Nom"), ("first_name", "Prénom")):
            if column not in columns:
                errors.append(RowProblem(line, f"colonne « {title} » absente de l'en-tête"))
    if "commune" not in columns and "postal_code" not in columns:
        errors.append(RowProblem(line, "colonne « Commune » absente de l'en-tête"))
    return columns, errors, warnings


def _rows(
    body: list[tuple[int, tuple[str, ...]]],
    header: Sequence[str],
    columns: dict[str, int],
    communes: CommuneIndex,
) -> tuple[list[RosterRow], list[RowProblem], set[int]]:
    """The rows, their problems, and the untitled columns that hold something."""
    rows: list[RosterRow] = []
    problems: list[RowProblem] = []
    untitled: set[int] = set()
    lookups: dict[tuple[str, ...], Any] = {}  # (column, cells...) -> value: few distinct
    by_ref: dict[str, int] = {}
    by_key: dict[tuple[str, str, str], list[RosterRow]] = {}
    titles = {column: header[index] for column, index in columns.items()}
    blank_titles = [i for i, title in enumerate(header) if not title]
    for line, cells in body:
        untitled.update(i for i in blank_titles if i < len(cells) and cells[i])
        untitled.update(i for i in range(len(header), len(cells)) if cells[i])
        row = _row(line, cells, columns, titles, communes, lookups)
        if isinstance(row, list):
            problems += row
            continue
        problems += _duplicates(row, by_ref, by_key)
        rows.append(row)
    return rows, problems, untitled


def _row(
    line: int,
    cells: tuple[str, ...],
    columns: dict[str, int],
    titles: dict[str, str],
    communes: CommuneIndex,
    lookups: dict[tuple[str, ...], Any],
) -> RosterRow | list[RowProblem]:
    """One member, or every problem of the line (`lookups` caches communes and values)."""
    values = {f: cells[i] if i < len(cells) else "" for f, i in columns.items()}
    problems = [
        RowProblem(
            line,
            f"texte trop long dans la colonne {_quote(titles[f])} ({_number(len(v))} "
            f"caractères, maximum {MAX_CELL})",
        )
        for f, v in values.items()
        if len(v) > MAX_CELL
    ]
    if problems:
        return problems
    for column in ("surname", "first_name"):
        if not values[column]:
            problems.append(RowProblem(line, f"{_LABELS[column]} manquant"))
    name, postal = values.get("commune", ""), values.get("postal_code", "")
    place = ("commune", name, postal)
    if place not in lookups:
        lookups[place] = _commune(name, postal, communes)
    commune: Commune | str = lookups[place]
    if isinstance(commune, str):
        problems.append(RowProblem(line, commune))
    choices: dict[str, Any] = {}
    for column, (allowed, expected) in _CHOICES.items():
        raw = values.get(column, "")
        if (column, raw) not in lookups:
            lookups[(column, raw)] = allowed.get(re.sub(r"[^a-z0-9]", "", fold(raw)))
        choice = lookups[(column, raw)]
        if choice is None:
            problems.append(
                RowProblem(
                    line,
                    f"valeur {_quote(raw)} non reconnue dans la colonne "
                    f"{_quote(titles[column])} (attendu : {expected})",
                )
            )
        choices[column] = choice
    if problems or isinstance(commune, str):
        return problems
    return RosterRow(
        line=line,
        surname=values["surname"],
        first_name=values["first_name"],
        commune=commune,
        external_ref=values.get("external_ref") or None,
        parking_reason=values.get("parking_reason", ""),
        assistance_note=values.get("assistance_note", ""),
        **choices,
    )


def _commune(name: str, postal: str, communes: CommuneIndex) -> Commune | str:
    """The commune a row designates, or what is wrong (a French message)."""
    postal = postal.replace(" ", "")
    commune = communes.find(name) if name else None
    embedded = _POSTAL_IN_NAME.match(name) if name and commune is None else None
    if embedded and not postal:  # "34970 Lattes", "Lattes (34970)"
        commune = communes.find(embedded.group(2) or embedded.group(3))
        postal = (embedded.group(1) or embedded.group(4)) if commune else ""
    if postal and not _POSTAL.fullmatch(postal):
        return f"code postal {_quote(postal)} invalide (5 chiffres attendus)"
    candidates = communes.by_postal_code(postal) if postal else []
    if name and commune is None:
        if len(candidates) == 1:
            hint = f" (le code postal {postal} est celui de {candidates[0].name})"
        elif (near := communes.closest(name)) is not None:
            hint = f" (vouliez-vous dire {_quote(near.name)} ?)"  # a typo: said, never fixed
        else:
            hint = ""
        return f"commune inconnue {_quote(name)}{hint}"
    if commune is not None:
        if postal and postal not in commune.postal_codes:
            return (
                f"le code postal {postal} ne correspond pas à la commune {_quote(commune.name)} "
                f"({', '.join(commune.postal_codes)})"
            )
        return commune
    if not postal:
        return "commune manquante"
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return f"commune manquante, et le code postal {postal} n'est pas de la Métropole"
    names = ", ".join(c.name for c in candidates)
    return f"commune manquante : le code postal {postal} désigne plusieurs communes ({names})"


def _duplicates(
    row: RosterRow, by_ref: dict[str, int], by_key: dict[tuple[str, str, str], list[RosterRow]]
) -> list[RowProblem]:
    problems: list[RowProblem] = []
    ref = row.external_ref
    if ref is not None:
        if ref in by_ref:
            problems.append(
                RowProblem(row.line, f"identifiant {_quote(ref)} déjà utilisé ligne {by_ref[ref]}")
            )
        else:
            by_ref[ref] = row.line
    same_name = by_key.setdefault(row.key, [])
    for other in same_name:
        if ref is not None and other.external_ref is not None and ref != other.external_ref:
            continue  # homonyms told apart by their identifiers
        if ref is None or ref != other.external_ref:  # the same identifier is reported above
            problems.append(
                RowProblem(
                    row.line,
                    f"doublon de la ligne {other.line} (même nom, prénom et commune, sans "
                    "identifiant qui les distingue)",
                )
            )
        break
    same_name.append(row)
    return problems


# --- importing -------------------------------------------------------------------------------


class Summary(str):
    """The French summary: text, and also callable, so that `report.summary` and
    `report.summary()` both give it (the GUI reads it as an attribute, scripts often call)."""

    def __call__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class ImportReport:
    ok: bool
    errors: tuple[RowProblem, ...] = ()
    # Refused only because it would withdraw most of the members: the same import, confirmed
    # (import_roster(..., withdraw_most=True)), goes through. `withdrawn_names` lists them.
    needs_confirmation: bool = False
    expected_before: int = 0  # members expected (not withdrawn) before this import
    warnings: tuple[str, ...] = ()
    created: int = 0
    updated: int = 0
    withdrawn: int = 0
    unchanged: int = 0
    withdrawn_names: tuple[str, ...] = ()  # "Lucas ÉTIENNE (Montpellier)"
    filename: str = ""
    source: str = ""

    @property
    def summary(self) -> "Summary":
        """What happened, in French, one fact a line (warnings included)."""
        if self.needs_confirmation:
            lines = [
                f"Import de « {self.filename} » non appliqué : aucun membre n'a été ajouté ni "
                "modifié.",
                *(f"  {problem}" for problem in self.errors),
                *self._withdrawn_lines("Seraient retirés"),
            ]
        elif not self.ok:
            count = len(self.errors)
            lines = [
                f"Import de « {self.filename} » refusé : {count} problème{'s' * (count > 1)}. "
                "Aucun membre n'a été ajouté ni modifié.",
                *(f"  {problem}" for problem in self.errors),
                "Corrigez le fichier puis relancez l'import.",
            ]
        else:
            total = self.created + self.updated + self.unchanged
            lines = [
                f"Import de « {self.filename} » réussi : {total} membre{'s' * (total > 1)} "
                f"dans la liste{f' — {self.source}' if self.source else ''}.",
                f"  Nouveaux : {self.created} (un badge créé pour chacun)",
                f"  Mis à jour : {self.updated}",
                f"  Inchangés : {self.unchanged}",
                *self._withdrawn_lines("Retirés"),
            ]
        if self.warnings:
            lines += ["Avertissements :", *(f"  - {warning}" for warning in self.warnings)]
        return Summary("\n".join(lines))

    def _withdrawn_lines(self, label: str) -> list[str]:
        lines = [
            f"  {label} (absents du nouveau fichier) : {self.withdrawn}",
            *(f"    - {name}" for name in self.withdrawn_names[:_NAMES_SHOWN]),
        ]
        if len(self.withdrawn_names) > _NAMES_SHOWN:
            lines.append(f"    … et {len(self.withdrawn_names) - _NAMES_SHOWN} autres")
        return lines

    def __str__(self) -> str:
        return self.summary


@dataclass
class _Plan:
    created: list[Member] = field(default_factory=list)
    updated: list[Member] = field(default_factory=list)
    withdrawn: list[Member] = field(default_factory=list)
    unchanged: int = 0


def import_roster(
    db: sqlite_utils.Database, path: Path, clock: Clock, *, withdraw_most: bool = False
) -> ImportReport:
    """Read the roster at `path` and apply it in one transaction; with any problem, write
    nothing and report every problem. Members absent from the file are withdrawn; a file that
    would withdraw more than half of the members expected now (the substitutes' list imported
    alone, a sheet cut short) writes nothing and asks for confirmation (`needs_confirmation`)
    unless `withdraw_most`."""
    path = Path(path)
    data = _read_file(path)
    if isinstance(data, RowProblem):
        return ImportReport(ok=False, errors=(data,), filename=path.name)
    convention = get_convention(db)
    if convention is None:
        problem = RowProblem(None, "Ce fichier Guichet n'a pas de convention : import impossible.")
        return ImportReport(ok=False, errors=(problem,), filename=path.name)
    parsed = read_roster(data, path.name, CommuneIndex(all_communes(db)))
    report = ImportReport(
        ok=False,
        errors=parsed.errors,
        warnings=parsed.warnings,
        filename=path.name,
        source=parsed.source,
    )
    if not parsed.ok:
        return report
    issued_at = to_utc_text(clock())
    with write_transaction(db):
        known = members.all_members(db)
        plan = _plan(known, parsed)
        if isinstance(plan, list):
            return replace(report, errors=tuple(plan))
        expected = sum(1 for m in known if not m.withdrawn)
        if not withdraw_most and len(plan.withdrawn) * 2 > expected > 0:
            return replace(
                report,
                needs_confirmation=True,
                expected_before=expected,
                errors=(RowProblem(None, _withdraw_most_problem(len(plan.withdrawn), expected)),),
                withdrawn=len(plan.withdrawn),
                withdrawn_names=_names(plan.withdrawn),
            )
        for member in (*plan.created, *plan.updated, *plan.withdrawn):
            members.save_member(db, member)
        for member in plan.created:
            members.add_badge(db, new_code(convention.code_tag), member.id, issued_at)
    return replace(
        report,
        ok=True,
        created=len(plan.created),
        updated=len(plan.updated),
        unchanged=plan.unchanged,
        withdrawn=len(plan.withdrawn),
        withdrawn_names=_names(plan.withdrawn),
    )


def _names(listed: list[Member]) -> tuple[str, ...]:
    return tuple(f"{m.display_name} ({m.commune})" for m in listed)


def _withdraw_most_problem(withdrawn: int, expected: int) -> str:
    return (
        f"Ce fichier retirerait {withdrawn} des {expected} membres attendus (absents du "
        "fichier) : est-ce bien la liste complète ? Si oui, confirmez l'import "
        "(en ligne de commande : --retirer-absents)."
    )


def _read_file(path: Path) -> bytes | RowProblem:
    try:
        if path.is_dir():
            return RowProblem(None, f"{path} est un dossier, pas une liste de membres.")
        if path.stat().st_size > MAX_FILE_BYTES:
            mb = MAX_FILE_BYTES // (1024 * 1024)
            return RowProblem(None, f"Le fichier {path} dépasse {mb} Mo : ce n'est pas une liste.")
        return path.read_bytes()
    except FileNotFoundError:
        return RowProblem(None, f"Fichier introuvable : {path}")
    except OSError as exc:
        return RowProblem(None, f"Impossible de lire {path} : {exc.strerror or exc}")


def _plan(existing: list[Member], parsed: RosterParse) -> _Plan | list[RowProblem]:
    """Match each row with a member already known: by identifier first (all rows), then by
    name and commune among the members not matched yet."""
    by_ref = {m.external_ref: m for m in existing if m.external_ref is not None}
    matches: dict[int, Member] = {}
    for row in parsed.rows:
        if row.external_ref is not None and row.external_ref in by_ref:
            matches[row.line] = by_ref[row.external_ref]
    taken = {m.id for m in matches.values()}
    by_key: dict[tuple[str, str, str], list[Member]] = {}
    for member in existing:
        if member.id not in taken:
            key = identity(member.surname, member.first_name, member.commune_insee)
            by_key.setdefault(key, []).append(member)
    problems: list[RowProblem] = []
    for row in parsed.rows:
        if row.line in matches:
            continue
        candidates = [
            m
            for m in by_key.get(row.key, [])
            if m.id not in taken and (row.external_ref is None or m.external_ref is None)
        ]
        if len(candidates) > 1:
            problems.append(
                RowProblem(
                    row.line,
                    f"{len(candidates)} membres déjà enregistrés portent ce nom dans cette "
                    "commune : ajoutez une colonne Identifiant pour les distinguer",
                )
            )
        elif candidates:
            matches[row.line] = candidates[0]
            taken.add(candidates[0].id)
    if problems:
        return problems
    plan = _Plan()
    for row in parsed.rows:
        old = matches.get(row.line)
        new = _member(row, old, parsed.columns)
        if old is None:
            plan.created.append(new)
        elif new != old:
            plan.updated.append(new)
        else:
            plan.unchanged += 1
    plan.withdrawn.extend(
        replace(m, status="retiré") for m in existing if m.id not in taken and not m.withdrawn
    )
    return plan


def _member(row: RosterRow, old: Member | None, columns: frozenset[str]) -> Member:
    """The member as the row describes it; a column the file lacks keeps the known value."""
    fresh = Member(
        id=old.id if old else uuid7(),
        surname=row.surname,
        first_name=row.first_name,
        commune_insee=row.commune.insee,
        commune=row.commune.name,
        status=row.status,
        pass_status=row.pass_status,
        parking_eligible=row.parking_eligible,
        parking_reason=row.parking_reason,
        menu=row.menu,
        needs_assistance=row.needs_assistance,
        assistance_note=row.assistance_note,
        external_ref=row.external_ref or (old.external_ref if old else None),
    )
    if old is None:
        return fresh
    kept: dict[str, Any] = {f: getattr(old, f) for f in _OPTIONAL if f not in columns}
    if "status" not in columns and old.withdrawn:
        kept["status"] = "actif"  # back in the list: expected again
    return replace(fresh, **kept)
