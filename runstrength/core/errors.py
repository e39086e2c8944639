"""Errors the core raises when content, programs or settings are not valid."""

from __future__ import annotations

import re
from collections.abc import Iterable

_LINE = re.compile(r"\bline (\d+):")


def by_line(problems: Iterable[str]) -> list[str]:
    """Problems in the order of the lines they name ("line 4: ..."), as a reader goes
    down the file; those about the whole file (no line) first, each group as found."""

    def line(problem: str) -> int:
        found = _LINE.search(problem)
        return int(found.group(1)) if found else 0

    return sorted(problems, key=line)


class ValidationError(ValueError):
    """Content that breaks the rules, with every problem found (one line each)."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = by_line(problems)
        super().__init__("\n".join(f"{source}: {problem}" for problem in self.problems))
