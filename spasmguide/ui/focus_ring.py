"""The focus ring and the bar over the tab shown, drawn by Qt from the style sheet.

Buttons, text fields, lists and pages get their ring and border from the application style
sheet (``design.application_style_sheet``). Every other control that takes keyboard focus (a
tab, a check box, a date field, a drop-down list) gets a ring from :class:`FocusRing`: a
frame laid over the focused control, as a child of it, that the style sheet draws.

Neither draws in Python. A Python style (a ``QProxyStyle`` with ``drawControl`` and friends)
would do the same, but PySide builds dozens of Python types and enums the first time Qt calls
it, which cost a fifth of the time to the first frame.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QLineEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from shiboken6 import Shiboken

RING_NAME = "focus-ring"
"""The object name the style sheet draws the ring for."""

TAB_MARK_NAME = "selected-tab-mark"
"""The object name of the bar over the tab shown, which the style sheet colours."""

FRAMED = "framed"
"""Dynamic property of a list or page whose border and ring come from the style sheet."""

TAB_MARK_PX = 4
"""Height of the bar over the tab shown."""

_EVENTS_THAT_MOVE = (
    QEvent.Type.Resize,
    QEvent.Type.LayoutRequest,
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.Show,
)


def outlined_by_style_sheet(widget: QWidget) -> bool:
    """Whether the style sheet draws ``widget``'s ring itself (when it has focus)."""
    if isinstance(widget, QPushButton | QLineEdit):
        return True
    return isinstance(widget, QAbstractScrollArea) and bool(widget.property(FRAMED))


def ring_rect(widget: QWidget) -> QRect:
    """Where the ring goes over ``widget``: all of it, or the current tab of a tab bar."""
    if isinstance(widget, QTabBar) and widget.currentIndex() >= 0:
        return widget.tabRect(widget.currentIndex())
    return widget.rect()


class _KeptInPlace(QObject):
    """Places an overlay again whenever the widget it lies over moves, resizes or relays out."""

    def watched(self) -> QWidget | None:
        """The widget the overlay lies over."""
        raise NotImplementedError

    def place(self, *_args: object) -> None:
        """Put the overlay where it belongs over ``watched()``."""
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.watched() and event.type() in _EVENTS_THAT_MOVE:
            self.place()
        return False


class FocusRing(_KeptInPlace):
    """Keeps a ring over the control with keyboard focus, when the style sheet does not.

    One per application (see :func:`install_focus_ring`); the ring is a child of the focused
    control, so it moves, scrolls, hides and is grabbed with it.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focus-ring-keeper")
        self._ring: QFrame | None = None
        self._target: QWidget | None = None
        self.ring()  # made now, not at the first focus: the set of widgets stays the same
        app.focusChanged.connect(self._on_focus_changed)

    def target(self) -> QWidget | None:
        """The control the ring is shown over, if any."""
        return self._target

    def watched(self) -> QWidget | None:
        return self._target

    def ring(self) -> QFrame:
        """The ring widget (made again if the control it was in was deleted)."""
        if self._ring is None or not Shiboken.isValid(self._ring):
            ring = QFrame()
            ring.setObjectName(RING_NAME)
            ring.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            ring.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._ring = ring
        return self._ring

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._leave()
        if new is None or new.isWindow() or outlined_by_style_sheet(new):
            return
        ring = self.ring()
        self._target = new
        ring.setParent(new)
        new.installEventFilter(self)
        if isinstance(new, QTabBar):
            new.currentChanged.connect(self.place)
        self.place()
        ring.show()

    def _leave(self) -> None:
        target, self._target = self._target, None
        if target is not None and Shiboken.isValid(target):
            target.removeEventFilter(self)
            if isinstance(target, QTabBar):
                target.currentChanged.disconnect(self.place)
        if self._ring is not None and Shiboken.isValid(self._ring):
            self._ring.hide()
            self._ring.setParent(None)  # never deleted along with a control it left

    def place(self, *_args: object) -> None:
        target = self._target
        if target is None or self._ring is None:
            return
        self._ring.setGeometry(ring_rect(target))
        self._ring.raise_()


def install_focus_ring(app: QApplication) -> FocusRing:
    """The application's focus ring keeper, made on first call."""
    keeper = app.findChild(FocusRing, "focus-ring-keeper")
    return keeper if keeper is not None else FocusRing(app)


class SelectedTabMark(_KeptInPlace):
    """A bar over the tab shown, in the highlight colour of every theme, not a shade of grey.

    A child widget of the tab bar that the style sheet colours (``#selected-tab-mark``).
    """

    def __init__(self, bar: QTabBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.mark = QFrame(bar)  # a QFrame: the style sheet paints its background
        self.mark.setObjectName(TAB_MARK_NAME)
        self.mark.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bar.currentChanged.connect(self.place)
        bar.installEventFilter(self)
        self.place()

    def watched(self) -> QWidget | None:
        return self.bar

    def place(self, *_args: object) -> None:
        """Put the bar along the top of the current tab."""
        index = self.bar.currentIndex()
        if index < 0:
            self.mark.hide()
            return
        tab = self.bar.tabRect(index)
        self.mark.setGeometry(tab.x(), tab.y(), tab.width(), TAB_MARK_PX)
        self.mark.raise_()
        self.mark.show()
