"""A brief full-width colour band that shows a phase change when no sound can be heard."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

FLASH_SECONDS = 1.5
PHASE_WORDS = {
    "warmup": "WARM-UP",
    "exercise": "NEXT EXERCISE",
    "ready": "GET READY",
    "work": "GO",
    "rest": "REST",
    "stretch": "STRETCH",
    "done": "SESSION DONE",
    "stopped": "SESSION STOPPED",
}


class FlashBand(Static):
    """Hidden until `flash`; hides itself on the first `expire` after FLASH_SECONDS.

    Time comes from the caller (the screen's clock), so tests need not wait. The colour
    comes from the theme: one class per phase, styled in DEFAULT_CSS with theme variables.
    """

    DEFAULT_CSS = """
    FlashBand {
        position: absolute;
        layer: flash;
        width: 100%;
        height: 3;
        content-align: center middle;
        text-style: bold;
        display: none;
        background: $primary;
        color: $text;
    }
    FlashBand.-shown { display: block; }
    FlashBand.-work, FlashBand.-warmup, FlashBand.-ready { background: $success; }
    FlashBand.-rest { background: $warning; }
    FlashBand.-stretch { background: $accent; }
    FlashBand.-exercise, FlashBand.-done, FlashBand.-stopped { background: $primary; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.hide_at: float | None = None
        self.phase: str | None = None

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    def flash(self, phase: str, now: float, detail: str = "") -> None:
        """Show the phase word and what it is about ("GO · Glute bridge") until now + 1.5 s."""
        for name in PHASE_WORDS:
            self.set_class(name == phase, f"-{name}")
        self.phase = phase
        word = PHASE_WORDS.get(phase, phase.upper())
        self.update(Text(f"{word} · {detail}" if detail and detail.upper() != word else word))
        self.add_class("-shown")
        self.hide_at = now + FLASH_SECONDS

    def expire(self, now: float) -> None:
        if self.hide_at is not None and now >= self.hide_at:
            self.hide_at = None
            covered = self.region
            self.remove_class("-shown")
            # What lay under the band is drawn again: on its own layer, a hidden band
            # does not always expose the lines it covered (the summary's heading stayed
            # under a stale band until the next full redraw).
            self.screen.refresh(covered)
