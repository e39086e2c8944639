"""How hard it was: the CR-10 scale (0-10) and its words, as asked after a session."""

from __future__ import annotations

CR10_WORDS: dict[int, str] = {
    0: "rest",
    1: "very, very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    6: "hard",
    7: "very hard",
    8: "very hard",
    9: "very, very hard",
    10: "maximal",
}
"""The words of the CR-10 scale (Foster's anchors: 3 moderate, 5 hard, 7 very hard,
10 maximal); 6 and 8 share the word of the anchor below them."""

EFFORT_MIN, EFFORT_MAX = 0, 10


def is_effort(value: object) -> bool:
    """Whether a value is an effort: a whole number 0-10 (not a bool)."""
    return type(value) is int and EFFORT_MIN <= value <= EFFORT_MAX


def effort_words(effort: int) -> str:
    """ "5 hard", "10 maximal"."""
    return f"{effort} {CR10_WORDS[effort]}"


def parse_effort(text: str) -> int | None:
    """An effort typed as a whole number 0-10; ValueError with a reason otherwise.
    Empty text is None (the question skipped)."""
    stripped = text.strip()
    if not stripped:
        return None
    if not stripped.isdigit() or not is_effort(int(stripped)):
        raise ValueError(f"{stripped!r} is not a whole number from 0 to 10")
    return int(stripped)
