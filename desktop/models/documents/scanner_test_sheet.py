"""The scanner test sheet: the code to scan on the set-up page, with what to do, in French.

One A4 page: the test code as a large QR code and in plain text (so the agent can compare
with what the scanner typed), numbered instructions, and what each diagnosis means. The
code matches no member: scanning it at the desk records nothing.
"""

from pathlib import Path
from typing import Any

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit

from desktop.models.documents.fonts import BOLD, REGULAR
from desktop.models.documents.layout import Rect, atomic_output, draw_text, fit_text, mm, new_canvas
from desktop.models.scanner_diagnosis import TEST_CODE
from desktop.models.workspace import ORGANISER

ACCENT = Color(0.12, 0.23, 0.41)  # the badges' dark blue (11:1 on white)
GREY = Color(0.3, 0.3, 0.3)  # 7.5:1 on white
MARGIN = 18 * mm
QR_SIDE = 62 * mm

INSTRUCTIONS = (
    "Branchez le scanner sur l'ordinateur du guichet et ouvrez Guichet.",
    "Ouvrez la page « Réglage du scanner » (menu Guichet).",
    "Visez le code ci-dessus avec le scanner, à 10 à 20 cm de la feuille.",
    "Lisez ce que le scanner a tapé et le diagnostic : chaque problème est dit avec la façon "
    "de le corriger (en général, un code de configuration à scanner dans le manuel du "
    "scanner).",
    "Corrigez, puis scannez de nouveau ce code jusqu'au message « Le scanner est bien réglé ».",
)
FINDINGS = (
    ("Clavier", "A et Q, Z et W échangés, chiffres devenus &é\"' ou !@# : le "
     "scanner et l'ordinateur n'ont pas le même clavier (QWERTY ou AZERTY)."),
    ("Verr. Maj", "majuscules et minuscules inversées."),
    ("Préfixe, suffixe", "des caractères ajoutés avant ou après le code."),
    ("Touche de fin", "ni Entrée ni Tab après le code : chaque scan attendrait une touche."),
    ("Vitesse", "le scanner tape aussi lentement qu'une personne : ses scans ne peuvent pas "
     "être reconnus quand le curseur est dans un autre champ."),
)  # fmt: skip


def test_code_image(text: str = TEST_CODE) -> Image.Image:
    """The QR symbol alone (no quiet zone: the page keeps that area blank), grey levels."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = Image.frombytes("L", (len(matrix), len(matrix)), pixels)
    side = len(matrix) * 8
    return image.resize((side, side), Image.Resampling.NEAREST)


def _paragraph(canvas: Any, text: str, x: float, top: float, width: float, size: float) -> float:
    """Wrapped lines from `top` down; returns the y below the last line."""
    canvas.setFont(REGULAR, size)
    y = top - size
    for line in simpleSplit(text, REGULAR, size, width):
        canvas.drawString(x, y, line)
        y -= size * 1.3
    return y + size * 1.3 - size * 0.4


def render_scanner_test_sheet(out: Path, *, organiser: str = ORGANISER) -> Path:
    """Write the test sheet to `out` (atomically) and return `out`."""
    width, height = A4
    inner = width - 2 * MARGIN
    with atomic_output(out) as temporary:
        canvas = new_canvas(
            temporary,
            width,
            height,
            title="Guichet — feuille de test du scanner",
            author=organiser,
            subject="Code de test pour régler un scanner de badges",
        )
        top = height - MARGIN
        canvas.setFillColor(ACCENT)
        draw_text(
            canvas, fit_text(organiser, BOLD, inner, 14, 11), Rect(MARGIN, top - 14, inner, 14)
        )
        title = fit_text("Réglage du scanner de badges : code de test", BOLD, inner, 26, 20)
        draw_text(canvas, title, Rect(MARGIN, top - 48, inner, 30))
        canvas.setStrokeColor(ACCENT)
        canvas.line(MARGIN, top - 54, width - MARGIN, top - 54)
        canvas.setFillColor(black)

        qr_top = top - 70
        qr_x = (width - QR_SIDE) / 2
        canvas.drawImage(ImageReader(test_code_image()), qr_x, qr_top - QR_SIDE, QR_SIDE, QR_SIDE)
        text_box = Rect(MARGIN, qr_top - QR_SIDE - 34, inner, 22)
        draw_text(canvas, fit_text(TEST_CODE, BOLD, inner, 22, 18), text_box, align="center")
        canvas.setFillColor(GREY)
        note = (
            "Ce code ne correspond à aucun membre : le scanner au guichet n'enregistre "
            "rien. Il contient des chiffres, des majuscules, des minuscules et les "
            "lettres A, Q, Z, W, M, qui changent de place d'un clavier à l'autre."
        )
        y = _paragraph(canvas, note, MARGIN, text_box.y - 8, inner, 9.5)
        canvas.setFillColor(black)

        y -= 16
        draw_text(
            canvas,
            fit_text("Marche à suivre", BOLD, inner, 16, 14),
            Rect(MARGIN, y - 16, inner, 16),
        )
        y -= 22
        for number, step in enumerate(INSTRUCTIONS, start=1):
            canvas.setFont(BOLD, 11)
            canvas.drawString(MARGIN, y - 11, f"{number}.")
            y = _paragraph(canvas, step, MARGIN + 7 * mm, y, inner - 7 * mm, 11) - 6

        y -= 10
        draw_text(
            canvas,
            fit_text("Ce que le diagnostic peut dire", BOLD, inner, 16, 14),
            Rect(MARGIN, y - 16, inner, 16),
        )
        y -= 22
        for name, meaning in FINDINGS:
            canvas.setFont(BOLD, 10.5)
            canvas.drawString(MARGIN, y - 10.5, name)
            y = _paragraph(canvas, meaning, MARGIN + 36 * mm, y, inner - 36 * mm, 10.5) - 5

        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, 9)
        canvas.drawString(
            MARGIN,
            MARGIN - 6,
            "Les badges passent même avec un scanner mal réglé (leur code évite ces "
            "touches) ; réglez-le quand même.",
        )
        canvas.showPage()
        canvas.save()
    return out
