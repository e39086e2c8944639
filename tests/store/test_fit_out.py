"""FIT files out: every exported file opens cleanly in Garmin's SDK and in fitdecode (which
shares no code with it), with a valid CRC, and holds every set exactly as logged."""

from __future__ import annotations

import io
import itertools
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, cast

import fitdecode
import pytest

from runstrength.cli import main
from runstrength.core.catalogue import Catalogue
from runstrength.core.errors import ValidationError
from runstrength.core.fit_map import FitExercise, fit_map_from_data, unmapped, workout_steps
from runstrength.core.plan import RestStep, SetStep, StretchStep, WarmupStep, build_plan
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.core.settings import Settings
from runstrength.store import TrainingLog, load_programs
from runstrength.store.fit_out import (
    activity_bytes,
    fit_numbers,
    load_fit_map,
    workout_bytes,
)
from tests.sample_history import sample_history

TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 23, 7, 2, 11, tzinfo=TZ)


def garmin(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """The messages as Garmin's SDK reads them; fails on any error or a bad CRC."""
    from garmin_fit_sdk import Decoder, Stream

    assert Decoder(Stream.from_byte_array(bytearray(data))).is_fit()
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(enable_crc_check=True)
    assert errors == []
    return cast(dict[str, list[dict[str, Any]]], messages)


def fitdecoded(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """The messages as fitdecode reads them, its CRC check on (it raises on a bad one)."""
    found: dict[str, list[dict[str, Any]]] = {}
    crc_checked = False
    with fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.ENABLED,
        error_handling=fitdecode.ErrorHandling.RAISE,
    ) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                found.setdefault(frame.name, []).append(
                    {f.name: f.value for f in frame.fields if f.value is not None}
                )
            elif isinstance(frame, fitdecode.FitCRC):
                crc_checked = True
    assert crc_checked
    return found


def logged_set(
    exercise: str,
    minute: float,
    *,
    reps: int | None = None,
    seconds: int | None = None,
    side: str | None = None,
    took: int | None = 50,
) -> SetRecord:
    done = START + timedelta(minutes=minute)
    return SetRecord(
        exercise=exercise,
        set=1,
        side=side,  # type: ignore[arg-type]
        target_reps=20 if reps is not None else None,
        reps=reps,
        band=None,
        seconds=seconds,
        completed_at=done,
        started_at=None if took is None else done - timedelta(seconds=took),
        target_seconds=30 if seconds is not None else None,
    )


@pytest.fixture(scope="module")
def fit_map() -> dict[str, FitExercise]:
    return load_fit_map()


def test_every_catalogue_exercise_has_a_fit_category(catalogue: Catalogue, fit_map) -> None:
    assert unmapped(catalogue, fit_map) == []
    for ident in catalogue.exercises:
        category, _name = fit_numbers(fit_map[ident])  # a real FIT category and name
        assert category != 65534, f"{ident} is mapped to FIT's 'unknown'"
    for exercise in fit_map.values():
        fit_numbers(exercise)


def test_a_bad_mapping_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        fit_map_from_data(
            {"a": {"category": "Plank"}, "b": "plank", "c": {"category": "plank", "x": 1}},
            "fit.toml",
        )
    assert len(refused.value.problems) == 3
    with pytest.raises(ValueError, match="not a FIT exercise category"):
        fit_numbers(FitExercise("yoga_flow"))
    with pytest.raises(ValueError, match="not a FIT plank exercise"):
        fit_numbers(FitExercise("plank", "floating_plank"))


def a_session(effort: int | None = 6) -> SessionRecord:
    sets = [
        logged_set("glute-bridge", 10, reps=18),
        logged_set("glute-bridge", 12, reps=17, took=None),  # an older log: no start
        logged_set("side-plank", 15, seconds=30, side="left", took=30),
        logged_set("side-plank", 15.75, seconds=28, side="right", took=None),
        logged_set("retired-move", 20, reps=15),  # no longer in the catalogue
    ]
    return SessionRecord(
        SessionInfo("a1", "endurance", START),
        "completed",
        START + timedelta(minutes=36),
        sets,
        effort=effort,
    )


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


@pytest.mark.parametrize("decode", [garmin, fitdecoded])
def test_a_session_as_an_activity_file(decode, fit_map) -> None:
    session = a_session()
    messages = decode(activity_bytes(session, fit_map))
    key = "" if decode is fitdecoded else "_mesgs"

    def of(name: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = messages.get(name + key, [])
        return found

    [file_id] = of("file_id")
    assert file_id["type"] == "activity"
    [sport] = of("sport")
    assert (sport["sport"], sport["sub_sport"]) == ("training", "strength_training")
    [fit_session] = of("session")
    [lap] = of("lap")
    [activity] = of("activity")
    for summary in (fit_session, lap):
        assert summary["sport"] == "training"
        assert summary["sub_sport"] == "strength_training"
        assert summary["start_time"] == _utc(START)
        assert summary["timestamp"] == _utc(START + timedelta(minutes=36))
        assert summary["total_timer_time"] == 36 * 60
        assert summary["total_elapsed_time"] == 36 * 60
    assert fit_session["workout_rpe"] == 60
    assert activity["num_sessions"] == 1
    assert activity["total_timer_time"] == 36 * 60

    sets = of("set")
    active = [s for s in sets if s["set_type"] == "active"]
    assert len(active) == len(session.sets)
    for fit_set, record in zip(active, session.sets, strict=True):
        assert fit_set["timestamp"] == _utc(record.completed_at)
        assert fit_set.get("repetitions") == record.reps
        if record.started_at is not None:
            assert fit_set["start_time"] == _utc(record.started_at)
            assert fit_set["duration"] == (record.completed_at - record.started_at).total_seconds()
        elif record.seconds:
            assert fit_set["duration"] == record.seconds
        else:  # its start is not known: FIT leaves its timing out, never a length of 0
            assert "start_time" not in fit_set
            assert "duration" not in fit_set
    # Hand-worked rests (minutes:seconds after the start):
    #   glute bridge 2 logged no start and no seconds: its start, and the rest before it,
    #   are not known, so there is none
    #   side plank left began 30 s before its end: 12:00-14:30 = 150
    #   side plank right held 28 s up to 15:45, so began 15:17: 15:00-15:17 = 17
    #   the retired move began 50 s before 20:00: 15:45-19:10 = 205
    rests = [s for s in sets if s["set_type"] == "rest"]
    assert [r["duration"] for r in rests] == [150.0, 17.0, 205.0]
    # Every moment between the first set's start and the last set's end is a set or a rest,
    # but for the rest before a set whose start is not known.
    for before, after in itertools.pairwise(sets):
        if "start_time" in after:
            assert before["timestamp"] == after["start_time"]
    categories = [s["category"] for s in active]
    assert categories == ["hip_raise", "hip_raise", "plank", "plank", "unknown"]


def test_an_unrated_session_has_no_rpe(fit_map) -> None:
    [fit_session] = garmin(activity_bytes(a_session(effort=None), fit_map))["session_mesgs"]
    assert "workout_rpe" not in fit_session


def test_a_year_of_sessions_exports_cleanly(fit_map, catalogue) -> None:
    program = load_programs(catalogue).get("endurance")
    assert program is not None
    year = sample_history(program, ("red", "green"), until=date(2026, 11, 23), weeks=52, zone=TZ)
    for session in year[::10]:
        data = activity_bytes(session, fit_map)
        for decode, key in ((garmin, "set_mesgs"), (fitdecoded, "set")):
            sets = [s for s in decode(data)[key] if s["set_type"] == "active"]
            assert [(s.get("repetitions"), s["timestamp"]) for s in sets] == [
                (r.reps, _utc(r.completed_at)) for r in session.sets
            ]


@pytest.mark.parametrize("decode", [garmin, fitdecoded])
def test_a_program_as_a_workout(decode, fit_map, catalogue) -> None:
    program = load_programs(catalogue).get("endurance")
    assert program is not None
    settings = Settings()
    plan = build_plan(program, settings, catalogue.warmup)
    steps = workout_steps(plan, fit_map)
    messages = decode(workout_bytes(program.name, program.title, steps))
    key = "" if decode is fitdecoded else "_mesgs"
    [file_id] = messages["file_id" + key]
    assert file_id["type"] == "workout"
    [workout] = messages["workout" + key]
    assert workout["wkt_name"] == program.title
    assert workout["sub_sport"] == "strength_training"
    fit_steps = messages["workout_step" + key]
    wanted = [s for s in plan if isinstance(s, WarmupStep | SetStep | RestStep | StretchStep)]
    assert workout["num_valid_steps"] == len(fit_steps) == len(wanted)
    for fit_step, step in zip(fit_steps, wanted, strict=True):
        if isinstance(step, SetStep):
            entry = step.entry
            assert fit_step["intensity"] == "active"
            assert fit_step["wkt_step_name"].startswith(entry.exercise.name)
            category, _ = fit_numbers(fit_map[entry.exercise.id])
            assert fit_step["exercise_category"] in (category, fit_map[entry.exercise.id].category)
            if entry.exercise.is_hold:
                assert fit_step["duration_type"] == "time"
                assert fit_step["duration_time"] == entry.seconds
            else:
                assert fit_step["duration_type"] == "reps"
                assert fit_step["duration_reps"] == entry.reps
        else:
            assert isinstance(step, WarmupStep | RestStep | StretchStep)
            assert fit_step["duration_type"] == "time"
            assert fit_step["duration_time"] == step.seconds
            intensity = {WarmupStep: "warmup", RestStep: "rest", StretchStep: "cooldown"}
            assert fit_step["intensity"] == intensity[type(step)]


def cli(data: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_fit_writes_one_file_per_session_since_a_day(tmp_path: Path, capsys) -> None:
    log = TrainingLog(tmp_path / "log.json")
    older = SessionRecord(
        SessionInfo("old", "endurance", START - timedelta(days=7)),
        "completed",
        START - timedelta(days=7) + timedelta(minutes=30),
        [logged_set("glute-bridge", 10 - 7 * 24 * 60, reps=20)],
    )
    empty = SessionRecord(SessionInfo("none", "endurance", START + timedelta(days=1)), "partial")
    log.add_sessions([older, a_session(), empty])
    log.close()
    out_dir = tmp_path / "fit"
    code, out, _ = cli(tmp_path, capsys, "export", "--format", "fit", "-o", str(out_dir))
    assert code == 0
    assert "Wrote 2 FIT files" in out
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "2026-11-16-0702-endurance.fit",
        "2026-11-23-0702-endurance.fit",
    ]
    again = tmp_path / "since"
    code, out, _ = cli(
        tmp_path, capsys, "export", "--format", "fit", "-o", str(again), "--since", "2026-11-20"
    )
    assert code == 0
    [only] = list(again.iterdir())
    sets = garmin(only.read_bytes())["set_mesgs"]
    assert sum(1 for s in sets if s["set_type"] == "active") == 5


def test_export_fit_bad_input(tmp_path: Path, capsys) -> None:
    code, _, err = cli(tmp_path, capsys, "export", "--format", "fit")
    assert code == 2
    assert "needs -o DIR" in err
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    code, _, err = cli(tmp_path, capsys, "export", "--format", "fit", "-o", str(a_file))
    assert code == 2
    assert "is a file" in err
    code, _, err = cli(tmp_path, capsys, "export", "--since", "2026-11-01")
    assert code == 2
    assert "--since is for --format fit" in err


def test_programs_export_fit(tmp_path: Path, capsys) -> None:
    target = tmp_path / "endurance.fit"
    code, out, _ = cli(tmp_path, capsys, "programs", "export", "endurance", "--fit", str(target))
    assert code == 0
    assert "FIT workout" in out
    steps = garmin(target.read_bytes())["workout_step_mesgs"]
    assert steps[0]["intensity"] == "warmup"
    code, _, err = cli(tmp_path, capsys, "programs", "export", "nope", "--fit", str(target))
    assert code == 2
    assert 'no program named "nope"' in err
    code, _, err = cli(
        tmp_path, capsys, "programs", "export", "endurance", "--fit", str(tmp_path / "no" / "x.fit")
    )
    assert code == 1
    assert "cannot write" in err


def test_the_apps_own_reader_dates_an_exported_file_in_its_zone(fit_map) -> None:
    from runstrength.store.activities.fit import read_fit

    [read] = read_fit(activity_bytes(a_session(), fit_map), Path("s.fit"))
    assert read.start == START
    assert read.start is not None
    assert read.start.utcoffset() == timedelta(hours=1)
    assert read.duration_s == 36 * 60
    assert not read.is_run  # strength training is not a run: it never counts twice


def test_a_file_name_never_leaves_the_folder() -> None:
    from runstrength.store.fit_out import file_name

    odd = SessionRecord(SessionInfo("x", "../../Etc/Pass wd", START))
    assert file_name(odd) == "2026-11-23-0702-etc-pass-wd.fit"
    assert file_name(SessionRecord(SessionInfo("y", "///", START))) == (
        "2026-11-23-0702-session.fit"
    )


def test_two_sessions_started_in_one_minute_get_two_files(tmp_path: Path, fit_map) -> None:
    from runstrength.store.fit_out import export_sessions

    first = a_session()
    second = SessionRecord(
        SessionInfo("b2", "endurance", START + timedelta(seconds=20)),
        "completed",
        START + timedelta(minutes=40),
        [logged_set("push-up", 30, reps=15)],
    )
    recovery = SessionRecord(
        SessionInfo("r", "endurance", START + timedelta(hours=5), kind="recovery"), "completed"
    )
    done = export_sessions([first, second, recovery], tmp_path, fit_map)
    assert [p.name for p in done.written] == [
        "2026-11-23-0702-endurance.fit",
        "2026-11-23-0702-endurance-b2.fit",
    ]
    assert done.skipped == 1


@pytest.mark.parametrize("decode", [garmin, fitdecoded])
def test_a_set_without_its_start_has_no_timing_not_a_length_of_nothing(decode, fit_map) -> None:
    """An imported set with neither `started_at` nor seconds held: its start and length
    are left out (FIT's invalid value), not written as 0 s."""
    session = a_session()
    messages = decode(activity_bytes(session, fit_map))
    key = "" if decode is fitdecoded else "_mesgs"
    sets = messages["set" + key]
    [unknown] = [s for s in sets if s["timestamp"] == _utc(START + timedelta(minutes=12))]
    assert unknown["set_type"] == "active"
    assert unknown["repetitions"] == 17
    assert "duration" not in unknown
    assert "start_time" not in unknown
    assert all(s.get("duration", 1) > 0 for s in sets)


def set_aside_session() -> SessionRecord:
    """Two sets before 07:04, set aside from 07:05 to 19:00, two sets after, ended 19:06."""
    from runstrength.core.records import Break

    evening = START + timedelta(hours=12)
    sets = [
        logged_set("glute-bridge", 2, reps=18),
        logged_set("glute-bridge", 4, reps=18),
        logged_set("side-plank", 12 * 60 + 2, seconds=30, side="left", took=30),
        logged_set("side-plank", 12 * 60 + 4, seconds=30, side="right", took=30),
    ]
    return SessionRecord(
        SessionInfo("a2", "endurance", START),
        "completed",
        evening + timedelta(minutes=6),
        sets,
        effort=4,
        breaks=[Break(START + timedelta(minutes=5), evening)],
    )


@pytest.mark.parametrize("decode", [garmin, fitdecoded])
def test_a_session_set_aside_pauses_its_timer(decode, fit_map) -> None:
    """The span it was set aside is a pause (timer stop_all, then start), not a rest: its
    timer time is the 11 minutes spent in it, its elapsed time the 12 h 06 min."""
    messages = decode(activity_bytes(set_aside_session(), fit_map))
    key = "" if decode is fitdecoded else "_mesgs"
    [fit_session] = messages["session" + key]
    [lap] = messages["lap" + key]
    [activity] = messages["activity" + key]
    for summary in (fit_session, lap):
        assert summary["total_timer_time"] == 11 * 60
        assert summary["total_elapsed_time"] == (12 * 60 + 6) * 60
    assert activity["total_timer_time"] == 11 * 60
    evening = START + timedelta(hours=12)
    timer = [(e["event_type"], e["timestamp"]) for e in messages["event" + key]]
    assert timer == [
        ("start", _utc(START)),
        ("stop_all", _utc(START + timedelta(minutes=5))),
        ("start", _utc(evening)),
        ("stop_all", _utc(evening + timedelta(minutes=6))),
    ]
    rests = [s for s in messages["set" + key] if s["set_type"] == "rest"]
    # (h:mm:ss after the start) 0:02:00-0:03:10 between the first two sets; 0:04:00-0:05:00,
    # then 12:00:00-12:01:30, the 12 hours between left out; 12:02:00-12:03:30.
    assert [r["duration"] for r in rests] == [70.0, 60.0, 90.0, 90.0]
    assert max(r["duration"] for r in rests) < 12 * 60 * 60
