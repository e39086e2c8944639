"""Personal bests against the log: per exercise and band, reps or seconds held."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from runstrength.core.bests import NewBest, bests_line, new_bests
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord, Side

AT = datetime(2026, 11, 20, 7, tzinfo=timezone(timedelta(hours=1)))


def reps(exercise: str, count: int, band: str | None = None, number: int = 1) -> SetRecord:
    return SetRecord(exercise, number, None, 20, count, band, None, AT)


def hold(exercise: str, seconds: int, side: Side = "left") -> SetRecord:
    return SetRecord(exercise, 1, side, None, None, None, seconds, AT, target_seconds=30)


def earlier(*sets: SetRecord) -> list[SessionRecord]:
    return [
        SessionRecord(
            SessionInfo("before", "endurance", AT - timedelta(days=2)), "completed", AT, list(sets)
        )
    ]


def test_more_reps_on_the_same_band_and_longer_holds_are_bests() -> None:
    log = earlier(reps("band-squat", 18, "red"), reps("glute-bridge", 20), hold("side-plank", 30))
    done = [
        reps("band-squat", 17, "red"),
        reps("band-squat", 19, "red", number=2),
        reps("glute-bridge", 20),
        hold("side-plank", 34),
        hold("side-plank", 31, side="right"),
    ]
    found = new_bests(done, log)
    assert found == [
        NewBest("band-squat", "red", 19, 18, held=False),
        NewBest("side-plank", None, 34, 30, held=True),
    ]
    names = {"band-squat": "Band squat", "side-plank": "Side plank"}
    line = bests_line(found, names.__getitem__)
    assert line == (
        "New bests: Band squat 19 reps on red (best was 18) · Side plank 34 s (best was 30)"
    )


def test_a_short_terminal_names_the_first_bests_and_counts_the_rest() -> None:
    found = [NewBest(f"e{n}", None, 20 + n, 20, held=False) for n in range(1, 6)]
    line = bests_line(found, str.upper, most=2)
    assert line == "New bests: E1 21 reps (best was 20) · E2 22 reps (best was 20) · and 3 more"
    assert bests_line(found[:2], str.upper, most=2).count("best was") == 2
    assert "more" not in bests_line(found[:2], str.upper, most=2)


def test_a_first_time_or_another_band_is_not_a_best() -> None:
    log = earlier(reps("band-squat", 18, "red"))
    assert new_bests([reps("band-squat", 25, "green"), reps("dead-bug", 16)], log) == []
    assert bests_line([], str) == ""
