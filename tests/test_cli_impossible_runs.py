"""An activity no one can have done (a watch with its clock unset, dated at the FIT
epoch; a corrupt record of 480 hours at 250 bpm over 14,100 km) is named with why and not
imported, as one dated in the future is; the others are, and the exit code is 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runstrength.core.run_limits import impossible_reason
from runstrength.core.runs import Activity
from tests.activity_files import fit_bytes

COMMAND = str(Path(sys.executable).with_name("runstrength"))
START = datetime.now(UTC).replace(microsecond=0) - timedelta(days=30)


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    return subprocess.run(
        [COMMAND, "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_impossible_files_are_named_and_left_out(tmp_path: Path) -> None:
    watch = tmp_path / "watch"
    watch.mkdir()
    (watch / "good.fit").write_bytes(fit_bytes(START, 2400, 8000, avg_hr=140))
    (watch / "corrupt.fit").write_bytes(
        fit_bytes(START - timedelta(days=25), 480 * 3600, 14_100_000, avg_hr=250)
    )
    epoch = datetime(1989, 12, 31, 0, 10, tzinfo=UTC)
    (watch / "unset.fit").write_bytes(fit_bytes(epoch, 1800, 5000))
    done = run(tmp_path / "data", "runs", "import", str(watch))
    assert done.returncode == 1
    errors = done.stderr.splitlines()
    assert any(
        "corrupt.fit lasts 480 hours: no activity lasts over 168" in line for line in errors
    ), errors
    assert any("unset.fit is dated 1989-12-31, before 2000" in line for line in errors), errors
    assert errors[-1] == (
        "runstrength: 2 activities not imported: in the future or impossible (see above)"
    )
    assert "Imported 1 run " in done.stdout
    listed = json.loads(run(tmp_path / "data", "runs", "list", "--json").stdout)
    assert [a["distance_m"] for a in listed] == [8000]


def done(**values: object) -> Activity:
    return Activity("x", START.date(), start=START, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("activity", "why"),
    [
        (done(duration_s=480 * 3600), "lasts 480 hours"),
        (done(avg_hr=250), "average heart rate of 250 bpm"),
        (done(distance_m=14_100_000), "is 14100 km long"),
        (
            Activity("x", START.date(), start=datetime(1989, 12, 31, tzinfo=UTC)),
            "is dated 1989-12-31, before 2000",
        ),
    ],
)
def test_what_no_activity_can_be(activity: Activity, why: str) -> None:
    reason = impossible_reason(activity)
    assert reason is not None
    assert why in reason


@pytest.mark.parametrize(
    "activity",
    [
        done(duration_s=150 * 3600, distance_m=330_000),  # a mountain ultra
        done(distance_m=42_195, duration_s=2 * 3600),  # a marathon at world-record pace
        done(avg_hr=195),
        done(sport="cycling", distance_m=50_000, duration_s=3600),
        done(planned=True, duration_s=480 * 3600),
    ],
)
def test_what_runners_do_is_kept(activity: Activity) -> None:
    assert impossible_reason(activity) is None
