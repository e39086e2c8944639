"""The garbage collector waits while the app starts (it would only scan what the start
made, most of which lives as long as the app) and is back once home is up, or as soon
as the app ends, whichever comes first."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from runstrength.app import RunStrengthApp


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    yield
    gc.enable()  # whatever a failing test left


def test_the_collector_waits_during_the_start_and_is_back_when_the_app_ends(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: RunStrengthApp = make_app()
    seen: list[bool] = []

    def painted() -> None:
        if not seen:
            seen.append(gc.isenabled())
            app.exit()

    monkeypatch.setattr(app, "post_display_hook", painted)
    app.run(headless=True, size=(80, 24))
    assert seen == [False]  # the first frame came without a collection
    assert gc.isenabled()


async def test_the_collector_is_back_once_home_is_up(make_app) -> None:
    app: RunStrengthApp = make_app()
    async with app.run_test(size=(80, 24)):
        gc.disable()
        app._home_is_up()
        assert gc.isenabled()
