"""The set screen's "last time · best" lookup gives what a scan of the log gives."""

from __future__ import annotations

from datetime import date, timedelta, timezone

from runstrength.core.catalogue import Catalogue
from runstrength.core.programs import Program
from runstrength.core.sample_history import sample_history
from runstrength.core.stats import LastAndBest, last_and_best, past_results, past_text


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
                for band in (None, "yellow", "red"):
                    expected = last_and_best(past, entry.exercise.id, number, side, band)
                    found = results.find(entry.exercise.id, number, side, band)
                    assert found == expected
                    asked += expected.last is not None
    # Three sets of each exercise, both sides of the hold; the band walk on both bands.
    assert asked == 3 + 3 * 2 + 3 * 2
    none = results.find("push-up", 1, None)
    assert (none.last, none.best) == (None, None)
    assert past_results([]).find("glute-bridge", 1, None).best is None


def test_last_time_and_best_are_per_band(catalogue: Catalogue, mini_program: Program) -> None:
    past = sample_history(
        mini_program,
        ("yellow", "red"),
        until=date(2026, 11, 23),
        weeks=8,
        zone=timezone(timedelta(hours=1)),
    )
    results = past_results(past)
    walk = "lateral-band-walk"
    on_red = results.find(walk, 1, None, "red")
    on_yellow = results.find(walk, 1, None, "yellow")
    red_sets = [r for s in past for r in s.sets if r.exercise == walk and r.band == "red"]
    assert on_red.last == red_sets[-1].reps
    assert on_red.best == max(r.reps or 0 for r in red_sets)
    assert on_yellow.last is not None
    assert on_yellow != on_red
    assert results.find(walk, 1, None, "green") == results.find("push-up", 1, None)
    # Without a band filter the scan mixes them; with one it agrees with the lookup.
    assert last_and_best(past, walk, 1, None, "red") == on_red


def test_the_text_says_which_band_it_is_for() -> None:
    found = LastAndBest(last=15, best=18)
    assert past_text(found, is_hold=False, band=None) == "last time 15 · best 18"
    assert past_text(found, is_hold=False, band="red") == "red band: last time 15 · best 18"
    assert past_text(LastAndBest(None, 30), is_hold=True, band=None) == "best 30 s"
    nothing = LastAndBest(None, None)
    assert past_text(nothing, is_hold=False, band=None) == ""
    assert past_text(nothing, is_hold=False, band="green") == "green band: nothing logged on it yet"
