"""Content parsed at an earlier start: reused by its whole text, validated every time."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import orjson
import pytest

from runstrength.config import template
from runstrength.core.catalogue import Catalogue
from runstrength.factory import build_context
from runstrength.paths import Paths
from runstrength.store import ParsedToml, ProgramLibrary, load_catalogue, load_programs
from runstrength.store import parsed as parsed_module
from tests.doubles import SilentPlayer

HILLS = """\
name = "hills"
title = "Hill strength"
goal = "endurance"

[[exercise]]
id = "glute-bridge"
sets = 1
reps = 15
"""

# Valid TOML, but not a valid program: the rep count is out of range on line 8.
BAD_REPS = HILLS.replace("reps = 15", "reps = 99")


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, any TOML parse fails the test: what loads must come from the file."""

    def refuse(text: str) -> dict[str, object]:
        raise AssertionError("parsed again")

    monkeypatch.setattr("tomllib.loads", refuse)


def load(paths: Paths) -> tuple[Catalogue, ProgramLibrary]:
    parsed = ParsedToml(paths.parsed_content)
    catalogue = load_catalogue(parsed)
    programs = load_programs(catalogue, paths.programs_dir, parsed)
    parsed.save()
    return catalogue, programs


def user_program(paths: Paths, name: str, text: str) -> Path:
    paths.programs_dir.mkdir(parents=True, exist_ok=True)
    path = paths.programs_dir / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_start_gets_the_same_content_without_parsing(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_program(paths, "hills", HILLS)
    fresh = (load_catalogue(), load_programs(load_catalogue(), paths.programs_dir))
    first = load(paths)
    assert paths.parsed_content.is_file()
    no_parsing(monkeypatch)
    second = load(paths)
    assert first[0] == second[0] == fresh[0]
    assert first[1] == second[1] == fresh[1]
    assert "hills" in second[1].programs


def test_reused_data_is_still_validated(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    path = user_program(paths, "hills", BAD_REPS)
    _, first = load(paths)
    [problem] = first.invalid[str(path)]
    assert problem == "line 8: exercise #1 (glute-bridge): reps: 99 is outside 15-20"
    no_parsing(monkeypatch)
    _, second = load(paths)
    assert second.invalid == first.invalid
    assert "hills" not in second.programs


def test_an_edited_file_is_parsed_again_and_the_old_text_forgotten(paths: Paths) -> None:
    path = user_program(paths, "hills", HILLS)
    load(paths)
    before = set(orjson.loads(paths.parsed_content.read_bytes())["texts"])
    path.write_text(HILLS.replace("Hill strength", "Hills, harder"), encoding="utf-8")
    _, programs = load(paths)
    hills = programs.get("hills")
    assert hills is not None
    assert hills.title == "Hills, harder"
    after = set(orjson.loads(paths.parsed_content.read_bytes())["texts"])
    assert len(after) == len(before)
    assert len(after - before) == 1


def test_text_that_is_not_toml_is_reported_as_before(paths: Paths) -> None:
    path = user_program(paths, "hills", "name = \n")
    for _ in range(2):
        _, programs = load(paths)
        [problem] = programs.invalid[str(path)]
        assert "not valid TOML" in problem


# Format 1 kept the data under a hash of the text: such a file is parsed again and rewritten.
FORMAT_1 = b'{"format": 1, "texts": {"5d41402abc4b2a76b9719d911017c592": {"name": "stale"}}}'


@pytest.mark.parametrize(
    "content", [b"", b"{not json", b'{"format": 0, "texts": {}}', b"[]", FORMAT_1]
)
def test_a_damaged_or_older_file_only_means_parsing_again(paths: Paths, content: bytes) -> None:
    paths.parsed_content.parent.mkdir(parents=True)
    paths.parsed_content.write_bytes(content)
    catalogue, programs = load(paths)
    assert catalogue == load_catalogue()
    assert set(programs.programs) == {"endurance", "sprint"}
    saved = orjson.loads(paths.parsed_content.read_bytes())
    assert saved["format"] == parsed_module.FORMAT
    assert len(saved["texts"]) == 6  # four content files and two built-in programs
    assert all(
        isinstance(data, dict) and data != {"name": "stale"} for data in saved["texts"].values()
    )


def test_values_json_cannot_hold_exactly_are_parsed_each_time(tmp_path: Path) -> None:
    text = 'when = 2026-11-23\nfar = inf\nname = "x"\n'
    parsed = ParsedToml(tmp_path / "parsed.json")
    assert parsed.loads(text) == tomllib.loads(text)
    parsed.save()
    assert not (tmp_path / "parsed.json").exists()
    again = ParsedToml(tmp_path / "parsed.json")
    assert again.loads(text) == tomllib.loads(text)


def test_a_folder_that_cannot_be_written_does_not_stop_a_start(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be")
    parsed = ParsedToml(blocker / "parsed.json")
    catalogue = load_catalogue(parsed)
    parsed.save()  # logged, not raised
    assert catalogue == load_catalogue()


def test_the_app_keeps_its_parsed_content_in_the_state_dir(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_context(paths, sound=SilentPlayer())
    first.log.close()
    assert paths.parsed_content.parent == paths.state_dir
    assert paths.parsed_content.is_file()
    no_parsing(monkeypatch)
    second = build_context(paths, sound=SilentPlayer())
    second.log.close()
    assert second.catalogue == first.catalogue
    assert second.programs == first.programs


def test_the_settings_file_is_remembered_too_until_it_changes(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(template().replace("rest_seconds = 45", "rest_seconds = 60"))
    first = build_context(paths, sound=SilentPlayer())
    first.log.close()
    assert first.settings.rest_seconds == 60
    with monkeypatch.context() as patched:
        no_parsing(patched)
        second = build_context(paths, sound=SilentPlayer())
        second.log.close()
    assert second.settings == first.settings
    # Edited: read afresh, the old text's values are not used.
    paths.config_file.write_text(paths.config_file.read_text().replace("= 60", "= 90"))
    third = build_context(paths, sound=SilentPlayer())
    third.log.close()
    assert third.settings.rest_seconds == 90


def test_a_start_with_every_text_remembered_never_loads_tomllib(paths: Paths) -> None:
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(template())
    build_context(paths, sound=SilentPlayer()).log.close()
    script = (
        "import sys\n"
        "from runstrength.factory import build_context\n"
        "from runstrength.paths import resolve_paths\n"
        "build_context(resolve_paths(sys.argv[1])).log.close()\n"
        "print('tomllib' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(paths.data_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["False"]
