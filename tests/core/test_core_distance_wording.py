"""A distance is said one way everywhere: to a tenth of a km, rounded half up, the tenth
left out when it is naught. A half marathon is 21.1 km, a marathon 42.2 km."""

from __future__ import annotations

import pytest

from runstrength.core.runrules import run_headline
from runstrength.core.runs import RunMark
from runstrength.core.runs import format_distance as run_distance
from runstrength.core.wording import format_distance
from runstrength.widgets.month import short_distance


@pytest.mark.parametrize(
    ("metres", "said", "in_the_month"),
    [
        (21097.5, "21.1 km", "21.1"),
        (42195, "42.2 km", "42.2"),
        (8000, "8 km", "8km"),
        (7960, "8 km", "8km"),
        (5230, "5.2 km", "5.2km"),
        (8050, "8.1 km", "8.1km"),  # half up, not to the even tenth
        (8250, "8.3 km", "8.3km"),
        (24000, "24 km", "24km"),
        (100500, "100.5 km", "100.5"),
    ],
)
def test_a_distance_is_said_one_way(metres: float, said: str, in_the_month: str) -> None:
    assert format_distance(metres) == said
    assert run_distance(metres) == said
    assert short_distance(metres) == in_the_month
    assert len(short_distance(metres)) <= 5


def test_the_status_line_says_a_half_marathon_to_the_tenth() -> None:
    assert run_headline(RunMark("race", "Half", 21097.5), "today") == "Race today (21.1 km)"


@pytest.mark.parametrize("metres", [None, 0, -5])
def test_an_unknown_distance_is_not_said(metres: float | None) -> None:
    assert format_distance(metres) == ""
