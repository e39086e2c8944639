"""The text a screen shows, line by line, as a terminal would: for checks on what is visible."""

from __future__ import annotations

from textual.app import App


def screen_lines(app: App[None]) -> list[str]:
    """Every row of the topmost screen as plain text (a modal's own rows only)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App[None]) -> str:
    return "\n".join(screen_lines(app))


def notices(app: App[None], severity: str = "") -> list[str]:
    """The notifications on screen (run_test(notifications=True)), oldest first, each as
    the runner reads it: its title, then its message; `severity`: only the "error" ones,
    say."""
    toasts = app.screen.query(f"Toast.-{severity}" if severity else "Toast")
    return [str(toast.render()) for toast in toasts]
