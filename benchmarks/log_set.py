"""Logging one set at ten years of history, durable (fsync included), p50 and p95.

    python benchmarks/log_set.py [--sets 200]

Also reported: opening the log, ending a session (folding the journal into the
TinyDB file, with its backup) and reading all sessions. A bare Textual app has no
counterpart for these, so there is no ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tenyears import write_history

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bare_append(fd: int) -> float:
    """The floor: one line appended to a file and fdatasynced, nothing else (ms)."""
    started = time.perf_counter()
    os.write(fd, b"x" * 400 + b"\n")
    os.fdatasync(fd)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=520)
    args = parser.parse_args()
    tz = timezone(timedelta(hours=1))
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        log_file = write_history(Path(tmp), args.weeks)
        started = time.perf_counter()
        log = TrainingLog(log_file)
        log.sessions()
        open_ms = (time.perf_counter() - started) * 1000
        writes: list[float] = []
        floor: list[float] = []
        folds: list[float] = []
        floor_fd = os.open(Path(tmp, "floor.jsonl"), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        now = datetime(2026, 11, 23, 7, 0, tzinfo=tz)
        for number in range(args.sets):
            if number % 24 == 0:
                info = SessionInfo(id=f"bench-{number}", program="endurance", started_at=now)
            record = SetRecord("glute-bridge", 1 + number % 2, None, 20, 18, None, None, now)
            started = time.perf_counter()
            log.log_set(info, record)
            writes.append((time.perf_counter() - started) * 1000)
            floor.append(bare_append(floor_fd))  # interleaved: the disk's mood hits both
            if number % 24 == 23:
                started = time.perf_counter()
                log.finish_session(info, "completed", now)
                folds.append((time.perf_counter() - started) * 1000)
        os.close(floor_fd)
        started = time.perf_counter()
        log.last_session()
        last_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        every = log.sessions()
        read_ms = (time.perf_counter() - started) * 1000
        sets = sum(len(s.sets) for s in every)
        log.close()
    print(f"| at ten years ({len(every)} sessions, {sets} sets) | p50 ms | p95 ms |")
    print("|---|---|---|")
    print(
        f"| log one set ({len(writes)} sets, journal + fsync) | "
        f"{statistics.median(writes):.2f} | {percentile(writes, 0.95):.2f} |"
    )
    print(
        f"| floor: append one line + fdatasync, same disk | "
        f"{statistics.median(floor):.2f} | {percentile(floor, 0.95):.2f} |"
    )
    print(
        f"| end a session (fold + backup + atomic rewrite, {len(folds)}x) | "
        f"{statistics.median(folds):.0f} | {percentile(folds, 0.95):.0f} |"
    )
    print(f"| open the log and read every session (once) | {open_ms:.0f} | |")
    print(f"| last session (home screen) | {last_ms:.0f} | |")
    print(f"| read every session again (warm) | {read_ms:.0f} | |")


if __name__ == "__main__":
    main()
