"""The contrast ratio matches WCAG 2's worked values."""

import pytest

from runstrength.core.contrast import (
    LARGE_TEXT,
    NORMAL_TEXT,
    contrast_ratio,
    readable,
    relative_luminance,
)


def test_black_on_white_is_the_maximum() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)


def test_order_does_not_matter_and_same_colour_is_one() -> None:
    grey = (119, 119, 119)
    assert contrast_ratio(grey, (255, 255, 255)) == contrast_ratio((255, 255, 255), grey)
    assert contrast_ratio(grey, grey) == pytest.approx(1.0)


def test_contrast_ratio_of_well_known_colour_pairs() -> None:
    # #777777 on white is the classic 4.48:1, just under the 4.5 threshold.
    assert contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    # Pure red on white: 4.0:1.
    assert contrast_ratio((255, 0, 0), (255, 255, 255)) == pytest.approx(4.0, abs=0.01)


def test_luminance_is_ordered_by_lightness() -> None:
    assert relative_luminance((0, 0, 0)) == 0
    assert relative_luminance((255, 255, 255)) == pytest.approx(1.0)
    assert relative_luminance((0, 255, 0)) > relative_luminance((255, 0, 0))


def test_a_readable_colour_is_moved_only_as_far_as_needed() -> None:
    orange, light_grey = (0xFE, 0xA6, 0x2B), (0xE0, 0xE0, 0xE0)
    assert contrast_ratio(orange, light_grey) < 1.6
    darker = readable(orange, (light_grey, (0xD0, 0xD0, 0xD0)))
    assert contrast_ratio(darker, light_grey) >= NORMAL_TEXT
    assert contrast_ratio(darker, (0xD0, 0xD0, 0xD0)) >= NORMAL_TEXT
    assert darker[0] > darker[2], "still orange: more red than blue"
    # already readable: unchanged
    assert readable(orange, ((0x12, 0x12, 0x12),)) == orange
    # on dark backgrounds it lightens
    blue = readable((0x00, 0x45, 0x78), ((0x12, 0x12, 0x12),))
    assert sum(blue) > 0x45 + 0x78
    assert contrast_ratio(blue, (0x12, 0x12, 0x12)) >= NORMAL_TEXT


def test_large_text_needs_less() -> None:
    grey = readable((0x80, 0x80, 0x80), ((0xFF, 0xFF, 0xFF),), LARGE_TEXT)
    assert LARGE_TEXT <= contrast_ratio(grey, (0xFF, 0xFF, 0xFF)) < NORMAL_TEXT
