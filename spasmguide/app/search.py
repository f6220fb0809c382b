"""The search box in the first frame; the index, results and controller just after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spasmguide.app.parts import Components


def build_search(components: Components, cache_dir: Path | None = None) -> None:
    """The search box now; the index, results page and controller just after the first paint.

    The box is part of the first frame. What answers it is made once the window has painted,
    or at the first keystroke if someone types before that. A large pack's built index is
    kept in ``cache_dir`` between starts (None: built every time, as in kiosk mode).
    """
    from spasmguide.ui.search_box import SearchBox

    window, pack, extras = components.window, components.pack, components.extras
    examples = tuple(getattr(pack.synonyms, "examples", ()) or ())
    box = SearchBox(examples)
    window.set_search_box(box)
    extras["search_box"] = box

    def make_controller() -> Any:
        from spasmguide.core.search import SearchIndex
        from spasmguide.ui.search import SearchController, SearchResults

        index = SearchIndex.build(pack, cache_dir=cache_dir)
        evidence = {s.id: s.evidence for _, s in pack.sections() if s.evidence is not None}
        results = SearchResults(index, evidence=evidence)
        controller = SearchController(index, box, results, parent=window)
        window.set_results_page(results)
        # Ctrl+F and the like are not needed to show results: made at the next idle moment.
        extras.run_after_first_frame(lambda: controller.add_focus_shortcuts(window), first=True)
        controller.query_changed.connect(
            lambda text: window.show_results_page(bool(text.strip()))
        )
        controller.focus_page_requested.connect(window.focus_page)
        controller.hit_activated.connect(open_hit)
        extras.update(search_index=index, search_results=results)
        if box.text():
            controller.catch_up()  # typed before the search was ready: once, after the burst
        # Made by the first post-start step at the latest, so the warm-up always joins them.
        extras.run_after_first_frame(index.warm_up)
        return controller

    def open_hit(hit: Any) -> None:
        if hit.tab_id == "timer":
            # A routine: have it ready to start, but never cut short one that is under way.
            timer_tab = extras.get("timer_tab")
            if timer_tab is not None and not timer_tab.is_running():
                timer_tab.select_routine(hit.section_id)
            window.show_tab("timer")
        elif not window.show_section(hit.section_id, hit.terms):
            window.show_tab(hit.tab_id)

    def controller_part(name: str) -> Any:
        extras.make_now("search_controller")
        return dict.__getitem__(extras, name)

    extras.add_later("search_controller", make_controller)
    extras.add_later("search_index", lambda: controller_part("search_index"))
    extras.add_later("search_results", lambda: controller_part("search_results"))
    extras.make_after_first_frame("search_controller", first=True)
    box.textChanged.connect(lambda _text: extras.make_now("search_controller"))
