"""Rebuild the spoken cues in assets/voice/ with espeak-ng and sox (Debian packages).

    apt-get install -y espeak-ng sox
    python scripts/make_voice.py

One clip per exercise and stretch name (from the built-in catalogue), per number a
target can need (1-20, the tens to ninety, "one hundred") and per word of the phrases
in runstrength/core/cues.py. The app joins clips into phrases ("Glute bridge" +
"twenty" + "reps"), so any program's targets can be said with a few dozen small files.

Each clip is espeak-ng's output trimmed of leading and trailing silence, normalised
and stored as mono 8-bit WAV at a low sample rate. The voice, its settings and each
clip's text are written to assets/voice/voice.toml next to the clips.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from runstrength.core.cues import NUMBERS, PHRASES
from runstrength.store import load_catalogue

VOICE = "en-us"
SPEED = 165  # words per minute (espeak-ng's default is 175)
PITCH = 45  # 0-99, default 50
RATE = 11_025  # Hz: speech stays clear, files stay small
BITS = 8  # unsigned PCM: half the size; every backend (aplay too) plays it
OUT = Path(__file__).resolve().parent.parent / "assets" / "voice"


def clips() -> dict[str, str]:
    """Every clip as "<kind>/<name>" -> the text spoken."""
    catalogue = load_catalogue()
    texts: dict[str, str] = {}
    for exercise in catalogue.exercises.values():
        texts[f"exercise/{exercise.id}"] = exercise.name
    for stretch in catalogue.stretches.values():
        texts[f"stretch/{stretch.id}"] = stretch.name
    for number, words in NUMBERS.items():
        texts[f"number/{number}"] = words
    for name, words in PHRASES.items():
        texts[f"phrase/{name}"] = words
    return texts


def speak(text: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    speech = subprocess.run(
        ["espeak-ng", "-v", VOICE, "-s", str(SPEED), "-p", str(PITCH), "--stdout", text],
        check=True,
        capture_output=True,
    ).stdout
    trim = ["silence", "1", "0.02", "0.5%"]
    subprocess.run(
        ["sox", "-R", "-t", "wav", "-", "-r", str(RATE), "-b", str(BITS), "-c", "1",
         str(target), *trim, "reverse", *trim, "reverse", "norm", "-1"],
        input=speech,
        check=True,
    )  # fmt: skip


def manifest(texts: dict[str, str]) -> str:
    version = subprocess.run(
        ["espeak-ng", "--version"], check=True, capture_output=True, text=True
    ).stdout.split("Data at")[0]
    lines = [
        "# Written by scripts/make_voice.py; rebuild rather than edit.",
        f'synthesizer = "{version.strip()}"',
        f'voice = "{VOICE}"',
        f"speed_wpm = {SPEED}",
        f"pitch = {PITCH}",
        f'format = "WAV, mono, {RATE} Hz, {BITS}-bit, silence trimmed, normalised to -1 dBFS"',
        "",
        "[clips]",
    ]
    lines += [f'"{clip}" = "{text}"' for clip, text in sorted(texts.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install -y espeak-ng sox")
    texts = clips()
    if OUT.exists():
        shutil.rmtree(OUT)
    for clip, text in texts.items():
        speak(text, OUT / f"{clip}.wav")
    (OUT / "voice.toml").write_text(manifest(texts), encoding="utf-8")
    total = sum(path.stat().st_size for path in OUT.rglob("*.wav"))
    print(f"wrote {len(texts)} clips to {OUT}, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
