"""User text escaped for markup shows exactly as typed."""

from __future__ import annotations

import pytest
from textual.content import Content

from runstrength.screens.plain import escape


@pytest.mark.parametrize(
    "text",
    ["expected [[exercise]]", "[red]track", "a \\[b] c", "a \\\\[b]", "C:\\x\\", "[", "x[/]", ""],
)
def test_escaped_text_shows_as_typed(text: str) -> None:
    assert Content.from_markup(escape(text)).plain == text
