"""Quitting waits for the last writes; a key pressed meanwhile (e, the exercise browser,
straight after q) opens nothing: a screen opened then was torn down half made, and its
error printed over the terminal as the app closed."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events

from runstrength.screens import registry
from tests.ui.settling import settle


async def test_a_key_pressed_right_after_q_opens_nothing(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    browser = registry.browser

    def record(*args: Any) -> Any:
        opened.append(args)
        return browser(*args)

    monkeypatch.setattr(registry, "browser", record)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key("e", "e"))  # typed before the quit is through
        await pilot.pause()
        await pilot.pause()
    assert opened == []
    assert app.return_code == 0
