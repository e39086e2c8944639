"""Writes that outlive the screen that asked for them, through the log's one writer.

Every write goes to the context's LogWriter: one thread of its own, in the order given,
never the UI thread. A thread worker started by a screen would belong to that screen, and
Textual cancels it when the screen closes (one cancelled before its thread began never
runs): a save followed at once by escape would be lost. Here the app owns a small
worker that waits for each write, so tests and quitting can wait for it, and the write
itself lands whatever happens to the screen or that worker.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from typing import Any, TypeVar

from textual.app import App

from runstrength.config import ConfigSaveError, save_setting
from runstrength.context import AppContext
from runstrength.screens.plain import escape
from runstrength.store import LogWriter

GROUP = "durable-writes"

T = TypeVar("T")


def _ignore(_: object) -> None:
    return None


def writer_of(app: App[Any]) -> LogWriter:
    context = getattr(app, "context", None)
    writer = getattr(context, "writer", None)
    if not isinstance(writer, LogWriter):
        raise TypeError("the app has no log writer")
    return writer


def run_write(
    app: App[Any],
    work: Callable[[], T],
    name: str,
    on_saved: Callable[[T], object] = _ignore,
    on_failed: Callable[[str], object] = _ignore,
) -> Future[T | None]:
    """Hand `work` (a domain write) to the log's writer; `on_saved` (with what it
    returned) or `on_failed` (with a message) run on the UI thread afterwards."""

    def saved(result: T) -> None:
        _on_ui(app, on_saved, result)

    def failed(reason: str) -> None:
        _on_ui(app, on_failed, reason)

    future = writer_of(app).submit(work, saved, failed)

    async def landed() -> None:
        await asyncio.wrap_future(future)

    app.run_worker(landed(), name=name, group=GROUP)
    return future


def _on_ui(app: App[Any], callback: Callable[[Any], object], value: Any) -> None:
    if callback is _ignore:
        return
    with contextlib.suppress(RuntimeError):  # the app has stopped: nobody to tell
        app.call_from_thread(callback, value)


async def finish_writes(app: App[Any]) -> None:
    """Wait for the writes still pending (called before the app exits)."""
    writes = [worker for worker in app.workers if worker.group == GROUP]
    if writes:
        await app.workers.wait_for_complete(writes)
    await asyncio.to_thread(writer_of(app).wait)


def remember_setting(app: App[Any], context: AppContext, name: str, value: Any) -> None:
    """One setting changed outside the settings screen (a key press): in effect at once, and
    written to config.toml in the background, every other line of it left as it is."""
    context.settings = replace(context.settings, **{name: value})
    path = context.config_file
    if path is None:
        return

    def write() -> None:
        try:
            save_setting(path, name, value)
        except ConfigSaveError as error:
            app.call_from_thread(
                app.notify, escape(str(error)), title="Not saved", severity="warning"
            )

    run_write(app, write, f"save-{name}")
