"""Pictures as people see and hear them: beside the treatment text, large in the timer, in
the colours of every theme, with their alt text where screen readers read it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from spasmguide.core.content.model import Picture
from spasmguide.core.routines import Routine, Step
from spasmguide.ui.appearance import build_palette
from spasmguide.ui.design import DARK, HIGH_CONTRAST, LIGHT
from spasmguide.ui.pictures import ACCENT, LINE, PICTURE_URL, picture_image, picture_svg
from spasmguide.ui.reader import TabReader
from spasmguide.ui.timer import TimerTab
from tests.fakes import FakeClock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]


def opaque_colours(image: QImage) -> set[str]:
    """The colours of the fully drawn pixels of ``image`` (line middles, not their edges)."""
    found = set()
    converted = image.convertToFormat(QImage.Format.Format_ARGB32)
    for y in range(0, converted.height(), 2):
        for x in range(0, converted.width(), 2):
            colour = converted.pixelColor(x, y)
            if colour.alpha() == 255:
                found.add(colour.name())
    return found


@pytest.fixture
def app_palette():
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    yield app
    app.setPalette(before)


@pytest.mark.parametrize("theme", [DARK, HIGH_CONTRAST], ids=lambda t: t.name)
def test_a_picture_is_recoloured_for_the_theme_before_it_is_drawn(theme) -> None:
    palette = build_palette(theme)
    svg = picture_svg("calf-stretch-standing", palette)
    assert svg is not None
    assert theme.text.encode() in svg and theme.link.encode() in svg
    assert LINE.encode() not in svg and ACCENT.encode() not in svg
    image = picture_image("calf-stretch-standing", 240, palette)
    assert image is not None and image.width() == 240 and image.height() == 180
    colours = opaque_colours(image)
    assert QColor(theme.text).name() in colours and QColor(theme.link).name() in colours
    assert QColor(LINE).name() not in colours


def test_the_light_theme_draws_dark_lines_and_blue_accents() -> None:
    image = picture_image("compress-in-cloth", 240, build_palette(LIGHT))
    assert image is not None
    assert {LIGHT.text, LIGHT.link} <= opaque_colours(image)


def test_an_unknown_picture_is_simply_not_drawn() -> None:
    assert picture_svg("no-such-drawing") is None
    assert picture_image("../pack", 100) is None


def test_treatment_pages_show_their_pictures_with_alt_text_in_the_page(
    qtbot, pack, app_palette
) -> None:
    app_palette.setPalette(build_palette(LIGHT))
    reader = TabReader(pack.tab("treatments"), pack.help_section, pack.path)
    qtbot.addWidget(reader)
    reader.resize(1100, 700)
    reader.show()
    reader.ensure_built()
    assert set(reader.picture_names()) == {
        "leg-on-pillow", "compress-in-cloth", "calf-stretch-standing",
        "calf-stretch-seated-towel", "foot-and-toes-stretch",
    }
    document = reader.page.document()
    text = document.toPlainText()
    for _tab, section in pack.sections():
        if section in pack.tab("treatments").sections:
            for picture in section.pictures:
                assert picture.alt in text  # screen readers read the page's text
    # The pictures do not change what a section is: the section list and headings agree.
    for section_id in reader.section_ids():
        assert reader.show_section(section_id)
        assert reader.current_section_id() == section_id

    name = PICTURE_URL + "calf-stretch-standing"
    image_type = QTextDocument.ResourceType.ImageResource.value
    light = opaque_colours(document.resource(image_type, QUrl(name)))
    assert LIGHT.text in light
    app_palette.setPalette(build_palette(HIGH_CONTRAST))  # the theme changes: so do they
    qtbot.waitUntil(
        lambda: HIGH_CONTRAST.text in opaque_colours(document.resource(image_type, QUrl(name)))
    )
    assert LIGHT.text not in opaque_colours(document.resource(image_type, QUrl(name)))


class FakeChime(QObject):
    available = True

    def play(self) -> bool:
        return True


WALL = Picture("calf-stretch-standing", "A person leaning on a wall.")
ROUTINE = Routine("calf", "Calf stretch", "Stretch.", (
    Step("Stand facing a wall.", 10, "other", label="Get ready"),
    Step("Lean towards the wall.", 30, "stretch", label="Lean", picture=WALL),
))


def test_the_timer_shows_the_current_steps_picture_large_with_its_alt_text(qtbot) -> None:
    clock = FakeClock()
    tab = TimerTab([ROUTINE], clock=clock, chime=FakeChime())
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    qtbot.waitExposed(tab)
    picture = tab._picture
    tab.start()
    clock.advance(3.5)  # past the 3-2-1
    tab.refresh()
    assert not picture.isVisible()  # "Get ready" has no picture
    tab.next_step()
    assert picture.isVisible()
    assert picture.accessibleName() == WALL.alt
    assert picture.width() >= 150 and picture.pixmap() is not None
    assert not picture.pixmap().isNull()
    tab.reset()
    assert not picture.isVisible()


def test_the_first_frame_does_not_load_qtsvg(tmp_path: Path) -> None:
    script = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from spasmguide.app import build\n"
        "from spasmguide.cli import LaunchOptions\n"
        f"c = build(LaunchOptions(settings=Path({str(tmp_path / 's.ini')!r})))\n"
        "painted = []\n"
        "c.window.first_painted.connect(lambda: painted.append('PySide6.QtSvg' in sys.modules))\n"
        "loop = QEventLoop()\n"
        "c.window.first_painted.connect(loop.quit)\n"
        "c.window.show()\n"
        "QTimer.singleShot(30000, loop.quit)\n"
        "loop.exec()\n"
        "print('painted', painted)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        cwd=ROOT, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
    )
    assert "painted [False]" in result.stdout, result.stdout + result.stderr
