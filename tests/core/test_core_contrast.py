"""The contrast ratio matches WCAG 2's worked values."""

import pytest

from runstrength.core.contrast import contrast_ratio, relative_luminance


def test_black_on_white_is_the_maximum() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)


def test_order_does_not_matter_and_same_colour_is_one() -> None:
    grey = (119, 119, 119)
    assert contrast_ratio(grey, (255, 255, 255)) == contrast_ratio((255, 255, 255), grey)
    assert contrast_ratio(grey, grey) == pytest.approx(1.0)


def test_known_pairs() -> None:
    # #777777 on white is the classic 4.48:1, just under the 4.5 threshold.
    assert contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    # Pure red on white: 4.0:1.
    assert contrast_ratio((255, 0, 0), (255, 255, 255)) == pytest.approx(4.0, abs=0.01)


def test_luminance_is_ordered_by_lightness() -> None:
    assert relative_luminance((0, 0, 0)) == 0
    assert relative_luminance((255, 255, 255)) == pytest.approx(1.0)
    assert relative_luminance((0, 255, 0)) > relative_luminance((255, 0, 0))
