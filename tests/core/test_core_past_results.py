"""The set screen's "last time · best" lookup gives what a scan of the log gives."""

from __future__ import annotations

from datetime import date, timedelta, timezone

from runstrength.core.catalogue import Catalogue
from runstrength.core.programs import Program
from runstrength.core.records import SessionRecord, Side
from runstrength.core.stats import LastAndBest, past_results, past_text
from tests.sample_history import sample_history


def scanned(
    past: list[SessionRecord], exercise: str, number: int, side: Side | None, band: str | None
) -> LastAndBest:
    """The answer read set by set from the log, oldest first: what the lookup must agree with."""
    on_band = [r for s in past for r in s.sets if r.exercise == exercise and r.band == band]
    amounts = [r.reps if r.reps is not None else r.seconds or 0 for r in on_band]
    this_set = [
        a for r, a in zip(on_band, amounts, strict=True) if (r.set, r.side) == (number, side)
    ]
    return LastAndBest(last=this_set[-1] if this_set else None, best=max(amounts, default=None))


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
                    expected = scanned(past, entry.exercise.id, number, side, band)
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


def test_the_text_says_which_band_it_is_for() -> None:
    found = LastAndBest(last=15, best=18)
    assert past_text(found, is_hold=False, band=None) == "last time 15 · best 18"
    assert past_text(found, is_hold=False, band="red") == "red band: last time 15 · best 18"
    assert past_text(LastAndBest(None, 30), is_hold=True, band=None) == "best 30 s"
    nothing = LastAndBest(None, None)
    assert past_text(nothing, is_hold=False, band=None) == ""
    assert past_text(nothing, is_hold=False, band="green") == "green band: nothing logged on it yet"


def test_the_text_counts_this_session_on_the_band() -> None:
    nothing = LastAndBest(None, None)
    assert past_text(nothing, is_hold=False, band="red", today=20) == "red band: best today 20"
    assert past_text(nothing, is_hold=True, band=None, today=30) == "best today 30 s"
    found = LastAndBest(last=15, best=18)
    # A better set today is the best now; a lesser one leaves the best as it was.
    better = past_text(found, is_hold=False, band="red", today=20)
    assert better == "red band: last time 15 · best 20"
    lesser = past_text(found, is_hold=False, band="red", today=12)
    assert lesser == "red band: last time 15 · best 18"
