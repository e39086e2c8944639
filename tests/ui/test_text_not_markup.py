"""Text from files, imports and the log is shown as typed, never read as markup."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.screens.session_detail import SessionDetailScreen
from tests.ui.screen_text import screen_lines

AT = datetime(2026, 11, 20, 7, tzinfo=timezone(timedelta(hours=1)))


async def test_file_problems_program_names_and_titles_show_as_typed(make_app) -> None:
    app = make_app()
    app.context.problems.append("hills.toml: line 3: expected [[exercise]] or [b]key[/b]")
    short = app.context.programs.get("short")
    assert short is not None
    app.context.programs.programs["short"] = short._replace(title="Hills [hard]")
    app.context.log.add_sessions(
        [
            SessionRecord(
                SessionInfo("imported", "endurance", AT),
                "completed",
                AT,
                [SetRecord("glute-bridge", 1, None, 15, 15, "[red]track", None, AT)],
            )
        ]
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = "\n".join(screen_lines(app))
        assert "expected [[exercise]] or [b]key[/b]" in home
        assert "Hills [hard]" in home
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen)
        assert "[red]track" in "\n".join(screen_lines(app))  # the band of its set
