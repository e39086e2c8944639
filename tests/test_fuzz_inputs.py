"""Fuzzing what reaches the command line from files: exports, config.toml, program files.

Each example mutates a valid file (a value swapped for a hostile one, a key dropped, the
bytes cut or changed) and runs the command that reads it, in process. Whatever the file
holds: no traceback and no unplanned failure; a refusal is exit 2 on one line (a file
with several problems: one line, then one indented line per problem) and leaves every
file in the data folder byte-identical. A mutation that is still valid may be taken.
About a minute in all.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from runstrength.cli import main
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.core.runs import Activity
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog
from runstrength.store.schedule import Schedule

TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 10, 20, 7, 0, tzinfo=TZ)
PLANNED = date.today() + timedelta(days=30)

CONFIG = """\
goal = "endurance"
program = "hills"
sound = false
rest_seconds = 60
bands = ["yellow", "red"]
weekly_rest_days = ["sunday"]
theme = "textual-dark"
first_run_done = true
long_run_minutes = 90
"""

PROGRAM = """\
name = "hills"
title = "Hill strength [v2]"
goal = "endurance"
rest_seconds = 45

[[exercise]]
id = "glute-bridge"
sets = 2
reps = 15

[[exercise]]
id = "side-plank"
sets = 1
seconds = 30
"""

# Stand-ins replaced after json.dumps: text Python's own writer cannot produce.
RAW = {
    '"@huge@"': "9" * 5000,
    '"@deep@"': "[" * 5000 + "]" * 5000,
    '"@nan@"': "NaN",
    '"@inf@"': "1e999",
}
HOSTILE: list[Any] = [
    *RAW.keys(),
    2**64,
    2**63,
    -(2**64),
    -1,
    0,
    1.5,
    1e300,
    True,
    False,
    None,
    "",
    " ",
    "[/]",
    "Hills [/b]",
    "[@click=app.quit]clickme[/]",
    "\ud800",
    "\u001b[2J",
    "a\nb",
    "x" * 10_000,
    "9999-12-31",
    "0001-01-01",
    "2026-W50-1",
    "20261201",
    "2026-02-30",
    "2026-10-20T07:00:00",
    "not-a-date",
    "many",
    [],
    {},
    [[[]]],
    {"1": 5},
    ["2026-12-24"],
]
for _key in RAW:
    HOSTILE.remove(_key)
    HOSTILE.append(_key.strip('"'))

hostile_values = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with sessions, a plan, a run, settings and a program of one's own."""
    folder = tmp_path_factory.mktemp("template") / "data"
    log = TrainingLog(folder / "log.json")
    for day in range(3):
        started = STARTED + timedelta(days=2 * day)
        info = SessionInfo(f"s{day}", "endurance", started)
        one = SetRecord("glute-bridge", 1, None, 15, 14 + day, "red", None, started)
        held = SetRecord("side-plank", 1, "left", None, None, None, 30, started, target_seconds=30)
        log.log_set(info, one)
        log.log_set(info, held)
        log.finish_session(info, "completed", started + timedelta(minutes=30))
    Schedule(log).add(PLANNED, "endurance")
    RunLog(log).merge(
        [
            Activity(
                id="run-1",
                day=date(2026, 10, 21),
                title="Long run 24 km",
                start=datetime(2026, 10, 21, 9, tzinfo=TZ),
                duration_s=7200.0,
                distance_m=24000.0,
                avg_hr=140.0,
                source="watch.fit",
            )
        ]
    )
    log.close()
    (folder / "config.toml").write_text(CONFIG)
    (folder / "programs").mkdir()
    (folder / "programs" / "hills.toml").write_text(PROGRAM)
    return folder


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as stop:  # argparse
            code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "runstrength.log"
    }


def assert_refusal_or_success(code: int, err: str, before: dict[str, bytes], folder: Path) -> None:
    assert "Traceback" not in err
    assert "unexpected failure" not in err, err
    assert code in (0, 2), err
    if code == 2:
        first, *rest = err.splitlines()
        assert first.startswith("runstrength: "), err
        assert all(line.startswith("  ") for line in rest), err
        assert rest == [] or first.endswith("first:"), err
        assert folder_bytes(folder) == before


def paths_in(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON tree (as keys and indexes), the root's children first."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        yield (*here, key)
        if isinstance(child, dict | list):
            yield from paths_in(child, (*here, key))


def mutated(document: Any, where: tuple[Any, ...], action: str, value: Any) -> Any:
    document = json.loads(json.dumps(document))
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    last = where[-1]
    if action == "drop":
        del parent[last]
    elif action == "wrap":
        parent[last] = [parent[last]]
    else:
        parent[last] = value
    return document


def dumped(document: Any) -> str:
    text = json.dumps(document)
    for stand_in, raw in RAW.items():
        text = text.replace(stand_in, raw)
    return text


@st.composite
def bytes_mutation(draw: st.DrawFn, text: str) -> bytes:
    data = text.encode("utf-8")
    at = draw(st.integers(0, len(data)))
    kind = draw(st.sampled_from(["cut", "insert", "replace"]))
    if kind == "cut":
        return data[:at]
    junk = draw(st.binary(min_size=1, max_size=4))
    return data[:at] + junk + data[at + (len(junk) if kind == "replace" else 0) :]


class Workspace:
    """A fresh copy of the template for each example."""

    def __init__(self, template: Path) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="fuzz-"))
        self.folder = self.root / "data"
        shutil.copytree(template, self.folder)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


EXAMPLES = int(os.environ.get("RUNSTRENGTH_FUZZ_EXAMPLES", "150"))
"""Per test; the three together take about a minute on two cores."""


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@fuzz(EXAMPLES * 3)
@given(data=st.data())
def test_a_mutated_export_is_refused_cleanly_or_imported(
    template: Path, data: st.DataObject
) -> None:
    code, export, _ = run("--data-dir", str(template), "export")
    assert code == 0
    document = json.loads(export)
    if data.draw(st.booleans(), label="byte level"):
        content = data.draw(bytes_mutation(export), label="bytes")
    else:
        where = data.draw(st.sampled_from(list(paths_in(document))), label="where")
        action = data.draw(st.sampled_from(["set", "set", "set", "drop", "wrap"]), label="how")
        value = data.draw(hostile_values, label="value")
        content = dumped(mutated(document, where, action, value)).encode("utf-8")
    with Workspace(template) as space:
        source = space.root / "mutated.json"
        source.write_bytes(content)
        before = folder_bytes(space.folder)
        code, _, err = run("--data-dir", str(space.folder), "import", str(source))
        event("imported" if code == 0 else "refused")
        assert_refusal_or_success(code, err, before, space.folder)
        if code == 0:  # taken: the log still reads, whole
            for command in (["history"], ["export"], ["status"], ["doctor"]):
                again, _, err = run("--data-dir", str(space.folder), *command)
                assert again == 0, (command, err)


def toml_mutations(text: str) -> st.SearchStrategy[bytes]:
    lines = text.splitlines()

    @st.composite
    def line_level(draw: st.DrawFn) -> bytes:
        index = draw(st.integers(0, len(lines) - 1))
        changed = list(lines)
        line = changed[index]
        kind = draw(st.sampled_from(["value", "key", "drop", "duplicate"]))
        if kind == "drop":
            del changed[index]
        elif kind == "duplicate":
            changed.insert(index, line)
        elif "=" in line:
            key, _, _ = line.partition("=")
            if kind == "key":
                changed[index] = f"{json.dumps(draw(st.sampled_from(HOSTILE[10:20])))} = 1"
            else:
                value = draw(hostile_values)
                try:
                    literal = json.dumps(value)
                except ValueError:
                    literal = "9" * 5000
                changed[index] = f"{key.strip()} = {literal}"
        return ("\n".join(changed) + "\n").encode("utf-8")

    return st.one_of(line_level(), bytes_mutation(text))


@fuzz(EXAMPLES)
@given(content=toml_mutations(CONFIG))
def test_a_mutated_config_is_reported_cleanly(template: Path, content: bytes) -> None:
    with Workspace(template) as space:
        (space.folder / "config.toml").write_bytes(content)
        before = folder_bytes(space.folder)
        for command in (["config", "check"], ["config", "show"], ["programs", "list"]):
            code, _, err = run("--data-dir", str(space.folder), *command)
            assert "Traceback" not in err
            assert "unexpected failure" not in err, err
            assert code in (0, 2), err
            assert all(line.startswith("runstrength: ") for line in err.splitlines()), err
        code, _, err = run("--data-dir", str(space.folder), "schedule", "add", "2020-01-01")
        assert code == 2  # a day in the past: refused whatever the settings say
        assert len(err.splitlines()) == 1, err
        assert folder_bytes(space.folder) == before


@fuzz(EXAMPLES)
@given(content=toml_mutations(PROGRAM))
def test_a_mutated_program_file_is_validated_cleanly(template: Path, content: bytes) -> None:
    with Workspace(template) as space:
        mutated_file = space.root / "hills.toml"
        mutated_file.write_bytes(content)
        (space.folder / "programs" / "hills.toml").write_bytes(content)
        before = folder_bytes(space.folder)
        code, out, err = run(
            "--data-dir", str(space.folder), "programs", "validate", str(mutated_file)
        )
        assert "Traceback" not in err
        assert code in (0, 2), err
        if code == 2:
            assert err, "a refusal says why"
            assert all(line.startswith("runstrength: ") for line in err.splitlines()), err
        else:
            assert "valid" in out
        for command in (["programs", "list"], ["programs", "show", "hills"]):
            again, _, err = run("--data-dir", str(space.folder), *command)
            assert "Traceback" not in err
            assert "unexpected failure" not in err, err
            assert again in (0, 2), err
        assert folder_bytes(space.folder) == before
