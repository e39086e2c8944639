"""Engine events to sounds, per voice setting: a real engine on the fake clock, a fake player."""

from __future__ import annotations

import pytest

from runstrength.core.catalogue import Catalogue
from runstrength.core.cues import (
    NUMBERS,
    PHRASES,
    exercise_sound,
    number_sounds,
    phase_of,
    phrase,
    sound_test,
    sounds_for,
    stretch_sound,
)
from runstrength.core.engine import SessionEngine
from runstrength.core.events import Cue, CueEvent, Event, StepChanged
from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep, WarmupStep

TICK = 0.05


class FakePlayer:
    """Records each sequence it is asked to play."""

    def __init__(self) -> None:
        self.sequences: list[tuple[str, ...]] = []

    def play(self, sounds: tuple[str, ...]) -> None:
        if sounds:
            self.sequences.append(sounds)


class Session:
    """An engine whose every call is announced to the fake player, as the screen does."""

    def __init__(self, engine: SessionEngine, clock, mode: str) -> None:
        self.engine, self.clock, self.mode = engine, clock, mode
        self.player = FakePlayer()

    def announce(self, events: list[Event]) -> tuple[str, ...]:
        sounds = sounds_for(events, self.mode, self.engine.remaining())
        self.player.play(sounds)
        return sounds

    def call(self, method: str, *args: object) -> tuple[str, ...]:
        return self.announce(getattr(self.engine, method)(*args))

    def wait_for_change(self) -> list[tuple[str, ...]]:
        """Tick until the step changes; every sequence played meanwhile."""
        before, start = self.engine.index, len(self.player.sequences)
        for _ in range(100_000):
            self.clock.advance(TICK)
            self.announce(self.engine.tick())
            if self.engine.index != before:
                return self.player.sequences[start:]
        raise AssertionError("the step never changed")


def say(name: str) -> str:
    return phrase(name)


@pytest.fixture(params=["voice", "tones", "off"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def expected(mode: str, tone: Cue | str, *words: str) -> tuple[str, ...]:
    """What one moment should sound like in this mode: tone then words, the tone, or nothing."""
    if mode == "off":
        return ()
    return (str(tone), *words) if mode == "voice" else (str(tone),)


def test_a_whole_session_sounds_right_in_each_mode(engine, clock, mode) -> None:
    s = Session(engine, clock, mode)
    assert s.call("start") == expected(mode, Cue.GO, say("warm-up"))

    # Warm-up runs out: three beeps (spoken three, two, one), then the first exercise.
    played = s.wait_for_change()
    beeps = [expected(mode, Cue.BEEP, f"voice/number/{n}") for n in (3, 2, 1) if mode != "off"]
    intro = expected(
        mode, Cue.EXERCISE, exercise_sound("glute-bridge"), "voice/number/15", say("reps")
    )
    assert played == [*beeps, intro] if mode != "off" else played == []

    assert s.call("proceed") == expected(mode, Cue.GO, say("go"))
    for _ in range(14):
        assert s.call("count", 1) == ()
    assert s.call("count", 1) == expected(mode, Cue.SET_DONE)

    # Set done: the rest begins with its own tone.
    assert s.call("proceed") == expected(mode, Cue.REST, say("rest"))
    assert isinstance(engine.step, RestStep)
    played = s.wait_for_change()
    rest_over = expected(mode, Cue.REST_OVER, say("rest-over"), say("last-set"), say("go"))
    assert played[-1:] == ([rest_over] if mode != "off" else [])
    assert isinstance(engine.step, SetStep)
    assert engine.step.is_last_set

    s.call("count", 15)
    assert s.call("proceed")[:1] == expected(mode, Cue.STRETCH)[:1]
    while not isinstance(engine.plan[engine.index + 1], IntroStep):
        s.call("skip")
    # The per-side hold: its target is spoken with "each side"; left side first.
    assert s.call("skip") == expected(
        mode,
        Cue.EXERCISE,
        exercise_sound("side-plank"),
        "voice/number/10",
        say("seconds"),
        say("each-side"),
    )
    assert s.call("proceed") == expected(mode, Cue.GO, say("left-side"), say("go"))
    played = s.wait_for_change()
    assert played[-1:] == (
        [expected(mode, Cue.SWITCH_SIDES, say("switch-sides"))] if mode != "off" else []
    )
    played = s.wait_for_change()
    stretch = engine.step
    assert isinstance(stretch, StretchStep)
    words = (say("stretch"), stretch_sound(stretch.stretch.id), say("left-side"))
    assert played[-1:] == ([expected(mode, Cue.STRETCH, *words)] if mode != "off" else [])
    assert s.call("quit") == expected(mode, Cue.SESSION_DONE, say("session-done"))


def test_tempo_ticks_are_ticks_in_every_sounding_mode(engine, clock, mode) -> None:
    s = Session(engine, clock, mode)
    s.call("start")
    s.call("skip_warmup")
    s.call("proceed")
    s.call("toggle_tempo")
    clock.advance(engine.settings.tempo_seconds)
    assert s.call("tick") == (() if mode == "off" else ("tick",))


def test_a_right_side_set_says_switch_sides(engine, clock) -> None:
    s = Session(engine, clock, "voice")
    s.call("start")
    s.call("skip_warmup")
    s.call("skip")  # past glute bridge to side plank
    s.call("proceed")
    assert engine.step.side == "left"
    s.call("proceed")  # start the hold without waiting for the get-ready
    clock.advance(engine.step.entry.seconds + 0.1)
    played = s.call("tick")
    assert engine.step.side == "right"
    assert played[-2:] == ("switch-sides", say("switch-sides"))


def test_step_change_decides_over_the_cues_before_it() -> None:
    warmup = WarmupStep(60, ())
    events: list[Event] = [CueEvent(Cue.BEEP), CueEvent(Cue.SET_DONE), StepChanged(warmup)]
    assert sounds_for(events, "tones") == ("go",)


def test_only_the_last_of_several_cues_plays() -> None:
    events: list[Event] = [CueEvent(Cue.TICK), CueEvent(Cue.TICK), CueEvent(Cue.SET_DONE)]
    assert sounds_for(events, "voice") == ("set-done",)
    assert sounds_for([], "voice") == ()


def test_a_beep_outside_the_last_three_seconds_is_only_a_beep() -> None:
    assert sounds_for([CueEvent(Cue.BEEP)], "voice", remaining=None) == ("beep",)
    assert sounds_for([CueEvent(Cue.BEEP)], "voice", remaining=2.4) == (
        "beep",
        "voice/number/3",
    )


@pytest.mark.parametrize(
    ("n", "parts"),
    [
        (1, [1]),
        (15, [15]),
        (20, [20]),
        (25, [20, 5]),
        (30, [30]),
        (45, [40, 5]),
        (100, [100]),
        (120, [100, 20]),
        (199, [100, 90, 9]),
    ],
)
def test_numbers_are_said_from_parts(n: int, parts: list[int]) -> None:
    assert number_sounds(n) == [f"voice/number/{p}" for p in parts]
    assert all(p in NUMBERS for p in parts)


@pytest.mark.parametrize("n", [0, -3, 200])
def test_numbers_out_of_range_are_refused(n: int) -> None:
    with pytest.raises(ValueError, match=str(n)):
        number_sounds(n)


def test_an_unknown_phrase_is_refused() -> None:
    with pytest.raises(KeyError, match="shout"):
        phrase("shout")
    assert set(PHRASES) >= {"go", "rest", "rest-over", "switch-sides", "last-set"}


def test_every_step_has_a_phase(engine) -> None:
    phases = {phase_of(step) for step in engine.plan}
    assert phases == {"warmup", "exercise", "work", "rest", "stretch", "done"}


def test_every_catalogue_entry_is_named_by_its_id(catalogue: Catalogue) -> None:
    for exercise in catalogue.exercises.values():
        assert exercise_sound(exercise.id) == f"voice/exercise/{exercise.id}"
    for stretch in catalogue.stretches.values():
        assert stretch_sound(stretch.id) == f"voice/stretch/{stretch.id}"


def test_the_sound_test_plays_one_of_each_kind_per_mode() -> None:
    assert sound_test("off") == ()
    assert {"go", "rest", "stretch", "beep", "tick"} <= set(sound_test("tones"))
    assert not any(sound.startswith("voice/") for sound in sound_test("tones"))
    voiced = sound_test("voice")
    assert {"go", "rest", "stretch"} <= set(voiced)
    assert any(sound.startswith("voice/") for sound in voiced)
