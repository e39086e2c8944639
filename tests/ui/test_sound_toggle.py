"""`m` says what the runner will hear, from the same source as the session's status line."""

from __future__ import annotations

from tests.doubles import SilentPlayer
from tests.ui.screen_text import notices


async def test_m_on_a_machine_without_audio_does_not_promise_sound(make_app) -> None:
    app = make_app()
    app.context.sound.player = SilentPlayer(available=False, reason="no audio device")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("m")  # off
        await pilot.press("m")  # on again: still nothing can play here
        await pilot.pause()
        assert notices(app) == [
            "Sound off (m turns it back on)",
            "Sound on, but nothing can be heard: no audio device",
        ]


async def test_m_with_audio_says_sound_on(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("m", "m")
        await pilot.pause()
        assert notices(app)[-1] == "Sound on"
        assert app.context.sound.silence_reason() is None


async def test_voice_off_is_no_sound_either(make_app) -> None:
    app = make_app(voice="off")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("m", "m")
        await pilot.pause()
        last = notices(app)[-1]
        assert last == 'Sound on, but nothing can be heard: voice = "off" in the settings'


async def test_m_in_a_session_updates_its_status_line_at_once(make_app) -> None:
    from runstrength.screens.session import SessionScreen

    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        status = screen.query_one("#status")
        assert "sound off" not in str(status.render())
        await pilot.press("m")
        assert app.context.sound.on is False
        assert "sound off" in str(status.render())
        await pilot.press("m")
        assert "sound off" not in str(status.render())
