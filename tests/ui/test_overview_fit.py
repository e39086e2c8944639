"""The overview at 80x24: every heading on one line, every muscle listed, no stray marks."""

from __future__ import annotations

from datetime import date

from runstrength.app import RunStrengthApp
from tests.sample_history import sample_history
from tests.ui.screen_text import screen_lines
from tests.ui.test_fit_80x24 import cut_off
from tests.ui.test_history_screens import open_history, press_for_sets

SIZE = (80, 24)
TODAY = date(2026, 11, 23)
HEADINGS = [
    "Reps per muscle, last 12 weeks",
    "Reps per muscle, last year",
    "Reps per muscle, all time",
    "Reps per muscle, last 4 weeks",
]


def both_programs(make_app, clock) -> RunStrengthApp:
    """A year of endurance and weeks of sprint too: every muscle of the catalogue worked."""
    app: RunStrengthApp = make_app()
    zone = clock.now().tzinfo
    bands = app.context.settings.bands
    for name, weeks in (("endurance", 52), ("sprint", 3)):
        program = app.context.programs.get(name)
        assert program is not None
        app.context.log.add_sessions(
            sample_history(program, bands, until=TODAY - date.resolution, weeks=weeks, zone=zone)
        )
    return app


async def test_the_overview_fits_80_by_24_in_every_period(make_app, clock) -> None:
    app = both_programs(make_app, clock)
    exercises = app.context.catalogue.exercises.values()
    muscles = {m.replace("-", " ") for e in exercises for m in e.muscles}
    async with app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await press_for_sets(pilot, "o")
        for heading in HEADINGS:
            lines = screen_lines(app)
            assert cut_off(app.screen) == []
            # The chart's title row holds its title only (no axis number beside it).
            [title] = [line for line in lines if "Sessions per week" in line]
            assert title.strip() == "Sessions per week (week starting)"
            # Each heading whole on its line, and nothing of it wrapped onto the next.
            [row] = [i for i, line in enumerate(lines) if heading in line]
            assert lines[row].rstrip().endswith(heading)
            assert "changes" not in lines[row + 1]
            listed = {line[40:].split("  ")[1].strip() for line in lines[row + 1 : -1]}
            assert muscles <= listed | {""}, muscles - listed
            # A wrapped figure keeps its indent under its heading.
            left = [line[:40] for line in lines[row:-1] if line[:40].strip()]
            headings = ("Streak", "Rest days kept")
            assert all(line.startswith(" ") for line in left)
            assert all(line.startswith("   ") or line.strip().startswith(headings) for line in left)
            await pilot.press("p")
            await pilot.pause()


def test_the_sessions_axis_keeps_its_ticks_inside_the_chart() -> None:
    from runstrength.screens.overview import MAX_COUNT_TICKS, count_axis

    assert count_axis(3) == (4, [0.0, 1.0, 2.0, 3.0, 4.0])
    assert count_axis(0) == (1, [0.0, 1.0])
    for most in range(0, 30):
        top, ticks = count_axis(most)
        assert top > most  # a row above the tallest week
        assert (ticks[0], ticks[-1]) == (0, top)
        assert len(ticks) <= MAX_COUNT_TICKS
        assert all(t == int(t) for t in ticks)
