"""What a screen is asked to draw again: its own `refresh` calls, recorded as they pass."""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen


class Repaints:
    """Each call of `screen.refresh` from now on: (regions, options); the call goes on."""

    def __init__(self, screen: Screen[Any], monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        refresh = screen.refresh

        def recorded(*regions: Any, **options: Any) -> Any:
            self.calls.append((regions, options))
            return refresh(*regions, **options)

        monkeypatch.setattr(screen, "refresh", recorded)

    @property
    def regions(self) -> list[Any]:
        """The regions asked for, over every call."""
        return [region for regions, _ in self.calls for region in regions]
