"""What a run's title says of its kind, over many titles runners and their apps write."""

from __future__ import annotations

from datetime import date

import pytest

from runstrength.core.run_titles import title_kind
from runstrength.core.runs import Activity, RunSettings, kind_why

DAY = date(2026, 12, 10)

# (title, the kind it names or None, the words shown as the reason)
TITLES: list[tuple[str, str | None, str]] = [
    # Watch and app defaults name no kind.
    ("Morning Run", None, ""),
    ("Lunch Run", None, ""),
    ("Afternoon Run", None, ""),
    ("Evening Run", None, ""),
    ("Night Run", None, ""),
    ("Morning Trail Run", None, ""),
    ("Amsterdam Running", None, ""),
    ("Treadmill Running", None, ""),
    ("Indoor Running", None, ""),
    ("Trail Running", None, ""),
    ("Thursday Morning Run", None, ""),
    ("Virtual Run", None, ""),
    ("Run", None, ""),
    ("", None, ""),
    ("Easy 8 km", None, ""),
    ("Recovery Run", None, ""),
    ("Longford loop", None, ""),
    ("Longmont Running", None, ""),
    # Races: the run is the event.
    ("Saturday parkrun", "race", "parkrun"),
    ("Parkrun PB!", "race", "parkrun"),
    ("Bushy Park Run", "race", "parkrun"),
    ("junior parkrun with the kids", "race", "parkrun"),
    ("Berlin Marathon", "race", "marathon"),
    ("Valencia Half Marathon", "race", "half marathon"),
    ("Great North Run half-marathon", "race", "half marathon"),
    ("10k RACE", "race", "10k race"),
    ("10K race", "race", "10k race"),
    ("5 km race", "race", "5 km race"),
    ("Race day", "race", "race"),
    ("Race to the Stones", "race", "race"),
    ("Club relay", "race", "relay"),
    ("Ultra Trail du Mont-Blanc", "race", "ultra"),
    ("Turkey Trot 5K", "race", "turkey trot"),
    ("Racing the Cabbage Patch 10", "race", "racing"),
    # Not races: the run speaks of a race it is not.
    ("Pre-race shakeout", None, ""),
    ("Pre race shake out", None, ""),
    ("Shakeout before Berlin Marathon", None, ""),
    ("Recovery jog after marathon", None, ""),
    ("Post-marathon recovery", None, ""),
    ("Warm-up jog before parkrun", None, ""),
    ("Parkrun warm up", None, ""),
    ("Cool-down after the race", None, ""),
    ("Jog to parkrun", "race", "parkrun"),
    ("Training for Berlin Marathon", None, ""),
    ("Marathon training run", None, ""),
    ("Marathon block week 3", None, ""),
    ("Race course recce", None, ""),
    ("Not a race, just easy", None, ""),
    ("No parkrun today", None, ""),
    ("Isn't a race", None, ""),
    # Race paces are hard sessions.
    ("12 km at marathon pace", "hard", "marathon pace"),
    ("Half marathon pace 3x3 km", "hard", "half marathon pace"),
    ("Race pace intervals", "hard", "race pace"),
    ("8 mi @ MP", "hard", "mp"),
    ("Goal pace miles", "hard", "goal pace"),
    # Long runs.
    ("Sunday long run", "long", "long run"),
    ("Long Run", "long", "long run"),
    ("Sunday Long", "long", "long"),
    ("Long 24 km", "long", "long 24 km"),
    ("Long slow distance", "long", "long slow distance"),
    ("Long easy trail run", "long", "long easy trail run"),
    ("LSD 20 mi", "long", "LSD"),
    ("Long run 30 km with 15 km at marathon pace", "long", "long run"),
    ("The long one", "long", "long one"),
    # Not long runs.
    ("Not a long run", None, ""),
    ("No long run this week", None, ""),
    ("Cool-down jog with a very long title", None, ""),
    ("Long way home", None, ""),
    ("Long day at work, short jog", None, ""),
    # Hard sessions.
    ("6x800 intervals", "hard", "intervals"),
    ("5 x 1 km", "hard", "5 x 1"),
    ("10x400m", "hard", "10x400"),
    ("Tempo Tuesday", "hard", "tempo"),
    ("Tempo Run", "hard", "tempo"),
    ("Threshold", "hard", "threshold"),
    ("Fartlek", "hard", "fartlek"),
    ("Hill repeats", "hard", "hill"),
    ("Track night", "hard", "track"),
    ("VO2 Max", "hard", "vo2"),
    ("Speed Run", "hard", "speed"),
    ("Anaerobic", "hard", "anaerobic"),
    ("Sprint", "hard", "sprint"),
    ("Yasso 800s", "hard", "yasso"),
    ("5K time trial", "hard", "time trial"),
    ("No intervals today", None, ""),
]


@pytest.mark.parametrize(("title", "kind", "words"), TITLES)
def test_what_a_title_names(title: str, kind: str | None, words: str) -> None:
    found = title_kind(title)
    if kind is None:
        assert found is None, found
    else:
        assert found is not None
        assert (found.kind, found.words) == (kind, words)


def run(title: str, minutes: float = 40, hr: float | None = None) -> Activity:
    return Activity("r", DAY, title=title, duration_s=minutes * 60, avg_hr=hr)


def test_the_reason_names_the_words_the_length_or_the_heart_rate() -> None:
    settings = RunSettings(max_hr=200)
    assert kind_why(run("Saturday parkrun"), settings) == (
        "race",
        'its title says "parkrun"',
    )
    assert kind_why(run("Morning Run", minutes=100), settings) == (
        "long",
        "1 h 40 min long: from 90 min a run is long",
    )
    assert kind_why(run("Morning Run", hr=175), settings) == (
        "hard",
        "average heart rate 175: from 170 it is hard",
    )
    assert kind_why(run("Morning Run"), settings) == (
        "easy",
        "nothing in its title, length or heart rate makes it more",
    )
    assert kind_why(run("parkrun")._replace(kind="easy"), settings) == ("easy", "set by hand")


def test_the_strongest_evidence_counts() -> None:
    # A workout title over a long run's length: the length makes it a long run.
    assert kind_why(run("Tempo", minutes=120), RunSettings()).kind == "long"
    # The title's race beats the length's long run.
    assert kind_why(run("Berlin Marathon", minutes=200), RunSettings()).kind == "race"
    # A short cool-down with "long" in its title stays easy.
    assert kind_why(run("Cool-down jog with a very long title", 25), RunSettings()).kind == "easy"
    # A shakeout the day before a race, however named, is not the race.
    assert kind_why(run("Pre-race shakeout", 20), RunSettings()).kind == "easy"
