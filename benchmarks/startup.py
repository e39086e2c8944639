"""Cold start to the first painted frame, headless: runstrength against a bare Textual app.

    python benchmarks/startup.py [--runs 15]

Each run is a fresh process that builds the app, paints its first frame and exits.
The bare app has a Header, a Static and a Footer. Measured: from the moment the process
is started to the moment its first frame has been drawn (Textual's post_display_hook;
the process reports that moment on the system's monotonic clock), and, for reference,
the whole run including the interpreter's exit. Reported: medians and the ratios.

Both apps start from compiled bytecode, as an installed package does (pip compiles it
at install; a source checkout writes it on the first run): the runs share a fresh
bytecode cache (PYTHONPYCACHEPREFIX) that the warm-up runs fill, even where
PYTHONDONTWRITEBYTECODE is set. Otherwise an editable install would compile every
runstrength module on every start while Textual loads its installed bytecode.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def post_display_hook(self):
        # Textual calls this as each frame has been drawn: the first one is the mark.
        if not getattr(self, "painted", False):
            self.painted = True
            print(time.monotonic(), flush=True)
            self.call_later(self.exit)

Bare().run(headless=True, size=(80, 24))
"""

RUNSTRENGTH = """
import sys
import time
from runstrength.app import RunStrengthApp
from runstrength.factory import build_context
from runstrength.paths import resolve_paths

class FirstFrame(RunStrengthApp):
    def post_display_hook(self):
        if not getattr(self, "painted", False):
            self.painted = True
            print(time.monotonic(), flush=True)
            self.call_later(self.exit)

paths = resolve_paths(sys.argv[1])
# A returning user: settings saved, so home is the first screen (not the first-run setup).
paths.config_dir.mkdir(parents=True, exist_ok=True)
paths.config_file.write_text("first_run_done = true\\n")
context = build_context(paths)
FirstFrame(context).run(headless=True, size=(80, 24))
"""


def timed(script: Path, *args: str, env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the first painted frame, seconds for the whole run)."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(script), *args], check=True, env=env, capture_output=True, text=True
    )
    ended = time.monotonic()
    painted = float(done.stdout.split()[0])
    return painted - started, ended - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp, "data"))
        bare_script, our_script = Path(tmp, "bare.py"), Path(tmp, "ours.py")
        bare_script.write_text(BARE)
        our_script.write_text(RUNSTRENGTH)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp, "bytecode"))
        timed(bare_script, env=env)
        timed(our_script, data, env=env)  # warm the file and bytecode caches for both
        bare, ours = [], []
        for _ in range(runs):  # interleaved, so drift in the machine affects both alike
            bare.append(timed(bare_script, env=env))
            ours.append(timed(our_script, data, env=env))
    print(f"| measure ({runs} runs, median) | bare app ms | runstrength ms | ratio |")
    print("|---|---|---|---|")
    for label, index in (("start to first painted frame", 0), ("whole run, exit included", 1)):
        bare_ms = statistics.median(run[index] for run in bare) * 1000
        ours_ms = statistics.median(run[index] for run in ours) * 1000
        print(f"| {label} | {bare_ms:.0f} | {ours_ms:.0f} | {ours_ms / bare_ms:.2f} |")


if __name__ == "__main__":
    main()
