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
