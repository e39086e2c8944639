"""Writes that outlive the screen that asked for them.

A thread worker started by a screen belongs to that screen, and Textual cancels it when
the screen closes; one cancelled before its thread began never runs. A save followed at
once by escape (skip the first run, save settings, add a plan) would be lost. These
workers belong to the app instead, which waits for them before it exits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual.app import App
from textual.worker import Worker

from runstrength.config import ConfigSaveError, save_setting
from runstrength.context import AppContext
from runstrength.screens.plain import escape

GROUP = "durable-writes"


def run_write(app: App[Any], work: Callable[[], None], name: str) -> Worker[None]:
    """Run `work` on a thread owned by the app; it finishes even if the screen closes."""
    return app.run_worker(work, name=name, group=GROUP, thread=True)


async def finish_writes(app: App[Any]) -> None:
    """Wait for the writes still running (called before the app exits)."""
    writes = [worker for worker in app.workers if worker.group == GROUP]
    if writes:
        await app.workers.wait_for_complete(writes)


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
