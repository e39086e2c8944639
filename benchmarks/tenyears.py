"""A synthetic ten-year history (`tests/sample_history.py`) written as a runstrength log.

    python benchmarks/tenyears.py DIR        writes DIR/log.json

Three sessions a week for ten years of the endurance program: about 1,500 sessions
and 36,000 sets. Used by the other benchmarks; importable as `write_history(data_dir)`.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta, timezone
from pathlib import Path

from runstrength.core.records import SessionRecord
from runstrength.store import TrainingLog, load_catalogue, load_programs

WEEKS = 520
BANDS = ("yellow", "red", "green", "blue", "black")
ROOT = Path(__file__).parents[1]
"""The source tree: its tests package holds the sample history the benchmarks share."""


def history(weeks: int = WEEKS, until: date | None = None) -> list[SessionRecord]:
    """The sessions, oldest first, ending the day before `until` (default: today)."""
    sys.path.insert(0, str(ROOT))
    from tests.sample_history import sample_history

    program = load_programs(load_catalogue()).get("endurance")
    assert program is not None
    return sample_history(
        program,
        BANDS,
        until=until or date.today(),
        weeks=weeks,
        zone=timezone(timedelta(hours=1)),
    )


def write_history(data_dir: Path, weeks: int = WEEKS) -> Path:
    """DIR/log.json holding `weeks` weeks of history, written as an import writes it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    log = TrainingLog(data_dir / "log.json")
    try:
        log.add_sessions(history(weeks))
    finally:
        log.close()
    return log.path


if __name__ == "__main__":
    path = write_history(Path(sys.argv[1]))
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
