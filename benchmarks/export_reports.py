"""The office-side paths at 200 000 facts: a desk's export, the list of conflicts, a weekend's
reports.

    .venv/bin/python benchmarks/export_reports.py [--quick] [--data DIR]

Data (built once, ~1 min at full scale; --data DIR keeps it for the next run), then every
path is measured in a fresh child process so that its peak RSS is its own. 14 000 members
over the 7 sessions of the real calendar, and the facts a convention of that size writes: a
check-in per member and session attended (93 %), two magnetic tram tickets for members
without a pass while those tickets were valid (weekends 1 and 2), a meal pass and a meal
served at each lunch, parking receipts with their scans for the 3 % of members eligible,
opening and closing stock counts per desk and day: about 14.4 facts per member, so 14 000
members make about 200 000 facts. (merge.py's desks hold random kinds whose payloads lack
what the reports read, hence a generator of its own here.)

- Export: one desk file holding all those facts (chained as `journal.append` chains them),
  exported by the real `export_desk` (snapshot, counts, chain head, fsync, SHA-256,
  Ed25519-signed manifest), plain and as an encrypted ZIP (informative). Floor: the work an
  export cannot avoid: a copy through the SQLite backup API, fsync and SHA-256 of the copy.
- Conflicts and reports: the same facts spread over 20 desks (each visit at one desk), plus
  real conflicts (one member checked in, or given a meal pass, at two desks for one session;
  a badge revoked at one desk and used at another; a parking receipt typed at two desks),
  each desk exported and merged into the office by `merge_exports`, then a few conflicts
  resolved by a person. Timed: `list_conflicts`; `write_reports(office, out, weekend=1)`,
  what `guichet report --weekend 1` runs, and its steps as separate rows. Floors: the one
  GROUP BY pass that finds repeated check-ins and meal passes; one GROUP BY pass over the
  weekend's facts plus a read of the members; for the PDF and the workbook, the same cells
  written with no layout (bare reportlab drawString, openpyxl's streaming writer).
Budgets (the performance issue): export <= 3 s; conflicts <= 2 s; weekend report <= 2 s,
judged on the data (office_report) and on the whole command.
"""

import argparse
import hashlib
import itertools
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import Row, make_convention, print_table
from desktop.models import chain, journal
from desktop.models.clock import to_utc_text
from desktop.models.codes import ALPHABET
from desktop.models.conflicts import list_conflicts, resolve_conflict
from desktop.models.convention import all_sessions
from desktop.models.demo import MAGNETIC_TICKET, TICKETS_PER_SESSION
from desktop.models.desk_setup import create_desk
from desktop.models.export import ExportStep, export_desk
from desktop.models.ids import uuid7
from desktop.models.merge import merge_exports
from desktop.models.session_plan import set_ticket_policy
from desktop.models.storage import open_database, write_transaction
from desktop.models.tickets import save_product

WEEKEND = 1
PASSPHRASE = "cheval agrafe batterie correcte"
ATTENDANCE = 0.93
PASS_STATUSES = ("aucun", "aucun", "aucun", "week-end", "7j-7")  # 60 % need tickets
MENUS = ("standard", "standard", "végétarien", "standard", "sans porc", "standard", "autre")
CAR_PARKS = ("Parking Corum", "Parking Comédie", "Parking Antigone", "Parking Europa")
STOCK_OPENING = 5_000


@dataclass
class Scale:
    members: int
    desks: int
    repeats: int

    @property
    def label(self) -> str:
        return f"{self.members:,} members".replace(",", " ")


FULL = Scale(members=14_000, desks=20, repeats=5)
QUICK = Scale(members=700, desks=5, repeats=2)


# --- the facts of a convention ------------------------------------------------------------------


@dataclass
class Fact:
    """One fact before it belongs to a desk; `visit` groups the facts of one member at one
    session (they are written at the same desk)."""

    id: str
    at: datetime
    kind: str
    member_id: str | None
    session_id: str | None
    payload: dict[str, Any]
    visit: int
    target_id: str | None = None
    desk: int = -1
    scan: bytes | None = field(default=None, repr=False)


def _token(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(30))


def _start(day: date, part: str) -> datetime:
    """The desk opens 45 minutes before the session (UTC; Paris is UTC+1 in winter)."""
    hour = 17 if part == "soirée" else 8
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC) - timedelta(minutes=45)


def plan_facts(office: Path, rng: random.Random) -> list[Fact]:
    """The facts of the whole convention, in time order (desk not chosen yet)."""
    db = open_database(office)
    people = db.execute(
        "SELECT m.id, m.pass_status, m.parking_eligible, m.menu, b.token FROM members m "
        "JOIN badges b ON b.member_id = m.id ORDER BY m.external_ref"
    ).fetchall()
    sessions = all_sessions(db)
    db.close()
    facts: list[Fact] = []
    visit = 0
    for session in sessions:
        opening = _start(session.day, session.part)
        tickets = session.day <= MAGNETIC_TICKET.valid_until  # type: ignore[operator]
        for member_id, pass_status, parking, menu, token in people:
            if rng.random() > ATTENDANCE:
                continue
            visit += 1
            at = opening + timedelta(seconds=rng.randrange(0, 75 * 60))
            manual = rng.random() < 0.05
            method = {"method": "manuel"} if manual else {"method": "qr", "token": token}
            facts.append(Fact(uuid7(), at, "checkin", member_id, session.id, method, visit))
            day = session.day.isoformat()
            if tickets and pass_status == "aucun":
                payload = {
                    "product_id": MAGNETIC_TICKET.id,
                    "product_name": MAGNETIC_TICKET.name,
                    "quantity": TICKETS_PER_SESSION,
                    "unit_price_cents": MAGNETIC_TICKET.unit_price_cents,
                    "day": day,
                }
                facts.append(
                    Fact(uuid7(), at + timedelta(seconds=25), "ticket.handout", member_id,
                         session.id, payload, visit)
                )  # fmt: skip
            if session.lunch:
                meal_token = _token(rng)
                meal = Fact(
                    uuid7(),
                    at + timedelta(seconds=40),
                    "meal.pass",
                    member_id,
                    session.id,
                    {"token": meal_token, "menu": menu, "day": day},
                    visit,
                )
                facts.append(meal)
                if rng.random() < 0.97:
                    served = opening + timedelta(hours=3, seconds=rng.randrange(0, 90 * 60))
                    facts.append(
                        Fact(uuid7(), served, "meal.served", member_id, session.id,
                             {"token": meal_token, "pass_id": meal.id}, visit)
                    )  # fmt: skip
            if parking:
                facts.append(_receipt(rng, at + timedelta(seconds=60), member_id, session, visit))
    facts.sort(key=lambda f: f.at)
    return facts


def _receipt(rng: random.Random, at: datetime, member_id: str, session: Any, visit: int) -> Fact:
    scan = b"\xff\xd8\xff\xe0" + rng.randbytes(1500) + b"\xff\xd9"  # a small JPEG-looking scan
    sha = hashlib.sha256(scan).hexdigest()
    payload = {
        "car_park": rng.choice(CAR_PARKS),
        "receipt_number": f"{rng.randrange(10**8):08d}",
        "amount_cents": rng.choice((450, 800, 1250, 1600, 2100)),
        "day": session.day.isoformat(),
        "time_in": "08:40",
        "time_out": "18:05",
        "scan": {"sha256": sha, "name": f"recu-{sha[:8]}.jpg", "size": len(scan),
                 "media_type": "image/jpeg"},
    }  # fmt: skip
    fact = Fact(uuid7(), at, "parking.receipt", member_id, session.id, payload, visit)
    fact.scan = scan
    return fact


def spread(facts: list[Fact], desks: int, rng: random.Random) -> None:
    """Each visit happens at one desk; a meal is served at whichever desk the caterer uses."""
    chosen: dict[int, int] = {}
    for fact in facts:
        if fact.kind == "meal.served":
            fact.desk = rng.randrange(desks)
        else:
            fact.desk = chosen.setdefault(fact.visit, rng.randrange(desks))


def add_conflicts(facts: list[Fact], desks: int, rng: random.Random) -> dict[str, int]:
    """Real conflicts, as two desks working apart produce them (offline, same weekend)."""
    checkins = [f for f in facts if f.kind == "checkin"]
    meals = [f for f in facts if f.kind == "meal.pass"]
    receipts = [f for f in facts if f.kind == "parking.receipt"]
    wanted = {"double_checkin": 40, "double_meal": 15, "revoked_badge": 3, "parking_receipt": 2}
    if desks < 2:
        return {k: 0 for k in wanted}
    extra: list[Fact] = []

    def other_desk(fact: Fact) -> int:
        return (fact.desk + 1 + rng.randrange(desks - 1)) % desks

    for original in rng.sample(checkins, wanted["double_checkin"]):
        twin = Fact(uuid7(), original.at + timedelta(minutes=4), "checkin", original.member_id,
                    original.session_id, {"method": "manuel"}, -1, desk=other_desk(original))  # fmt: skip
        extra.append(twin)
    for original in rng.sample(meals, wanted["double_meal"]):
        payload = {**original.payload, "token": _token(rng)}
        extra.append(
            Fact(uuid7(), original.at + timedelta(minutes=6), "meal.pass", original.member_id,
                 original.session_id, payload, -1, desk=other_desk(original))
        )  # fmt: skip
    with_token = [f for f in checkins if "token" in f.payload]
    for used in rng.sample(with_token, wanted["revoked_badge"]):
        extra.append(
            Fact(uuid7(), used.at - timedelta(minutes=20), "badge.revoke", used.member_id, None,
                 {"reason": "badge perdu"}, -1, target_id=used.payload["token"],
                 desk=other_desk(used))
        )  # fmt: skip
    for original in rng.sample(receipts, min(wanted["parking_receipt"], len(receipts))):
        copy = Fact(uuid7(), original.at + timedelta(minutes=9), "parking.receipt",
                    original.member_id, original.session_id, dict(original.payload), -1,
                    desk=other_desk(original))  # fmt: skip
        copy.scan = original.scan
        extra.append(copy)
    facts.extend(extra)
    facts.sort(key=lambda f: f.at)
    return wanted


def stock_counts(facts: list[Fact], desks: int) -> list[Fact]:
    """Opening and closing counts of the tram tickets at each desk that handed some out."""
    handed: dict[tuple[int, str], int] = {}
    first: dict[tuple[int, str], datetime] = {}
    last: dict[tuple[int, str], datetime] = {}
    for fact in facts:
        if fact.kind == "ticket.handout":
            key = (fact.desk, fact.payload["day"])
            handed[key] = handed.get(key, 0) + int(fact.payload["quantity"])
            first[key] = min(first.get(key, fact.at), fact.at)
            last[key] = max(last.get(key, fact.at), fact.at)
    counts = []
    for (desk, day), quantity in handed.items():
        for moment, at, count in (
            ("ouverture", first[(desk, day)] - timedelta(minutes=5), STOCK_OPENING),
            ("clôture", last[(desk, day)] + timedelta(minutes=30), STOCK_OPENING - quantity),
        ):
            payload = {"product_id": MAGNETIC_TICKET.id, "day": day, "moment": moment,
                       "count": count}  # fmt: skip
            counts.append(Fact(uuid7(), at, "stock.count", None, None, payload, -1, desk=desk))
    return counts


def write_desk(path: Path, facts: list[Fact], agent: str) -> None:
    """The desk's log as `journal.append` writes it: gapless sequence, hash chain, scans."""
    db = open_database(path)
    desk = journal.local_desk(db, agent)
    head = chain.genesis(desk.desk_id)
    rows = []
    scans = []
    for seq, fact in enumerate(sorted(facts, key=lambda f: f.at), start=1):
        values = (fact.id, desk.desk_id, seq, to_utc_text(fact.at), agent, fact.kind,
                  fact.member_id, fact.session_id, fact.target_id,
                  json.dumps(fact.payload, ensure_ascii=False))  # fmt: skip
        head = chain.link(head, values)
        rows.append((*values, head))
        if fact.scan is not None:
            scans.append((fact.payload["scan"]["sha256"], "image/jpeg", len(fact.scan), fact.scan))
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO events (id, desk_id, seq, at, agent, kind, member_id, session_id,"
            " target_id, payload, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO attachments (sha256, media_type, size, content)"
            " VALUES (?, ?, ?, ?)",
            scans,
        )
    db.close()


def make_office(path: Path, scale: Scale, rng: random.Random) -> None:
    """Members, badges, the real calendar (common.make_convention), then what the office
    prepares: pass status, menu, parking eligibility, the tram ticket and its policy."""
    make_convention(path, scale.members, 0, seed=11)
    db = open_database(path)
    ids = [r[0] for r in db.execute("SELECT id FROM members ORDER BY external_ref")]
    with write_transaction(db):
        for member_id in ids:
            eligible = rng.random() < 0.03
            db.execute(
                "UPDATE members SET pass_status = ?, menu = ?, parking_eligible = ?,"
                " parking_reason = ? WHERE id = ?",
                [rng.choice(PASS_STATUSES), rng.choice(MENUS), int(eligible),
                 "Domicile non desservi par le tramway" if eligible else "", member_id],
            )  # fmt: skip
        save_product(db, MAGNETIC_TICKET)
        for session in all_sessions(db):
            set_ticket_policy(db, session.id, [(MAGNETIC_TICKET.id, TICKETS_PER_SESSION)])
    db.close()


@dataclass
class Prepared:
    office: Path
    export_desk: Path
    facts: int  # in the export desk and (plus the conflicts) in the office
    office_facts: int
    conflicts: int
    resolved: int


def prepare(work: Path, scale: Scale) -> Prepared:
    rng = random.Random(23)
    office = work / "office.sqlite"
    make_office(office, scale, rng)
    facts = plan_facts(office, rng)
    # The export: every fact at one desk.
    single = create_desk(office, work / "desk-export.sqlite", "Guichet export").db_path
    write_desk(single, facts + stock_counts([_at_desk(f, 0) for f in facts], 1), "Martin")
    # The office: the same facts over the desks, with conflicts, exported and merged.
    spread(facts, scale.desks, rng)
    add_conflicts(facts, scale.desks, rng)
    facts += stock_counts(facts, scale.desks)
    exports = work / "exports"
    exports.mkdir()
    files = []
    for n in range(scale.desks):
        desk = create_desk(office, work / f"desk{n:02d}.sqlite", f"Guichet {n + 2}")
        write_desk(desk.db_path, [f for f in facts if f.desk == n], f"Agent {n + 2}")
        snapshot = export_desk(desk.db_path, exports).snapshot_path
        assert snapshot is not None
        files.append(snapshot)
    reports = merge_exports(office, files)
    assert not any(r.refused for r in reports), [r.rejection for r in reports]
    db = open_database(office)
    found = list_conflicts(db)
    desk = journal.local_desk(db, "Claire")
    resolved = 0
    for conflict in found[:: max(1, len(found) // 5)][:5]:  # a person settles a few
        resolve_conflict(db, conflict, conflict.first.event_id, "vu avec le membre", desk,
                         lambda: datetime(2024, 2, 2, 9, 0, tzinfo=UTC))  # fmt: skip
        resolved += 1
    (in_office,) = db.execute("SELECT COUNT(*) FROM events").fetchone()
    db.close()
    (in_desk,) = sqlite3.connect(single).execute("SELECT COUNT(*) FROM events").fetchone()
    return Prepared(office, single, int(in_desk), int(in_office), len(found), resolved)


def _at_desk(fact: Fact, desk: int) -> Fact:
    fact.desk = desk
    return fact


# --- what a child process measures --------------------------------------------------------------


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _fresh(work: Path, name: str) -> Path:
    folder = work / f"{name}-{time.monotonic_ns()}"
    folder.mkdir()
    return folder


def child_export(desk: Path, work: Path, repeats: int, encrypted: bool) -> dict[str, Any]:
    samples: list[float] = []
    parts: dict[str, list[float]] = {}
    marks: list[tuple[ExportStep, float]] = []

    def mark(step: ExportStep) -> None:
        marks.append((step, time.perf_counter()))

    for _ in range(repeats):
        out = _fresh(work, "export")
        marks.clear()
        start = time.perf_counter()
        export_desk(desk, out, PASSPHRASE if encrypted else None, mark)
        samples.append(_ms(start))
        for (step, at), (_next, until) in itertools.pairwise(marks):
            parts.setdefault(step.name.lower(), []).append((until - at) * 1000)
        shutil.rmtree(out)
    return {"samples": samples, "parts": parts}


def child_export_floor(desk: Path, work: Path, repeats: int) -> dict[str, Any]:
    samples = []
    for _ in range(repeats):
        out = _fresh(work, "floor")
        start = time.perf_counter()
        copy = out / "copy.sqlite"
        source = sqlite3.connect(desk.resolve().as_uri() + "?mode=ro", uri=True)
        target = sqlite3.connect(copy)
        source.backup(target)
        target.close()
        source.close()
        digest = hashlib.sha256()
        with open(copy, "rb+") as handle:
            os.fsync(handle.fileno())
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        samples.append(_ms(start))
        shutil.rmtree(out)
    return {"samples": samples}


def _repeat(fn: Callable[[], object], repeats: int) -> dict[str, Any]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(_ms(start))
    return {"samples": samples}


def child_conflicts(office: Path, repeats: int) -> dict[str, Any]:
    db = open_database(office)
    return _repeat(lambda: list_conflicts(db), repeats)


def child_conflicts_floor(office: Path, repeats: int) -> dict[str, Any]:
    db = open_database(office)
    # The one pass a conflict search cannot avoid: the (kind, session, member) groups holding
    # more than one check-in or meal pass, over the covering index.
    sql = (
        "SELECT kind, session_id, member_id, COUNT(*) FROM events "
        "WHERE kind IN ('checkin', 'meal.pass') AND member_id IS NOT NULL "
        "GROUP BY kind, session_id, member_id HAVING COUNT(*) > 1"
    )
    return _repeat(lambda: db.execute(sql).fetchall(), repeats)


def child_report_floor(office: Path, repeats: int) -> dict[str, Any]:
    db = open_database(office)
    ids = [s.id for s in all_sessions(db) if s.weekend == WEEKEND]
    marks = ", ".join("?" * len(ids))

    def bare() -> None:
        db.execute(
            "SELECT session_id, kind, member_id, desk_id, COUNT(*), MIN(at), MAX(payload) "
            f"FROM events WHERE session_id IN ({marks}) GROUP BY 1, 2, 3, 4",
            ids,
        ).fetchall()
        db.execute(
            "SELECT m.*, c.name FROM members m JOIN communes c ON c.insee = m.commune_insee"
        ).fetchall()

    return _repeat(bare, repeats)


def child_report(office: Path, work: Path, repeats: int) -> dict[str, Any]:
    """`guichet report --office FILE --weekend 1 --out DIR`: the CLI's call, its own
    connection from a path."""
    from desktop.models.reports import write_reports

    samples = []
    for _ in range(repeats):
        out = work / f"report-{time.monotonic_ns()}"
        start = time.perf_counter()
        write_reports(office, out, WEEKEND)
        samples.append(_ms(start))
        shutil.rmtree(out)
    return {"samples": samples}


def child_report_parts(office: Path, work: Path, repeats: int) -> dict[str, Any]:
    """The same steps as reports.files._write_all, timed one by one."""
    db = open_database(office)
    parts: dict[str, list[float]] = {}
    now = to_utc_text(datetime.now(UTC))
    for _ in range(repeats):
        out = _fresh(work, "parts")
        for name, ms in _report_steps(db, out, now).items():
            parts.setdefault(name, []).append(ms)
        for name, ms in _file_floors(db, out, now).items():
            parts.setdefault(name, []).append(ms)
        shutil.rmtree(out)
    steps = [p for name, p in parts.items() if not name.endswith("floor")]
    return {"samples": [sum(p[i] for p in steps) for i in range(repeats)], "parts": parts}


def _file_floors(db: Any, out: Path, now: str) -> dict[str, float]:
    """What writing the same cells costs with no layout: reportlab drawing each cell's text
    at a fixed place, 38 rows a page; openpyxl's streaming writer appending the rows."""
    from openpyxl import Workbook
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from desktop.models.documents.fonts import REGULAR, register_fonts
    from desktop.models.reports.data import office_report
    from desktop.models.reports.files import csv_cell
    from desktop.models.reports.tables import report_tables

    report = office_report(db, WEEKEND, now)
    took: dict[str, float] = {}
    start = time.perf_counter()
    register_fonts()
    canvas = Canvas(str(out / "floor.pdf"), pagesize=landscape(A4))
    for table in report_tables(report, for_pdf=True):
        for index, row in enumerate(table.rows):
            if index % 38 == 0:
                canvas.showPage()
                canvas.setFont(REGULAR, 7.5)
            y = 560 - 13 * (index % 38)
            for column, value in enumerate(row):
                canvas.drawString(34 + 70 * column, y, csv_cell(value))
    canvas.save()
    took["pdf floor"] = _ms(start)
    start = time.perf_counter()
    book = Workbook(write_only=True)
    for table in report_tables(report):
        sheet = book.create_sheet()
        sheet.append(list(table.header))
        for row in table.rows:
            sheet.append([csv_cell(v) for v in row])
    book.save(out / "floor.xlsx")
    took["xlsx floor"] = _ms(start)
    return took


def _report_steps(db: Any, out: Path, now: str) -> dict[str, float]:
    from desktop.models.documents.emargement_pdf import render_emargement_day
    from desktop.models.reports.data import office_report
    from desktop.models.reports.files import _write_bytes, bundle_scans, table_csv, write_xlsx
    from desktop.models.reports.pdf import render_report_pdf
    from desktop.models.reports.tables import report_tables

    took: dict[str, float] = {}
    start = time.perf_counter()
    report = office_report(db, WEEKEND, now)
    took["data"] = _ms(start)
    start = time.perf_counter()
    tables = report_tables(report)
    pdf_tables = report_tables(report, for_pdf=True)
    took["tables"] = _ms(start)
    start = time.perf_counter()
    render_report_pdf(report, pdf_tables, out / "r.pdf")
    took["pdf"] = _ms(start)
    start = time.perf_counter()
    write_xlsx(tables, out / "r.xlsx", title="r")
    took["xlsx"] = _ms(start)
    start = time.perf_counter()
    for table in tables:
        _write_bytes(out / f"r-{table.key}.csv", table_csv(table).encode("utf-8-sig"))
    took["csv"] = _ms(start)
    start = time.perf_counter()
    bundle_scans(db, report, out / "scans")
    took["scans"] = _ms(start)
    start = time.perf_counter()
    for day in report.scope.days:
        render_emargement_day(db, day, out / f"e-{day.isoformat()}.pdf")
    took["emargement"] = _ms(start)
    return took


def child(mode: str, paths: list[Path], repeats: int) -> None:
    start = time.perf_counter()
    result = {
        "export": lambda: child_export(paths[0], paths[1], repeats, False),
        "export-zip": lambda: child_export(paths[0], paths[1], repeats, True),
        "export-floor": lambda: child_export_floor(paths[0], paths[1], repeats),
        "conflicts": lambda: child_conflicts(paths[0], repeats),
        "conflicts-floor": lambda: child_conflicts_floor(paths[0], repeats),
        "report": lambda: child_report(paths[0], paths[1], repeats),
        "report-parts": lambda: child_report_parts(paths[0], paths[1], repeats),
        "report-floor": lambda: child_report_floor(paths[0], repeats),
    }[mode]()
    result["rss_mb"] = _peak_rss_mb()
    result["wall_ms"] = _ms(start)
    print(json.dumps(result))


def _peak_rss_mb() -> float:
    """This process's peak RSS. On Linux VmHWM, which starts afresh at exec; ru_maxrss would
    carry over the parent's peak (it built the data) through fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(mode: str, repeats: int, *paths: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(repeats), *map(str, paths)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the table ------------------------------------------------------------------------------------


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def prepared(work: Path, scale: Scale, keep: bool) -> Prepared:
    """The data, built in `work`; with --data, built once and reused by later runs."""
    saved = work / "prepared.json"
    start = time.perf_counter()
    if keep and saved.exists():
        fields = json.loads(saved.read_text())
        data = Prepared(**{k: Path(v) if k in ("office", "export_desk") else v
                           for k, v in fields.items()})  # fmt: skip
        how = f"reused from {work}"
    else:
        data = prepare(work, scale)
        how = f"built in {_ms(start) / 1000:.0f} s"
        if keep:
            saved.write_text(json.dumps({k: str(v) if isinstance(v, Path) else v
                                         for k, v in data.__dict__.items()}))  # fmt: skip
    print(
        f"(data {how}: {scale.label}, the 7 sessions of the real calendar; one desk file of "
        f"{data.facts} facts; an office of {data.office_facts} facts merged from {scale.desks} "
        f"desks, {data.conflicts} conflicts of which {data.resolved} resolved)",
        flush=True,
    )
    return data


def run(scale: Scale, keep: Path | None) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="guichet-bench-office-") as tmp:
        work = Path(tmp)
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        data = prepared(keep or work, scale, keep is not None)
        reps = scale.repeats
        export_floor = measure("export-floor", reps, data.export_desk, work)
        export = measure("export", reps, data.export_desk, work)
        export_zip = measure("export-zip", max(2, reps // 2), data.export_desk, work)
        conflicts_floor = measure("conflicts-floor", reps, data.office)
        conflicts = measure("conflicts", reps, data.office)
        report_floor = measure("report-floor", reps, data.office)
        report = measure("report", max(2, reps // 2), data.office, work)
        parts = measure("report-parts", max(2, reps // 2), data.office, work)
    one_desk = f"{data.facts:,} facts, 1 desk".replace(",", " ")
    office = f"{data.office_facts:,} facts, {scale.desks} desks".replace(",", " ")
    weekend = f"we{WEEKEND}, {scale.label}"
    rows: list[Row] = []
    floor_ms = min(export_floor["samples"])
    rows.append(
        Row("floor: backup API + fsync + SHA-256", one_desk, export_floor["samples"], None,
            "-", None, export_floor["rss_mb"])
    )  # fmt: skip
    median = _median(export["samples"])
    rows.append(
        Row("export_desk (plain)", one_desk, export["samples"], floor_ms, "<= 3 s",
            median <= 3000, export["rss_mb"])
    )  # fmt: skip
    labels = {"snapshot": "  of which snapshot (backup API)", "hash": "  of which counts, head, SHA-256",
              "sign": "  of which signed manifest"}  # fmt: skip
    for step, label in labels.items():
        if step in export["parts"]:
            rows.append(Row(label, one_desk, export["parts"][step], None, "-", None))
    rows.append(
        Row("export_desk (encrypted ZIP)", one_desk, export_zip["samples"], floor_ms,
            "informative", None, export_zip["rss_mb"],
            f"of which encryption {_median(export_zip['parts'].get('encrypt', [0.0])):.0f} ms")
    )  # fmt: skip
    rows.append(
        Row("floor: GROUP BY repeated facts", office, conflicts_floor["samples"], None, "-", None,
            conflicts_floor["rss_mb"])
    )  # fmt: skip
    median = _median(conflicts["samples"])
    rows.append(
        Row("list_conflicts", office, conflicts["samples"], min(conflicts_floor["samples"]),
            "<= 2 s", median <= 2000, conflicts["rss_mb"],
            f"{data.conflicts - data.resolved} open")
    )  # fmt: skip
    rows.append(
        Row("floor: GROUP BY weekend + members", weekend, report_floor["samples"], None, "-",
            None, report_floor["rss_mb"])
    )  # fmt: skip
    report_floor_ms = min(report_floor["samples"])
    median = _median(report["samples"])
    rows.append(
        Row("guichet report --weekend 1", weekend, report["samples"], report_floor_ms,
            "<= 2 s", median <= 2000, report["rss_mb"], "write_reports, own connection")
    )  # fmt: skip
    names = {
        "data": "  data (office_report)",
        "tables": "  tables (report_tables x2)",
        "pdf": "  report PDF",
        "xlsx": "  XLSX workbook",
        "csv": "  CSV files",
        "scans": "  parking scans + SHA256SUMS",
        "emargement": "  émargement PDFs (2 days)",
    }
    floors = {
        "data": report_floor_ms,
        "pdf": min(parts["parts"]["pdf floor"]),
        "xlsx": min(parts["parts"]["xlsx floor"]),
    }
    for key, label in names.items():
        samples = parts["parts"][key]
        if key == "data":
            budget, met = "<= 2 s", _median(samples) <= 2000
        else:
            budget, met = "part", None
        rows.append(Row(label, weekend, samples, floors.get(key), budget, met))
    for key, label in (("pdf floor", "  floor: same cells, bare reportlab"),
                       ("xlsx floor", "  floor: same cells, openpyxl stream")):  # fmt: skip
        rows.append(Row(label, weekend, parts["parts"][key], None, "-", None))
    return rows


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], [Path(p) for p in sys.argv[4:]], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--data", type=Path, metavar="DIR", help="build the data here once, reuse it next time"
    )
    args = parser.parse_args()
    print_table(run(QUICK if args.quick else FULL, args.data))


if __name__ == "__main__":
    main()
