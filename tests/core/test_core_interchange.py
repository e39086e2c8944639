"""The interchange format: round trips, and every bad input named by its JSON path."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runstrength.core.interchange import (
    InterchangeError,
    ScheduledDay,
    from_document,
    to_document,
)
from runstrength.core.records import (
    SessionInfo,
    SessionRecord,
    SetRecord,
    StretchRecord,
    WarmupRecord,
)

GOOD: dict[str, Any] = {
    "format": "runstrength",
    "version": 1,
    "sessions": [
        {
            "id": "a1",
            "date": "2026-11-23",
            "program": "endurance",
            "started_at": "2026-11-23T07:02:11+01:00",
            "ended_at": "2026-11-23T07:38:40+01:00",
            "status": "completed",
            "sets": [
                {
                    "exercise": "glute-bridge",
                    "set": 1,
                    "side": None,
                    "target_reps": 20,
                    "reps": 18,
                    "band": None,
                    "seconds": None,
                    "completed_at": "2026-11-23T07:12:05+01:00",
                }
            ],
            "warmup": {"seconds": 480, "target_seconds": 480},
            "stretches": [
                {
                    "stretch": "hip-flexor-stretch",
                    "after": "glute-bridge",
                    "side": "left",
                    "seconds": 30,
                    "target_seconds": 30,
                    "skipped": False,
                    "completed_at": "2026-11-23T07:13:00+01:00",
                }
            ],
            "skipped": ["side-plank"],
        }
    ],
    "schedule": [{"date": "2026-11-25", "program": "endurance"}],
}


def test_the_documented_example_reads_and_writes_back() -> None:
    sessions, schedule = from_document(GOOD)
    assert sessions[0].sets[0].reps == 18
    assert schedule == [ScheduledDay(date(2026, 11, 25), "endurance")]
    again = to_document(sessions, schedule)
    assert again["sessions"][0]["sets"][0]["completed_at"] == "2026-11-23T07:12:05+01:00"
    for key, value in GOOD["sessions"][0].items():
        if key != "sets":
            assert again["sessions"][0][key] == value
    assert from_document(json.loads(json.dumps(again))) == (sessions, schedule)


def test_warmup_and_stretches_are_optional() -> None:
    """Files from other tools (or older exports) may leave them out."""
    bare = copy.deepcopy(GOOD)
    del bare["sessions"][0]["warmup"]
    del bare["sessions"][0]["stretches"]
    del bare["sessions"][0]["skipped"]
    [session], _ = from_document(bare)
    assert session.warmup is None
    assert session.stretches == []
    assert session.skipped == []
    [full], _ = from_document(GOOD)
    assert full.skipped == ["side-plank"]
    assert full.warmup == WarmupRecord(seconds=480, target_seconds=480)
    assert [(s.stretch, s.side, s.skipped) for s in full.stretches] == [
        ("hip-flexor-stretch", "left", False)
    ]


def test_effort_is_optional_and_read_back() -> None:
    [unrated], _ = from_document(GOOD)
    assert unrated.effort is None
    rated = copy.deepcopy(GOOD)
    rated["sessions"][0]["effort"] = 7
    [session], _ = from_document(rated)
    assert session.effort == 7
    assert to_document([session], [])["sessions"][0]["effort"] == 7


def broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(GOOD)
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("format",), "other", "format"),
        (("version",), 2, "version"),
        (("sessions", 0, "sets", 0, "reps"), -1, "sessions[0].sets[0].reps"),
        (("sessions", 0, "sets", 0, "side"), "middle", "sessions[0].sets[0].side"),
        (("sessions", 0, "status"), "done", "sessions[0].status"),
        (("sessions", 0, "date"), "2026-02-30", "sessions[0].date"),
        (("sessions", 0, "started_at"), "yesterday", "sessions[0].started_at"),
        (("sessions", 0, "started_at"), "2026-11-23T07:02:11", "sessions[0].started_at"),
        (("sessions", 0, "sets", 0, "exercise"), KeyError, "sessions[0].sets[0].exercise"),
        (("sessions", 0, "sets", 0, "completed_at"), None, "sessions[0].sets[0].completed_at"),
        (("sessions", 0, "date"), "2026-11-24", "sessions[0].date"),
        (("schedule", 0, "date"), "soon", "schedule[0].date"),
        (("sessions", 0, "effort"), 11, "sessions[0].effort"),
        (("sessions", 0, "effort"), "hard", "sessions[0].effort"),
        (("sessions", 0, "effort"), True, "sessions[0].effort"),
        (("sessions", 0, "sets"), "none", "sessions[0].sets"),
        (("sessions", 0, "warmup", "seconds"), -5, "sessions[0].warmup.seconds"),
        (("sessions", 0, "warmup"), 480, "sessions[0].warmup"),
        (("sessions", 0, "stretches"), {}, "sessions[0].stretches"),
        (("sessions", 0, "skipped"), "side-plank", "sessions[0].skipped"),
        (("sessions", 0, "skipped", 0), "Side Plank", "sessions[0].skipped[0]"),
        (("sessions", 0, "stretches", 0, "skipped"), "no", "sessions[0].stretches[0].skipped"),
        (("sessions", 0, "stretches", 0, "side"), "up", "sessions[0].stretches[0].side"),
        (("sessions", 0, "stretches", 0, "stretch"), KeyError, "sessions[0].stretches[0].stretch"),
        (
            ("sessions", 0, "stretches", 0, "completed_at"),
            "later",
            "sessions[0].stretches[0].completed_at",
        ),
    ],
)
def test_a_bad_field_is_named_by_its_path(path, value, where) -> None:
    with pytest.raises(InterchangeError) as error:
        from_document(broken(path, value))
    assert any(problem.startswith(f"{where}:") for problem in error.value.problems), error.value


def test_not_an_object_and_duplicate_ids() -> None:
    with pytest.raises(InterchangeError):
        from_document([1, 2])
    twice = copy.deepcopy(GOOD)
    twice["sessions"].append(copy.deepcopy(twice["sessions"][0]))
    with pytest.raises(InterchangeError, match=r"sessions\[1\]\.id"):
        from_document(twice)


zones = st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-7))])
moments = st.builds(
    lambda day, seconds, tz: datetime(2020, 1, 1, tzinfo=tz) + timedelta(days=day, seconds=seconds),
    st.integers(0, 3650),
    st.integers(0, 86399),
    zones,
)
set_records = st.builds(
    SetRecord,
    exercise=st.sampled_from(["glute-bridge", "side-plank", "retired-move"]),
    set=st.integers(1, 5),
    side=st.sampled_from([None, "left", "right"]),
    target_reps=st.none() | st.integers(15, 20),
    reps=st.none() | st.integers(0, 40),
    band=st.none() | st.sampled_from(["red", "green"]),
    seconds=st.none() | st.integers(0, 120),
    completed_at=moments,
    started_at=st.none() | moments,
    target_seconds=st.none() | st.integers(10, 120),
    edited_at=st.none() | moments,
    key=st.none(),
)
stretch_records = st.builds(
    StretchRecord,
    stretch=st.sampled_from(["hip-flexor-stretch", "calf-stretch", "retired-stretch"]),
    after=st.sampled_from(["glute-bridge", "side-plank"]),
    side=st.sampled_from([None, "left", "right"]),
    seconds=st.integers(0, 90),
    target_seconds=st.integers(15, 60),
    skipped=st.booleans(),
    completed_at=moments,
)
warmups = st.none() | st.builds(
    WarmupRecord, seconds=st.integers(0, 1200), target_seconds=st.integers(300, 900)
)


@st.composite
def logs(draw: st.DrawFn) -> list[SessionRecord]:
    count = draw(st.integers(0, 5))
    sessions = []
    for index in range(count):
        started = draw(moments)
        sessions.append(
            SessionRecord(
                info=SessionInfo(id=f"s{index}", program="endurance", started_at=started),
                status=draw(st.sampled_from(["completed", "partial"])),
                ended_at=draw(st.none() | st.just(started + timedelta(minutes=30))),
                sets=draw(st.lists(set_records, max_size=4)),
                warmup=draw(warmups),
                stretches=draw(st.lists(stretch_records, max_size=3)),
                skipped=draw(st.lists(st.sampled_from(["side-plank", "clamshell"]), max_size=2)),
                effort=draw(st.none() | st.integers(0, 10)),
            )
        )
    return sessions


@settings(max_examples=60, deadline=None)
@given(logs())
def test_any_valid_log_survives_the_round_trip(sessions: list[SessionRecord]) -> None:
    document = json.loads(json.dumps(to_document(sessions, [])))
    read, _ = from_document(document)
    assert to_document(read, []) == document
    assert sorted(read, key=lambda s: s.id) == sorted(sessions, key=lambda s: s.id)


PYTHON_WORDS = re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|'")


def test_no_python_value_reaches_the_user_from_a_bad_import() -> None:
    """Every problem names values as the JSON file spells them (null, true, "text")."""
    bad_set = {"exercise": "Glute", "set": True, "side": "up", "reps": -1, "completed_at": None}
    bad_stretch = {"stretch": "x", "after": "y", "skipped": None, "seconds": 1.5}
    document: dict[str, object] = {
        "sessions": [
            {"id": "a", "program": "p", "date": "2026-02-30", "status": None, "sets": [bad_set]},
            {
                "id": "b",
                "started_at": "soon",
                "status": True,
                "sets": [],
                "stretches": [bad_stretch],
            },
        ],
    }
    with pytest.raises(InterchangeError) as caught:
        from_document(document)
    assert caught.value.problems == [
        'format: missing: a runstrength export has "format": "runstrength"',
        "version: missing: this runstrength reads version 1",
    ]
    document |= {"format": "runstrength", "version": 1}
    with pytest.raises(InterchangeError) as caught:
        from_document(document)
    problems = caught.value.problems
    leaks = [p for p in problems if PYTHON_WORDS.search(p)]
    assert leaks == []
    assert 'sessions[0].status: null must be "completed" or "partial"' in problems
    assert 'sessions[1].status: true must be "completed" or "partial"' in problems
    assert 'sessions[0].sets[0].side: "up" must be null, "left" or "right"' in problems
    assert "sessions[0].sets[0].set: true must be a whole number from 1 to 100" in problems
    assert "sessions[1].stretches[0].skipped: null must be true or false" in problems
    assert (
        "sessions[1].stretches[0].completed_at: "
        "missing: must be a date and time with its UTC offset (YYYY-MM-DDTHH:MM:SS+HH:MM)"
        in problems
    )
    assert "sessions[0].date: 2026-02-30 is not a real date: February 2026 has 28 days" in problems


def test_a_wrong_format_names_the_value_as_written_and_the_one_expected() -> None:
    with pytest.raises(InterchangeError) as caught:
        from_document({"format": "other", "version": "1"})
    assert caught.value.problems == [
        'format: "other" is not "runstrength": the file is not a runstrength export',
        'version: "1" is text: this runstrength reads version 1, unquoted',
    ]


@pytest.mark.parametrize(
    ("version", "said"),
    [
        (0, "version: 0 is not 1, the version this runstrength reads"),
        (1.0, "version: 1.0 is not 1, the version this runstrength reads"),
        (2, "version: 2 is newer than this runstrength reads (version 1): update runstrength"),
    ],
)
def test_a_wrong_version_says_which_one_is_read(version: object, said: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        from_document({"format": "runstrength", "version": version})
    [problem] = caught.value.problems
    assert problem.startswith(said)
