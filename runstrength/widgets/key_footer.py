"""A footer that fits its width: on a narrow terminal the keys that matter least leave it,
and the rest, `?` help among them, stay whole and in sight.

Textual's footer lays its keys out in one row and cuts what does not fit, so on a narrow
terminal the last keys (help, the way to every other key) are lost. This one hides keys in
the order the screen declares (`Command.gives_way`) until the row fits; the help lists
every key, shown or not.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from runstrength.commands import Keys

KEY_GAP = 1
"""The space after each key in a compact footer (Textual's `margin-right: 1`)."""


def key_width(key_display: str, description: str) -> int:
    """The columns a key takes in a compact footer: `? Help` and the gap after it."""
    label = f" {description}" if description else ""
    return cell_len(key_display) + cell_len(label) + KEY_GAP


def to_hide(keys: Sequence[tuple[int, int]], room: int) -> set[int]:
    """Which keys (by position) leave a footer `room` columns wide; each key is its width
    and how soon it gives way (0: never). The highest give way first, one rank at a time,
    until the rest fit."""
    hidden: set[int] = set()
    used = sum(width for width, _ in keys)
    for rank in sorted({rank for _, rank in keys if rank}, reverse=True):
        if used <= room:
            break
        for position, (width, gives_way) in enumerate(keys):
            if gives_way == rank:
                hidden.add(position)
                used -= width
    return hidden


class KeyFooter(Footer):
    """The compact footer of a screen whose keys are declared in `keys`, fitted to its width."""

    def __init__(self, keys: Keys) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self.declared = keys

    async def recompose(self) -> None:
        # The footer composes its keys again whenever the bindings change (a new step).
        await super().recompose()
        self.fit()

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        keys = list(self.query(FooterKey))
        sizes = [
            (key_width(key.key_display, key.description), self.declared.gives_way(key.key))
            for key in keys
        ]
        # The gap after the last key may fall off the edge.
        hidden = to_hide(sizes, (self.size.width or self.app.size.width) + KEY_GAP)
        for position, key in enumerate(keys):
            key.display = position not in hidden
