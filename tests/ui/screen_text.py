"""The text a screen shows, line by line, as a terminal would: for checks on what is visible."""

from __future__ import annotations

from textual.app import App


def screen_lines(app: App[None]) -> list[str]:
    """Every row of the topmost screen as plain text (a modal's own rows only)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App[None]) -> str:
    return "\n".join(screen_lines(app))
