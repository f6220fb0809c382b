"""The cramp diary (desktop only): its tab, “Log a cramp” and its paragraph in About."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from spasmguide.app.parts import Components

DELETE_ALL_TARGET = "delete-all-diary-data"
"""The About page's link to "Delete all diary data" (``ui.diary.privacy.DELETE_LINK``, which
is not imported here: it is only needed once the About tab is opened)."""


def build_diary(components: Components) -> None:
    """The Diary tab, "Log a cramp" in the Treatments tab and on the timer's done screen, and
    the diary's paragraph in About with "Delete all diary data".

    Nothing of it is made before the first frame, and the diary file is opened only when the
    Diary tab is first shown or "Log a cramp" is first pressed.
    """
    window, extras, pack = components.window, components.extras, components.pack
    page = QWidget()
    page.setObjectName("diary-page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    window.add_tab(page, QApplication.translate("Diary", "Diary"), "diary")
    done: set[str] = set()

    def path() -> Path:
        from spasmguide.diary_location import diary_path

        return diary_path(components.options.diary)

    def make() -> Any:
        from spasmguide.core.diary import DiaryStore, treatment_choices
        from spasmguide.ui.diary.tab import DiaryTab

        tab = DiaryTab(lambda: DiaryStore.open(path()), treatment_choices(pack))
        tab.help_requested.connect(window.show_help)
        window.closing.connect(tab.close_store)
        layout.addWidget(tab)
        tab.show()
        if extras.is_made("navigation") and not extras["navigation"].order_pending:
            extras["navigation"].fix_tab_order()
        return tab

    def log_cramp(duration_s: int | None = None) -> None:
        window.show_tab("diary")
        extras["diary_tab"].log_cramp(duration_s or None)

    def on_tab_changed(tab_id: str) -> None:
        if tab_id == "diary":
            extras.make_now("diary_tab")
        elif tab_id == "treatments" and "treatments" not in done and "treatments" in window.readers:
            done.add("treatments")
            from PySide6.QtWidgets import QHBoxLayout, QPushButton

            row = QWidget()
            row.setObjectName("treatments-log-cramp")
            row_layout = QHBoxLayout(row)
            row_layout.addStretch(1)
            button = QPushButton(QApplication.translate("Diary", "Log a cramp in your diary"))
            button.setAccessibleName(button.text())
            button.setMinimumHeight(44)
            button.clicked.connect(lambda: log_cramp())
            row_layout.addWidget(button)
            window.readers["treatments"].add_action(row)
            row.show()
        elif tab_id == "about" and "about" not in done:
            done.add("about")
            from PySide6.QtGui import QTextCursor

            from spasmguide.ui.diary.privacy import about_html

            cursor = QTextCursor(window.about.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertHtml(about_html(path()))
        offer_in_timer()

    def offer_in_timer() -> None:
        if "timer" not in done and extras.is_made("timer_tab"):
            done.add("timer")
            timer_tab = extras["timer_tab"]
            timer_tab.log_cramp_requested.connect(log_cramp)
            timer_tab.offer_log_cramp()

    def delete_all() -> None:
        from spasmguide.core.diary import DiaryError
        from spasmguide.core.diary.store import delete_diary
        from spasmguide.ui.diary.privacy import DeleteDiaryData
        from spasmguide.ui.diary.words import reason_text, translate

        where = path()
        if not DeleteDiaryData.ask(window, where):
            return
        if extras.is_made("diary_tab"):
            extras["diary_tab"].forget(translate(
                "Diary",
                "Your diary data was deleted. Log a cramp to start "
                "a new diary.",
            ))
        try:
            delete_diary(where)
        except DiaryError as exc:
            window.show_notice(reason_text(exc.reason))
            return
        window.show_notice(translate("Diary", "All diary data was deleted from this computer."))

    extras.add_later("diary_tab", make)
    extras["log_cramp"] = log_cramp
    window.tab_changed.connect(on_tab_changed)
    extras.run_after_first_frame(offer_in_timer)  # after the timer tab is made there
    window.add_link_target(DELETE_ALL_TARGET, delete_all)
