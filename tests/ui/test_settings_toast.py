"""After a save, the toast names the settings changed as the form labels them."""

from __future__ import annotations

from textual.widgets import Input

from runstrength.app import RunStrengthApp
from runstrength.factory import build_context
from runstrength.paths import Paths
from tests.ui.screen_text import notices
from tests.ui.settling import settle

SIZE = (80, 24)


async def test_the_saved_toast_names_the_fields_by_their_labels(paths: Paths, clock, sound) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text("rest_seconds = 30\n")
    app = RunStrengthApp(build_context(paths, clock=clock, sound=sound))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#rest_seconds", Input).value = "45"
        app.screen.query_one("#weekly_rest_days", Input).value = "sunday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = [note for note in notices(app) if "Settings saved" in note]
        assert saved == ["Settings saved (Rest between sets, Weekly rest days)"]
