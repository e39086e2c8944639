"""Countdown arithmetic: a deadline on a monotonic clock, paused, resumed and adjusted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrength.core.timer import Countdown, format_clock


def test_remaining_is_measured_from_the_deadline(clock) -> None:
    countdown = Countdown(30, clock.monotonic())
    assert countdown.remaining(clock.monotonic()) == 30
    clock.advance(12.5)
    assert countdown.remaining(clock.monotonic()) == pytest.approx(17.5)
    assert countdown.elapsed(clock.monotonic()) == pytest.approx(12.5)
    assert countdown.remaining(clock.monotonic()) > 0


def test_remaining_never_goes_negative_and_expires(clock) -> None:
    countdown = Countdown(5, clock.monotonic())
    clock.advance(5)
    assert countdown.remaining(clock.monotonic()) == 0.0
    clock.advance(100)
    assert countdown.remaining(clock.monotonic()) == 0.0
    assert countdown.remaining(clock.monotonic()) == 0.0
    assert countdown.elapsed(clock.monotonic()) == pytest.approx(5)


def test_time_passing_while_paused_does_not_count(clock) -> None:
    countdown = Countdown(60, clock.monotonic())
    clock.advance(10)
    countdown.pause(clock.monotonic())
    assert countdown.paused
    clock.advance(500)
    assert countdown.remaining(clock.monotonic()) == pytest.approx(50)
    assert countdown.remaining(clock.monotonic()) > 0
    countdown.resume(clock.monotonic())
    assert not countdown.paused
    assert countdown.remaining(clock.monotonic()) == pytest.approx(50)
    clock.advance(20)
    assert countdown.remaining(clock.monotonic()) == pytest.approx(30)
    clock.advance(30)
    assert countdown.remaining(clock.monotonic()) == 0.0


def test_pause_and_resume_twice_are_harmless(clock) -> None:
    countdown = Countdown(40, clock.monotonic())
    clock.advance(5)
    countdown.pause(clock.monotonic())
    clock.advance(7)
    countdown.pause(clock.monotonic())  # already paused: the 7 s must not be taken off
    assert countdown.remaining(clock.monotonic()) == pytest.approx(35)
    countdown.resume(clock.monotonic())
    clock.advance(3)
    countdown.resume(clock.monotonic())  # already running: must not reset the deadline
    assert countdown.remaining(clock.monotonic()) == pytest.approx(32)


def test_several_pauses_add_up(clock) -> None:
    countdown = Countdown(100, clock.monotonic())
    running = 0.0
    for run, rest in [(3, 40), (11, 2), (0.5, 300)]:
        clock.advance(run)
        running += run
        countdown.pause(clock.monotonic())
        clock.advance(rest)
        countdown.resume(clock.monotonic())
    assert countdown.remaining(clock.monotonic()) == pytest.approx(100 - running)


def test_adjust_adds_and_removes_time(clock) -> None:
    countdown = Countdown(45, clock.monotonic())
    clock.advance(10)
    countdown.adjust(15, clock.monotonic())
    assert countdown.remaining(clock.monotonic()) == pytest.approx(50)
    assert countdown.total == pytest.approx(60)
    countdown.adjust(-15, clock.monotonic())
    assert countdown.remaining(clock.monotonic()) == pytest.approx(35)
    assert countdown.total == pytest.approx(45)


def test_adjust_never_goes_below_zero(clock) -> None:
    countdown = Countdown(30, clock.monotonic())
    clock.advance(22)
    countdown.adjust(-15, clock.monotonic())
    assert countdown.remaining(clock.monotonic()) == 0.0
    assert countdown.remaining(clock.monotonic()) == 0.0
    # Taking away more time than is left does not leave a debt to pay back later.
    countdown.adjust(15, clock.monotonic())
    assert countdown.remaining(clock.monotonic()) == pytest.approx(15)
    assert countdown.elapsed(clock.monotonic()) == pytest.approx(22)


def test_adjust_while_paused_keeps_it_paused(clock) -> None:
    countdown = Countdown(20, clock.monotonic())
    clock.advance(5)
    countdown.pause(clock.monotonic())
    countdown.adjust(15, clock.monotonic())
    assert countdown.paused
    clock.advance(60)
    assert countdown.remaining(clock.monotonic()) == pytest.approx(30)
    countdown.adjust(-15, clock.monotonic())
    countdown.adjust(-15, clock.monotonic())
    countdown.adjust(-15, clock.monotonic())
    assert countdown.remaining(clock.monotonic()) == 0.0
    countdown.resume(clock.monotonic())
    assert countdown.remaining(clock.monotonic()) == 0.0


@pytest.mark.parametrize(
    ("left", "shown"),
    [
        (30.0, "0:30"),
        (29.999, "0:30"),
        (29.0, "0:29"),
        (2.1, "0:03"),
        (2.0, "0:02"),
        (0.01, "0:01"),
    ],
)
def test_a_running_countdown_reads_like_a_kitchen_timer(clock, left: float, shown: str) -> None:
    countdown = Countdown(30, clock.monotonic())
    clock.advance(30 - left)
    assert format_clock(countdown.remaining(clock.monotonic())) == shown


def test_a_countdown_past_its_deadline_reads_zero(clock) -> None:
    countdown = Countdown(3, clock.monotonic())
    clock.advance(10)
    assert format_clock(countdown.remaining(clock.monotonic())) == "0:00"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (-4, "0:00"),
        (0.2, "0:01"),
        (9, "0:09"),
        (59.5, "1:00"),
        (60, "1:00"),
        (61, "1:01"),
        (599, "9:59"),
        (480, "8:00"),
        (3600, "60:00"),
    ],
)
def test_format_clock_rounds_up_to_m_ss(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


@given(
    total=st.integers(min_value=1, max_value=600),
    moves=st.lists(
        st.tuples(st.booleans(), st.floats(min_value=0, max_value=50, allow_nan=False)),
        max_size=20,
    ),
)
def test_only_running_time_is_taken_off(total: int, moves: list[tuple[bool, float]]) -> None:
    now = 1000.0
    countdown = Countdown(total, now)
    running = 0.0
    for pause, step in moves:
        if pause:
            countdown.pause(now)
        else:
            countdown.resume(now)
        now += step
        if not countdown.paused:
            running += step
    assert countdown.remaining(now) == pytest.approx(max(0.0, total - running), abs=1e-6)
