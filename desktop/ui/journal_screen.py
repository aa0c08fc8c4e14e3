"""The journal screen: every fact of the log, filtered, exported, and whether the log is intact.

Top: the hash-chain state of each desk (`journal_view.desk_chains`, checked on a background
task with its own read-only connection: 200 000 facts take a few seconds), "✔ Journal intact"
or "✖ Journal modifié après coup : le fait n° …". Filters: member (Alt+M, accents ignored),
agent (Alt+A), kind of fact (Alt+F), from / to (Alt+D / Alt+U, "—" for no bound); each change
re-queries after a short pause. The table (`JournalModel`, newest first) loads a page at a time
as it scrolls (`canFetchMore`/`fetchMore` over `journal_view.query_journal`). "Exporter en
CSV…" (Ctrl+S) writes what the filters select (`journal_view.export_csv`) on a background task.
"""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import journal_view
from desktop.models.clock import PARIS, Clock
from desktop.models.journal_view import DeskChain, JournalFilter, JournalRow
from desktop.ui.field_keys import window_keys_first
from desktop.ui.tasks import TaskRunner
from desktop.ui.theme import error_colour, presence_colour
from desktop.ui.wording import ICONS
from desktop.ui.wording import Role as ColourRole

COL_TIME, COL_DESK, COL_AGENT, COL_KIND, COL_MEMBER, COL_SESSION, COL_DETAIL = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("journal", "Heure"),
    QT_TRANSLATE_NOOP("journal", "Poste"),
    QT_TRANSLATE_NOOP("journal", "Agent"),
    QT_TRANSLATE_NOOP("journal", "Fait"),
    QT_TRANSLATE_NOOP("journal", "Membre"),
    QT_TRANSLATE_NOOP("journal", "Session"),
    QT_TRANSLATE_NOOP("journal", "Détail"),
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
NO_BOUND = QDateTime(2000, 1, 1, 0, 0, 0)  # the date edits' "—"
FILTER_DELAY_MS = 250
Index = QModelIndex | QPersistentModelIndex


# The kinds of fact in the desk's language on screen (the CSV keeps the French words): this
# table is read by resources/i18n/update_translations.py.
_KIND_WORDS = journal_view.KIND_WORDS


def tr(text: str) -> str:
    return QCoreApplication.translate("journal", text)


def _open_read_only(path: Path) -> sqlite_utils.Database:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    return sqlite_utils.Database(conn)


class JournalModel(QAbstractTableModel):
    """Facts newest first, a page fetched when the view scrolls to the end."""

    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.filter = JournalFilter()
        self.rows: list[JournalRow] = []
        self._more = True

    def set_filter(self, filt: JournalFilter) -> None:
        self.beginResetModel()
        self.filter = filt
        self.rows = journal_view.query_journal(self.db, filt)
        self._more = len(self.rows) == journal_view.PAGE_SIZE
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and bool(self.rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = journal_view.query_journal(self.db, self.filter, after=self.rows[-1].cursor)
        self._more = len(page) == journal_view.PAGE_SIZE
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(str(HEADERS[section]))
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.voided:
            return QColor("#555555")
        return None

    @staticmethod
    def _text(row: JournalRow, column: int) -> str:
        if column == COL_TIME:
            return row.paris_time
        if column == COL_DESK:
            return f"{row.desk_label} n° {row.seq}"
        if column == COL_AGENT:
            return row.agent
        if column == COL_KIND:
            return tr(row.kind_words)
        if column == COL_MEMBER:
            return row.member_name
        if column == COL_SESSION:
            return row.session_label
        detail = row.detail
        if row.voided:
            detail = tr("✖ annulé depuis") + (" · " + detail if detail else "")
        return detail


class JournalScreen(QDialog):
    exported = Signal(str, int)  # path, facts written

    def __init__(
        self,
        db: sqlite_utils.Database,
        clock: Clock,
        tasks: TaskRunner,
        db_path: Path | str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.clock, self.tasks = db, clock, tasks
        self.db_path = Path(db_path) if db_path is not None else None
        self.chains: list[DeskChain] = []
        self.setObjectName("journalScreen")
        self.setWindowTitle(tr("Journal des faits"))
        self.resize(1200, 800)

        self.chain_label = QLabel(tr("Vérification du journal…"), self)
        self.chain_label.setObjectName("journalChain")
        self.chain_label.setAccessibleName(tr("État du journal"))
        self.chain_label.setWordWrap(True)
        self.chain_label.setStyleSheet("font-size: 13pt; font-weight: bold;")

        self.member_edit = QLineEdit(self)
        self.member_edit.setObjectName("journalMember")
        self.member_edit.setAccessibleName(tr("Filtrer par membre"))
        self.member_edit.setPlaceholderText(tr("nom, prénom ou commune"))
        self.member_edit.setClearButtonEnabled(True)
        self.agent_combo = QComboBox(self)
        self.agent_combo.setObjectName("journalAgent")
        self.agent_combo.setAccessibleName(tr("Filtrer par agent"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("journalKind")
        self.kind_combo.setAccessibleName(tr("Filtrer par sorte de fait"))
        self.since_edit = self._date_edit("journalSince", tr("Depuis"))
        self.until_edit = self._date_edit("journalUntil", tr("Jusqu'à"))
        self._fill_choices()

        self.model = JournalModel(db, self)
        self.table = QTableView(self)
        self.table.setObjectName("journalTable")
        self.table.setAccessibleName(tr("Faits du journal, le plus récent en premier"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("journalCount")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("journalStatus")
        self.status_label.setWordWrap(True)
        self.export_button = QPushButton(tr("E&xporter en CSV…"), self)
        self.export_button.setObjectName("journalExport")
        self.export_button.setToolTip(tr("Exporter les faits filtrés (Ctrl+S)"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_csv)
        close = QPushButton(tr("Fermer"), self)
        close.setObjectName("journalClose")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.export_csv)
        window_keys_first(self)  # Ctrl+S from the member filter too (X11 bindings)

        filters = QHBoxLayout()
        for text, widget in (
            (tr("&Membre :"), self.member_edit),
            (tr("&Agent :"), self.agent_combo),
            (tr("&Fait :"), self.kind_combo),
            (tr("&Du :"), self.since_edit),
            (tr("a&u :"), self.until_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 2 if widget is self.member_edit else 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.export_button)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.member_edit.textChanged.connect(self._debounce.start)
        self.agent_combo.currentIndexChanged.connect(self._debounce.start)
        self.kind_combo.currentIndexChanged.connect(self._debounce.start)
        self.since_edit.dateTimeChanged.connect(self._debounce.start)
        self.until_edit.dateTimeChanged.connect(self._debounce.start)
        self.apply_filter()
        self.check_chains()
        self.member_edit.setFocus()

    # The filters re-query only while the screen is shown: a change still waiting for its pause
    # when the screen closes must not run later, after the database it reads was closed
    # ("Cannot operate on a closed database" raised from the timer's slot).
    def hideEvent(self, event: QHideEvent) -> None:
        self._debounce.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.model.filter != self.current_filter():  # changed just before it was hidden
            self.apply_filter()

    def _date_edit(self, name: str, label: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        edit.setMinimumDateTime(NO_BOUND)
        edit.setSpecialValueText("—")
        edit.setDateTime(NO_BOUND)
        edit.setCalendarPopup(True)
        return edit

    def _fill_choices(self) -> None:
        self.agent_combo.addItem(tr("Tous les agents"), "")
        for agent in journal_view.agents(self.db):
            self.agent_combo.addItem(agent, agent)
        self.kind_combo.addItem(tr("Tous les faits"), "")
        for kind, words in journal_view.kinds(self.db):
            self.kind_combo.addItem(tr(words), kind)

    # --- filtering --------------------------------------------------------------------------

    @staticmethod
    def _bound(edit: QDateTimeEdit) -> datetime | None:
        value = edit.dateTime()
        if value <= NO_BOUND:
            return None
        local = value.toPython()
        assert isinstance(local, datetime)
        return local.replace(tzinfo=PARIS).astimezone(UTC)

    def current_filter(self) -> JournalFilter:
        return JournalFilter(
            member=self.member_edit.text(),
            agent=str(self.agent_combo.currentData() or ""),
            kind=str(self.kind_combo.currentData() or ""),
            since=self._bound(self.since_edit),
            until=self._bound(self.until_edit),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        filt = self.current_filter()
        self.model.set_filter(filt)
        count = journal_view.count_journal(self.db, filt)
        self.count_label.setText(
            tr("1 fait")
            if count == 1
            else tr("{n} faits").format(n=f"{count:,}".replace(",", "\u202f"))
        )

    # --- chain ------------------------------------------------------------------------------

    def check_chains(self) -> None:
        path = self.db_path
        if path is None:
            self._show_chains(journal_view.desk_chains(self.db))
            return

        def work(_progress: Any) -> list[DeskChain]:
            db = _open_read_only(path)
            try:
                return journal_view.desk_chains(db)
            finally:
                db.close()

        self.tasks.start(tr("Vérification du journal"), work, self._show_chains, self._chain_failed)

    def _show_chains(self, chains: list[DeskChain]) -> None:
        self.chains = chains
        if not chains:
            self.chain_label.setText(tr("Journal vide."))
            return
        lines = []
        for state in chains:
            role = ColourRole.SUCCESS if state.intact else ColourRole.ERROR
            lines.append(f"{ICONS[role]} {state.desk_label} : {state.message}")
        broken = not all(state.intact for state in chains)
        # The theme's text colours (readable on the window, high contrast included).
        colour = error_colour() if broken else presence_colour(True)
        self.chain_label.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {colour};")
        self.chain_label.setText("\n".join(lines))

    def _chain_failed(self, exc: Exception) -> None:
        self.chain_label.setText(
            f"{ICONS[ColourRole.ERROR]} "
            + tr("Vérification impossible : {error}").format(error=exc)
        )

    # --- export -----------------------------------------------------------------------------

    def export_csv(self) -> None:
        suggested = f"journal-{self.clock().astimezone(PARIS):%Y%m%d-%H%M}.csv"
        folder = self.db_path.parent if self.db_path is not None else Path.home()
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Exporter le journal"), str(folder / suggested), tr("Fichier CSV (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        filt, source = self.current_filter(), self.db_path
        self.status_label.setText(tr("Export en cours…"))
        if source is None:
            self._exported(path, journal_view.export_csv(self.db, path, filt))
            return

        def work(_progress: Any) -> tuple[Path, int]:
            db = _open_read_only(source)
            try:
                return path, journal_view.export_csv(db, path, filt)
            finally:
                db.close()

        self.tasks.start(
            tr("Export du journal"), work, lambda done: self._exported(*done), self._export_failed
        )

    def _exported(self, path: Path, count: int) -> None:
        self.status_label.setText(
            f"{ICONS[ColourRole.SUCCESS]} "
            + tr("{n} faits exportés dans {path}").format(n=count, path=path)
        )
        self.exported.emit(str(path), count)

    def _export_failed(self, exc: Exception) -> None:
        self.status_label.setText(
            f"{ICONS[ColourRole.ERROR]} " + tr("Export impossible : {error}").format(error=exc)
        )
