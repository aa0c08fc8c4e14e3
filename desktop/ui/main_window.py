"""The check-in screen: scan field, result banner, name search and the session roster."""

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils
from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import attendance, checkin, handouts
from desktop.models.checkin import CheckInResult, Outcome, UndoOutcome
from desktop.models.clock import Clock
from desktop.models.convention import Session, all_sessions, current_session, get_convention
from desktop.models.demo import is_demo
from desktop.models.facts import HandoutResult
from desktop.models.journal import Desk
from desktop.ui import demo_marker, wording
from desktop.ui.banner import ResultBanner
from desktop.ui.controls import literal
from desktop.ui.handout_panel import HandoutPanel
from desktop.ui.lock_screen import IdleWatcher, LockScreen
from desktop.ui.privacy import PrivacyMode
from desktop.ui.roster_model import CHECKIN_ROLE, MEMBER_ROLE, RosterModel
from desktop.ui.scan_field import ScanField, yields_to_window
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.settings import Settings
from desktop.ui.sounds import Sounds
from desktop.ui.tasks import TaskProgress, TaskRunner
from desktop.ui.theme import current_scale
from desktop.ui.window_screens import WindowScreens
from desktop.ui.wording import session_title

if TYPE_CHECKING:
    from desktop.ui.backup_dialog import BackupTimer
    from desktop.ui.scan_router import ScanRouter


class SearchField(QLineEdit):
    """Name search: Down goes to the results, Enter checks in the highlighted member."""

    move_down = Signal()
    accepted = Signal()

    def event(self, event):  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.ShortcutOverride and yields_to_window(event):
            event.ignore()  # Ctrl+Z, Ctrl+D... are the window's, not the line edit's
            return True
        return super().event(event)

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
            return
        super().keyPressEvent(event)


class RosterView(QTableView):
    """Enter checks in the selected member; Up from the first row goes back to the search."""

    accepted = Signal()
    leave_up = Signal()

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leave_up.emit()
            return
        super().keyPressEvent(event)


class CheckinPage(QScrollArea):
    """The check-in page: scrolls down when it is taller than the window, never sideways. The
    window stays at least as wide as the page's content needs (as it was without the page):
    text made larger from the settings widens the window instead of cutting fields off."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is not None:
            bar = self.verticalScrollBar().sizeHint().width()
            hint.setWidth(max(hint.width(), content.minimumSizeHint().width() + bar))
        return hint

    _content_width = -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        content = self.widget()
        if watched is content and event.type() == QEvent.Type.LayoutRequest:
            # The window reads the page's needs again only when its width changed: every scan
            # re-lays out the banner and the panel, and a window relayout then cost ~1 ms.
            width = content.minimumSizeHint().width()
            if width != self._content_width:
                self._content_width = width
                self.updateGeometry()
        return super().eventFilter(watched, event)


class MainWindow(WindowScreens, QMainWindow):
    def __init__(
        self,
        db: sqlite_utils.Database,
        db_path: Path,
        desk: Desk,
        clock: Clock,
        tasks: TaskRunner | None = None,
        sounds: Sounds | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.db_path = db_path
        self.desk = desk
        self.clock = clock
        self.tasks = tasks or TaskRunner(self)
        self.sounds = sounds or Sounds(self, enabled=Settings().sounds)
        # After the first paint, before anyone can scan: the first scan would pay for it.
        QTimer.singleShot(250, self.sounds, self.sounds.preload)
        self.session: Session | None = None
        self.last_result: CheckInResult | None = None
        self._auto_session = True
        self.preview_documents = True  # tests turn the modal preview off
        self.opened_dialog: QWidget | None = None
        self.modal_dialogs = True
        self.last_meal_pass: Path | None = None
        self.camera_dialog: QWidget | None = None
        self.dashboard: QWidget | None = None
        self.scan_router: ScanRouter | None = None  # app.open_desk_window installs one
        convention = get_convention(db)
        title = convention.title if convention else ""
        self.is_demo = is_demo(db)  # the demo has the real title: say it is the demo
        self.setWindowTitle(
            demo_marker.window_title(title)
            if self.is_demo
            else self.tr("Guichet — {title}").format(title=title)
        )
        self._build(title)
        self._build_trust()
        self._build_actions()
        self._load_sessions()
        # The session in progress changes at noon or at midnight: follow it unless the agent
        # chose one by hand.
        self._session_timer = QTimer(self, interval=60_000)
        self._session_timer.timeout.connect(self._follow_current_session)
        self._session_timer.start()
        self.scan_field.setFocus()

    # --- construction -------------------------------------------------------------------

    def _build(self, title: str) -> None:
        self.large_text = current_scale() >= 150  # the theme is applied before the window
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if self.is_demo:
            layout.addWidget(demo_marker.DemoStrip())
        header = QHBoxLayout()
        self.title_label = QLabel(title)
        self.title_label.setObjectName("conventionTitle")
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title_label.setWordWrap(True)  # at 200 % text the header still fits a laptop
        session_label = QLabel(self.tr("&Séance :"))
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("sessionCombo")
        self.session_combo.setAccessibleName(self.tr("Séance"))
        self.session_combo.setMinimumContentsLength(22)
        # Sized on those 22 characters, not on the longest session: the header fits at 200 %.
        self.session_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        session_label.setBuddy(self.session_combo)
        self.session_combo.activated.connect(self._session_chosen)
        self.counter_label = QLabel()
        self.counter_label.setObjectName("counterLabel")
        self.counter_label.setAccessibleName(self.tr("Compteur de présences"))
        self.counter_label.setStyleSheet("font-size: 20pt; font-weight: bold;")
        if self.large_text:
            # 150-200 %: the title (wrapping) and the counter on a line, the session below:
            # the three side by side were 1 083 px at 200 %, wider than a 1024 px laptop.
            top = QHBoxLayout()
            top.addWidget(self.title_label, 1)
            top.addSpacing(24)
            top.addWidget(self.counter_label)
            layout.addLayout(top)
            header.addWidget(session_label)
            header.addWidget(self.session_combo, 1)
        else:
            header.addWidget(self.title_label, 1)
            header.addWidget(session_label)
            header.addWidget(self.session_combo)
            header.addSpacing(24)
            header.addWidget(self.counter_label)
        layout.addLayout(header)

        self.scan_field = ScanField()
        self.scan_field.setStyleSheet("font-size: 20pt; padding: 6px;")
        self.scan_field.scanned.connect(self.on_scanned)
        layout.addWidget(self.scan_field)

        self.banner = ResultBanner()
        layout.addWidget(self.banner)

        self.handout_panel = HandoutPanel(self.db, self.desk, self.clock)
        self.handout_panel.hide()
        self.handout_panel.scanned.connect(self.on_scanned)
        self.handout_panel.finished.connect(self._handouts_finished)
        self.handout_panel.handed_out.connect(self._handed_out)
        # Never squeezed: at 200 % text its lines would overlap; the page scrolls instead.
        self.handout_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.handout_panel)

        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Rechercher un nom (Ctrl+F) :"))
        self.search_field = SearchField()
        self.search_field.setObjectName("searchField")
        self.search_field.setAccessibleName(self.tr("Recherche par nom"))
        self.search_field.setPlaceholderText(
            self.tr("Nom, prénom ou commune — sans accents, c'est pareil")
        )
        self.search_field.setStyleSheet("font-size: 14pt; padding: 4px;")
        search_label.setBuddy(self.search_field)
        self.search_field.textChanged.connect(self._search_changed)
        self.search_field.move_down.connect(self._focus_results)
        self.search_field.accepted.connect(self.check_in_selected)
        self.checkin_button = QPushButton(self.tr("Enregistrer l'arrivée (Entrée)"))
        self.checkin_button.clicked.connect(self.check_in_selected)
        self.undo_button = QPushButton(self.tr("Annuler une arrivée… (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_selected)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_field, 1)
        buttons = QHBoxLayout() if self.large_text else search_row
        buttons.addWidget(self.checkin_button)
        buttons.addWidget(self.undo_button)
        layout.addLayout(search_row)
        if buttons is not search_row:
            buttons.addStretch(1)
            layout.addLayout(buttons)

        self.model = RosterModel(self)
        self.roster_view = RosterView()
        self.roster_view.setObjectName("rosterView")
        self.roster_view.setAccessibleName(self.tr("Liste des membres de la séance"))
        self.roster_view.setModel(self.model)
        self.roster_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roster_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roster_view.setAlternatingRowColors(True)
        # Arrows move in the table; Tab moves on to the next control (keyboard users).
        self.roster_view.setTabKeyNavigation(False)
        self.roster_view.verticalHeader().setVisible(False)
        header_view = self.roster_view.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setStretchLastSection(True)
        # Fixed widths: measuring 10 000 rows to fit contents would cost a frame per refresh.
        for column, width in enumerate((230, 160, 240, 160, 80, 80)):
            self.roster_view.setColumnWidth(column, width)
        # Fusion's selection (white on #308cc6) reads at 3.7:1: a darker blue reads at 6.9:1.
        self.roster_view.setStyleSheet(
            "QTableView { font-size: 12pt; selection-background-color: #1a5f8f;"
            " selection-color: #ffffff; }"
        )
        self.roster_view.accepted.connect(self.check_in_selected)
        self.roster_view.leave_up.connect(self.search_field.setFocus)
        self.roster_view.doubleClicked.connect(lambda _index: self.check_in_selected())
        self.roster_view.setMinimumHeight(90)  # it gives way first, never the panel
        layout.addWidget(self.roster_view, 1)
        # When the page is taller than the screen it scrolls vertically (as RGAA allows) rather
        # than crushing the banner or the hand-out panel, or growing the window past the
        # screen's bottom edge: at 150-200 % text, and at 100 % on a 1024 x 768 laptop, where
        # a member due four things makes the page 830 px tall.
        page = CheckinPage(self)
        page.setObjectName("checkinPage")
        page.setAccessibleName(self.tr("Écran d'accueil"))
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidgetResizable(True)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page.setWidget(central)
        self.setCentralWidget(page)

        self.agent_label = QLabel()
        self.agent_label.setObjectName("agentLabel")
        self.progress = TaskProgress(self.tasks)
        self.progress.setMaximumWidth(420)
        self.statusBar().addWidget(self.agent_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self._show_agent()
        # Within the screen: 1180 x 820 was taller than a 768 px laptop. (At 150-200 % text
        # app.py shows the window maximised.)
        fit_to_screen(self, 1180, 820)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        desk_menu = self.menuBar().addMenu(self.tr("&Guichet"))
        self.import_action = self._action(
            file_menu, self.tr("&Importer la liste des membres…"), "Ctrl+I", self.import_roster
        )
        self.badges_action = self._action(
            file_menu, self.tr("Imprimer les &badges…"), "Ctrl+B", self.print_badges
        )
        self._action(file_menu, self.tr("&Documents du jour…"), "Ctrl+D", self.open_documents)
        self._action(
            file_menu, self.tr("Fin de journée et &export…"), "Ctrl+E", self.open_close_export
        )
        self._action(
            file_menu,
            self.tr("Im&primer le dernier bon repas…"),
            "Ctrl+P",
            self.print_last_meal_pass,
        )
        screens = self.menuBar().addMenu(self.tr("&Écrans"))
        self._action(screens, self.tr("&Fiche du membre…"), "Ctrl+M", self.open_member_card)
        self._action(screens, self.tr("Mode &restaurateur…"), "Ctrl+R", self.open_caterer)
        self._action(screens, self.tr("&Séances et tickets…"), "F6", self.open_sessions)
        self._action(screens, self.tr("S&tock du jour…"), "F7", self.open_stock)
        self._action(screens, self.tr("Tableau de &bord…"), "F8", self.open_dashboard)
        self._action(screens, self.tr("Scanner avec la ca&méra…"), "F9", self.open_camera)
        self._action(
            desk_menu, self.tr("Réglage du s&canner…"), "Ctrl+Shift+S", self.open_scanner_setup
        )
        trust = self.menuBar().addMenu(self.tr("&Confiance"))
        self._action(trust, self.tr("&Verrouiller le poste"), "Ctrl+L", self.lock)
        self._action(trust, self.tr("&Notice d'information…"), "F1", self.open_notice)
        self._action(trust, self.tr("&Journal des faits…"), "Ctrl+J", self.open_journal)
        self._action(trust, self.tr("&Masquer les noms"), "Ctrl+Shift+N", self.privacy.toggle)
        self._action(
            trust, self.tr("&Restaurer une sauvegarde…"), "Ctrl+Shift+R", self.restore_backup
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quitter"), QKeySequence.StandardKey.Quit, self.close)
        self._action(
            desk_menu,
            self.tr("&Rechercher un nom"),
            QKeySequence.StandardKey.Find,
            self.focus_search,
        )
        self._action(desk_menu, self.tr("Retour au &scan"), "Esc", self.back_to_scan)
        self._action(
            desk_menu,
            self.tr("&Annuler une arrivée…"),
            QKeySequence.StandardKey.Undo,
            self.undo_selected,
        )
        self._action(desk_menu, self.tr("Repas d'un &invité…"), "Ctrl+G", self.open_guest_meal)
        self._action(desk_menu, self.tr("Changer d'a&gent…"), "F2", self.change_agent)
        self._action(desk_menu, self.tr("Réglages du &poste…"), "Ctrl+,", self.open_settings)

    def _build_trust(self) -> None:
        """The lock screen (Ctrl+L, and after N idle minutes), the privacy mode that masks
        names on a screen the public can see."""
        self.lock_screen = LockScreen(
            self.db, self.clock, self.desk.agent, self, on_scan=self.on_scanned
        )
        self.lock_screen.agent_changed.connect(self._agent_changed)
        self.idle = IdleWatcher(Settings().idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        self.privacy = PrivacyMode(self)
        self.privacy.toggled.connect(self._privacy_toggled)
        self.backup_timer: BackupTimer | None = None  # app.run_gui sets it

    def lock(self) -> None:
        """Lock the desk: open screens that show names are closed first."""
        if self.opened_dialog is not None and self.opened_dialog.isVisible():
            self.opened_dialog.close()
        if self.handout_panel.isVisible():
            self.handout_panel.close_panel()
        self.lock_screen.lock()

    def route_scan(self, raw: str) -> None:
        """A scan from the router: queued while the desk is locked, checked in otherwise."""
        if self.lock_screen.is_locked:
            self.lock_screen.queue_scan(raw)
        else:
            self.on_scanned(raw)

    def _agent_changed(self, name: str) -> None:
        self.desk = replace(self.desk, agent=name)
        self.handout_panel.desk = self.desk
        self._show_agent()

    def _privacy_toggled(self, enabled: bool) -> None:
        self.model.set_name_mask(self.privacy.name if enabled else None)
        self.statusBar().showMessage(
            self.tr("Noms masqués (Ctrl+Maj+N pour les afficher)")
            if enabled
            else self.tr("Noms affichés"),
            6_000,
        )

    def _action(self, menu, text, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- sessions -----------------------------------------------------------------------

    def _load_sessions(self) -> None:
        self.session_combo.clear()
        now_session = current_session(self.db, self.clock())
        if now_session is None:
            self.session_combo.addItem(self.tr("Aucune séance aujourd'hui"), None)
        for session in all_sessions(self.db):
            self.session_combo.addItem(session_title(session), session)
        self._select_session(now_session)

    def _select_session(self, session: Session | None) -> None:
        for position in range(self.session_combo.count()):
            item = self.session_combo.itemData(position)
            if (item is None and session is None) or (
                item is not None and session is not None and item.id == session.id
            ):
                self.session_combo.setCurrentIndex(position)
                break
        self.session = session
        self._session_changed()
        if self.dashboard is not None:
            self.dashboard.set_session(session)

    def _session_chosen(self, position: int) -> None:
        self._auto_session = False
        self.session = self.session_combo.itemData(position)
        self._session_changed()
        self.scan_field.setFocus()

    def _session_changed(self) -> None:
        self.banner.set_idle(wording.idle() if self.session else wording.idle_without_session())
        self.refresh_roster()

    def _follow_current_session(self) -> None:
        if not self._auto_session:
            return
        now_session = current_session(self.db, self.clock())
        if (now_session.id if now_session else None) != (self.session.id if self.session else None):
            self._load_sessions()

    def refresh_roster(self) -> None:
        rows = attendance.session_roster(self.db, self.session.id) if self.session else []
        self.model.set_rows(rows)
        self._update_counter()

    def _update_counter(self) -> None:
        if self.session is None:
            text = self.tr("Aucune séance")
        else:
            tally = self.model.counts  # kept by the roster as rows change: no query per scan
            text = self.tr("Présents : {present} / {expected}").format(
                present=tally.present, expected=tally.expected
            )
        self.counter_label.setText(text)
        # The accessible name says what the label is; a screen reader reads the count here.
        self.counter_label.setAccessibleDescription(text)

    # --- check-in -----------------------------------------------------------------------

    def on_scanned(self, raw: str) -> None:
        try:
            result = checkin.check_in(self.db, raw, self.session, self.desk, self.clock)
        except Exception as exc:  # a real fault: say plainly that nothing was recorded
            self._show_fault(exc)
            return
        self.show_result(result)

    def check_in_selected(self) -> None:
        member_id = self._selected(MEMBER_ROLE)
        if member_id is None:
            if self.model.rowCount() == 1:
                member_id = self.model.data(self.model.index(0, 0), MEMBER_ROLE)
            else:
                self.banner.show_wording(
                    wording.Wording(
                        wording.Role.INFO,
                        self.tr("Choisissez un nom"),
                        self.tr(
                            "Tapez quelques lettres, puis ↓ pour choisir et Entrée pour enregistrer."
                        ),
                        "empty",
                    )
                )
                return
        try:
            result = checkin.check_in_member(
                self.db, member_id, self.session, self.desk, self.clock
            )
        except Exception as exc:
            self._show_fault(exc)
            return
        self.search_field.clear()
        self.show_result(result)
        self.scan_field.setFocus()

    def show_result(self, result: CheckInResult) -> None:
        self.last_result = result
        shown = wording.for_result(result)
        checklist = self._checklist_for(result)
        if self.privacy.enabled and result.member is not None:
            name = result.member.display_name
            shown = replace(
                shown,
                title=self.privacy.text(shown.title, name),
                detail=self.privacy.text(shown.detail, name),
            )
        # While something is due the banner stays: the panel below says what to hand out.
        self.banner.show_wording(shown, hold=checklist is None or not checklist.pending)
        self.sounds.play(shown.sound)
        if result.recorded and result.member and self.session:
            self._refresh_member(result.member.id)
            self.refresh_dashboard()
        if checklist is not None and checklist.lines:
            self.handout_panel.show_checklist(checklist)
            # Bring the panel's lines into view once the page has made room for them: asked at
            # once, the panel still had its old place and stayed below a 768 px screen's edge.
            QTimer.singleShot(0, self, self._reveal_handouts)
        elif self.handout_panel.isVisible():
            self.handout_panel.close_panel()

    def _reveal_handouts(self) -> None:
        page = self.centralWidget()
        if isinstance(page, QScrollArea) and self.handout_panel.isVisible():
            page.ensureWidgetVisible(self.handout_panel, 0, 0)

    def _checklist_for(self, result: CheckInResult) -> "handouts.Checklist | None":
        """What the member is due now, after a welcome or a second scan."""
        if result.member is None or self.session is None:
            return None
        if result.outcome not in (Outcome.CHECKED_IN, Outcome.ALREADY_CHECKED_IN):
            return None
        return handouts.due_items(self.db, result.member.id, self.session)

    def _handed_out(self, result: HandoutResult) -> None:
        self.sounds.play("handout_confirmed")
        self.refresh_dashboard()
        if result.meal_pass is not None and result.event_id and self.session is not None:
            self._draw_meal_pass(result.event_id)

    def _handouts_finished(self) -> None:
        self.banner.show_wording(self.banner.current)  # restart its timer now
        self.scan_field.setFocus()

    def _refresh_member(self, member_id: str) -> None:
        if self.session is None:
            return
        row = attendance.roster_row(self.db, self.session.id, member_id)
        if row is None:  # no longer on the roster (withdrawn, arrival undone): reload it all
            self.refresh_roster()
            return
        self.model.update_row(row)
        self._reveal(member_id)
        self._update_counter()

    def _reveal(self, member_id: str) -> None:
        position = self.model.position_of(member_id)
        if position is None:
            return
        self.roster_view.scrollTo(self.model.index(position, 0))

    def _show_fault(self, exc: Exception) -> None:
        message = self.tr(
            "Rien n'a été enregistré : {error}. Réessayez ; si cela continue, appelez le responsable."
        ).format(error=exc)
        shown = wording.for_failure(message)
        self.banner.show_wording(shown)
        self.sounds.play(shown.sound)

    # --- undo ---------------------------------------------------------------------------

    def undo_selected(self) -> None:
        checkin_id = self._selected(CHECKIN_ROLE)
        member_id = self._selected(MEMBER_ROLE)
        if checkin_id is None and self.last_result and self.last_result.recorded:
            checkin_id = self.last_result.event_id
            member_id = self.last_result.member.id if self.last_result.member else None
        if checkin_id is None:
            QMessageBox.information(
                self,
                self.tr("Annuler une arrivée"),
                self.tr("Choisissez d'abord dans la liste une personne marquée présente."),
            )
            self.scan_field.setFocus()
            return
        row = (
            attendance.roster_row(self.db, self.session.id, member_id)
            if self.session and member_id
            else None
        )
        name = f"{row.first_name} {row.surname}" if row else ""
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Annuler une arrivée"),
            # The question's label names its field: Qt would read a '&' of the name as an
            # Alt letter ("Marie & Co" showed "Marie _Co").
            self.tr("Annuler l'arrivée de {name}.\nMotif (obligatoire) :").format(
                name=literal(name)
            ),
        )
        if ok:
            outcome = checkin.undo_check_in(self.db, checkin_id, reason, self.desk, self.clock)
            if outcome is UndoOutcome.UNDONE:
                self.banner.show_wording(
                    wording.Wording(
                        wording.Role.INFO,
                        self.tr("Arrivée annulée"),
                        self.tr("{name} : arrivée annulée (motif : {reason}).").format(
                            name=name, reason=reason.strip()
                        ),
                        None,
                    )
                )
                if member_id:
                    self._refresh_member(member_id)
                self.last_result = None
            else:
                messages = {
                    UndoOutcome.REASON_REQUIRED: self.tr(
                        "Un motif est obligatoire : rien n'a été annulé."
                    ),
                    UndoOutcome.ALREADY_UNDONE: self.tr("Cette arrivée était déjà annulée."),
                    UndoOutcome.NOT_FOUND: self.tr("Arrivée introuvable."),
                }
                QMessageBox.warning(self, self.tr("Annuler une arrivée"), messages[outcome])
        self.scan_field.setFocus()

    def _selected(self, role: int) -> str | None:
        index = self.roster_view.currentIndex()
        if not index.isValid() or not self.roster_view.selectionModel().isSelected(index):
            return None
        value = self.model.data(self.model.index(index.row(), 0), role)
        return None if value is None else str(value)

    # --- search and focus ---------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def back_to_scan(self) -> None:
        if self.handout_panel.isVisible():
            self.handout_panel.close_panel()
        self.search_field.clear()
        self.roster_view.clearSelection()
        self.scan_field.setFocus()

    def _search_changed(self, text: str) -> None:
        self.model.set_query(text)
        self.roster_view.clearSelection()
        if text.strip() and self.model.rowCount() > 0:
            self._select_row(0)

    def _focus_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.roster_view.currentIndex().isValid():
            self._select_row(0)
        self.roster_view.setFocus()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.roster_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # --- agent --------------------------------------------------------------------------

    def change_agent(self) -> None:
        from desktop.models.accounts import has_accounts

        if has_accounts(self.db):  # with accounts, the new agent gives their password
            self.lock_screen.change_agent()
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Changer d'agent"),
            self.tr("Nom de l'agent au guichet :"),
            text=self.desk.agent,
        )
        if ok and name.strip():
            self.desk = replace(self.desk, agent=name.strip())
            self.handout_panel.desk = self.desk
            self._show_agent()
        self.scan_field.setFocus()

    def _show_agent(self) -> None:
        self.agent_label.setText(
            self.tr("{desk} — agent : {agent} — fichier : {path}").format(
                desk=self.desk.label, agent=self.desk.agent, path=self.db_path
            )
        )

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Guichet quits with this window: the dashboard (a window of its own, without parent)
        # kept it running alone, the database open and the previews not cleaned up.
        for other in self.own_windows():
            other.close()
        # The database is closed right after: nothing may query it (or back it up, or check
        # a held scan in) from a timer any more.
        self._session_timer.stop()
        self.idle.stop()
        if self.backup_timer is not None:
            self.backup_timer.stop()
        if self.scan_router is not None:
            self.scan_router.uninstall()  # what it held back goes now, while the file is open
        super().closeEvent(event)

    def own_windows(self) -> list[QWidget]:
        """The windows opened from this one and shown now: the dashboard (without parent, so
        that it can stand on a second screen), the camera, a screen shown without waiting."""
        found = [w for w in (self.dashboard, self.camera_dialog) if w is not None]
        found += [w for w in self.findChildren(QWidget) if w.isWindow() and w not in found]
        return [w for w in found if w.isVisible()]

    def selected_index(self) -> QModelIndex:
        return self.roster_view.currentIndex()
