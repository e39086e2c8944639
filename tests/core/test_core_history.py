"""The sessions table: totals, completion, duration and filtering, from sets or summaries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from runstrength.core.history import (
    SessionFilter,
    SetTally,
    session_row,
    summarize,
    summary_row,
    table_rows,
)
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord

TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 16, 7, 0, tzinfo=TZ)


def a_set(reps: int | None, target: int | None, seconds: int | None = None) -> SetRecord:
    return SetRecord(
        exercise="glute-bridge" if reps is not None else "side-plank",
        set=1,
        side=None,
        target_reps=target if reps is not None else None,
        reps=reps,
        band=None,
        seconds=seconds,
        completed_at=START + timedelta(minutes=10),
        target_seconds=target if reps is None else None,
    )


def session(session_id: str, day: int, program: str, sets: list[SetRecord]) -> SessionRecord:
    started = START + timedelta(days=day)
    return SessionRecord(
        info=SessionInfo(id=session_id, program=program, started_at=started),
        status="completed",
        ended_at=started + timedelta(minutes=34),
        sets=[s._replace(completed_at=started + timedelta(minutes=10)) for s in sets],
    )


def test_the_tally_counts_each_set_by_its_share_of_its_target() -> None:
    tally = SetTally()
    tally.add(22, None, 20, None)  # more than asked: one whole set
    tally.add(15, None, 20, None)  # three quarters of one
    tally.add(None, 25, None, 30)  # a hold, seconds against seconds: five sixths of one
    tally.add(12, None, None, None)  # no target: counted, not in completion
    assert (tally.sets, tally.reps, tally.target) == (4, 49, 3)
    assert tally.done == pytest.approx(1 + 15 / 20 + 25 / 30)


@pytest.mark.parametrize(
    "values", [("18", None, 20, None), (18.0, None, 20, None), (None, 20, None, "30")]
)
def test_the_tally_refuses_what_is_not_a_whole_number(values: tuple[object, ...]) -> None:
    with pytest.raises(TypeError):
        SetTally().add(*values)  # type: ignore[arg-type]


def test_a_row_from_a_summary_is_the_row_from_the_whole_session() -> None:
    record = session("a", 0, "endurance", [a_set(20, 20), a_set(10, 20), a_set(None, 30, 30)])
    row = session_row(record)
    assert row == summary_row(summarize(record))
    # A whole set, half a set and a whole hold: 2.5 of 3 sets.
    assert row.cells() == ("Mon 2026-11-16", "endurance", "34 min", "3", "30", "83%", "-", "")


def test_an_unfinished_session_lasts_until_its_last_set() -> None:
    record = session("a", 0, "endurance", [a_set(20, 20)])
    record.ended_at = None
    record.status = "in-progress"
    summary = summarize(record)
    assert summary.last_set_at == START + timedelta(minutes=10)
    assert summary_row(summary).cells()[2] == "10 min"
    assert summary_row(summary, running="a").cells()[7] == "in-progress"  # under way now
    assert summary_row(summary).cells()[7] == "cut off"  # left open, not set aside
    record.set_aside_at = START + timedelta(minutes=11)
    assert summary_row(summarize(record)).cells()[7] == "set aside"
    empty = session("b", 1, "endurance", [])
    empty.ended_at = None
    assert summary_row(summarize(empty)).duration == "-"
    assert summary_row(summarize(empty)).completion == "-"


def test_table_rows_filter_and_sort_summaries_and_sessions_alike() -> None:
    records = [
        session("old", 0, "endurance", [a_set(20, 20)]),
        session("sprint", 2, "sprint", [a_set(15, 15)]),
        session("new", 4, "endurance", [a_set(18, 20)]),
    ]
    summaries = [summarize(s) for s in records]
    everything = SessionFilter()
    assert [r.id for r in table_rows(summaries, everything)] == ["new", "sprint", "old"]
    assert table_rows(summaries, everything) == table_rows(records, everything)
    endurance = SessionFilter(program="endurance", since=date(2026, 11, 17))
    assert [r.id for r in table_rows(summaries, endurance)] == ["new"]
    assert table_rows(records, endurance) == table_rows(summaries, endurance)
    assert endurance.describe() == "program endurance, 2026-11-17 to …"


def test_completion_is_against_the_whole_plan(catalogue) -> None:
    from runstrength.core.history import planned_target, plans_of
    from runstrength.core.programs import program_from_toml

    program = program_from_toml(
        'name = "two"\ntitle = "Two"\ngoal = "endurance"\n'
        '[[exercise]]\nid = "glute-bridge"\nsets = 2\nreps = 20\n'
        '[[exercise]]\nid = "side-plank"\nsets = 1\nseconds = 30\n',
        "two.toml",
        catalogue,
    )
    assert planned_target(program) == 2 + 2  # the plank is held on each side: two sets
    stopped = session("s", 0, "two", [a_set(20, 20)])  # one of four sets, then stopped
    plans = plans_of([program])
    assert session_row(stopped).completion == "100%"  # against its own sets only
    assert session_row(stopped, plans["two"]).completion == "25%"
    [row] = table_rows([stopped], SessionFilter(), plans)
    assert row.completion == "25%"
    # Half of one set's reps: half a set, whatever the other sets' units.
    half = session("h", 3, "two", [a_set(20, 20), a_set(10, 20)])
    assert session_row(half, plans["two"]).completion == "38%"
    # More logged than the plan holds now (the program was shortened): never above 100%.
    longer = session("l", 1, "two", [a_set(20, 20)] * 6)
    assert session_row(longer, plans["two"]).completion == "100%"
    # A program no longer known: its logged sets' targets.
    [gone] = table_rows([session("g", 2, "gone", [a_set(10, 20)])], SessionFilter(), plans)
    assert gone.completion == "50%"


def test_a_session_short_of_its_plan_never_reads_100_percent() -> None:
    # One rep short over sixteen sets of twenty: 15.95 of 16 sets.
    sets = [a_set(20, 20)] * 15 + [a_set(19, 20)]
    assert session_row(session("s", 0, "endurance", sets)).completion == "99%"
    assert session_row(session("w", 1, "endurance", [a_set(20, 20)] * 16)).completion == "100%"
