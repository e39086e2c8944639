"""TOML files parsed at an earlier start, kept under their whole text in one JSON file.

Parsing the built-in content and the settings file with tomllib is most of what loading
them costs; the same text parses to the same data, so a start looks the text up here
first (and never loads tomllib when every text is found). Only the parsing
is skipped: the data is validated on every load, exactly as a fresh parse is. A missing,
unreadable or stale file only means parsing again, and it is rewritten with what this
start used.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

import orjson

from runstrength.core.fields import toml_loads
from runstrength.store.storage import write_atomically

logger = logging.getLogger(__name__)

FORMAT = 2
"""2: looked up by the whole text (the built-in content is some 20 kB), so no text can
pass for another, and no hash function is loaded at start; 1 (by a hash) is parsed again."""


def _json_exact(value: object) -> bool:
    """True when JSON gives `value` back unchanged (no TOML dates, no inf or nan)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_exact(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_json_exact(v) for v in value)
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int, bool))


class ParsedToml:
    """`loads(text)` as tomllib's, remembering what it parsed in `path` (see `save`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stored = self._read()
        self._used: dict[str, dict[str, Any]] = {}
        self._added = False

    def _read(self) -> dict[str, Any]:
        try:
            data = orjson.loads(self.path.read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, orjson.JSONDecodeError) as error:
            logger.info("parsed content in %s not used: %s", self.path, error)
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        texts = data.get("texts")
        return texts if isinstance(texts, dict) else {}

    def loads(self, text: str) -> dict[str, Any]:
        """The data of a TOML text; raises tomllib.TOMLDecodeError as tomllib.loads does."""
        data = self._stored.get(text)
        if isinstance(data, dict):
            self._used[text] = data
            return data
        data = toml_loads(text)
        if _json_exact(data):
            self._used[text] = data
            self._added = True
        return data

    def save(self) -> None:
        """Keep the texts used since opening, when they differ from the file's; never raises."""
        if not self._added and self._used.keys() == self._stored.keys():
            return
        try:
            write_atomically(self.path, orjson.dumps({"format": FORMAT, "texts": self._used}))
        except (OSError, TypeError) as error:  # TypeError: a value JSON cannot hold
            logger.info("parsed content not saved to %s: %s", self.path, error)
