"""The toolbar's view controls: A− / A+ text size, High contrast, and Read aloud / Stop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from spasmguide.core.settings import TEXT_SCALE_MAX, TEXT_SCALE_MIN
from spasmguide.ui.appearance import Appearance
from spasmguide.ui.main_window import MainWindow
from spasmguide.ui.read_aloud import SPEAKING, ReadAloud

MIN_BUTTON_HEIGHT = 32
"""Desktop minimum: easy to hit with a mouse or an unsteady hand."""
KIOSK_MIN_BUTTON_HEIGHT = 48
"""Touch screens: about a fingertip."""


def current_section_text(window: MainWindow) -> str:
    """The text a person is reading now: the current section of the current tab.

    Falls back to the whole text of a tab that has no sections (About).
    """
    tab_id = window.current_tab_id()
    reader = window.readers.get(tab_id)
    if reader is not None:
        section_id = reader.current_section_id()
        section = reader.tab.section(section_id) if section_id else None
        if section is None and reader.tab.sections:
            section = reader.tab.sections[0]
        if section is not None:
            return f"{section.title}.\n{section.text}"
    current = window.tabs.currentWidget()
    to_plain = getattr(current, "toPlainText", None)
    return str(to_plain()) if callable(to_plain) else ""


class ViewControls(QWidget):
    """Visible buttons for text size, high contrast and reading aloud.

    Args:
        appearance: theme and text size of the application.
        read_aloud: the speech engine wrapper (may be unavailable).
        text_source: returns the text to read when "Read aloud" is pressed.
    """

    def __init__(
        self,
        appearance: Appearance,
        read_aloud: ReadAloud,
        text_source: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("view-controls")
        self._appearance = appearance
        self._read_aloud = read_aloud
        self._text_source = text_source
        self.compact = False
        self._window: QWidget | None = None

        self.smaller = QPushButton("A−")
        self.smaller.setObjectName("text-smaller")
        self.smaller.setAccessibleName(self.tr("Smaller text"))
        self.smaller.clicked.connect(appearance.smaller)
        self.size_label = QLabel()
        self.size_label.setObjectName("text-size")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.larger = QPushButton("A+")
        self.larger.setObjectName("text-larger")
        self.larger.setAccessibleName(self.tr("Larger text"))
        self.larger.clicked.connect(appearance.larger)

        self.contrast = QPushButton(self.tr("High contrast"))
        self.contrast.setObjectName("high-contrast")
        self.contrast.setAccessibleName(self.tr("High contrast"))
        self.contrast.setAccessibleDescription(
            self.tr("White text on black, with a yellow outline on the control that has focus")
        )
        self.contrast.setCheckable(True)
        self.contrast.toggled.connect(appearance.set_high_contrast)

        # Light or dark, chosen in the window (high contrast has its own button).
        self.dark = QPushButton(self.tr("Dark"))
        self.dark.setObjectName("dark-theme")
        self.dark.setAccessibleName(self.tr("Dark colours"))
        self.dark.setAccessibleDescription(
            self.tr("Light text on a dark background; press again for light")
        )
        self.dark.setCheckable(True)
        self.dark.toggled.connect(self._on_dark_toggled)

        self.read = QPushButton(self.tr("Read aloud"))
        self.read.setObjectName("read-aloud")
        self.read.clicked.connect(self._on_read_clicked)
        # Why Read aloud is off, as text: touch users cannot open a tooltip.
        self.read_note = QLabel()
        self.read_note.setObjectName("read-aloud-note")
        self.read_note.setTextFormat(Qt.TextFormat.PlainText)
        self.read_note.setVisible(False)

        height = KIOSK_MIN_BUTTON_HEIGHT if appearance.kiosk else MIN_BUTTON_HEIGHT
        for button in (self.smaller, self.larger, self.dark, self.contrast, self.read):
            button.setMinimumHeight(height)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for button in (self.smaller, self.larger):
            button.setMinimumWidth(height + 8)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.smaller)
        layout.addWidget(self.size_label)
        layout.addWidget(self.larger)
        layout.addSpacing(6)
        layout.addWidget(self.dark)
        layout.addWidget(self.contrast)
        layout.addWidget(self.read)
        layout.addWidget(self.read_note)

        appearance.text_scale_changed.connect(self._on_appearance_text_scale_changed)
        appearance.theme_changed.connect(self._on_appearance_theme_changed)
        read_aloud.state_changed.connect(self._on_read_aloud_state_changed)
        self._on_appearance_text_scale_changed(appearance.text_scale())
        self._on_appearance_theme_changed(appearance.theme())
        self._on_read_aloud_state_changed(read_aloud.state())

    # -- fitting the toolbar --------------------------------------------------------------------

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._window:
            self._window = window
            window.installEventFilter(self)
        QTimer.singleShot(0, self, self.fit)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    @Slot()
    def fit(self) -> None:
        """Use shorter labels when even a row of their own is too narrow for the full ones."""
        window = self._window
        if window is None:
            return
        self._set_compact(False)
        self._set_compact(self.sizeHint().width() > window.width() - 24)

    def _set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        self.size_label.setVisible(not compact)
        self._on_appearance_theme_changed(self._appearance.theme())
        self._on_read_aloud_state_changed(self._read_aloud.state())

    @Slot(int)
    def _on_appearance_text_scale_changed(self, scale: int) -> None:
        self.size_label.setText(f"{scale} %")
        now = str(scale)
        self.smaller.setAccessibleDescription(
            self.tr("Text size is %1 %. Make the text smaller.").replace("%1", now)
        )
        self.larger.setAccessibleDescription(
            self.tr("Text size is %1 %. Make the text larger.").replace("%1", now)
        )
        self.smaller.setToolTip(self.tr("Smaller text (Ctrl+Minus). Now %1 %.").replace("%1", now))
        self.larger.setToolTip(self.tr("Larger text (Ctrl+Plus). Now %1 %.").replace("%1", now))
        self.smaller.setEnabled(scale > TEXT_SCALE_MIN)
        self.larger.setEnabled(scale < TEXT_SCALE_MAX)

    @Slot(str)
    def _on_appearance_theme_changed(self, theme: str) -> None:
        blocked = self.contrast.blockSignals(True)
        on = theme == "high-contrast"
        self.contrast.setChecked(on)
        # The tick shows the state in every theme, not only by a change of shade.
        label = self.tr("Contrast") if self.compact else self.tr("High contrast")
        self.contrast.setText(f"✓ {label}" if on else label)
        self.contrast.blockSignals(blocked)
        blocked = self.dark.blockSignals(True)
        dark = self._appearance.effective_theme() == "dark"
        self.dark.setChecked(dark)
        label = self.tr("Dark")
        self.dark.setText(f"✓ {label}" if dark else label)
        self.dark.setEnabled(not on)  # high contrast decides the colours while it is on
        self.dark.blockSignals(blocked)

    @Slot(str)
    def _on_read_aloud_state_changed(self, state: str) -> None:
        note = self._read_aloud.missing_note(short=self.compact)
        self.read_note.setText(note)
        self.read_note.setVisible(bool(note))
        if not self._read_aloud.available and self._appearance.kiosk:
            # A visitor cannot install a speech engine: a control that cannot work is hidden.
            self.read.setVisible(False)
            self.read_note.setVisible(False)
            self.read.setEnabled(False)
            return
        if not self._read_aloud.available:
            self.read.setText(self.tr("Read") if self.compact else self.tr("Read aloud"))
            self.read.setAccessibleName(self.tr("Read aloud"))
            self.read.setAccessibleDescription(self._read_aloud.reason_text())
            self.read.setToolTip(self._read_aloud.reason_text())
            self.read.setEnabled(False)
            return
        speaking = state == SPEAKING
        if self.compact:
            self.read.setText(self.tr("Stop") if speaking else self.tr("Read"))
        else:
            self.read.setText(self.tr("Stop reading") if speaking else self.tr("Read aloud"))
        self.read.setAccessibleName(self.tr("Stop reading") if speaking else self.tr("Read aloud"))
        description = (
            self.tr("Stop reading aloud now") if speaking
            else self.tr("Read the section you are on aloud")
        )
        note = self._read_aloud.voice_note()
        if note:  # no voice for this language: the engine reads with another one
            description = f"{description}. {note}"
        self.read_note.setText(note)
        self.read_note.setVisible(bool(note))
        self.read.setAccessibleDescription(description)
        self.read.setToolTip(description)
        self.read.setEnabled(True)

    @Slot(bool)
    def _on_dark_toggled(self, on: bool) -> None:
        self._appearance.set_theme("dark" if on else "light")

    @Slot()
    def _on_read_clicked(self) -> None:
        if self._read_aloud.state() == SPEAKING:
            self._read_aloud.stop()
        else:
            self._read_aloud.read(self._text_source())
