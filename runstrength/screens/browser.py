"""The exercise browser: the catalogue filtered by muscle group and equipment, with details."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from runstrength.commands import HELP, SOUND, Command, keys
from runstrength.context import AppContext
from runstrength.core.catalogue import MUSCLES, REGION_TITLES, Catalogue, Exercise
from runstrength.screens.plain import escape

ANY = "any"
EQUIPMENT = [("Any equipment", ANY), ("Bodyweight", "bodyweight"), ("Band", "band")]


def muscle_options() -> list[tuple[str, str]]:
    """Whole regions first (core, lower, upper body), then single muscles."""
    options = [("Any muscle group", ANY)]
    options += [(title, f"region:{region}") for region, title in REGION_TITLES.items()]
    options += [(f"  {muscle}", f"muscle:{muscle}") for muscle in MUSCLES]
    return options


def matches(exercise: Exercise, muscle: str, equipment: str) -> bool:
    if equipment != ANY and exercise.equipment != equipment:
        return False
    if muscle.startswith("region:"):
        return exercise.region == muscle.removeprefix("region:")
    if muscle.startswith("muscle:"):
        return muscle.removeprefix("muscle:") in exercise.muscles
    return True


def exercise_details(exercise: Exercise, catalogue: Catalogue, hold_seconds: int) -> str:
    """Everything the browser says about one exercise, as Textual markup; `hold_seconds`:
    how long a session holds the stretch after it (the stretch_hold_seconds setting)."""
    stretch = catalogue.stretch_for(exercise)
    kind = "a timed hold" if exercise.is_hold else "counted in reps (15-20)"
    equipment = "resistance band" if exercise.uses_band else "body weight only"
    sides = (
        "Per side: each set is done on the left, then on the right."
        if exercise.per_side
        else "Both sides work together: one count per set."
    )
    alternative = catalogue.exercises.get(exercise.alternative or "")
    # Names, summaries and cues come from data files: text, never markup.
    lines = [
        f"[b]{escape(exercise.name)}[/b]  [dim]{exercise.id}[/dim]",
        f"{REGION_TITLES[exercise.region]} · {', '.join(exercise.muscles)}",
        f"{equipment} · {kind}",
        sides,
        *([f"No band? {escape(alternative.name)} instead."] if alternative else []),
        "",
        escape(exercise.summary),
        "",
        "[b]Form cues[/b]",
        *(f"  • {escape(cue)}" for cue in exercise.cues),
        "",
        f"[b]Then stretch:[/b] {escape(stretch.name)}, held {hold_seconds} s"
        + (" per side" if stretch.per_side else ""),
        *(f"  • {escape(cue)}" for cue in stretch.cues),
    ]
    return "\n".join(lines)


class BrowserScreen(Screen[None]):
    CSS_PATH = ["shared.tcss", "browser.tcss"]
    KEYS = keys(
        "exercise browser",
        Command("tab", "move between the filters and the list"),
        Command("enter", "open a filter's choices"),
        Command("up,down", "pick an exercise in the list"),
        Command("escape,q", "back", "back", "Back"),
        SOUND.help_only(),
        HELP._replace(action="app.help"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.shown: list[Exercise] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Select(muscle_options(), value=ANY, allow_blank=False, id="muscle", compact=True)
            yield Select(EQUIPMENT, value=ANY, allow_blank=False, id="equipment", compact=True)
            yield Label("", id="count")
        with Horizontal(id="browser"):
            yield OptionList(id="exercises")
            with VerticalScroll(id="detail-box"):
                yield Static("", id="detail")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.refilter()
        self.query_one("#exercises", OptionList).focus()

    @on(Select.Changed)
    def filter_changed(self) -> None:
        self.refilter()

    def refilter(self) -> None:
        muscle = self.query_one("#muscle", Select).value
        equipment = self.query_one("#equipment", Select).value
        self.shown = [
            exercise
            for exercise in self.context.catalogue.exercises.values()
            if matches(exercise, str(muscle), str(equipment))
        ]
        listing = self.query_one("#exercises", OptionList)
        listing.clear_options()
        listing.add_options([Option(e.name, id=e.id) for e in self.shown])
        self.query_one("#count", Label).update(f"{len(self.shown)} exercises")
        if self.shown:
            listing.highlighted = 0
        self.show_detail(self.shown[0] if self.shown else None)

    @on(OptionList.OptionHighlighted, "#exercises")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        exercise = self.context.catalogue.exercises.get(event.option.id or "")
        self.show_detail(exercise)

    def show_detail(self, exercise: Exercise | None) -> None:
        text = (
            exercise_details(
                exercise, self.context.catalogue, self.context.settings.stretch_hold_seconds
            )
            if exercise
            else "No exercise matches these filters."
        )
        self.query_one("#detail", Static).update(text)

    def action_back(self) -> None:
        self.dismiss(None)
