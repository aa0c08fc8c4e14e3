"""The office reports of a weekend or of the whole convention, from the merged master file:
data (`data.py`), tables shared by every format (`tables.py`), PDF (`pdf.py`), and the folder
of files the finance office receives (`files.py`: PDF, XLSX, CSV, scans, émargement sheets)."""

from desktop.models.reports.data import OfficeReport, ReportError, Scope, office_report
from desktop.models.reports.files import ReportFiles, write_reports
from desktop.models.reports.tables import Money, Table, report_tables

__all__ = [
    "Money",
    "OfficeReport",
    "ReportError",
    "ReportFiles",
    "Scope",
    "Table",
    "office_report",
    "report_tables",
    "write_reports",
]
