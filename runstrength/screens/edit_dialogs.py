"""Dialogs for changing the log by hand: correct a set, confirm a deletion."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Select, Static

from runstrength.core.records import SetRecord
from runstrength.screens.plain import escape


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; True means go ahead."""

    CSS_PATH = "shared.tcss"

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            yield Static(self.detail)
            yield Static("[b]y[/b] yes    [b]n[/b] no", classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


@dataclass(frozen=True)
class Correction:
    reps: int | None
    seconds: int | None
    band: str | None


class CorrectSetDialog(ModalScreen[Correction | None]):
    """Reps (or seconds held) and band of one set, checked before saving."""

    CSS_PATH = "shared.tcss"

    # enter saves from the number; on the band list it opens and picks, as a list does.
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, record: SetRecord, name: str, bands: tuple[str, ...]) -> None:
        super().__init__()
        self.record = record
        self.exercise_name = name
        self.bands = bands
        self.is_hold = record.reps is None

    def compose(self) -> ComposeResult:
        record = self.record
        unit = "seconds held" if self.is_hold else "reps"
        value = record.seconds if self.is_hold else record.reps
        side = f" ({record.side})" if record.side else ""
        bands = list(self.bands)
        if record.band and record.band not in bands:
            bands.append(record.band)
        with Vertical(classes="dialog"):
            yield Label(
                f"Correct {escape(self.exercise_name)}, set {record.set}{side}",
                classes="dialog-title",
            )
            yield Label(unit.capitalize())
            yield Input(str(value or 0), id="amount", type="integer")
            yield Label("Band")
            yield Select(
                [("bodyweight", "")] + [(Text(band), band) for band in bands],
                value=record.band or "",
                allow_blank=False,
                id="band",
            )
            yield Static("", id="correct-error")
            yield Static(
                "[b]enter[/b] / [b]ctrl+s[/b] save    [b]tab[/b] band    [b]escape[/b] cancel",
                classes="dialog-keys",
            )
        yield Footer(compact=True, show_command_palette=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#amount", Input).value.strip()
        limit = 600 if self.is_hold else 200
        if not text.isdigit() or int(text) > limit:
            self.query_one("#correct-error", Static).update(
                f"[b red]A whole number from 0 to {limit}, please.[/]"
            )
            return
        amount = int(text)
        band = self.query_one("#band", Select).value
        chosen_band = band if isinstance(band, str) and band else None
        record = self.record
        was = record.seconds if self.is_hold else record.reps
        if amount == (was or 0) and chosen_band == record.band:
            self.dismiss(None)  # nothing changed: nothing to write, nothing marked edited
            return
        self.dismiss(
            Correction(
                reps=None if self.is_hold else amount,
                seconds=amount if self.is_hold else None,
                band=chosen_band,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
