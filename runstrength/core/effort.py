"""How hard it was: the CR-10 scale (0-10) and its words, as asked after a session."""

from __future__ import annotations

from runstrength.core.fields import shown

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
        raise ValueError(f"{shown(stripped)} is not a whole number from 0 to 10")
    return int(stripped)


ANCHORS = (3, 5, 7, 10)


def scale_line() -> str:
    """ "0 rest · 3 moderate · 5 hard · 7 very hard · 10 maximal"."""
    return " · ".join(effort_words(n) for n in (0, *ANCHORS))


def typed_digit(current: int | None, digit: int) -> int:
    """The effort after a digit key: "1" then "0" makes 10; any other second digit
    starts again ("6" then "7" is 7), so the answer is always on the scale."""
    if current is not None and current * 10 + digit <= EFFORT_MAX:
        return current * 10 + digit
    return digit


def question(effort: int | None) -> str:
    """The summary's question with the answer so far."""
    if effort is None:
        return "How hard was it? Type 0-10, enter saves (enter alone skips)"
    return f"How hard was it? {effort_words(effort)}: enter saves it, backspace clears"
