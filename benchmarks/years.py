"""Every cost that could grow with the years, at no, ten and thirty years of history,
each beside a bare Textual app measured in the same run.

    python benchmarks/years.py [--runs 9] [--sets 480] [--screens 5]

Histories: an empty data folder, ten years (520 weeks) and thirty years (1,560 weeks)
of the synthetic history in `tests/sample_history.py`, written as an import writes it.
Figures, each row naming the history it was measured on:

- start to first painted frame (`runstrength --data-dir DIR` as the command runs it, in
  a fresh process, headless 80x24, median of `--runs`, interleaved with the bare app's
  runs), ratio against the bare app's first frame;
- home complete: start to the first painted frame that shows the last session and the
  rest-day status (the status's text is looked for in the frame), ratio against the
  bare app's first frame;
- peak memory (max RSS) once home is complete, ratio against the bare app's;
- logging a set (journal + fsync) p50 and p95, beside the floor under it (one line
  appended and fdatasynced on the same disk), and ending a session p95 (journalled, as
  the app's writer ends it), with the fold into the year's file that the writer does
  next once idle, in ms;
- history's first frame after h, and the progress and overview screens complete
  (from the key to their first frame, pressed once the history's table is full), ratio
  against a bare app pushing a screen.

The machine's load average is printed too: timings on a shared machine are noisy, and
only the ratios against the bare app of the same run compare across runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from history import bare_push
from tenyears import write_history

from runstrength.config import save_settings
from runstrength.core.settings import Settings

BARE = """
import time

def peak():
    # VmHWM belongs to this process's memory map; ru_maxrss would carry the parent's
    # peak over the exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def post_display_hook(self):
        if not getattr(self, "painted", False):
            self.painted = True
            now = time.monotonic()
            print(now, now, peak(), flush=True)
            self.call_later(self.exit)

Bare().run(headless=True, size=(80, 24))
"""

RUNSTRENGTH = """
import importlib.abc
import importlib.machinery
import sys
import time

def peak():
    # VmHWM belongs to this process's memory map; ru_maxrss would carry the parent's
    # peak over the exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

# The app is opened as the `runstrength` command opens it (runstrength.cli.main), so the
# command line's own work counts. The marks are set as the modules load, not by importing
# them here first: that would move their loading ahead of what main() does before it.
marks = []
status = []

def on_app(module):
    app = module.RunStrengthApp
    display, run = app._display, app.run

    def _display(self, screen, update):
        # Every frame Textual paints passes here (post_display_hook follows it, and is
        # also called when there is nothing to paint). Home is complete at the first
        # frame that carries the day's status: the time is taken before its text is
        # looked for.
        display(self, screen, update)
        now = time.monotonic()
        if not marks:
            marks.append(now)
        if status and update is not None and status[0] in update.render_segments(self.console):
            print(marks[0], now, peak(), flush=True)
            status.clear()
            self.exit()

    app._display = _display
    app.run = lambda self: run(self, headless=True, size=(80, 24))

def on_home(module):
    shown = module.HomeScreen.show_day_status

    def show_day_status(screen, *args, **kwargs):
        shown(screen, *args, **kwargs)
        if not status:
            status.append(str(screen.query_one("#day-status").render()).splitlines()[0])

    module.HomeScreen.show_day_status = show_day_status

MARKED = {"runstrength.app": on_app, "runstrength.screens.home": on_home}

class Marks(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in MARKED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            MARKED[name](module)

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Marks())
from runstrength.cli import main

sys.exit(main(["--data-dir", sys.argv[1]]))
"""


@dataclass
class Start:
    first: float
    """Seconds from the process start to the first painted frame."""
    complete: float
    """Seconds to home showing the last session and the day's status."""
    rss: float
    """Peak memory then, MiB."""


def started(script: Path, *args: str, env: dict[str, str]) -> Start:
    begun = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(script), *args], check=True, env=env, capture_output=True, text=True
    )
    first, complete, rss = done.stdout.split()[:3]
    return Start(float(first) - begun, float(complete) - begun, int(rss) / 1024)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bare_append(fd: int) -> float:
    """The floor under a logged set: one line appended and fdatasynced, nothing else (ms)."""
    begun = time.perf_counter()
    os.write(fd, b"x" * 400 + b"\n")
    os.fdatasync(fd)
    return (time.perf_counter() - begun) * 1000


def store_costs(data: Path, sets: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """(ms per logged set, ms per session end, ms per fold after an end, ms per bare
    append) on a copy of the data folder, each write as the app's writer applies it
    (`session_write`); the bare appends interleaved, so the disk's mood hits both alike."""
    from runstrength.core.events import SessionEnded, SetCompleted
    from runstrength.core.records import SessionInfo, SetRecord
    from runstrength.paths import resolve_paths
    from runstrength.store import TrainingLog
    from runstrength.store.writer import session_write

    copy = data.with_name(data.name + "-writes")
    shutil.copytree(data, copy)
    log = TrainingLog(resolve_paths(copy).log_file)
    writes: list[float] = []
    ends: list[float] = []
    folds: list[float] = []
    floor: list[float] = []
    floor_fd = os.open(copy / "floor.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    now = datetime.now(timezone(timedelta(hours=1)))
    info = SessionInfo(id="bench-0", program="endurance", started_at=now)
    try:
        for number in range(sets):
            if number % 24 == 0:
                info = SessionInfo(id=f"bench-{number}", program="endurance", started_at=now)
            record = SetRecord("glute-bridge", 1 + number % 2, None, 20, 18, None, None, now)
            begun = time.perf_counter()
            session_write(SetCompleted(info, record))(log)
            writes.append((time.perf_counter() - begun) * 1000)
            floor.append(bare_append(floor_fd))
            if number % 24 == 23:
                begun = time.perf_counter()
                session_write(SessionEnded(info, "completed", now, 24, ()))(log)
                ends.append((time.perf_counter() - begun) * 1000)
                # What the writer does next, once idle: off the session's path.
                begun = time.perf_counter()
                log.fold_if_due()
                folds.append((time.perf_counter() - begun) * 1000)
    finally:
        log.close()
        os.close(floor_fd)
        shutil.rmtree(copy)
    return writes, ends, folds, floor


async def screens(data: Path) -> tuple[float, float, float]:
    """Seconds from h to history's first frame, and from p and o to progress's and
    overview's first frame (each read from the log as the screens read it)."""
    from textual.widgets import DataTable

    from runstrength.app import RunStrengthApp
    from runstrength.factory import build_context
    from runstrength.paths import resolve_paths
    from runstrength.screens.history import HistoryScreen
    from runstrength.screens.overview import OverviewScreen
    from runstrength.screens.progress import ProgressScreen

    painted: dict[str, float] = {}
    originals: dict[type[Any], Callable[..., Any]] = {}

    def marking(kind: type[Any], name: str) -> None:
        mount = kind.on_mount
        originals[kind] = mount

        def on_mount(screen: Any) -> None:
            mount(screen)
            screen.call_after_refresh(lambda: painted.setdefault(name, time.perf_counter()))

        kind.on_mount = on_mount

    async def until(name: str) -> float:
        while name not in painted:
            await asyncio.sleep(0.001)
        return painted[name]

    context = build_context(resolve_paths(data))
    app = RunStrengthApp(context)
    marking(HistoryScreen, "history")
    marking(ProgressScreen, "progress")
    marking(OverviewScreen, "overview")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            begun = time.perf_counter()
            await pilot.press("h")
            history = await until("history") - begun
            screen = app.screen
            assert isinstance(screen, HistoryScreen)
            # Progress and overview are measured on their own, once the history's table
            # has every row (it fills in batches after each paint) and has laid them out.
            table = screen.query_one(DataTable)
            while not screen.filled or table._require_update_dimensions:
                await pilot.pause()
            await pilot.pause()
            begun = time.perf_counter()
            await pilot.press("p")
            progress = await until("progress") - begun
            await pilot.press("escape")
            await pilot.pause()
            # Measured like the first look: the sessions are read again, not reused.
            screen.totals = None
            begun = time.perf_counter()
            await pilot.press("o")
            overview = await until("overview") - begun
            await pilot.press("escape")
            await pilot.pause()
    finally:
        for kind, mount in originals.items():
            kind.on_mount = mount  # type: ignore[method-assign]
        context.log.close()
    return history, progress, overview


@dataclass
class Figures:
    label: str
    starts: list[Start]
    bare: list[Start]
    writes: list[float]
    ends: list[float]
    folds: list[float]
    floor: list[float]
    history: float
    progress: float
    overview: float
    bare_push: float


def measure(label: str, data: Path, args: argparse.Namespace, env: dict[str, str]) -> Figures:
    tmp = data.parent
    bare_script, our_script = tmp / "bare.py", tmp / "ours.py"
    started(bare_script, env=env)
    started(our_script, str(data), env=env)  # warm the file and bytecode caches
    ours, bare = [], []
    for _ in range(args.runs):  # interleaved: drift in the machine hits both alike
        bare.append(started(bare_script, env=env))
        ours.append(started(our_script, str(data), env=env))
    writes, ends, folds, floor = store_costs(data, args.sets)
    shown = [asyncio.run(screens(data)) for _ in range(args.screens)]
    pushes = [asyncio.run(bare_push()) for _ in range(args.screens)]
    return Figures(
        label,
        ours,
        bare,
        writes,
        ends,
        folds,
        floor,
        statistics.median(s[0] for s in shown) * 1000,
        statistics.median(s[1] for s in shown) * 1000,
        statistics.median(s[2] for s in shown) * 1000,
        statistics.median(pushes) * 1000,
    )


def describe(data: Path) -> str:
    from runstrength.paths import resolve_paths
    from runstrength.store import TrainingLog

    paths = resolve_paths(data)
    log = TrainingLog(paths.log_file, read_only=True)
    try:
        summaries = log.session_summaries()
    finally:
        log.close()
    files = [paths.log_file, *data.glob("years/*.json")]
    size = sum(f.stat().st_size for f in files if f.exists())
    sets = sum(s.sets for s in summaries)
    return f"{len(summaries):,} sessions, {sets:,} sets, {size / 1e6:.1f} MB"


def rows(figures: Figures) -> list[tuple[str, float, str, float | None, str]]:
    """(figure, value, unit, bare value or None, target)."""
    med = statistics.median
    first = med(s.first for s in figures.starts) * 1000
    complete = med(s.complete for s in figures.starts) * 1000
    rss = max(s.rss for s in figures.starts)
    bare_first = med(s.first for s in figures.bare) * 1000
    bare_rss = max(s.rss for s in figures.bare)
    return [
        ("start to first painted frame", first, "ms", bare_first, "≤ 1.10×"),
        ("start to home complete", complete, "ms", bare_first, "≤ 1.25×"),
        ("peak memory, home complete", rss, "MiB", bare_rss, "≤ 1.5×"),
        ("log a set, p50", med(figures.writes), "ms", None, ""),
        ("log a set, p95", percentile(figures.writes, 0.95), "ms", None, "≤ 2 ms"),
        ("floor: append + fdatasync, p95", percentile(figures.floor, 0.95), "ms", None, ""),
        ("end a session, p95", percentile(figures.ends, 0.95), "ms", None, "≤ 20 ms"),
        ("fold after an end (writer idle), p95", percentile(figures.folds, 0.95), "ms", None, ""),
        ("history, first frame after h", figures.history, "ms", figures.bare_push, "≤ 150 ms"),
        ("progress complete after p", figures.progress, "ms", figures.bare_push, "≤ 500 ms"),
        ("overview complete after o", figures.overview, "ms", figures.bare_push, "≤ 500 ms"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="fresh starts per history")
    parser.add_argument(
        "--sets", type=int, default=480, help="sets logged per history (a session ends every 24)"
    )
    parser.add_argument("--screens", type=int, default=5, help="screen openings per history")
    parser.add_argument("--years", default="0,10,30", help="histories to measure, in years")
    args = parser.parse_args()
    load_before = os.getloadavg()
    results: list[tuple[str, Figures]] = []
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        Path(tmp, "bare.py").write_text(BARE)
        Path(tmp, "ours.py").write_text(RUNSTRENGTH)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp, "bytecode"))
        for years in (int(y) for y in args.years.split(",")):
            data = Path(tmp, f"data-{years}")
            data.mkdir()
            # The settings file as the first run leaves it: every key, with its comments.
            save_settings(data / "config.toml", Settings(first_run_done=True))
            if years:
                write_history(data, weeks=52 * years)
            label = f"{years} y: {describe(data)}" if years else "empty log"
            results.append((label, measure(label, data, args, env)))
    load_after = os.getloadavg()
    print(
        f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
        f"({os.cpu_count()} cores); {args.runs} starts, {args.sets} sets, "
        f"{args.screens} screen openings per history; medians unless marked"
    )
    print()
    print("| figure | history | runstrength | bare app | ratio | target |")
    print("|---|---|---|---|---|---|")
    by_history: dict[str, list[float]] = {}
    for label, figures in results:
        values = []
        for name, value, unit, bare, target in rows(figures):
            ratio = f"{value / bare:.2f}×" if bare else ""
            shown = f"{bare:.0f} {unit}" if bare is not None else ""
            digits = 2 if unit == "ms" and value < 50 else 0
            figure = f"{value:.{digits}f} {unit}"
            print(f"| {name} | {label} | {figure} | {shown} | {ratio} | {target} |")
            # Starts are interleaved with the bare app's: their ratio cancels the machine's
            # drift. A screen's time is compared as it is: the bare push is measured apart.
            interleaved = bare is not None and name.startswith(("start", "peak"))
            values.append(value / bare if bare and interleaved else value)
        by_history[label] = values
    labels = list(by_history)
    ten = next((lab for lab in labels if lab.startswith("10 y")), None)
    thirty = next((lab for lab in labels if lab.startswith("30 y")), None)
    if ten and thirty:
        print()
        print(
            "| figure | thirty years against ten (starts: of the ratios to the bare app) | target |"
        )
        print("|---|---|---|")
        names = [row[0] for row in rows(results[0][1])]
        for name, a, b in zip(names, by_history[ten], by_history[thirty], strict=True):
            print(f"| {name} | {b / a:.2f} | ≤ 1.10 |")


if __name__ == "__main__":
    main()
