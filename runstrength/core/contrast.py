"""Contrast between two colours as WCAG 2 defines it, to keep text readable in every theme."""

from __future__ import annotations

RGB = tuple[int, int, int]

NORMAL_TEXT = 4.5
"""The least contrast for ordinary text."""
LARGE_TEXT = 3.0
"""The least contrast for large text (block digits, banners)."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: RGB) -> float:
    """How light a colour looks, from 0 (black) to 1 (white)."""
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: RGB, second: RGB) -> float:
    """From 1 (the same colour) to 21 (black on white); order does not matter."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


BLACK: RGB = (0, 0, 0)
WHITE: RGB = (255, 255, 255)


def mix(first: RGB, second: RGB, amount: float) -> RGB:
    """`first` moved `amount` (0 to 1) of the way to `second`."""
    r, g, b = (round(a + (b - a) * amount) for a, b in zip(first, second, strict=True))
    return (r, g, b)


def readable(color: RGB, backgrounds: tuple[RGB, ...], minimum: float = NORMAL_TEXT) -> RGB:
    """`color`, darkened or lightened no more than needed to reach `minimum` on each background.

    It moves toward black on light backgrounds and toward white on dark ones, so a theme's
    hue stays recognisable (a deep orange for an orange accent on light grey).
    """
    darkest = min(backgrounds, key=relative_luminance)
    lightest = max(backgrounds, key=relative_luminance)
    toward_black = contrast_ratio(BLACK, darkest)
    toward_white = contrast_ratio(WHITE, lightest)
    target = BLACK if toward_black >= toward_white else WHITE
    for step in range(101):
        candidate = mix(color, target, step / 100)
        if all(contrast_ratio(candidate, bg) >= minimum for bg in backgrounds):
            return candidate
    return target
