"""The guide's drawings, drawn in the colours of the theme shown.

Each drawing (``resources/pictures/NAME.svg``) uses two colours only: :data:`LINE` for its
lines and :data:`ACCENT` for what to notice (the muscle that stretches, the towel). Before a
drawing is rendered they are replaced with the palette's text and link colours, so a
drawing is dark on a light page, light on a dark one and white and yellow in high contrast.

QtSvg is imported only when a drawing is first rendered, never for the first frame unless
the first view shows one.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
)
from PySide6.QtWidgets import QApplication

from spasmguide.core.content.model import ID_RE, Section, pictures_folder

log = logging.getLogger(__name__)

__all__ = [
    "ACCENT",
    "ASPECT",
    "LINE",
    "PICTURE_URL",
    "add_picture_resources",
    "insert_section_pictures",
    "page_picture_width",
    "picture_colours",
    "picture_image",
    "picture_svg",
]

LINE = "#212b32"
"""The line colour every drawing is made with (replaced by the palette's text colour)."""
ACCENT = "#005eb8"
"""The accent colour every drawing is made with (replaced by the palette's link colour)."""
ASPECT = 180 / 240
"""Height over width of every drawing."""


@functools.lru_cache(maxsize=16)
def _svg_source(name: str) -> bytes | None:
    if not ID_RE.match(name):
        return None
    try:
        return (pictures_folder() / f"{name}.svg").read_bytes()
    except OSError as exc:
        log.warning("picture %s could not be read: %s", name, exc)
        return None


def picture_colours(palette: QPalette | None = None) -> tuple[str, str]:
    """(line, accent) of the drawings in ``palette`` (the application's when None)."""
    palette = palette or QApplication.palette()
    return (
        palette.color(QPalette.ColorRole.Text).name(),
        palette.color(QPalette.ColorRole.Link).name(),
    )


def picture_svg(name: str, palette: QPalette | None = None) -> bytes | None:
    """The drawing ``name`` as SVG in the colours of ``palette``; None if there is none."""
    source = _svg_source(name)
    if source is None:
        return None
    line, accent = picture_colours(palette)
    return source.replace(LINE.encode(), line.encode()).replace(ACCENT.encode(), accent.encode())


def picture_image(
    name: str, width: int, palette: QPalette | None = None, scale: float = 1.0
) -> QImage | None:
    """The drawing ``name`` rendered ``width`` pixels wide (times ``scale`` for sharp
    screens) on a transparent background, in the theme's colours; None if it cannot be."""
    svg = picture_svg(name, palette)
    if svg is None:
        return None
    from PySide6.QtSvg import QSvgRenderer  # the first drawing pays for QtSvg, not start-up

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        log.warning("picture %s is not a drawing Qt can show", name)
        return None
    size = QSize(max(1, round(width * scale)), max(1, round(width * ASPECT * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(Qt.GlobalColor.transparent))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    image.setDevicePixelRatio(scale)
    return image


# -- pictures in a page ------------------------------------------------------------------------

PICTURE_URL = "spasmguide-picture:"
"""How a page names a drawing (its image resource): this, then the drawing's name."""


def page_picture_width(page: Any) -> int:
    """Pictures about 14 "M"s wide, and never more than two fifths of the page
    (``page`` is a :class:`~spasmguide.ui.reader.PageView`)."""
    em = page.fontMetrics().horizontalAdvance("M")
    width, _height = page.viewport_size()
    return max(120, min(14 * em, int(width * 0.4)))


def insert_section_pictures(
    document: QTextDocument, sections: Sequence[Section], width: int
) -> list[str]:
    """Put each section's pictures beside the start of its text, floating at the right,
    each with its alt text under it (so screen readers, which read the page's text, say
    what it shows). Returns the names of the drawings used."""
    if not any(section.pictures for section in sections):
        return []
    from spasmguide.ui.page_document import section_headings  # a page is being laid out

    headings = section_headings(document)
    if len(headings) != len(sections):
        return []
    used: list[str] = []
    for index in reversed(range(len(sections))):
        pictures = sections[index].pictures
        if not pictures:
            continue
        body = headings[index].next()
        if not body.isValid():
            continue
        cursor = QTextCursor(body)
        frame_format = QTextFrameFormat()
        frame_format.setPosition(QTextFrameFormat.Position.FloatRight)
        frame_format.setWidth(QTextLength(QTextLength.Type.FixedLength, width + 8))
        frame_format.setLeftMargin(16)
        frame_format.setBottomMargin(8)
        frame_format.setPadding(4)
        frame_format.setBorder(0)
        cursor.insertFrame(frame_format)
        for number, picture in enumerate(pictures):
            if number:
                cursor.insertBlock()
            image = QTextImageFormat()
            image.setName(PICTURE_URL + picture.name)
            image.setWidth(width)
            image.setHeight(round(width * ASPECT))
            image.setProperty(QTextFormat.Property.ImageAltText, picture.alt)
            image.setToolTip(picture.alt)
            cursor.insertImage(image)
            caption = QTextCharFormat()
            caption.setFontPointSize(max(6.0, document.defaultFont().pointSizeF() * 0.9))
            cursor.insertBlock(QTextBlockFormat(), caption)
            cursor.insertText(picture.alt, caption)
            if picture.name not in used:
                used.append(picture.name)
    add_picture_resources(document, used, width)
    return used


def add_picture_resources(document: QTextDocument, names: Sequence[str], width: int) -> None:
    """Render ``names`` in the theme shown and hand them to ``document`` (again after a
    theme change: the page is then laid out afresh)."""
    screen = QGuiApplication.primaryScreen()
    scale = screen.devicePixelRatio() if screen is not None else 1.0
    for name in names:
        image = picture_image(name, width, scale=max(1.0, scale))
        if image is not None:
            document.addResource(
                QTextDocument.ResourceType.ImageResource.value, QUrl(PICTURE_URL + name), image
            )
    if names:
        document.markContentsDirty(0, document.characterCount())
