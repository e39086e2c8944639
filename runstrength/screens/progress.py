"""Progress of one exercise: reps (or seconds) per set over time, bests per band, a hint."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot

from runstrength.commands import Command, keys
from runstrength.context import AppContext
from runstrength.core.log_totals import LogTotals
from runstrength.core.progress_chart import chart_of
from runstrength.core.stats import hint_after
from runstrength.screens.plain import escape
from runstrength.theme import line_colours

FEW_POINTS = 8
"""Up to this many sessions every point shows its set number; past it, only the last."""


class ProgressScreen(Screen[None]):
    CSS_PATH = ["shared.tcss", "progress.tcss"]
    KEYS = keys(
        "exercise progress",
        Command("up,down", "choose an exercise", help_keys="↑ ↓"),
        Command("escape,q", "back to the sessions", "back", "Back"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext, totals: LogTotals) -> None:
        super().__init__()
        self.context = context
        self.totals = totals

    def exercise_ids(self) -> list[str]:
        """Exercises in the log, most recently done first."""
        return self.totals.exercise_ids()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="progress-body"):
            names = self.context.catalogue.exercise_name
            options = [Option(Text(names(i)), id=i) for i in self.exercise_ids()]
            yield OptionList(*options, id="exercises")
            with Vertical(id="progress-right"):
                yield PlotextPlot(id="chart")
                yield Static("", id="bests")
                yield Static("", id="hint")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = 0
        else:
            self.query_one("#bests", Static).update("No sets logged yet.")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.show(event.option.id)

    def show(self, exercise_id: str) -> None:
        catalogue = self.context.catalogue
        done = self.totals.exercise(exercise_id)
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        exercise = catalogue.exercises.get(exercise_id)
        unit = "seconds" if exercise is not None and exercise.is_hold else "reps"
        chart = chart_of(done.points)
        colours = line_colours(self.app.theme_variables)
        for index, line in enumerate(chart.lines):
            colour = colours[index % len(colours)] if colours else None
            if len(line.days) > 1:
                plt.plot(line.days, line.values, marker="braille", color=colour)
            # Points carry their set number, so the lines read without a legend or colour
            # and a single session still shows; over many sessions only each line's end does.
            few = len(line.days) <= FEW_POINTS
            days, values = (line.days, line.values) if few else (line.days[-1:], line.values[-1:])
            plt.scatter(days, values, marker=str(line.set_number)[-1], color=colour)
        plt.xticks(*chart.x_ticks())
        plt.yticks(*chart.y_ticks())
        low, high = chart.x_range()
        plt.xlim(low, high)
        plt.ylim(*chart.y_range())
        plt.title(f"{catalogue.exercise_name(exercise_id)}: {unit} per set (1, 2…: the set)")
        plot.refresh()
        lines = ["[b]Best set per band[/b]"]
        order = {band: index for index, band in enumerate(self.context.settings.bands)}
        for band, best in sorted(
            done.best.items(),
            key=lambda item: order.get(item[0], -1) if item[0] else -1,
        ):
            day = f"{best.done_on:%Y-%m-%d}"
            lines.append(f"  {escape(band or 'bodyweight')}: {best.amount} {unit} ({day})")
        self.query_one("#bests", Static).update("\n".join(lines))
        hint = None
        if len(done.recent) == 2:
            reached = all(ok for ok, _ in done.recent)
            band = done.recent[-1][1]
            hint = hint_after(reached, band, exercise_id, catalogue, self.context.settings.bands)
        hint_line = self.query_one("#hint", Static)
        hint_line.update(Text.assemble(("Next step: ", "bold"), hint) if hint else "")
        hint_line.display = bool(hint)

    def action_back(self) -> None:
        self.dismiss(None)
