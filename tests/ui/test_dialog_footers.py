"""Every question shows its own keys in the footer, not those of the screen below it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from textual.screen import ModalScreen

from runstrength.core.history import SessionFilter
from runstrength.core.records import SetRecord
from runstrength.screens.edit_dialogs import CorrectSetDialog
from runstrength.screens.history_filter import FilterDialog
from runstrength.screens.start_dialogs import ConfirmTomorrow
from tests.ui.screen_text import screen_lines

A_SET = SetRecord(
    exercise="glute-bridge",
    set=1,
    side=None,
    target_reps=15,
    reps=14,
    band=None,
    seconds=None,
    completed_at=datetime(2026, 11, 23, 7, 30, tzinfo=timezone(timedelta(hours=1))),
)

DIALOGS: dict[str, tuple[Callable[[], ModalScreen[Any]], str]] = {
    "filter": (lambda: FilterDialog(["endurance"], SessionFilter()), "Apply"),
    "correct": (lambda: CorrectSetDialog(A_SET, "Glute bridge", ("light",)), "Save"),
    "tomorrow": (
        lambda: ConfirmTomorrow("sprint", date(2026, 11, 24), date(2026, 11, 25)),
        "Move and start",
    ),
}


@pytest.mark.parametrize("name", sorted(DIALOGS))
async def test_a_dialog_footer_shows_its_own_keys(make_app, name: str) -> None:
    make, key = DIALOGS[name]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        dialog = make()
        await app.push_screen(dialog)
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert key in footer
        assert "History" not in footer
