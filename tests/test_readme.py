"""The README says where the app writes, and what it says matches where it really writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from runstrength.paths import DATA_DIR_VARIABLE, resolve_paths

README = Path(__file__).resolve().parents[1] / "README.md"


def start_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("## Start") : text.index("## A session")]


def test_the_start_section_says_where_data_settings_and_logs_live(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start = start_section()
    home = Path("/home/runner")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    paths = resolve_paths(env={})
    linux = re.findall(r"^\| ([^|]+) \| `([^`]+)` \|", start, flags=re.MULTILINE)
    rows = {what.strip(): Path(where.replace("~", str(home))) for what, where in linux}
    assert rows["training log and its backups"] == paths.data_dir
    assert rows["settings (`config.toml`) and your programs"] == paths.config_dir
    assert rows["diagnostics (`runstrength.log`)"] == paths.state_dir
    assert paths.app_log.parent == paths.state_dir


def test_the_start_section_says_how_to_keep_them_elsewhere() -> None:
    start = start_section()
    assert "--data-dir" in start
    assert DATA_DIR_VARIABLE in start
    assert "runstrength config path" in start


def test_the_settings_example_is_the_file_a_new_config_starts_from() -> None:
    from runstrength.config import template

    text = README.read_text(encoding="utf-8")
    assert f"```toml\n{template()}```\n" in text
