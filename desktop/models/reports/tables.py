"""The office report as tables: one header and typed rows per table, shared by the PDF, the
XLSX workbook and the CSV files so that the three always say the same thing.

Cells are typed (text, int, `Money` in integer cents, `date`); each writer formats them its
own way (12,50 € in the PDF, a numeric cell in XLSX, "12,50" in CSV).
"""

from dataclasses import dataclass
from datetime import date

from desktop.models.clock import from_utc_text, paris_day, paris_hhmm
from desktop.models.conflicts import Conflict, Fact
from desktop.models.reports.data import OfficeReport, ResolvedConflict, StatementLine


@dataclass(frozen=True)
class Money:
    cents: int


Cell = str | int | Money | date | None


@dataclass(frozen=True)
class Table:
    key: str  # file and sheet name part: "etat-liquidatif"
    title: str  # shown above the table (and as the sheet name, cut to 31 characters)
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None  # a last row in bold
    note: str = ""  # one sentence under the title
    sheet: str = ""  # the XLSX sheet's name (31 characters at most); the title when empty


def when(utc_text: str | None) -> str:
    """ "11/11/2023 09:12" (Paris time) from a stored UTC time."""
    if not utc_text:
        return ""
    return f"{paris_day(from_utc_text(utc_text)).strftime('%d/%m/%Y')} {paris_hhmm(utc_text)}"


def _hhmm(utc_text: str | None) -> str:
    return paris_hhmm(utc_text) if utc_text else ""


def attendance_summary(report: OfficeReport) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for item in report.attendance:
        arrivals = sorted(r.arrived_at for r in item.rows if r.arrived_at)
        methods = item.methods
        rows.append(
            (
                item.session.label,
                item.session.day,
                item.session.part,
                item.expected,
                item.present,
                item.expected - sum(1 for r in item.rows if r.present and r.status != "retiré"),
                _hhmm(arrivals[0]) if arrivals else "",
                _hhmm(arrivals[-1]) if arrivals else "",
                methods.get("qr", 0),
                methods.get("manuel", 0),
                sum(v for k, v in methods.items() if k not in ("qr", "manuel")),
            )
        )
    return Table(
        "presences",
        "Présences par séance",
        (
            "Séance",
            "Date",
            "Partie",
            "Attendus",
            "Présents",
            "Absents",
            "Première arrivée",
            "Dernière arrivée",
            "Par QR code",
            "Manuel",
            "Autre mode",
        ),
        tuple(rows),
        note="Attendus : membres actifs et suppléants ; heures de Paris.",
        sheet="Présences",
    )


def attendance_detail(report: OfficeReport, *, present_only: bool = False) -> Table:
    """Every expected member of every session (XLSX, CSV); only arrivals for the PDF, where
    the émargement sheets already list everyone."""
    rows = tuple(
        (
            item.session.label,
            item.session.day,
            row.surname,
            row.first_name,
            row.commune,
            row.status,
            "oui" if row.present else "non",
            _hhmm(row.arrived_at),
            row.method or "",
            row.desk_label or "",
            row.agent or "",
        )
        for item in report.attendance
        for row in item.rows
        if row.present or not present_only
    )
    return Table(
        "presences-detail",
        "Arrivées des membres présents" if present_only else "Présences détaillées",
        (
            "Séance",
            "Date",
            "Nom",
            "Prénom",
            "Commune",
            "Statut",
            "Présent",
            "Arrivée",
            "Mode",
            "Guichet",
            "Agent",
        ),
        rows,
        note="Heures d'arrivée à Paris ; la liste complète est sur les feuilles d'émargement."
        if present_only
        else "",
        sheet="Présences détaillées",
    )


def meal_summary(report: OfficeReport) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for item in report.meals:
        roles = item.guests_by_role
        rows.append(
            (
                item.session.label,
                item.session.day,
                item.member_passes,
                item.guest_passes,
                roles.get("expert", 0),
                roles.get("personnel", 0),
                roles.get("élu", 0),
                roles.get("autre", 0),
                item.member_passes + item.guest_passes,
                item.served,
            )
        )
    sums = [0] * 8
    for row in rows:
        for index, value in enumerate(row[2:]):
            sums[index] += int(value) if isinstance(value, int) else 0
    total: tuple[Cell, ...] = ("Total", None, *sums)
    return Table(
        "repas",
        "Repas (contrôle de la facture du traiteur)",
        (
            "Séance",
            "Date",
            "Membres",
            "Invités",
            "dont experts",
            "dont personnel",
            "dont élus",
            "dont autres",
            "Total des pass",
            "Servis",
        ),
        tuple(rows),
        total if rows else None,
        note="Un pass par personne et par déjeuner ; les invités sont comptés à part.",
        sheet="Repas",
    )


def meal_names(report: OfficeReport) -> Table:
    rows = tuple(
        (
            item.session.label,
            item.session.day,
            line.meal_pass.holder,
            line.meal_pass.role,
            line.commune or "",
            line.meal_pass.menu or "",
            _hhmm(line.meal_pass.issued.at),
            line.meal_pass.issued.desk_label,
            line.meal_pass.issued.agent,
            "oui" if line.served else "non",
            line.override_reason or "",
        )
        for item in report.meals
        for line in item.lines
    )
    return Table(
        "repas-liste",
        "Liste des bénéficiaires des repas",
        (
            "Séance",
            "Date",
            "Nom",
            "Qualité",
            "Commune",
            "Menu",
            "Pass remis à",
            "Guichet",
            "Agent",
            "Servi",
            "Motif de dérogation",
        ),
        rows,
        note="Justificatif de la dépense : nom, qualité et objet de la réunion (la séance).",
        sheet="Bénéficiaires des repas",
    )


def ticket_products(report: OfficeReport) -> Table:
    rows = tuple(
        (
            p.name,
            Money(p.unit_price_cents),
            p.handed_out,
            Money(p.handed_out_cents),
            p.returned,
            p.spoiled,
            p.difference,
            p.uncounted_sheets,
            p.remaining,
            Money(p.expired_value_cents),
        )
        for p in report.products
    )
    total: tuple[Cell, ...] = (
        "Total",
        None,
        sum(p.handed_out for p in report.products),
        Money(sum(p.handed_out_cents for p in report.products)),
        sum(p.returned for p in report.products),
        sum(p.spoiled for p in report.products),
        sum(p.difference for p in report.products),
        sum(p.uncounted_sheets for p in report.products),
        sum(p.remaining for p in report.products),
        Money(sum(p.expired_value_cents for p in report.products)),
    )
    return Table(
        "tickets",
        "Tickets par produit",
        (
            "Produit",
            "Prix unitaire",
            "Remis",
            "Valeur remise",
            "Retours",
            "Abîmés",
            "Écart de stock",
            "Feuilles non comptées",
            "Stock restant",
            "Valeur périmée",
        ),
        rows,
        total if rows else None,
        note="Écart : compté moins attendu (négatif : tickets manquants). "
        "Valeur périmée : stock restant d'un produit dont la validité est passée.",
        sheet="Tickets",
    )


def stock_sheets(report: OfficeReport) -> Table:
    rows = tuple(
        (
            s.day,
            s.desk_label,
            s.line.product.name,
            s.line.opening,
            s.line.handed_out,
            s.line.returned,
            s.line.spoiled,
            s.line.expected,
            s.line.closing,
            s.line.difference,
            Money(s.expired_value_cents),
            "oui" if s.closed else "non",
        )
        for s in report.stock_sheets
    )
    return Table(
        "stock",
        "Stock de tickets par guichet et par jour",
        (
            "Date",
            "Guichet",
            "Produit",
            "Ouverture",
            "Remis",
            "Retours",
            "Abîmés",
            "Attendu",
            "Compté",
            "Écart",
            "Valeur périmée",
            "Journée close",
        ),
        rows,
        sheet="Stock",
    )


def _statement_row(line: StatementLine) -> tuple[Cell, ...]:
    receipt = line.receipt
    return (
        line.number,
        line.surname,
        line.first_name,
        line.commune,
        line.session.title if line.session else receipt.session_id,
        receipt.day,
        receipt.car_park,
        receipt.receipt_no,
        Money(receipt.amount_cents),
        receipt.status.value,
        line.scan_file,
        receipt.attachment.sha256,
    )


STATEMENT_HEADER = (
    "N°",
    "Nom",
    "Prénom",
    "Commune",
    "Séance",
    "Date du reçu",
    "Parking",
    "N° de reçu",
    "Montant",
    "Statut",
    "Fichier du scan",
    "SHA-256 du scan",
)


def statement(report: OfficeReport) -> Table:
    lines = report.parking.lines
    total: tuple[Cell, ...] = (
        "Total",
        f"{len(lines)} reçu(s)",
        *([None] * 6),
        Money(report.parking.total_cents),
        None,
        None,
        None,
    )
    return Table(
        "etat-liquidatif",
        "État liquidatif des frais de stationnement",
        STATEMENT_HEADER,
        tuple(_statement_row(line) for line in lines),
        total,
        note="Un reçu par ligne ; les scans sont joints dans le dossier des justificatifs, "
        "avec leur empreinte SHA-256. Les reçus rejetés n'entrent pas dans le total.",
        sheet="État liquidatif",
    )


def rejected_receipts(report: OfficeReport) -> Table:
    lines = report.parking.rejected
    total: tuple[Cell, ...] | None = None
    if lines:
        total = ("Total", f"{len(lines)} reçu(s)", *([None] * 6))
        total += (Money(report.parking.rejected_cents), None, None, None)
    return Table(
        "parking-rejetes",
        "Reçus de stationnement rejetés",
        STATEMENT_HEADER,
        tuple(_statement_row(line) for line in lines),
        total,
        sheet="Reçus rejetés",
    )


def anomalies(report: OfficeReport) -> Table:
    rows = tuple(
        (a.label, a.fact_kind, a.event_id, a.desk_label, a.seq, when(a.detected_at), a.file_sha256)
        for a in report.anomalies
    )
    return Table(
        "anomalies",
        "Anomalies de fusion",
        (
            "Anomalie",
            "Nature du fait",
            "Identifiant du fait",
            "Guichet",
            "N° de séquence",
            "Détectée le",
            "Fichier d'export (SHA-256)",
        ),
        rows,
        note="Faits mis de côté à la fusion : l'original du journal n'a pas été modifié.",
        sheet="Anomalies",
    )


def _fact(fact: Fact | None, prefix: str = "") -> str:
    if fact is None:
        return prefix + "?"
    return f"{prefix}{fact.desk_label}, {fact.agent}, {when(fact.at)}"


def _session_title(report: OfficeReport, session_id: str | None) -> str:
    found = next((s for s in report.scope.sessions if s.id == session_id), None)
    return found.title if found else session_id or ""


def _open_row(report: OfficeReport, conflict: Conflict) -> tuple[Cell, ...]:
    return (
        "ouvert",
        conflict.kind.label,
        conflict.member_name or "",
        _session_title(report, conflict.session_id),
        _fact(conflict.first),
        _fact(conflict.second),
        "à régler",
        "",
        "",
    )


def _resolved_row(report: OfficeReport, item: ResolvedConflict) -> tuple[Cell, ...]:
    decision = "cas accepté" if item.decision == "conflict.accept" else "un fait annulé"
    return (
        "réglé",
        item.label,
        item.member_name or "",
        _session_title(report, item.session_id),
        _fact(item.kept, "gardé : "),
        _fact(item.set_aside, "accepté : " if item.decision == "conflict.accept" else "annulé : "),
        decision,
        item.reason,
        f"{item.decided_by} ({item.decided_desk}), {when(item.decided_at)}",
    )


def conflicts(report: OfficeReport) -> Table:
    rows = tuple(_open_row(report, c) for c in report.open_conflicts) + tuple(
        _resolved_row(report, r) for r in report.resolved_conflicts
    )
    return Table(
        "conflits",
        "Conflits entre guichets",
        (
            "État",
            "Conflit",
            "Membre",
            "Séance",
            "Fait 1",
            "Fait 2",
            "Décision",
            "Motif",
            "Décidé par",
        ),
        rows,
        note=f"{len(report.open_conflicts)} ouvert(s), {len(report.resolved_conflicts)} réglé(s) ;"
        " un conflit réglé garde ses deux faits au journal.",
        sheet="Conflits",
    )


def report_tables(report: OfficeReport, *, for_pdf: bool = False) -> tuple[Table, ...]:
    """Every table of the report, in the order of the PDF and of the workbook's sheets (the
    PDF lists the arrivals only: its émargement sheets list everyone)."""
    return (
        attendance_summary(report),
        attendance_detail(report, present_only=for_pdf),
        meal_summary(report),
        meal_names(report),
        ticket_products(report),
        stock_sheets(report),
        statement(report),
        rejected_receipts(report),
        anomalies(report),
        conflicts(report),
    )
