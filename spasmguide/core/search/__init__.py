"""Full-text search over a content pack: answers questions, fast as you type, never raising.

The index is an in-memory SQLite FTS5 table built from the loaded pack: every section of
every tab, the timer routines and the About text. Queries are *never* handed to ``MATCH``
as typed. The text is split into folded word tokens and the ``MATCH`` expression is built
from those, each token double-quoted, so no input can reach FTS5's query syntax.

How a query is answered, one module each:

- ``analysis``: the pack language's words: a Snowball stemmer, question words and filler
  to leave out, and a list of real words;
- ``planner``: typed text into units (words and synonym phrases), each with its stem
  variants, synonyms, completions of a half-typed word, and a weight by rarity;
- ``typos``: a word that finds nothing and is not a real word is corrected to the closest
  index word, and the hits say so (``corrected_from`` / ``corrected_to``);
- ``ranking``: pages holding any of the words, ranked by bm25 and by how much of the
  question's weight they hold, after title tiers;
- ``hits``: the results, with snippets and the words to highlight; a query whose main
  words are not in the pack at all gets hits marked ``weak``;
- ``index``: :class:`SearchIndex`, built from a pack; ``cache``: large packs' built indexes
  kept between starts.
"""

from spasmguide.core.search.analysis import Language, language_for, stem
from spasmguide.core.search.hits import Hit, hit_to_json
from spasmguide.core.search.index import SearchIndex

__all__ = ["Hit", "Language", "SearchIndex", "hit_to_json", "language_for", "stem"]
