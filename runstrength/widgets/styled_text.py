"""How each role of the core's styled text looks (`core/styled.py`), as Textual content."""

from __future__ import annotations

from textual.content import Content

from runstrength.core.styled import Role, Styled

LOOKS: dict[Role, str] = {"plain": "", "strong": "b", "paused": "reverse", "alert": "b red"}


def styled_content(text: Styled) -> Content:
    """The pieces as content: their words are text, never markup."""
    return Content.assemble(*((piece.text, LOOKS[piece.role]) for piece in text))
