"""The session's floor layout: what a runner on the mat needs, large enough to read from there.

The phase and side in block letters on the phase's colour band, the count or time in block
digits, and around them the exercise, the set, the target, the cues and what comes next.
It only draws a StepView; the colours are the session screen's (session.tcss).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

from runstrength.core.styled import Styled
from runstrength.core.view import StepView
from runstrength.widgets.big_number import BigNumber, BlockText
from runstrength.widgets.styled_text import styled_content
from runstrength.widgets.text_line import TextLine

BANDS = ("warmup", "intro", "work", "ready", "hold", "rest", "stretch", "summary")
"""The colour bands, one class each on the layout."""

CUE_LINES = 2
"""The form cues get at most this many lines (session.tcss gives them as many)."""


class FloorLayout(Vertical):
    """Draws one StepView; its lines redraw only when their text changes (TextLine)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view: StepView | None = None
        self._past = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="band"):
            yield BlockText(id="phase")
        yield TextLine(id="floor-title")
        yield TextLine(id="floor-set")
        yield BigNumber(id="count")
        yield TextLine(id="floor-goal")
        yield ProgressBar(id="floor-progress", show_eta=False, show_percentage=False)
        yield Static("", id="floor-cues")
        yield TextLine(id="floor-next")
        yield TextLine(id="floor-prompt")
        yield TextLine(id="floor-status")

    def show(self, view: StepView) -> None:
        old, self._view = self._view, view
        for band in BANDS:
            self.set_class(view.band == band, f"-{band}")
        # The side may go on a line of its own when that draws both larger.
        self.query_one("#phase", BlockText).show(
            f"{view.phase}\n{view.side}" if view.side else view.phase
        )
        self.query_one("#count", BigNumber).show(view.big)
        # Names and cues come from data files: shown as text, never as markup.
        self.query_one("#floor-title", TextLine).text = Text(view.title)
        self.query_one("#floor-set", TextLine).text = Text(view.set_text)
        self.query_one("#floor-next", TextLine).text = Text(view.coming)
        self._show_goal()
        if old is None or old.cues != view.cues:  # fitting them wraps text: not every tick
            self._show_cues()
        prompt = Text.assemble(("enter", "bold"), f" {view.prompt}") if view.prompt else Text()
        self.query_one("#floor-prompt", TextLine).text = prompt

    def on_resize(self) -> None:
        self._show_cues()

    def _show_cues(self) -> None:
        """As many whole cues as fit on the cue lines: a cue cut in half can read as
        different advice."""
        cues = list(self._view.cues) if self._view is not None else []
        widget = self.query_one("#floor-cues", Static)
        width = widget.content_region.width or self.size.width - 4
        while len(cues) > 1:
            lines = Text("  ·  ".join(cues)).wrap(self.app.console, max(width, 1))
            if len(lines) <= CUE_LINES:
                break
            cues.pop()
        widget.update(Text("  ·  ".join(cues)))

    def show_past(self, past: str) -> None:
        """What was done before ("red band: last time 18 · best 20"), beside the target."""
        self._past = past
        self._show_goal()

    def _show_goal(self) -> None:
        goal = self._view.goal if self._view is not None else ""
        line = f"{goal}   ·   {self._past}" if goal and self._past else goal or self._past
        if len(line) > self.size.width - 4 and goal and self._past:
            line = f"{goal}\n{self._past}"  # too long for one line: the target, then the rest
        self.query_one("#floor-goal", TextLine).text = Text(line)

    def show_status(self, status: Styled) -> None:
        """The status line: paused, tempo, band, sound, what was saved."""
        self.query_one("#floor-status", TextLine).text = styled_content(status)
