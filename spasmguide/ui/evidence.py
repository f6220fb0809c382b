"""The evidence badge of a treatment section: its words, in the reader's language, and colours.

The labels are a small fixed set (see ``spasmguide.core.pack_safety.EVIDENCE_LABELS``). The
colours are light tints with dark text of the same hue, readable in the light and dark themes
alike because both colours are set.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from spasmguide.core.pack_safety import Evidence
from spasmguide.ui.plain import escape

# (background, text): each pair has a contrast well above 7:1.
BADGE_COLOURS: dict[str, tuple[str, str]] = {
    "recommended": ("#cce2d8", "#005a30"),
    "some-evidence": ("#bbd4ea", "#0c2d4a"),
    "traditional": ("#fff7bf", "#594d00"),
    "not-supported": ("#f4cdc6", "#2a0b06"),
}
_FALLBACK_COLOURS = ("#e0e0e0", "#1a1a1a")


def evidence_text(label: str) -> str:
    """The badge's words for ``label``, translated."""
    texts = {
        "recommended": QCoreApplication.translate("Evidence", "Recommended by health services"),
        "some-evidence": QCoreApplication.translate("Evidence", "Some evidence"),
        "traditional": QCoreApplication.translate("Evidence", "Traditional, not proven"),
        "not-supported": QCoreApplication.translate("Evidence", "Not supported by evidence"),
    }
    return texts.get(label, label)


def badge_colours(label: str) -> tuple[str, str]:
    """Background and text colour of the badge for ``label``."""
    return BADGE_COLOURS.get(label, _FALLBACK_COLOURS)


def badge_html(evidence: Evidence) -> str:
    """One paragraph: the coloured badge, then the source that backs it (all text escaped)."""
    background, colour = badge_colours(evidence.label)
    prefix = QCoreApplication.translate("Evidence", "Evidence:")
    source = QCoreApplication.translate("Evidence", "Source: %1").replace(
        "%1", escape(evidence.source)
    )
    return (
        f"<p>{escape(prefix)} "
        f'<span style="background-color:{background}; color:{colour}; font-weight:600;">'
        f"&nbsp;{escape(evidence_text(evidence.label))}&nbsp;</span>"
        f"&nbsp; {source}</p>"
    )
