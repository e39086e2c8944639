"""`export --format fit` with no strength session to write says so and makes no folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from runstrength.cli import main
from runstrength.store import TrainingLog
from tests.store.test_fit_out import a_session


@pytest.mark.parametrize("since", [[], ["--since", "2027-01-01"]])
def test_nothing_to_export_makes_no_folder(
    since: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if since:  # a session there is, before the day asked for
        log = TrainingLog(tmp_path / "log.json")
        log.add_sessions([a_session()])
        log.close()
    out_dir = tmp_path / "fit"
    args = ["--data-dir", str(tmp_path), "export", "--format", "fit", "-o", str(out_dir)]
    assert main([*args, *since]) == 0
    after = " since 2027-01-01" if since else ""
    said = capsys.readouterr().out
    assert said == f"Nothing to export: no strength session with a set{after}.\n"
    assert not out_dir.exists()
