"""Block fonts: the glyphs, the largest scale that fits, and words that wrap to be larger."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from runstrength.widgets.big_number import BigNumber, BlockText
from runstrength.widgets.block_font import DIGIT_FONT, DIGITS, LETTER_FONT, LETTERS


def test_a_digit_is_drawn_from_its_glyph_in_solid_blocks() -> None:
    assert DIGIT_FONT.rows("2", 2, 1) == [
        "██████████",
        "        ██",
        "        ██",
        "██████████",
        "██        ",
        "██        ",
        "██████████",
    ]


def test_eight_is_closed_top_and_bottom_so_18_never_reads_1h() -> None:
    eight = DIGITS["8"]
    assert eight[0] == eight[-1] == "#####"
    assert eight[3] == "#####"


def test_every_glyph_of_a_font_is_as_tall_as_the_font() -> None:
    assert {len(glyph) for glyph in DIGITS.values()} == {7}
    assert {len(glyph) for glyph in LETTERS.values()} == {5}
    for glyph in (*DIGITS.values(), *LETTERS.values()):
        assert len({len(row) for row in glyph}) == 1


def test_each_pixel_is_x_cells_wide_and_y_rows_high() -> None:
    rows = DIGIT_FONT.rows("0:45", 4, 2)
    assert len(rows) == 7 * 2
    # 5 + 1 + 5 + 5 pixels of glyphs and 3 one-pixel gaps, each 4 cells wide
    assert {len(row) for row in rows} == {(5 + 1 + 5 + 5 + 3) * 4}


@pytest.mark.parametrize(
    ("value", "width", "height", "scale"),
    [
        ("7", 76, 9, (2, 1)),  # one digit at 80x24: the height decides
        ("12", 116, 19, (4, 2)),  # at 120x40: twice as tall, square pixels
        ("0:45", 116, 19, (4, 2)),
        ("0:45", 40, 19, (2, 2)),  # narrow: taller pixels rather than lower digits
        ("0:45", 20, 7, (1, 1)),
        ("0:45", 10, 7, None),  # does not fit at all
        ("", 80, 24, None),
    ],
)
def test_the_largest_scale_that_fits(
    value: str, width: int, height: int, scale: tuple[int, int] | None
) -> None:
    assert DIGIT_FONT.fit(value, width, height) == scale
    if scale:
        rows = DIGIT_FONT.rows(value, *scale)
        assert len(rows) <= height
        assert len(rows[0]) <= width


def test_every_phase_and_side_fits_the_band_at_80_columns() -> None:
    for phase in ("WARM-UP", "UP NEXT", "WORK", "GET READY", "HOLD", "REST", "STRETCH"):
        for side in ("", "LEFT", "RIGHT"):
            text = f"{phase}  {side}".strip()
            assert LETTER_FONT.fit(text, 78, 5) is not None, text


class Band(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield BlockText(id="phase")
        yield BigNumber(id="count")

    def on_mount(self) -> None:
        self.query_one(BlockText).show(self.text)
        self.query_one(BigNumber).show("18")


async def test_a_phase_and_side_wrap_to_two_lines_when_that_draws_them_larger() -> None:
    app = Band("GET READY\nRIGHT")
    async with app.run_test(size=(120, 40)):
        band = app.query_one(BlockText)
        assert band.size.height == 12  # two lines of 5, a blank row between and one below
        assert band.scale == (2, 1)
        rows = band.lines()
        assert rows[5].strip() == ""  # the lines stand apart
        assert "█" in rows[0]
        assert "█" in rows[6]
    app = Band("GET READY\nRIGHT")
    async with app.run_test(size=(80, 24)):
        band = app.query_one(BlockText)
        assert band.size.height == 5
        assert band.scale == (1, 1)  # one line, narrower letters


async def test_text_the_font_cannot_draw_is_shown_plain() -> None:
    app = Band("ÉTIREMENT")
    async with app.run_test(size=(80, 24)):
        band = app.query_one(BlockText)
        assert band.scale is None
        assert "ÉTIREMENT" in band.render_line(band.size.height // 2).text
