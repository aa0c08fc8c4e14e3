"""The "Bureau" mode: the office's master file. Import desk exports (verified merge in a
background task), list and resolve conflicts between desks, list merge anomalies, prepare a
desk file, write the reports. Thin: each action calls one model function.

Keys: Ctrl+O importer des fichiers, Ctrl+Maj+O importer un dossier (clé USB), Ctrl+R résoudre
le conflit choisi (or Entrée in the list), Ctrl+N préparer un poste, Ctrl+Maj+R rapports, F5
actualiser, Ctrl+1/2/3/4 onglets (4 : historique des imports), Ctrl+Q quitter.
"""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.clock import Clock, french_date, from_utc_text, paris_day, paris_hhmm
from desktop.models.conflicts import Conflict, Fact, ResolveOutcome, list_conflicts
from desktop.models.conflicts import resolve_conflict as resolve_in_model
from desktop.models.convention import all_sessions, get_convention, get_session
from desktop.models.journal import Desk
from desktop.models.merge import MergeOutcome, MergeReport, find_exports, merge_exports
from desktop.models.reports.data import Anomaly, anomalies, report_scope
from desktop.ui.tasks import Progress, TaskProgress, TaskRunner
from desktop.ui.wording import session_title

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class RecordsModel(QAbstractTableModel):
    """A read-only table of frozen records; `columns` turns a record into its cells."""

    def __init__(
        self, headers: Sequence[str], columns: Callable[[Any], Sequence[str]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._columns = columns
        self._records: list[Any] = []
        self._cells: list[Sequence[str]] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._cells = [self._columns(r) for r in self._records]
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._records)

    def record(self, row: int) -> Any:
        return self._records[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == RECORD_ROLE:
            return self._records[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return section + 1


class RecordsView(QTableView):
    """Rows are chosen with the arrows; Entrée emits `activated_row`."""

    activated_row = Signal()

    def __init__(self, model: RecordsModel, name: str, accessible: str) -> None:
        super().__init__()
        self.setModel(model)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_row.emit()
            return
        super().keyPressEvent(event)


def when(utc_text: str) -> str:
    """ "11/11/2023 09:12" in Europe/Paris."""
    return f"{french_date(paris_day(from_utc_text(utc_text)))} {paris_hhmm(utc_text)}"


def fact_text(fact: Fact) -> str:
    return f"{fact.desk_label} — {fact.agent} — {when(fact.at)}"


def import_line(report: MergeReport) -> tuple[str, ...]:
    """File, result in words, desk, new facts, detail."""
    if report.outcome is MergeOutcome.REFUSED:
        reason = report.rejection.reason if report.rejection else ""
        result = f"refusé : {reason}"
    else:
        result = report.outcome.value
    detail = report.detail
    if report.copied_desk:
        detail = (detail + " " if detail else "") + "⚠ poste copié sur un second portable"
    if report.anomalies:
        detail = (detail + " " if detail else "") + f"{report.anomalies} anomalie(s)"
    return (
        report.source.name,
        result,
        report.desk_label or "",
        str(report.new_events) if not report.refused else "",
        detail,
    )


class ResolveDialog(QDialog):
    """Which fact to keep (1 or 2, or the arrows), and the reason; Entrée resolves."""

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setObjectName("resolveDialog")
        self.setWindowTitle(self.tr("Résoudre le conflit"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        who = conflict.member_name or self.tr("membre inconnu")
        heading = QLabel(self.tr("{kind} — {member}").format(kind=conflict.kind.label, member=who))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Fait à garder (l'autre est annulé, jamais effacé) :")))
        self.keep_first = QRadioButton(self.tr("&1  {fact}").format(fact=fact_text(conflict.first)))
        self.keep_second = QRadioButton(
            self.tr("&2  {fact}").format(fact=fact_text(conflict.second))
        )
        for button, name in ((self.keep_first, "keepFirst"), (self.keep_second, "keepSecond")):
            button.setObjectName(name)
            button.setAccessibleName(button.text().replace("&", ""))
            layout.addWidget(button)
        self.keep_first.setChecked(True)
        label = QLabel(self.tr("&Motif (obligatoire) :"))
        self.reason_field = QLineEdit()
        self.reason_field.setObjectName("resolveReason")
        self.reason_field.setAccessibleName(self.tr("Motif de la résolution"))
        label.setBuddy(self.reason_field)
        layout.addWidget(label)
        layout.addWidget(self.reason_field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Résoudre"))
        ok.setObjectName("resolveOk")
        ok.setEnabled(False)
        ok.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuler"))
        cancel.setToolTip(self.tr("Annuler (Échap) : le conflit reste ouvert"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_field.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout.addWidget(self.buttons)
        self.keep_first.setFocus()

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.text() in ("1", "&") and not self.reason_field.hasFocus():
            self.keep_first.setChecked(True)
            return
        if event.text() in ("2", "é") and not self.reason_field.hasFocus():  # AZERTY row
            self.keep_second.setChecked(True)
            return
        super().keyPressEvent(event)

    @property
    def keep_event_id(self) -> str:
        chosen = self.conflict.first if self.keep_first.isChecked() else self.conflict.second
        return chosen.event_id

    @property
    def reason(self) -> str:
        return self.reason_field.text()


class OfficeWindow(QMainWindow):
    def __init__(
        self,
        db: sqlite_utils.Database,
        db_path: Path,
        desk: Desk,
        clock: Clock,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.db, self.db_path, self.desk, self.clock = db, db_path, desk, clock
        self.tasks = tasks or TaskRunner(self)
        self.resolve_dialog: ResolveDialog | None = None
        self.preview_documents = True  # tests turn the modal PDF preview off
        self.last_reports: list[MergeReport] = []
        self.setObjectName("officeWindow")
        convention = get_convention(db)
        self.setWindowTitle(
            self.tr("Guichet — Bureau — {title}").format(
                title=convention.title if convention else ""
            )
        )
        self.resize(1100, 700)
        self._build()
        self._build_actions()
        self.refresh()
        self.imports_view.setFocus()

    # --- construction -----------------------------------------------------------------------

    def _button(self, text: str, name: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _tab(self, view: QTableView, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        return page

    def _build(self) -> None:
        self.imports_model = RecordsModel(
            [
                self.tr("Fichier"),
                self.tr("Résultat"),
                self.tr("Poste"),
                self.tr("Faits nouveaux"),
                self.tr("Détail"),
            ],
            import_line,
            self,
        )
        self.conflicts_model = RecordsModel(
            [
                self.tr("Conflit"),
                self.tr("Membre"),
                self.tr("Séance"),
                self.tr("Fait 1 (poste — agent — heure)"),
                self.tr("Fait 2 (poste — agent — heure)"),
            ],
            self._conflict_cells,
            self,
        )
        self.anomalies_model = RecordsModel(
            [
                self.tr("Anomalie"),
                self.tr("Poste"),
                self.tr("N°"),
                self.tr("Fait"),
                self.tr("Identifiant"),
                self.tr("Détectée le"),
                self.tr("Fichier (empreinte)"),
            ],
            lambda a: (
                a.label,
                a.desk_label,
                str(a.seq),
                a.fact_kind,
                a.event_id,
                when(a.detected_at),
                a.file_sha256[:12],
            ),
            self,
        )
        self.imports_view = RecordsView(self.imports_model, "importsView", self.tr("Imports"))
        self.conflicts_view = RecordsView(
            self.conflicts_model, "conflictsView", self.tr("Conflits entre guichets")
        )
        self.conflicts_view.activated_row.connect(self.resolve_selected)
        self.anomalies_view = RecordsView(
            self.anomalies_model, "anomaliesView", self.tr("Anomalies de fusion")
        )
        self.import_button = self._button(
            self.tr("&Importer des exports…"), "importButton", self.tr("Ctrl+O"), self.import_files
        )
        self.import_folder_button = self._button(
            self.tr("Importer un &dossier (clé USB)…"),
            "importFolderButton",
            self.tr("Ctrl+Maj+O"),
            self.import_folder,
        )
        self.prepare_button = self._button(
            self.tr("&Préparer un poste…"),
            "prepareDeskButton",
            self.tr("Ctrl+N"),
            self.prepare_desk,
        )
        self.reports_button = self._button(
            self.tr("Rappor&ts…"), "reportsButton", self.tr("Ctrl+Maj+R"), self.write_reports
        )
        self.resolve_button = self._button(
            self.tr("&Résoudre…"),
            "resolveButton",
            self.tr("Ctrl+R ou Entrée"),
            self.resolve_selected,
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("officeTabs")
        self.tabs.addTab(
            self._tab(
                self.imports_view,
                self.import_button,
                self.import_folder_button,
                self.prepare_button,
                self.reports_button,
            ),
            self.tr("Imports"),
        )
        self.tabs.addTab(self._tab(self.conflicts_view, self.resolve_button), self.tr("Conflits"))
        self.tabs.addTab(self._tab(self.anomalies_view), self.tr("Anomalies"))
        from desktop.ui.import_history_tab import ImportHistoryTab  # it imports this module

        self.history_tab = ImportHistoryTab(self.db)
        self.tabs.addTab(self.history_tab, self.tr("Historique des imports"))
        self.message = QLabel()
        self.message.setObjectName("officeMessage")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = TaskProgress(self.tasks)
        self.progress.setObjectName("officeProgress")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Bureau"))
        for text, keys, slot in (
            (self.tr("Importer des exports…"), "Ctrl+O", self.import_files),
            (self.tr("Importer un dossier (clé USB)…"), "Ctrl+Shift+O", self.import_folder),
            (self.tr("Résoudre le conflit…"), "Ctrl+R", self.resolve_selected),
            (self.tr("Préparer un poste…"), "Ctrl+N", self.prepare_desk),
            (self.tr("Rapports…"), "Ctrl+Shift+R", self.write_reports),
            (self.tr("Actualiser"), "F5", self.refresh),
            (self.tr("Quitter"), "Ctrl+Q", self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.addAction(action)
        for number, view in enumerate(
            (self.imports_view, self.conflicts_view, self.anomalies_view, self.history_tab.view), 1
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, n=number, v=view: self._show_tab(n - 1, v))
            self.addAction(action)

    def _show_tab(self, index: int, view: QTableView) -> None:
        self.tabs.setCurrentIndex(index)
        view.setFocus()

    # --- lists ------------------------------------------------------------------------------

    def _conflict_cells(self, conflict: Conflict) -> tuple[str, ...]:
        session = get_session(self.db, conflict.session_id) if conflict.session_id else None
        return (
            conflict.kind.label,
            conflict.member_name or "",
            session_title(session) if session else (conflict.session_id or ""),
            fact_text(conflict.first),
            fact_text(conflict.second),
        )

    def refresh(self) -> None:
        self.conflicts = list_conflicts(self.db)
        self.conflicts_model.set_records(self.conflicts)
        self.anomalies = self._anomalies()
        self.anomalies_model.set_records(self.anomalies)
        self.tabs.setTabText(1, self.tr("Conflits ({count})").format(count=len(self.conflicts)))
        self.tabs.setTabText(2, self.tr("Anomalies ({count})").format(count=len(self.anomalies)))
        if self.conflicts:
            self.conflicts_view.selectRow(0)
        self.resolve_button.setEnabled(bool(self.conflicts))
        self.history_tab.refresh()

    def _anomalies(self) -> list[Anomaly]:
        if not all_sessions(self.db):
            return []
        return list(anomalies(self.db, report_scope(self.db, None), True))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.statusBar().showMessage(text, 15_000)

    # --- import (merge) ---------------------------------------------------------------------

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Importer des exports de guichet"),
            str(Path.home()),
            self.tr("Exports (*.manifest.json *.zip *.sqlite);;Tous les fichiers (*)"),
        )
        if files:
            self.start_merge([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier des exports (clé USB)"), str(Path.home())
        )
        if not folder:
            return
        try:
            found = find_exports(folder)
        except OSError as exc:
            self.show_message(
                self.tr("✖ Dossier illisible : {folder} ({error}).").format(
                    folder=folder, error=exc.strerror or exc
                )
            )
            return
        if not found:
            self.show_message(self.tr("Aucun export trouvé dans {folder}.").format(folder=folder))
            return
        self.start_merge(found)

    def start_merge(self, paths: list[Path]) -> None:
        passphrase: str | None = None
        if any(p.name.endswith(".zip") for p in paths):
            text, ok = QInputDialog.getText(
                self,
                self.tr("Archive chiffrée"),
                self.tr("Phrase secrète des archives chiffrées (reçue par un autre canal) :"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
            passphrase = text
        office, clock, agent = self.db_path, self.clock, self.desk.agent  # agent: who merged

        def work(progress: Progress) -> list[MergeReport]:
            def tell(done: int, total: int, _path: Path) -> None:
                progress(done, total)

            return merge_exports(office, paths, passphrase, clock=clock, progress=tell, agent=agent)

        self.import_button.setEnabled(False)
        self.import_folder_button.setEnabled(False)
        self.tasks.start(self.tr("Fusion des exports…"), work, self._merged, self._failed)

    def _merged(self, reports: list[MergeReport]) -> None:
        self.last_reports = reports
        self.import_button.setEnabled(True)
        self.import_folder_button.setEnabled(True)
        self.imports_model.set_records([*reports, *self.imports_model.records()])
        self.refresh()
        counts = {outcome: sum(r.outcome is outcome for r in reports) for outcome in MergeOutcome}
        self.show_message(
            self.tr(
                "Fusion : {imported} importé(s), {again} déjà importé(s), {refused} refusé(s) ; "
                "{conflicts} conflit(s) ouvert(s)."
            ).format(
                imported=counts[MergeOutcome.IMPORTED],
                again=counts[MergeOutcome.ALREADY_IMPORTED],
                refused=counts[MergeOutcome.REFUSED],
                conflicts=len(self.conflicts),
            )
        )
        self._show_tab(0, self.imports_view)
        self.imports_view.selectRow(0)

    def _failed(self, exc: Exception) -> None:
        for button in (self.import_button, self.import_folder_button, self.prepare_button):
            button.setEnabled(True)
        self.reports_button.setEnabled(True)
        self.show_message(self.tr("✖ Opération impossible : {error}").format(error=exc))

    # --- conflicts --------------------------------------------------------------------------

    def selected_conflict(self) -> Conflict | None:
        index = self.conflicts_view.currentIndex()
        if not index.isValid():
            return None
        record = self.conflicts_model.record(index.row())
        return record if isinstance(record, Conflict) else None

    def resolve_selected(self) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            self.show_message(self.tr("Aucun conflit choisi."))
            return
        dialog = ResolveDialog(conflict, self)
        dialog.accepted.connect(lambda: self._resolve(dialog))
        dialog.finished.connect(lambda _code: self.conflicts_view.setFocus())
        self.resolve_dialog = dialog
        dialog.open()

    def _resolve(self, dialog: ResolveDialog) -> None:
        conflict = dialog.conflict
        outcome = resolve_in_model(
            self.db, conflict, dialog.keep_event_id, dialog.reason, self.desk, self.clock
        )
        messages = {
            ResolveOutcome.RESOLVED: self.tr("✔ Conflit résolu ({kind}, {member}) : motif noté."),
            ResolveOutcome.REASON_REQUIRED: self.tr("✖ Un motif est obligatoire."),
            ResolveOutcome.NOT_A_PARTY: self.tr("✖ Ce fait ne fait pas partie du conflit."),
            ResolveOutcome.ALREADY_RESOLVED: self.tr("Ce conflit était déjà résolu."),
        }
        self.show_message(
            messages[outcome].format(kind=conflict.kind.label, member=conflict.member_name or "")
        )
        self.refresh()
        self._show_tab(1, self.conflicts_view)

    # --- desk set-up and reports ------------------------------------------------------------

    def prepare_desk(self) -> None:
        label, ok = QInputDialog.getText(
            self, self.tr("Préparer un poste"), self.tr("Nom du poste (ex. Guichet 2) :")
        )
        if not ok or not label.strip():
            return
        suggested = self.db_path.parent / (
            "-".join(label.strip().lower().split()) + ".guichet.sqlite"
        )
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Fichier du poste à créer"),
            str(suggested),
            self.tr("Fichiers Guichet (*.sqlite)"),
        )
        if not target:
            return
        office, desk_path, name = self.db_path, Path(target), label.strip()

        def work(progress: Progress) -> object:
            from desktop.models.desk_setup import create_desk

            return create_desk(office, desk_path, name)

        self.prepare_button.setEnabled(False)
        self.tasks.start(self.tr("Préparation du poste…"), work, self._desk_ready, self._failed)

    def _desk_ready(self, created: Any) -> None:
        self.prepare_button.setEnabled(True)
        self.history_tab.refresh()  # the new desk: "aucun export reçu"
        self.show_message(
            self.tr(
                "✔ Poste « {label} » préparé : {path} (clé : {key}). Copiez ces deux fichiers "
                "sur le portable du poste ; la clé ne doit pas sortir de ce portable."
            ).format(label=created.label, path=created.db_path, key=created.key_path.name)
        )

    def write_reports(self) -> None:
        weekends = sorted({s.weekend for s in all_sessions(self.db) if s.weekend is not None})
        choices = [self.tr("Toute la convention")] + [
            self.tr("Week-end {n}").format(n=n) for n in weekends
        ]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Rapports"), self.tr("Période :"), choices, 0, False
        )
        if not ok:
            return
        weekend = None if choices.index(choice) == 0 else weekends[choices.index(choice) - 1]
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier des rapports"), str(self.db_path.parent)
        )
        if not folder:
            return
        office, clock, out = self.db_path, self.clock, Path(folder)

        def work(progress: Progress) -> object:
            from desktop.models.reports import write_reports

            return write_reports(office, out, weekend, clock=clock)

        self.reports_button.setEnabled(False)
        self.tasks.start(self.tr("Rapports en cours…"), work, self._reports_done, self._failed)

    def _reports_done(self, files: Any) -> None:
        self.reports_button.setEnabled(True)
        self.last_report_files = files
        self.show_message(
            self.tr("✔ Rapport écrit : {count} fichiers dans {folder} (PDF : {pdf}).").format(
                count=len(files.written), folder=files.out_dir, pdf=files.pdf.name
            )
        )
        if self.preview_documents:
            from desktop.ui.pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(files.pdf, self).exec()


def run_office(
    db_path: Path,
    agent: str,
    clock: Clock | None = None,
    password_file: Path | None = None,
) -> int:
    """The office window on `db_path` (for `guichet --office FILE --agent NAME`); exit code.
    Once the office file has accounts, the agent logs in first (or --password-file), as at
    a desk: merges and conflict choices are then written under a proven name."""
    from desktop.app import (
        EXIT_ALREADY_OPEN,
        EXIT_FILE_ERROR,
        _refuse,
        acquire_lock,
        make_application,
    )
    from desktop.models.clock import system_clock
    from desktop.models.journal import local_desk
    from desktop.models.storage import StorageError, open_database

    app = make_application()
    db_path = Path(db_path).resolve()
    if not db_path.is_file():
        return _refuse(f"Fichier du bureau introuvable : {db_path}", EXIT_FILE_ERROR)
    lock = acquire_lock(db_path)
    if lock is None:
        return _refuse(f"Guichet est déjà ouvert sur ce fichier ({db_path}).", EXIT_ALREADY_OPEN)
    try:
        db = open_database(db_path)
    except StorageError as exc:
        lock.unlock()
        return _refuse(str(exc), EXIT_FILE_ERROR)
    from desktop.ui import login_dialog

    who = login_dialog.login_for_start(db, agent, password_file, clock or system_clock)
    if who == login_dialog.REFUSED:
        db.close()
        lock.unlock()
        return _refuse(login_dialog.last_refusal or "Connexion annulée.", EXIT_FILE_ERROR)
    if who is not None:
        agent = who.name  # type: ignore[union-attr]
    try:
        window = OfficeWindow(db, db_path, local_desk(db, agent), clock or system_clock)
    except LookupError as exc:
        db.close()
        lock.unlock()
        return _refuse(str(exc), EXIT_FILE_ERROR)
    window.show()
    window.raise_()
    window.activateWindow()
    from desktop.ui.previews import sweep_after_start

    sweep_after_start()  # preview folders a crashed run left, once the window is up
    code = app.exec()
    db.close()
    lock.unlock()
    return int(code)
