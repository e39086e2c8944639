"""The band each exercise is done with: remembered, learned from the log, or the lightest."""

from __future__ import annotations

from runstrength.core.bands import BandChoice
from runstrength.core.catalogue import Catalogue


def test_learned_bands_fill_in_but_never_override_a_pick(catalogue: Catalogue) -> None:
    squat = catalogue.exercises["band-squat"]
    walk = catalogue.exercises["lateral-band-walk"]
    bridge = catalogue.exercises["glute-bridge"]
    choice = BandChoice(("yellow", "red", "green"))
    assert choice.band_for(squat) == "yellow"  # never done: the lightest
    choice.next(walk)  # picked in this session before the log was read
    choice.learn({"band-squat": "green", "lateral-band-walk": "yellow", "glute-bridge": "red"})
    assert choice.band_for(squat) == "green"
    assert choice.band_for(walk) == "red"
    assert choice.band_for(bridge) is None  # body weight stays body weight


def test_a_band_no_longer_owned_falls_back_to_the_lightest(catalogue: Catalogue) -> None:
    squat = catalogue.exercises["band-squat"]
    choice = BandChoice(("yellow", "red"), {"band-squat": "purple"})
    assert choice.band_for(squat) == "yellow"
    choice.next(squat)
    assert choice.band_for(squat) == "red"
    assert BandChoice((), {"band-squat": "red"}).band_for(squat) is None
