"""The UI's side of the log's one writer: a screen hands it a write and hears back by message.

Every write goes to the context's LogWriter (store/writer.py): one thread of its own, in
the order given, never the UI thread. Its outcome comes back as a message posted to the
screen that asked (`saved` and `failed` make it); a refusal nobody asked to hear about is
posted to the app as `NotSaved`, which shows it. A screen that closes meanwhile misses
its message, but the write itself still lands: it belongs to the writer, not to the
screen. The app keeps a small worker per write, so quitting (and a test) can wait for
what is pending.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.notifications import SeverityLevel

from runstrength.config import ConfigSaveError, save_setting
from runstrength.context import AppContext
from runstrength.core.settings import Settings
from runstrength.store.writer import Failed, LogWriter, Outcome, Saved, Write

GROUP = "log-writes"

T = TypeVar("T")


class NotSaved(Message):
    """A write was refused and the screen that asked for it has nothing to say about it:
    the app tells the runner (see RunStrengthApp.on_not_saved)."""

    def __init__(
        self, reason: str, title: str = "Not saved", severity: SeverityLevel = "error"
    ) -> None:
        super().__init__()
        self.reason = reason
        self.title = title
        self.severity: SeverityLevel = severity


class SettingsSaved(Message):
    """A save from the settings screen has landed (`problem`: why it could not be written).
    The app handles it: the screen may have been left before it lands."""

    def __init__(self, settings: Settings, problem: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.problem = problem


def hand_write(
    app: App[Any],
    writer: LogWriter,
    write: Write[T],
    *,
    reply_to: MessagePump | None = None,
    saved: Callable[[T], Message | None] | None = None,
    failed: Callable[[str], Message | None] | None = None,
    keep: bool = False,
    title: str = "Not saved",
    what: str = "a change to the log",
) -> Future[Outcome[T]]:
    """Hand `write` to the log's writer. Its outcome is posted to `reply_to` as the
    message `saved` (with what the write returned) or `failed` (with the reason) makes;
    without `failed`, a refusal is posted to the app as NotSaved under `title`.
    `keep`: a refused write is tried again before the next one (a session's writes);
    `what` names it, should it still be unsaved when the app closes."""

    def done(outcome: Outcome[T]) -> None:
        message: Message | None = None
        target: MessagePump = reply_to or app
        if isinstance(outcome, Saved):
            message = saved(outcome.value) if saved is not None else None
        elif failed is not None:
            message = failed(outcome.reason)
        else:
            message, target = NotSaved(outcome.reason, title), app
        if message is None:
            return
        with contextlib.suppress(RuntimeError):  # the app has stopped: nobody to tell
            if not target.post_message(message) and isinstance(outcome, Failed):
                # The screen that asked has closed: a refusal is still said.
                app.post_message(NotSaved(outcome.reason, title))

    future = writer.submit(write, done, keep=keep, what=what)

    async def landed() -> None:
        await asyncio.wrap_future(future)

    app.run_worker(landed(), name="log-write", group=GROUP)
    return future


async def finish_writes(app: App[Any], writer: LogWriter) -> None:
    """Wait for the writes still pending (called before the app exits)."""
    writes = [worker for worker in app.workers if worker.group == GROUP]
    if writes:
        await app.workers.wait_for_complete(writes)
    await asyncio.to_thread(writer.settled)


def hand_config_write(
    app: App[Any],
    context: AppContext,
    save: Callable[[Path], None],
    *,
    severity: SeverityLevel = "error",
    said: Callable[[str | None], Message | None] | None = None,
) -> None:
    """A change to config.toml (`save` writes it), through the same writer: in order with
    every other write, quitting waits for it. The outcome (None, or why it could not be
    written) is posted to the app as the message `said` makes; without `said`, a refusal
    is said as NotSaved."""
    path = context.config_file
    if path is None:  # settings are not saved in this run
        return

    def write(_: object) -> str | None:
        try:
            save(path)
        except ConfigSaveError as error:
            return str(error)
        return None

    def refused(problem: str | None) -> Message | None:
        return None if problem is None else NotSaved(problem, severity=severity)

    hand_write(app, context.writer, write, reply_to=app, saved=said or refused)


def remember_setting(app: App[Any], context: AppContext, name: str, value: Any) -> None:
    """One setting changed outside the settings screen (a key press): in effect at once, and
    written to config.toml in the background, every other line of it left as it is."""
    context.settings = context.settings._replace(**{name: value})
    hand_config_write(
        app, context, lambda path: save_setting(path, name, value), severity="warning"
    )
