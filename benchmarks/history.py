"""History at ten years: importing it, and opening the sessions screen, against a bare app.

    python benchmarks/history.py [--weeks 520]

Reported: the import of an interchange file of ten years (about 1,500 sessions and
36,000 sets) into an empty log, and the time from pressing h to the history screen's
first frame, to the newest sessions shown in its table and to every session in it; a
bare Textual app pushing a screen with one DataTable row is measured in the same run
for the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from tenyears import history
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable

from runstrength.core.interchange import from_document, to_document
from runstrength.factory import build_context
from runstrength.paths import resolve_paths
from runstrength.store import TrainingLog


class _Table(Screen[None]):
    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("a")
        table.add_row("1")


class _Bare(App[None]):
    pass


async def bare_push() -> float:
    app = _Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        started = time.perf_counter()
        await app.push_screen(_Table())
        await pilot.pause()
        return time.perf_counter() - started


async def history_open(data: Path) -> tuple[float, float, float]:
    """Seconds from pressing h to the first frame, to the newest rows shown, to every row."""
    from runstrength.app import RunStrengthApp
    from runstrength.screens.history import HistoryScreen

    context = build_context(resolve_paths(data))
    app = RunStrengthApp(context)
    mount = HistoryScreen.on_mount
    add_rows = HistoryScreen.add_rows
    painted: list[float] = []
    shown: list[float] = []

    def on_mount(screen: HistoryScreen) -> None:
        mount(screen)
        screen.call_after_refresh(lambda: painted.append(time.perf_counter()))

    def first_rows(screen: HistoryScreen, filling: int, start: int) -> None:
        add_rows(screen, filling, start)
        if start == 0:
            screen.call_after_refresh(lambda: shown.append(time.perf_counter()))

    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            HistoryScreen.on_mount = on_mount  # type: ignore[method-assign]
            HistoryScreen.add_rows = first_rows  # type: ignore[method-assign]
            started = time.perf_counter()
            await pilot.press("h")
            while not painted:
                await asyncio.sleep(0.001)
            first = painted[0] - started
            screen = app.screen
            assert isinstance(screen, HistoryScreen)
            while not screen.filled:
                await asyncio.sleep(0.005)
            await pilot.pause()
            full = time.perf_counter() - started
            return first, shown[0] - started, full
    finally:
        HistoryScreen.on_mount = mount  # type: ignore[method-assign]
        HistoryScreen.add_rows = add_rows  # type: ignore[method-assign]
        context.log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sessions = history(args.weeks)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "ten-years.json")
        source.write_text(json.dumps(to_document(sessions, [])))
        data = Path(tmp, "data")
        data.mkdir()
        (data / "config.toml").write_text("first_run_done = true\n")
        started = time.perf_counter()
        read, _ = from_document(json.loads(source.read_text()))
        log = TrainingLog(data / "log.json")
        added, _skipped = log.add_sessions(read)
        log.close()
        imported = time.perf_counter() - started
        sets = sum(len(s.sets) for s in read)
        bare = [asyncio.run(bare_push()) for _ in range(args.runs)]
        opened = [asyncio.run(history_open(data)) for _ in range(args.runs)]
    bare_ms = statistics.median(bare) * 1000
    first_ms = statistics.median(o[0] for o in opened) * 1000
    rows_ms = statistics.median(o[1] for o in opened) * 1000
    full_ms = statistics.median(o[2] for o in opened) * 1000
    print(f"| measure ({added} sessions, {sets} sets; {args.runs} runs, median) | ms | ratio |")
    print("|---|---|---|")
    print(f"| import the interchange file into an empty log | {imported * 1000:.0f} | |")
    print(f"| bare Textual app: push a screen with a table | {bare_ms:.0f} | 1.00 |")
    print(f"| history screen, first frame after h | {first_ms:.0f} | {first_ms / bare_ms:.2f} |")
    print(f"| history screen, newest sessions shown | {rows_ms:.0f} | {rows_ms / bare_ms:.2f} |")
    print(
        f"| history screen, every session in the table | {full_ms:.0f} | {full_ms / bare_ms:.2f} |"
    )


if __name__ == "__main__":
    main()
