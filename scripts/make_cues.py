"""Rebuild the cue sounds in assets/cues/ from sine tones (standard library only).

    python scripts/make_cues.py

Each cue is a short sequence of notes, 16-bit mono at 22,050 Hz, with a soft attack and
release so nothing clicks. Change a recipe here and run the script again to rebuild.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
VOLUME = 0.6
FADE = 0.008

# cue name -> [(frequency Hz or 0 for silence, seconds), ...]
# The phase tones differ in pitch and shape so each is known without a word:
# work ("go") one bright high note, rest a falling pair of mid notes, stretch a slow
# low rising arpeggio, the next exercise ("exercise") three short mid-high pips.
RECIPES: dict[str, list[tuple[float, float]]] = {
    "beep": [(880, 0.12)],
    "go": [(1320, 0.40)],
    "tick": [(1760, 0.035)],
    "set-done": [(660, 0.12), (0, 0.03), (990, 0.22)],
    "rest-over": [(990, 0.10), (0, 0.06), (990, 0.10), (0, 0.06), (1320, 0.25)],
    "switch-sides": [(740, 0.15), (0, 0.05), (555, 0.15), (0, 0.05), (740, 0.15)],
    "stretch": [(294, 0.22), (370, 0.22), (440, 0.45)],
    "rest": [(587, 0.22), (0, 0.05), (392, 0.45)],
    "exercise": [(988, 0.07), (0, 0.06), (988, 0.07), (0, 0.06), (988, 0.07)],
    "session-done": [(523, 0.15), (659, 0.15), (784, 0.15), (1047, 0.45)],
}


def render(notes: list[tuple[float, float]]) -> bytes:
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        fade = int(RATE * FADE)
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade) if fade else 1.0
            value = VOLUME * envelope * math.sin(2 * math.pi * frequency * i / RATE)
            frames += struct.pack("<h", int(value * 32767))
    return bytes(frames)


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "assets" / "cues"
    out.mkdir(parents=True, exist_ok=True)
    for name, notes in RECIPES.items():
        with wave.open(str(out / f"{name}.wav"), "wb") as handle:
            handle.setnchannels(1)
            handle.setsampwidth(2)
            handle.setframerate(RATE)
            handle.writeframes(render(notes))
        print(f"wrote {out / name}.wav")


if __name__ == "__main__":
    main()
