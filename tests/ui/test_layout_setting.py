"""The session layout as a setting: chosen on the settings screen, kept in config.toml,
checked by `config check`, and used by the next session."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from runstrength.paths import Paths
from runstrength.screens.home import HomeScreen
from runstrength.screens.session import SessionScreen
from tests.test_cli_programs_config import run
from tests.ui.settling import settle
from tests.ui.test_setup_flows import SIZE, make, user_config


async def test_the_layout_chosen_in_the_settings_is_saved_and_used(
    paths: Paths, clock, sound
) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        layout = app.screen.query_one("#session_layout", Select)
        assert layout.value == "floor"
        layout.value = "compact"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert not app.screen.has_class("-floor")
    text = paths.config_file.read_text()
    assert 'session_layout = "compact"\n' in text
    assert "# short warm-up, I jog there" in text  # the user's comments stay


async def test_f_in_a_session_is_remembered_by_the_next_start(paths: Paths, clock, sound) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.has_class("-floor")
        await pilot.press("f")
        await settle(pilot)
    again = make(paths, clock, sound)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(again.screen, SessionScreen)
        assert not again.screen.has_class("-floor")


def test_config_check_knows_the_session_layout(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('session_layout = "compact"\n')
    assert run(tmp_path, "config", "check").returncode == 0
    path.write_text('# mine\nsession_layout = "big"\n')
    result = run(tmp_path, "config", "check")
    assert result.returncode == 2
    assert f"{path}: line 2: session_layout:" in result.stderr
    assert "compact" in result.stderr
    assert path.read_text() == '# mine\nsession_layout = "big"\n'
