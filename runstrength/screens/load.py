"""The load view: weekly load of runs and strength as stacked bars, and the acute:chronic
ratio week by week as a line with the steady band (0.8-1.3) marked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


def load_ticks(top: float) -> list[float]:
    """Four or five round steps from 0 to at least `top` (100, 200, 250, 500, ...)."""
    step = 100.0
    while top / step > 4:
        step *= 2.5 if str(int(step)).startswith("2") else 2
    return [step * n for n in range(int(top // step) + 2)]


class LoadScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("load.tcss")
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
        weeks = report.weeks
        positions = [float(n) for n in range(1, len(weeks) + 1)]
        step = max(1, len(weeks) // 6)
        labels = [f"{week.start:%d %b}" for week in weeks]

        chart = self.query_one("#load-weeks", PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        runs = [round(week.runs) for week in weeks]
        strength = [round(week.strength) for week in weeks]
        # plotext takes a colour per series here (its stub says one colour).
        colors = [RUNS_COLOR, STRENGTH_COLOR]
        plt.stacked_bar(positions, [runs, strength], color=colors, width=0.6)  # type: ignore[arg-type]
        ticks = load_ticks(max((w.total for w in weeks), default=0))
        plt.yticks(ticks, [f"{t:.0f}" for t in ticks])
        plt.xticks(positions[::step], labels[::step])

        # The ratio on the right-hand axis, over the bars, with its band.
        low, high = RATIO_BAND
        known = [(x, w.ratio) for x, w in zip(positions, weeks, strict=True) if w.ratio is not None]
        top = max([2.0, *(r + 0.2 for _, r in known)])
        # hline would use the left axis: the band's edges are drawn as flat lines instead.
        edges = [positions[0] - 0.5, positions[-1] + 0.5]
        for level, color in ((low, "green"), (high, "green"), (RATIO_WARN, "red")):
            plt.plot(edges, [level, level], color=color, marker="─", yside="right")
        if known:
            plt.plot(
                [x for x, _ in known],
                [r for _, r in known],
                marker="braille",
                color="white",
                yside="right",
            )
        # plotext takes "right" for yside (its stub says a number).
        plt.ylim(0, top, yside="right")  # type: ignore[arg-type]
        plt.yticks([0.0, low, high, RATIO_WARN], yside="right")  # type: ignore[arg-type]
        plt.xlim(positions[0] - 0.5, positions[-1] + 0.5)
        plt.title(
            f"Load per week (effort x minutes) · ratio 7:28 days, steady {low}-{high} (green)"
        )
        chart.refresh()

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
