"""The office window's "Historique des imports" tab: every desk export ever merged into the
office file (not only this run's), newest first, with the office agent who merged it ("—" when
not recorded: merged before this was kept, or by `guichet merge` without an agent), and above
the list one line per desk laptop registered at the office: its last export merged, or "aucun
export reçu" in the error colour.
Thin: one model call (import_history) per refresh; the office window refreshes it after each
merge and on F5."""

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from desktop.models.clock import french_date, from_utc_text, paris_day, paris_hhmm
from desktop.models.import_history import DeskImports, ImportHistory, ImportRecord, import_history
from desktop.ui.office_window import RecordsModel, RecordsView, when
from desktop.ui.theme import error_style

FILE_COLUMN = 3
NO_AGENT = "—"  # an import whose agent was not recorded: never a name nobody typed


class ImportHistoryTab(QWidget):
    def __init__(self, db: sqlite_utils.Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.history = ImportHistory((), ())
        self.setObjectName("importHistoryTab")
        self.setAccessibleName(self.tr("Historique des imports"))
        self._anomaly_names = {
            "contenu_different": self.tr("contenu différent"),
            "poste_copie": self.tr("poste copié"),
        }
        self.summary = QLabel()
        self.summary.setObjectName("importHistorySummary")
        self.summary.setWordWrap(True)
        self.desks_box = QWidget()
        self.desks_box.setObjectName("importHistoryDesks")
        self.desks_box.setAccessibleName(self.tr("Exports reçus par poste"))
        self.desks_layout = QVBoxLayout(self.desks_box)
        self.desks_layout.setContentsMargins(0, 0, 0, 0)
        self.desk_labels: list[QLabel] = []
        self.model = RecordsModel(
            [
                self.tr("Importé le"),
                self.tr("Importé par"),
                self.tr("Poste"),
                self.tr("Fichier"),
                self.tr("Exporté le"),
                self.tr("Faits"),
                self.tr("Faits nouveaux"),
                self.tr("Dernier n°"),
                self.tr("Anomalies"),
                self.tr("Empreinte (SHA-256)"),
            ],
            self.record_cells,
            self,
        )
        self.view = RecordsView(self.model, "importHistoryView", self.tr("Historique des imports"))
        # Ten columns in the window's width: the file name (long, and whole in its tooltip)
        # takes what is left, shortened in its middle, where the desk and time are the same.
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FILE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.desks_box)
        layout.addWidget(self.view, 1)

    # --- text -----------------------------------------------------------------------------

    def record_cells(self, record: ImportRecord) -> tuple[str, ...]:
        return (
            when(record.imported_at),
            record.agent or NO_AGENT,
            record.desk_label,
            record.file_name,
            when(record.exported_at),
            str(record.event_count),
            str(record.new_events),
            str(record.last_seq),
            self.anomalies_text(record),
            record.sha256_short,
        )

    def anomalies_text(self, record: ImportRecord) -> str:
        if not record.anomalies:
            return self.tr("aucune")
        kinds = [(self._anomaly_names.get(k, k), n) for k, n in record.anomaly_kinds]
        if len(kinds) == 1:
            detail = kinds[0][0]
        else:
            detail = ", ".join(
                self.tr("{kind} : {count}").format(kind=k, count=n) for k, n in kinds
            )
        if not detail:
            return self.tr("⚠ {count}").format(count=record.anomalies)
        return self.tr("⚠ {count} ({detail})").format(count=record.anomalies, detail=detail)

    def desk_line(self, desk: DeskImports) -> str:
        last = desk.last_import
        if last is None:
            return self.tr("{desk} : aucun export reçu").format(desk=desk.label)
        day = french_date(paris_day(from_utc_text(last.imported_at)))
        hour = paris_hhmm(last.imported_at)
        if last.agent:
            return self._desk_line_by(desk, day, hour, last.agent)
        if not desk.last_seq_merged:
            return self.tr("{desk} : dernier export importé le {day} à {hour} (aucun fait)").format(
                desk=desk.label, day=day, hour=hour
            )
        return self.tr("{desk} : dernier export importé le {day} à {hour} (n° {seq})").format(
            desk=desk.label, day=day, hour=hour, seq=desk.last_seq_merged
        )

    def _desk_line_by(self, desk: DeskImports, day: str, hour: str, agent: str) -> str:
        """The same line, naming the office agent who merged that export."""
        if not desk.last_seq_merged:
            return self.tr(
                "{desk} : dernier export importé le {day} à {hour} par {agent} (aucun fait)"
            ).format(desk=desk.label, day=day, hour=hour, agent=agent)
        return self.tr(
            "{desk} : dernier export importé le {day} à {hour} par {agent} (n° {seq})"
        ).format(desk=desk.label, day=day, hour=hour, agent=agent, seq=desk.last_seq_merged)

    def summary_text(self, history: ImportHistory) -> str:
        if not history.desks:
            return self.tr(
                "{files} export(s) importé(s). Aucun poste inscrit : préparez-en un (Ctrl+N)."
            ).format(files=len(history.records))
        return self.tr(
            "{files} export(s) importé(s) ; {missing} poste(s) sur {desks} sans export reçu."
        ).format(
            files=len(history.records),
            missing=len(history.missing),
            desks=len(history.desks),
        )

    # --- refresh --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the history again (after a merge, a desk prepared, F5)."""
        self.history = import_history(self.db)
        self.summary.setText(self.summary_text(self.history))
        self.summary.setAccessibleName(self.summary.text())
        while len(self.desk_labels) < len(self.history.desks):
            label = QLabel()
            label.setObjectName(f"importHistoryDesk{len(self.desk_labels) + 1}")
            label.setWordWrap(True)
            self.desks_layout.addWidget(label)
            self.desk_labels.append(label)
        for index, label in enumerate(self.desk_labels):
            if index >= len(self.history.desks):
                label.hide()
                continue
            desk = self.history.desks[index]
            label.setText(self.desk_line(desk))
            label.setAccessibleName(label.text())
            label.setProperty("received", desk.received)
            label.setStyleSheet("" if desk.received else error_style())
            label.show()
        self.desks_box.setVisible(bool(self.history.desks))
        self.model.set_records(self.history.records)

    def visible_desk_lines(self) -> list[str]:
        """The desk lines as shown, in order (for the tests and the accessibility check)."""
        return [label.text() for label in self.desk_labels if not label.isHidden()]
