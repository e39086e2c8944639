"""Block digits: the glyphs, and the largest scale that fits."""

from __future__ import annotations

import pytest

from runstrength.widgets.big_number import ROWS, fit_scale, render_rows


def test_a_digit_is_drawn_from_its_glyph() -> None:
    assert render_rows("2", 1) == [
        "██████",
        "    ██",
        "██████",
        "██    ",
        "██████",
    ]


def test_each_pixel_is_scale_rows_high_and_twice_scale_wide() -> None:
    rows = render_rows("0:45", 3)
    assert len(rows) == ROWS * 3
    # 3 + 1 + 3 + 3 pixels of glyphs and 3 one-pixel gaps, each 6 cells wide
    assert {len(row) for row in rows} == {(3 + 1 + 3 + 3 + 3) * 6}


@pytest.mark.parametrize(
    ("value", "width", "height", "scale"),
    [
        ("7", 76, 18, 3),  # one digit: the height decides
        ("0:07", 76, 18, 2),  # a time: the width decides
        ("20", 76, 40, 5),
        ("0:45", 20, 4, 1),  # never smaller than 1
        ("", 80, 24, 1),
    ],
)
def test_the_largest_scale_that_fits(value: str, width: int, height: int, scale: int) -> None:
    assert fit_scale(value, width, height) == scale
    if value and scale > 1:
        rows = render_rows(value, scale)
        assert len(rows) <= height
        assert len(rows[0]) <= width
