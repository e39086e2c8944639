"""Timers in the real app, headless, on the real clock: CPU while resting, and accuracy.

    python benchmarks/timers.py [--seconds 20]

- CPU: the share of one core the app uses while a 60 s rest timer runs (measured over
  --seconds of it, median of --repeat runs), against a bare Textual app (Header,
  Static, Footer) idling as long.
- Accuracy: how late the screen moves on after a countdown's deadline, over a few
  short rests, stretches and holds (2 s each; sets are done at once by the script).
- Drift: a simulated 45-minute session on a fake clock, ticked as the screen ticks
  (each tick up to 20 ms late at random), against the sum of its timers.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).parents[1]
"""The source tree: its tests package holds the doubles used here (a fake clock, a silent
player)."""

BARE = """
import sys, time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def on_mount(self):
        self.set_timer(1.0, self.begin)

    def begin(self):
        self.cpu = time.process_time()
        self.set_timer(float(sys.argv[1]), self.end)

    def end(self):
        print(time.process_time() - self.cpu)
        self.exit()

Bare().run(headless=True, size=(80, 24))
"""

OURS = """
import sys, time
from runstrength.app import RunStrengthApp
from tests.doubles import SilentPlayer  # PYTHONPATH: the source tree
from runstrength.factory import build_context
from runstrength.paths import resolve_paths
from runstrength.screens.session import SessionScreen

seconds, mode = float(sys.argv[2]), sys.argv[3]
TIMERS = 8

class Resting(RunStrengthApp):
    async def on_mount(self):
        await super().on_mount()
        rest = 60 if mode == "cpu" else 2
        self.context.settings = self.context.settings._replace(rest_seconds=rest,
                                        stretch_hold_seconds=rest)
        program = self.context.default_program()
        program = program._replace(rest_seconds=rest)
        screen = SessionScreen(self.context, program)
        await self.push_screen(screen)
        engine = screen.engine
        screen.apply(engine.proceed())                 # the warm-up ends (s skips one move)
        screen.apply(engine.proceed())                 # intro -> set 1
        screen.apply(engine.count(1))
        screen.apply(engine.proceed())                 # set 1 done -> rest
        self.screen_ = screen
        if mode == "cpu":
            self.set_timer(1.0, self.begin)
        else:
            self.late = []
            self.watch_deadline()

    def begin(self):
        self.cpu = time.process_time()
        self.set_timer(seconds, self.end)

    def end(self):
        print(time.process_time() - self.cpu)
        self.exit()

    def watch_deadline(self):
        screen = self.screen_
        engine = screen.engine
        original = screen.tick
        self.deadline = time.monotonic() + engine.remaining()

        def tick():
            called = time.monotonic()
            index = engine.index
            original()
            if engine.index == index:
                return
            self.late.append(called - self.deadline)
            if len(self.late) >= TIMERS or engine.finished:
                print(" ".join(f"{x:.4f}" for x in self.late))
                self.exit()
                return
            while engine.countdown is None and not engine.finished:
                screen.apply(engine.count(1))  # a counted set needs a rep before enter
                screen.apply(engine.proceed())  # intro or set: on to the next timer at once
            self.deadline = time.monotonic() + engine.remaining()

        screen.tick = tick

context = build_context(resolve_paths(sys.argv[1]), sound=SilentPlayer())
Resting(context).run(headless=True, size=(80, 24))
"""


def run(script: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(script), *args], check=True, capture_output=True, text=True, env=env
    )
    return result.stdout.strip()


def drift() -> tuple[float, float, int]:
    """A simulated endurance session: (total late, worst step late, steps), in seconds."""
    sys.path.insert(0, str(ROOT))
    from runstrength.core.engine import READY_SECONDS, SessionEngine
    from runstrength.core.plan import IntroStep, SetStep
    from runstrength.core.settings import Settings
    from runstrength.core.ticking import next_tick_delay
    from runstrength.store import load_catalogue, load_programs
    from tests.doubles import FakeClock

    catalogue = load_catalogue()
    program = load_programs(catalogue).programs["endurance"]
    settings = Settings(warmup_minutes=15, stretch_hold_seconds=30, tempo_seconds=3.0)
    clock = FakeClock()
    engine = SessionEngine(program, settings, clock, "drift", catalogue.warmup)
    engine.toggle_tempo()
    rng = random.Random(45)
    engine.start()
    started = clock.monotonic()
    planned_total, worst, steps = 0.0, 0.0, 0
    while not engine.finished:
        step = engine.step
        if isinstance(step, IntroStep):
            engine.proceed()
            continue
        if isinstance(step, SetStep) and not step.entry.exercise.is_hold:
            planned = (step.entry.reps or 0) * settings.tempo_seconds
        elif isinstance(step, SetStep):
            # a hold: the get-ready countdown, then the hold itself
            planned = float(step.entry.seconds or 0) + READY_SECONDS
        else:
            planned = float(step.seconds)
        entered, index = clock.monotonic(), engine.index
        while engine.index == index:
            delay = next_tick_delay(engine)
            assert delay is not None, "a timed step always has a next tick"
            clock.advance(delay + rng.uniform(0, 0.02))
            engine.tick()
        worst = max(worst, clock.monotonic() - entered - planned)
        planned_total += planned
        steps += 1
    return clock.monotonic() - started - planned_total, worst, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3, help="CPU runs (the median counts)")
    args = parser.parse_args()
    seconds = args.seconds
    with tempfile.TemporaryDirectory() as tmp:
        bare_script, our_script = Path(tmp, "bare.py"), Path(tmp, "ours.py")
        bare_script.write_text(BARE)
        our_script.write_text(OURS)
        data = str(Path(tmp, "data"))
        # Past the first-run greeting: home lies under the session, as on every other day.
        Path(data).mkdir()
        Path(data, "config.toml").write_text("first_run_done = true\n")
        bare, ours = [], []
        for _ in range(args.repeat):  # interleaved, so a busy machine affects both alike
            bare.append(float(run(bare_script, str(seconds))) / seconds * 100)
            ours.append(float(run(our_script, data, str(seconds), "cpu")) / seconds * 100)
        bare_cpu, our_cpu = statistics.median(bare), statistics.median(ours)
        late = [float(x) * 1000 for x in run(our_script, data, "0", "late").split()]
    total_late, worst_step, steps = drift()
    print("| measure | value | ratio to bare |")
    print("|---|---|---|")
    span = f"{seconds:.0f} s, median of {args.repeat}"
    print(f"| bare Textual app idle, CPU ({span}) | {bare_cpu:.2f} % of a core | 1.00 |")
    print(
        f"| 60 s rest timer running, CPU ({span}) | {our_cpu:.2f} % of a core | "
        f"{our_cpu / max(bare_cpu, 1e-3):.2f} |"
    )
    print(
        f"| countdown end, late after its deadline ({len(late)} timers) | "
        f"median {statistics.median(late):.1f} ms, worst {max(late):.1f} ms | |"
    )
    print(
        f"| simulated 45-min session ({steps} timed steps, ticks up to 20 ms late) | "
        f"{total_late * 1000:.1f} ms over the sum of its timers, worst step "
        f"{worst_step * 1000:.1f} ms | |"
    )


if __name__ == "__main__":
    main()
