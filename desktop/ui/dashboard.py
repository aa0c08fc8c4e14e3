"""The live dashboard: present / expected, arrivals over time, meals, tickets, parking.

Thin: `refresh()` reads one `dashboard_data.snapshot` and shows it. The window calls
`refresh()` after each recorded fact; a timer refreshes it anyway (facts merged from
elsewhere, the clock moving on). `print_pdf(path)` grabs the widget on the GUI thread and
writes the PDF on a worker; F5 refreshes, Ctrl+P prints.
"""

from collections.abc import Callable
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QMarginsF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPdfWriter,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import dashboard_data
from desktop.models.clock import PARIS, Clock, french_date
from desktop.models.convention import Session
from desktop.models.dashboard_data import ArrivalSlot, Snapshot
from desktop.models.journal import Desk
from desktop.models.money import format_cents
from desktop.ui.previews import preview_path
from desktop.ui.screen_fit import fit_to_screen, large_text, scroll_page
from desktop.ui.tasks import TaskRunner
from desktop.ui.wording import session_title

REFRESH_MS = 30_000
BAR = QColor("#1f3b68")  # dark blue: 11:1 on white; every bar also carries its number
INK = QColor("#1c262b")
GRID = QColor("#b0bec5")


class ArrivalsChart(QWidget):
    """Arrivals per time slot as bars, the count written above each bar, the running total
    of present members below the time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("arrivalsChart")
        self.setAccessibleName(self.tr("Arrivées au fil du temps"))
        self.setMinimumHeight(220)
        self.slots: tuple[ArrivalSlot, ...] = ()

    def set_slots(self, slots: tuple[ArrivalSlot, ...]) -> None:
        self.slots = slots
        parts = [self.tr("{time} : {count}").format(time=s.label, count=s.arrivals) for s in slots]
        self.setAccessibleDescription(
            self.tr("Arrivées par tranche : {series}").format(series=", ".join(parts))
            if parts
            else self.tr("Aucune arrivée pour l'instant")
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        if not self.slots:
            painter.setPen(INK)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Aucune arrivée pour l'instant")
            )
            return
        left, right, top, bottom = 12, 12, line + 8, 2 * line + 10
        area = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        peak = max(s.arrivals for s in self.slots) or 1
        step = area.width() / len(self.slots)
        painter.setPen(GRID)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        every = max(
            1,
            round(
                len(self.slots) / max(1, area.width() / (metrics.horizontalAdvance("00:00") + 12))
            ),
        )
        for index, slot in enumerate(self.slots):
            x = area.left() + index * step
            height = area.height() * slot.arrivals / peak
            width = min(step * 0.7, 72.0)  # two slots must not look like two walls
            bar = QRectF(x + (step - width) / 2, area.bottom() - height, width, height)
            painter.fillRect(bar, BAR)
            painter.setPen(INK)
            if slot.arrivals:
                painter.drawText(
                    QRectF(x, bar.top() - line - 2, step, line),
                    Qt.AlignmentFlag.AlignCenter,
                    str(slot.arrivals),
                )
            if index % every == 0:
                painter.drawText(
                    QRectF(x - step, area.bottom() + 4, 3 * step, line),
                    Qt.AlignmentFlag.AlignCenter,
                    slot.label,
                )
                painter.drawText(
                    QRectF(x - step, area.bottom() + 4 + line, 3 * step, line),
                    Qt.AlignmentFlag.AlignCenter,
                    self.tr("({total})").format(total=slot.cumulative),
                )
        painter.end()


class Dashboard(QWidget):
    """The dashboard of one session at this desk."""

    refreshed = Signal(object)  # Snapshot

    def __init__(
        self,
        db: sqlite_utils.Database,
        desk: Desk,
        clock: Clock,
        session: Session | None = None,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
        show_pdf: Callable[[Path], None] | None = None,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Tableau de bord"))
        self.db, self.desk, self.clock = db, desk, clock
        self.session = session
        self.tasks = tasks or TaskRunner(self)
        self._show_pdf = show_pdf
        self.last: Snapshot | None = None
        self._build()
        # Refreshed by the timer while shown, never behind the agent's back once closed.
        self.timer = QTimer(self, interval=max(refresh_ms, 0))
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.timer.interval() > 0:
            self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # --- construction -------------------------------------------------------------------

    def _tile(self, name: str, heading: str) -> tuple[QFrame, QLabel, QLabel]:
        """A framed box: a heading, the figure in large type, a line of detail."""
        frame = QFrame()
        frame.setObjectName(name + "Tile")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet(
            f"QFrame#{name}Tile {{ background: #eceff1; border: 1px solid #90a4ae; "
            "border-radius: 4px; } QLabel { color: #1c262b; }"
        )
        column = QVBoxLayout(frame)
        title = QLabel(heading, wordWrap=True)
        title.setStyleSheet("font-size: 11pt; font-weight: bold;")
        value = QLabel()
        value.setObjectName(name)
        value.setAccessibleName(heading)
        value.setStyleSheet("font-size: 22pt; font-weight: bold;")
        detail = QLabel()
        detail.setObjectName(name + "Detail")
        detail.setAccessibleName(self.tr("{heading} : détail").format(heading=heading))
        detail.setWordWrap(True)
        detail.setStyleSheet("font-size: 11pt;")
        detail.setMinimumHeight(detail.fontMetrics().height() * 4)
        column.addWidget(title)
        column.addWidget(value)
        column.addWidget(detail)
        column.addStretch(1)
        return frame, value, detail

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        # What is printed: everything but the buttons, on white paper.
        self.sheet = QWidget()
        self.sheet.setObjectName("dashboardSheet")
        # Dark on white in every theme (the high-contrast one included: 17:1), as printed.
        self.sheet.setStyleSheet(
            "QWidget#dashboardSheet { background: white; } "
            "QWidget#dashboardSheet QLabel { color: #111827; }"
        )
        # The sheet scrolls when the window is smaller than it (200 % text on a laptop): its
        # four tiles side by side then needed 1 400 px and pushed the buttons off the screen.
        page, column = scroll_page(self, "dashboardPage")
        column.addWidget(self.sheet)
        outer.addWidget(page, 1)
        layout = QVBoxLayout(self.sheet)
        header = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if large_text() else QBoxLayout.Direction.LeftToRight
        )
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("dashboardTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.updated = QLabel(wordWrap=large_text())  # beside the title at 100 %: one line
        self.updated.setObjectName("dashboardUpdated")
        header.addWidget(self.title, 1)
        header.addWidget(self.updated)
        layout.addLayout(header)

        tiles = QGridLayout()
        boxes = [
            self._tile("dashboardPresence", self.tr("Présents")),
            self._tile("dashboardMeals", self.tr("Repas")),
            self._tile("dashboardTickets", self.tr("Titres de transport remis")),
            self._tile("dashboardParking", self.tr("Parking")),
        ]
        (_, self.presence, self.presence_detail), (_, self.meals, self.meals_detail) = boxes[:2]
        (_, self.tickets, self.tickets_detail), (_, self.parking, self.parking_detail) = boxes[2:]
        per_row = 2 if large_text() else 4
        for at, (frame, _value, _detail) in enumerate(boxes):
            tiles.addWidget(frame, at // per_row, at % per_row)
            tiles.setColumnStretch(at % per_row, 1)
        layout.addLayout(tiles)

        chart_label = QLabel(
            self.tr("Arrivées par tranche de 10 minutes (entre parenthèses : présents cumulés)"),
            wordWrap=True,
        )
        layout.addWidget(chart_label)
        self.chart = ArrivalsChart()
        layout.addWidget(self.chart, 2)

        self.stock_label = QLabel(wordWrap=True)
        self.stock_label.setObjectName("dashboardStockTitle")
        layout.addWidget(self.stock_label)
        headers = [
            self.tr("Titre"),
            self.tr("Ouverture"),
            self.tr("Remis"),
            self.tr("Rendus"),
            self.tr("Abîmés"),
            self.tr("Attendu"),
            self.tr("Compté"),
            self.tr("Écart"),
        ]
        self.stock = QTableWidget(0, len(headers))
        self.stock.setObjectName("dashboardStock")
        self.stock.setAccessibleName(self.tr("Titres de transport et stock du guichet"))
        self.stock.setHorizontalHeaderLabels(headers)
        self.stock.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stock.verticalHeader().setVisible(False)
        header = self.stock.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # 200 % text
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stock.setMaximumHeight(130)
        layout.addWidget(self.stock, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Actualiser (F5)"))
        self.refresh_button.setObjectName("dashboardRefresh")
        self.refresh_button.setAccessibleName(self.tr("Actualiser le tableau de bord"))
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button = QPushButton(self.tr("Imprimer… (Ctrl+P)"))
        self.print_button.setObjectName("dashboardPrint")
        self.print_button.setAccessibleName(self.tr("Imprimer le tableau de bord"))
        self.print_button.clicked.connect(lambda: self.print_pdf())
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.print_button)
        outer.addLayout(buttons)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.print_pdf())
        fit_to_screen(self, 1000, 720)

    # --- showing ------------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        now = self.clock()
        if self.session is None:
            self.last = None
            self.title.setText(self.tr("Aucune séance aujourd'hui"))
            for label in self._figures():
                label.clear()
            self.chart.set_slots(())
            self.stock.setRowCount(0)
            return
        shot = dashboard_data.snapshot(self.db, self.session, self.desk.desk_id, now)
        self.last = shot
        self.title.setText(session_title(self.session))
        self.updated.setText(
            self.tr("Mis à jour le {day} à {time}").format(
                day=french_date(now.astimezone(PARIS).date()),
                time=now.astimezone(PARIS).strftime("%H:%M:%S"),
            )
        )
        self._show_presence(shot)
        self._show_meals(shot)
        self._show_tickets(shot)
        self._show_parking(shot)
        self.chart.set_slots(shot.arrivals)
        self._show_stock(shot)
        self.refreshed.emit(shot)

    def _figures(self) -> tuple[QLabel, ...]:
        return (
            self.presence,
            self.presence_detail,
            self.meals,
            self.meals_detail,
            self.tickets,
            self.tickets_detail,
            self.parking,
            self.parking_detail,
            self.stock_label,
        )

    def _show_presence(self, shot: Snapshot) -> None:
        counts = shot.counts
        share = round(100 * counts.present / counts.expected) if counts.expected else 0
        self.presence.setText(f"{counts.present} / {counts.expected}")
        self.presence_detail.setText(
            self.tr("{share} % des membres attendus sont arrivés ; {missing} à venir.").format(
                share=share, missing=max(counts.expected - counts.present, 0)
            )
        )

    def _show_meals(self, shot: Snapshot) -> None:
        meals = shot.meals
        if meals is None:
            self.meals.setText("—")
            self.meals_detail.setText(self.tr("Pas de déjeuner à cette séance."))
            return
        served = meals.served_members + meals.served_guests + meals.served_unknown
        self.meals.setText(
            self.tr("{served} / {passes} servis").format(served=served, passes=meals.passes)
        )
        self.meals_detail.setText(
            self.tr(
                "Tickets repas remis : {members} membres (sur {expected} attendus) et "
                "{guests} autres convives."
            ).format(
                members=meals.member_passes,
                expected=shot.counts.expected,
                guests=meals.guest_passes,
            )
        )

    def _show_tickets(self, shot: Snapshot) -> None:
        handed = sum(line.handed_out for line in shot.stock.lines)
        active = [line for line in shot.stock.lines if line.active]
        self.tickets.setText(str(handed))
        if any(line.opening for line in active):
            text = self.tr("Reste attendu en caisse : {left}.").format(
                left=sum(line.expected for line in active)
            )
        else:
            text = self.tr("Stock d'ouverture non compté.")
        if shot.stock.expired_value_cents:
            text += " " + self.tr("Titres périmés : {value} perdus.").format(
                value=format_cents(shot.stock.expired_value_cents)
            )
        self.tickets_detail.setText(text)

    def _show_parking(self, shot: Snapshot) -> None:
        totals = shot.parking
        self.parking.setText(format_cents(totals.total_cents))
        parts = [self.tr("{count} justificatif(s)").format(count=totals.receipts)]
        parts += [
            self.tr("{status} : {count}").format(status=status.value, count=count)
            for status, count, _cents in totals.by_status
            if count
        ]
        self.parking_detail.setText(" · ".join(parts))

    def _show_stock(self, shot: Snapshot) -> None:
        stock = shot.stock
        state = self.tr("journée close") if stock.closed else self.tr("journée ouverte")
        self.stock_label.setText(
            self.tr("Titres de transport — {desk}, {day} ({state})").format(
                desk=stock.desk_label, day=french_date(stock.day), state=state
            )
        )
        lines = [line for line in stock.lines if line.active or line.product.active]
        self.stock.setRowCount(len(lines))
        for row, line in enumerate(lines):
            difference = line.difference
            values = (
                line.product.name,
                str(line.opening),
                str(line.handed_out),
                str(line.returned),
                str(line.spoiled),
                str(line.expected),
                "—" if line.closing is None else str(line.closing),
                "—" if difference is None else f"{difference:+d}",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.stock.setItem(row, column, item)

    # --- printing -----------------------------------------------------------------------

    def print_pdf(self, out: Path | None = None) -> None:
        """Grab the dashboard now and write it to `out` (a PDF, A4 landscape) on a worker."""
        target = out or preview_path("tableau-de-bord.pdf")  # removed when Guichet quits
        image = self.sheet.grab().toImage()
        title = self.title.text()
        self.print_button.setEnabled(False)
        self.tasks.start(
            self.tr("Tableau de bord en PDF…"),
            lambda _progress: write_image_pdf(image, target, title),
            self._printed,
            self._print_failed,
        )

    def _printed(self, path: Path) -> None:
        self.print_button.setEnabled(True)
        if self._show_pdf is not None:
            self._show_pdf(path)
        else:
            from desktop.ui.pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, self).exec()

    def _print_failed(self, exc: Exception) -> None:
        self.print_button.setEnabled(True)
        self.updated.setText(self.tr("Impression impossible : {error}").format(error=exc))


def write_image_pdf(image: QImage, out: Path, title: str) -> Path:
    """`image` on one A4 landscape page, as large as fits, with `title` as metadata. Safe on
    a worker thread (QPdfWriter and QImage need no GUI thread)."""
    writer = QPdfWriter(str(out))
    writer.setTitle(title)
    writer.setCreator("Guichet")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Impossible d'écrire {out}")
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        scale = min(page.width() / image.width(), page.height() / image.height())
        target = QRectF(0, 0, image.width() * scale, image.height() * scale)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)
    finally:
        painter.end()
    return out
