"""The member information notice: shown large, printed (PDF read back), edited by the office."""

import pypdfium2
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.models import accounts, notice
from desktop.models.accounts import Role
from desktop.ui.notice_dialog import NoticeDialog, can_edit_notice
from desktop.ui.tasks import InlinePool, TaskRunner
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def make_dialog(qtbot, demo_db, clock, desk, tmp_path):
    def make(can_edit=False):
        dialog = NoticeDialog(
            demo_db,
            clock,
            desk,
            TaskRunner(pool=InlinePool()),
            can_edit=can_edit,
            out_folder=tmp_path / "pdf",
        )
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    return make


def _pdf_text(path):
    return " ".join(page.extract_text() for page in PdfReader(path).pages).replace("\xa0", " ")


def test_shows_every_section_in_large_type(make_dialog):
    dialog = make_dialog()
    text = dialog.browser.toPlainText()
    for heading in ("Responsable du traitement", "Base légale", "Vos droits", "Réclamation"):
        assert heading in text
    assert "CNIL" in text
    assert dialog.browser.font().pointSize() >= 14
    assert not dialog.edit_button.isVisible()


def test_print_makes_a_pdf_that_reads_back(qtbot, make_dialog):
    dialog = make_dialog()
    qtbot.keyClick(dialog.browser, Qt.Key.Key_P, CTRL)
    assert dialog.preview is not None and dialog.preview.isVisible()
    text = _pdf_text(dialog.last_pdf)
    for heading in ("Responsable du traitement", "Finalités", "Délégué à la protection", "CNIL"):
        assert heading in text
    assert "mission d'intérêt public" in text
    document = pypdfium2.PdfDocument(dialog.last_pdf)
    assert len(document) == 1  # the default notice fits one A4 page
    image = document[0].render(scale=1).to_pil()
    assert image.size[0] < image.size[1]
    dialog.preview.close()


def test_an_agent_cannot_edit(qtbot, make_dialog, demo_db):
    dialog = make_dialog(can_edit=False)
    qtbot.keyClick(dialog.browser, Qt.Key.Key_M, CTRL_SHIFT)
    assert not dialog.editing


def test_the_office_edits_saves_and_prints_the_new_text(qtbot, make_dialog, demo_db):
    dialog = make_dialog(can_edit=True)
    qtbot.keyClick(dialog.browser, Qt.Key.Key_M, CTRL_SHIFT)
    assert dialog.editing
    qtbot.waitUntil(dialog.fields["title"].hasFocus)
    dialog.fields["title"].selectAll()
    type_text(dialog.fields["title"], "Notice révisée du bureau")
    qtbot.keyClick(dialog.fields["title"], Qt.Key.Key_S, CTRL)
    assert not dialog.editing
    assert notice.get_notice(demo_db).title == "Notice révisée du bureau"
    assert "Notice révisée du bureau" in dialog.browser.toPlainText()
    (count,) = demo_db.execute("SELECT COUNT(*) FROM events WHERE kind = 'notice.set'").fetchone()
    assert count == 1
    qtbot.keyClick(dialog.browser, Qt.Key.Key_P, CTRL)
    assert "Notice révisée du bureau" in _pdf_text(dialog.last_pdf)
    dialog.preview.close()


def test_an_empty_section_is_refused_and_escape_drops_the_edit(qtbot, make_dialog, demo_db):
    dialog = make_dialog(can_edit=True)
    qtbot.keyClick(dialog.browser, Qt.Key.Key_M, CTRL_SHIFT)
    dialog.fields["dpo"].setFocus()
    dialog.fields["dpo"].selectAll()
    qtbot.keyClick(dialog.fields["dpo"], Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.fields["dpo"], Qt.Key.Key_S, CTRL)
    assert dialog.editing and "ne peut pas être vide" in dialog.edit_error.text()
    qtbot.keyClick(dialog.fields["dpo"], Qt.Key.Key_Escape)
    assert not dialog.editing and dialog.isVisible()
    assert notice.get_notice(demo_db) == notice.DEFAULT_NOTICE
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_who_may_edit(demo_db, clock):
    assert can_edit_notice(demo_db, "Martin")  # no accounts: as before
    password = "Tr3s-Long-Secret!"
    accounts.create_account(demo_db, "Martin", Role.ACCUEIL, password, clock)
    accounts.create_account(demo_db, "Bruno", Role.RESPONSABLE, password, clock, by="Martin")
    assert not can_edit_notice(demo_db, "Martin")
    assert can_edit_notice(demo_db, "bruno")
    assert not can_edit_notice(demo_db, "Inconnu")


def test_the_notice_text_follows_the_text_size_setting(qapp, make_dialog):
    from desktop.ui import theme
    from desktop.ui.notice_dialog import READING_POINT_SIZE
    from desktop.ui.settings import STANDARD

    try:
        theme.apply_theme(qapp, STANDARD, 150)
        dialog = make_dialog()
        assert dialog.browser.font().pointSizeF() == READING_POINT_SIZE * 1.5
    finally:
        theme.restore_default(qapp)
