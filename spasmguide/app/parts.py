"""The parts one start is made of, and the helpers every feature's wiring shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spasmguide.cli import LaunchOptions
from spasmguide.core.content import Pack
from spasmguide.settings_store import SettingsStore
from spasmguide.ui.main_window import MainWindow


class Extras(dict[str, Any]):
    """The optional parts by name. A part not needed for the first frame is registered with
    ``add_later`` and made on first use (``extras["timer_tab"]``) or by ``make_now``."""

    def __init__(self) -> None:
        super().__init__()
        self._makers: dict[str, Callable[[], Any]] = {}
        self.after_first_frame: list[Callable[[], object]] = []
        """Set-up run once the window has painted, in this order (see ``settle``)."""
        self._first_steps = 0

    def add_later(self, name: str, make: Callable[[], Any]) -> None:
        """Make ``name`` with ``make`` when it is first asked for."""
        self._makers[name] = make

    def is_made(self, name: str) -> bool:
        """Whether ``name`` exists already (asking for it with [] or get() would make it)."""
        return dict.__contains__(self, name)

    def run_after_first_frame(self, step: Callable[[], object], *, first: bool = False) -> None:
        """Run ``step`` once the window has painted and the event loop is idle.

        ``first``: ahead of the other steps (after earlier ``first`` ones): for what a person
        may use at once, the search and the keyboard.
        """
        position = self._first_steps if first else len(self.after_first_frame)
        self._first_steps += first
        self.after_first_frame.insert(position, step)

    def make_after_first_frame(self, name: str, *, first: bool = False) -> None:
        """Make ``name`` once the window has painted, unless something asks for it earlier."""
        self.run_after_first_frame(lambda: self.make_now(name), first=first)

    def make_now(self, name: str) -> Any:
        """The part ``name``, made now if it was waiting; None when there is no such part."""
        return self.get(name)

    def __missing__(self, name: str) -> Any:
        make = self._makers.pop(name, None)
        if make is None:
            raise KeyError(name)
        value = make()
        self[name] = value
        return value

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or name in self._makers

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        if name not in self:
            return default
        return self[name]  # makes a waiting part


def settle(window: MainWindow, steps: list[Callable[[], object]]) -> None:
    """Run ``steps`` one at a time whenever the event loop is idle, then emit
    ``window.settled``.

    What the first frame does not need is made here. A step runs only when nothing else is
    waiting (a paint, a key, a timer that is due), so the results of keys typed at start are
    painted first, and a key pressed meanwhile waits for one step at most. Steps added while
    this runs are run too. A window closed and deleted meanwhile (a switch of language) runs
    no more of its steps.
    """
    from PySide6.QtCore import QAbstractEventDispatcher, QTimer

    dispatcher = QAbstractEventDispatcher.instance()
    state = {"queued": False, "listening": True}

    def when_idle() -> None:  # the event loop is about to wait: nothing else is pending
        if not state["queued"]:
            state["queued"] = True
            QTimer.singleShot(0, window, next_step)

    def stop_listening() -> None:
        if state["listening"]:
            state["listening"] = False
            dispatcher.aboutToBlock.disconnect(when_idle)

    def next_step() -> None:
        state["queued"] = False
        if steps:
            steps.pop(0)()
            return
        stop_listening()
        window.mark_settled()

    window.destroyed.connect(stop_listening)
    dispatcher.aboutToBlock.connect(when_idle)


class Components:
    """Everything ``build`` made, so callers and tests can reach each part."""

    __slots__ = ("extras", "options", "pack", "settings", "window")

    def __init__(
        self,
        window: MainWindow,
        pack: Pack,
        settings: SettingsStore,
        options: LaunchOptions,
        extras: Extras | None = None,
    ) -> None:
        self.window = window
        self.pack = pack
        self.settings = settings
        self.options = options
        self.extras = Extras() if extras is None else extras

    def __repr__(self) -> str:
        return f"Components(pack={self.pack!r}, options={self.options!r})"


def current_place(window: MainWindow) -> tuple[str, str | None]:
    """The tab shown and the section being read in it (None outside a topic tab)."""
    tab_id = window.current_tab_id()
    reader = window.readers.get(tab_id)
    return tab_id, reader.current_section_id() if reader is not None else None


def toolbar_button(window: MainWindow, name: str, text: str, description: str) -> Any:
    """A labelled button added to the window's tool bar (made when its feature is built)."""
    from PySide6.QtWidgets import QPushButton

    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    window.add_toolbar_widget(button)
    return button
