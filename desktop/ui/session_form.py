"""A session's fields, shared by the sessions screen's editor and the new-session form; the
new-session form (`NewSessionDialog`); the questions around deleting a session.

Keyboard only: in the new-session form Entrée adds (`session_plan.create_session`), Échap
closes (asking first when something was typed); every refusal shows under its field and
nothing typed is lost. Only a responsable or the bureau changes the calendar: once the file
has accounts, anyone else needs a responsable's password on the spot (`may_change_calendar`).
"""

import re
from dataclasses import dataclass
from datetime import date

import sqlite_utils
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models import accounts, session_plan
from desktop.models.accounts import Role as AccountRole
from desktop.models.clock import Clock
from desktop.models.convention import PARTS, Session
from desktop.models.session_plan import SessionEditOutcome
from desktop.ui.approval import ask_approval
from desktop.ui.controls import push_button
from desktop.ui.screen_fit import large_text
from desktop.ui.theme import error_style
from desktop.ui.wording import ICONS, Role, part_of_day, session_title

_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def tr(text: str) -> str:
    return QCoreApplication.translate("session_form", text)


def parse_day(text: str) -> date | None:
    """ "11/11/2023" (or ISO "2023-11-11") -> date; None when it is not a date."""
    value = text.strip()
    match = _DAY.fullmatch(value)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(value)
    except ValueError:
        return None


def day_text(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


class FieldForm:
    """Labelled fields, each with its error label underneath."""

    def __init__(self, owner: QWidget, prefix: str) -> None:
        self.owner = owner
        self.prefix = prefix
        self.layout = QFormLayout()
        if large_text():  # a label over its field when both do not fit side by side
            self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

    def add(self, name: str, text: str, widget: QWidget) -> None:
        widget.setObjectName(f"{self.prefix}{name[0].upper()}{name[1:]}Field")
        widget.setAccessibleName(text.replace("&", "").rstrip(" :"))
        error = QLabel(wordWrap=True)
        error.setObjectName(f"{self.prefix}{name[0].upper()}{name[1:]}Error")
        error.setStyleSheet(error_style())
        error.hide()
        self.errors[name] = error
        self.fields[name] = widget
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        label = QLabel(text)
        label.setBuddy(widget)
        self.layout.addRow(label, box)

    def clear(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setMinimumHeight(0)
            label.hide()

    def error(self, name: str, message: str, focus: QWidget | None = None) -> None:
        label = self.errors[name]
        label.setText(f"{ICONS[Role.ERROR]} {message}")
        # A form row does not ask a wrapped label its height for the field's width: say it,
        # or a long error overlaps the field above it.
        label.setMinimumHeight(label.heightForWidth(self.fields[name].width()))
        label.show()
        if focus is not None:
            focus.setFocus()
            if isinstance(focus, QLineEdit):
                focus.selectAll()


@dataclass(frozen=True)
class SessionInput:
    """What the agent typed, read and checked for form (a date, a weekend number)."""

    day: date
    part: str
    place: str
    weekend: int | None
    lunch: bool
    label: str


class SessionFields(QWidget):
    """Date, part of day, place, weekend, lunch and label, each with its error underneath.
    `touched` when the agent changes one; `read()` checks the date and weekend as typed,
    `show_refusal()` puts a refusal of session_plan under its field."""

    touched = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = FieldForm(self, prefix)
        self.errors = self.form.errors
        self.day_field = QLineEdit(placeholderText=self.tr("JJ/MM/AAAA"))
        self.part_field = QComboBox()
        self.part_field.addItems(list(PARTS))
        self.place_field = QLineEdit()
        self.weekend_field = QLineEdit(placeholderText=self.tr("1, 2, 3… (vide : hors week-end)"))
        self.lunch_field = QCheckBox(self.tr("déjeuner fourni (pass repas)"))
        self.label_field = QLineEdit()
        form = self.form
        form.add("day", self.tr("&Date :"), self.day_field)
        form.add("part", self.tr("&Partie de journée :"), self.part_field)
        form.add("place", self.tr("&Lieu :"), self.place_field)
        form.add("weekend", self.tr("&Week-end n° :"), self.weekend_field)
        form.add("lunch", self.tr("&Repas :"), self.lunch_field)
        form.add("label", self.tr("Li&bellé :"), self.label_field)
        self.form.layout.setContentsMargins(0, 0, 0, 0)
        self.setLayout(self.form.layout)
        self.line_edits = (self.day_field, self.place_field, self.weekend_field, self.label_field)
        for edit in self.line_edits:
            edit.textEdited.connect(self.touched)
        self.part_field.currentIndexChanged.connect(self.touched)
        self.lunch_field.toggled.connect(self.touched)

    def clear(self) -> None:
        self.form.clear()

    def fill(self, session: Session) -> None:
        self.form.clear()
        self.day_field.setText(day_text(session.day))
        self.part_field.setCurrentText(session.part)
        self.place_field.setText(session.place)
        self.weekend_field.setText("" if session.weekend is None else str(session.weekend))
        self.lunch_field.setChecked(session.lunch)
        self.label_field.setText(session.label)
        for edit in self.line_edits:
            edit.setCursorPosition(0)  # a long place reads from its start

    def typed(self) -> bool:
        return any(edit.text().strip() for edit in (self.day_field, self.label_field))

    def read(self) -> SessionInput | None:
        """The fields as a session's values; None with the error under its field."""
        self.form.clear()
        day = parse_day(self.day_field.text())
        if day is None:
            message = self.tr("« {text} » n'est pas une date : saisissez JJ/MM/AAAA.")
            self.form.error("day", message.format(text=self.day_field.text()), self.day_field)
            return None
        weekend_text = self.weekend_field.text().strip()
        if weekend_text and not (weekend_text.isdigit() and 1 <= int(weekend_text) <= 9):
            message = self.tr("Le week-end est un numéro de 1 à 9, ou vide.")
            self.form.error("weekend", message, self.weekend_field)
            return None
        return SessionInput(
            day=day,
            part=self.part_field.currentText(),
            place=self.place_field.text(),
            weekend=int(weekend_text) if weekend_text else None,
            lunch=self.lunch_field.isChecked(),
            label=self.label_field.text(),
        )

    def show_refusal(self, outcome: SessionEditOutcome, clash: Session | None = None) -> bool:
        """The refusal under its field; False when it belongs to no field (the caller says it)."""
        form = self.form
        if outcome is SessionEditOutcome.EMPTY_PLACE:
            form.error("place", self.tr("Indiquez le lieu de la séance."), self.place_field)
        elif outcome is SessionEditOutcome.EMPTY_LABEL:
            form.error("label", self.tr("Indiquez le libellé de la séance."), self.label_field)
        elif outcome is SessionEditOutcome.INVALID_PART:
            form.error("part", self.tr("Partie de journée inconnue."), self.part_field)
        elif outcome is SessionEditOutcome.INVALID_WEEKEND:
            message = self.tr("Le week-end est un numéro de 1 à 9, ou vide.")
            form.error("weekend", message, self.weekend_field)
        elif outcome is SessionEditOutcome.OVERLAP and clash is not None:
            message = self.tr(
                "Le {day} a déjà une séance à ce moment : « {label} » ({part}). Une journée "
                "occupe le matin et l'après-midi : choisissez une autre partie de journée ou "
                "un autre jour."
            ).format(day=day_text(clash.day), label=clash.label, part=part_of_day(clash.part))
            form.error("part", message, self.part_field)
        else:
            return False
        return True


class NewSessionDialog(QDialog):
    """A session added to the calendar, with the usual ticket plan; `created(session_id)`
    once it is saved (the dialog then closes). `place` prefills the place."""

    created = Signal(str)

    def __init__(
        self, db: sqlite_utils.Database, place: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.session: Session | None = None
        self.setObjectName("newSessionDialog")
        self.setWindowTitle(self.tr("Nouvelle séance"))
        self.setAccessibleName(self.tr("Ajouter une séance au calendrier"))
        self.setMinimumWidth(620)
        explain = QLabel(
            self.tr(
                "La séance rejoint le calendrier avec le plan de tickets habituel (modifiable "
                "ensuite dans l'écran des séances). Entrée : ajouter ; Échap : annuler."
            ),
            wordWrap=True,
        )
        explain.setObjectName("newSessionHelp")
        self.fields = SessionFields("newSession")
        self.fields.place_field.setText(place)
        self.fields.place_field.setCursorPosition(0)
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("newSessionStatus")
        self.status.setAccessibleName(self.tr("Réponse à l'ajout"))
        self.status.setStyleSheet(error_style())
        self.status.hide()
        add = push_button(
            self.tr("&Ajouter la séance (Entrée)"),
            "addSessionConfirmButton",
            self.tr("Ajouter la séance"),
            self.submit,
            default=True,
        )
        cancel = push_button(
            self.tr("Annuler (Échap)"),
            "addSessionCancelButton",
            self.tr("Annuler l'ajout"),
            self.reject,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.fields)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.fields.day_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> bool:
        """Add the session; False (the refusal shown, the typing kept) otherwise."""
        self.status.hide()
        typed = self.fields.read()
        if typed is None:
            self._fit()
            return False
        outcome, session = session_plan.create_session(
            self.db,
            typed.day,
            typed.part,
            typed.place,
            typed.weekend,
            typed.lunch,
            typed.label,
        )
        if outcome is SessionEditOutcome.CREATED and session is not None:
            self.session = session
            self.created.emit(session.id)
            self.accept()
            return True
        clash = session_plan.clashing_session(self.db, typed.day, typed.part)
        if not self.fields.show_refusal(outcome, clash):
            self.status.setText(f"{ICONS[Role.ERROR]} " + self.tr("La séance n'a pas été ajoutée."))
            self.status.show()
        self._fit()
        return False

    def _fit(self) -> None:
        """An error under a field changes the form's height: the window follows, so that the
        error shows whole and no gap is left when a shorter one replaces it."""
        self.layout().activate()
        needed = self.heightForWidth(self.width())
        if needed > 0:
            self.resize(self.width(), needed)

    def reject(self) -> None:
        """Échap: what was typed is dropped only after a question."""
        if self.fields.typed():
            answer = QMessageBox.question(
                self,
                self.tr("Nouvelle séance"),
                self.tr("Abandonner la séance en cours de saisie ?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


def ask_unsaved(parent: QWidget, what: str) -> QMessageBox.StandardButton:
    """Save, discard or cancel: the question before typing would be replaced."""
    return QMessageBox.question(
        parent,
        tr("Modifications non enregistrées"),
        what + " " + tr("L'enregistrer maintenant ?"),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


# --- deleting -----------------------------------------------------------------------------


def may_change_calendar(db: sqlite_utils.Database, agent: str) -> bool:
    """A responsable or the bureau changes the calendar; a file without accounts, anyone."""
    if not accounts.has_accounts(db):
        return True
    account = accounts.get_account(db, agent)
    return account is not None and account.active and account.role.at_least(AccountRole.RESPONSABLE)


def approve_calendar_change(
    parent: QWidget, db: sqlite_utils.Database, clock: Clock, agent: str, action: str
) -> bool:
    """True when the agent may change the calendar, or a responsable approved on the spot (the
    approval is a fact naming both); False when refused or cancelled."""
    if may_change_calendar(db, agent):
        return True
    return ask_approval(parent, db, clock, agent, action) is not None


class DeleteQuestion(QMessageBox):
    """ "Supprimer la séance « … » ?" — Entrée or Échap keep it; Alt+S (or Tab, Espace)
    deletes."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deleteSessionQuestion")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Supprimer la séance"))
        self.setText(
            self.tr("Supprimer la séance « {title} » ?").format(title=session_title(session))
        )
        self.setInformativeText(
            self.tr(
                "Rien n'y est encore enregistré : elle disparaît du calendrier avec son plan "
                "de tickets."
            )
        )
        self.delete_button = self.addButton(
            self.tr("&Supprimer la séance"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("deleteSessionConfirmButton")
        self.keep_button = self.addButton(
            self.tr("&Garder la séance"), QMessageBox.ButtonRole.RejectRole
        )
        self.keep_button.setObjectName("deleteSessionKeepButton")
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)


def confirm_delete(parent: QWidget, session: Session) -> bool:
    question = DeleteQuestion(session, parent)
    try:
        question.exec()
        return question.clickedButton() is question.delete_button
    finally:
        question.deleteLater()
