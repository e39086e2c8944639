"""A button that plays one of each kind of cue and says whether sound works here."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Label

from runstrength.audio import SoundPlayer
from runstrength.core.cues import sound_test


def sound_report(available: bool | None, count: int) -> str:
    """What a finished sound test tells the user, from the player's `available` flag."""
    if available is False:
        return (
            "No sound on this machine (no audio player was found). Sessions run the "
            "same, silently; runstrength.log in the state folder says why."
        )
    if available is True:
        return f"Sound works: you should have heard {count} cues. Heard nothing? Check the volume."
    return f"{count} cues sent to the player. Heard nothing? Check the volume."


class SoundTest(Horizontal):
    """Plays each cue in turn, then reports; works whether sound is switched on or not."""

    GAP_SECONDS = 0.7
    """Time between two cues, so each one is heard whole."""

    DEFAULT_CSS = """
    SoundTest { height: auto; }
    SoundTest Button { margin-right: 2; }
    SoundTest Label { width: 1fr; }
    """

    # Always drawn: a second test replaces "Playing the cues…" even with the same result.
    result: reactive[str] = reactive("", init=False, always_update=True)
    """What the last test found (heard, or why nothing could be)."""

    @dataclass
    class Done(Message):
        """The test has played its cues (on a worker); `result` says how it went."""

        result: str

    def __init__(
        self,
        player: SoundPlayer,
        mode: Callable[[], str] = lambda: "voice",
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.player = player
        self.mode = mode
        """The voice setting to test (voice, tones or off), read when the test starts."""

    def compose(self) -> ComposeResult:
        yield Button("Test sound", id="sound-test-button", compact=True)
        yield Label("Plays one of each kind of cue.", id="sound-test-result")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "sound-test-button":
            event.stop()
            self.start()

    def start(self) -> None:
        self.query_one("#sound-test-result", Label).update("Playing the cues…")
        self.play_all()

    def play_all(self) -> None:
        self._play(self.mode())

    @work(thread=True, exclusive=True, group="sound-test")
    def _play(self, mode: str) -> None:
        """One of each kind of sound the voice setting plays, a pause between them."""
        sounds = sound_test(mode)
        if not sounds:
            self.post_message(self.Done("Sound is set to off: choose voice or tones to test it."))
            return
        size = 2 if mode == "voice" else 1  # voice: each tone with its spoken word
        groups = [sounds[i : i + size] for i in range(0, len(sounds), size)]
        for group in groups:
            self.player.play(group)
            time.sleep(self.GAP_SECONDS)
        available = getattr(self.player, "available", None)
        self.post_message(self.Done(sound_report(available, len(groups))))

    def on_sound_test_done(self, message: Done) -> None:
        message.stop()
        self.result = message.result

    def watch_result(self, result: str) -> None:
        self.query_one("#sound-test-result", Label).update(result)
