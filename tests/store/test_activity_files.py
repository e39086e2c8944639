"""Reading FIT, GPX, TCX (and gzipped), Strava exports: read back exactly, damage named."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import fitdecode
import pytest

from runstrength.store.activities import read_file, scan
from runstrength.store.activities.common import UnreadableFile
from tests.activity_files import fit_bytes, gpx_text, gz, strava_export, tcx_text

START = datetime(2026, 11, 22, 7, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Files with UTC times only are dated in this computer's zone: Berlin, for the tests."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_fit_run_reads_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "run.fit"
    path.write_bytes(fit_bytes(START, 7260, 24010.5, avg_hr=148, zone=timedelta(hours=-5)))
    [run] = read_file(path)
    assert run.start == START
    assert run.start is not None
    assert run.start.utcoffset() == timedelta(hours=-5)
    assert run.day == START.date()
    assert (run.sport, run.duration_s, run.distance_m, run.avg_hr) == (
        "running",
        7260,
        pytest.approx(24010.5),
        148,
    )
    assert run.source == str(path)
    # Read independently with fitdecode: the same session.
    with fitdecode.FitReader(str(path), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        sessions = [
            frame
            for frame in reader
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session"
        ]
    assert sessions[0].get_value("start_time") == START
    assert sessions[0].get_value("total_distance") == pytest.approx(run.distance_m)


def test_fit_without_a_zone_is_dated_in_this_computers_zone(tmp_path: Path) -> None:
    late = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # 00:30 on the 23rd in Berlin
    path = tmp_path / "late.fit.gz"
    path.write_bytes(gz(fit_bytes(late, 1800, 5000)))
    [run] = read_file(path)
    assert run.start == late
    assert run.day == datetime(2026, 11, 23).date()


def test_a_multisport_fit_gives_one_activity_per_sport(tmp_path: Path) -> None:
    path = tmp_path / "tri.fit"
    legs = [("swimming", 1800.0, 0.0), ("transition", 120.0, 0.0), ("cycling", 3600.0, 40000.0)]
    path.write_bytes(fit_bytes(START, 0, 0, sessions=[*legs, ("running", 2400.0, 10000.0)]))
    found = read_file(path)
    assert [a.sport for a in found] == ["swimming", "cycling", "running"]
    assert found[0].distance_m is None  # a swim's distance 0 is unknown, not zero
    assert found[2].start == START + timedelta(seconds=1800 + 120 + 3600)


def test_damaged_fit_files_are_named_with_their_reason(tmp_path: Path) -> None:
    data = fit_bytes(START, 1800, 5000)
    cut = tmp_path / "cut.fit"
    cut.write_bytes(data[:-40])
    with pytest.raises(UnreadableFile, match="cut short"):
        read_file(cut)
    bad = tmp_path / "bad.fit"
    bad.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    with pytest.raises(UnreadableFile, match="bad CRC"):
        read_file(bad)
    # fitdecode agrees on both.
    with pytest.raises(fitdecode.FitEOFError), fitdecode.FitReader(str(cut)) as reader:
        list(reader)
    with (
        pytest.raises(fitdecode.FitCRCError),
        fitdecode.FitReader(str(bad), check_crc=fitdecode.CrcCheck.RAISE) as reader,
    ):
        list(reader)
    text = tmp_path / "notes.fit"
    text.write_text("not a fit file at all")
    with pytest.raises(UnreadableFile, match="not a FIT file"):
        read_file(text)
    broken_gz = tmp_path / "x.fit.gz"
    broken_gz.write_bytes(gz(data)[:-10])
    with pytest.raises(UnreadableFile, match="gzip"):
        read_file(broken_gz)


def test_gpx_reads_back_and_a_gpx_without_times_is_refused(tmp_path: Path) -> None:
    start = START.astimezone(timezone(timedelta(hours=1)))
    path = tmp_path / "run.gpx"
    path.write_text(gpx_text(start, 3000, name="Tempo Tuesday"))
    [run] = read_file(path)
    assert run.start == START
    assert run.start is not None
    assert run.start.utcoffset() == timedelta(hours=1)
    assert run.title == "Tempo Tuesday"
    assert run.duration_s == 3000
    assert run.distance_m == pytest.approx(29 * 111.2, rel=0.01)  # 29 steps of 0.001°
    ride = tmp_path / "ride.gpx.gz"
    ride.write_bytes(gz(gpx_text(START, 3600, kind="cycling").encode()))
    assert read_file(ride)[0].sport == "cycling"
    untyped = tmp_path / "untyped.gpx"
    untyped.write_text(gpx_text(START, 600, kind=None))
    assert read_file(untyped)[0].sport == "running"
    timeless = tmp_path / "timeless.gpx"
    timeless.write_text(gpx_text(None, 0))
    with pytest.raises(UnreadableFile, match="no times"):
        read_file(timeless)
    garbage = tmp_path / "garbage.gpx"
    garbage.write_text("<gpx><trk>")
    with pytest.raises(UnreadableFile, match="not a readable GPX"):
        read_file(garbage)


@pytest.mark.parametrize(
    ("code", "sport"),
    [
        ("9", "running"),
        ("53", "running"),
        ("1", "cycling"),
        ("17", "cycling"),
        ("10", "walking"),
        ("4", "hiking"),
        ("16", "swimming"),
        ("31", "other"),
        (" 9 ", "running"),
    ],
)
def test_stravas_numbered_gpx_types_are_read_as_their_sports(
    tmp_path: Path, code: str, sport: str
) -> None:
    path = tmp_path / "strava.gpx"
    text = gpx_text(START, 1800, kind=code)
    # As Strava writes it: <gpx creator="StravaGPX"> ... <trk><name>Morning Run</name><type>9</type>
    path.write_text(
        text.replace('creator="gpx.py -- https://github.com/tkrajina/gpxpy"', 'creator="StravaGPX"')
    )
    assert 'creator="StravaGPX"' in path.read_text()
    assert read_file(path)[0].sport == sport


def test_tcx_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "run.tcx.gz"
    path.write_bytes(gz(tcx_text(START, 5400, 15000, hr=162).encode()))
    [run] = read_file(path)
    assert run.start == START
    assert (run.sport, run.duration_s, run.distance_m, run.avg_hr) == (
        "running",
        5400,
        15000,
        162,
    )
    other = tmp_path / "other.tcx"
    other.write_text(tcx_text(START, 600, 0, sport="Other"))
    assert read_file(other)[0].sport == "other"


def test_a_strava_export_folder(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    sunday = START + timedelta(days=7)
    strava_export(
        folder,
        [
            ("Sunday long", "Run", START, 7260, 24000, "activities/1.fit.gz"),
            ("Commute", "Ride", START + timedelta(days=1), 1800, 9000, "activities/2.gpx"),
            ("Treadmill", "Run", START + timedelta(days=2), 1800, 6000, ""),
            ("Broken", "Run", START + timedelta(days=3), 1800, 6000, "activities/4.fit"),
            ("Tempo", "Run", sunday, 2400, 8000, "activities/5.tcx"),
        ],
    )
    (folder / "activities" / "1.fit.gz").write_bytes(gz(fit_bytes(START, 7260, 24000)))
    day_two = START + timedelta(days=1)
    (folder / "activities" / "2.gpx").write_text(gpx_text(day_two, 1800, kind=None))
    (folder / "activities" / "4.fit").write_bytes(fit_bytes(START, 60, 100)[:-30])
    (folder / "activities" / "5.tcx").write_text(tcx_text(sunday, 2400, 8000))
    result = scan([folder])
    by_title = {a.title: a for a in result.activities}
    assert set(by_title) == {"Sunday long", "Commute", "Treadmill", "Tempo"}
    assert by_title["Commute"].sport == "cycling"  # the CSV's type wins over the file's
    assert by_title["Sunday long"].distance_m == pytest.approx(24000)
    assert by_title["Treadmill"].start == START + timedelta(days=2)
    assert by_title["Treadmill"].duration_s == 1800
    assert by_title["Treadmill"].distance_m == 6000
    assert [(p.name, "cut short" in why) for p, why in result.failed] == [("4.fit", True)]
    assert result.files == 4  # the files the CSV names, each read once


def test_a_missing_path_and_unknown_files_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "a.fit").write_bytes(fit_bytes(START, 600, 2000))
    result = scan([tmp_path, tmp_path / "nope.gpx"])
    assert len(result.activities) == 1
    assert result.failed == [(tmp_path / "nope.gpx", "does not exist")]


def test_a_strava_export_still_in_its_zip(tmp_path: Path) -> None:
    import zipfile

    folder = tmp_path / "export_123"
    strava_export(
        folder,
        [
            ("Sunday long", "Run", START, 7260, 24000, "activities/1.fit.gz"),
            ("Lost", "Run", START + timedelta(days=1), 600, 2000, "activities/2.gpx"),
            ("Pool", "Swim", START + timedelta(days=2), 1800, 1500, ""),
        ],
    )
    (folder / "activities" / "1.fit.gz").write_bytes(gz(fit_bytes(START, 7260, 24000)))
    archive = tmp_path / "export_123.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(folder / "activities.csv", "activities.csv")
        bundle.write(folder / "activities" / "1.fit.gz", "activities/1.fit.gz")
    result = scan([archive])
    assert [(a.title, a.sport) for a in result.activities] == [
        ("Sunday long", "running"),
        ("Pool", "swimming"),
    ]
    assert result.activities[0].start == START
    assert result.activities[0].source == str(archive / "activities/1.fit.gz")
    assert result.failed == [
        (archive / "activities/2.gpx", "is named in activities.csv but not in the zip")
    ]
    not_strava = tmp_path / "other.zip"
    with zipfile.ZipFile(not_strava, "w") as bundle:
        bundle.writestr("notes.txt", "hello")
    assert "not a Strava export" in scan([not_strava]).failed[0][1]
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK not really")
    assert "not a zip that can be read" in scan([broken]).failed[0][1]


def test_a_watchs_other_fit_files_are_passed_over_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "run.fit").write_bytes(fit_bytes(START, 600, 2000))
    settings = tmp_path / "settings.fit"
    settings.write_bytes(fit_bytes(START, 0, 0, sessions=[], file_type="settings"))
    folder = scan([tmp_path])
    assert len(folder.activities) == 1
    assert folder.failed == []
    alone = scan([settings])
    assert alone.failed == [(settings, "is a FIT settings file, not an activity")]
