"""A recovery routine's summary says what it was, and claims nothing about the day: it may
be taken on a training day as well as on a rest day."""

from __future__ import annotations

from runstrength.core.catalogue import Catalogue
from runstrength.core.engine import SessionEngine
from runstrength.core.plan import SummaryStep
from runstrength.core.settings import Settings
from runstrength.core.view import describe
from runstrength.store import load_programs


def test_the_summary_of_a_routine_does_not_call_the_day_a_rest_day(
    clock, catalogue: Catalogue, fast_settings: Settings
) -> None:
    program = load_programs(catalogue).get("endurance")
    assert program is not None
    engine = SessionEngine(
        program, fast_settings, clock, "r-1", warmup_moves=catalogue.mobility, kind="recovery"
    )
    engine.start()
    while not isinstance(engine.step, SummaryStep):
        engine.proceed()
    view = describe(engine)
    assert view.heading == "Recovery routine done"
    assert "rest day" not in view.where
    assert view.where == f"{program.title} · not counted as training"
