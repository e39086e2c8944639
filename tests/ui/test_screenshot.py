"""The palette's screenshot is saved to a folder that exists, and the note says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.screen_text import notices


async def test_without_a_downloads_folder_the_screenshot_goes_beside_the_log(
    make_app, tmp_path: Path
) -> None:
    app = make_app()
    downloads = Path.home() / "Downloads"
    assert not downloads.exists()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        app.deliver_screenshot()
        await pilot.pause()
        folder = tmp_path / "screenshots"
        [saved] = folder.glob("*.svg")
        assert notices(app, "information") == [f"Screenshot\nSaved to {saved}"]
        assert "<svg" in saved.read_text()[:200]


async def test_with_a_downloads_folder_it_goes_there(make_app) -> None:
    downloads = Path.home() / "Downloads"
    downloads.mkdir()
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        app.deliver_screenshot(filename="home.svg")
        await pilot.pause()
        assert (downloads / "home.svg").is_file()
        assert notices(app)[-1] == f"Screenshot\nSaved to {downloads / 'home.svg'}"


async def test_a_folder_that_cannot_be_made_is_named_with_the_reason(
    make_app, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        app.deliver_screenshot(path=str(blocker / "inside"))
        await pilot.pause()
        [note] = notices(app, "error")
        assert note.startswith(f"Screenshot\nNot saved: {blocker / 'inside'}: ")


@pytest.fixture(autouse=True)
def _downloads_under_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
