"""The one place where check-in outcomes become French words, a colour role, an icon and a
sound. Never colour alone: every result has words and an icon too."""

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.models.checkin import CheckInResult, Outcome
from desktop.models.clock import paris_hhmm
from desktop.models.convention import Session


class Role(Enum):
    IDLE = "idle"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"
    INFO = "info"


# Background / text pairs with a contrast ratio >= 4.5:1 (RGAA), checked in tests.
COLOURS: dict[Role, tuple[str, str]] = {
    Role.IDLE: ("#eceff1", "#1c262b"),
    Role.SUCCESS: ("#1b5e20", "#ffffff"),
    Role.WARNING: ("#ffb300", "#1a1a1a"),
    Role.ERROR: ("#b71c1c", "#ffffff"),
    Role.INFO: ("#37474f", "#ffffff"),
}
ICONS = {Role.IDLE: "▣", Role.SUCCESS: "✔", Role.WARNING: "⚠", Role.ERROR: "✖", Role.INFO: "ℹ"}


@dataclass(frozen=True)
class Wording:
    role: Role
    title: str
    detail: str
    sound: str | None  # file name stem in resources/sounds

    @property
    def icon(self) -> str:
        return ICONS[self.role]


def tr(text: str) -> str:
    return QCoreApplication.translate("wording", text)


# The parts of day a session is stored with, in the desk's language.
_PARTS = (
    QT_TRANSLATE_NOOP("wording", "matin"),
    QT_TRANSLATE_NOOP("wording", "après-midi"),
    QT_TRANSLATE_NOOP("wording", "journée"),
    QT_TRANSLATE_NOOP("wording", "soirée"),
)


def part_of_day(part: str) -> str:
    """ "journée" on a French desk, "full day" on an English one (a value from elsewhere as is)."""
    return tr(part) if part in _PARTS else part


def session_title(session: Session) -> str:
    """Session.title in the desk's language: the label is the office's own words, the part of
    day is translated ("Week-end 1 — 11/11/2023 (full day)")."""
    return f"{session.label} — {session.day.strftime('%d/%m/%Y')} ({part_of_day(session.part)})"


def idle() -> Wording:
    return Wording(
        Role.IDLE, tr("Prêt : scannez un badge"), tr("ou cherchez un nom (Ctrl+F)"), None
    )


def idle_without_session() -> Wording:
    """Waiting, but no session today: a scan would be refused, so say what to do first."""
    return Wording(
        Role.IDLE,
        tr("Aucune séance aujourd'hui"),
        tr("Choisissez la séance (Alt+S), ou ajoutez celle du jour : F6 puis Ctrl+N."),
        None,
    )


def for_result(result: CheckInResult) -> Wording:
    name = result.member.display_name if result.member else ""
    outcome = result.outcome
    sound = outcome.value
    if outcome is Outcome.CHECKED_IN:
        detail = tr("Arrivée enregistrée — {session}").format(
            session=session_title(result.session) if result.session else ""
        )
        if result.member and result.member.needs_assistance:
            note = result.member.assistance_note or tr("voir le responsable")
            detail += "\n" + tr("Assistance : {note}").format(note=note)
        return Wording(Role.SUCCESS, tr("Bienvenue, {name}").format(name=name), detail, sound)
    if outcome is Outcome.ALREADY_CHECKED_IN and result.first_seen:
        seen = result.first_seen
        detail = tr(
            "Déjà enregistré·e à {time} ({desk}, agent {agent}) — rien de plus n'est enregistré."
        )
        detail = detail.format(time=paris_hhmm(seen.at), desk=seen.desk_label, agent=seen.agent)
        return Wording(Role.WARNING, name, detail, sound)
    title, detail = _REFUSALS[outcome]
    if outcome is Outcome.EMPTY:
        return Wording(Role.INFO, tr(title), tr(detail), sound)
    return Wording(Role.ERROR, tr(title), tr(detail).format(name=name or tr("ce membre")), sound)


# Marked for translation with QT_TRANSLATE_NOOP-style literal strings; shown through tr().
_REFUSALS: dict[Outcome, tuple[str, str]] = {
    Outcome.UNKNOWN_CODE: (
        "Badge inconnu",
        "Ce code n'appartient à aucun membre de la convention. Cherchez la personne par son nom (Ctrl+F).",
    ),
    Outcome.REVOKED_BADGE: (
        "Badge révoqué",
        "Ce badge de {name} a été remplacé : il n'est plus valable. Utilisez le nouveau badge ou cherchez par nom.",
    ),
    Outcome.OTHER_CONVENTION: (
        "Badge d'une autre convention",
        "Ce badge n'appartient pas à cette convention. Rien n'a été enregistré.",
    ),
    Outcome.NO_SESSION: (
        "Aucune séance aujourd'hui",
        "{name} : aucune séance n'est prévue aujourd'hui. Rien n'a été enregistré. Choisissez la séance (Alt+S), ou ajoutez celle du jour : F6 puis Ctrl+N.",
    ),
    Outcome.MEMBER_WITHDRAWN: (
        "Membre retiré·e de la convention",
        "{name} ne fait plus partie de la convention. Rien n'a été enregistré : voyez le responsable.",
    ),
    Outcome.SCANNER_MISCONFIGURED: (
        "Scanner mal configuré (clavier)",
        "Le scanner tape avec une autre disposition de clavier (QWERTY/AZERTY). Réglez-le avec sa fiche de configuration, ou cherchez par nom.",
    ),
    Outcome.UNREADABLE: (
        "Code illisible",
        "Le code lu est incomplet ou abîmé. Scannez à nouveau, ou cherchez par nom (Ctrl+F).",
    ),
    Outcome.TOO_LONG: (
        "Saisie trop longue",
        "Ce n'est pas un badge (texte collé ?). Rien n'a été enregistré.",
    ),
    Outcome.EMPTY: ("Rien n'a été lu", "Le scan était vide : scannez à nouveau."),
}


def for_failure(message: str) -> Wording:
    """A real fault (disk full, locked file): the scan was NOT recorded, say so plainly."""
    return Wording(Role.ERROR, tr("NON ENREGISTRÉ — erreur"), message, "unknown_code")
