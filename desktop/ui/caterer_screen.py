"""The caterer mode: a big scan field for meal passes at the lunch counter. Each scan calls
`catering.redeem_meal_pass` and the banner says it in words, colour, icon and sound: "Servi",
"Déjà servi à 12:41", or the refusal. The served count is shown against the passes issued
(`meals.meal_counts`), members and guests apart, and refreshed while the desk issues passes.

Keys: every scan ends with Entrée or Tab and the field keeps the keyboard; F5 refreshes the
counts; Échap leaves the caterer mode."""

import sqlite3

import sqlite_utils
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.models.catering import RedeemOutcome, RedeemResult, redeem_meal_pass
from desktop.models.clock import Clock, french_date, paris_hhmm
from desktop.models.convention import Session, current_session
from desktop.models.facts import PriorFact
from desktop.models.journal import Desk
from desktop.models.meals import MealCounts, MealPass, meal_counts
from desktop.ui.banner import ResultBanner
from desktop.ui.guest_meal_dialog import role_label
from desktop.ui.scan_field import ScanField
from desktop.ui.sounds import Sounds
from desktop.ui.wording import Role, Wording, for_failure, session_title

RECENT = 8  # served passes listed under the banner


def tr(text: str) -> str:
    return QCoreApplication.translate("caterer_screen", text)


def ready() -> Wording:
    return Wording(Role.IDLE, tr("Prêt : scannez un pass repas"), tr("le QR code du pass"), None)


def _who(meal_pass: MealPass | None) -> str:
    if meal_pass is None:
        return tr("Pass émis à un autre guichet (signature vérifiée)")
    if meal_pass.is_guest:
        return tr("{name} — invité·e ({role})").format(
            name=meal_pass.holder, role=role_label(meal_pass.role).lower()
        )
    return tr("{name} — menu {menu}").format(
        name=meal_pass.holder, menu=meal_pass.menu or tr("standard")
    )


def _where(fact: PriorFact) -> str:
    return tr("{desk}, agent {agent}").format(desk=fact.desk_label, agent=fact.agent)


# Literal strings marked for translation; shown through tr(). (title, detail, sound)
_REFUSALS: dict[RedeemOutcome, tuple[str, str, str]] = {
    RedeemOutcome.FORGED: (
        "Pass non valable",
        "La signature de ce pass ne correspond pas (pass falsifié ou abîmé). Ne pas servir : "
        "envoyez la personne au guichet.",
        "revoked_badge",
    ),
    RedeemOutcome.VOIDED: (
        "Pass annulé",
        "Ce pass a été annulé au guichet. Ne pas servir : envoyez la personne au guichet.",
        "revoked_badge",
    ),
    RedeemOutcome.OTHER_CONVENTION: (
        "Pass d'une autre convention",
        "Ce pass n'appartient pas à cette convention. Rien n'a été enregistré.",
        "other_convention",
    ),
    RedeemOutcome.NOT_A_MEAL_PASS: (
        "Badge, pas un pass repas",
        "C'est le badge d'un membre : demandez son pass repas (remis au guichet).",
        "unknown_code",
    ),
    RedeemOutcome.UNREADABLE: (
        "Code illisible",
        "Le code lu est incomplet ou abîmé : scannez à nouveau le pass.",
        "unreadable",
    ),
    RedeemOutcome.SCANNER_MISCONFIGURED: (
        "Scanner mal configuré (clavier)",
        "Le scanner tape avec une autre disposition de clavier (QWERTY/AZERTY) : "
        "réglez-le avec sa fiche de configuration.",
        "scanner_misconfigured",
    ),
    RedeemOutcome.NO_SESSION: (
        "Aucun repas aujourd'hui",
        "Aucune séance n'est prévue aujourd'hui : rien n'a été enregistré.",
        "no_session",
    ),
}


def for_redeem(result: RedeemResult) -> Wording:
    """French words, colour role, icon and sound for a caterer's scan."""
    outcome = result.outcome
    if outcome is RedeemOutcome.SERVED:
        return Wording(Role.SUCCESS, tr("Servi"), _who(result.meal_pass), "checked_in")
    if outcome is RedeemOutcome.ALREADY_SERVED and result.first_served is not None:
        first = result.first_served
        detail = tr("{who}\nDéjà servi ({where}) : ne pas servir une seconde fois.").format(
            who=_who(result.meal_pass), where=_where(first)
        )
        title = tr("Déjà servi à {time}").format(time=first.local_time)
        return Wording(Role.WARNING, title, detail, "already_checked_in")
    if outcome is RedeemOutcome.OTHER_SESSION:
        session = result.pass_session
        detail = tr("Ce pass est pour : {session}. Ne pas servir : envoyez la personne au guichet.")
        return Wording(
            Role.ERROR,
            tr("Pass d'un autre repas"),
            detail.format(session=session_title(session) if session else "?"),
            "no_session",
        )
    if outcome is RedeemOutcome.EMPTY:
        return Wording(
            Role.INFO, tr("Rien n'a été lu"), tr("Le scan était vide : scannez à nouveau."), "empty"
        )
    title, detail, sound = _REFUSALS.get(
        outcome, ("Refusé", "Ce pass ne peut pas être servi : voyez le guichet.", "unknown_code")
    )
    return Wording(Role.ERROR, tr(title), tr(detail), sound)


def counts_text(counts: MealCounts) -> str:
    """ "Servis : 3 / 38 pass remis (membres 2 / 30, invités 1 / 8)"."""
    served = counts.served_members + counts.served_guests
    text = tr("Servis : {served} / {passes} pass remis (membres {sm} / {pm}, invités {sg} / {pg})")
    text = text.format(
        served=served,
        passes=counts.passes,
        sm=counts.served_members,
        pm=counts.member_passes,
        sg=counts.served_guests,
        pg=counts.guest_passes,
    )
    if counts.served_unknown:
        text += " " + tr("+ {n} pass d'un autre guichet").format(n=counts.served_unknown)
    return text


class CatererBanner(ResultBanner):
    """The result banner, back to "scan a meal pass" (not a badge) once a result is read."""

    def reset(self) -> None:
        self.show_wording(ready(), hold=False)


class CatererScreen(QDialog):
    """The caterer mode for `session` (default: the session now at the desk). `last_result`
    holds the last RedeemResult. Signal `redeemed(RedeemResult)` after every scan read."""

    redeemed = Signal(object)

    def __init__(
        self,
        db: sqlite_utils.Database,
        desk: Desk,
        clock: Clock,
        session: Session | None = None,
        parent: QWidget | None = None,
        *,
        sounds: Sounds | None = None,
        refresh_ms: int = 5000,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.desk = desk
        self.clock = clock
        self.session = session if session is not None else current_session(db, clock())
        self.sounds = sounds
        self.last_result: RedeemResult | None = None
        self.setObjectName("catererScreen")
        self.setWindowTitle(self.tr("Mode traiteur — pass repas"))
        self.setAccessibleName(self.tr("Mode traiteur"))
        self.setMinimumSize(820, 560)
        self._build()
        QShortcut(QKeySequence("F5"), self, self.refresh_counts)
        # Counts follow the other desks' passes while the screen is shown, never behind it
        # (a hidden screen querying on would also outlive the file it reads at closing time).
        self._timer = QTimer(self, interval=max(refresh_ms, 0))
        self._timer.timeout.connect(self.refresh_counts)
        self.refresh_counts()
        self.scan_field.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._timer.interval() > 0:
            self.refresh_counts()
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(self._heading_text(), wordWrap=True)
        self.heading.setObjectName("catererHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.heading)
        self.scan_field = ScanField()
        self.scan_field.setObjectName("catererScanField")
        self.scan_field.setAccessibleName(self.tr("Champ de scan des pass repas"))
        self.scan_field.setAccessibleDescription(
            self.tr("Scannez le QR code du pass repas : le scanner tape le code puis Entrée.")
        )
        self.scan_field.setPlaceholderText(self.tr("Scannez un pass repas…"))
        # A stylesheet size, not setFont: the 150 / 200 % text setting scales stylesheets.
        self.scan_field.setStyleSheet("font-size: 22pt;")
        self.scan_field.setMinimumHeight(64)
        self.scan_field.scanned.connect(self.redeem)
        layout.addWidget(self.scan_field)
        self.banner = CatererBanner(self)
        self.banner.setAccessibleName(self.tr("Résultat du pass repas"))
        self.banner.reset()
        layout.addWidget(self.banner)
        self.counts = QLabel()
        self.counts.setObjectName("catererCounts")
        self.counts.setAccessibleName(self.tr("Repas servis et pass remis"))
        self.counts.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(self.counts)
        recent_title = QLabel(self.tr("Derniers servis ici :"))
        self.recent = QListWidget()
        self.recent.setObjectName("catererRecent")
        self.recent.setAccessibleName(self.tr("Derniers repas servis"))
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keys
        self.recent.setMaximumHeight(200)
        layout.addWidget(recent_title)
        layout.addWidget(self.recent)
        keys = QHBoxLayout()
        hint = QLabel(self.tr("F5 : recompter — Échap : quitter le mode traiteur"))
        hint.setObjectName("catererKeys")
        keys.addWidget(hint)
        layout.addLayout(keys)

    def _heading_text(self) -> str:
        session = self.session
        if session is None:
            return self.tr("Mode traiteur — aucune séance aujourd'hui")
        if not session.lunch:
            return self.tr("Mode traiteur — {title} : pas de repas prévu à cette séance").format(
                title=session_title(session)
            )
        return self.tr("Mode traiteur — repas du {day} ({label})").format(
            day=french_date(session.day), label=session.label
        )

    # --- scanning -----------------------------------------------------------------------

    def redeem(self, raw: str) -> RedeemResult | None:
        try:
            result = redeem_meal_pass(self.db, raw, self.session, self.desk, self.clock)
        except sqlite3.Error as exc:
            shown = for_failure(
                self.tr("Rien n'a été enregistré : {error}. Scannez à nouveau.").format(error=exc)
            )
            self._show(shown)
            return None
        self.last_result = result
        self._show(for_redeem(result))
        self.redeemed.emit(result)
        if result.served:
            self.recent.insertItem(0, self._recent_text(result))
            while self.recent.count() > RECENT:
                self.recent.takeItem(self.recent.count() - 1)
        self.refresh_counts()
        self.scan_field.setFocus()
        return result

    def _show(self, wording: Wording) -> None:
        self.banner.show_wording(wording)
        if self.sounds is not None:
            self.sounds.play(wording.sound)

    def _recent_text(self, result: RedeemResult) -> str:
        return f"{paris_hhmm(self.clock())} — {_who(result.meal_pass)}"

    def refresh_counts(self) -> None:
        if self.session is None:
            self.counts.setText(self.tr("Aucune séance aujourd'hui."))
            return
        self.counts.setText(counts_text(meal_counts(self.db, self.session.id)))
