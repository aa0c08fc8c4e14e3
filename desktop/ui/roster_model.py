"""The session roster as a Qt table model, fed with frozen RosterRow records."""

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.models.attendance import RosterRow
from desktop.models.clock import paris_hhmm
from desktop.models.text import fold

COL_SURNAME, COL_FIRST_NAME, COL_COMMUNE, COL_PRESENCE, COL_ARRIVAL, COL_METHOD, COL_DESK = range(7)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # bool: present
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2  # member id
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # folded name + commune
CHECKIN_ROLE = Qt.ItemDataRole.UserRole + 4  # id of the live check-in fact, or None

Index = QModelIndex | QPersistentModelIndex


class RosterModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RosterRow] = []
        self._position: dict[str, int] = {}
        self._headers = [
            self.tr("Nom"),
            self.tr("Prénom"),
            self.tr("Commune"),
            self.tr("Présence"),
            self.tr("Arrivée"),
            self.tr("Mode"),
            self.tr("Guichet"),
        ]

    def set_rows(self, rows: list[RosterRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._position = {row.member_id: i for i, row in enumerate(self._rows)}
        self.endResetModel()

    def update_row(self, row: RosterRow) -> None:
        """One member changed (check-in, undo): repaint that row only."""
        position = self._position.get(row.member_id)
        if position is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(row)
            self._position[row.member_id] = len(self._rows) - 1
            self.endInsertRows()
            return
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, COL_DESK))

    def row_at(self, position: int) -> RosterRow:
        return self._rows[position]

    def position_of(self, member_id: str) -> int | None:
        return self._position.get(member_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == STATUS_ROLE:
            return row.present
        if role == MEMBER_ROLE:
            return row.member_id
        if role == SEARCH_ROLE:
            return row.search_key
        if role == CHECKIN_ROLE:
            return row.checkin_id
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_PRESENCE:
            return QBrush(QColor("#1b5e20" if row.present else "#5f4300"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, index.column())
        return None

    def _display(self, row: RosterRow, column: int) -> str:
        if column == COL_SURNAME:
            return row.surname
        if column == COL_FIRST_NAME:
            return row.first_name
        if column == COL_COMMUNE:
            return row.commune
        if column == COL_PRESENCE:
            if row.present:
                return self.tr("✔ présent·e")
            return (
                self.tr("attendu·e (suppléant·e)")
                if row.status == "suppléant"
                else self.tr("attendu·e")
            )
        if column == COL_ARRIVAL:
            return paris_hhmm(row.arrived_at) if row.arrived_at else ""
        if column == COL_METHOD:
            return {"qr": self.tr("QR"), "manuel": self.tr("manuel")}.get(row.method or "", "")
        if column == COL_DESK:
            return row.desk_label or ""
        return ""


class RosterFilter(QSortFilterProxyModel):
    """Accent- and case-insensitive search as you type: "emilie" finds "Émilie",
    "saint jean" finds "Saint-Jean"."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        key = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
        return all(word in key for word in self._words)
