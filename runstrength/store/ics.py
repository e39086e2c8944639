"""The schedule as an iCalendar file (RFC 5545) that calendar apps import, via `icalendar`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from runstrength import __version__
from runstrength.core.codec import ScheduledDay
from runstrength.store.storage import write_export

PRODID_START = "-//runstrength//"
PRODID = f"{PRODID_START}runstrength {__version__}//EN"
OWN_UID = "@runstrength"
"""The end of each exported event's UID: a running plan read back leaves these out."""


def schedule_to_ics(plans: Iterable[ScheduledDay], stamp: datetime) -> bytes:
    """One all-day event per planned session; the UID is stable per day, so importing an
    updated file again replaces the events instead of doubling them."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "runstrength")
    for plan in plans:
        event = Event()
        event.add("uid", f"{plan.day.isoformat()}{OWN_UID}")
        event.add("dtstamp", stamp)
        event.add("dtstart", plan.day)
        event.add("dtend", plan.day + timedelta(days=1))
        event.add("summary", f"Strength session: {plan.program}")
        event.add(
            "description",
            f"runstrength {plan.program} program. The next day is a rest day.",
        )
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    payload: bytes = calendar.to_ical()
    return payload


def write_ics(path: Path, plans: Iterable[ScheduledDay], stamp: datetime) -> None:
    """Write the file whole; raises OSError when it cannot be written."""
    write_export(path, schedule_to_ics(plans, stamp))
