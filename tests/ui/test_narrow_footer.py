"""The session footer at the narrowest terminal the session accepts (60 columns) and at
80: in every phase and both layouts, the keys that act mid-set and `? Help` are whole and
in sight; the keys that give way are still in the help."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from runstrength.app import RunStrengthApp
from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.session import SessionScreen
from runstrength.screens.session_end import live_keys
from runstrength.widgets.key_footer import key_width, to_hide
from tests.ui.screen_text import screen_lines
from tests.ui.test_snapshots import drive

SIZES = [(60, 20), (80, 24)]

# Keys (str) and seconds passed (numbers), each from the phase before, through the short
# program; then what its footer must show, whatever the width.
PHASES: list[tuple[str, list[object], list[str]]] = [
    ("warm-up", [100], ["⏎ Next", "s Next move", "S Skip warm-up", "p Pause", "+/- 15s"]),
    ("exercise card", ["S"], ["⏎ Next", "s Skip exercise", "t Tempo"]),
    ("set", ["enter", "space"], ["space +1", "⌫ -1", "⏎ Next", "s End set", "t Tempo"]),
    ("rest", [*["space"] * 14, "enter"], ["⏎ Next", "s Skip rest", "p Pause", "+/- 15s"]),
    ("paused rest", ["p"], ["⏎ Next", "s Skip rest", "p Resume", "+/- 15s"]),
    ("stretch", ["p", "s", "s"], ["⏎ Next", "s Skip", "p Pause", "+/- 15s"]),
    ("get ready", ["s", "s", "enter"], ["⏎ Next", "s Skip get-ready", "p Pause", "+/- 15s"]),
    ("hold", [5, 3], ["⏎ Next", "s End hold", "p Pause", "+/- 15s"]),
    ("summary", ["q", "x"], ["⏎/q Home"]),
]


def session(app: RunStrengthApp) -> SessionScreen:
    assert isinstance(app.screen, SessionScreen)
    return app.screen


def footer_line(app: RunStrengthApp) -> str:
    return screen_lines(app)[-1].rstrip()


async def read_help(pilot: Pilot[None]) -> str:
    """The help's text, scrolled through to its end, then closed: each dialog row whole
    (its border on both sides)."""
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    pages = []
    for _ in range(3):
        box = pilot.app.screen.query_one(".dialog").region
        dialog = [line[box.x : box.right] for line in screen_lines(pilot.app)[box.y : box.bottom]]
        assert len(dialog) > 10
        assert all(line[0] == line[-1] == "█" for line in dialog)  # nothing cut
        pages.append(" ".join(line.strip("█ ") for line in dialog))
        await pilot.press("pagedown")
        await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    return " ".join(pages)


@pytest.mark.parametrize("layout", ["floor", "compact"])
@pytest.mark.parametrize("size", SIZES)
async def test_every_phase_keeps_its_keys_and_help_in_sight(
    make_app, clock, size: tuple[int, int], layout: str
) -> None:
    app = make_app(start=True, session_layout=layout)
    seen = []
    async with app.run_test(size=size) as pilot:
        for phase, steps, wanted in PHASES:
            await drive(clock, *steps)(pilot)
            if phase == "summary":
                assert session(app).engine.finished
            line = footer_line(app)
            assert line.endswith("? Help"), (phase, line)
            for key in wanted:
                assert key in line, (phase, key, line)
            seen.append(phase)
    assert len(seen) == len(PHASES)


@pytest.mark.parametrize("size", SIZES)
async def test_a_band_exercise_with_tempo_keeps_the_counting_keys_and_help(
    make_app, clock, size: tuple[int, int]
) -> None:
    # The most keys a step offers: a counted band exercise with tempo on.
    app = make_app(program="endurance", bands=("red", "green"))
    app.start_with = app.context.programs.programs["endurance"]
    async with app.run_test(size=size) as pilot:
        await drive(clock, "S", "enter", "t", "space")(pilot)
        screen = session(app)
        assert screen.engine.tempo
        line = footer_line(app)
        for key in ("space +1", "⌫ -1", "⏎ Next", "s End set", "p Pause", "q Quit"):
            assert key in line, (key, line)
        assert line.endswith("? Help"), line
        if size == (80, 24):  # room for all but the sound key
            assert "b Band" in line
            assert "t Tempo" in line
            assert "f Layout" in line
            assert "m Sound" not in line
        else:
            assert "b Band" not in line
        # What gave way is in the help, and still acts.
        help_text = await read_help(pilot)
        for words in ("next band for the exercise", "sound on / off", "floor layout"):
            assert words in help_text
        squat = app.context.catalogue.exercises["band-squat"]
        before = screen.engine.bands.band_for(squat)
        await pilot.press("b")
        assert screen.engine.bands.band_for(squat) not in (before, None)


async def test_a_wider_terminal_gives_the_keys_back(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await drive(clock, "S", "enter")(pilot)
        assert "f Layout" not in footer_line(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        line = footer_line(app)
        assert "f Layout" in line
        assert "m Sound" in line
        assert line.endswith("? Help")


def test_keys_give_way_highest_first_until_the_rest_fit() -> None:
    keys = [(key_width("⏎", "Next"), 0), (key_width("f", "Layout"), 2), (7, 1), (7, 0)]
    assert key_width("?", "Help") == len("? Help ")
    everything = sum(width for width, _ in keys)
    assert to_hide(keys, everything) == set()
    assert to_hide(keys, everything - 1) == {1}  # the highest leaves first, even if wider
    assert to_hide(keys, everything - 10) == {1, 2}
    assert to_hide(keys, 5) == {1, 2}  # keys that never give way stay, room or not


async def test_the_help_at_60_columns_wraps_and_scrolls_to_every_key(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        seen = await read_help(pilot)
        for keys, what in live_keys(SessionScreen.KEYS).help_rows():
            words = what.split()
            assert " ".join(words[:3]) in seen, keys
            assert words[-1] in seen, keys
        assert "escape or ? closes this help" in seen
        assert isinstance(app.screen, SessionScreen)
