"""A runner who owns no band gets each band exercise's bodyweight alternative."""

from __future__ import annotations

from textual.content import Content

from runstrength.core.catalogue import Catalogue
from runstrength.screens.browser import exercise_details
from runstrength.screens.session import SessionScreen
from tests.ui.screen_text import screen_lines


async def test_without_bands_home_and_the_session_use_the_alternative(make_app) -> None:
    app = make_app(program="endurance", bands=())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = "\n".join(screen_lines(app))
        assert "Reverse lunge" in home
        assert "Side-lying leg raise" in home
        assert "Band squat" not in home
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("S")  # past the warm-up: the first exercise
        await pilot.pause()
        card = "\n".join(screen_lines(app))
        assert "Reverse lunge" in card
        assert "do it without" not in card
        assert not [e for e in app.screen.engine.program.entries if e.exercise.uses_band]


def test_the_browser_names_the_alternative_and_shows_data_text_as_typed(
    catalogue: Catalogue,
) -> None:
    squat = catalogue.exercises["band-squat"]
    text = exercise_details(squat, catalogue, 30)
    assert "No band? Reverse lunge instead." in text
    odd = squat._replace(summary="Knees [out], not [b]in")
    shown = Content.from_markup(exercise_details(odd, catalogue, 30)).plain
    assert "Knees [out], not [b]in" in shown
