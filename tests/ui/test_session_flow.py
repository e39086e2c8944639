"""A whole session driven by keys and a fake clock, then read back from the log."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from runstrength.core.events import Cue
from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep, WarmupStep
from runstrength.core.records import WarmupRecord
from runstrength.screens.dialogs import ConfirmQuit, TooSmall
from runstrength.screens.home import HomeScreen
from runstrength.screens.session import SessionScreen
from tests.ui.screen_text import screen_lines


def session(pilot: Pilot[None]) -> SessionScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


async def pass_time(pilot: Pilot[None], clock, seconds: float) -> None:
    clock.advance(seconds)
    session(pilot).tick()
    await pilot.pause()


async def test_whole_session_is_logged(make_app, clock, sound) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        screen = session(pilot)
        assert isinstance(screen.engine.step, WarmupStep)
        await pass_time(pilot, clock, 5 * 60)
        assert isinstance(screen.engine.step, IntroStep)

        await pilot.press("enter")
        for _ in range(15):
            await pilot.press("space")
        await pilot.press("backspace", "space", "space")
        assert screen.engine.reps == 16
        await pilot.press("enter")
        assert isinstance(screen.engine.step, RestStep)
        await pass_time(pilot, clock, 15)
        assert isinstance(screen.engine.step, SetStep)
        await pilot.press(*["space"] * 15, "enter")
        assert isinstance(screen.engine.step, StretchStep)

        await pass_time(pilot, clock, 15)  # figure-four, left
        await pass_time(pilot, clock, 15)  # right
        assert isinstance(screen.engine.step, IntroStep)
        await pilot.press("enter")
        await pass_time(pilot, clock, 10)  # side plank, left
        await pass_time(pilot, clock, 10)  # right
        while not screen.engine.finished:
            await pass_time(pilot, clock, 15)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "saved" in str(screen.query_one("#status").render())

        [logged] = app.context.log.sessions()
        assert logged.status == "completed"
        assert logged.ended_at is not None
        assert [(s.exercise, s.set, s.side, s.reps, s.seconds) for s in logged.sets] == [
            ("glute-bridge", 1, None, 16, None),
            ("glute-bridge", 2, None, 15, None),
            ("side-plank", 1, "left", None, 10),
            ("side-plank", 1, "right", None, 10),
        ]
        assert logged.warmup == WarmupRecord(seconds=300, target_seconds=300)
        stretches = [(s.stretch, s.after, s.side, s.seconds, s.skipped) for s in logged.stretches]
        assert stretches[:2] == [
            ("figure-four-stretch", "glute-bridge", "left", 15, False),
            ("figure-four-stretch", "glute-bridge", "right", 15, False),
        ]
        assert [s[1] for s in stretches[2:]] == ["side-plank"] * len(stretches[2:])
        assert len(stretches) > 2
        assert {Cue.GO, Cue.SET_DONE, Cue.REST_OVER, Cue.SWITCH_SIDES, Cue.SESSION_DONE} <= set(
            sound.played
        )

        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "2 sets" not in str(app.screen.query_one("#last").render())
        assert "4 sets" in str(app.screen.query_one("#last").render())


async def test_quit_keeps_finished_sets_as_partial(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.press("S", "enter", *["space"] * 12, "enter")
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        assert app.screen is screen
        assert not screen.engine.finished
        await pilot.press("q", "x")
        assert screen.engine.finished
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert logged.status == "partial"
        assert [s.reps for s in logged.sets] == [12]


async def test_y_confirms_leaving_as_x_does(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.press("S", "enter", *["space"] * 12, "enter")
        await pilot.press("q", "y")
        assert screen.engine.finished
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert logged.status == "partial"


async def test_quit_mid_set_keeps_the_reps_counted_and_says_so(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S", "enter", *["space"] * 12, "enter")  # set 1: 12 reps
        await pilot.press("s", *["space"] * 6)  # rest skipped; set 2 under way
        await pilot.press("q")
        dialog = app.screen
        assert isinstance(dialog, ConfirmQuit)
        text = " ".join(str(s.render()) for s in dialog.query(Static))
        assert "the set you finished and this set's 6 reps stay in your log" in text
        assert "continue later" in text  # a set is logged: it can go on today
        await pilot.press("x")
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert [(s.set, s.reps) for s in logged.sets] == [(1, 12), (2, 6)]


async def test_quit_before_any_set_logs_nothing(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q", "x")
        await app.workers.wait_for_complete()
        assert app.context.log.sessions() == []


async def test_timer_keys_pause_adjust_skip(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.press("p")
        clock.advance(100)
        screen.tick()
        assert screen.engine.remaining() == 300
        await pilot.press("p", "plus")
        assert screen.engine.remaining() == 315
        await pilot.press("minus", "minus")
        assert screen.engine.remaining() == 285
        await pilot.press("S")
        assert isinstance(screen.engine.step, IntroStep)


async def test_tempo_mode_counts_reps_on_cadence(make_app, clock, sound) -> None:
    app = make_app(start=True, tempo_seconds=2.0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.press("S", "enter", "t")
        for _ in range(5):
            await pass_time(pilot, clock, 2.0)
        assert screen.engine.reps == 5
        assert sound.played.count(Cue.TICK) == 5
        await pilot.press("t")
        await pass_time(pilot, clock, 10)
        assert screen.engine.reps == 5


async def test_mute_key_stops_sound(make_app, sound) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        before = len(sound.played)
        await pilot.press("S", "enter")
        assert len(sound.played) == before
        assert "sound off" in str(session(pilot).query_one("#status").render())


async def test_help_lists_the_keys(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        for key in ("space", "backspace", "enter", "tempo", "band", "15 s"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)


async def test_too_small_terminal_says_so_and_recovers(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#too-small-message").render())
        assert "80 × 24" in message
        assert "60 × 20" in message
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_q_stops_a_session_under_the_too_small_notice(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S", "enter", *["space"] * 9, "enter")
        screen = session(pilot)
        await pilot.resize_terminal(50, 16)
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)
        assert "q stops it" in str(app.screen.query_one("#too-small-message").render())
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("x")
        await pilot.pause()
        assert screen.engine.finished
        assert isinstance(app.screen, TooSmall)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is screen  # the summary
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert [s.reps for s in logged.sets] == [9]


async def test_q_over_the_too_small_notice_grown_meanwhile(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)  # the notice closed itself


async def test_a_session_makes_do_with_a_phone_sized_terminal(make_app) -> None:
    # Seven exercises on its summary, and no sound: the flash band takes its rows too.
    app = make_app(program="endurance", sound=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter")  # from home, which needs 80 x 24
        await pilot.pause()
        screen = session(pilot)
        await pilot.resize_terminal(60, 20)  # smaller than home needs
        await pilot.pause()
        assert app.screen is screen  # no notice: the session runs at 60 x 20
        await pilot.press("S", "enter", *["space"] * 7, "enter")
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert [s.reps for s in logged.sets] == [7]
        await pilot.resize_terminal(50, 16)  # below what even the session needs
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)
        assert "60 × 20" in str(app.screen.query_one("#too-small-message").render())
        shown = " ".join(" ".join(screen_lines(app)).split())
        assert "larger or the font smaller." in shown  # wrapped, not cut, at 50 columns
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q", "x")  # stop: the summary
        await pilot.pause()
        assert "How hard was it?" in " ".join(screen_lines(app))  # the question in sight
        await pilot.press("enter")  # no answer: back to home
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)  # home needs 80 x 24
        assert "80 × 24" in str(app.screen.query_one("#too-small-message").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_set_shows_last_time_and_best(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "S", "enter", *["space"] * 17, "enter")
        await pass_time(pilot, clock, 15)
        await pilot.press(*["space"] * 15, "enter", "q", "x", "enter")
        await app.workers.wait_for_complete()
        clock.advance(2 * 24 * 3600)
        await pilot.press("enter", "S", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(session(pilot).query_one("#last-time").render()) == "last time 17 · best 17"
        await pilot.press("enter")
        assert "Count your reps" in str(session(pilot).query_one("#status").render())
        await pilot.press("space", "enter")
        await pass_time(pilot, clock, 15)
        assert str(session(pilot).query_one("#last-time").render()) == "last time 15 · best 17"


async def test_ctrl_q_during_a_session_asks_and_timers_wait(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmQuit)
        clock.advance(400)
        screen.tick()
        assert isinstance(screen.engine.step, WarmupStep), "the warm-up waits while asked"
        await pilot.press("n")
        assert not screen.engine.paused
        assert screen.engine.remaining() == 300
        await pilot.press("ctrl+q", "x")
        assert screen.engine.finished
        await pilot.press("ctrl+q")
        assert app.return_code == 0


async def test_the_palette_offers_only_what_leaves_a_session_alone(make_app) -> None:
    from runstrength.palette import RunStrengthCommands

    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [title for title, _, _ in RunStrengthCommands(app.screen)._commands()]
        assert "Toggle sound" in titles
        assert not {"History", "Settings", "Start session"} & set(titles)
        assert not [t for t in titles if t.startswith("Program:")]
        await pilot.press("q", "x")
        titles = [title for title, _, _ in RunStrengthCommands(app.screen)._commands()]
        assert "History" in titles  # the summary: the session is over


async def test_a_session_finished_with_skips_is_completed_and_says_what_was_skipped(
    make_app, clock
) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pass_time(pilot, clock, 5 * 60)  # the warm-up runs out
        await pilot.press("enter", *["space"] * 15, "enter")
        await pilot.press("s", *["space"] * 14, "enter")  # rest skipped, set 2 done
        await pass_time(pilot, clock, 15)
        await pass_time(pilot, clock, 15)  # both sides of the stretch
        assert isinstance(screen.engine.step, IntroStep)
        await pilot.press("s")  # the side plank, on its intro card
        assert screen.engine.finished
        totals = str(screen.query_one("#totals").render())
        assert "1 exercise skipped" in totals
        assert "partial" not in totals
        assert screen.engine.status == "completed"
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert (logged.status, logged.skipped) == ("completed", ["side-plank"])
        assert [r.reps for r in logged.sets] == [15, 14]


async def test_the_session_detail_names_the_exercises_skipped(make_app, clock) -> None:
    from runstrength.core.records import SessionInfo, SetRecord
    from runstrength.screens.session_detail import SessionDetailScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        log = app.context.log
        info = SessionInfo("s1", "short", clock.now())
        log.log_set(info, SetRecord("glute-bridge", 1, None, 15, 15, None, None, clock.now()))
        log.finish_session(info, "completed", clock.now(), ["side-plank"])
        [record] = log.sessions()
        await app.push_screen(SessionDetailScreen(app.context, record))
        await pilot.pause()
        heading = str(app.screen.query_one("#filter-line").render())
        assert "1 exercise skipped" in heading
        assert "Skipped: Side plank" in heading
        assert "completed" not in heading
