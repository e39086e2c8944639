"""The set screen's "last time · best" lookup gives what a scan of the log gives."""

from __future__ import annotations

from datetime import date, timedelta, timezone

from runstrength.core.catalogue import Catalogue
from runstrength.core.programs import Program
from runstrength.core.sample_history import sample_history
from runstrength.core.stats import last_and_best, past_results


def test_the_lookup_agrees_with_a_scan_for_every_set_of_the_program(
    catalogue: Catalogue, mini_program: Program
) -> None:
    past = sample_history(
        mini_program,
        ("yellow", "red"),
        until=date(2026, 11, 23),
        weeks=8,
        zone=timezone(timedelta(hours=1)),
    )
    results = past_results(past)
    asked = 0
    for entry in mini_program.entries:
        sides = ("left", "right") if entry.exercise.per_side else (None,)
        for number in range(1, 5):
            for side in dict.fromkeys((*sides, None)):
                expected = last_and_best(past, entry.exercise.id, number, side)  # type: ignore[arg-type]
                assert results.find(entry.exercise.id, number, side) == expected  # type: ignore[arg-type]
                asked += expected.last is not None
    assert asked == 3 + 3 * 2 + 3, "three sets of each exercise, both sides of the hold"
    none = results.find("push-up", 1, None)
    assert (none.last, none.best) == (None, None)
    assert past_results([]).find("glute-bridge", 1, None).best is None
