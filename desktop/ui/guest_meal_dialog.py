"""A guest's meal pass at the desk: experts, staff, elected officials eat at the Saturday lunches
and are counted apart from members; the finance office needs their names and roles.

Keyboard first: the name is focused at open, Tab reaches the role (↑ / ↓ or its first letter),
Entrée gives the pass (`meals.give_guest_meal_pass`), Échap closes. The answer shows large:
- remis: green, the form clears for the next guest (the role stays: a group of experts arrives
  together), the list of this lunch's guest passes grows, `issued(event_id)` lets the window
  draw the voucher;
- déjà remis: amber, when / desk / agent of the first pass; Ctrl+Entrée gives another one with
  a typed reason and, once the file has accounts, a responsable's approval (as for members);
- no lunch at this session, or no session today: red, nothing recorded, the form stays;
- no name: the error under the field, nothing typed is lost.
"""

import sqlite3

import sqlite_utils
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import Clock
from desktop.models.convention import Session
from desktop.models.facts import HandoutOutcome, HandoutResult
from desktop.models.journal import Desk
from desktop.models.meals import GuestRole, MealPass, give_guest_meal_pass, guest_meal_passes
from desktop.ui import handout_wording
from desktop.ui.banner import ResultBanner
from desktop.ui.controls import push_button
from desktop.ui.field_keys import window_keys_first
from desktop.ui.override_reason import ask_override_reason
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS, Role, Wording, session_title

# The roles as the agent reads them, in the order of the list (marked for translation).
ROLE_LABELS: dict[GuestRole, str] = {
    GuestRole.EXPERT: QT_TRANSLATE_NOOP("guest_meal_dialog", "Expert·e"),
    GuestRole.STAFF: QT_TRANSLATE_NOOP("guest_meal_dialog", "Personnel"),
    GuestRole.ELECTED: QT_TRANSLATE_NOOP("guest_meal_dialog", "Élu·e"),
    GuestRole.OTHER: QT_TRANSLATE_NOOP("guest_meal_dialog", "Autre"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("guest_meal_dialog", "Heure"),
    QT_TRANSLATE_NOOP("guest_meal_dialog", "Nom"),
    QT_TRANSLATE_NOOP("guest_meal_dialog", "Rôle"),
    QT_TRANSLATE_NOOP("guest_meal_dialog", "Guichet, agent"),
    QT_TRANSLATE_NOOP("guest_meal_dialog", "Motif d'un autre bon"),
)
OVERRIDE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
FIELD_FONT = "font-size: 14pt;"  # a stylesheet size: the 150 / 200 % text setting scales it


def tr(text: str) -> str:
    return QCoreApplication.translate("guest_meal_dialog", text)


def role_label(value: str) -> str:
    """ "Expert·e" for "expert"; a value from elsewhere is shown as recorded."""
    role = next((r for r in GuestRole if r.value == value), None)
    return tr(ROLE_LABELS[role]) if role is not None else value


def ready(session: Session | None) -> Wording:
    if session is None:
        return Wording(
            Role.INFO,
            tr("Aucune séance aujourd'hui"),
            tr("Aucun bon repas ne peut être remis."),
            None,
        )
    if not session.lunch:
        return Wording(
            Role.INFO,
            tr("Pas de repas prévu à cette séance"),
            tr("Aucun bon repas ne peut être remis à cette séance."),
            None,
        )
    return Wording(
        Role.IDLE,
        tr("Prêt : nom de l'invité, puis Entrée"),
        tr("Un bon repas par personne et par repas, compté à part des membres."),
        None,
    )


class GuestBanner(ResultBanner):
    """The house result banner; back to "Prêt" only when the form says so (no timer)."""

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setMinimumHeight(130)
        self.reset()

    def reset(self) -> None:
        self.show_wording(ready(getattr(self, "session", None)), hold=False)

    @property
    def text(self) -> str:
        """ "✔ Bon repas remis à Anne Lemaire (Expert·e)": icon and title, as shown."""
        return f"{self.icon.text()} {self.title.text()}"


class GuestMealDialog(QDialog):
    """Give meal passes to guests at `session` (the session chosen at the desk; None: no session
    today). `last_result` holds the last HandoutResult. Signal `issued(event_id)` after each
    pass recorded: the window draws its voucher."""

    issued = Signal(str)

    def __init__(
        self,
        db: sqlite_utils.Database,
        desk: Desk,
        clock: Clock,
        session: Session | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.desk = desk
        self.clock = clock
        self.session = session
        self.last_result: HandoutResult | None = None
        # A refusal "déjà remis" that Ctrl+Entrée may lift: the name and role it was given for.
        self.pending: tuple[str, GuestRole, HandoutResult] | None = None
        self.setObjectName("guestMealDialog")
        self.setWindowTitle(self.tr("Bon repas d'un invité"))
        self.setAccessibleName(self.tr("Bon repas d'un invité"))
        self.resize(860, 700)
        self._build()
        for keys in OVERRIDE_KEYS:
            QShortcut(QKeySequence(keys), self, self.give_anyway)
        window_keys_first(self)  # the dialog's keys work from the name field (X11 bindings)
        self.refresh_list()
        self.name_field.setFocus()

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        # Everything but the bottom buttons scrolls: at 150-200 % text the form, the answer and
        # the list are taller than a laptop screen, and nothing may be crushed or cut.
        page = QScrollArea(self)
        page.setObjectName("guestMealPage")
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidgetResizable(True)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(page)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        page.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(page, 1)

        self.session_label = QLabel(self._session_text(), wordWrap=True)
        self.session_label.setObjectName("guestSessionLabel")
        self.session_label.setAccessibleName(self.tr("Séance"))
        self.session_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(self.session_label)

        form = QFormLayout()
        self.name_field = QLineEdit()
        self.name_field.setObjectName("guestNameField")
        self.name_field.setAccessibleName(self.tr("Nom de l'invité"))
        self.name_field.setPlaceholderText(self.tr("prénom et nom, ex. Anne Lemaire"))
        self.name_field.setStyleSheet(FIELD_FONT)
        self.name_field.textEdited.connect(self._edited)
        self.name_error = QLabel(wordWrap=True)
        self.name_error.setObjectName("guestNameError")
        self.name_error.setStyleSheet(error_style())
        self.name_error.setAccessibleName(self.tr("Erreur : nom de l'invité"))
        self.name_error.hide()
        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name_field)
        name_box.addWidget(self.name_error)
        name_label = QLabel(self.tr("&Nom de l'invité :"))
        name_label.setStyleSheet(FIELD_FONT)
        name_label.setBuddy(self.name_field)
        form.addRow(name_label, name_box)

        self.role_combo = QComboBox()
        self.role_combo.setObjectName("guestRoleCombo")
        self.role_combo.setAccessibleName(self.tr("Rôle de l'invité"))
        self.role_combo.setAccessibleDescription(
            self.tr("Flèches haut et bas, ou la première lettre du rôle")
        )
        for role, label in ROLE_LABELS.items():
            self.role_combo.addItem(tr(label), role)
        self.role_combo.currentIndexChanged.connect(lambda _index: self._edited())
        self.role_combo.setStyleSheet(FIELD_FONT)
        role_label_widget = QLabel(self.tr("&Rôle :"))
        role_label_widget.setStyleSheet(FIELD_FONT)
        role_label_widget.setBuddy(self.role_combo)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_combo)
        role_row.addStretch(1)
        form.addRow(role_label_widget, role_row)
        layout.addLayout(form)

        self.banner = GuestBanner(self.session, content)
        self.banner.setAccessibleName(self.tr("Réponse"))
        layout.addWidget(self.banner)
        # Under the amber answer it lifts, shown only then.
        self.anyway_button = push_button(
            self.tr("Remettre un autre bon… (Ctrl+Entrée)"),
            "guestPassAnywayButton",
            self.tr("Remettre un autre bon repas à cet invité, avec un motif"),
            self.give_anyway,
        )
        self.anyway_button.hide()
        anyway_row = QHBoxLayout()
        anyway_row.addWidget(self.anyway_button)
        anyway_row.addStretch(1)
        layout.addLayout(anyway_row)

        self.list_title = QLabel(wordWrap=True)
        self.list_title.setObjectName("guestPassesTitle")
        self.list_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.list_title)
        self.passes = QTreeWidget()
        self.passes.setObjectName("guestPassesList")
        self.passes.setAccessibleName(self.tr("Bons repas d'invités remis pour ce repas"))
        self.passes.setHeaderLabels([tr(column) for column in COLUMNS])
        self.passes.setRootIsDecorated(False)
        self.passes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.passes.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.passes.setMinimumHeight(self.passes.fontMetrics().height() * 8)
        header = self.passes.header()
        header.setStretchLastSection(True)
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.passes, 1)
        # No lunch here: no list of this lunch's passes, the answer says why.
        has_lunch = self.session is not None and self.session.lunch
        self.list_title.setVisible(has_lunch)
        self.passes.setVisible(has_lunch)

        buttons = QHBoxLayout()
        self.give_button = push_button(
            self.tr("Remettre le bon (Entrée)"),
            "giveGuestPassButton",
            self.tr("Remettre le bon repas"),
            self.submit,
            default=True,
        )
        close = push_button(
            self.tr("Fermer (Échap)"), "closeGuestMealButton", self.tr("Fermer"), self.reject
        )
        buttons.addWidget(self.give_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        outer.addLayout(buttons)

    def _session_text(self) -> str:
        session = self.session
        if session is None:
            return self.tr("Séance : aucune séance aujourd'hui")
        if not session.lunch:
            return self.tr("Séance : {title} — pas de repas prévu").format(
                title=session_title(session)
            )
        return self.tr("Séance : {title} — repas").format(title=session_title(session))

    # --- reading the form ---------------------------------------------------------------

    def role(self) -> GuestRole:
        role = self.role_combo.currentData()
        return role if isinstance(role, GuestRole) else GuestRole.OTHER

    def answer_text(self) -> str:
        return self.banner.text

    def _edited(self) -> None:
        """The agent changed the name or the role: an earlier "déjà remis" no longer applies
        to what the form holds, so Ctrl+Entrée cannot give a pass for it any more."""
        self.name_error.hide()
        if self.pending is not None:
            self._drop_pending()
            self.banner.reset()

    def _drop_pending(self) -> None:
        self.pending = None
        self.anyway_button.hide()

    # --- actions ------------------------------------------------------------------------

    def submit(self) -> HandoutResult | None:
        """Entrée: a pass for the name and role in the form."""
        self._drop_pending()
        self.name_error.hide()
        name, role = self.name_field.text(), self.role()
        if self.session is None:
            self._show(
                Role.ERROR,
                self.tr("Aucune séance aujourd'hui"),
                self.tr("Aucun bon repas ne peut être remis : rien n'a été enregistré."),
            )
            self.name_field.setFocus()
            return None
        return self._give(name, role, None)

    def give_anyway(self) -> HandoutResult | None:
        """Ctrl+Entrée after "déjà remis": another pass for the same guest, with a reason (and
        a responsable's approval once the file has accounts)."""
        pending = self.pending
        if pending is None or self.session is None:
            return None
        name, role, refused = pending
        prompt = (
            self.tr("Un autre bon repas pour {name} ({role}).").format(
                name=" ".join(name.split()), role=role_label(role.value)
            )
            + "\n"
            + handout_wording.override_prompt(refused)
        )
        reason = ask_override_reason(
            self,
            self.db,
            self.clock,
            self.desk.agent,
            prompt,  # plain text: ask_override_reason keeps a '&' of the name as typed
            self.tr("Remettre un autre bon repas ?"),
        )
        if reason is None:  # nothing typed, cancelled or not approved: nothing recorded
            self.name_field.setFocus()
            return None
        return self._give(name, role, reason)

    def _give(self, name: str, role: GuestRole, reason: str | None) -> HandoutResult | None:
        assert self.session is not None
        try:
            result = give_guest_meal_pass(
                self.db, self.session, name, role, self.desk, self.clock, override_reason=reason
            )
        except sqlite3.Error as exc:
            self._show(
                Role.ERROR,
                self.tr("NON ENREGISTRÉ — erreur"),
                self.tr("Rien n'a été enregistré : {error}. Réessayez.").format(error=exc),
            )
            self.name_field.setFocus()
            return None
        self.last_result = result
        self.show_result(result, name, role)
        return result

    # --- showing ------------------------------------------------------------------------

    def show_result(self, result: HandoutResult, name: str, role: GuestRole) -> None:
        self._drop_pending()  # only a new "déjà remis" offers Ctrl+Entrée again
        outcome = result.outcome
        if outcome is HandoutOutcome.RECORDED and result.meal_pass is not None:
            self._recorded(result.meal_pass)
            return
        if outcome is HandoutOutcome.ALREADY_GIVEN:
            self._already_given(result, name, role)
            return
        if outcome is HandoutOutcome.INVALID:
            self.banner.reset()
            messages = [e.message for e in result.errors] or [self.tr("Saisissez le nom.")]
            self.name_error.setText(
                "\n".join(f"{ICONS[Role.ERROR]} {message}" for message in messages)
            )
            self.name_error.show()
        elif outcome is HandoutOutcome.NO_LUNCH:
            title = session_title(self.session) if self.session else ""
            self._show(
                Role.ERROR,
                self.tr("Pas de repas prévu à cette séance"),
                self.tr("{session} : aucun bon repas n'est remis. Rien n'a été enregistré.").format(
                    session=title
                ),
            )
        else:
            _, text = handout_wording.for_handout(result)
            self._show(Role.ERROR, text.removeprefix(f"{ICONS[Role.ERROR]} "), "")
        self.name_field.setFocus()

    def _recorded(self, meal_pass: MealPass) -> None:
        issued = meal_pass.issued
        detail = self.tr("À {time} ({desk}, agent {agent}).").format(
            time=issued.local_time, desk=issued.desk_label, agent=issued.agent
        )
        if issued.override_reason:
            detail += " " + self.tr("Autre bon, motif : {reason}.").format(
                reason=issued.override_reason
            )
        detail += "\n" + self.tr("Invité suivant : son nom, puis Entrée. Échap pour fermer.")
        self._show(
            Role.SUCCESS,
            self.tr("Bon repas remis à {name} ({role})").format(
                name=meal_pass.holder, role=role_label(meal_pass.role)
            ),
            detail,
        )
        self.name_field.clear()  # the role stays: the next guest is often of the same group
        self.name_field.setFocus()
        self.refresh_list()
        self.issued.emit(meal_pass.event_id)

    def _already_given(self, result: HandoutResult, name: str, role: GuestRole) -> None:
        first = result.prior[0]
        guest = first.payload.get("guest") or {}
        recorded = str(guest.get("name", name))
        detail = self.tr(
            "{name} ({role}) a déjà un bon repas pour ce repas : rien n'a été enregistré."
        ).format(name=recorded, role=role_label(str(guest.get("role", ""))))
        if len(result.prior) > 1:
            detail += " " + self.tr("({n} bons déjà remis.)").format(n=len(result.prior))
        detail += "\n" + self.tr("Pour en remettre un autre quand même : Ctrl+Entrée (motif).")
        self._show(
            Role.WARNING,
            self.tr("Déjà remis {prior}").format(prior=handout_wording.prior_text(first)),
            detail,
        )
        self.pending = (name, role, result)
        self.anyway_button.show()
        self.name_field.setFocus()
        self.name_field.selectAll()

    def _show(self, role: Role, title: str, detail: str) -> None:
        self.banner.show_wording(Wording(role, title, detail, None), hold=False)

    def refresh_list(self) -> None:
        """This lunch's guest passes, the last given first."""
        self.passes.clear()
        passes = guest_meal_passes(self.db, self.session.id) if self.session else []
        for meal_pass in reversed(passes):
            issued = meal_pass.issued
            item = QTreeWidgetItem(
                [
                    issued.local_time,
                    meal_pass.holder,
                    role_label(meal_pass.role),
                    self.tr("{desk}, {agent}").format(desk=issued.desk_label, agent=issued.agent),
                    issued.override_reason or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, meal_pass.event_id)
            self.passes.addTopLevelItem(item)
        self.list_title.setText(
            self.tr("Bons repas d'invités remis pour ce repas : {n}").format(n=len(passes))
        )

    def listed(self) -> list[tuple[str, ...]]:
        """The rows of the list as shown (time, name, role, desk and agent, reason)."""
        rows = []
        for index in range(self.passes.topLevelItemCount()):
            item = self.passes.topLevelItem(index)
            if item is not None:
                rows.append(tuple(item.text(column) for column in range(len(COLUMNS))))
        return rows
