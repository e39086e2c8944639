"""The interchange reader takes only what the app itself would have written."""

from __future__ import annotations

from typing import Any

import pytest

from runstrength.core.interchange import InterchangeError, from_document


def document(**session_changes: Any) -> dict[str, Any]:
    session: dict[str, Any] = {
        "id": "s1",
        "date": "2026-10-01",
        "program": "endurance",
        "started_at": "2026-10-01T07:00:00+01:00",
        "ended_at": None,
        "status": "completed",
        "sets": [
            {
                "exercise": "glute-bridge",
                "set": 1,
                "side": None,
                "target_reps": 15,
                "reps": 15,
                "band": None,
                "seconds": None,
                "completed_at": "2026-10-01T07:10:00Z",
            }
        ],
    }
    sets = session_changes.pop("set", {})
    session["sets"][0].update(sets)
    session.update(session_changes)
    return {"format": "runstrength", "version": 1, "sessions": [session], "schedule": []}


def problems(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(InterchangeError) as refused:
        from_document(doc)
    return refused.value.problems


def test_a_plain_document_reads() -> None:
    [session], _ = from_document(document())
    assert session.sets[0].reps == 15


@pytest.mark.parametrize(
    ("changes", "path", "said"),
    [
        ({"set": {"reps": 2**70}}, "sessions[0].sets[0].reps", "from 0 to 1000"),
        ({"set": {"set": 101}}, "sessions[0].sets[0].set", "from 1 to 100"),
        ({"set": {"seconds": 86_401}}, "sessions[0].sets[0].seconds", "from 0 to 86400"),
        ({"set": {"reps": 1.5e19}}, "sessions[0].sets[0].reps", "whole number"),
        ({"program": "[/]"}, "sessions[0].program", "must be a lowercase hyphenated id"),
        ({"id": "a\nb"}, "sessions[0].id", "U+000A"),
        ({"set": {"band": "red\u001b"}}, "sessions[0].sets[0].band", "band name"),
        ({"date": "20261001"}, "sessions[0].date", "YYYY-MM-DD"),
        ({"started_at": "20261001T070000+0100"}, "sessions[0].started_at", "UTC offset"),
        ({"started_at": "2026-10-01 07:00:00+01:00"}, "sessions[0].started_at", "UTC offset"),
    ],
)
def test_values_no_app_would_write_are_refused(
    changes: dict[str, Any], path: str, said: str
) -> None:
    found = problems(document(**changes))
    assert any(p.startswith(f"{path}: ") and said in p for p in found), found


def test_dates_outside_the_years_of_a_training_log_are_refused() -> None:
    doc = document()
    doc["schedule"] = [{"date": "9999-12-31", "program": "endurance"}]
    assert problems(doc) == ["schedule[0].date: 9999-12-31 is outside the years 1970-2199"]


def test_true_is_no_version() -> None:
    doc = document()
    doc["version"] = True
    assert problems(doc) == ["version: true is not 1, the version this runstrength reads"]


def test_a_document_of_another_kind_is_named_so() -> None:
    assert problems({"meta": {"1": 5}})[0] == (
        'format: missing: a runstrength export has "format": "runstrength"'
    )


def test_a_long_value_is_quoted_short() -> None:
    [problem] = problems(document(program="x" * 10_000))
    assert len(problem) < 120
