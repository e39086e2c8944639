"""The load view: weekly load of runs and strength as stacked bars, and the acute:chronic
ratio week by week as a line with the steady band (0.8-1.3) marked."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual_plotext import PlotextPlot

from runstrength.commands import Command, keys
from runstrength.context import AppContext
from runstrength.core.load import RATIO_BAND, RATIO_WARN, LoadReport, ratio_note
from runstrength.core.load_chart import load_chart
from runstrength.store import LogError

PERIODS = (12, 26, 52)
"""Weeks shown; p goes to the next."""

RUNS_COLOR = (0, 130, 200)
STRENGTH_COLOR = (60, 180, 75)
"""The bars' colours (the chart's own first two), named again by the legend."""


def legend() -> Text:
    """What each mark of the chart is, on its own line under it: a legend drawn inside
    the chart would hide the bars under it."""
    runs, strength = (f"rgb({r},{g},{b})" for r, g, b in (RUNS_COLOR, STRENGTH_COLOR))
    return Text.assemble(
        ("██", runs),
        " runs  ",
        ("██", strength),
        " strength  ",
        ("⠤⠤", "bold"),
        " ratio (right axis)  ",
        ("──", "green"),
        " steady  ",
        ("──", "red"),
        f" {RATIO_WARN} rising fast",
    )


class LoadScreen(Screen[None]):
    CSS_PATH = ["shared.tcss", "load.tcss"]
    KEYS = keys(
        "training load",
        Command("p", "12, 26 or 52 weeks", "period", "Period"),
        Command("escape,q", "back", "back", "Back"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.period = 0

    report: reactive[LoadReport | None] = reactive(None, init=False)
    """The weeks shown, as last read from the log."""

    @dataclass
    class Read(Message):
        """The log has been read for the period (on a worker), or why it could not be."""

        report: LoadReport | None
        problem: str = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield PlotextPlot(id="load-weeks")
        yield Static("", id="load-empty")
        yield Static(legend(), id="load-legend")
        yield Static("Reading the log…", id="load-numbers")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.read()

    @work(thread=True, exclusive=True, group="load")
    def read(self) -> None:
        from runstrength.core.settings import run_settings
        from runstrength.store.load import read_load

        today = self.context.clock.now().date()
        weeks = PERIODS[self.period]
        try:
            report = read_load(self.context.log, run_settings(self.context.settings), today, weeks)
        except LogError as error:
            self.post_message(self.Read(None, str(error)))
            return
        self.post_message(self.Read(report))

    def on_load_screen_read(self, message: Read) -> None:
        if message.report is None:
            from rich.markup import escape

            self.query_one("#load-numbers", Static).update(f"[b red]{escape(message.problem)}[/]")
        else:
            self.report = message.report

    def watch_report(self, report: LoadReport | None) -> None:
        if report is None:
            return
        drawn = load_chart(report)
        chart = self.query_one("#load-weeks", PlotextPlot)
        self.query_one("#load-empty", Static).update(drawn.empty)
        self.set_class(bool(drawn.empty), "-empty")
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        # plotext takes a colour per series here (its stub says one colour).
        colors = [RUNS_COLOR, STRENGTH_COLOR]
        bars = [drawn.runs, drawn.strength]
        plt.stacked_bar(drawn.positions, bars, color=colors, width=0.6)  # type: ignore[arg-type]
        # Its range as well as its ticks: plotext drops a tick outside the data's range.
        plt.ylim(*drawn.load_range)
        plt.yticks(drawn.load_ticks, drawn.load_labels)
        plt.xticks(drawn.week_ticks, drawn.week_labels)

        # The ratio on the right-hand axis, over the bars, with its band.
        low, high = RATIO_BAND
        # hline would use the left axis: the band's edges are drawn as flat lines instead.
        edges = list(drawn.x_range)
        for level, color in ((low, "green"), (high, "green"), (RATIO_WARN, "red")):
            plt.plot(edges, [level, level], color=color, marker="─", yside="right")
        if drawn.ratio_points:
            plt.plot(
                [x for x, _ in drawn.ratio_points],
                [r for _, r in drawn.ratio_points],
                marker="braille",
                color="white",
                yside="right",
            )
        # plotext takes "right" for yside (its stub says a number).
        plt.ylim(*drawn.ratio_range, yside="right")  # type: ignore[arg-type]
        plt.yticks(drawn.ratio_ticks, yside="right")  # type: ignore[arg-type]
        plt.xlim(*drawn.x_range)
        plt.title(
            f"Load per week (effort x minutes) · ratio 7:28 days, steady {low}-{high} (green)"
        )
        chart.refresh()

        weeks = report.weeks
        this_week = weeks[-1]
        ratio = "-" if report.ratio is None else f"{report.ratio:.2f}"
        self.query_one("#load-numbers", Static).update(
            f"This week: runs [b]{this_week.runs:.0f}[/b] · strength "
            f"[b]{this_week.strength:.0f}[/b] · total [b]{this_week.total:.0f}[/b]    "
            f"Ratio today: [b]{ratio}[/b] ({ratio_note(report.ratio)})"
        )

    def action_period(self) -> None:
        self.period = (self.period + 1) % len(PERIODS)
        self.read()

    def action_back(self) -> None:
        self.dismiss(None)
