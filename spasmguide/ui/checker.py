""""Is it serious?": the red-flag checker page and its offer above search results.

The page is shown over the tabs (like the search results), so the guide's tabs stay as they
are. One question per screen with large Yes / No / Not sure buttons, then one clear result.
Answers live only in the page's :class:`~spasmguide.core.checker.CheckerSession`, in memory;
:meth:`CheckerPage.reset` forgets them (the kiosk calls it between visitors). The button that
opens it is in ``checker_button.py``, so the first frame does not load this module.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.checker import (
    DEFAULT_EMERGENCY_NUMBER,
    NO,
    NOT_SURE,
    YES,
    Checker,
    CheckerSession,
    Outcome,
)

__all__ = ["CheckerOffer", "CheckerPage", "attach_search_offer"]

TOUCH_BUTTON_PX = 72
"""Answer buttons on a touch kiosk: well over the 48 px minimum, easy to hit while worried."""
DESKTOP_BUTTON_PX = 48
TOUCH_STYLE = """
#checker-page QPushButton { min-height: 64px; padding: 0 16px; }
#checker-yes, #checker-no, #checker-not-sure {
    min-height: 72px; min-width: 160px; font-size: 22pt; font-weight: bold;
}
"""

LEVEL_COLOURS = {
    # White text on each is at least 6:1, in every theme; the level is also written out.
    "emergency": "#b3261e",
    "urgent": "#8a4600",
    "soon": "#1a4f9c",
    "self-care": "#1e6b30",
}
LEVEL_ICONS = {
    "emergency": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "urgent": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "soon": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "self-care": QStyle.StandardPixmap.SP_DialogApplyButton,
}


class FocusLabel(QLabel):
    """A heading that can take keyboard focus (so a screen reader reads it when it changes)
    and then shows a focus ring like every other control."""

    RING_ROOM = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        room = self.RING_ROOM
        self.setContentsMargins(room, room, room, room)

    _KEYBOARD_REASONS = (
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    )

    ring_shown = False
    """The ring shows when the keyboard brought focus here: a touch or a new question moves
    focus too (for screen readers), and a ring round text nobody tabbed to looks like a box
    to type in."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ring_shown = event.reason() in self._KEYBOARD_REASONS
        super().focusInEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus() and self.ring_shown:
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))


class LevelBadge(QFrame):
    """The result's level as an icon and a word on a coloured band: never colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checker-badge")
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setObjectName("checker-badge-text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 16, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def set_level(self, level: str, label: str) -> None:
        colour = LEVEL_COLOURS[level]
        self.setStyleSheet(
            f"#checker-badge {{ background: {colour}; border-radius: 8px; }}"
            "#checker-badge QLabel { color: white; font-weight: bold; background: transparent; }"
        )
        size = self.fontMetrics().height() * 3 // 2
        self.icon.setPixmap(self.style().standardIcon(LEVEL_ICONS[level]).pixmap(size, size))
        self.text.setText(label)
        self.setAccessibleName(label)


class CheckerPage(QWidget):
    """The checker, one question per screen, then the result.

    Signals:
        help_requested(): "Go to When to get help" was chosen.
        timer_requested(str): open the Timer tab, with this routine ready ("" for any).
        close_requested(): leave the checker and go back to reading.
    """

    help_requested = Signal()
    timer_requested = Signal(str)
    close_requested = Signal()

    def __init__(
        self, checker: Checker, emergency_number: str, *, touch: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checker-page")
        self.setAccessibleName(self.tr("Is it serious? questions"))
        self.checker = checker
        self.emergency_number = emergency_number
        self.session = CheckerSession(checker)
        self.outcome: Outcome | None = None
        self._button_px = TOUCH_BUTTON_PX if touch else DESKTOP_BUTTON_PX

        self.heading = QLabel(checker.title)
        self.heading.setObjectName("checker-heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setContentsMargins(FocusLabel.RING_ROOM, 0, 0, 0)
        self.close_button = self._button(self.tr("Close"), "checker-close",
                                         self.tr("Close the questions and go back to the guide"))
        self.close_button.clicked.connect(self.close_requested)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        self.screens = QStackedWidget()
        self.screens.addWidget(self._make_question_screen())
        self.screens.addWidget(self._make_result_screen())

        body = QWidget()
        body.setObjectName("checker-body")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 8, 16, 8)
        body_layout.setSpacing(4)
        body_layout.addLayout(header)
        body_layout.addWidget(self.screens)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("checker-scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        if touch:
            # Over the kiosk's own sizes: the page's sheet wins inside the page.
            self.setStyleSheet(TOUCH_STYLE)
        self._apply_sizes()
        self._show_question(focus=False)

    # -- building -------------------------------------------------------------------------------

    def _button(self, text: str, name: str, description: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        if description:
            button.setAccessibleDescription(description)
        button.setMinimumHeight(self._button_px)
        button.setAutoDefault(False)
        return button

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(FocusLabel.RING_ROOM, 0, FocusLabel.RING_ROOM, 0)  # in line
        return label

    def _make_question_screen(self) -> QWidget:
        screen = QWidget()
        screen.setObjectName("checker-question-screen")
        self.progress = self._label("checker-progress")
        self.intro = self._label("checker-intro")
        self.intro.setText(self.checker.intro)
        self.question_label = FocusLabel()
        self.question_label.setObjectName("checker-question")
        self.yes_button = self._button(self.tr("Yes"), "checker-yes", self.tr("Key Y"))
        self.no_button = self._button(self.tr("No"), "checker-no", self.tr("Key N"))
        self.not_sure_button = self._button(
            self.tr("Not sure"), "checker-not-sure", self.tr("Counts as yes, to be safe")
        )
        self.answer_buttons = (self.yes_button, self.no_button, self.not_sure_button)
        for button, answer in zip(self.answer_buttons, (YES, NO, NOT_SURE), strict=True):
            button.setMinimumWidth(self._button_px * 2)
            button.clicked.connect(lambda _=False, a=answer: self.answer(a))
        answers = QHBoxLayout()
        answers.setSpacing(16)
        for button in self.answer_buttons:
            answers.addWidget(button)
        answers.addStretch(1)
        self.not_sure_note = self._label("checker-note")
        self.not_sure_note.setText(
            self.tr("Not sure? Choose Not sure: it counts as yes, to be safe.")
        )
        self.back_button = self._button(self.tr("Back"), "checker-back",
                                        self.tr("Go back to the last question"))
        self.back_button.clicked.connect(self.go_back)
        self.restart_button = self._button(self.tr("Start again"), "checker-restart")
        self.restart_button.clicked.connect(self._on_restart_clicked)
        for button in (self.back_button, self.restart_button):
            answers.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        self.unwell_note = self._label("checker-unwell")
        self.unwell_note.setText(
            self.tr("If you feel very unwell now, call %1.").replace("%1", self.emergency_number)
        )
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.progress, self.intro, self.question_label):
            layout.addWidget(widget)
        layout.addLayout(answers)
        layout.addWidget(self.not_sure_note)
        layout.addWidget(self.unwell_note)
        return screen

    def _make_result_screen(self) -> QWidget:
        screen = QWidget()
        screen.setObjectName("checker-result-screen")
        self.badge = LevelBadge()
        self.result_title = FocusLabel()
        self.result_title.setObjectName("checker-result-title")
        self.number_label = self._label("checker-number")
        self.advice_label = self._label("checker-advice")
        self.said_label = self._label("checker-said")
        self.diagnosis_label = self._label("checker-not-diagnosis")
        self.diagnosis_label.setText(self.tr(
            "This is not a diagnosis. It only helps you decide how soon to get help. "
            "If you are worried, get help anyway."
        ))
        self.help_button = self._button(self.tr("Go to When to get help"), "checker-help")
        self.help_button.clicked.connect(self.help_requested)
        self.timer_button = self._button(self.tr("Open the Timer"), "checker-timer",
                                         self.tr("A guided stretch and compress routine"))
        self.timer_button.clicked.connect(self._on_timer_clicked)
        self.result_back_button = self._button(self.tr("Back"), "checker-result-back",
                                               self.tr("Change your last answer"))
        self.result_back_button.clicked.connect(self.go_back)
        self.result_restart_button = self._button(self.tr("Start again"),
                                                  "checker-result-restart")
        self.result_restart_button.clicked.connect(self._on_restart_clicked)
        # Kiosk only (see offer_take_away): the result as a QR code for the visitor's phone.
        self.take_away_button = self._button(self.tr("Take this with you"), "checker-take-away",
                                             self.tr("Show this result as a QR code"))
        self.take_away_button.clicked.connect(self._on_take_away_clicked)
        self.take_away_button.hide()
        self._take_away: Callable[[str, str, str, list[str]], None] | None = None
        # Two rows, so large kiosk buttons fit an 800-pixel-wide screen without clipping.
        actions = QVBoxLayout()
        actions.setSpacing(12)
        for group in ((self.timer_button, self.help_button, self.take_away_button),
                      (self.result_back_button, self.result_restart_button)):
            row = QHBoxLayout()
            row.setSpacing(12)
            for button in group:
                row.addWidget(button)
            row.addStretch(1)
            actions.addLayout(row)
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        for widget in (self.result_title, self.number_label, self.advice_label, self.said_label,
                       self.diagnosis_label):
            layout.addWidget(widget)
        layout.addLayout(actions)
        return screen

    def _apply_sizes(self) -> None:
        """Big text follows the app's text size: sizes are worked out from the page's font."""
        base = self.font().pointSizeF()

        def sized(widget: QWidget, factor: float, bold: bool) -> None:
            font = QFont(self.font())
            font.setPointSizeF(base * factor)
            font.setBold(bold)
            widget.setFont(font)

        sized(self.heading, 1.3, True)
        sized(self.question_label, 1.5, True)
        sized(self.result_title, 1.6, True)
        sized(self.number_label, 2.4, True)
        for button in self.answer_buttons:
            sized(button, 1.25, True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_sizes()

    # -- what a person does ---------------------------------------------------------------------

    def start(self) -> None:
        """Begin again at the first question, with the keyboard focus on it."""
        self.session.restart()
        self._show_question(focus=True)

    def reset(self) -> None:
        """Forget every answer and every result shown (kiosk reset); takes no focus."""
        self.session.restart()
        self.outcome = None
        for label in (self.result_title, self.number_label, self.advice_label, self.said_label):
            label.clear()
            label.setAccessibleName("")
        self._show_question(focus=False)

    def answer(self, answer: str) -> None:
        """Answer the question shown (ignored while a result is shown)."""
        if self.showing_result() or self.session.finished:
            return
        self.session.answer(answer)
        if self.session.finished:
            self._show_result()
        else:
            self._show_question(focus=True)

    @Slot()
    def go_back(self) -> None:
        """Back one question (from the result: to the last question answered)."""
        if self.session.back():
            self._show_question(focus=True)

    def showing_result(self) -> bool:
        """True while the result screen is shown."""
        return self.screens.currentIndex() == 1

    def offer_take_away(self, show: Callable[[str, str, str, list[str]], None]) -> None:
        """Offer "Take this with you" on results; ``show(level, title, advice, said)``."""
        self._take_away = show

    @Slot()
    def _on_take_away_clicked(self) -> None:
        if self._take_away is not None and self.outcome is not None:
            self._take_away(
                self._level_label(self.outcome.level), self.outcome.title, self.outcome.advice,
                self.said_phrases(),
            )

    def said_phrases(self) -> list[str]:
        """The "You said" lines of the result shown."""
        if self.outcome is None:
            return []
        return [self._said_line(i) for i in self.outcome.said]

    # -- screens --------------------------------------------------------------------------------

    def _show_question(self, *, focus: bool) -> None:
        question = self.session.current()
        if question is None:
            self._show_result()
            return
        self.outcome = None
        number, total = self.session.position()
        progress = self.tr("Question %1 of %2").replace("%1", str(number)).replace(
            "%2", str(total))
        self.progress.setText(progress)
        self.intro.setVisible(number == 1 and bool(self.checker.intro))
        self.question_label.setText(question.text)
        spoken = f"{progress}. {question.text}"
        self.question_label.setAccessibleName(spoken)
        self.question_label.setAccessibleDescription(
            self.tr("Answer with Yes, No or Not sure. Keys: Y for yes, N for no.")
        )
        self.back_button.setVisible(number > 1)
        self.restart_button.setVisible(number > 1)
        self.screens.setCurrentIndex(0)
        if focus:
            self._focus_and_announce(self.question_label, spoken)

    def _show_result(self) -> None:
        outcome = self.session.outcome(self.emergency_number)
        self.outcome = outcome
        level_label = self._level_label(outcome.level)
        self.badge.set_level(outcome.level, level_label)
        self.result_title.setText(outcome.title)
        # The number, big, where the pack sets one; the neutral default is in the title already.
        big_number = outcome.level == "emergency" and (
            self.emergency_number != DEFAULT_EMERGENCY_NUMBER
        )
        self.number_label.setText(self.emergency_number if big_number else "")
        self.number_label.setVisible(big_number)
        self.advice_label.setText(outcome.advice)
        if outcome.said:
            lines = "\n".join(f"\u2022 {line}" for line in self.said_phrases())
            said = self.tr("You said:")
            self.said_label.setText(f"{said}\n{lines}")
        else:
            self.said_label.setText(self.tr("You said No to every question."))
        self.timer_button.setVisible(outcome.level == "self-care")
        self.take_away_button.setVisible(self._take_away is not None)
        spoken = f"{level_label}. {outcome.title}. {outcome.advice}"
        self.result_title.setAccessibleName(spoken)
        self.result_title.setAccessibleDescription(self.said_label.text())
        self.screens.setCurrentIndex(1)
        self._focus_and_announce(self.result_title, spoken)

    def _said_line(self, question_id: str) -> str:
        question = self.checker.question(question_id)
        phrase = question.because if question is not None else question_id
        if self.outcome is not None and question_id in self.outcome.not_sure:
            return self.tr("%1 (you were not sure)").replace("%1", phrase)
        return phrase

    def _level_label(self, level: str) -> str:
        labels = {
            "emergency": self.tr("Emergency: call now"),
            "urgent": self.tr("Urgent: get help today"),
            "soon": self.tr("Soon: see a doctor in the next few days"),
            "self-care": self.tr("Self-care: look after it at home"),
        }
        return labels[level]

    def _focus_and_announce(self, widget: QWidget, text: str) -> None:
        self.scroll.ensureVisible(0, 0)
        self.scroll.verticalScrollBar().setValue(0)
        if self.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        shown = self.result_title if self.showing_result() else self.question_label
        shown.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keys and slots -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and not self.showing_result() and key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            self.answer(YES if key == Qt.Key.Key_Y else NO)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            if isinstance(focus, QPushButton) and self.isAncestorOf(focus):
                focus.click()  # Enter presses the focused button, as Space does
                event.accept()
                return
        super().keyPressEvent(event)

    @Slot()
    def _on_restart_clicked(self) -> None:
        self.start()

    @Slot()
    def _on_timer_clicked(self) -> None:
        self.timer_requested.emit(self.outcome.routine if self.outcome else "")


class CheckerOffer(QPushButton):
    """A clear action above the search results when a search sounds like a worry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checker-offer")
        text = self.tr("Is it serious? Answer a few questions to see how soon to get help")
        self.setText(text)
        self.setAccessibleName(text)
        font = QFont()
        font.setBold(True)
        self.setFont(font)
        self.setMinimumHeight(DESKTOP_BUTTON_PX)
        self.hide()


def attach_search_offer(
    results: QWidget, checker: Checker, open_checker: Callable[[], None]
) -> CheckerOffer:
    """Put a :class:`CheckerOffer` at the top of the search results page, shown while the
    query holds one of the checker's ``search`` phrases ("is it serious", "swollen" ...).

    ``results`` is the results page: it must have a box layout and a ``query_changed(str)``
    signal (and a ``query`` property for a search typed before this was attached).
    """
    offer = CheckerOffer()
    layout = results.layout()
    assert isinstance(layout, QBoxLayout)
    layout.insertWidget(0, offer)
    offer.clicked.connect(open_checker)

    def update(query: str) -> None:
        offer.setVisible(checker.offered_for(query))

    results.query_changed.connect(update)  # type: ignore[attr-defined]
    update(str(getattr(results, "query", "")))
    return offer
