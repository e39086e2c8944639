"""The base of a part of a screen kept in a module of its own (home's way into a session,
the end of a session): typed as the screen it belongs to, a plain class at run time, so
it is never taken for a screen of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    ScreenPart = Screen[None]
else:
    ScreenPart = object
