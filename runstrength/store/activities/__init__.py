"""Reading runners' activity files: FIT, GPX and TCX (each also gzipped), and folders of
them, a Strava bulk export among them (unzipped, or its zip as downloaded).

The readers' libraries load only when a file of their format is read: the app's start
does not pay for them. A file that cannot be read is named with its reason and the
others are still read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from runstrength.core.runs import Activity
from runstrength.store.activities.common import (
    NotAnActivity,
    UnreadableFile,
    format_of,
    read_bytes,
    unpack,
)

__all__ = ["Scan", "UnreadableFile", "format_of", "read_data", "read_file", "scan"]


def read_file(path: Path) -> list[Activity]:
    """The activities in one file; UnreadableFile says why there are none."""
    if format_of(path) is None:
        raise UnreadableFile("is not a FIT, GPX or TCX file")
    return read_data(read_bytes(path), path)


def read_data(raw: bytes, path: Path) -> list[Activity]:
    """The activities in a file's bytes; its name (`path`) gives the format and gzip."""
    kind = format_of(path)
    if kind is None:
        raise UnreadableFile("is not a FIT, GPX or TCX file")
    data = unpack(raw, path)
    if kind == "fit":
        from runstrength.store.activities.fit import read_fit

        return read_fit(data, path)
    if kind == "gpx":
        from runstrength.store.activities.gpx import read_gpx

        return read_gpx(data, path)
    from runstrength.store.activities.tcx import read_tcx

    return read_tcx(data, path)


@dataclass
class Scan:
    """What a set of files and folders held."""

    activities: list[Activity] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    """Each file that could not be read, with why."""
    files: int = 0
    """Activity files looked at."""


def _walk(folder: Path, scan: Scan) -> None:
    from runstrength.store.activities.strava import CSV_NAME, read_export

    named: set[Path] = set()
    if (folder / CSV_NAME).is_file():
        found, failed, named = read_export(folder, read_file)
        scan.activities += found
        scan.failed += failed
        scan.files += len(named)
    try:
        paths = sorted(folder.rglob("*"))
    except OSError as error:
        scan.failed.append((folder, f"cannot be listed ({error.strerror or error})"))
        return
    for path in paths:
        if path in named or format_of(path) is None or not path.is_file():
            continue
        _one(path, scan, in_folder=True)


def _one(path: Path, scan: Scan, *, in_folder: bool = False) -> None:
    scan.files += 1
    try:
        scan.activities += read_file(path)
    except NotAnActivity as error:
        if not in_folder:  # a watch's folder holds settings and course files too
            scan.failed.append((path, str(error)))
    except UnreadableFile as error:
        scan.failed.append((path, str(error)))


def _zip(path: Path, scan: Scan) -> None:
    from runstrength.store.activities.strava import read_export_zip

    found, failed, files = read_export_zip(path, read_data)
    scan.activities += found
    scan.failed += failed
    scan.files += files


def scan(paths: Iterable[Path]) -> Scan:
    """Every activity in `paths` (files, and folders searched through)."""
    result = Scan()
    for path in paths:
        if path.is_dir():
            _walk(path, result)
        elif path.suffix.lower() == ".zip" and path.is_file():
            _zip(path, result)
        elif path.exists():
            _one(path, result)
        else:
            result.failed.append((path, "does not exist"))
    return result
