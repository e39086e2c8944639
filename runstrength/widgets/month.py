"""A month grid: each day marked trained, scheduled, rest day or today, and its run's kind;
one day selected."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from runstrength.core.restdays import TrainingDays, day_marks
from runstrength.core.wording import km_number

CELL = 6
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

TRAINED = "●"
SCHEDULED = "◆"
REST = "~"

RUN_MARKS = {"race": "R", "long": "L", "hard": "H", "easy": "E"}
"""The mark after a day with a run, by the run's kind."""

LEGEND = (
    (TRAINED, "trained", "$text-success"),
    (SCHEDULED, "scheduled", "$text-accent"),
    (REST, "rest day", "$text-muted"),
    ("[ ]", "today", "bold"),
    ("R L", "race · long run", "$text-warning"),
    ("H E", "hard · easy run", "$text-secondary"),
)
"""Sign, meaning and the style it has in the month (a Textual markup style)."""


def short_distance(metres: float) -> str:
    """A distance in five characters at most, the same number as everywhere: "8km",
    "9.5km", "24km"; a tenth past ten km leaves the unit out ("21.1")."""
    number = km_number(metres)
    return f"{number}km" if len(number) <= 3 else number


def month_weeks(year: int, month: int) -> list[list[date | None]]:
    """The weeks of a month, Monday first; None pads days of the months around it."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [[d if d.month == month else None for d in week] for week in weeks]


class MonthView(Widget):
    """Draws the month of `selected` from a TrainingDays value; keys belong to the screen."""

    COMPONENT_CLASSES = {
        "month--title",
        "month--weekday",
        "month--trained",
        "month--scheduled",
        "month--rest",
        "month--today",
        "month--selected",
        "month--key-run",
        "month--run",
        "month--distance",
    }

    DEFAULT_CSS = """
    MonthView {
        width: 44;
        height: 9;
        text-wrap: nowrap;
    }
    MonthView > .month--title { text-style: bold; }
    MonthView > .month--weekday { color: $text-muted; }
    MonthView > .month--trained { color: $text-success; text-style: bold; }
    MonthView > .month--scheduled { color: $text-accent; text-style: bold; }
    MonthView > .month--rest { color: $text-muted; }
    MonthView > .month--today { text-style: bold underline; }
    MonthView > .month--selected { background: $primary-strong; color: $text; text-style: bold; }
    MonthView > .month--key-run { color: $text-warning; text-style: bold; }
    MonthView > .month--run { color: $text-secondary; }
    MonthView > .month--distance { color: $text-muted; }
    """

    selected: reactive[date] = reactive(date(2000, 1, 1))

    def __init__(self, days: TrainingDays, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days = days
        self.distances: Mapping[date, float] = {}
        """Metres run (or planned) on each day, shown under the day in months with runs."""
        self.set_reactive(MonthView.selected, days.today)

    def show(self, days: TrainingDays, distances: Mapping[date, float] | None = None) -> None:
        self.days = days
        if distances is not None:
            self.distances = distances
        self._fit_height()
        self.refresh()

    def watch_selected(self) -> None:
        self._fit_height()

    def _with_distances(self) -> bool:
        day = self.selected
        return any(d.year == day.year and d.month == day.month for d in self.distances)

    def _fit_height(self) -> None:
        """A second line under each week when the month has distances to show."""
        self.styles.height = 15 if self._with_distances() else 9

    def render(self) -> Text:
        style = self.get_component_rich_style
        day = self.selected
        text = Text(no_wrap=True)
        text.append(f"{day:%B %Y}".center(CELL * 7 + 2).rstrip(), style("month--title"))
        text.append("\n")
        text.append(
            " " + "".join(name.center(CELL) for name in WEEKDAY_NAMES), style("month--weekday")
        )
        distances = self._with_distances()
        for week in month_weeks(day.year, day.month):
            text.append("\n ")
            for cell in week:
                text.append_text(self._cell(cell))
            if distances:
                text.append("\n ")
                for cell in week:
                    metres = self.distances.get(cell) if cell else None
                    shown = short_distance(metres) if metres else ""
                    text.append(f" {shown:<5}", style("month--distance"))
        return text

    def _cell(self, cell: date | None) -> Text:
        if cell is None:
            return Text(" " * CELL)
        style = self.get_component_rich_style
        marks = day_marks(self.days, cell)
        if marks.trained:
            sign, sign_style = TRAINED, style("month--trained")
        elif marks.scheduled:
            sign, sign_style = SCHEDULED, style("month--scheduled")
        elif marks.rest:
            sign, sign_style = REST, style("month--rest")
        else:
            sign, sign_style = " ", style("month--weekday")
        left, right = ("[", "]") if marks.today else (" ", " ")
        number = f"{cell.day:>2}"
        text = Text()
        text.append(left)
        text.append(number, style("month--today") if marks.today else "")
        text.append(sign, sign_style)
        run = marks.run
        if run is None:
            text.append(" ")
        else:
            key = run.kind in ("race", "long")
            text.append(RUN_MARKS[run.kind], style("month--key-run" if key else "month--run"))
        text.append(right)
        if cell == self.selected:
            text.stylize(style("month--selected"), 0, CELL - 1)
        return text
