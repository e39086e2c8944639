"""A Strava bulk export (its folder, or the zip as downloaded): `activities.csv` names
each activity's type, title and file.

The file (FIT, GPX or TCX, often gzipped) gives the times and the distance; the CSV's
type and title win, since the runner set them there. An activity without a file (entered
by hand) is read from the CSV alone: its date (UTC), elapsed time and distance.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from runstrength.core.runs import Activity, sport_of
from runstrength.store.activities.common import UnreadableFile, local_start

CSV_NAME = "activities.csv"
DATE_FORMATS = ("%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%d %b %Y, %H:%M:%S")

Reader = Callable[[Path], list[Activity]]
DataReader = Callable[[bytes, Path], list[Activity]]
"""Reads the activities in a file's bytes (named by the path, gzip by its name)."""


def _when(text: str) -> datetime | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _float(text: str | None) -> float | None:
    try:
        value = float((text or "").replace(",", ""))
    except ValueError:
        return None
    return value if value > 0 else None


def read_export(
    folder: Path, read_file: Reader
) -> tuple[list[Activity], list[tuple[Path, str]], set[Path]]:
    """The export's activities, the files that failed with why, and the files it named
    (so the folder walk does not read them again)."""
    index = folder / CSV_NAME
    try:
        with index.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return [], [(index, f"cannot be read ({error})")], set()
    named: set[Path] = set()

    def read_named(filename: str) -> list[Activity]:
        named.add(folder / filename)
        return read_file(folder / filename)

    found, failed = _from_rows(rows, index, read_named, folder)
    return found, failed, named


def read_export_zip(
    archive: Path, read_data: DataReader
) -> tuple[list[Activity], list[tuple[Path, str]], int]:
    """A Strava export still in its zip: the activities, the files that failed with why,
    and how many activity files it named."""
    import zipfile

    try:
        with zipfile.ZipFile(archive) as bundle:
            names = bundle.namelist()
            index_name = min(
                (n for n in names if n.rsplit("/", 1)[-1] == CSV_NAME), key=len, default=None
            )
            if index_name is None:
                return [], [(archive, f"is a zip without {CSV_NAME}: not a Strava export")], 0
            prefix = index_name[: -len(CSV_NAME)]
            text = bundle.read(index_name).decode("utf-8-sig")
            rows = list(csv.reader(io.StringIO(text, newline="")))
            count = 0

            def read_named(filename: str) -> list[Activity]:
                nonlocal count
                count += 1
                shown = archive / filename
                try:
                    data = bundle.read(prefix + filename)
                except KeyError:
                    raise UnreadableFile("is named in activities.csv but not in the zip") from None
                return read_data(data, shown)

            found, failed = _from_rows(rows, archive / index_name, read_named, archive)
            return found, failed, count
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError, csv.Error) as error:
        return [], [(archive, f"is not a zip that can be read ({error})")], 0


def _from_rows(
    rows: list[list[str]], index: Path, read_named: Callable[[str], list[Activity]], base: Path
) -> tuple[list[Activity], list[tuple[Path, str]]]:
    found: list[Activity] = []
    failed: list[tuple[Path, str]] = []
    if not rows:
        return [], [(index, "is empty")]
    header = rows[0]
    column = {name: header.index(name) for name in reversed(header)}  # first of each name
    distances = [i for i, name in enumerate(header) if name == "Distance"]
    for number, row in enumerate(rows[1:], start=2):

        def cell(name: str, row: list[str] = row) -> str:
            at = column.get(name)
            return row[at] if at is not None and at < len(row) else ""

        sport, title = sport_of(cell("Activity Type")), cell("Activity Name")
        filename = cell("Filename").strip()
        if filename:
            try:
                read = read_named(filename)
            except UnreadableFile as error:
                failed.append((base / filename, str(error)))
                continue
            found += [a._replace(sport=sport, title=title or a.title) for a in read]
            continue
        start = _when(cell("Activity Date"))
        if start is None:
            failed.append((index, f"line {number}: no date that can be read"))
            continue
        begins = local_start(start)
        metres = _float(row[distances[-1]]) if len(distances) > 1 else None
        if metres is None and distances:
            km = _float(row[distances[0]]) if distances[0] < len(row) else None
            metres = None if km is None else km * 1000
        found.append(
            Activity(
                id="",
                day=begins.date(),
                sport=sport,
                title=title,
                start=begins,
                duration_s=_float(cell("Elapsed Time")),
                distance_m=metres,
                source=f"{index}:{number}",
            )
        )
    return found, failed
