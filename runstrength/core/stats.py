"""Statistics over the log: weekly counts, streaks, reps per muscle, rest days kept, bests."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from runstrength.core.catalogue import Catalogue
from runstrength.core.records import SessionRecord, SetRecord, Side

STREAK_SESSIONS_PER_WEEK = 2


def week_start(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def strength_days(sessions: Iterable[SessionRecord]) -> set[date]:
    """Days with a strength session of at least one set (a recovery routine is no training)."""
    return {s.date for s in sessions if s.is_training}


def sessions_per_week(
    sessions: Iterable[SessionRecord], today: date, weeks: int = 12
) -> list[tuple[date, int]]:
    """(Monday, strength sessions with sets) for the last `weeks` weeks, oldest first, this
    week last."""
    return weekly_counts(week_counts(training_days(sessions)), today, weeks)


def training_days(sessions: Iterable[SessionRecord]) -> Counter[date]:
    """Strength sessions with sets, per day."""
    return Counter(s.date for s in sessions if s.is_training)


def week_counts(days: Mapping[date, int]) -> Counter[date]:
    """Sessions per week (by its Monday), from sessions per day."""
    counts: Counter[date] = Counter()
    for day, count in days.items():
        counts[week_start(day)] += count
    return counts


def weekly_counts(
    counts: Mapping[date, int], today: date, weeks: int = 12
) -> list[tuple[date, int]]:
    """`sessions_per_week` from the sessions per week."""
    this_week = week_start(today)
    starts = [this_week - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    return [(start, counts.get(start, 0)) for start in starts]


@dataclass(frozen=True)
class Streaks:
    current: int
    """Weeks in a row up to now with enough sessions (this week counts once it has them)."""
    longest: int


def week_streaks(
    sessions: Iterable[SessionRecord], today: date, per_week: int = STREAK_SESSIONS_PER_WEEK
) -> Streaks:
    return streaks_of(week_counts(training_days(sessions)), today, per_week)


def streaks_of(
    counts: Mapping[date, int], today: date, per_week: int = STREAK_SESSIONS_PER_WEEK
) -> Streaks:
    """`week_streaks` from the sessions per week."""
    good = sorted(week for week, n in counts.items() if n >= per_week)
    longest = run = 0
    previous: date | None = None
    for week in good:
        run = run + 1 if previous is not None and week - previous == timedelta(weeks=1) else 1
        longest = max(longest, run)
        previous = week
    this_week = week_start(today)
    # A week still in progress does not break the streak before it.
    week = this_week if counts.get(this_week, 0) >= per_week else this_week - timedelta(weeks=1)
    current = 0
    while counts.get(week, 0) >= per_week:
        current += 1
        week -= timedelta(weeks=1)
    return Streaks(current=current, longest=longest)


def reps_per_muscle(
    sessions: Iterable[SessionRecord], catalogue: Catalogue, since: date, until: date
) -> dict[str, int]:
    """Reps done for each muscle (every muscle an exercise works) between two days, inclusive.

    Timed holds count no reps; exercises no longer in the catalogue are left out.
    """
    reps: dict[str, int] = defaultdict(int)
    for session in sessions:
        if not since <= session.date <= until:
            continue
        for record in session.sets:
            if record.reps:
                reps[record.exercise] += record.reps
    return muscle_totals(reps, catalogue)


def muscle_totals(reps: Mapping[str, int], catalogue: Catalogue) -> dict[str, int]:
    """`reps_per_muscle` from the reps per exercise, most worked first."""
    totals: dict[str, int] = defaultdict(int)
    for exercise_id, count in reps.items():
        exercise = catalogue.exercises.get(exercise_id)
        for muscle in exercise.muscles if exercise is not None else ():
            totals[muscle] += count
    return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True)
class RestDays:
    respected: int
    """Strength days followed by a day without strength work."""
    strength_days: int
    """Strength days whose following day is over: only those can be judged."""
    waiting: int = 0
    """Strength days whose rest day is today or later, not yet lived."""


def rest_days_respected(sessions: Iterable[SessionRecord], today: date) -> RestDays:
    """Rest days kept, judged only once the day after a strength day has been lived."""
    return rest_days_of(strength_days(sessions), today)


def rest_days_of(days: set[date], today: date) -> RestDays:
    """`rest_days_respected` from the strength days."""
    judged = {day for day in days if day + timedelta(days=1) < today}
    respected = sum(1 for day in judged if day + timedelta(days=1) not in days)
    return RestDays(respected=respected, strength_days=len(judged), waiting=len(days - judged))


def amount(record: SetRecord) -> int:
    """What a set achieved: reps, or seconds held for a timed hold."""
    return record.reps if record.reps is not None else record.seconds or 0


def reached_target(record: SetRecord) -> bool:
    if record.reps is not None:
        return record.reps >= max(record.target_reps or 0, 20)
    return record.seconds is not None and record.seconds >= (record.target_seconds or 0) > 0


def best_by_band(
    sessions: Iterable[SessionRecord], exercise_id: str
) -> dict[str | None, SetRecord]:
    """The best set for each band level (None: bodyweight); the earliest wins a tie."""
    best: dict[str | None, SetRecord] = {}
    for session in sessions:
        for record in session.sets:
            if record.exercise != exercise_id:
                continue
            current = best.get(record.band)
            if current is None or amount(record) > amount(current):
                best[record.band] = record
    return best


@dataclass(frozen=True)
class LastAndBest:
    last: int | None
    best: int | None


PastKey = tuple[str, int, Side | None, str | None]


@dataclass(frozen=True)
class PastResults:
    """For the set screen, per band, for every exercise, set and side at once: a set's
    result last time and the exercise's best, a lookup per set."""

    last: dict[PastKey, int]
    best: dict[tuple[str, str | None], int]

    def find(
        self, exercise_id: str, set_number: int, side: Side | None, band: str | None = None
    ) -> LastAndBest:
        """This set's result last time and the exercise's best, both on `band` (None: without)."""
        return LastAndBest(
            last=self.last.get((exercise_id, set_number, side, band)),
            best=self.best.get((exercise_id, band)),
        )


def past_results(sessions: Iterable[SessionRecord]) -> PastResults:
    """One pass over the sessions (oldest first), so the set screen never scans them."""
    last: dict[PastKey, int] = {}
    best: dict[tuple[str, str | None], int] = {}
    for session in sessions:
        for record in session.sets:
            done = amount(record)
            last[(record.exercise, record.set, record.side, record.band)] = done
            key = (record.exercise, record.band)
            best[key] = max(best.get(key, 0), done)
    return PastResults(last=last, best=best)


def best_today(done: Iterable[SetRecord], exercise_id: str, band: str | None) -> int | None:
    """The best set of an exercise on `band` (None: without) among this session's sets."""
    amounts = [amount(r) for r in done if r.exercise == exercise_id and r.band == band]
    return max(amounts, default=None)


def past_text(
    found: LastAndBest, *, is_hold: bool, band: str | None, today: int | None = None
) -> str:
    """ "last time 15 · best 18" for a set, saying which band they are for; `today`: the
    best set on it this session, which counts towards the best ("best today 20" alone)."""
    unit = " s" if is_hold else ""
    parts = []
    if found.last is not None:
        parts.append(f"last time {found.last}{unit}")
    if found.best is not None:
        parts.append(f"best {max(found.best, today or 0)}{unit}")
    elif today is not None:
        parts.append(f"best today {today}{unit}")
    text = " · ".join(parts)
    if band is None:
        return text
    return f"{band} band: {text}" if text else f"{band} band: nothing logged on it yet"


def progression_hint(
    sessions: list[SessionRecord], exercise_id: str, catalogue: Catalogue, bands: tuple[str, ...]
) -> str | None:
    """A nudge once every set of the exercise reached its goal in the last two sessions."""
    recent = [s for s in sessions if any(r.exercise == exercise_id for r in s.sets)][-2:]
    if len(recent) < 2:
        return None
    records = [r for s in recent for r in s.sets if r.exercise == exercise_id]
    return hint_after(
        all(reached_target(r) for r in records), records[-1].band, exercise_id, catalogue, bands
    )


def hint_after(
    reached: bool, band: str | None, exercise_id: str, catalogue: Catalogue, bands: tuple[str, ...]
) -> str | None:
    """`progression_hint` once the last two sessions are known: whether every set of theirs
    reached its goal, and the band of the last set."""
    if not reached:
        return None
    # Short enough for one line beside the exercise's name (its intro card, its chart).
    exercise = catalogue.exercises.get(exercise_id)
    if exercise is not None and exercise.uses_band and band in bands:
        position = bands.index(band)
        if position + 1 < len(bands):
            return f"goal met twice running: try the {bands[position + 1]} band"
    harder = exercise.harder if exercise else None
    if harder and harder in catalogue.exercises:
        return f"goal met twice running: ready for {catalogue.exercises[harder].name}?"
    return "goal met twice running: slow the tempo to make it harder"
