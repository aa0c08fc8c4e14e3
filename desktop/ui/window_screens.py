"""The screens and documents opened from the check-in window, and its background tasks.

A mixin of MainWindow: it uses the window's db, desk, clock, tasks, session and widgets. Each
screen is a dialog of its own module; this file only opens them and gives the keys back to
the scan field when they close.
"""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.ui.roster_model import MEMBER_ROLE


class WindowScreens:
    """Opening screens, documents and background work from the check-in window."""

    def _draw_meal_pass(self, event_id: str) -> None:
        """The voucher of the pass just handed out, drawn off the GUI thread; Ctrl+P shows it."""
        from desktop.models.documents.desk_jobs import passes_work
        from desktop.ui.documents_dialog import default_folder

        assert self.session is not None
        folder = default_folder() / "bons-repas"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            work = passes_work(
                self.db, self.session, folder / f"bon-{event_id}.pdf", "a6", [event_id]
            )
        except Exception as exc:  # the hand-out is recorded; only the voucher is missing
            self.statusBar().showMessage(
                self.tr("Bon repas non préparé : {error}").format(error=exc), 10_000
            )
            return
        self.tasks.start(self.tr("Bon repas…"), work, self._meal_pass_drawn, self._task_failed)

    def _meal_pass_drawn(self, done: tuple[Path, int, tuple[str, ...]]) -> None:
        self.last_meal_pass = done[0]
        self.statusBar().showMessage(
            self.tr("Bon repas prêt à imprimer (Ctrl+P) : {path}").format(path=done[0]), 15_000
        )

    def print_last_meal_pass(self) -> None:
        if self.last_meal_pass is None or not self.last_meal_pass.exists():
            self.statusBar().showMessage(
                self.tr("Aucun bon repas à imprimer pour l'instant."), 8_000
            )
            return
        from desktop.ui.pdf_preview import PdfPreviewDialog

        self._open_dialog(PdfPreviewDialog(self.last_meal_pass, self))

    # --- roster import and badges (background tasks) ------------------------------------

    def import_roster(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Importer la liste des membres"),
            str(Path.home()),
            self.tr("Listes (*.csv *.xlsx *.ods *.txt);;Tous les fichiers (*)"),
        )
        self.scan_field.setFocus()
        if path:
            self.start_roster_import(Path(path))

    def start_roster_import(self, path: Path, *, withdraw_most: bool = False) -> None:
        from desktop.ui.jobs import import_roster_job

        self.import_action.setEnabled(False)
        self.tasks.start(
            self.tr("Import de la liste…"),
            import_roster_job(self.db_path, path, self.clock, withdraw_most=withdraw_most),
            lambda report: self._roster_imported(report, path),
            self._task_failed,
        )

    def _roster_imported(self, report, path: Path) -> None:  # type: ignore[no-untyped-def]
        from desktop.ui.import_report import ImportReportDialog

        self.import_action.setEnabled(True)
        if report.needs_confirmation:
            # Most members absent from the file: nothing was written; the agent confirms
            # (the complete list, most members really leave) or nothing happens.
            if self.confirm_withdrawals(report):
                self.start_roster_import(path, withdraw_most=True)
            self.scan_field.setFocus()
            return
        self.refresh_roster()
        # Not a message box: with 39 withdrawn members listed it was taller than the screen.
        self._open_dialog(ImportReportDialog(report, self))

    def confirm_withdrawals(self, report) -> bool:  # type: ignore[no-untyped-def]
        from desktop.ui.import_report import WithdrawConfirmation

        box = WithdrawConfirmation(report, self)
        box.exec()
        confirmed = box.clickedButton() is box.withdraw_button
        box.deleteLater()
        return confirmed

    def print_badges(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer les badges (PDF)"),
            str(Path.home() / "badges.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        self.scan_field.setFocus()
        if path:
            self.start_badges(Path(path))

    def start_badges(self, out: Path, layout: str = "a4-8") -> None:
        from desktop.models.documents.desk_jobs import badges_logged_work

        try:
            # The worker logs the prints itself: 1 000 facts on this thread froze the window.
            work = badges_logged_work(self.db, self.db_path, out, layout, self.desk, self.clock)
        except Exception as exc:  # e.g. a member whose badges are all revoked
            self._task_failed(exc)
            return
        self.badges_action.setEnabled(False)
        self.tasks.start(
            self.tr("Badges en cours…"),
            work,
            lambda done: self._badges_done(done, layout),
            self._task_failed,
        )

    def _badges_done(self, done: tuple[Path, list], layout: str) -> None:  # type: ignore[type-arg]
        from desktop.ui.pdf_preview import PdfPreviewDialog

        out, _records = done  # the prints are logged by the worker (badges_logged_work)
        self.badges_action.setEnabled(True)
        self.statusBar().showMessage(
            self.tr("Badges enregistrés : {path}").format(path=out), 10_000
        )
        if self.preview_documents:
            PdfPreviewDialog(out, self).exec()
        self.scan_field.setFocus()

    def open_documents(self) -> None:
        from desktop.ui.documents_dialog import DocumentsDialog

        dialog = DocumentsDialog(self.db, self.db_path, self.desk, self.clock, self.tasks, self)
        if self.session is not None:
            dialog.select_session(self.session.id)
        member_id = self._selected(MEMBER_ROLE)
        if member_id:
            dialog.select_member(member_id)
        dialog.badge_reissued.connect(self._refresh_member)
        self._open_dialog(dialog)

    def open_close_export(self) -> None:
        from desktop.ui.close_export_dialog import CloseExportDialog

        dialog = CloseExportDialog(self.db, self.db_path, self.desk, self.clock, self.tasks, self)
        dialog.preview_documents = self.preview_documents
        if self.backup_timer is not None:  # a backup at each day close, as well as every N min
            dialog.finished.connect(lambda _code: self.backup_timer.backup_now())
        self._open_dialog(dialog)

    def restore_backup(self) -> None:
        """Restore a backup (with a preview); the current file is kept aside. Guichet then
        closes: the next start opens the restored file."""
        from desktop import paths
        from desktop.ui.backup_dialog import RestoreDialog

        dialog = RestoreDialog(self.db_path, paths.backup_folder(), self.clock, self, self.db.close)
        self._open_dialog(dialog)
        if dialog.restored is not None:
            QMessageBox.information(
                self,
                self.tr("Sauvegarde restaurée"),
                self.tr("La sauvegarde est restaurée. Guichet va se fermer : relancez-le."),
            )
            self.close()

    def open_member_card(self) -> None:
        from desktop.ui.member_card import MemberCardDialog

        member_id = self._selected(MEMBER_ROLE)
        if member_id is None and self.last_result and self.last_result.member:
            member_id = self.last_result.member.id
        if member_id is None:
            QMessageBox.information(
                self,
                self.tr("Fiche du membre"),
                self.tr("Choisissez d'abord une personne dans la liste (Ctrl+F pour chercher)."),
            )
            self.scan_field.setFocus()
            return
        dialog = MemberCardDialog(self.db, self.desk, self.clock, member_id, self)
        dialog.changed.connect(self._refresh_member)
        self._open_dialog(dialog)

    def open_caterer(self) -> None:
        from desktop.ui.caterer_screen import CatererScreen

        self._open_dialog(
            CatererScreen(self.db, self.desk, self.clock, self.session, self, sounds=self.sounds)
        )

    def open_guest_meal(self) -> None:
        """A meal pass for an expert, staff member or elected official (counted apart)."""
        from desktop.ui.guest_meal_dialog import GuestMealDialog

        dialog = GuestMealDialog(self.db, self.desk, self.clock, self.session, self)
        dialog.issued.connect(self._draw_meal_pass)  # the voucher, drawn off the GUI thread
        self._open_dialog(dialog)

    def open_sessions(self) -> None:
        from desktop.ui.sessions_screen import SessionsScreen

        self._open_dialog(SessionsScreen(self.db, self.desk, self.clock, self))
        self._load_sessions()  # dates or lunches may have changed

    def open_stock(self) -> None:
        from desktop.ui.stock_screen import StockScreen

        self._open_dialog(StockScreen(self.db, self.desk, self.clock, parent=self))

    def _open_dialog(self, dialog: QWidget) -> None:
        """Screens open modal over the check-in; the scan field has the keys again after."""
        self.opened_dialog = dialog
        if not self.modal_dialogs:  # tests drive the dialog themselves
            dialog.show()
            return
        dialog.exec()  # type: ignore[attr-defined]
        self.opened_dialog = None
        self.scan_field.setFocus()

    def _task_failed(self, exc: Exception) -> None:
        self.import_action.setEnabled(True)
        self.badges_action.setEnabled(True)
        QMessageBox.critical(
            self, self.tr("Échec"), self.tr("L'opération a échoué : {error}").format(error=exc)
        )
        self.scan_field.setFocus()

    def open_dashboard(self) -> None:
        from desktop.ui.dashboard import Dashboard

        if self.dashboard is None:
            self.dashboard = Dashboard(
                self.db, self.desk, self.clock, self.session, tasks=self.tasks
            )
        self.dashboard.set_session(self.session)
        self.dashboard.show()
        self.dashboard.raise_()

    def refresh_dashboard(self) -> None:
        if self.dashboard is not None and self.dashboard.isVisible():
            self.dashboard.refresh()

    def open_camera(self) -> None:
        from desktop.ui.camera_scanner import CameraDialog

        if self.camera_dialog is None:
            self.camera_dialog = CameraDialog(self)
            self.camera_dialog.scanned.connect(self.on_scanned)
        self.camera_dialog.show()
        self.camera_dialog.raise_()
        self.camera_dialog.activateWindow()

    def open_scanner_setup(self) -> None:
        from desktop.ui.scanner_setup import ScannerSetupDialog

        self._open_dialog(ScannerSetupDialog(self, tasks=self.tasks))

    def open_notice(self) -> None:
        from desktop.ui.notice_dialog import NoticeDialog, can_edit_notice

        editable = can_edit_notice(self.db, self.desk.agent)
        self._open_dialog(NoticeDialog(self.db, self.clock, self.desk, self.tasks, editable, self))

    def open_journal(self) -> None:
        from desktop.ui.journal_screen import JournalScreen

        self._open_dialog(JournalScreen(self.db, self.clock, self.tasks, self.db_path, self))

    def open_settings(self) -> None:
        from desktop.ui.settings import Settings
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(Settings(), self)
        # Theme and text size apply at once: repaint the banner in the new colours.
        dialog.applied.connect(lambda: self.banner.show_wording(self.banner.current, hold=False))
        self._open_dialog(dialog)
