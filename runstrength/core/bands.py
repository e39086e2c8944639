"""Which resistance band each exercise is done with during a session."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from runstrength.core.catalogue import Exercise
from runstrength.core.records import ResumePoint, SetRecord


class BandChoice:
    """Per exercise: the band last used (remembered from the log, or picked with b),
    else the lightest band owned; None for bodyweight work or when no band is owned."""

    def __init__(self, owned: tuple[str, ...], remembered: Mapping[str, str | None] | None = None):
        self.owned = owned
        self._chosen: dict[str, str | None] = dict(remembered or {})
        self._picked: set[str] = set()
        """The exercises whose band was picked with b (here or before a set-aside)."""

    def band_for(self, exercise: Exercise) -> str | None:
        """A band no longer in the settings gives way to the lightest."""
        if not exercise.uses_band or not self.owned:
            return None
        chosen = self._chosen.get(exercise.id)
        return chosen if chosen in self.owned else self.owned[0]

    def remember(self, exercise_id: str, band: str, *, picked: bool = False) -> None:
        """`band` is the one to go on with: logged with a set, or `picked` with b."""
        self._chosen[exercise_id] = band
        if picked:
            self._picked.add(exercise_id)

    def kept_at(self, point: ResumePoint | None) -> ResumePoint | None:
        """Where a session set aside goes on, with the band picked for that exercise (a
        pick not yet logged with a set would otherwise be lost)."""
        if point is None or point.exercise not in self._picked:
            return point
        return point._replace(band=self._chosen.get(point.exercise))

    def go_on_from(self, done: Iterable[SetRecord], at: ResumePoint | None) -> None:
        """A session resumed: each exercise on the band of its last set logged, the one
        it goes on at on the band picked before it was set aside (picked after those)."""
        for record in done:
            if record.band is not None:
                self.remember(record.exercise, record.band)
        if at is not None and at.band is not None:
            self.remember(at.exercise, at.band, picked=True)

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
        self.remember(exercise.id, self.owned[(position + 1) % len(self.owned)], picked=True)
        return True
