"""The roster import's report (Ctrl+I) fits the desk's screen whatever its lists' length: a
short summary (counts, first problems), every withdrawn member, problem and warning in a detail
that scrolls, OK always in view. A message box listing 39 withdrawn members was taller than an
800 px screen: its OK button was below it."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from desktop.models import members
from desktop.models.roster import ImportReport, RowProblem
from desktop.ui import screen_fit, theme
from desktop.ui.import_report import ImportReportDialog
from desktop.ui.settings import STANDARD
from tests.ui.test_import_roster_ui import reports_shown, withdrawals_answered

DESK_SCREEN = QSize(1024, 768)

WITHDRAWN = tuple(f"Prénom{n} NOM{n} (Montpellier)" for n in range(500))
PROBLEMS = tuple(RowProblem(n + 2, f"commune inconnue « Ville{n} »") for n in range(300))
WARNINGS = tuple(f"colonne « Extra{n} » ignorée : donnée non conservée" for n in range(300))

REPORTS = {
    "500 retirés, 300 avertissements": ImportReport(
        ok=True,
        created=1,
        withdrawn=500,
        withdrawn_names=WITHDRAWN,
        warnings=WARNINGS,
        filename="tirage.csv",
    ),
    "300 problèmes": ImportReport(ok=False, errors=PROBLEMS, filename="tirage.csv"),
    "300 problèmes et 500 noms": ImportReport(
        ok=False, errors=PROBLEMS, withdrawn_names=WITHDRAWN, filename="tirage.csv"
    ),
}


@pytest.fixture(params=[100, 200], ids=["100%", "200%"])
def text_scale(request, qapp, monkeypatch):
    monkeypatch.setattr(screen_fit, "available_size", lambda _widget: DESK_SCREEN)
    theme.apply_theme(qapp, STANDARD, request.param)
    yield request.param
    theme.restore_default(qapp)


def show(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    return dialog


def assert_fits_with_ok_in_view(dialog: ImportReportDialog) -> None:
    room = DESK_SCREEN - screen_fit.FRAME  # the screen less the window's title bar
    assert dialog.width() <= room.width() and dialog.height() <= room.height(), dialog.size()
    ok = dialog.ok_button
    assert ok.isVisible() and ok.sizeHint().width() <= ok.width()
    corner = ok.mapTo(dialog, ok.rect().bottomRight())
    assert corner.x() < dialog.width() and corner.y() < dialog.height()


@pytest.mark.parametrize("name", list(REPORTS))
def test_long_lists_fit_the_screen_and_nothing_is_left_out(qtbot, text_scale, name):
    report = REPORTS[name]
    dialog = show(qtbot, ImportReportDialog(report))
    assert_fits_with_ok_in_view(dialog)
    # Short enough to read at a glance: the counts or the first problems.
    assert len(dialog.summary.text().splitlines()) <= 10
    assert dialog.detail.isVisible()
    detail = dialog.detail.toPlainText().splitlines()
    if report.ok:
        assert (
            dialog.headline.text() == "✔ Import de « tirage.csv » réussi : 1 membre dans la liste."
        )
        assert "Retirés (absents du nouveau fichier) : 500" in dialog.summary.text()
        assert all(f"  - {person}" in detail for person in WITHDRAWN)
    else:
        assert dialog.headline.text() == "✖ Import de « tirage.csv » refusé : 300 problèmes."
        assert "• ligne 2 : commune inconnue « Ville0 »" in dialog.summary.text()
        assert "… et 297 autres : liste complète dans le détail." in dialog.summary.text()
        assert all(f"  - {problem}" in detail for problem in PROBLEMS)
        assert not any("NOM0" in line for line in detail)  # refused: nobody was withdrawn
    assert all(f"  - {warning}" in detail for warning in report.warnings)


def test_a_short_report_is_a_short_box_without_detail(qtbot, text_scale):
    report = ImportReport(
        ok=True, created=2, updated=1, unchanged=37, filename="liste.csv", warnings=("w",)
    )
    dialog = show(qtbot, ImportReportDialog(report))
    assert_fits_with_ok_in_view(dialog)
    assert not dialog.detail.isVisible()
    assert dialog.height() < DESK_SCREEN.height() // 2 * text_scale // 100
    assert dialog.text() == (
        "✔ Import de « liste.csv » réussi : 40 membres dans la liste.\n"
        "Nouveaux : 2 (un badge créé pour chacun)\n"
        "Mis à jour : 1\n"
        "Inchangés : 37\n"
        "Retirés (absents du nouveau fichier) : 0\n"
        "⚠ Avertissements :\n"
        "• w"
    )


def test_enter_closes_tab_reaches_the_detail_and_the_arrows_scroll_it(qtbot):
    dialog = show(qtbot, ImportReportDialog(REPORTS["300 problèmes"]))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.ok_button.hasFocus()  # Entrée at once: the agent has read the summary
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Tab)
    assert dialog.detail.hasFocus()
    bar = dialog.detail.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    qtbot.keyClick(dialog.detail, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(dialog.detail, Qt.Key.Key_Tab)  # Tab goes on, never typed in the text
    assert dialog.ok_button.hasFocus()
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_ctrl_i_on_the_demo_lists_the_39_withdrawn_within_the_screen(
    qtbot, window, demo_db, tmp_path, monkeypatch
):
    monkeypatch.setattr(screen_fit, "available_size", lambda _widget: QSize(1280, 800))
    roster = tmp_path / "petite-liste.csv"
    roster.write_text("Nom;Prénom;Commune\nNOUVEL;Aurélie;Montpellier\n", encoding="utf-8")
    before = {m.id for m in members.all_members(demo_db) if not m.withdrawn}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(roster), ""))
    shown = reports_shown(monkeypatch)
    withdrawals_answered(monkeypatch, confirm=True)  # asked first: 39 of 39 leave
    window.import_action.trigger()
    (dialog,) = shown
    assert window.scan_field.hasFocus()  # the report closed: the keys are the scan field's
    show(qtbot, dialog)
    assert dialog.height() <= 800 - screen_fit.FRAME.height()
    assert dialog.ok_button.mapTo(dialog, dialog.ok_button.rect().bottomLeft()).y() < 800
    assert dialog.report.withdrawn == len(before) == 39
    detail = dialog.detail.toPlainText().splitlines()
    assert detail[0] == "Retirés (absents du nouveau fichier) : 39"
    assert len(detail) == 40
