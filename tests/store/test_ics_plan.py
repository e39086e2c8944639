"""Which calendar events become planned runs: runs are runs, rides and swims keep their
sport, strength and yoga are left out, and runstrength's own exported sessions too."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from runstrength.core.codec import ScheduledDay
from runstrength.store.ics import schedule_to_ics
from runstrength.store.ics_plan import read_plan, sport_of_event

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("title", "sport"),
    [
        ("Easy 8 km", "running"),
        ("Long run 24 km", "running"),
        ("6x800 intervals", "running"),
        ("Pre-race shakeout", "running"),
        ("Tuesday", "running"),
        ("Coach's session", "running"),
        ("Hill sprints + core", "running"),
        ("Bike intervals", "cycling"),
        ("Swim 10x100", "swimming"),
        ("Brick: bike 40 km + run 5 km", "running"),
        ("Bike 60 min", "cycling"),
        ("Easy spin", "cycling"),
        ("Swim 2 km", "swimming"),
        ("Pool swim", "swimming"),
        ("Recovery walk", "walking"),
        ("Strength & mobility", None),
        ("Strength session: endurance", None),
        ("Gym", None),
        ("Yoga", None),
        ("Pilates", None),
        ("Core + stretching", None),
        ("Cross-train 45 min", None),
        ("XT", None),
        ("Physio", None),
        ("S&C", None),
    ],
)
def test_the_sport_of_an_event(title: str, sport: str | None) -> None:
    assert sport_of_event(title) == sport


def calendar(*events: tuple[str, str]) -> bytes:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART;VALUE=DATE:20261203\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n"
        for uid, title in events
    )
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//coach//EN\r\n{body}END:VCALENDAR\r\n".encode()
    )


def test_only_runs_are_runs_and_our_own_sessions_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    path.write_bytes(
        calendar(
            ("a@coach", "Easy 8 km"),
            ("b@coach", "Bike 60 min"),
            ("c@coach", "Swim 2 km"),
            ("d@coach", "Strength & mobility"),
            # runstrength's export, taken into the same calendar: its UID says so.
            ("2026-12-04@runstrength", "Strength session: endurance"),
        )
    )
    plan = read_plan(path, TODAY)
    assert [(a.title, a.sport, a.is_run) for a in plan.runs] == [
        ("Easy 8 km", "running", True),
        ("Bike 60 min", "cycling", False),
        ("Swim 2 km", "swimming", False),
    ]
    assert (plan.not_runs, plan.ours) == (1, 1)


def test_runstrengths_own_export_read_as_a_plan_gives_no_run(tmp_path: Path) -> None:
    path = tmp_path / "strength.ics"
    days = [ScheduledDay(date(2026, 12, 1), "endurance"), ScheduledDay(date(2026, 12, 3), "core")]
    path.write_bytes(schedule_to_ics(days, datetime(2026, 11, 29, 8, 0)))
    plan = read_plan(path, TODAY)
    assert plan.runs == []
    assert plan.ours == 2
