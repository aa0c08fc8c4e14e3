"""« Documents du jour »: badges, the day's meal passes and the feuille d'émargement of a
session, each drawn off the GUI thread (TaskRunner, with progress) then shown in the PDF
preview; and the reprint of a lost badge (a reason is required; the old code is revoked).

Keyboard first: Ctrl+1 badges, Ctrl+2 meal passes, Ctrl+3 émargement, Ctrl+4 reprint, Échap
closes; every field has an Alt mnemonic. Files go to `folder` (Documents/Guichet by default)
under names that say what they hold; the preview can save a copy elsewhere.

Thin: each action reads plain records on the GUI thread (the connection belongs to it) and
hands a worker only those records and a path; the reprint, which writes facts, opens its own
connection in the worker (as the roster import does).
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import members
from desktop.models.clock import Clock, paris_day
from desktop.models.convention import Session, all_sessions, current_session
from desktop.models.documents.badge_layouts import LAYOUT_NAMES, page_layout
from desktop.models.documents.desk_jobs import (
    Work,
    badges_logged_work,
    emargement_work,
    passes_work,
    reprint_work,
)
from desktop.models.documents.layout import DocumentError
from desktop.models.journal import Desk
from desktop.models.text import fold
from desktop.ui.field_keys import window_keys_first
from desktop.ui.screen_fit import fit_to_screen, scroll_page
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import error_style
from desktop.ui.wording import session_title

# The badge papers in words the agent reads (translated like every visible string).
BADGE_LAYOUT_LABELS = {
    "a4-8": QT_TRANSLATE_NOOP("DocumentsDialog", "A4, 8 badges 85 × 54 mm à découper"),
    "a6": QT_TRANSLATE_NOOP("DocumentsDialog", "A6, un badge par page (porte-badge)"),
    "cr80": QT_TRANSLATE_NOOP("DocumentsDialog", "carte CR80 (imprimante à cartes)"),
    "label62": QT_TRANSLATE_NOOP("DocumentsDialog", "étiquette 62 mm (rouleau continu)"),
}


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "Guichet"


# --- the dialog -------------------------------------------------------------------------------


class DocumentsDialog(QDialog):
    """Emits `generated(kind, path)` after each PDF ("badges", "passes", "emargement",
    "reprint") and `badge_reissued(member_id)` after a reprint. Set `preview = False` to skip
    the modal preview (tests, scripts)."""

    generated = Signal(str, str)
    badge_reissued = Signal(str)

    def __init__(
        self,
        db: sqlite_utils.Database,
        db_path: Path,
        desk: Desk,
        clock: Clock,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        preview: bool = True,
    ) -> None:
        super().__init__(parent)
        self.db, self.db_path, self.desk, self.clock, self.tasks = db, db_path, desk, clock, tasks
        self.folder = Path(folder) if folder else default_folder()
        self.preview = preview
        self.running: str | None = None  # the kind of the job under way
        self.last_path: Path | None = None
        self.setObjectName("documentsDialog")
        self.setWindowTitle(self.tr("Documents du jour"))
        self.setAccessibleName(self.tr("Documents du jour"))
        fit_to_screen(self, 620, 600)
        self._build()
        window_keys_first(self)  # Ctrl+4 right after typing the reason (X11 bindings)
        self.tasks.progressed.connect(self._progressed)

    # --- building ---------------------------------------------------------------------------

    def _button(self, name: str, text: str, keys: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(f"{text}  ({keys})", self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setToolTip(f"{text.replace('&', '')} ({keys})")
        button.setAccessibleDescription(self.tr("Raccourci : {keys}").format(keys=keys))
        button.clicked.connect(slot)
        QShortcut(QKeySequence(keys), self, slot)
        return button

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    def _build(self) -> None:
        self.session_combo = self._combo("sessionCombo", self.tr("Séance"))
        sessions = all_sessions(self.db)
        for session in sessions:
            lunch = self.tr(", déjeuner") if session.lunch else ""
            self.session_combo.addItem(f"{session_title(session)}{lunch}", session.id)
        self.session_combo.setCurrentIndex(self._default_session(sessions))
        session_label = QLabel(self.tr("&Séance :"), self)
        session_label.setBuddy(self.session_combo)

        self.badge_layout_combo = self._combo(
            "badgeLayoutCombo", self.tr("Mise en page des badges")
        )
        for name in LAYOUT_NAMES:
            label = self.tr(BADGE_LAYOUT_LABELS.get(name, ""))
            self.badge_layout_combo.addItem(f"{name} — {label}" if label else name, name)
        self.badges_button = self._button(
            "badgesButton", self.tr("&Badges de tous les membres"), "Ctrl+1", self.make_badges
        )
        self.pass_layout_combo = self._combo(
            "passLayoutCombo", self.tr("Mise en page des bons de repas")
        )
        self.pass_layout_combo.addItem(self.tr("a4-4 — A4, 4 bons A6 par feuille"), "a4-4")
        self.pass_layout_combo.addItem(self.tr("a6 — A6, un bon par page"), "a6")
        self.passes_button = self._button(
            "passesButton", self.tr("Bons de &repas de la séance"), "Ctrl+2", self.make_passes
        )
        self.blank_check = QCheckBox(self.tr("Feuille &vierge (à signer sur place)"), self)
        self.blank_check.setObjectName("blankCheck")
        self.emargement_button = self._button(
            "emargementButton", self.tr("Feuille d'émar&gement"), "Ctrl+3", self.make_emargement
        )
        self.member_combo = self._combo("memberCombo", self.tr("Membre dont le badge est réédité"))
        chosen = [m for m in members.all_members(self.db) if not m.withdrawn]
        for member in sorted(chosen, key=lambda m: (fold(m.surname), fold(m.first_name))):
            self.member_combo.addItem(f"{member.surname} {member.first_name}", member.id)
        self.reason_field = QLineEdit(self)
        self.reason_field.setObjectName("reasonField")
        self.reason_field.setAccessibleName(self.tr("Motif de la réédition"))
        self.reason_field.setPlaceholderText(self.tr("badge perdu, nom mal orthographié…"))
        self.reason_error = QLabel(self)
        self.reason_error.setObjectName("reasonError")
        self.reason_error.setStyleSheet(error_style())
        self.reason_error.hide()
        self.reprint_button = self._button(
            "reprintButton", self.tr("Rééd&iter le badge…"), "Ctrl+4", self.reprint
        )

        self.folder_label = QLabel(str(self.folder), self)
        self.folder_label.setObjectName("folderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder_button = QPushButton(self.tr("&Dossier…"), self)
        folder_button.setObjectName("folderButton")
        folder_button.setAutoDefault(False)
        folder_button.clicked.connect(self.choose_folder)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("documentsProgress")
        self.progress.setAccessibleName(self.tr("Progression"))
        self.progress.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("documentsStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("État"))
        close_button = QPushButton(self.tr("Fermer"), self)
        close_button.setObjectName("closeButton")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)

        # Everything but "Fermer" scrolls: at 200 % text the groups are taller than a laptop
        # screen, and "Fermer" went below it.
        page, layout = scroll_page(self, "documentsPage")
        top = QFormLayout()
        top.addRow(session_label, self.session_combo)
        layout.addLayout(top)
        layout.addWidget(
            self._group(
                self.tr("Badges"),
                (self.tr("Mise en &page :"), self.badge_layout_combo),
                self.badges_button,
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Bons de repas"),
                (self.tr("&Format :"), self.pass_layout_combo),
                self.passes_button,
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Feuille d'émargement"), None, self.blank_check, self.emargement_button
            )
        )
        reprint = self._group(
            self.tr("Badge perdu"),
            (self.tr("&Membre :"), self.member_combo),
            None,
        )
        form = reprint.layout()
        assert isinstance(form, QFormLayout)
        reason_label = QLabel(self.tr("M&otif (obligatoire) :"), self)
        reason_label.setBuddy(self.reason_field)
        form.addRow(reason_label, self.reason_field)
        form.addRow("", self.reason_error)
        form.addRow("", self.reprint_button)
        layout.addWidget(reprint)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Dossier des PDF :"), self))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(folder_button)
        layout.addLayout(folder_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        outer = QVBoxLayout(self)
        outer.addWidget(page, 1)
        outer.addLayout(buttons)
        self.action_buttons = (
            self.badges_button,
            self.passes_button,
            self.emargement_button,
            self.reprint_button,
        )
        self.badges_button.setFocus()

    def _group(
        self, title: str, field: tuple[str, QWidget] | None, *rows: QWidget | None
    ) -> QGroupBox:
        group = QGroupBox(title, self)
        form = QFormLayout(group)
        if field is not None:
            label = QLabel(field[0], group)
            label.setBuddy(field[1])
            form.addRow(label, field[1])
        for row in rows:
            if row is not None:
                form.addRow("", row)
        return group

    def _default_session(self, sessions: list[Session]) -> int:
        now = self.clock()
        current = current_session(self.db, now)
        ids = [s.id for s in sessions]
        if current is not None and current.id in ids:
            return ids.index(current.id)
        today = paris_day(now)
        upcoming = [i for i, s in enumerate(sessions) if s.day >= today]
        return upcoming[0] if upcoming else max(len(sessions) - 1, 0)

    # --- state ------------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        session_id = self.session_combo.currentData()
        return next((s for s in all_sessions(self.db) if s.id == session_id), None)

    def select_session(self, session_id: str) -> None:
        index = self.session_combo.findData(session_id)
        if index >= 0:
            self.session_combo.setCurrentIndex(index)

    def select_member(self, member_id: str) -> None:
        """Open the dialog on a member (the roster's selected row) for a reprint."""
        index = self.member_combo.findData(member_id)
        if index >= 0:
            self.member_combo.setCurrentIndex(index)
            self.reason_field.setFocus()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier des documents"), str(self.folder)
        )
        if chosen:
            self.folder = Path(chosen)
            self.folder_label.setText(chosen)

    def _out(self, name: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder / name

    # --- actions ----------------------------------------------------------------------------

    def make_badges(self) -> None:
        layout = str(self.badge_layout_combo.currentData())
        day = paris_day(self.clock()).isoformat()
        self._start(
            "badges",
            self.tr("Badges en cours…"),
            # The worker logs the prints itself: 1 000 facts on this thread froze the window.
            lambda: badges_logged_work(
                self.db,
                self.db_path,
                self._out(f"badges-{layout}-{day}.pdf"),
                layout,
                self.desk,
                self.clock,
            ),
            lambda done: self._badges_done(done, layout),
        )

    def make_passes(self) -> None:
        session, layout = self.session, str(self.pass_layout_combo.currentData())
        if session is None:
            return
        self._start(
            "passes",
            self.tr("Bons de repas en cours…"),
            lambda: passes_work(
                self.db, session, self._out(f"bons-repas-{session.id}-{layout}.pdf"), layout
            ),
            self._passes_done,
        )

    def make_emargement(self) -> None:
        session, blank = self.session, self.blank_check.isChecked()
        if session is None:
            return
        name = f"emargement-{session.id}-{'vierge' if blank else 'completee'}.pdf"
        self._start(
            "emargement",
            self.tr("Feuille d'émargement en cours…"),
            lambda: emargement_work(
                self.db, session, self._out(name), blank, self.desk.agent, self.clock
            ),
            self._emargement_done,
        )

    def reprint(self) -> None:
        member_id = self.member_combo.currentData()
        reason = " ".join(self.reason_field.text().split())
        if not reason:
            self.reason_error.setText(
                self.tr("⚠ Saisissez le motif de la réédition : il est obligatoire.")
            )
            self.reason_error.show()
            self.reason_field.setFocus()
            return
        self.reason_error.clear()
        self.reason_error.hide()
        layout = str(self.badge_layout_combo.currentData())
        page_layout(layout)
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        name = (
            f"badge-reedite-{fold(self.member_combo.currentText()).replace(' ', '-')}-{stamp}.pdf"
        )
        self._start(
            "reprint",
            self.tr("Réédition du badge…"),
            lambda: reprint_work(
                self.db_path, str(member_id), reason, self.desk, self.clock, self._out(name), layout
            ),
            self._reprinted,
        )

    def reject(self) -> None:
        """Échap / Fermer: not while a document is being drawn (its preview would open on a
        closed dialog, and the agent would not know whether the file exists)."""
        if self.running is not None:
            self._say(self.tr("Patientez : le document est en cours de préparation."))
            return
        super().reject()

    # --- running ----------------------------------------------------------------------------

    def _start(
        self,
        kind: str,
        label: str,
        prepare: Callable[[], Work],
        done: Callable[[Any], None],
    ) -> None:
        if self.running is not None:
            return
        try:
            work = prepare()  # reads the database here, on the GUI thread
        except (DocumentError, OSError) as exc:
            self._failed(exc)
            return
        self.running = kind
        for button in self.action_buttons:
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._say(label)
        self.tasks.start(label, work, lambda result: self._finish(kind, result, done), self._failed)

    def _progressed(self, done: int, total: int) -> None:
        if self.running is not None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _idle(self) -> None:
        self.running = None
        self.progress.hide()
        for button in self.action_buttons:
            button.setEnabled(True)

    def _finish(self, kind: str, result: Any, done: Callable[[Any], None]) -> None:
        self._idle()
        done(result)
        path = Path(result[0])
        self.last_path = path
        self.generated.emit(kind, str(path))
        if self.preview:
            from desktop.ui.pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, self).exec()

    def _failed(self, exc: Exception) -> None:
        self._idle()
        message = str(exc) if isinstance(exc, DocumentError) else str(exc) or type(exc).__name__
        self._say(self.tr("⚠ Échec : {error}").format(error=message), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        # Text colours of the theme (a banner background read at 2.6:1 in high contrast).
        self.status_label.setStyleSheet(error_style() if error else "color: palette(window-text);")
        self.status_label.setText(text)

    def _badges_done(self, done: tuple[Path, list[Any]], layout: str) -> None:
        out, records = done  # the prints are logged by the worker (badges_logged_work)
        self._say(self.tr("✔ {count} badge(s) : {path}").format(count=len(records), path=out))

    def _passes_done(self, done: tuple[Path, int, tuple[str, ...]]) -> None:
        out, count, missing = done
        text = self.tr("✔ {count} bon(s) de repas : {path}").format(count=count, path=out)
        if missing:
            text += "\n" + self.tr("⚠ Présent·es sans bon repas : {names}").format(
                names=", ".join(missing)
            )
        self._say(text)

    def _emargement_done(self, done: tuple[Path, int]) -> None:
        out, pages = done
        self._say(
            self.tr("✔ Feuille d'émargement, {pages} page(s) : {path}").format(
                pages=pages, path=out
            )
        )

    def _reprinted(self, done: tuple[Path, str]) -> None:
        out, member_id = done
        self.reason_field.clear()
        name = self.member_combo.currentText()
        self._say(
            self.tr("✔ Badge réédité pour {name}, l'ancien code est révoqué : {path}").format(
                name=name, path=out
            )
        )
        self.badge_reissued.emit(member_id)
