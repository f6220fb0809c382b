"""The search box, the in-window results page, and the controller joining them to the index:
``hit_list`` (the hits' model and delegate), ``results`` (the page), ``controller``.

The results page is an ordinary widget inside the main window, never a popup or a new
window: kiosk mode forbids new top-level windows. Results update on every keystroke; a
query on the bundled pack takes well under a millisecond (see ``benchmarks/search_bench.py``),
so it runs on the GUI thread.
"""

from spasmguide.ui.search.controller import SearchController
from spasmguide.ui.search.hit_list import HIT_ROLE, HitDelegate, HitListModel
from spasmguide.ui.search.results import SearchResults
from spasmguide.ui.search_box import SearchBox

__all__ = [
    "HIT_ROLE",
    "HitDelegate",
    "HitListModel",
    "SearchBox",
    "SearchController",
    "SearchResults",
]
