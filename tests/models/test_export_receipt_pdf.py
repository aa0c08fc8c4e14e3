"""The export receipt (A6 handover sheet) of a real export, read back as text and as an image."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader

from desktop.models.desk_setup import DeskCreated, create_desk
from desktop.models.documents.export_receipt_pdf import (
    LEFT,
    PAGE_HEIGHT,
    RIGHT,
    SIGNATURE_TOP,
    receipt_file_name,
    render_export_receipt,
)
from desktop.models.documents.layout import DocumentError, mm
from desktop.models.export import ExportReceipt
from tests.models.sync_support import export, make_desk, make_office, meal, scan, sha256_file

PHRASE = "cheval agrafé 2023"
LONG_LABEL = "Guichet de l'accueil principal — hall Nord/B"
LONG_AGENT = "Marie-Christine de La Tour-d'Auvergne"
CAPTIONS = ("Remis par (signature)", "Reçu au bureau (signature)")
DPI = 150


@pytest.fixture
def office(tmp_path, clock) -> Path:
    return make_office(tmp_path, clock)


def _exported(desk: DeskCreated, out: Path, clock, passphrase: str | None = None) -> ExportReceipt:
    """Two facts at the desk (a check-in, a meal pass), then the real export."""
    scan(desk.db_path, clock)
    meal(desk.db_path, clock)
    return export(desk, out, clock, passphrase=passphrase)


def _text(pdf: Path) -> str:
    """The page's text with runs of white space as one space (pypdf's line breaks vary)."""
    return " ".join(PdfReader(pdf).pages[0].extract_text().split())


def _image(pdf: Path) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        document.close()


def _baselines(pdf: Path) -> list[tuple[str, float]]:
    """(text, baseline in points from the bottom) of every text run on the page."""
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((text.strip(), tm[5] * cm[3] + cm[5]))

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return runs


def _ink_height(image: Image.Image, baseline: float, size: float) -> float:
    """Height in points of the ink of the line set at `baseline` (hex: no descenders)."""
    px = DPI / 72
    top = round((PAGE_HEIGHT - baseline - size) * px)
    bottom = round((PAGE_HEIGHT - baseline + 0.3 * size) * px)
    band = image.crop((0, top, image.width, bottom))
    inked = [
        y for y in range(band.height) if band.crop((0, y, band.width, y + 1)).getextrema()[0] < 128
    ]
    return (max(inked) - min(inked) + 1) / px if inked else 0.0


def test_the_receipt_of_a_real_export_shows_what_the_office_checks(tmp_path, office, clock):
    desk = make_desk(office, tmp_path, "Guichet 2")
    receipt = _exported(desk, tmp_path / "usb", clock)
    assert receipt.sha256 == sha256_file(receipt.snapshot_path)
    clock.advance(hours=9, minutes=35)  # printed at the end of the day: 18:47
    out = tmp_path / receipt_file_name(receipt)

    assert render_export_receipt(receipt, out, agent="Martin", printed_at=clock()) == out

    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) / mm == pytest.approx(105, abs=0.5)  # A6
    assert float(box.height) / mm == pytest.approx(148, abs=0.5)
    assert reader.metadata.title == "Reçu d'export — Guichet 2"
    text = _text(out)
    assert text.startswith("Reçu d'export du guichet Imprimé le 11/11/2023 à 18:47 ")
    assert f"Poste Guichet 2 Identifiant du poste {desk.desk_id} " in text
    assert "Dernier n° de séquence 2 Nombre de faits 2 " in text
    size = " ".join(f"{receipt.size:,}".split(","))  # 217 088: French thousands
    # Exported at 09:12 (the snapshot's moment, from the manifest), printed at 18:47.
    assert (
        f"Taille {size} octets Chiffré non Exporté par Martin Exporté le 11/11/2023 à 09:12 "
        in (text)
    )
    short = receipt.sha256[:12]
    assert f"Empreinte SHA-256 (12 premiers caractères) {short[:4]} {short[4:8]} {short[8:]} " in (
        text
    )
    # The whole hash, unbroken, on two lines of 32: what the office's import history shows.
    assert f" {receipt.sha256[:32]} {receipt.sha256[32:]} " in text
    for path in receipt.paths:
        assert f"Fichier : {path.name}" in text
    assert text.endswith(" ".join(CAPTIONS))

    # Readable: the first 12 characters large, the whole hash no smaller than 7 points.
    image = _image(out)
    image.save(tmp_path / "recu.png")
    baselines = dict(_baselines(out))
    grouped = f"{short[:4]} {short[4:8]} {short[8:]}"
    assert _ink_height(image, baselines[grouped], 20) >= 14  # digits of a 20-point font
    for half in (receipt.sha256[:32], receipt.sha256[32:]):
        assert _ink_height(image, baselines[half], 8) >= 5  # 6-point digits are 4.4 high


@pytest.mark.parametrize("passphrase", [None, PHRASE], ids=["plain", "encrypted"])
def test_long_values_are_printed_whole_and_inside_the_page(tmp_path, office, clock, passphrase):
    desk = create_desk(office, tmp_path / "accueil.sqlite", LONG_LABEL)
    receipt = _exported(desk, tmp_path / "usb", clock, passphrase)
    out = tmp_path / receipt_file_name(receipt)
    render_export_receipt(receipt, out, agent=LONG_AGENT, printed_at=clock())

    # Every value whole (set smaller or on two lines, never cut): compared without the line
    # breaks, which may fall at a space or after a hyphen.
    packed = "".join(_text(out).split())
    encrypted = "oui (phrase secrète transmise à part)" if passphrase else "non"
    for value in (LONG_LABEL, LONG_AGENT, encrypted, *(p.name for p in receipt.paths)):
        assert "".join(value.split()) in packed
    assert [p.suffix for p in receipt.paths] == ([".zip"] if passphrase else [".sqlite", ".json"])

    # Nothing drawn in the side margins (the old receipt ran the label off the right edge).
    image = _image(out)
    px = DPI / 72
    width, height = image.size
    right_margin = image.crop((round((RIGHT + 0.5 * mm) * px), 0, width, height))
    left_margin = image.crop((0, 0, round((LEFT - 0.5 * mm) * px), height))
    assert right_margin.getextrema() == (255, 255)
    assert left_margin.getextrema() == (255, 255)

    # And the text stays clear of the signature boxes: every line above the captions' line.
    runs = _baselines(out)
    assert {text for text, _ in runs} >= set(CAPTIONS)
    body = [(text, y) for text, y in runs if text not in CAPTIONS]
    assert body and min(y for _, y in body) > SIGNATURE_TOP + 10


def test_the_file_name_holds_no_folder_separator(tmp_path, office, clock):
    desk = create_desk(office, tmp_path / "accueil.sqlite", LONG_LABEL)
    receipt = _exported(desk, tmp_path / "usb", clock)
    name = receipt_file_name(receipt)
    assert name == "recu-export-Guichet-de-l-accueil-principal-hall-Nord-B-2.pdf"
    out = render_export_receipt(receipt, tmp_path / name, agent="Martin", printed_at=clock())
    assert out.parent == tmp_path and out.is_file()


def test_a_missing_folder_is_refused_in_french_and_nothing_is_written(tmp_path, office, clock):
    desk = make_desk(office, tmp_path, "Guichet 2")
    receipt = _exported(desk, tmp_path / "usb", clock)
    gone = tmp_path / "clé retirée"
    with pytest.raises(DocumentError, match="n'existe pas"):
        render_export_receipt(receipt, gone / "recu.pdf", agent="Martin", printed_at=clock())
    assert not gone.exists()
