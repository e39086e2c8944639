"""The theme's colours made readable: every text colour keeps 4.5:1 on the theme's backgrounds.

Textual's themes pick some text colours that read poorly (the accent orange on light grey
is about 1.5:1). The app passes its CSS variables through `readable_variables`, which
darkens or lightens each text colour no more than needed, in any theme.
"""

from __future__ import annotations

from textual.color import Color

from runstrength.core.contrast import NORMAL_TEXT, RGB, contrast_ratio, readable

TEXT_COLOURS = (
    "text-accent",
    "text-primary",
    "text-secondary",
    "text-success",
    "text-warning",
    "text-error",
)
"""Colours used for text on the screen's backgrounds (the tcss files use these)."""
BACKGROUNDS = ("background", "surface", "panel")


def _rgb(value: str, under: Color) -> RGB:
    colour = Color.parse(value)
    return (under + colour).rgb if colour.a < 1 else colour.rgb


def _hex(rgb: RGB) -> str:
    return Color(*rgb).hex


def _strong_background(value: str, under: Color) -> str:
    """A background on which its own contrasting text (87%, as Textual draws it) reads."""
    background = Color.parse(value)
    for step in range(101):
        text = background + background.get_contrast_text(0.87)
        if contrast_ratio(text.rgb, background.rgb) >= NORMAL_TEXT:
            return background.hex
        toward = Color(0, 0, 0) if text.brightness > 0.5 else Color(255, 255, 255)
        background = Color.parse(value).blend(toward, step / 100)
    return background.hex


LINE_COLOURS = ("text-primary", "text-accent", "text-success", "text-error", "text-secondary")
"""Chart lines, one per series, in colours the theme keeps readable."""


def line_colours(variables: dict[str, str]) -> list[RGB]:
    return [Color.parse(variables[name]).rgb for name in LINE_COLOURS if name in variables]


def readable_variables(variables: dict[str, str]) -> dict[str, str]:
    """The CSS variables with each text colour (and each text-bearing background) fixed up."""
    fixed = dict(variables)
    base = Color.parse(variables["background"])
    backgrounds = tuple(_rgb(variables[name], base) for name in BACKGROUNDS if name in variables)
    for name in TEXT_COLOURS:
        if name in variables:
            fixed[name] = _hex(readable(_rgb(variables[name], base), backgrounds))
    footer = _rgb(variables.get("footer-background", variables["panel"]), base)
    if "footer-key-foreground" in variables:
        key = _rgb(variables["footer-key-foreground"], Color(*footer))
        fixed["footer-key-foreground"] = _hex(readable(key, (footer,)))
    for name in ("block-cursor-background", "primary"):
        strong = _strong_background(variables[name], base)
        fixed["block-cursor-background" if name != "primary" else "primary-strong"] = strong
    return fixed
