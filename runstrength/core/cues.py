"""What the runner hears: the engine's events turned into a short sequence of sounds.

The engine only says what happened (a beep is due, a rest began); this module decides,
per voice setting, which sound files to play for it, so the engine knows nothing of
speech. A sound is named by an id: a tone is its Cue value ("go", the file
assets/cues/go.wav); a spoken clip is "voice/<kind>/<name>" (assets/voice/<kind>/<name>.wav).
Spoken phrases are put together from parts, "Glute bridge" + "twenty" + "reps", so a few
dozen small clips cover every target a program can set.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from runstrength.core.events import Cue, CueEvent, Event, StepChanged
from runstrength.core.plan import (
    IntroStep,
    RestStep,
    SetStep,
    Step,
    StretchStep,
    SummaryStep,
    WarmupStep,
)

Phase = Literal["warmup", "exercise", "work", "rest", "stretch", "done"]

PHRASES: dict[str, str] = {
    "go": "go",
    "switch-sides": "switch sides",
    "rest": "rest",
    "rest-over": "rest over",
    "stretch": "stretch",
    "last-set": "last set",
    "session-done": "session done",
    "warm-up": "warm up",
    "reps": "reps",
    "seconds": "seconds",
    "each-side": "each side",
    "left-side": "left side",
}
"""Spoken words and phrases by clip name (assets/voice/phrase/<name>.wav) and their text."""

# fmt: off
_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
)
# fmt: on
_TENS = {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty"}
_TENS |= {90: "ninety", 100: "one hundred"}
NUMBERS: dict[int, str] = {n: word for n, word in enumerate(_ONES) if n} | _TENS
"""Spoken numbers by value (assets/voice/number/<n>.wav): enough to say 1 to 199."""


def phrase(name: str) -> str:
    if name not in PHRASES:
        raise KeyError(f"no spoken phrase {name!r}")
    return f"voice/phrase/{name}"


def exercise_sound(exercise_id: str) -> str:
    return f"voice/exercise/{exercise_id}"


def stretch_sound(stretch_id: str) -> str:
    return f"voice/stretch/{stretch_id}"


def number_sounds(n: int) -> list[str]:
    """The clips that say n (1-199): 45 is "forty" + "five", 120 "one hundred" + "twenty"."""
    if not 0 < n < 200:
        raise ValueError(f"cannot say {n}")
    parts: list[int] = []
    if n >= 100:
        parts.append(100)
        n -= 100
    if n > 20:
        parts.append(n - n % 10 if n >= 30 else 20)
        n -= parts[-1]
    if n:
        parts.append(n)
    return [f"voice/number/{part}" for part in parts]


def sound_test(mode: str) -> tuple[str, ...]:
    """One of each kind of sound this mode plays (for a settings screen's sound test)."""
    if mode == "off":
        return ()
    tones = (Cue.GO, Cue.REST, Cue.STRETCH, Cue.BEEP, Cue.TICK)
    if mode == "tones":
        return tuple(tone.value for tone in tones)
    spoken = {Cue.GO: "go", Cue.REST: "rest", Cue.STRETCH: "stretch"}
    return tuple(part for tone, word in spoken.items() for part in (tone.value, phrase(word)))


def phase_of(step: Step) -> Phase:
    """The kind of moment a step starts, for the phase tone and the screen's flash."""
    if isinstance(step, WarmupStep):
        return "warmup"
    if isinstance(step, IntroStep):
        return "exercise"
    if isinstance(step, SetStep):
        return "work"
    if isinstance(step, RestStep):
        return "rest"
    if isinstance(step, StretchStep):
        return "stretch"
    return "done"


def sounds_for(
    events: Sequence[Event], mode: str, remaining: float | None = None
) -> tuple[str, ...]:
    """The sounds for the events of one engine call, in order, for voice | tones | off.

    A step change decides the whole sequence (its phase tone, then in voice mode its
    words); without one, the last cue plays (a beep, a tempo tick, a set reaching its
    target). `remaining` is the running timer's seconds left: in voice mode the last
    three beeps also say "three", "two", "one".
    """
    if mode == "off":
        return ()
    speak = mode == "voice"
    cues = [event.cue for event in events if isinstance(event, CueEvent)]
    steps = [event.step for event in events if isinstance(event, StepChanged)]
    if steps:
        return _entering(steps[-1], Cue.REST_OVER in cues, speak)
    if not cues:
        return ()
    cue = cues[-1]
    sounds = [cue.value]
    if speak and cue is Cue.BEEP and remaining is not None and 0 < remaining <= 3:
        sounds += number_sounds(math.ceil(remaining))
    return tuple(sounds)


def _entering(step: Step, rest_over: bool, speak: bool) -> tuple[str, ...]:
    tone, words = _tone_and_words(step, rest_over)
    return (tone.value, *words) if speak else (tone.value,)


def _target(entry_reps: int | None, entry_seconds: int | None) -> list[str]:
    if entry_seconds:
        return [*number_sounds(entry_seconds), phrase("seconds")]
    if entry_reps:
        return [*number_sounds(entry_reps), phrase("reps")]
    return []


def _tone_and_words(step: Step, rest_over: bool) -> tuple[Cue, list[str]]:
    if isinstance(step, WarmupStep):
        return Cue.GO, [phrase("warm-up")]
    if isinstance(step, IntroStep):
        entry = step.entry
        words = [exercise_sound(entry.exercise.id), *_target(entry.reps, entry.seconds)]
        if entry.exercise.per_side:
            words.append(phrase("each-side"))
        return Cue.EXERCISE, words
    if isinstance(step, SetStep):
        if step.side == "right":
            return Cue.SWITCH_SIDES, [phrase("switch-sides")]
        words = [phrase("rest-over")] if rest_over else []
        if step.is_last_set and step.entry.sets > 1:
            words.append(phrase("last-set"))
        if step.side == "left":
            words.append(phrase("left-side"))
        return (Cue.REST_OVER if rest_over else Cue.GO), [*words, phrase("go")]
    if isinstance(step, RestStep):
        return Cue.REST, [phrase("rest")]
    if isinstance(step, StretchStep):
        if step.side == "right":
            return Cue.SWITCH_SIDES, [phrase("switch-sides")]
        words = [phrase("stretch"), stretch_sound(step.stretch.id)]
        if step.side == "left":
            words.append(phrase("left-side"))
        return Cue.STRETCH, words
    assert isinstance(step, SummaryStep)
    return Cue.SESSION_DONE, [phrase("session-done")]
