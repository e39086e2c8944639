"""Text the core hands to the screens as pieces, each with the role it plays.

The core says what a piece is (strong, an alert, the paused marker); the widgets choose
how that looks (`widgets/styled_text.py`). No markup is written here, so a name from a
data file is never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Role = Literal["plain", "strong", "paused", "alert"]


@dataclass(frozen=True)
class Piece:
    text: str
    role: Role = "plain"


Styled = tuple[Piece, ...]


def strong(text: str) -> Piece:
    return Piece(text, "strong")


def joined(parts: Iterable[Styled], separator: str) -> Styled:
    """The parts one after another with `separator` (plain) between them."""
    pieces: list[Piece] = []
    for part in parts:
        if pieces:
            pieces.append(Piece(separator))
        pieces.extend(part)
    return tuple(pieces)


def plain(text: Styled) -> str:
    """The words alone, without their roles."""
    return "".join(piece.text for piece in text)
