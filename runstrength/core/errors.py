"""Errors the core raises when content, programs or settings are not valid."""

from __future__ import annotations


class ValidationError(ValueError):
    """Content that breaks the rules, with every problem found (one line each)."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {problem}" for problem in problems))
