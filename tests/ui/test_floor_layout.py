"""The floor layout as drawn: digits tall enough to read from two metres, a colour band per
phase whose text keeps its contrast in the dark and light themes, and the facts around them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from runstrength.core.contrast import NORMAL_TEXT, contrast_ratio
from runstrength.screens.session import SessionScreen
from runstrength.widgets.big_number import BlockText
from runstrength.widgets.flash_band import FlashBand
from tests.ui.screen_reading import (
    band_colour,
    band_rows,
    band_text_contrast,
    screen_cells,
    screen_text,
    tallest_block_run,
)
from tests.ui.test_snapshots import drive

# Keys (str) and seconds passed (numbers) from home to each phase of the short program.
PHASES: dict[str, list[object]] = {
    "warmup": ["enter", 100],
    "intro": ["enter", "S"],
    "work": ["enter", "S", "enter", *["space"] * 18],
    "rest": ["enter", "S", "enter", *["space"] * 15, "enter", 4],
    "ready": ["enter", "S", "s", "enter", 2],
    "hold": ["enter", "S", "s", "enter", 5, 3],
    "stretch": ["enter", "S", "enter", "s", "s", "s", 5],
}
# What each phase must show besides its number: phase word, name, target, set, next.
FACTS = {
    "warmup": ["of 5:00", "move 2 of", "Next: "],
    "intro": ["Glute bridge", "Exercise 1 of 2 · 2 × 15 reps", "Next: set 1 of 2 · 15 reps"],
    "work": [
        "Glute bridge",
        "of 15",
        "Set 1 of 2",
        "enter set done",
        "Next: rest 15 s, then set 2 of 2",
    ],
    "rest": ["Glute bridge", "of 15 s", "Set 1 of 2 done", "Next: set 2 of 2 · 15 reps"],
    "ready": [
        "Side plank",
        "then hold 10 s",
        "enter start the hold now",
        "Set 1 of 1",
        "Next: set 1 of 1 · 10 s · right",
    ],
    "hold": ["Side plank", "of 10 s", "Set 1 of 1", "Next: set 1 of 1 · 10 s · right side"],
    "stretch": ["Figure-four glute stretch", "of 15 s each side", "Next: right side"],
}
MIN_DIGIT_ROWS = {(80, 24): 7, (120, 40): 13}
BACKGROUND = {"textual-dark": (18, 18, 18), "textual-light": (224, 224, 224)}


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("phase", list(PHASES))
async def test_the_count_is_tall_and_the_band_readable(
    make_app, clock, phase: str, size: tuple[int, int], theme: str
) -> None:
    app = make_app(theme=theme)
    async with app.run_test(size=size) as pilot:
        await drive(clock, *PHASES[phase])(pilot)
        rows = screen_cells(app)
        background = rows[-2][0].bg  # the screen below the status line
        assert background == BACKGROUND[theme]
        band = band_rows(rows[:-1], background)  # the footer is not a band
        assert band, "no band across the screen"
        assert band == list(range(band[0], band[-1] + 1))  # one band, in one piece
        assert len(band) >= 5
        assert band_text_contrast(rows, band) >= NORMAL_TEXT
        digits = tallest_block_run(rows, skip=band)
        assert digits >= MIN_DIGIT_ROWS[size]
        text = screen_text(app)
        for fact in FACTS[phase]:
            assert fact in text, fact


async def test_every_phase_has_its_own_band_colour(make_app, clock) -> None:
    # One session through every phase, reading the band's colour at each.
    steps: dict[str, list[object]] = {
        "warmup": ["enter", 100],
        "intro": ["S"],
        "work": ["enter", "space"],
        "rest": [*["space"] * 14, "enter"],
        "stretch": ["s", "s"],
        "ready": ["s", "s", "enter"],
        "hold": [5],
    }
    colours = {}
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for phase, keys in steps.items():
            await drive(clock, *keys)(pilot)
            assert app.screen.query_one("#floor").has_class(f"-{phase}")
            rows = screen_cells(app)
            background = rows[-2][0].bg
            assert background is not None
            colours[phase] = band_colour(rows, band_rows(rows[:-1], background))
    assert len(set(colours.values())) == len(steps), colours


async def test_the_side_is_in_the_band_in_large_letters(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await drive(clock, *PHASES["hold"])(pilot)
        phase = app.screen.query_one("#phase", BlockText)
        assert phase.value == "HOLD\nLEFT"
        assert phase.scale == (2, 2)  # one line, twice as tall as at 80x24
        await drive(clock, "enter")(pilot)  # the hold ends; the right side gets ready
        assert phase.value == "GET READY\nRIGHT"
        assert phase.scale == (2, 1)  # two lines: larger than one line would be


async def test_f_switches_to_compact_and_back_and_the_choice_is_saved(
    make_app, clock, tmp_path: Path
) -> None:
    app = make_app()
    config = app.context.config_file
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(clock, *PHASES["work"])(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.has_class("-floor")
        assert screen.query_one("#floor").display
        await pilot.press("f")
        await app.workers.wait_for_complete()
        assert not screen.has_class("-floor")
        assert not screen.query_one("#floor").display
        assert screen.query_one("#session").display
        assert "Glute bridge" in screen_text(app)
        assert tomllib.loads(config.read_text())["session_layout"] == "compact"
        assert app.context.settings.session_layout == "compact"
        await pilot.press("space")  # every key still works
        assert screen.engine.reps == 19
        await pilot.press("f")
        await app.workers.wait_for_complete()
        assert screen.has_class("-floor")
        assert tomllib.loads(config.read_text())["session_layout"] == "floor"


async def test_the_compact_layout_from_the_settings_is_used_from_the_start(make_app, clock) -> None:
    app = make_app(session_layout="compact")
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(clock, *PHASES["work"])(pilot)
        assert not app.screen.has_class("-floor")
        assert not app.screen.query_one("#floor").display


async def test_the_summary_shows_its_table_in_the_floor_layout(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(clock, "enter", "S", "q")(pilot)
        await pilot.press("x")
        await pilot.pause()
        text = screen_text(app)
        assert "Session stopped" in text or "Session complete" in text


async def test_tempo_shows_each_beat_on_screen(make_app, clock) -> None:
    app = make_app(tempo_seconds=2.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(clock, "enter", "S", "enter", "t")(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        count = screen.query_one("#count")

        def count_background() -> tuple[int, int, int] | None:
            y = count.region.y
            return screen_cells(app)[y][0].bg

        still = count_background()
        await drive(clock, 2.0)(pilot)
        assert screen.engine.reps == 1
        assert screen.has_class("-beat")
        lit = count_background()
        assert lit != still
        assert lit is not None
        assert contrast_ratio(lit, still or (0, 0, 0)) >= 3  # a flash, not a shade
        await drive(clock, 0.5)(pilot)
        assert not screen.has_class("-beat")
        assert count_background() == still
        await drive(clock, 1.5)(pilot)
        assert screen.engine.reps == 2
        assert screen.has_class("-beat")


async def test_a_get_ready_flashes_get_ready_and_the_hold_flashes_go(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(clock, "m", "enter", "S", "s", "enter")(pilot)  # sound off: flashes
        flash = app.screen.query_one(FlashBand)
        assert flash.shown
        assert str(flash.render()) == "GET READY · Side plank"
        await drive(clock, 2, 3)(pilot)  # the get-ready runs out: the hold starts
        assert flash.shown
        assert str(flash.render()) == "GO · Side plank"


async def test_a_rest_on_a_phone_sized_terminal_shows_the_set_saved(make_app) -> None:
    """At 60x20 the band closes up and the rest gives up its form cues: what comes next
    and the saved set stay in sight."""
    from tests.ui.screen_text import screen_lines

    app = make_app(start=True, session_layout="floor")
    async with app.run_test(size=(60, 20)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("S", "enter", *["space"] * 15, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Next: set 2 of 2" in text
        assert "✓ Glute bridge set 1 saved" in text


async def test_a_set_on_a_phone_sized_terminal_shows_a_keys_answer(make_app) -> None:
    """At 60x20, during a set, what comes after it gives way to the status line: enter
    with nothing counted says why nothing happened."""
    from tests.ui.screen_text import screen_lines

    app = make_app(start=True, session_layout="floor")
    async with app.run_test(size=(60, 20)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("S", "enter", "enter")  # the set begins; enter with no reps
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Count your reps" in text
