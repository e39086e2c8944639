"""A runs folder typed on the settings screen is one the app can read: one that is not
there, a file or a relative path is named under its field and nothing is saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.ui.test_runs_flow import settle, text_of


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("~/nowhere-at-all", "does not exist"),
        ("watch", "is a relative path"),
        ("FILE", "is a file, not a folder"),
    ],
)
async def test_a_folder_that_cannot_be_read_is_not_saved(
    typed: str, said: str, make_app, tmp_path: Path
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        folder = app.screen.query_one("#runs_folder", Input)
        folder.value = str(a_file) if typed == "FILE" else typed
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert said in text_of(pilot, "#error-runs_folder")
        assert not (tmp_path / "config.toml").exists()
        assert app.context.settings.runs_folder == ""
        folder.value = str(tmp_path)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.context.settings.runs_folder == str(tmp_path)
