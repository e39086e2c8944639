"""A line filter that drops control characters from everything drawn.

Text from a file (a run title from a downloaded GPX file, an event from a shared
calendar, a name in an old log) may hold an escape sequence; Textual would pass it to
the terminal, which would obey it. Control characters have no width on screen, so
dropping them changes no layout.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

# C0 (new line and tab included: a line drawn holds neither), DEL and C1.
_DROPPED = dict.fromkeys([*range(0x00, 0x20), *range(0x7F, 0xA0)])


class ControlCharacters(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment
            if segment.control or segment.text.isprintable()
            else Segment(segment.text.translate(_DROPPED), segment.style)
            for segment in segments
        ]
