"""A synthetic ten-year history: about 1,500 sessions and 36,000 sets, as a runstrength log.

    python benchmarks/tenyears.py DIR        writes DIR/log.json

Three sessions a week for ten years, 24 sets each, with plausible reps and bands.
Used by the other benchmarks; importable as `write_history(data_dir)`.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson

from runstrength.store import SCHEMA_VERSION

SESSIONS = 1_500
SETS_PER_SESSION = 24
EXERCISES = [
    "band-squat",
    "glute-bridge",
    "lateral-band-walk",
    "calf-raise",
    "dead-bug",
    "side-plank",
    "bird-dog",
    "clamshell",
    "plank",
    "lunge",
    "step-up",
    "bridge-march",
]


def history(sessions: int = SESSIONS, seed: int = 10) -> dict[str, Any]:
    rng = random.Random(seed)
    tz = timezone(timedelta(hours=1))
    start = datetime(2016, 11, 1, 7, 0, tzinfo=tz)
    session_docs: dict[str, Any] = {}
    set_docs: dict[str, Any] = {}
    for number in range(sessions):
        began = start + timedelta(days=number * 7 / 3, minutes=rng.randint(0, 600))
        sid = f"synthetic-{number:05d}"
        session_docs[str(number + 1)] = {
            "id": sid,
            "date": began.date().isoformat(),
            "program": rng.choice(["endurance", "sprint"]),
            "started_at": began.isoformat(timespec="seconds"),
            "ended_at": (began + timedelta(minutes=40)).isoformat(timespec="seconds"),
            "status": "completed" if rng.random() < 0.9 else "partial",
        }
        for seq in range(1, SETS_PER_SESSION + 1):
            done = began + timedelta(minutes=5 + seq * 1.5)
            set_docs[str(len(set_docs) + 1)] = {
                "session": sid,
                "seq": seq,
                "exercise": EXERCISES[(seq - 1) // 2 % len(EXERCISES)],
                "set": 1 + (seq - 1) % 2,
                "side": None,
                "target_reps": 20,
                "reps": rng.randint(14, 20),
                "band": rng.choice([None, "yellow", "red", "green"]),
                "seconds": None,
                "target_seconds": None,
                "started_at": (done - timedelta(seconds=50)).isoformat(timespec="seconds"),
                "completed_at": done.isoformat(timespec="seconds"),
            }
    return {"meta": {"1": {"schema": SCHEMA_VERSION}}, "sessions": session_docs, "sets": set_docs}


def write_history(data_dir: Path, sessions: int = SESSIONS) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    log_file = data_dir / "log.json"
    log_file.write_bytes(orjson.dumps(history(sessions)))
    return log_file


if __name__ == "__main__":
    path = write_history(Path(sys.argv[1]))
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
