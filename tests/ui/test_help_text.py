"""Help screens show key names as typed and keep each description in its own column."""

from __future__ import annotations

from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.session import SessionScreen
from tests.ui.screen_text import screen_lines


async def test_the_calendar_help_shows_bracket_keys_as_typed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(screen_lines(app))
        assert "[ / pgup" in text
        assert "] / pgdn" in text
        assert "[/b]" not in text


async def test_help_wraps_words_beside_the_keys_at_80_columns(make_app) -> None:
    long = "skip what is under way, and a hold or a set cut short keeps its seconds or reps"
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(HelpScreen("session", [*SessionScreen.HELP_ROWS, ("x", long)]))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = [line for line in screen_lines(app) if line.strip()]
        row = next(line for line in lines if "skip what is under way, and" in line)
        column = row.index("skip what is under way, and")
        after = lines[lines.index(row) + 1]
        assert long not in row  # it does wrap at 80 columns
        # The wrapped rest of the line starts in the description column, not under the keys.
        border = row.index("█")
        assert after[border + 1 : column].strip() == ""
        assert after[column:].strip()


def test_help_rows_go_in_a_grid_not_markup() -> None:
    screen = HelpScreen("x", [("[b]", "a [red]word")])
    table = screen.keys_table()
    cells = [str(cell) for column in table.columns for cell in column.cells]
    assert cells == ["[b]", "a [red]word"]
