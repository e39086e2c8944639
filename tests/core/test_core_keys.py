"""Which session keys do something in each step: the footer offers only those."""

from __future__ import annotations

from runstrength.core.engine import SessionEngine
from runstrength.core.keys import SKIP_LABELS, offered, skip_kind
from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep, WarmupStep
from runstrength.core.settings import Settings

ACTIONS = ("count", "skip_warmup", "adjust", "pause", "tempo", "band")


def keys(engine: SessionEngine) -> set[str]:
    return {action for action in ACTIONS if offered(engine, action)}


def test_each_step_offers_only_the_keys_that_act(engine: SessionEngine, clock) -> None:
    engine.start()
    assert isinstance(engine.step, WarmupStep)
    assert keys(engine) == {"skip_warmup", "adjust", "pause"}
    engine.skip_warmup()
    assert isinstance(engine.step, IntroStep)  # glute bridge: counted, body weight
    assert keys(engine) == {"tempo"}
    engine.proceed()
    assert isinstance(engine.step, SetStep)
    assert keys(engine) == {"count", "tempo"}  # nothing runs: no pause, no +/-
    engine.toggle_tempo()
    assert keys(engine) == {"count", "tempo", "pause"}  # tempo's beat runs and can wait
    engine.toggle_tempo()
    engine.count(+1)
    engine.proceed()
    assert isinstance(engine.step, RestStep)
    assert keys(engine) == {"adjust", "pause", "tempo"}
    engine.skip()
    engine.count(+1)
    engine.proceed()
    assert isinstance(engine.step, StretchStep)
    assert keys(engine) == {"adjust", "pause"}  # no tempo, no band during a stretch
    engine.skip()
    engine.skip()
    assert isinstance(engine.step, IntroStep)  # side plank: a hold
    assert keys(engine) == set()
    engine.proceed()
    assert keys(engine) == {"adjust", "pause"}  # getting ready counts down
    engine.toggle_pause()
    assert "pause" in keys(engine)  # paused: p resumes


def test_b_acts_on_a_band_exercise_but_not_its_stretch(make_engine, mini_program, clock) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.skip()
    engine.skip()
    assert isinstance(engine.step, IntroStep)
    walk = engine.step.entry.exercise
    assert walk.uses_band
    assert "band" in keys(engine)
    engine.next_band()
    assert engine.band_for(walk) == "red"
    engine.proceed()
    assert "band" in keys(engine)
    engine.count(+1)
    engine.proceed()
    assert isinstance(engine.step, StretchStep)
    assert "band" not in keys(engine)
    engine.next_band()  # does nothing here: the set is over
    assert engine.band_for(walk) == "red"
    no_bands = make_engine(mini_program, Settings(bands=()))
    no_bands.start()
    no_bands.skip_warmup()
    no_bands.skip()
    no_bands.skip()
    assert "band" not in keys(no_bands)


def test_s_is_named_for_what_it_skips(engine: SessionEngine, clock) -> None:
    engine.start()
    seen = []
    while not engine.finished:
        kind = skip_kind(engine)
        assert kind is not None
        seen.append(SKIP_LABELS[kind])
        engine.skip()
    assert skip_kind(engine) is None
    assert seen[0] == "Next move"
    for label in ("End warm-up", "Skip exercise"):
        assert label in seen
