"""A NamedTuple's last field set aside: equal and hashed as the rest of it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from runstrength.core.records import ResumePoint, SetRecord
from runstrength.store.errors import BadRecord

AT = datetime(2026, 11, 29, 7, 0, tzinfo=UTC)


def test_a_set_is_its_record_whatever_the_log_calls_it() -> None:
    logged = SetRecord("glute-bridge", 1, None, 20, 20, None, None, AT, key="12")
    read_back = logged._replace(key="7")
    assert logged == read_back
    assert (logged != read_back) is False
    assert hash(logged) == hash(read_back)
    assert len({logged, read_back}) == 1
    assert logged != logged._replace(reps=19)
    assert logged != tuple(logged)  # a plain tuple of the same fields is no set


def test_where_a_session_goes_on_leaves_out_the_band_picked() -> None:
    point = ResumePoint("clamshell", 3, 2, "left")
    assert point == point._replace(band="green")
    assert point != point._replace(side="right")


def test_a_malformed_record_is_named_without_the_document() -> None:
    doc = {"id": "x", "reps": [1] * 1000}  # a dict: not hashable itself
    bad = BadRecord(Path("log.json"), "sets", "3", "reps: must be a number", doc)
    assert bad == bad._replace(record=None)
    assert hash(bad) == hash(bad._replace(record={}))
    assert "1, 1" not in repr(bad)
    assert str(bad) == "log.json: sets record 3: reps: must be a number"
