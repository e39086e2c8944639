"""What a run's title says of its kind: the words that name a race, a long run or a hard one.

A title names a race when the race is the run itself ("Berlin Marathon", "Saturday
parkrun", "10K race"), not when it only speaks of one: a pace ("12 km at marathon
pace"), the run before or after it ("Pre-race shakeout", "Recovery jog after marathon",
"Warm-up jog before parkrun"), training for it ("Marathon block week 3") or a word
that denies it ("Not a long run"). A long run is named as one ("Long run", "Sunday
long", "LSD"); "long" in another sense ("a very long title") says nothing. Watch apps'
default names ("Morning Run", "Lunch Run", "Amsterdam Running") say nothing either.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, NamedTuple

TitleKind = Literal["race", "long", "hard"]


class TitleKindFound(NamedTuple):
    """The kind a title names and the words that name it, as written ("marathon pace")."""

    kind: TitleKind
    words: str


# Words that make what follows not so ("not a long run", "no race today").
NEGATIONS = frozenset({"not", "no", "non", "isnt", "wasnt", "without", "instead", "skipped"})

# Anywhere in the title, a run around an event, never the event: "Pre-race shakeout".
AROUND = frozenset({"shakeout", "warmup", "cooldown", "recovery", "recce", "recon"})
# Just before a race word, the same: "Jog after parkrun", "Training for Berlin Marathon".
AROUND_BEFORE = frozenset(
    {"pre", "post", "after", "before", "following", "until", "till", "towards", "toward", "for"}
)

# Just after a race word, these make it about the race, not the race itself: "marathon pace".
RACE_QUALIFIERS = frozenset(
    {
        "pace",
        "paced",
        "mp",
        "hmp",
        "effort",
        "efforts",
        "training",
        "train",
        "plan",
        "prep",
        "preparation",
        "build",
        "block",
        "week",
        "specific",
        "simulation",
        "sim",
        "rehearsal",
        "course",
        "route",
        "kit",
        "fuel",
        "fueling",
        "fuelling",
        "nutrition",
        "goal",
        "recovery",
    }
)
RACE_EVENTS = frozenset(
    {
        "race",
        "races",
        "racing",
        "raced",
        "parkrun",
        "marathon",
        "halfmarathon",
        "ultramarathon",
        "ultra",
        "relay",
    }
)
UNITS = frozenset({"k", "km", "mi", "mile", "miles"})
PACES = frozenset({"pace", "paced", "mp", "hmp", "effort", "efforts"})

# Words that may stand between "long" and what it describes: "Long slow Sunday run".
LONG_FILLERS = frozenset(
    {
        "easy",
        "slow",
        "steady",
        "sunday",
        "saturday",
        "weekend",
        "trail",
        "hilly",
        "progression",
        "progressive",
        "aerobic",
        "endurance",
        "morning",
        "road",
        "solo",
        "group",
        "club",
        "and",
    }
)
LONG_ENDS = frozenset(
    {"run", "runs", "running", "jog", "one", "distance", "miles", "mile", "km", "k", "mi"}
)

HARD_WORDS = frozenset(
    {
        "interval",
        "intervals",
        "tempo",
        "threshold",
        "fartlek",
        "hill",
        "hills",
        "repeat",
        "repeats",
        "reps",
        "track",
        "vo2",
        "vo2max",
        "speed",
        "speedwork",
        "sprint",
        "sprints",
        "anaerobic",
        "yasso",
        "yassos",
        "ladder",
        "pyramid",
    }
)
SHOWN = {
    "lsd": "LSD",
    "halfmarathon": "half marathon",
    "warmup": "warm-up",
    "cooldown": "cool-down",
}


@cache
def _token() -> re.Pattern[str]:
    # A number glued to its unit ("10k", "5km") stays one token.
    return re.compile(r"\d+(?:[.,]\d+)?[a-z]*|[a-z]+\d*(?:'[a-z]+)?")


@cache
def _number() -> re.Pattern[str]:
    return re.compile(r"\d+(?:[.,]\d+)?(?:k|km|mi|m|miles?)?")


@cache
def _sets() -> re.Pattern[str]:
    """ "6x800", "5 x 1 km", "10 x 400m": a set of repetitions."""
    return re.compile(r"\b\d+\s*[x\u00d7]\s*\d+", re.IGNORECASE)


def _words(title: str) -> list[str]:
    """The title's words, lower case; "warm-up", "cool down", "shake-out", "park run"
    and "half-marathon" each one word, "isn't" without its apostrophe."""
    text = title.lower()
    text = re.sub(r"\b(warm|cool|shake)[\s\-]*(up|down|out)\b", r"\1\2", text)
    text = re.sub(r"\bhalf[\s\-]*marathon\b", "halfmarathon", text)
    text = re.sub(r"\bpark[\s\-]run\b", "parkrun", text)
    return [match.group(0).replace("'", "") for match in _token().finditer(text)]


def _shown(words: list[str]) -> str:
    return " ".join(SHOWN.get(word, word) for word in words)


def _denied(words: list[str], at: int) -> bool:
    return any(word in NEGATIONS for word in words[max(0, at - 3) : at])


def _race_words(words: list[str]) -> str | None:
    """The words that name a race the run is, or None."""
    if any(word in AROUND for word in words):
        return None
    for at, word in enumerate(words):
        if word not in RACE_EVENTS or _denied(words, at):
            continue
        if any(before in AROUND_BEFORE for before in words[max(0, at - 2) : at]):
            continue
        if any(after in RACE_QUALIFIERS for after in words[at + 1 : at + 3]):
            continue
        start = at
        if start and words[start - 1] in UNITS:  # "5 km race"
            start -= 1
        if start and _number().fullmatch(words[start - 1]):
            start -= 1
        return _shown(words[start : at + 1])
    for at in range(len(words) - 1):
        if words[at : at + 2] == ["turkey", "trot"] and not _denied(words, at):
            return "turkey trot"
    return None


def _long_words(words: list[str]) -> str | None:
    """The words that name a long run, or None: "long" with a run after it (words
    such as "slow", "Sunday" or a distance may stand between), or ending the title
    ("Sunday long"); "LSD"."""
    for at, word in enumerate(words):
        if word == "lsd" and not _denied(words, at):
            return _shown([word])
        if word != "long" or _denied(words, at):
            continue
        end = at + 1
        while end < len(words) and (words[end] in LONG_FILLERS or _number().fullmatch(words[end])):
            end += 1
        if end == len(words) or words[end] in LONG_ENDS:
            return _shown(words[at : end + 1])
    return None


def _hard_words(title: str, words: list[str]) -> str | None:
    """The words that name a hard session, or None: a workout's name ("tempo",
    "intervals", "hill repeats"), repetitions ("6x800"), a race's pace ("marathon
    pace"), a time trial."""
    for at, word in enumerate(words):
        if _denied(words, at):
            continue
        if word in HARD_WORDS:
            return word
        if word in PACES and at and (words[at - 1] in RACE_EVENTS or words[at - 1] == "goal"):
            return _shown(words[at - 1 : at + 1])
        if word == "mp" or words[at : at + 2] == ["time", "trial"]:
            return _shown(words[at : at + 2] if word == "time" else [word])
    found = _sets().search(title)
    return found.group(0) if found else None


def title_kind(title: str) -> TitleKindFound | None:
    """The strongest kind the title names (race, then long, then hard) with its words,
    or None when it names none."""
    words = _words(title)
    race = _race_words(words)
    if race is not None:
        return TitleKindFound("race", race)
    long = _long_words(words)
    if long is not None:
        return TitleKindFound("long", long)
    hard = _hard_words(title, words)
    if hard is not None:
        return TitleKindFound("hard", hard)
    return None
