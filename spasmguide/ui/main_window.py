"""The main window: topic tabs, an always-visible toolbar, notices and a status area."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spasmguide import __version__
from spasmguide.core.content import Pack
from spasmguide.ui.focus_ring import SelectedTabMark
from spasmguide.ui.plain import escape, plain_tooltip, tab_text
from spasmguide.ui.reader import PageView, TabReader
from spasmguide.ui.top_bar import TopBar

_REFIT_TABS = (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange)


class NoticeBar(QFrame):
    """A calm, non-modal message across the top of the window, with a Dismiss button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Notice"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.dismiss = QPushButton(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss notice"))
        self.dismiss.clicked.connect(self._on_dismiss_clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self._messages: list[str] = []
        self.hide()

    def messages(self) -> list[str]:
        """The messages shown now, oldest first."""
        return list(self._messages)

    def show_message(self, text: str) -> None:
        """Show ``text`` (plain) under any message already shown, until dismissed.

        One notice never hides another: a settings warning keeps the "content could not be
        loaded" notice in view.
        """
        if text not in self._messages:
            self._messages.append(text)
        shown = "\n\n".join(self._messages)
        self.label.setText(shown)
        self.label.setAccessibleName(shown)
        self.show()

    @Slot()
    def _on_dismiss_clicked(self) -> None:
        self._messages.clear()
        self.hide()


class AboutPage(PageView):
    """Version, the source credits and the disclaimer, inside the window."""

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("About SpasmGuide"))
        self.setObjectName("about")
        sources = "".join(
            f"<li><b>{escape(s.credit)}</b>: {escape(s.used_for)}</li>"
            for s in pack.sources
        )
        versions = (
            self.tr("Program version %1. Content pack %2, version %3 (%4).")
            .replace("%1", escape(__version__)).replace("%2", escape(pack.id))
            .replace("%3", escape(pack.version)).replace("%4", escape(pack.language))
        )
        title = escape(self.tr("About %1").replace("%1", pack.title))
        please_read = escape(self.tr("Please read"))
        heading = escape(self.tr("Sources"))
        credit = escape(self.tr(
            "The facts in this guide come from these works, written again in plain words:"
        ))
        help_link = escape(self.tr("When to get help"))
        self.setHtml(
            f"<h1>{title}</h1>"
            f"<p>{escape(pack.subtitle)}</p>"
            f"<p>{versions}</p>"
            f"{self._reviewed_html(pack)}"
            f"<h2>{please_read}</h2><p>{escape(pack.disclaimer)}</p>"
            f"<h2>{heading}</h2><p>{credit}</p><ul>{sources}</ul>"
            f'<p><a href="#{escape(pack.help_section)}">{help_link}</a></p>'
        )


    def _reviewed_html(self, pack: Pack) -> str:
        """When the text was last checked, and against what (nothing if the pack does not say)."""
        from PySide6.QtCore import QDate, QLocale  # only when the About tab is opened

        parts = []
        if pack.reviewed:
            date = QDate.fromString(pack.reviewed, Qt.DateFormat.ISODate)
            shown = QLocale().toString(date, "d MMMM yyyy") if date.isValid() else pack.reviewed
            parts.append(self.tr("Last reviewed: %1.").replace("%1", escape(shown)))
        if pack.reviewed_against:
            parts.append(
                self.tr("Reviewed against: %1.").replace(
                    "%1", escape(pack.reviewed_against.rstrip("."))
                )
            )
        return f"<p>{' '.join(parts)}</p>" if parts else ""


class MainWindow(QMainWindow):
    """The guide's window. It shows what it is given; ``spasmguide.app`` builds and wires it.

    Signals:
        tab_changed(str): the id of the tab now shown.
        closing(): the window is closing (save settings now).
        first_painted(): the window has painted once; slow, optional set-up can start.
        settled(): the set-up left until after the first frame is all done.
    """

    tab_changed = Signal(str)
    closing = Signal()
    first_painted = Signal()
    settled = Signal()

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setWindowTitle(self.tr("%1: leg muscle spasms").replace("%1", pack.title))
        self.setObjectName("main-window")
        self.setMinimumSize(640, 480)
        self._tab_ids: list[str] = []
        self._painted = False
        self._settled = False
        # Asked before closing; returning False refuses (kiosk mode).
        self.close_guard: Callable[[], bool] | None = None
        self._link_actions: dict[str, Callable[[], None]] = {}
        self.readers: dict[str, TabReader] = {}
        # The About page is made when first shown or asked for: start-up shows another tab.
        self._about: AboutPage | None = None
        self._about_tab = QWidget()
        self._about_tab.setObjectName("about-tab")
        QVBoxLayout(self._about_tab).setContentsMargins(0, 0, 0, 0)
        self._about_tab.installEventFilter(self)

        self.toolbar = TopBar()
        self.help_button = self.toolbar.help_button
        self.help_button.clicked.connect(self.show_help)
        self.setMenuWidget(self.toolbar)

        self.notice = NoticeBar()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setAccessibleName(self.tr("Topics"))
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tab_mark = SelectedTabMark(self.tabs.tabBar())
        # Tabs that do not fit in one row are shown as rows of buttons (see tab_strip.py).
        self.tab_strip: QWidget | None = None
        self.tabs.installEventFilter(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self._results_page: QWidget | None = None
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        self._central_layout = layout
        self.setCentralWidget(central)

        for tab in pack.tabs:
            reader = TabReader(tab, pack.help_section, pack.path)
            reader.link_requested.connect(self.follow_link)
            self.readers[tab.id] = reader
            self.add_tab(reader, tab.title, tab.id)

        self.status_button = QPushButton()
        self.status_button.setObjectName("status-timer")
        self.status_button.setFlat(True)
        self.status_button.setAccessibleName(self.tr("Timer running"))
        self.status_button.hide()
        # The guide's nature stays in view on every tab: general information, not a diagnosis.
        # The line's "When to get help" is a working link (fixed text: no pack text here).
        self.disclaimer_label = QLabel(
            escape(self.tr("General information, not a diagnosis. If you are worried, see"))
            + ' <a href="#help">' + escape(self.tr("When to get help")) + "</a>."
        )
        self.disclaimer_label.setObjectName("disclaimer")
        self.disclaimer_label.setTextFormat(Qt.TextFormat.RichText)
        self.disclaimer_label.setOpenExternalLinks(False)
        # A tap or click follows it; keyboard users have the "When to get help" button,
        # the first control in the window, so the label stays out of the Tab order.
        self.disclaimer_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.disclaimer_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.disclaimer_label.setAccessibleName(self.tr(
            "General information, not a diagnosis. If you are worried, see When to get help."
        ))
        self.disclaimer_label.linkActivated.connect(self._on_disclaimer_link_activated)
        self.statusBar().addWidget(self.disclaimer_label, 1)
        self.statusBar().addPermanentWidget(self.status_button)
        self.statusBar().setSizeGripEnabled(False)

        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def install_shortcuts(self) -> None:
        """Ctrl+Tab and Ctrl+PgDown for the next tab, Ctrl+Shift+Tab and Ctrl+PgUp back."""
        from PySide6.QtGui import QKeySequence, QShortcut  # after the first frame

        for sequence in ("Ctrl+Tab", "Ctrl+PgDown"):
            QShortcut(QKeySequence(sequence), self, self.next_tab)
        for sequence in ("Ctrl+Shift+Tab", "Ctrl+PgUp"):
            QShortcut(QKeySequence(sequence), self, self.previous_tab)

    # -- composition seams ---------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str, tab_id: str) -> int:
        """Add a tab (topic readers, the timer) before the About tab."""
        index = self.tabs.addTab(widget, tab_text(title))
        self._tab_ids.append(tab_id)
        self.tabs.setTabToolTip(index, plain_tooltip(title))
        return index

    def insert_first_tab(self, widget: QWidget, title: str, tab_id: str) -> int:
        """Add a tab before all others (the start page)."""
        blocked = self.tabs.blockSignals(True)  # the tab shown is chosen later, once
        index = self.tabs.insertTab(0, widget, tab_text(title))
        self.tabs.blockSignals(blocked)
        self._tab_ids.insert(0, tab_id)
        self.tabs.setTabToolTip(index, plain_tooltip(title))
        return index

    def finish_tabs(self) -> None:
        """Add the About tab last, once every other tab is in."""
        self.add_tab(self._about_tab, self.tr("About"), "about")

    @property
    def about(self) -> AboutPage:
        """The About page: version, sources, disclaimer (made on first use)."""
        if self._about is None:
            self._about = AboutPage(self.pack)
            self._about.link_requested.connect(self.follow_link)
            layout = self._about_tab.layout()
            assert layout is not None
            layout.addWidget(self._about)
            if self._about_tab.isVisible():  # made while showing: lay it out before painting
                self._about.show()
                layout.activate()
        return self._about

    def add_toolbar_widget(self, widget: QWidget) -> None:
        """Add a view control (text size, contrast, read aloud) to the top bar."""
        self.toolbar.add_control(widget)

    def set_search_box(self, box: QWidget) -> None:
        """Put the search box in the top bar, beside "When to get help"."""
        self.toolbar.set_search_box(box)

    def set_results_page(self, results: QWidget) -> None:
        """The search results page, shown over the tabs while the box has text."""
        self._results_page = results
        self.stack.addWidget(results)

    def show_results_page(self, shown: bool) -> None:
        """Show the search results page instead of the tabs, or back to the tabs."""
        results = self._results_page
        if results is not None and shown:
            self.stack.setCurrentWidget(results)
        else:
            self.stack.setCurrentWidget(self.tabs)
        self._show_strip()

    def add_beside_help(self, widget: QWidget) -> None:
        """Put a button in the top bar just after "When to get help"."""
        self.toolbar.add_beside_help(widget)

    def show_page(self, page: QWidget) -> None:
        """Show a page over the tabs (the "Is it serious?" questions); any tab, search or
        "back to reading" step returns to the tabs."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._show_strip()

    def set_timer_status(self, text: str) -> None:
        """The small live countdown shown while another tab is open (empty hides it)."""
        visible = bool(text) and self.current_tab_id() != "timer"
        self.status_button.setText(text)
        self.status_button.setAccessibleName(text or self.tr("Timer"))
        self.status_button.setVisible(visible)

    def set_typing_mode(self, on: bool, reserve: int = 0) -> None:
        """Make room for an on-screen keypad ``reserve`` px high along the bottom edge.

        While it is open the view controls and the status line step aside and each result
        shows one snippet line, so several results stay in view above the keys.
        """
        self.toolbar.controls.setVisible(not on)
        self.statusBar().setVisible(not on)
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, reserve if on else 0)
        results = self.stack.widget(1)
        set_compact = getattr(results, "set_compact", None)
        if set_compact is not None:
            set_compact(on)

    def show_notice(self, text: str) -> None:
        """A calm, non-modal message at the top of the window."""
        self.notice.show_message(text)

    # -- navigation -----------------------------------------------------------------------------

    def tab_ids(self) -> list[str]:
        """Ids of the tabs in order."""
        return list(self._tab_ids)

    def current_tab_id(self) -> str:
        """Id of the tab shown."""
        index = self.tabs.currentIndex()
        return self._tab_ids[index] if 0 <= index < len(self._tab_ids) else ""

    def show_tab(self, tab_id: str) -> bool:
        """Switch to a tab by id."""
        if tab_id not in self._tab_ids:
            return False
        self.show_results_page(False)
        self.tabs.setCurrentIndex(self._tab_ids.index(tab_id))
        return True

    def show_section(self, section_id: str, highlight: Sequence[str] = ()) -> bool:
        """Open the tab holding a section, scroll to it and highlight words in it."""
        for tab_id, reader in self.readers.items():
            if section_id in reader.section_ids():
                self.show_tab(tab_id)
                reader.show_section(section_id, highlight)
                return True
        return False

    @Slot(str)
    def follow_link(self, target: str) -> None:
        """Follow an internal link: a link target the program added, a section id or a tab id."""
        action = self._link_actions.get(target)
        if action is not None:
            action()
        elif not self.show_section(target):
            self.show_tab(target)

    def add_link_target(self, target: str, action: Callable[[], None]) -> None:
        """Make links to ``#target`` in the guide's text call ``action`` (for example the
        "Is it serious?" questions, which are a page, not a section)."""
        self._link_actions[target] = action

    @Slot()
    def show_help(self) -> None:
        """Open "When to get help" from anywhere, in one step."""
        self.show_section(self.pack.help_section)
        self.focus_page()

    @Slot(str)
    def _on_disclaimer_link_activated(self, _link: str) -> None:
        self.show_help()

    @Slot()
    def focus_page(self) -> None:
        """Back to reading: the tabs again, keyboard focus in the current tab's text."""
        self.show_results_page(False)
        reader = self.readers.get(self.current_tab_id())
        target = reader.page if reader is not None else self.tabs.currentWidget()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def next_tab(self) -> None:
        """Ctrl+Tab: the next tab, wrapping around."""
        self.show_results_page(False)
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    @Slot()
    def previous_tab(self) -> None:
        """Ctrl+Shift+Tab: the previous tab, wrapping around."""
        self.show_results_page(False)
        self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count())

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        tab_id = self.current_tab_id()
        if tab_id == "timer":
            self.status_button.hide()
        elif self.status_button.text():
            self.status_button.show()
        self.tab_changed.emit(tab_id)

    # -- tabs in rows when one row is too narrow (see tab_strip.py) ----------------------------

    def tabs_in_rows(self) -> bool:
        """Whether the tabs are shown as rows of buttons (one row would not hold them)."""
        return self.tab_strip is not None and not self.tabs.tabBar().isVisibleTo(self.tabs)

    @Slot()
    def fit_tabs(self) -> None:
        """One tab bar when every tab fits in it, rows of buttons otherwise (never arrows)."""
        from spasmguide.ui.tab_strip import fit_tabs

        self.tab_strip = fit_tabs(self.tabs, self.tab_strip, self._central_layout)
        self._show_strip()

    def _show_strip(self) -> None:
        if self.tab_strip is not None:
            self.tab_strip.setVisible(
                not self.tabs.tabBar().isVisibleTo(self.tabs)
                and self.stack.currentWidget() is self.tabs
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs and event.type() in _REFIT_TABS:
            QTimer.singleShot(0, self, self.fit_tabs)
        elif watched is self._about_tab and event.type() == QEvent.Type.Show:
            self.about  # noqa: B018 - made on first show
        return super().eventFilter(watched, event)

    def _fit_disclaimer(self) -> None:
        """Wrap the status line only when it is too long for one line (never cut it off)."""
        label = self.disclaimer_label
        room = self.width() - self.status_button.sizeHint().width() - 48
        for child in self.statusBar().findChildren(QWidget, "kiosk-staff-corner"):
            room -= child.width()
        needed = label.fontMetrics().horizontalAdvance(label.accessibleName())
        wrap = needed > room
        if wrap != label.wordWrap():
            label.setWordWrap(wrap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_disclaimer()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self._fit_disclaimer)

    def has_painted(self) -> bool:
        """Whether the window has painted at least once."""
        return self._painted

    def is_settled(self) -> bool:
        """Whether the set-up left until after the first frame is done (``settled``)."""
        return self._settled

    def mark_settled(self) -> None:
        """Say that the set-up after the first frame is done (emits ``settled`` once)."""
        if not self._settled:
            self._settled = True
            self.settled.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)
