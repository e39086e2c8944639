"""Which resistance band each exercise is done with during a session."""

from __future__ import annotations

from collections.abc import Mapping

from runstrength.core.catalogue import Exercise


class BandChoice:
    """Per exercise: the band last used (remembered from the log, or picked with b),
    else the lightest band owned; None for bodyweight work or when no band is owned."""

    def __init__(self, owned: tuple[str, ...], remembered: Mapping[str, str | None] | None = None):
        self.owned = owned
        self._chosen: dict[str, str | None] = dict(remembered or {})

    def band_for(self, exercise: Exercise) -> str | None:
        """A band no longer in the settings gives way to the lightest."""
        if not exercise.uses_band or not self.owned:
            return None
        chosen = self._chosen.get(exercise.id)
        return chosen if chosen in self.owned else self.owned[0]

    def remember(self, exercise_id: str, band: str) -> None:
        self._chosen[exercise_id] = band

    def learn(self, last_used: Mapping[str, str]) -> None:
        """The bands last used, from the log; a band already picked in this session stays."""
        for exercise_id, band in last_used.items():
            self._chosen.setdefault(exercise_id, band)

    def next(self, exercise: Exercise) -> bool:
        """On to the next band for `exercise`, wrapping to the lightest; False with none owned."""
        if not self.owned:
            return False
        current = self.band_for(exercise)
        position = self.owned.index(current) if current in self.owned else -1
        self._chosen[exercise.id] = self.owned[(position + 1) % len(self.owned)]
        return True
