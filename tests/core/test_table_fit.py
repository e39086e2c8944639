"""Fitting the sessions table into a width: what says less, what is cut, what never is."""

from __future__ import annotations

from runstrength.core.history import COLUMNS, SessionRow, fitted_cells, session_row
from runstrength.core.table_fit import clip, natural_widths, shrink_to
from runstrength.core.wording import status_text
from tests.wide_history import LONG_PROGRAM, wide_sessions


def rows() -> list[SessionRow]:
    return [session_row(session) for session in wide_sessions()]


def test_the_status_says_less_in_three_steps() -> None:
    assert status_text("partial", 3) == "partial · 3 exercises skipped"
    assert status_text("partial", 3, wording="short") == "partial · 3 skipped"
    assert status_text("partial", 3, wording="word") == "partial"
    assert status_text("completed", 1, wording="word") == "1 skipped"
    assert status_text("in-progress", 1, set_aside=True, wording="short") == "set aside · 1 skipped"
    assert status_text("completed", 0, wording="word") == ""


def test_clip_cuts_with_an_ellipsis_only_what_does_not_fit() -> None:
    assert clip("endurance", 9) == "endurance"
    assert clip("endurance", 8) == "enduran…"
    assert clip("hills and stairs", 7) == "hills…"  # no space left before the ellipsis
    assert clip("anything", 1) == "…"


def test_shrink_takes_from_the_widest_flexible_column_down_to_its_least() -> None:
    assert shrink_to([14, 30, 6, 10], 60, {1: 8, 3: 9}) == [14, 30, 6, 10]
    assert shrink_to([14, 30, 6, 10], 50, {1: 8, 3: 9}) == [14, 20, 6, 10]
    assert shrink_to([14, 30, 6, 10], 40, {1: 8, 3: 9}) == [14, 10, 6, 10]
    assert shrink_to([14, 30, 6, 10], 38, {1: 8, 3: 9}) == [14, 9, 6, 9]  # turn about
    # Not enough even at their least: as near as they go, the others untouched.
    assert shrink_to([14, 30, 6, 10], 20, {1: 8, 3: 9}) == [14, 8, 6, 9]


def test_no_limit_keeps_every_word() -> None:
    table = fitted_cells(rows(), None)
    assert table[0] == COLUMNS
    assert table[1][1] == LONG_PROGRAM
    assert table[1][-1] == "partial · 3 exercises skipped"


def test_the_table_says_less_before_it_cuts() -> None:
    full = natural_widths(fitted_cells(rows(), None))
    short = fitted_cells(rows(), sum(full) - 1)
    assert short[1][-1] == "partial · 3 skipped"
    assert short[1][1] == LONG_PROGRAM
    room = 62  # 80 columns less the scrollbar and each cell's padding on screen
    narrow = fitted_cells(rows(), room)
    assert sum(natural_widths(narrow)) <= room
    long = narrow[1]
    assert long[1].startswith("hills-and")
    assert long[1].endswith("…")
    assert long[2:7] == ("1 h 05 min", "120", "12000", "100%", "10")  # numbers never cut
    assert long[-1] == "partial"
