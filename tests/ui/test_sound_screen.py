"""What the session screen plays, and what it shows instead when no sound can be heard."""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from runstrength.audio import Playsound3Player, sound_path
from runstrength.core.plan import IntroStep, RestStep
from runstrength.screens.session import SessionScreen
from runstrength.widgets.flash_band import FLASH_SECONDS, FlashBand
from tests.doubles import SilentPlayer
from tests.ui.repaints import Repaints

NO_BACKEND = "No supported audio backends on this system!"


def session(pilot: Pilot[None]) -> SessionScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


def band(pilot: Pilot[None]) -> FlashBand:
    return session(pilot).query_one(FlashBand)


def band_text(pilot: Pilot[None]) -> str:
    return str(band(pilot).render())


async def pass_time(pilot: Pilot[None], clock, seconds: float) -> None:
    clock.advance(seconds)
    session(pilot).tick()
    await pilot.pause()


def sound_off_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("Sound is off")]


@pytest.fixture
def count_bells(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    rung: list[int] = []
    monkeypatch.setattr("textual.app.App.bell", lambda self: rung.append(1))
    return rung


async def test_no_backend_flashes_each_phase_change_and_the_session_goes_on(
    make_app, clock, count_bells, capfd
) -> None:
    app = make_app(start=True)
    app.context.sound.player = SilentPlayer(available=False, reason=NO_BACKEND)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert band(pilot).shown
        assert band_text(pilot) == "WARM-UP"
        await pass_time(pilot, clock, FLASH_SECONDS - 0.1)
        assert band(pilot).shown
        await pass_time(pilot, clock, 0.2)
        assert not band(pilot).shown

        await pilot.press("S")
        assert isinstance(session(pilot).engine.step, IntroStep)
        assert band(pilot).shown
        assert band(pilot).has_class("-exercise")
        assert band_text(pilot) == "NEXT EXERCISE · Glute bridge"

        await pilot.press("enter")
        assert band_text(pilot) == "GO · Glute bridge"
        assert band(pilot).has_class("-work")
        await pilot.press(*["space"] * 15, "enter")
        assert isinstance(session(pilot).engine.step, RestStep)
        assert band_text(pilot) == "REST"
        assert band(pilot).has_class("-rest")
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert [s.reps for s in logged.sets] == [15]
        assert count_bells == []  # the bell is off unless the settings allow it
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


async def test_the_bell_rings_once_per_phase_change_when_allowed(
    make_app, clock, count_bells
) -> None:
    app = make_app(start=True, bell=True)
    app.context.sound.player = SilentPlayer(available=False, reason=NO_BACKEND)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert count_bells == [1]
        await pilot.press("S")
        assert count_bells == [1, 1]
        await pilot.press("enter", "p", "p", "space")  # no phase change: no bell
        assert count_bells == [1, 1, 1]


async def test_a_working_player_gets_no_flash_and_no_bell(
    make_app, clock, sound, count_bells
) -> None:
    app = make_app(start=True, bell=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S")
        assert not band(pilot).shown
        assert count_bells == []
        assert sound.sequences[-1] == (
            "exercise",
            "voice/exercise/glute-bridge",
            "voice/number/15",
            "voice/phrase/reps",
        )
        for part in sound.sequences[-1]:
            assert sound_path(part).is_file()


async def test_tones_mode_plays_only_the_phase_tone(make_app, sound) -> None:
    app = make_app(start=True, voice="tones")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S", "enter")
        assert sound.sequences[-2:] == [("exercise",), ("go",)]


async def test_voice_off_plays_nothing_flashes_and_logs_why_once(
    make_app, clock, sound, caplog
) -> None:
    caplog.set_level(logging.WARNING)
    app = make_app(start=True, voice="off")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S", "enter")
        assert band_text(pilot) == "GO · Glute bridge"
        await pilot.press(*["space"] * 15, "enter")
        assert band_text(pilot) == "REST"
    assert sound.played == []
    assert sound_off_lines(caplog) == ['Sound is off: voice = "off" in the settings']


async def test_muting_flashes_instead_and_logs_why_once(make_app, sound, caplog) -> None:
    caplog.set_level(logging.WARNING)
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not band(pilot).shown
        heard = len(sound.played)
        await pilot.press("m", "S", "enter")
        assert band_text(pilot) == "GO · Glute bridge"
        assert len(sound.played) == heard
        await pilot.press("m", "m", "s")
    assert sound_off_lines(caplog) == ["Sound is off: muted (m, or sound = false in the settings)"]


@pytest.mark.skipif(
    shutil.which("aplay") is None,
    reason="aplay is missing: apt-get install alsa-utils to play cues into a file sink",
)
async def test_the_app_plays_its_cues_through_alsa_without_flashing(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    sink = home / "cues.raw"
    (home / ".asoundrc").write_text(
        f'pcm.!default {{ type file slave.pcm "null" file "|cat >> {sink}" format "raw" }}\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PLAYSOUND3_BACKEND", "alsa")
    import playsound3

    monkeypatch.setattr(playsound3, "DEFAULT_BACKEND", "alsa")
    app = make_app(start=True)
    player = Playsound3Player()
    app.context.sound.player = player
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S")  # the first exercise is announced: tone, name, target
        deadline = time.monotonic() + 20
        while not sink.exists() or sink.stat().st_size < 20_000:
            assert time.monotonic() < deadline, "no sound reached the device"
            await pilot.pause(0.02)
        assert player.available is True
        assert not band(pilot).shown
    player.close()
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


class NoBackendFoundOnPrepare(SilentPlayer):
    """Like playsound3 on a machine without a backend: unknown until it has looked."""

    def prepare(self) -> None:
        self.available = False
        self.reason = NO_BACKEND


async def test_home_finds_out_about_sound_before_the_first_session(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("runstrength.screens.home.SOUND_CHECK_DELAY", 0.01)
    app = make_app()
    player = NoBackendFoundOnPrepare()
    app.context.sound.player = player
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.05)
        assert player.available is False
        await pilot.press("enter")
        await pilot.pause()
        assert band(pilot).shown  # the very first phase change flashes
        assert band_text(pilot) == "WARM-UP"


async def test_the_flash_names_the_stretch_once_and_a_stopped_session(make_app, clock) -> None:
    app = make_app(start=True)
    app.context.sound.player = SilentPlayer(available=False, reason=NO_BACKEND)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S", "enter", *["space"] * 15, "enter", "s", *["space"] * 15, "enter")
        stretch = session(pilot).engine.step
        assert band_text(pilot) == f"STRETCH · {stretch.stretch.name}"  # type: ignore[union-attr]
        await pilot.press("q", "x")
        await pilot.pause()
        assert band_text(pilot) == "SESSION STOPPED"


async def test_the_lines_under_a_band_are_drawn_again_once_it_hides(
    make_app, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(start=True, session_layout="compact")  # the floor shows phases its own way
    app.context.sound.player = SilentPlayer(available=False, reason=NO_BACKEND)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        flash = band(pilot)
        assert flash.shown
        covered = flash.region
        assert covered.height == 3
        repaints = Repaints(session(pilot), monkeypatch)
        await pass_time(pilot, clock, FLASH_SECONDS + 0.1)
        assert not flash.shown
        # On its own layer a hidden band need not expose what it covered; the screen is
        # asked to draw those lines again (a stale band stayed over the summary before).
        assert covered in repaints.regions
