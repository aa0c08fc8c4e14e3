"""The information notice for members (RGPD articles 13 and 14), kept in the file.

Stored as JSON in `convention_settings` (key `member_notice`), so the office's text travels to
every desk with the convention; until the office writes its own, a French default applies.
Each change is a fact (`notice.set`) naming the agent; the screen shows and prints `text()`.
"""

import json
from dataclasses import asdict, dataclass, fields, replace

import sqlite_utils

from desktop.models import journal
from desktop.models.clock import Clock
from desktop.models.convention_settings import get_setting, set_setting
from desktop.models.journal import Desk
from desktop.models.storage import write_transaction

SETTING = "member_notice"
MAX_FIELD = 2000


@dataclass(frozen=True)
class Notice:
    title: str
    controller: str  # responsable du traitement
    purpose: str  # finalités
    legal_basis: str  # base légale : mission d'intérêt public
    data: str  # données traitées
    recipients: str  # destinataires
    retention: str  # durée de conservation
    rights: str  # droits des personnes
    dpo: str  # contact du délégué à la protection des données
    complaint: str  # réclamation auprès de la CNIL

    def sections(self) -> list[tuple[str, str]]:
        """(heading, text) in reading order, for the screen and the printed page."""
        return [
            (HEADINGS[f.name], getattr(self, f.name)) for f in fields(self) if f.name != "title"
        ]

    def text(self) -> str:
        parts = [self.title, ""]
        for heading, body in self.sections():
            parts += [heading, body, ""]
        return "\n".join(parts).rstrip() + "\n"


HEADINGS = {
    "controller": "Responsable du traitement",
    "purpose": "Finalités",
    "legal_basis": "Base légale",
    "data": "Données traitées",
    "recipients": "Destinataires",
    "retention": "Durée de conservation",
    "rights": "Vos droits",
    "dpo": "Délégué à la protection des données",
    "complaint": "Réclamation",
}

DEFAULT_NOTICE = Notice(
    title="Convention citoyenne : information sur vos données personnelles",
    controller=(
        "Montpellier Méditerranée Métropole, 50 place Zeus, CS 39556, 34961 Montpellier "
        "Cedex 2, représentée par son Président."
    ),
    purpose=(
        "Organiser l'accueil des membres de la convention citoyenne (délibération M2023-352 "
        "du 3 octobre 2023) : émargement des séances, repas des samedis, titres de transport, "
        "remboursement des frais de stationnement, et justification de ces dépenses auprès "
        "du comptable public."
    ),
    legal_basis=(
        "Exécution d'une mission d'intérêt public dont est investie la Métropole (article "
        "6.1.e du règlement général sur la protection des données)."
    ),
    data=(
        "Nom, prénom, commune de résidence, statut d'abonnement aux transports, éligibilité "
        "au remboursement du stationnement, régime de repas (sans motif), besoin "
        "d'assistance (oui ou non, avec une note pratique), présences et remises enregistrées "
        "au guichet. Aucune date de naissance, adresse, téléphone, coordonnée bancaire, photo "
        "ni pièce d'identité n'est enregistrée au guichet."
    ),
    recipients=(
        "Les agents de la Métropole chargés de l'accueil et de l'organisation de la "
        "convention ; le service des finances et le comptable public pour la justification "
        "des dépenses ; le traiteur reçoit seulement le nombre et le régime des repas."
    ),
    retention=(
        "Sur les postes d'accueil : jusqu'à l'import complet au bureau, puis suppression "
        "(« Purger le poste »). Au bureau : le temps de la convention, puis la durée "
        "nécessaire à la justification comptable des dépenses avant archivage ou "
        "suppression."
    ),
    rights=(
        "Vous pouvez accéder à vos données, les faire rectifier, demander la limitation de "
        "leur traitement et vous opposer à celui-ci pour des raisons tenant à votre "
        "situation particulière, auprès du service organisateur de la convention ou du "
        "délégué à la protection des données."
    ),
    dpo=(
        "Le délégué à la protection des données de Montpellier Méditerranée Métropole, par "
        "courrier à l'adresse du responsable du traitement (mention « Délégué à la protection "
        "des données »). Le bureau complète ici son adresse électronique."
    ),
    complaint=(
        "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
        "réclamation à la CNIL (www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris "
        "Cedex 07)."
    ),
)


class NoticeError(ValueError):
    """A notice that cannot be saved (French message)."""


def get_notice(db: sqlite_utils.Database) -> Notice:
    """The notice of this file: the office's text, or the default until it writes one."""
    stored = get_setting(db, SETTING)
    if stored is None:
        return DEFAULT_NOTICE
    try:
        values = json.loads(stored)
        return replace(DEFAULT_NOTICE, **{f.name: str(values[f.name]) for f in fields(Notice)})
    except (ValueError, KeyError, TypeError):
        return DEFAULT_NOTICE


def notice_problems(notice: Notice) -> list[str]:
    problems = []
    for f in fields(notice):
        value = getattr(notice, f.name)
        heading = HEADINGS.get(f.name, "Titre")
        if not value.strip():
            problems.append(f"« {heading} » ne peut pas être vide.")
        elif len(value) > MAX_FIELD:
            problems.append(f"« {heading} » dépasse {MAX_FIELD} caractères.")
    return problems


def set_notice(db: sqlite_utils.Database, notice: Notice, desk: Desk, clock: Clock) -> None:
    """Save the office's text (every section required); the change is a fact."""
    problems = notice_problems(notice)
    if problems:
        raise NoticeError(" ".join(problems))
    changed = [
        f.name for f in fields(notice) if getattr(notice, f.name) != getattr(get_notice(db), f.name)
    ]
    with write_transaction(db):
        set_setting(db, SETTING, json.dumps(asdict(notice), ensure_ascii=False, sort_keys=True))
        journal.append(db, desk, clock, "notice.set", payload={"changed": changed})


def reset_notice(db: sqlite_utils.Database, desk: Desk, clock: Clock) -> None:
    """Back to the default text."""
    set_notice(db, DEFAULT_NOTICE, desk, clock)
