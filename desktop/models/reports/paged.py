"""A long table laid out one page at a time, for reports of thousands of rows.

reportlab's LongTable splits at a page break by building a new table from *all* its remaining
rows (cell styles, row heights, style commands): over a thousand pages that is quadratic, and
the arrivals of 14 000 members took minutes. `PagedTable` hands reportlab a window of rows a
little larger than the room left on the page, keeps the part reportlab puts on the page and
goes on from the next row: the same page breaks and the same tables on paper, in time
proportional to the rows.
"""

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Flowable, LongTable, TableStyle

Row = Sequence[Any]
# The style commands of a table of `body` rows under the header, with the total row or not.
StyleFor = Callable[[int, bool], list[tuple[Any, ...]]]


class PagedTable(Flowable):  # type: ignore[misc]
    def __init__(
        self,
        head: Row,
        body: Sequence[Row],
        total: Row | None,
        widths: Sequence[float],
        style_for: StyleFor,
        row_height: float,
        start: int = 0,
    ) -> None:
        """`row_height`: the height of a one-line row, the lowest a row can be."""
        super().__init__()
        self._head, self._body, self._total = head, body, total
        self._widths, self._style_for, self._start = list(widths), style_for, start
        self._row_height = row_height
        self._whole: LongTable | None = None  # the rest, when it is short enough to measure

    def _window(self, available_height: float) -> int:
        """More rows than the room holds (the header takes a row too)."""
        return int(available_height / self._row_height) + 2

    def _table(self, end: int) -> LongTable:
        """Header, body rows start..end, and the total row once the body is all there."""
        rows = self._body[self._start : end]
        last = end >= len(self._body) and self._total is not None
        data = [self._head, *rows, *([self._total] if last else [])]
        style = TableStyle(self._style_for(len(rows), last))
        return LongTable(data, colWidths=self._widths, repeatRows=1, style=style)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if len(self._body) - self._start <= self._window(available_height):
            self._whole = self._table(len(self._body))
            width, height = self._whole.wrap(available_width, available_height)
            return float(width), float(height)
        # More rows than any page holds: taller than the room, so split() is called.
        self._whole = None
        return sum(self._widths), available_height + 1.0

    def split(self, available_width: float, available_height: float) -> list[Any]:
        window = self._window(available_height)
        while True:
            end = min(self._start + window, len(self._body))
            if end >= len(self._body) and self._whole is not None:
                table = self._whole
            else:
                table = self._table(end)
            parts: list[Any] = table.split(available_width, available_height)
            if end >= len(self._body):
                return parts  # the end of the table: reportlab's own split
            if len(parts) != 1:
                break
            window *= 2  # the whole window fits (rows lower than announced): take more
        if not parts:
            return []  # not even one row fits here: the next page
        taken = int(parts[0]._nrows) - 1  # the rows on this page, header excluded
        rest = PagedTable(
            self._head,
            self._body,
            self._total,
            self._widths,
            self._style_for,
            self._row_height,
            self._start + taken,
        )
        return [parts[0], rest]

    def draw(self) -> None:
        assert self._whole is not None  # drawn only when wrap() found that the rest fits
        self._whole.drawOn(self.canv, 0, 0)
