"""`guichet --self-test`: prove that this installation works, without a screen or a scanner.

In a temporary folder: a fresh demo convention, the real check-in window built offscreen, one
member checked in by typing their badge code into the scan field as key events (what a
keyboard-wedge scanner does), the banner read back, one badge page rendered and its QR code
decoded again (when zxing-cpp is there). Each step is printed in French; exit 0 when all
passed, 1 with the reason on stderr otherwise. Run it on the bundle after a build, and on a
desk laptop after an install.
"""

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop import __version__

EXIT_FAILED = 1
AGENT = "Autotest"


class SelfTestError(Exception):
    """A step did not give what it should: the message says which and why."""


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    say: Callable[[str], None] = lambda line: print(line, file=out, flush=True)  # noqa: E731
    started = time.monotonic()
    say(f"Guichet {__version__} — autotest")
    try:
        with tempfile.TemporaryDirectory(
            prefix="guichet-autotest-", ignore_cleanup_errors=True
        ) as folder:
            _run(Path(folder), say)
    except SelfTestError as exc:
        print(f"guichet : autotest échoué : {exc}", file=err, flush=True)
        return EXIT_FAILED
    except Exception as exc:  # any fault is a failed self-test, said in one line
        print(f"guichet : autotest échoué : {type(exc).__name__} : {exc}", file=err, flush=True)
        return EXIT_FAILED
    say(f"Autotest réussi en {time.monotonic() - started:.1f} s.")
    return 0


def _run(folder: Path, say: Callable[[str], None]) -> None:
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window, even with a display
    _check_resources(say)

    from desktop.models.clock import system_clock
    from desktop.models.demo import create_demo
    from desktop.models.journal import local_desk
    from desktop.models.members import all_members, current_badge

    db_path = folder / "autotest.guichet.sqlite"
    db = create_demo(db_path, system_clock)
    try:
        people = [m for m in all_members(db) if m.status == "actif"]
        say(f"Base de démonstration créée : {db_path} ({len(people)} membres actifs)")
        member = people[0]
        code = current_badge(db, member.id)
        if code is None:
            raise SelfTestError(f"{member.display_name} n'a pas de badge.")
        _check_in(db, db_path, local_desk(db, AGENT), system_clock, member, code, say)
        _badge_page(db, folder / "badge.pdf", member, code, say)
    finally:
        db.close()


def _check_resources(say: Callable[[str], None]) -> None:
    from desktop.paths import resource, resources_dir

    wanted = {
        "polices": resource("fonts", "DejaVuSans.ttf"),
        "sons": resource("sounds", "checked_in.wav"),
        "communes": resource("data", "communes.csv"),
        "traductions": resource("i18n", "guichet_en.qm"),
    }
    missing = [f"{what} ({path})" for what, path in wanted.items() if not path.is_file()]
    if missing:
        raise SelfTestError("ressources absentes : " + ", ".join(missing))
    frozen = " (application empaquetée)" if getattr(sys, "frozen", False) else ""
    say(f"Ressources présentes{frozen} : {resources_dir()} ({', '.join(wanted)})")


def _application():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.app import make_application
    from desktop.ui.i18n import install_language, installed_catalogues

    app = make_application()
    install_language(app, "en")
    catalogues = installed_catalogues(app)
    english = QApplication.translate("wording", "Prêt : scannez un badge")
    if english != "Ready: scan a badge" or not any("qtbase_en" in c for c in catalogues):
        raise SelfTestError(f"traduction anglaise incomplète : {english!r}, {catalogues}")
    say_en = f"Traductions : anglais chargé ({english!r}), Qt : {len(catalogues)} catalogue(s)"
    install_language(app, "fr")  # the self-test reads the French screen
    if not any("qtbase_fr" in c for c in installed_catalogues(app)):
        raise SelfTestError("traduction française de Qt (qtbase_fr) introuvable")
    return app, say_en


def _check_in(db, db_path, desk, clock, member, code, say) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from desktop.models.checkin import Outcome
    from desktop.ui.main_window import MainWindow
    from desktop.ui.sounds import Sounds
    from desktop.ui.wording import Role

    app, translations = _application()
    say(translations)
    window = MainWindow(db, db_path, desk, clock, sounds=Sounds(enabled=False))
    window.preview_documents = False
    window.show()
    app.processEvents()
    say(
        f"Écran d'accueil construit (plateforme Qt : {app.platformName()}) : {window.windowTitle()}"
    )
    field = window.scan_field
    field.setFocus()
    for ch in code:  # key events, one character at a time, as a scanner types
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            field, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )
    app.processEvents()
    result = window.last_result
    title = window.banner.title.text()
    if result is None or result.outcome is not Outcome.CHECKED_IN:
        outcome = result.outcome.name if result else "aucun résultat"
        raise SelfTestError(
            f"le scan du badge n'a pas enregistré l'arrivée ({outcome}, « {title} »)"
        )
    if window.banner.current.role is not Role.SUCCESS or member.first_name not in title:
        raise SelfTestError(f"bandeau inattendu après le scan : « {title} »")
    say(
        f"Scan du badge de {member.display_name} : bandeau « {title} » ({window.counter_label.text()})"
    )
    window.close()
    window.deleteLater()
    app.processEvents()


def _badge_page(db, out: Path, member, code: str, say) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.documents.badges_pdf import render_badges

    count = render_badges(db, out, "a4-8", [member.id])
    if count != 1 or not out.is_file() or not out.read_bytes().startswith(b"%PDF"):
        raise SelfTestError(f"la page de badge n'a pas été écrite ({out})")
    say(f"Page de badge rendue : {out.name} ({out.stat().st_size} octets, {count} badge)")
    try:  # ReportLab's C accelerator: without it every PDF is 25-40 % slower
        import _rl_accel  # type: ignore[import-not-found]  # noqa: F401

        say("Accélérateur PDF (rl_accel) : présent")
    except ImportError:
        say("Accélérateur PDF (rl_accel) : absent, les PDF seront plus lents")
    try:
        import zxingcpp  # type: ignore[import-not-found]
    except ImportError:
        say("QR code non relu : zxing-cpp n'est pas installé (étape sautée)")
        return
    image = _page_image(out)
    decoded = [barcode.text for barcode in zxingcpp.read_barcodes(image)]
    if code not in decoded:
        raise SelfTestError(f"le QR code du badge ne se relit pas (lu : {decoded})")
    say(f"QR code relu sur la page rendue à 150 ppp : {code[:6]}… = badge de {member.display_name}")


def _page_image(pdf: Path):  # type: ignore[no-untyped-def]
    """The first page at 150 dpi, through QtPdf (part of the app), as a grey PIL image."""
    from PIL import Image
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument

    from desktop.ui.pdf_preview import page_image

    document = QPdfDocument()
    document.load(str(pdf))
    if document.pageCount() < 1:
        raise SelfTestError(f"QtPdf ne lit pas {pdf.name}")
    grey = page_image(document, 0, 150).convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())  # type: ignore[call-overload]
    image = Image.frombuffer(
        "L", (grey.width(), grey.height()), data, "raw", "L", grey.bytesPerLine(), 1
    )
    document.close()
    return image
