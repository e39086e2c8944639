"""Overview: sessions per week, streaks, reps per muscle over a period, rest days kept."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static
from textual_plotext import PlotextPlot

from runstrength.commands import LOAD, Command, keys
from runstrength.context import AppContext
from runstrength.core.log_totals import LogTotals
from runstrength.core.progress_chart import next_step
from runstrength.core.stats import (
    STREAK_SESSIONS_PER_WEEK,
    muscle_totals,
    rest_days_of,
    streaks_of,
    week_counts,
    weekly_counts,
)

PERIODS = (("last 4 weeks", 28), ("last 12 weeks", 84), ("last year", 365), ("all time", None))
MAX_COUNT_TICKS = 5
"""Few enough to keep a row between ticks in the short chart of an 80x24 terminal."""


def count_axis(most: int) -> tuple[int, list[float]]:
    """The top of the sessions axis (a row above the tallest week) and its whole ticks."""
    step = 1
    while -(-(most + 1) // step) + 1 > MAX_COUNT_TICKS:  # ticks from 0 to the top
        step = next_step(step)
    top = -(-(most + 1) // step) * step
    return top, [float(t) for t in range(0, top + 1, step)]


class OverviewScreen(Screen[None]):
    CSS_PATH = ["shared.tcss", "overview.tcss"]
    KEYS = keys(
        "overview",
        Command("p", "change the period of the reps per muscle", "period", "Period"),
        LOAD,
        Command("escape,q", "back to the sessions", "back", "Back"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext, totals: LogTotals) -> None:
        super().__init__()
        self.context = context
        self.totals = totals
        self.period = 1

    def compose(self) -> ComposeResult:
        yield Header()
        yield PlotextPlot(id="weeks")
        with Horizontal(id="overview-numbers"):
            # Headings apart from their figures: a figure that wraps keeps its indent.
            with Vertical(id="overview-days"):
                yield Label(
                    f"[b]Streak[/b] (weeks with {STREAK_SESSIONS_PER_WEEK}+ sessions)",
                    classes="overview-heading",
                )
                yield Static("", id="streaks", classes="overview-figures")
                yield Label("[b]Rest days kept[/b]", classes="overview-heading")
                yield Static("", id="rest-days", classes="overview-figures")
            with Vertical(id="overview-muscles"):
                yield Label("", id="muscles-heading", classes="overview-heading")
                yield Static("", id="muscles", classes="overview-figures")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        today = self.context.clock.now().date()
        days = self.totals.training_days()
        per_week = week_counts(days)
        weeks = weekly_counts(per_week, today)
        plt = self.query_one(PlotextPlot).plt
        counts = [n for _, n in weeks]
        positions = [float(n) for n in range(1, len(weeks) + 1)]
        plt.bar(positions, counts, width=0.5)
        plt.xticks(positions[::2], [f"{start:%d %b}" for start, _ in weeks][::2])
        top, ticks = count_axis(max(counts, default=0))
        plt.ylim(0, top)  # every tick inside the chart: none is drawn beside its title
        plt.yticks(ticks)
        plt.title("Sessions per week (week starting)")
        streaks = streaks_of(per_week, today)
        rest = rest_days_of(set(days), today)
        waiting = {
            0: "",
            1: "\n(the latest waits: its rest day is not over yet)",
        }.get(rest.waiting, f"\n({rest.waiting} more wait: their rest days are not over yet)")
        self.query_one("#streaks", Static).update(
            f"now: [b]{streaks.current}[/b] · longest: [b]{streaks.longest}[/b]"
        )
        self.query_one("#rest-days", Static).update(
            f"{rest.respected} of {rest.strength_days} strength days were followed by rest"
            + waiting
        )
        self.show_muscles()

    def show_muscles(self) -> None:
        label, days = PERIODS[self.period]
        today = self.context.clock.now().date()
        since = today - timedelta(days=days - 1) if days else date.min
        totals = muscle_totals(self.totals.reps(since, today), self.context.catalogue)
        # The footer's "p Period" says how to change the period: the heading stays one line.
        self.query_one("#muscles-heading", Label).update(f"[b]Reps per muscle[/b], {label}")
        lines = [f"{muscle.replace('-', ' '):<14} {reps:>6}" for muscle, reps in totals.items()]
        self.query_one("#muscles", Static).update(
            "\n".join(lines) or "nothing logged in this period"
        )

    def action_period(self) -> None:
        self.period = (self.period + 1) % len(PERIODS)
        self.show_muscles()

    def action_back(self) -> None:
        self.dismiss(None)
