"""`runs list` fits the terminal as `history` does: no row wraps, the title is cut
short with "…"; into a pipe (no $COLUMNS) every word is kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runstrength.cli import main
from runstrength.cli.runs_table import short_time, table_lines
from runstrength.core.runs import Activity
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog

TITLE = "Half Marathon 21.1 km with friends along the river path"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)
    log = TrainingLog(tmp_path / "log.json")
    RunLog(log).add(
        [
            Activity(
                "",
                start.date(),
                title=TITLE,
                start=start,
                distance_m=21097,
                duration_s=6000,
                avg_hr=151,
            ),
            Activity(
                "",
                start.date() - timedelta(days=1),
                title="Easy\nrun",
                start=start - timedelta(days=1),
                distance_m=8000,
                duration_s=2400,
            ),
        ]
    )
    log.close()
    return tmp_path


@pytest.mark.parametrize("columns", [100, 80, 72])
def test_runs_list_fits_the_terminal(
    columns: int, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["--data-dir", str(data), "runs", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all(len(line) <= columns for line in lines), lines
    assert lines[0].split()[-2:] == ["HR", "TITLE"]
    assert lines[2].endswith("…")
    assert " 151  Half" in lines[2]
    assert lines[1].split()[-2:] == ["Easy", "run"]


def test_runs_list_into_a_pipe_keeps_every_word(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert main(["--data-dir", str(data), "runs", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].endswith(TITLE)
    assert "1 h 40 min" in lines[2]
    assert "  21.1 km  " in lines[2]
    assert "  8 km  " in lines[1]


def test_the_table_says_less_before_it_cuts_the_title() -> None:
    row = ("id", "2026-11-26", "07:00", "running", "race", "21.1 km", "1 h 40 min", "151", "Half")
    short = (
        "id",
        "2026-11-26",
        "07:00",
        "running",
        "race",
        "21.1",
        short_time(6000),
        "151",
        "Half",
    )
    assert short_time(2400) == "0:40"
    wide = table_lines([row], [short], None)
    assert wide[1].endswith("1 h 40 min  151  Half")
    narrow = table_lines([row], [short], 66)
    assert narrow[0].split()[5] == "KM"
    assert narrow[1].endswith("21.1  1:40  151  Half")
