"""Runs in a real terminal: import a folder and a running plan with the installed command,
then open the calendar, see the runs and a refusal the day before the long run."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from time import monotonic as time_now
from time import sleep

import pytest

from tests.activity_files import fit_bytes, gpx_text, tcx_text
from tests.e2e.test_tmux import COMMAND, Terminal, returning_user, terminal  # noqa: F401 (the fixture)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def at(offset: int) -> datetime:
    local = datetime.combine(date.today() + timedelta(days=offset), time(7, 30)).astimezone()
    return local.astimezone(UTC)


def test_import_a_folder_and_see_the_runs_in_the_calendar(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    returning_user(data)
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "long.fit").write_bytes(fit_bytes(at(-3), 2 * 3600, 25000, avg_hr=140))
    (folder / "tempo.gpx").write_text(gpx_text(at(-5), 2700, name="Tempo"))
    (folder / "easy.tcx").write_text(tcx_text(at(-6), 1800, 5000))
    long_day = date.today() + timedelta(days=2)
    plan = tmp_path / "plan.ics"
    plan.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//coach//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:long@coach\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:{long_day:%Y%m%d}\r\n"
        "SUMMARY:Long run 28 km\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    for args in (["runs", "import", str(folder)], ["runs", "plan", str(plan)]):
        result = subprocess.run(
            [str(COMMAND), "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    env = f"env -u NO_COLOR -u TEXTUAL_THEME RUNSTRENGTH_DATA_DIR={data}"
    terminal.start(f"{env} {COMMAND}; sleep 5", width=80, height=24)
    terminal.wait_for("Training day")
    terminal.keys("c")
    terminal.wait_for("race · long run")
    # A mark after the day of each run (this month's, whatever today is), once read.
    deadline = time_now() + 20
    while not re.search(r"\d.[LHE]", screen := terminal.screen()) and time_now() < deadline:
        sleep(0.05)
    assert re.search(r"\d.[LHE]", screen), screen
    terminal.keys("Right", "a")  # tomorrow: the day before the long run
    screen = " ".join(terminal.wait_for("Not scheduled").split())
    assert "the day before your planned long run" in screen
    assert "Long run 28 km" in screen
    terminal.keys("Escape", "q")
