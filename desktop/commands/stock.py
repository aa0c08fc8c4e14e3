"""`guichet stock --db FILE --date AAAA-MM-JJ [--csv]`: the day's ticket stock, per desk and
product (opening, handed out, returned, spoiled, closing count, difference, expired value)."""

import argparse
import sys

from desktop.commands.common import add_db_argument, open_existing, parse_day
from desktop.models.clock import french_date, paris_hhmm
from desktop.models.spreadsheet import csv_text, euros
from desktop.models.stock import DayStock, StockLine, day_stock, stock_desks

HEADER = [
    "Guichet",
    "Date",
    "Produit",
    "Prix unitaire",
    "Ouverture",
    "Remis",
    "Retournés",
    "Abîmés",
    "Attendu",
    "Compté (clôture)",
    "Écart",
    "Périmé",
    "Valeur perdue",
    "Clôture",
]


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser("stock", help="stock de tickets d'un jour, par guichet")
    add_db_argument(parser)
    parser.add_argument(
        "--date", type=parse_day, required=True, metavar="AAAA-MM-JJ", help="jour du stock"
    )
    parser.add_argument("--csv", action="store_true", help="CSV (;) sur la sortie standard")
    parser.set_defaults(handler=run)


def _closure(stock: DayStock) -> str:
    if stock.closure is None:
        return "non clôturée"
    return f"clôturée par {stock.closure.agent} à {paris_hhmm(stock.closure.at)}"


def _cells(stock: DayStock, line: StockLine) -> list[str]:
    def number(value: int | None) -> str:
        return "" if value is None else str(value)

    opening = f"{line.opening} (report)" if line.opening_carried else str(line.opening)
    return [
        stock.desk_label,
        french_date(stock.day),
        line.product.name,
        euros(line.product.unit_price_cents),
        opening,
        str(line.handed_out),
        str(line.returned),
        str(line.spoiled),
        str(line.expected),
        number(line.closing),
        number(line.difference),
        "oui" if line.expired(stock.day) else "non",
        euros(line.expired_value_cents(stock.day)),
        _closure(stock),
    ]


def run(args: argparse.Namespace) -> int:
    db = open_existing(args.db)
    sheets = [day_stock(db, desk_id, args.date) for desk_id in stock_desks(db, args.date)]
    if args.csv:
        rows = [_cells(sheet, line) for sheet in sheets for line in sheet.lines]
        sys.stdout.write(csv_text(HEADER, rows))
        return 0
    for sheet in sheets:
        print(
            f"Stock de tickets — {sheet.desk_label} — {french_date(sheet.day)} ({_closure(sheet)})"
        )
        for line in sheet.lines:
            cells = _cells(sheet, line)[2:-1]
            print(
                "  "
                + " | ".join(f"{h} : {c or '-'}" for h, c in zip(HEADER[2:-1], cells, strict=True))
            )
        if sheet.explanation:
            print(f"  Explication de l'écart : {sheet.explanation}")
        print(f"  Valeur perdue (tickets périmés) : {euros(sheet.expired_value_cents)}")
        print()
    return 0
