"""How hard was it: asked on the summary (digits, enter saves, enter alone skips), shown
in the history and the detail, and corrected there."""

from __future__ import annotations

from textual.widgets import Input, Label

from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.effort import EffortDialog
from runstrength.screens.home import HomeScreen
from runstrength.screens.session import SessionScreen
from runstrength.screens.session_detail import SessionDetailScreen
from runstrength.widgets.effort_prompt import EffortPrompt

SIZE = (80, 24)


async def one_set_then_stop(pilot, reps: int = 12) -> SessionScreen:
    """Skip the warm-up, do one set, stop: the summary of a partial session."""
    await pilot.press("S", "enter", *["space"] * reps, "enter", "q", "x")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    assert screen.engine.finished
    return screen


async def test_the_summary_asks_and_enter_saves_the_answer(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await one_set_then_stop(pilot)
        prompt = screen.query_one(EffortPrompt)
        assert "How hard was it?" in str(prompt.render())
        assert "5 hard" in str(prompt.render())  # the scale's words
        await pilot.press("1", "0")
        assert prompt.effort == 10
        assert "10 maximal" in str(prompt.render())
        await pilot.press("backspace", "6", "7")  # 67 is off the scale: 7
        assert prompt.effort == 7
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [logged] = app.context.log.sessions()
        assert logged.effort == 7
        assert [s.reps for s in logged.sets] == [12]  # the sets are all still there


async def help_keys(pilot) -> list[str]:
    """The keys the `?` help lists on the screen on top (then closed again)."""
    await pilot.press("question_mark")
    await pilot.pause()
    shown = pilot.app.screen
    assert isinstance(shown, HelpScreen)
    await pilot.press("escape")
    return [keys for keys, _ in shown.rows]


async def test_the_summary_help_lists_the_keys_the_summary_takes(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await one_set_then_stop(pilot)
        assert await help_keys(pilot) == ["0-10", "backspace", "enter", "q", "m", "?"]
        # What each of them says it does, it does here.
        await pilot.press("7")
        assert screen.query_one(EffortPrompt).effort == 7
        await pilot.press("backspace")
        assert screen.query_one(EffortPrompt).effort is None
        assert [s.reps for s in screen.engine.completed] == [12]  # not a rep taken back


async def test_a_summary_that_asks_nothing_lists_no_digits(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "enter", "q", "x")  # stopped before any set was done
        await pilot.pause()
        assert await help_keys(pilot) == ["enter", "q", "m", "?"]


async def test_enter_alone_skips_the_question(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await one_set_then_stop(pilot)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, HomeScreen)
        [logged] = app.context.log.sessions()
        assert logged.effort is None
        assert len(logged.sets) == 1


async def test_q_on_the_summary_keeps_the_answer_too(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await one_set_then_stop(pilot)
        await pilot.press("4", "q")
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert logged.effort == 4


async def test_nothing_logged_asks_nothing(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q", "x")
        await pilot.pause()
        assert not app.screen.query(EffortPrompt)


async def test_the_detail_shows_and_corrects_the_effort(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await one_set_then_stop(pilot)
        await pilot.press("5", "enter")
        await app.workers.wait_for_complete()
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        assert "effort 5 hard" in str(detail.query_one("#filter-line").render())
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, EffortDialog)
        dialog.query_one(Input).value = "12"
        await pilot.press("enter")
        assert "0 to 10" in str(dialog.query_one("#effort-problem", Label).render())
        assert app.screen is dialog  # a bad answer changes nothing
        dialog.query_one(Input).value = "8"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is detail
        assert "effort 8 very hard" in str(detail.query_one("#filter-line").render())
        assert app.context.log.sessions()[0].effort == 8
        await pilot.press("e")
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert "not rated" in str(detail.query_one("#filter-line").render())
        assert app.context.log.sessions()[0].effort is None
        await pilot.press("e", "escape")
        assert app.screen is detail


async def test_ctrl_q_on_the_summary_keeps_the_answer(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await one_set_then_stop(pilot)
        await pilot.press("9", "ctrl+q")
        await pilot.pause()
    [logged] = app.context.log.sessions()
    assert logged.effort == 9


async def test_the_effort_dialog_is_centred_like_the_other_dialogs(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(EffortDialog(5))
        await pilot.pause()
        box = app.screen.query_one(".dialog").region
        assert abs(box.x - (SIZE[0] - box.right)) <= 1  # as far from either side
        assert abs(box.y - (SIZE[1] - box.bottom)) <= 1  # and from top and bottom
        assert box.y > 1


async def test_an_effort_left_unsaved_at_the_end_is_named_as_the_effort(
    make_app, tmp_path, monkeypatch
) -> None:
    from runstrength.cli.session import unsaved_message
    from runstrength.store.errors import LogWriteError

    app = make_app(start=True)

    def refused(*_: object) -> None:
        raise LogWriteError(tmp_path / "log.json", OSError(28, "No space left on device"))

    async with app.run_test(size=SIZE) as pilot:
        await one_set_then_stop(pilot)
        await app.workers.wait_for_complete()
        monkeypatch.setattr(app.context.log, "set_effort", refused)
        await pilot.press("6", "enter")
        await app.workers.wait_for_complete()
    writer = app.context.writer
    assert not writer.close()  # tried once more on the way out, refused again
    said = unsaved_message(writer.unsaved, writer.refusal)
    assert said.startswith("not saved: the effort rating. Could not save to ")
    assert "No space left on device" in said
    assert "sets" not in said  # the set is on disk
    assert [len(s.sets) for s in app.context.log.sessions()] == [1]
