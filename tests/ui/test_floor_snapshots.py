"""The session's floor layout as drawn: every phase at 80x24 in the dark theme, and a
selection at 120x40 and in the light theme (SVG baselines in __snapshots__)."""

from __future__ import annotations

import pytest

from tests.ui.test_floor_layout import PHASES
from tests.ui.test_snapshots import drive


@pytest.mark.parametrize("phase", list(PHASES))
def test_floor_80x24_dark(snap_compare, make_app, clock, phase: str) -> None:
    """Each phase: its band and word, the count or time in block digits, target, set, next."""
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=drive(clock, *PHASES[phase]))


@pytest.mark.parametrize("phase", ["work", "rest", "ready", "hold"])
def test_floor_120x40_dark(snap_compare, make_app, clock, phase: str) -> None:
    """At 120x40 the digits and the band's letters are twice as tall."""
    app = make_app()
    assert snap_compare(app, terminal_size=(120, 40), run_before=drive(clock, *PHASES[phase]))


@pytest.mark.parametrize(
    ("phase", "size"), [("work", (80, 24)), ("stretch", (80, 24)), ("ready", (120, 40))]
)
def test_floor_light(snap_compare, make_app, clock, phase: str, size: tuple[int, int]) -> None:
    """The light theme: the same bands, the digits dark on light."""
    app = make_app(theme="textual-light")
    assert snap_compare(app, terminal_size=size, run_before=drive(clock, *PHASES[phase]))


def test_floor_paused(snap_compare, make_app, clock) -> None:
    """Paused says so in the band's large letters, on the phase's colour."""
    keys = [*PHASES["hold"], "p"]
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=drive(clock, *keys))
