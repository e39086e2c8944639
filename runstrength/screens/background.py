"""Writes that outlive the screen that asked for them.

A thread worker started by a screen belongs to that screen, and Textual cancels it when
the screen closes; one cancelled before its thread began never runs. A save followed at
once by escape (skip the first run, save settings, add a plan) would be lost. These
workers belong to the app instead, which waits for them before it exits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.worker import Worker

GROUP = "durable-writes"


def run_write(app: App[Any], work: Callable[[], None], name: str) -> Worker[None]:
    """Run `work` on a thread owned by the app; it finishes even if the screen closes."""
    return app.run_worker(work, name=name, group=GROUP, thread=True)


async def finish_writes(app: App[Any]) -> None:
    """Wait for the writes still running (called before the app exits)."""
    writes = [worker for worker in app.workers if worker.group == GROUP]
    if writes:
        await app.workers.wait_for_complete(writes)
