"""`runs list --from A --to B` refuses a range whose first day is after its last, as
`history` does, and says which days held nothing when the range is just empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from runstrength.cli import main


@pytest.mark.parametrize("json", [[], ["--json"]])
def test_from_after_to_is_refused(
    json: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "--data-dir",
        str(tmp_path),
        "runs",
        "list",
        "--from",
        "2026-12-10",
        "--to",
        "2026-12-01",
    ]
    assert main([*args, *json]) == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == (
        "runstrength: --from 2026-12-10 is after --to 2026-12-01: no day is in between\n"
    )


@pytest.mark.parametrize(
    ("bounds", "said"),
    [
        (["--from", "2026-12-01", "--to", "2026-12-10"], "between 2026-12-01 and 2026-12-10."),
        (["--from", "2026-12-01"], "from 2026-12-01 on."),
        (["--to", "2026-12-10"], "up to 2026-12-10."),
        ([], ". `runstrength runs import PATH` reads your files."),
    ],
)
def test_an_empty_range_is_named(
    bounds: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "runs", "list", *bounds]) == 0
    assert capsys.readouterr().out == f"No runs or other activities {said}\n".replace(" .", ".")


def test_history_says_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--data-dir", str(tmp_path), "history", "--since", "2026-12-10"]
    assert main([*args, "--until", "2026-12-01"]) == 2
    assert "--since 2026-12-10 is after --until 2026-12-01" in capsys.readouterr().err
