"""A small reader for TOML tables that collects every problem instead of stopping at the first."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from datetime import date
from difflib import get_close_matches
from typing import Any

BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+\Z")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")

# Characters a name or title may not hold: controls (escape sequences, new lines, tabs),
# invisible formatting (bidirectional overrides) and code points that are not text.
# Joiners stay allowed: emoji sequences need them.
_NOT_TEXT = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_JOINERS = {"\u200c", "\u200d"}


def text_problem(value: str, limit: int) -> str | None:
    """Why `value` cannot be a one-line name or title shown to the runner, or None.

    Brackets and every other printable character are fine: shown text is never markup.
    """
    if not value.strip():
        return "must not be blank"
    if len(value) > limit:
        return f"is {len(value)} characters long; at most {limit}"
    for char in value:
        if unicodedata.category(char) in _NOT_TEXT and char not in _JOINERS:
            return (
                f"holds U+{ord(char):04X}, which is not printable text; "
                "use letters, digits, spaces and punctuation"
            )
    return None


def suggest(value: str, known: Collection[str]) -> str:
    """A ' (did you mean …?)' hint naming the closest known ids, or ''."""
    close = get_close_matches(value, sorted(known), n=3, cutoff=0.5)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def shown(value: object) -> str:
    """A value as the user's file spells it (JSON and TOML agree): "text", true, null, 12.

    Never Python's spelling (None, True, 'text'), which means nothing to a runner.
    """
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = json.dumps(str(value), ensure_ascii=False)
    # JSON escapes C0 controls only: C1 (U+0085 ends a line), separators and invisible
    # formatting are escaped too, so a message stays one visible line.
    return "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)


def reason(error: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read or written, in words ('Permission denied', 'not UTF-8
    text'), without Python's '[Errno 13] …: '/path'' dressing."""
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 text (byte {error.start + 1} cannot be read)"
    return error.strerror or type(error).__name__


def quoted(values: Collection[object], joiner: str = "or") -> str:
    """'"a", "b" or "c"': allowed values as a file would spell them."""
    items = [shown(v) for v in values]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {joiner} {items[-1]}"


DAY_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def read_day(text: str) -> date:
    """A YYYY-MM-DD date; ValueError says whether the form is wrong or the day does not exist."""
    text = text.strip()
    found = DAY_PATTERN.match(text)
    if found is None:
        raise ValueError(f"{shown(text)} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-23")
    try:
        return date.fromisoformat(text)
    except ValueError:
        year, month = int(found.group(1)), int(found.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"{text} is not a real date: there is no month {month}") from None
        last = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
        raise ValueError(
            f"{text} is not a real date: {date(year, month, 1):%B %Y} has {last} days"
        ) from None


def toml_loads(text: str) -> dict[str, Any]:
    """`tomllib.loads`, with tomllib loaded at its first use: a start whose files were all
    parsed at an earlier one (`store.parsed`) never loads it. Text that is not TOML raises
    tomllib.TOMLDecodeError, a ValueError."""
    import tomllib

    return tomllib.loads(text)


def toml_error_line(error: ValueError) -> tuple[int | None, str]:
    """The line of a TOML syntax error and its message without the position suffix."""
    text = str(error)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", text)
    if found is None:
        return None, text
    return int(found.group(1)), f"{text[: found.start()]} (column {found.group(2)})"


def top_level_lines(text: str) -> Callable[[str], int | None]:
    """A finder for the line of a top-level `key =` (before the first table header)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"\s*\[", line):
            break
        found = re.match(r"\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=", line)
        if found:
            lines.setdefault(found.group(1).strip('"'), number)
    return lines.get


class TableReader:
    """Reads typed fields out of one table, recording problems under a label."""

    def __init__(
        self,
        table: Mapping[str, Any],
        label: str,
        problems: list[str],
        line_of: Callable[[str], int | None] | None = None,
    ) -> None:
        self.table = table
        self.label = label
        self.problems = problems
        self.line_of = line_of
        self._seen: set[str] = set()

    def problem(self, field: str, message: str) -> None:
        line = self.line_of(field) if self.line_of else None
        where = f"line {line}: " if line else ""
        where += f"{self.label}: " if self.label else ""
        # A key as the file spells it, quoted (and escaped) unless it is a plain word.
        spelled = field if BARE_KEY.match(field) else json.dumps(field)
        self.problems.append(f"{where}{spelled}: {message}")

    def value(self, field: str, *, required: bool = False) -> Any:
        """The raw value of `field` (None when missing), for a reader of its own kind."""
        return self._get(field, required)

    def _get(self, field: str, required: bool) -> Any:
        self._seen.add(field)
        if field not in self.table:
            if required:
                self.problem(field, "missing")
            return None
        return self.table[field]

    def string(self, field: str, *, required: bool = True, choices: Collection[str] = ()) -> Any:
        value = self._get(field, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(field, f"must be a non-empty string, got {shown(value)}")
            return None
        if choices and value not in choices:
            self.problem(field, f"{shown(value)} is not one of {', '.join(sorted(choices))}")
            return None
        return value

    def text(self, field: str, limit: int, *, required: bool = True) -> Any:
        """A one-line name or title of printable characters, at most `limit` long."""
        value = self.string(field, required=required)
        if value is None:
            return None
        problem = text_problem(value, limit)
        if problem is not None:
            self.problem(field, problem)
            return None
        return value

    def ident(self, field: str, *, required: bool = True) -> Any:
        value = self.string(field, required=required)
        if value is not None and not ID_PATTERN.match(value):
            self.problem(field, f"{shown(value)} must be lowercase words joined by hyphens")
            return None
        return value

    def integer(self, field: str, low: int, high: int, *, required: bool = True) -> Any:
        value = self._get(field, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(field, f"must be a whole number from {low} to {high}, got {shown(value)}")
            return None
        if not low <= value <= high:
            self.problem(field, f"{value} is outside {low}-{high}")
            return None
        return value

    def number(self, field: str, low: float, high: float, *, required: bool = True) -> Any:
        value = self._get(field, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(field, f"must be a number from {low} to {high}, got {shown(value)}")
            return None
        if not low <= value <= high:
            self.problem(field, f"{value} is outside {low}-{high}")
            return None
        return float(value)

    def boolean(self, field: str, *, required: bool = True) -> Any:
        value = self._get(field, required)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.problem(field, f"must be true or false, got {shown(value)}")
            return None
        return value

    def strings(self, field: str, *, required: bool = True, choices: Collection[str] = ()) -> Any:
        value = self._get(field, required)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(field, "must be a list of strings")
            return None
        blank = [item for item in value if not item.strip()]
        if blank:
            self.problem(field, f"{shown(blank[0])} is empty: leave it out, or name it")
            return None
        if choices:
            unknown = [item for item in value if item not in choices]
            if unknown:
                self.problem(
                    field, f"unknown {', '.join(map(repr, unknown))}; allowed: {', '.join(choices)}"
                )
                return None
        return tuple(value)

    def finish(self) -> None:
        """Report keys that no field asked for (typos, keys from another schema)."""
        for key in self.table:
            if key not in self._seen:
                self.problem(key, "unknown key" + suggest(key, self._seen))
