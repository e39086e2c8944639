"""Every text on every screen keeps 4.5:1 on its background (3:1 for chart lines), in the
dark and the light theme: computed cell by cell from what the screen really draws."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen

from runstrength.core.contrast import LARGE_TEXT, NORMAL_TEXT, contrast_ratio
from tests.ui.every_screen import seed_history, visit_every_screen

THEMES = ("textual-dark", "textual-light")


def _kind(char: str) -> str | None:
    """ "text", "graphic" (a chart's braille dots: 3:1) or None (borders, bars, blanks)."""
    code = ord(char)
    if char.isspace() or 0x2500 <= code <= 0x259F:
        return None
    return "graphic" if 0x2800 <= code <= 0x28FF else "text"


def low_contrast(app) -> list[str]:
    """Each run of cells below its threshold, as 'text (ratio, fg on bg)'."""
    screen = app.screen
    # Under a question the screen below is dimmed on purpose: only the question counts.
    regions = [w.region for w in screen._compositor.visible_widgets if w is not screen]
    found = []
    for y, strip in enumerate(screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            start, x = x, x + segment.cell_length
            style = segment.style
            kinds = {_kind(c) for c in segment.text} - {None}
            if not kinds or style is None or style.color is None or style.bgcolor is None:
                continue
            if isinstance(screen, ModalScreen) and not any(r.contains(start, y) for r in regions):
                continue
            fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            ratio = contrast_ratio(tuple(fg), tuple(bg))
            need = NORMAL_TEXT if "text" in kinds else LARGE_TEXT
            if ratio < need:
                found.append(f"{segment.text.strip()!r} ({ratio:.2f}, {fg.hex} on {bg.hex})")
    return found


@pytest.mark.parametrize("theme", THEMES)
async def test_every_screen_reads_in_the_theme(make_app, theme: str) -> None:
    app = make_app(theme=theme)
    seed_history(app)
    problems: dict[str, list[str]] = {}

    def look(name: str) -> None:
        assert app.theme == theme
        found = low_contrast(app)
        if found:
            problems[name] = found

    async with app.run_test(size=(80, 24)) as pilot:
        seen = await visit_every_screen(pilot, look)
    assert len(seen) > 20
    assert problems == {}
