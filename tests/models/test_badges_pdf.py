"""Badges as real PDF files: exact paper sizes, QR codes that decode and check the right member
in, names that never overflow, prints and reprints recorded as facts."""

import json
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from desktop.cli import main
from desktop.models import checkin, members
from desktop.models.checkin import Outcome
from desktop.models.clock import to_utc_text
from desktop.models.codes import new_code, new_tag
from desktop.models.convention import current_session, get_convention
from desktop.models.documents import badges_pdf
from desktop.models.documents.badge_layouts import LAYOUT_NAMES, LAYOUTS, page_layout
from desktop.models.documents.badges_pdf import (
    BadgeRecord,
    badge_records,
    render_badges,
    render_badges_pdf,
    reprint_badge,
)
from desktop.models.documents.fonts import BOLD, text_width
from desktop.models.documents.layout import DocumentError, Rect, fit_text, mm
from desktop.models.ids import uuid7
from desktop.models.members import Member
from desktop.models.storage import write_transaction
from desktop.models.text import fold

PAPER_MM = {"a4-8": (210, 297), "a6": (105, 148), "cr80": (85.6, 54), "label62": (62, 100)}
LONGEST = ("Marie-Christine-Alexandrine", "DE LA TOUR-D'AUVERGNE-MONTMORENCY-LAVAL")


def _points_to_mm(value: float) -> float:
    return float(value) * 25.4 / 72


def _decode(pdf_path: Path, dpi: int = 150) -> list[list[zxingcpp.Barcode]]:
    document = pdfium.PdfDocument(pdf_path)
    try:
        return [zxingcpp.read_barcodes(page.render(scale=dpi / 72).to_pil()) for page in document]
    finally:
        document.close()


def _all_member_ids(db) -> list[str]:
    return [m.id for m in members.all_members(db)]


def _add_member(db, surname: str, first_name: str, clock) -> Member:
    member = Member(
        id=uuid7(),
        surname=surname,
        first_name=first_name,
        commune_insee="34172",
        commune="Montpellier",
        status="actif",
        external_ref=f"TEST-{fold(surname)[:12]}",
    )
    with write_transaction(db):
        members.save_member(db, member)
        members.add_badge(
            db, new_code(get_convention(db).code_tag), member.id, to_utc_text(clock())
        )
    return member


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_every_layout_has_the_exact_paper_size(demo_db, tmp_path, layout):
    out = tmp_path / f"{layout}.pdf"
    count = render_badges(demo_db, out, layout)
    assert count == 39  # 40 members, Lucas ÉTIENNE withdrawn
    reader = PdfReader(out)
    assert len(reader.pages) == page_layout(layout).pages_for(39)
    width, height = PAPER_MM[layout]
    for page in reader.pages:
        box = page.mediabox
        assert _points_to_mm(box.width) == pytest.approx(width, abs=0.5)
        assert _points_to_mm(box.height) == pytest.approx(height, abs=0.5)


def test_forty_demo_badges_decode_and_check_in_the_right_member(demo_db, desk, clock, tmp_path):
    ids = _all_member_ids(demo_db)
    assert len(ids) == 40
    records = badge_records(demo_db, ids)
    out = tmp_path / "all.pdf"
    render_badges_pdf(records, out, "a4-8")
    layout = LAYOUTS["a4-8"]
    dpi = 150
    session = current_session(demo_db, clock())
    seen = 0
    for page_index, codes in enumerate(_decode(out, dpi)):
        on_page = records[page_index * 8 : page_index * 8 + 8]
        assert len(codes) == len(on_page)
        for code in codes:
            assert code.format == zxingcpp.BarcodeFormat.QRCode and code.ec_level == "Q"
            # Which slot is it in? Each decoded code must sit on its own member's badge.
            x = (code.position.top_left.x + code.position.bottom_right.x) / 2 * 72 / dpi
            y = (
                layout.page_height
                - (code.position.top_left.y + code.position.bottom_right.y) / 2 * 72 / dpi
            )
            slot = next(
                i
                for i, (sx, sy) in enumerate(layout.slots)
                if sx <= x <= sx + layout.badge.width and sy <= y <= sy + layout.badge.height
            )
            record = on_page[slot]
            assert code.text == record.token
            result = checkin.check_in(demo_db, code.text, session, desk, clock)
            assert result.member is not None and result.member.id == record.member_id
            expected = Outcome.MEMBER_WITHDRAWN if result.member.withdrawn else Outcome.CHECKED_IN
            assert result.outcome is expected
            seen += 1
    assert seen == 40


@pytest.mark.parametrize("layout", ["a6", "cr80", "label62"])
def test_single_badge_layouts_decode_at_150_dpi(demo_db, tmp_path, layout):
    records = badge_records(demo_db)[:6]
    out = tmp_path / f"{layout}.pdf"
    render_badges_pdf(records, out, layout)
    decoded = [[code.text for code in codes] for codes in _decode(out)]
    assert decoded == [[record.token] for record in records]


def _char_boxes(pdf_path: Path) -> list[list[tuple[str, Rect]]]:
    document = pdfium.PdfDocument(pdf_path)
    pages = []
    for page in document:
        text = page.get_textpage()
        chars = []
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if char.strip():
                left, bottom, right, top = text.get_charbox(index)
                chars.append((char, Rect(left, bottom, right - left, top - bottom)))
        pages.append(chars)
    document.close()
    return pages


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_long_names_stay_inside_the_badge_and_clear_of_the_qr_code(
    demo_db, clock, tmp_path, layout
):
    longest = _add_member(demo_db, LONGEST[1], LONGEST[0], clock)
    ids = [longest.id, *_all_member_ids(demo_db)[:9]]
    out = tmp_path / f"{layout}.pdf"
    render_badges(demo_db, out, layout, ids)
    page = LAYOUTS[layout]
    badge = page.badge
    for chars in _char_boxes(out):
        assert chars
        for char, box in chars:
            slot = next(
                (x, y)
                for x, y in page.slots
                if Rect(x, y, badge.width, badge.height).contains(box, tolerance=0.5)
            )
            inside = box.moved(-slot[0], -slot[1])
            margin = Rect(2 * mm, 2 * mm, badge.width - 4 * mm, badge.height - 4 * mm)
            assert margin.contains(inside, tolerance=0.2), (layout, char)
            assert not inside.intersects(badge.quiet), (layout, char)
    text = re.sub(r"-\s+", "-", PdfReader(out).pages[0].extract_text())
    assert "Marie-Christine-Alexandrine" in text
    assert "DE LA TOUR-D'AUVERGNE-MONTMORENCY-LAVAL" in " ".join(text.split())


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
def test_text_boxes_never_touch_the_quiet_zone_by_construction(layout):
    badge = LAYOUTS[layout].badge
    assert badge.bounds.contains(badge.quiet)
    for box in badge.text_boxes:
        assert badge.bounds.contains(box)
        assert not box.intersects(badge.quiet)
    # 4 modules of quiet zone around a 29-module symbol, at least 0.75 mm a module.
    assert badge.qr.width / 29 >= 0.75 * mm


def test_fit_text_shrinks_then_wraps_and_never_overflows():
    width, height = 40 * mm, 20 * mm
    short = fit_text("Zoé", BOLD, width, height, 20)
    assert short.lines == ("Zoé",) and short.size == 20
    long = fit_text("DE LA TOUR-D'AUVERGNE", BOLD, width, height, 20)
    assert long.lines == ("DE LA TOUR-", "D'AUVERGNE")
    assert long.width <= width and long.height <= height
    # A very long word is hyphenated rather than shrunk to an unreadable size...
    word = fit_text("WOLFESCHLEGELSTEINHAUSENBERGERDORFF", BOLD, width, height, 20)
    assert word.lines == ("WOLFESCHLEGELSTEIN-", "HAUSENBERGERDORFF")
    assert word.width <= width and word.size > 8
    # ...and whatever its length, it never overflows.
    huge = fit_text("A" * 200, BOLD, width, height, 20)
    assert huge.width <= width and huge.height <= height
    assert all(text_width(line, BOLD, huge.size) <= width for line in huge.lines)


def test_accents_and_ligatures_are_embedded_and_extractable(demo_db, tmp_path):
    out = tmp_path / "accents.pdf"
    refs = ["DEMO-020", "DEMO-016", "DEMO-027", "DEMO-026"]  # Œuvrard, Anaïs, João, Müller
    render_badges(demo_db, out, "cr80", refs)
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    for word in ("ŒUVRARD", "Béatrice", "Anaïs", "João", "MÜLLER", "Agnès", "Méditerranée"):
        assert word in text
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"]  # reportlab: TrueType subsets
            assert "DejaVuSans" in descriptor["/FontName"] and "/FontFile2" in descriptor


def test_default_selection_is_accent_aware_alphabetical_without_withdrawn(demo_db):
    records = badge_records(demo_db)
    surnames = [r.surname for r in records]
    assert "ÉTIENNE" not in surnames  # withdrawn
    assert surnames == sorted(surnames, key=fold)
    assert surnames.index("ESTÈVE") < surnames.index("FAURE")
    assert surnames.index("NGUYEN") < surnames.index("ŒUVRARD") < surnames.index("OLIVIER")
    for record in records:
        assert record.token == members.current_badge(demo_db, record.member_id)


def test_members_by_id_or_external_ref_in_the_order_given(demo_db):
    dubois = next(m for m in members.all_members(demo_db) if m.surname == "DUBOIS")
    records = badge_records(demo_db, ["DEMO-009", dubois.id, "DEMO-009"])
    assert [r.surname for r in records] == ["DE LA TOUR-D'AUVERGNE", "DUBOIS"]
    with pytest.raises(DocumentError, match="Membre inconnu"):
        badge_records(demo_db, ["DEMO-999"])


def test_progress_reports_every_badge(demo_db, tmp_path):
    calls: list[tuple[int, int]] = []
    render_badges(demo_db, tmp_path / "p.pdf", "a4-8", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(i, 39) for i in range(1, 40)]


def test_unknown_layout_is_refused(demo_db, tmp_path):
    with pytest.raises(DocumentError, match="Mise en page inconnue"):
        render_badges(demo_db, tmp_path / "x.pdf", "a3-12")
    assert not (tmp_path / "x.pdf").exists()


def test_a_failure_midway_leaves_the_previous_file_and_no_temporary(demo_db, tmp_path, monkeypatch):
    out = tmp_path / "badges.pdf"
    out.write_bytes(b"previous")
    real = badges_pdf.qr_image
    calls = iter(range(1000))

    def flaky(token: str):
        if next(calls) == 5:
            raise OSError(28, "No space left on device")
        return real(token)

    monkeypatch.setattr(badges_pdf, "qr_image", flaky)
    with pytest.raises(DocumentError):
        render_badges(demo_db, out, "a6")
    assert out.read_bytes() == b"previous"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _prints(db) -> list[tuple[str, dict]]:
    rows = db.execute(
        "SELECT member_id, payload FROM events WHERE kind = 'badge.print' ORDER BY seq"
    ).fetchall()
    return [(member_id, json.loads(payload)) for member_id, payload in rows]


def test_first_prints_are_facts_when_a_desk_prints(demo_db, desk, clock, tmp_path):
    render_badges(demo_db, tmp_path / "b.pdf", "label62", ["DEMO-001"], desk=desk, clock=clock)
    ((member_id, payload),) = _prints(demo_db)
    camille = members.get_member(demo_db, member_id)
    assert camille is not None and camille.external_ref == "DEMO-001"
    assert payload == {
        "token": members.current_badge(demo_db, member_id),
        "layout": "label62",
        "reprint": False,
    }


def test_reprint_revokes_the_lost_code_and_prints_the_new_one(demo_db, desk, clock, tmp_path):
    member = badges_pdf.find_member(demo_db, "DEMO-005")  # Émilie DUBOIS
    old = members.current_badge(demo_db, member.id)
    out = tmp_path / "reprint.pdf"
    new = reprint_badge(demo_db, member.id, "badge perdu", desk, clock, out, "cr80")
    assert new != old and members.current_badge(demo_db, member.id) == new
    assert [[c.text for c in codes] for codes in _decode(out)] == [[new]]
    session = current_session(demo_db, clock())
    refused = checkin.check_in(demo_db, old, session, desk, clock)
    assert refused.outcome is Outcome.REVOKED_BADGE and refused.member.id == member.id
    assert checkin.check_in(demo_db, new, session, desk, clock).outcome is Outcome.CHECKED_IN
    kinds = [row[0] for row in demo_db.execute("SELECT kind FROM events ORDER BY seq")]
    assert kinds[:3] == ["badge.revoke", "badge.issue", "badge.print"]
    assert _prints(demo_db) == [(member.id, {"token": new, "layout": "cr80", "reprint": True})]


def test_reprint_that_cannot_be_written_keeps_the_old_badge(
    demo_db, desk, clock, tmp_path, monkeypatch
):
    member = badges_pdf.find_member(demo_db, "DEMO-005")
    old = members.current_badge(demo_db, member.id)
    with pytest.raises(DocumentError, match="n'existe pas"):
        reprint_badge(demo_db, member.id, "perdu", desk, clock, tmp_path / "no" / "x.pdf")

    def broken(*args, **kwargs):
        raise DocumentError("Impossible d'écrire x.pdf : disque plein.")

    monkeypatch.setattr(badges_pdf, "render_badges_pdf", broken)
    with pytest.raises(DocumentError, match="disque plein"):
        reprint_badge(demo_db, member.id, "perdu", desk, clock, tmp_path / "x.pdf")
    with pytest.raises(DocumentError, match="motif"):
        reprint_badge(demo_db, member.id, "  ", desk, clock, tmp_path / "x.pdf")
    assert members.current_badge(demo_db, member.id) == old
    assert demo_db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


# --- the command line ---------------------------------------------------------------------------


def test_cli_writes_all_badges_and_logs_the_prints(demo_db, db_path, tmp_path, capsys):
    out = tmp_path / "badges.pdf"
    assert main(["badges", "--db", str(db_path), "--layout", "a6", "--out", str(out)]) == 0
    assert "39 badge(s) sur 39 page(s)" in capsys.readouterr().out
    assert len(PdfReader(out).pages) == 39
    assert len(_prints(demo_db)) == 39


def test_cli_reprint_with_member_reference(demo_db, db_path, tmp_path, capsys):
    member = badges_pdf.find_member(demo_db, "DEMO-009")
    old = members.current_badge(demo_db, member.id)
    out = tmp_path / "r.pdf"
    argv = ["badges", "--db", str(db_path), "--member", "DEMO-009", "--reprint"]
    assert main([*argv, "--reason", "badge perdu", "--out", str(out)]) == 0
    assert "réédité" in capsys.readouterr().out
    assert members.is_revoked(demo_db, old)
    assert [[c.text for c in codes] for codes in _decode(out)] == [
        [members.current_badge(demo_db, member.id)]
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--member", "INCONNU"], "Membre inconnu"),
        (["--layout", "a5"], "Mise en page inconnue"),
        (["--member", "DEMO-001", "--reprint"], "motif"),
        (["--reprint", "--reason", "perdu"], "--member"),
        (["--reason", "perdu"], "--reprint"),
    ],
)
def test_cli_refuses_with_a_french_message(demo_db, db_path, tmp_path, capsys, extra, message):
    out = tmp_path / "x.pdf"
    assert main(["badges", "--db", str(db_path), *extra, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("guichet : ") and message in err
    assert not out.exists()


def test_cli_refuses_an_output_folder_that_does_not_exist(demo_db, db_path, tmp_path, capsys):
    out = tmp_path / "absent" / "badges.pdf"
    assert main(["badges", "--db", str(db_path), "--out", str(out)]) == 1
    assert "n'existe pas" in capsys.readouterr().err
    assert _prints(demo_db) == []


def test_cli_refuses_a_missing_database(tmp_path, capsys):
    code = main(["badges", "--db", str(tmp_path / "nope.sqlite"), "--out", str(tmp_path / "x.pdf")])
    assert code == 1 and "introuvable" in capsys.readouterr().err


def test_records_are_plain_data_for_a_worker_thread(tmp_path):
    record = BadgeRecord("m1", "Zoé", "BLANC", new_code(new_tag()))
    assert render_badges_pdf([record], tmp_path / "one.pdf", "cr80") == 1
    assert [[c.text for c in codes] for codes in _decode(tmp_path / "one.pdf")] == [[record.token]]
