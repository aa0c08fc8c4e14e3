"""French words for the hand-out panel: each checklist line and each hand-out outcome becomes
a colour role, an icon and words. Never colour alone: every text starts with its icon.

Kept apart from wording.py (check-in outcomes) so the panel can land without touching it; the
two can be merged when the panel is wired into the main window.
"""

from PySide6.QtCore import QCoreApplication

from desktop.models.convention import Session
from desktop.models.facts import ConfirmReason, HandoutOutcome, HandoutResult, PriorFact
from desktop.models.handouts import ChecklistLine, LineKind, LineState
from desktop.models.money import format_cents
from desktop.ui.wording import ICONS, Role


def tr(text: str) -> str:
    return QCoreApplication.translate("handout_wording", text)


_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# Literal strings marked for translation, shown through tr().
_REASONS: dict[ConfirmReason, str] = {
    ConfirmReason.PRODUCT_NOT_VALID: "produit hors de sa période de validité ce jour-là",
    ConfirmReason.PASS_WEEKEND: "pass week-end",
    ConfirmReason.PASS_7J7: "pass 7j-7",
    ConfirmReason.FREE_TRAVEL: "gratuité des transports pour les résidents",
    ConfirmReason.NOT_IN_POLICY: "non prévu pour cette séance",
    ConfirmReason.DAY_CLOSED: "la journée de stock est clôturée",
    ConfirmReason.SECOND_RECEIPT_SAME_DAY: "un autre justificatif existe déjà pour ce jour",
    ConfirmReason.DATE_NOT_SESSION_DAY: "le justificatif n'est pas daté du jour de la séance",
}

_REFUSALS: dict[HandoutOutcome, str] = {
    HandoutOutcome.NOT_PRESENT: "non remis : arrivée non enregistrée à cette séance",
    HandoutOutcome.NO_LUNCH: "non remis : pas de repas prévu à cette séance",
    HandoutOutcome.NOT_ELIGIBLE: "non éligible au remboursement du stationnement",
    HandoutOutcome.DUPLICATE_RECEIPT: "refusé : ce justificatif a déjà été saisi",
    HandoutOutcome.INVALID: "non enregistré : le formulaire contient des erreurs",
    HandoutOutcome.SERIAL_ALREADY_USED: "refusé : numéro de série déjà remis",
    HandoutOutcome.UNKNOWN_MEMBER: "refusé : membre inconnu",
    HandoutOutcome.MEMBER_WITHDRAWN: "refusé : membre retiré·e de la convention",
    HandoutOutcome.UNKNOWN_PRODUCT: "refusé : produit inconnu",
    HandoutOutcome.UNKNOWN_LINE: "refusé : cette ligne n'existe pas",
    HandoutOutcome.NO_SESSION: "refusé : aucune séance en cours",
}


def reason_text(reason: ConfirmReason) -> str:
    return tr(_REASONS[reason])


def reasons_text(reasons: tuple[ConfirmReason, ...]) -> str:
    return ", ".join(reason_text(r) for r in reasons)


def prior_text(prior: PriorFact) -> str:
    """ "à 09:12 (Guichet démo, agent Martin)"."""
    return tr("à {time} ({desk}, agent {agent})").format(
        time=prior.local_time, desk=prior.desk_label, agent=prior.agent
    )


def given_text(given: tuple[PriorFact, ...]) -> str:
    if not given:
        return tr("déjà remis")
    return tr("déjà remis {prior}").format(prior=prior_text(given[0]))


def line_title(line: ChecklistLine, session: Session) -> str:
    if line.kind is LineKind.MEAL:
        return tr("Repas du {day}").format(day=tr(_WEEKDAYS[session.day.weekday()]))
    if line.kind is LineKind.TICKET:
        return tr("Tickets")
    return tr("Stationnement")


def line_text(line: ChecklistLine, session: Session) -> str:
    """ "Repas du samedi : à remettre", "Tickets : 2 × Ticket 1 voyage — à remettre"..."""
    title = line_title(line, session)
    return tr("{title} : {state}").format(title=title, state=_state_text(line))


def _state_text(line: ChecklistLine) -> str:
    state = line.state
    if line.kind is LineKind.TICKET:
        name = line.product.name if line.product else "?"
        if state is LineState.TO_HAND_OUT:
            text = tr("{n} × {name} — à remettre").format(n=line.quantity, name=name)
            if line.reasons:
                text += " " + tr("(motif requis : {reasons})").format(
                    reasons=reasons_text(line.reasons)
                )
            return text
        if state is LineState.ALREADY_GIVEN:
            return tr("{n} × {name} — {given}").format(
                n=line.given_quantity, name=name, given=given_text(line.given)
            )
        because = line.not_needed_because
        detail = f" ({reason_text(because)})" if because else ""
        return tr("{name} — non nécessaire").format(name=name) + detail
    if line.kind is LineKind.PARKING:
        if state is LineState.ELIGIBLE:
            text = tr("éligible — saisir un justificatif (P)")
            if line.receipts:
                total = sum(r.amount_cents for r in line.receipts)
                text += " " + tr("[{n} déjà saisi(s), {total}]").format(
                    n=len(line.receipts), total=format_cents(total)
                )
            return text
        return tr("non éligible")
    if state is LineState.TO_HAND_OUT:
        return tr("à remettre")
    if state is LineState.ALREADY_GIVEN:
        return given_text(line.given)
    return tr("non prévu")


def line_role(line: ChecklistLine) -> Role:
    if line.state in (LineState.TO_HAND_OUT, LineState.ELIGIBLE):
        return Role.INFO
    if line.state is LineState.ALREADY_GIVEN:
        return Role.SUCCESS
    return Role.IDLE


def line_icon(line: ChecklistLine) -> str:
    if line.state in (LineState.TO_HAND_OUT, LineState.ELIGIBLE):
        return "☐"
    if line.state is LineState.ALREADY_GIVEN:
        return "✔"
    return "–"


def for_handout(result: HandoutResult) -> tuple[Role, str]:
    """The inline answer next to a line: green "✔ remis", amber with the prior, red with the
    reason."""
    outcome = result.outcome
    if outcome is HandoutOutcome.RECORDED:
        text = tr("remis")
        if result.ticket is not None:
            text = tr("{n} × {name} remis").format(
                n=result.ticket.quantity, name=result.ticket.product_name
            )
        elif result.receipt is not None:
            text = tr("justificatif enregistré ({amount})").format(
                amount=format_cents(result.receipt.amount_cents)
            )
        return Role.SUCCESS, f"{ICONS[Role.SUCCESS]} {text}"
    if outcome is HandoutOutcome.ALREADY_GIVEN:
        text = given_text(result.prior)
        return Role.WARNING, f"{ICONS[Role.WARNING]} {text}"
    if outcome is HandoutOutcome.NEEDS_CONFIRMATION:
        text = tr("confirmation requise : {reasons}").format(reasons=reasons_text(result.reasons))
        return Role.WARNING, f"{ICONS[Role.WARNING]} {text}"
    if outcome is HandoutOutcome.FORM_REQUIRED:
        text = tr("saisir le justificatif (P)")
        return Role.INFO, f"{ICONS[Role.INFO]} {text}"
    text = tr(_REFUSALS[outcome])
    if result.errors:
        text += " — " + " ; ".join(e.message for e in result.errors)
    return Role.ERROR, f"{ICONS[Role.ERROR]} {text}"


def override_prompt(result: HandoutResult) -> str:
    """The question asked before an override: what happened, then "type a reason"."""
    if result.outcome is HandoutOutcome.ALREADY_GIVEN:
        head = tr("Déjà remis {prior}.").format(
            prior=prior_text(result.prior[0]) if result.prior else ""
        )
    else:
        head = tr("Confirmation requise : {reasons}.").format(reasons=reasons_text(result.reasons))
    return head + "\n" + tr("Pour remettre quand même, saisissez le motif (Échap : annuler) :")
