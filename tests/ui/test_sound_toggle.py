"""`m` says what the runner will hear, from the same source as the session's status line."""

from __future__ import annotations

from runstrength.audio import SilentPlayer


async def test_m_on_a_machine_without_audio_does_not_promise_sound(make_app) -> None:
    app = make_app()
    app.context.sound.player = SilentPlayer(available=False, reason="no audio device")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("m")  # off
        await pilot.press("m")  # on again: still nothing can play here
        first, second = (n.message for n in app._notifications)
        assert first == "Sound off (m turns it back on)"
        assert second == "Sound on, but nothing can be heard: no audio device"


async def test_m_with_audio_says_sound_on(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("m", "m")
        assert [n.message for n in app._notifications][-1] == "Sound on"
        assert app.context.sound.silence_reason() is None


async def test_voice_off_is_no_sound_either(make_app) -> None:
    app = make_app(voice="off")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("m", "m")
        last = [n.message for n in app._notifications][-1]
        assert last == 'Sound on, but nothing can be heard: voice = "off" in the settings'
