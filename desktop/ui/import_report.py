"""The report of a roster import (Ctrl+I at the desk): short enough to read at a glance, the
long lists below it in a box of their own that scrolls.

A message box grew with its text: an import that withdrew 39 members was taller than an 800 px
screen and its OK button went below it. Here the summary says the counts and the first
problems; every withdrawn member, every problem and every warning are in "Détail", a read-only
text the agent reaches with Tab, scrolls with the arrows and can copy. The dialog never outgrows
the screen (screen_fit); Entrée or Échap closes it.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.roster import ImportReport
from desktop.ui.screen_fit import fit_to_screen, scroll_page
from desktop.ui.wording import ICONS, Role

PROBLEMS_SHOWN = 3  # in the summary; all of them are in the detail
WARNINGS_SHOWN = 3


class ImportReportDialog(QDialog):
    """What an import did (or why it was refused). `headline`, `summary` and `detail` are the
    three texts shown; `detail` is left out when the summary already says everything."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("importReportDialog")
        self.setWindowTitle(self.tr("Import de la liste"))
        self.headline = QLabel(self._headline(), wordWrap=True)
        self.headline.setObjectName("importReportHeadline")
        self.headline.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
        self.summary = QLabel(self._summary(), wordWrap=True)
        self.summary.setObjectName("importReportSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QPlainTextEdit(self._detail(), self)
        self.detail.setObjectName("importReportDetail")
        self.detail.setAccessibleName(self.tr("Détail de l'import"))
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)  # Tab goes on to OK, never stays in the text
        self.detail.setMinimumHeight(self.detail.fontMetrics().height() * 6)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK (Entrée)"))
        self.ok_button.setObjectName("importReportOk")
        buttons.accepted.connect(self.accept)
        outer = QVBoxLayout(self)
        if self._needs_detail():
            # The summary and the lists scroll together if even they outgrow the screen
            # (200 % text); OK stays in view.
            page, layout = scroll_page(self, "importReportPage")
            layout.addWidget(self.headline)
            layout.addWidget(self.summary)
            detail_label = QLabel(self.tr("&Détail :"))
            detail_label.setBuddy(self.detail)
            layout.addWidget(detail_label)
            layout.addWidget(self.detail, 1)
            outer.addWidget(page, 1)
            outer.addWidget(buttons)
            fit_to_screen(self, 680, 560)
        else:  # a few lines: the box as tall as they are
            self.detail.hide()
            outer.addWidget(self.headline)
            outer.addWidget(self.summary)
            outer.addStretch(1)
            outer.addWidget(buttons)
            width = fit_to_screen(self, 560, 0).width()
            self.resize(width, self.heightForWidth(width))
        self.ok_button.setFocus()

    def text(self) -> str:
        """Everything the dialog shows, in reading order (the detail when it is shown)."""
        parts = [self.headline.text(), self.summary.text()]
        if self.detail.isVisibleTo(self):
            parts.append(self.detail.toPlainText())
        return "\n".join(part for part in parts if part)

    # --- the texts --------------------------------------------------------------------------

    def _headline(self) -> str:
        report = self.report
        if not report.ok:
            count = len(report.errors)
            text = (
                self.tr("Import de « {file} » refusé : 1 problème.")
                if count == 1
                else self.tr("Import de « {file} » refusé : {n} problèmes.")
            )
            return f"{ICONS[Role.ERROR]} " + text.format(file=report.filename, n=count)
        total = report.created + report.updated + report.unchanged
        members = (
            self.tr("1 membre dans la liste")
            if total == 1
            else self.tr("{n} membres dans la liste").format(n=total)
        )
        if report.source:  # the sheet read, when the file had several
            members += f" — {report.source}"
        text = self.tr("Import de « {file} » réussi : {members}.")
        return f"{ICONS[Role.SUCCESS]} " + text.format(file=report.filename, members=members)

    def _summary(self) -> str:
        report = self.report
        if not report.ok:
            lines = [self.tr("Aucun membre n'a été ajouté ni modifié.")]
            lines += [f"• {problem}" for problem in report.errors[:PROBLEMS_SHOWN]]
            hidden = len(report.errors) - PROBLEMS_SHOWN
            if hidden > 0:
                lines.append(
                    self.tr("… et {n} autres : liste complète dans le détail.").format(n=hidden)
                )
            lines.append(self.tr("Corrigez le fichier puis relancez l'import."))
        else:
            lines = [
                self.tr("Nouveaux : {n} (un badge créé pour chacun)").format(n=report.created),
                self.tr("Mis à jour : {n}").format(n=report.updated),
                self.tr("Inchangés : {n}").format(n=report.unchanged),
                self.tr("Retirés (absents du nouveau fichier) : {n}").format(n=report.withdrawn)
                + (" " + self.tr("— leurs noms dans le détail") if report.withdrawn_names else ""),
            ]
        warnings = report.warnings
        if warnings:
            lines.append(f"{ICONS[Role.WARNING]} " + self.tr("Avertissements :"))
            lines += [f"• {warning}" for warning in warnings[:WARNINGS_SHOWN]]
            if len(warnings) > WARNINGS_SHOWN:
                lines.append(
                    self.tr("… et {n} autres : liste complète dans le détail.").format(
                        n=len(warnings) - WARNINGS_SHOWN
                    )
                )
        return "\n".join(lines)

    def _needs_detail(self) -> bool:
        """The detail says what the summary left out: withdrawn names, further problems or
        warnings."""
        report = self.report
        withdrawn = report.ok and bool(report.withdrawn_names)
        problems = not report.ok and len(report.errors) > PROBLEMS_SHOWN
        return withdrawn or problems or len(report.warnings) > WARNINGS_SHOWN

    def _detail(self) -> str:
        """Every withdrawn member, problem and warning, one a line."""
        report = self.report
        sections: list[str] = []
        if report.ok and report.withdrawn_names:
            sections.append(
                "\n".join(
                    [
                        self.tr("Retirés (absents du nouveau fichier) : {n}").format(
                            n=len(report.withdrawn_names)
                        ),
                        *(f"  - {name}" for name in report.withdrawn_names),
                    ]
                )
            )
        if not report.ok and report.errors:
            sections.append(
                "\n".join(
                    [
                        self.tr("Problèmes : {n}").format(n=len(report.errors)),
                        *(f"  - {problem}" for problem in report.errors),
                    ]
                )
            )
        if report.warnings:
            sections.append(
                "\n".join(
                    [
                        self.tr("Avertissements : {n}").format(n=len(report.warnings)),
                        *(f"  - {warning}" for warning in report.warnings),
                    ]
                )
            )
        return "\n\n".join(sections)


class WithdrawConfirmation(QMessageBox):
    """Asked before an import that would withdraw most of the members expected: the
    substitutes' list imported alone, or a sheet cut short, would otherwise refuse every badge
    at the desk on Saturday. "Annuler" is the default (Entrée, Échap): nothing is changed."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawConfirmation")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Import de la liste : confirmation"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            self.tr(
                "« {file} » retirerait {n} des {m} membres attendus : tous ceux qui ne "
                "figurent pas dans ce fichier. Est-ce bien la liste complète ?"
            ).format(file=report.filename, n=report.withdrawn, m=report.expected_before)
        )
        self.setInformativeText(
            self.tr(
                "Un membre retiré voit son badge refusé à l'accueil. Rien n'a été modifié pour "
                "l'instant. Les noms sont dans le détail."
            )
        )
        self.setDetailedText("\n".join(report.withdrawn_names))
        self.withdraw_button = self.addButton(
            self.tr("&Retirer ces membres et importer"), QMessageBox.ButtonRole.AcceptRole
        )
        self.withdraw_button.setObjectName("withdrawMostButton")
        self.cancel_button = self.addButton(
            self.tr("Annuler (Échap) : ne rien modifier"), QMessageBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("withdrawCancelButton")
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
