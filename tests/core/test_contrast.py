"""WCAG contrast numbers, checked against values published with the specification."""

from __future__ import annotations

import pytest

from spasmguide.core.contrast import contrast_ratio, parse_hex, relative_luminance


def test_black_on_white_is_21_to_1() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


def test_same_colour_is_1_to_1() -> None:
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)


def test_order_does_not_matter() -> None:
    assert contrast_ratio("#0b57d0", "#ffffff") == contrast_ratio("#ffffff", "#0b57d0")


@pytest.mark.parametrize(
    ("fg", "bg", "expected"),
    [
        # Well-known reference pairs (WebAIM contrast checker).
        ("#767676", "#ffffff", 4.54),
        ("#777777", "#ffffff", 4.48),
        ("#595959", "#ffffff", 7.00),
        ("#ffff00", "#000000", 19.56),
        ("#0000ff", "#ffffff", 8.59),
    ],
)
def test_known_pairs(fg: str, bg: str, expected: float) -> None:
    assert contrast_ratio(fg, bg) == pytest.approx(expected, abs=0.01)


def test_luminance_uses_the_srgb_curve_not_plain_averages() -> None:
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000000") == 0.0
    # Green weighs far more than blue in what eyes see as brightness.
    assert relative_luminance("#00ff00") > 9 * relative_luminance("#0000ff")
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=1e-4)


def test_short_hex_and_missing_hash() -> None:
    assert parse_hex("#abc") == (0xAA, 0xBB, 0xCC)
    assert parse_hex("FF8000") == (255, 128, 0)


@pytest.mark.parametrize("bad", ["", "#12", "#gggggg", "red", "#1234567"])
def test_bad_colours_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_hex(bad)
