"""Fault injection: the installed app, killed with SIGKILL at random points, loses no saved set.

Each round starts `runstrength` in a tmux pane, resumes the interrupted session (or
starts one), logs a few sets by keys, and kills the process right after a set is done,
often while that set is being written. Every set the screen reported as saved must be
in the log afterwards, exactly once, and the files must be valid.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from runstrength.store import TrainingLog, load_catalogue
from tests.e2e.test_tmux import returning_user

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

COMMAND = Path(sys.executable).with_name("runstrength")
ROUNDS = 6
SAVED = re.compile(r"✓ (.+?) set (\d+)(?: \((left|right)\))? saved")


class Pane:
    """One tmux session on a private socket, running one process."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def start(self, command: str) -> None:
        self.tmux("new-session", "-d", "-s", "rs", "-x", "100", "-y", "30", command)

    def pid(self) -> int:
        return int(self.tmux("list-panes", "-t", "rs", "-F", "#{pane_pid}").split()[0])

    def key(self, key: str) -> None:
        self.tmux("send-keys", "-t", "rs", key)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "rs")

    def wait(self, predicate, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.02)
        raise AssertionError(f"the screen never changed as expected:\n{self.screen()}")


@pytest.fixture
def pane() -> Iterator[Pane]:
    term = Pane(f"runstrength-kill-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    yield term
    term.tmux("kill-server")


def saved_labels(screen: str) -> set[tuple[str, int, str | None]]:
    return {(m[1], int(m[2]), m[3] or None) for m in SAVED.finditer(screen)}


def prompt(screen: str) -> str:
    for text in (
        "A session was interrupted",
        "start the session",
        "start the first exercise",
        "begin the first set",
        "set done",
        "end the hold now",
        "start the next set now",
        "done stretching",
        "back to home",
    ):
        if text in screen:
            return text
    return ""


def where_line(screen: str) -> str:
    """The line that says where in the session the app is (exercise, set, side)."""
    # "Exercise 2 of 7 · Set 1 of 2"; not the band that flashes a phase change ("GO · …")
    lines = screen.splitlines()[1:]
    return next((line for line in lines if " · " in line and "xercise" in line), "")


def one_round(
    pane: Pane, data: Path, rng: random.Random, reported: set[tuple[str, int, str | None]]
) -> None:
    returning_user(data)
    env = f"env -u NO_COLOR -u TEXTUAL_THEME RUNSTRENGTH_DATA_DIR={data}"
    pane.start(f"exec {env} {COMMAND}")
    screen = pane.wait(lambda s: prompt(s) in ("A session was interrupted", "start the session"))
    sets_to_do = rng.randint(1, 3)
    while True:
        where = prompt(screen)
        if where in ("set done", "end the hold now"):
            if where == "set done":
                for _ in range(rng.randint(1, 3)):
                    pane.key("Space")
            before = saved_labels(screen)
            sets_to_do -= 1
            pane.key("Enter")
            if sets_to_do == 0:
                time.sleep(rng.uniform(0, 0.03))  # often while the set is being written
                last_look = pane.screen()
                os.kill(pane.pid(), signal.SIGKILL)
                reported |= saved_labels(last_look)
                return
            screen = pane.wait(lambda s, b=before: bool(saved_labels(s) - b))
            reported |= saved_labels(screen)
        else:
            skips = {"start the first exercise": "S", "start the next set now": "s"}
            skips["done stretching"] = "s"
            pane.key(skips.get(where, "Enter"))
            here = (where, where_line(screen))
            screen = pane.wait(
                lambda s, h=here: prompt(s) != "" and (prompt(s), where_line(s)) != h
            )


def test_sigkill_at_random_points_never_loses_a_saved_set(pane: Pane, tmp_path: Path) -> None:
    assert COMMAND.exists()
    from tests.old_format import history

    data = tmp_path / "data"
    # Two years behind it (ending two days ago, so today is a training day): the past
    # year is in its own file, as a long-kept log is laid out.
    past = history(104, until=date.today() - timedelta(days=2))
    seed = TrainingLog(data / "log.json")
    seed.add_sessions(past)
    seed.close()
    assert list((data / "years").glob("[0-9]*.json"))
    rng = random.Random(int(os.environ.get("RUNSTRENGTH_KILL_SEED", "4")))
    reported: set[tuple[str, int, str | None]] = set()
    for _ in range(ROUNDS):
        one_round(pane, data, rng, reported)
        deadline = time.monotonic() + 5
        while "rs" in pane.tmux("list-sessions", "-F", "#{session_name}"):
            assert time.monotonic() < deadline, "the killed app's pane is still there"
            time.sleep(0.02)
        if (data / "log.json").exists():
            json.loads((data / "log.json").read_text())  # valid after every kill
    assert reported, "no set was ever reported saved"

    names = {e.id: e.name for e in load_catalogue().exercises.values()}
    log = TrainingLog(data / "log.json")  # opens for writing: folds what the journal holds
    sessions = log.sessions()
    log.close()
    kept = {r.id: len(r.sets) for r in sessions if r.id in {p.id for p in past}}
    assert kept == {r.id: len(r.sets) for r in past}, "a session of the past was lost"
    new = [r for r in sessions if r.id not in kept]
    logged = [(names[s.exercise], s.set, s.side) for r in new for s in r.sets]
    assert reported <= set(logged), f"lost: {reported - set(logged)}"
    assert len(logged) == len(set(logged)), "a set was logged twice"
    on_disk = json.loads((data / "log.json").read_text())
    ids = {r.id for r in new}
    assert len([d for d in on_disk["sets"].values() if d["session"] in ids]) == len(logged)


# --- the log's own writes, killed from outside: a migration and a session's end ---------

MIGRATE = """
import sys
from runstrength.store import TrainingLog
TrainingLog(__import__("pathlib").Path(sys.argv[1])).close()
print("done", flush=True)
"""

END_SESSIONS = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
log = TrainingLog(Path(sys.argv[1]))
now = datetime.now(timezone.utc)
for n in range(10_000):
    info = SessionInfo(f"{sys.argv[2]}-{n}", "endurance", now)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, now))
    print("set", info.id, flush=True)
    log.finish_session(info, "completed", now)
    print("ended", info.id, flush=True)
"""


def killed_after(script: str, seconds: float, *args: str) -> list[str]:
    """Run `script` and SIGKILL it after `seconds` (unless it ended); what it printed."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
    )
    try:
        child.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.stdout is not None
    return child.stdout.read().split("\n")


def test_sigkill_during_the_migration_of_a_long_log_loses_nothing(tmp_path: Path) -> None:
    from tests.old_format import history, write_single_file

    path = tmp_path / "log.json"
    years = history(52 * 6)
    write_single_file(path, years)
    expected = {r.id: len(r.sets) for r in years}
    rng = random.Random(int(os.environ.get("RUNSTRENGTH_KILL_SEED", "4")))
    kills = 0
    for attempt in range(40):
        # Short at first, so that the first starts are cut short; longer later, to finish.
        printed = killed_after(MIGRATE, rng.uniform(0.05, 0.3 + 0.1 * attempt), str(path))
        reader = TrainingLog(path, read_only=True)  # every session once, after every kill
        found = [(r.id, len(r.sets)) for r in reader.sessions()]
        reader.close()
        assert sorted(found) == sorted(expected.items())
        if "done" in printed:
            break
        kills += 1
    else:
        pytest.fail("the migration never finished")
    assert kills, "no start was cut short"
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == 3
    assert (tmp_path / "years").is_dir()


def test_sigkill_during_a_sessions_end_loses_nothing(tmp_path: Path) -> None:
    from tests.old_format import history

    path = tmp_path / "log.json"
    seed = TrainingLog(path)
    seed.add_sessions(history(52 * 3))
    seed.close()
    before = {s.id for s in TrainingLog(path, read_only=True).session_summaries()}
    rng = random.Random(int(os.environ.get("RUNSTRENGTH_KILL_SEED", "4")))
    logged: set[str] = set()
    ended: set[str] = set()
    for round_number in range(8):
        printed = killed_after(END_SESSIONS, rng.uniform(0.3, 1.2), str(path), f"r{round_number}")
        logged |= {line.split()[1] for line in printed if line.startswith("set ")}
        ended |= {line.split()[1] for line in printed if line.startswith("ended ")}
    log = TrainingLog(path)
    sessions = {r.id: r for r in log.sessions()}
    log.close()
    assert ended, "no session ever ended before a kill"
    assert before | logged <= set(sessions), "a saved set or an older session was lost"
    assert all(len(sessions[i].sets) == 1 for i in logged)
    assert all(sessions[i].status == "completed" for i in ended)


# --- commands killed from outside: an import and a repair -------------------------------


def killed_command(seconds: float, *args: str) -> int | None:
    """Run the installed command and SIGKILL it after `seconds`; its exit code, or None
    when it was killed."""
    child = subprocess.Popen(
        [str(COMMAND), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        return child.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return None


def test_sigkill_during_an_import_keeps_all_of_it_or_none(tmp_path: Path) -> None:
    from runstrength.core.interchange import to_document
    from runstrength.store.schedule import Schedule
    from tests.old_format import history

    data = tmp_path / "data"
    seed = TrainingLog(data / "log.json")
    seed.add_sessions(history(4, until=date.today() - timedelta(days=200)))
    seed.close()
    imported = history(52 * 2, until=date.today() - timedelta(days=2))
    document = to_document(imported, [])
    # Many plans: each was once a write of its own, a long window for a kill.
    plans = [date.today() + timedelta(days=10 + 3 * n) for n in range(60)]
    document["schedule"] = [{"date": d.isoformat(), "program": "endurance"} for d in plans]
    source = tmp_path / "export.json"
    source.write_text(json.dumps(document))
    ids = {r.id for r in imported}
    # How long the whole command takes on this machine, on a copy: the kills land within
    # that time (mostly in the import's own part), then later and later until one ends.
    trial = tmp_path / "trial"
    shutil.copytree(data, trial)
    begun = time.monotonic()
    assert killed_command(120, "--data-dir", str(trial), "import", str(source)) == 0
    took = time.monotonic() - begun
    rng = random.Random(int(os.environ.get("RUNSTRENGTH_KILL_SEED", "4")))
    kills = 0
    for attempt in range(30):
        code = killed_command(
            took * rng.uniform(0.3, 0.8) * (1 + attempt / 10),
            "--data-dir",
            str(data),
            "import",
            str(source),
        )
        reader = TrainingLog(data / "log.json", read_only=True)
        found = ids & {s.id for s in reader.session_summaries()}
        planned = [p.day for p in Schedule(reader).between()]
        reader.close()
        assert found in (set(), ids), f"{len(found)} of {len(ids)} sessions after a kill"
        assert planned in ([], plans), f"{len(planned)} of {len(plans)} plans after a kill"
        assert (found == ids) == (planned == plans), "sessions without their plans"
        if code is not None:
            assert code == 0
            assert found == ids
            break
        kills += 1
    else:
        pytest.fail("the import never finished")
    assert kills, "no import was cut short"


def test_sigkill_during_a_repair_loses_no_record(tmp_path: Path) -> None:
    from tests.old_format import history

    data = tmp_path / "data"
    path = data / "log.json"
    seed = TrainingLog(path)
    seed.add_sessions(history(20, until=date.today() - timedelta(days=2)))
    seed.close()
    tables = json.loads(path.read_text())
    keys = sorted(tables["sets"], key=int)
    bad = set(keys[::7])
    for key in bad:
        tables["sets"][key]["reps"] = "many"
    path.write_text(json.dumps(tables))
    good = {k: doc for k, doc in tables["sets"].items() if k not in bad}
    malformed = {json.dumps(tables["sets"][k], sort_keys=True) for k in bad}
    rng = random.Random(int(os.environ.get("RUNSTRENGTH_KILL_SEED", "4")))
    kills = 0
    for attempt in range(30):
        code = killed_command(
            rng.uniform(0.05, 0.2 + 0.05 * attempt), "--data-dir", str(data), "doctor", "--repair"
        )
        now = json.loads(path.read_text())  # valid after every kill
        assert {k: now["sets"].get(k) for k in good} == good, "a sound set was lost"
        aside = {
            json.dumps(r["record"], sort_keys=True)
            for kept in data.glob("set-aside-*.json")
            for r in json.loads(kept.read_text())["records"]
        }
        still = {json.dumps(d, sort_keys=True) for k, d in now["sets"].items() if k in bad}
        assert malformed <= aside | still, "a malformed record was lost, not set aside"
        if code is not None:
            assert code == 0
            assert not still
            break
        kills += 1
    else:
        pytest.fail("the repair never finished")
    assert kills, "no repair was cut short"
