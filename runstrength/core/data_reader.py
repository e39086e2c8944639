"""Reading plain JSON data field by field against the rules every record of runstrength
holds to (ids, text, days, times with their offset, counts within their limits),
collecting each problem under its path: the checks the record codec (`core.codec`)
reads every record with."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, cast

from runstrength.core.fields import ID_PATTERN, quoted, read_day, shown, text_problem
from runstrength.core.records import Side

SIDES = (None, "left", "right")
YEARS = (1970, 2199)
"""The years a date in a training log may fall in; others are typos (or worse)."""
TEXT_LIMIT = 100
COUNT_LIMITS = {"set": 100, "reps": 1000, "target_reps": 1000, "seq": 10_000, "number": 100}
"""The largest of each count; seconds of any kind are at most a day."""
DAY_SECONDS = 86_400
TIME_PATTERN = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})\Z"
)

Data = dict[str, Any]


def said(value: Any) -> str:
    """A value as the file spells it, cut short: a message stays one readable line."""
    text = shown(value)
    return text if len(text) <= 40 else f"{text[:39]}…"


class Reader:
    """Collects problems while converting, each under its path."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def wrong(self, path: str, data: Data, key: str, rule: str) -> None:
        """`rule` ("must be …") broken by the value at `key`, or by its absence."""
        found = said(data[key]) if key in data else "missing:"
        self.bad(f"{path}.{key}", f"{found} {rule}")

    def table(self, value: Any, path: str) -> Data | None:
        if not isinstance(value, dict):
            self.bad(path, "must be an object")
            return None
        return value

    def text(self, data: Data, key: str, path: str, *, ident: bool = False) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value:
            self.bad(f"{path}.{key}", "missing" if key not in data else "must be a string")
            return ""
        if len(value) <= TEXT_LIMIT and (
            ID_PATTERN.match(value)
            if ident
            else value.isascii() and value.isprintable() and value.strip()
        ):
            return value  # the common case, told at once (a log holds thousands)
        problem = text_problem(value, TEXT_LIMIT)
        if problem is not None:
            self.bad(f"{path}.{key}", problem)
        elif ident and not ID_PATTERN.match(value):
            self.wrong(path, data, key, "must be a lowercase hyphenated id")
        return value

    def in_years(self, value: date, path: str) -> bool:
        if YEARS[0] <= value.year <= YEARS[1]:
            return True
        self.bad(path, f"{value.isoformat()} is outside the years {YEARS[0]}-{YEARS[1]}")
        return False

    def day(self, data: Data, key: str, path: str) -> date | None:
        value = data.get(key)
        if not isinstance(value, str):
            self.bad(f"{path}.{key}", "missing" if key not in data else "must be YYYY-MM-DD")
            return None
        try:
            day = read_day(value)
        except ValueError as problem:
            self.bad(f"{path}.{key}", str(problem))
            return None
        return day if self.in_years(day, f"{path}.{key}") else None

    def time(self, data: Data, key: str, path: str, *, optional: bool = False) -> datetime | None:
        value = data.get(key)
        if value is None and optional:
            return None
        if isinstance(value, str) and TIME_PATTERN.match(value):
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                parsed = None
            if parsed is not None and parsed.tzinfo is not None:
                if YEARS[0] <= parsed.year <= YEARS[1]:
                    return parsed
                return None if self.in_years(parsed.date(), f"{path}.{key}") else parsed
        self.wrong(
            path,
            data,
            key,
            "must be a date and time with its UTC offset (YYYY-MM-DDTHH:MM:SS+HH:MM)",
        )
        return None

    def count(
        self, data: Data, key: str, path: str, *, low: int = 0, optional: bool = True
    ) -> int | None:
        value = data.get(key)
        high = COUNT_LIMITS.get(key, DAY_SECONDS)
        if type(value) is int and low <= value <= high:
            return value
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.wrong(path, data, key, f"must be a whole number from {low} to {high}")
            return None
        return value

    def side(self, data: Data, path: str) -> Side | None:
        side = data.get("side")
        if side is None:
            return None
        if side not in SIDES:
            self.wrong(path, data, "side", f"must be {quoted(SIDES)}")
            return None
        return cast("Side | None", side)

    def ids(self, raw: Any, path: str) -> list[str]:
        """A list of exercise ids (absent: none)."""
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.bad(path, "must be a list of exercise ids")
            return []
        for index, item in enumerate(raw):
            if not isinstance(item, str) or not ID_PATTERN.match(item):
                self.bad(f"{path}[{index}]", f"{item!r} is not a lowercase hyphenated id")
        return [item for item in raw if isinstance(item, str)]
