"""The core hands the screens words and roles (`core/styled.py`), never markup: a name
from a data file can then never be read as markup, and the widgets alone choose the look."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import runstrength.core

CORE = Path(runstrength.core.__file__).parent
TAG = re.compile(
    r"\[/?(?:b|i|u|s|dim|bold|italic|reverse|underline|strike|link|blink"
    r"|red|green|yellow|blue|magenta|cyan|white|black)(?:\s[^\]]*)?\]|\[/\]"
)
"""An opening or closing markup tag: [b], [/b], [b red], [/]."""


def tagged_strings(source: str) -> list[str]:
    """The string literals (f-strings too) in `source` that hold a markup tag."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [t.string for t in tokens if t.type == tokenize.STRING and TAG.search(t.string)]


def test_no_core_module_writes_a_markup_tag() -> None:
    found = {
        path.name: tagged
        for path in sorted(CORE.glob("*.py"))
        if (tagged := tagged_strings(path.read_text()))
    }
    assert found == {}


def test_the_check_finds_the_tags_it_looks_for() -> None:
    source = """
line = f"[b]{done}/{planned}[/b] sets"
paused = "[reverse] PAUSED [/reverse]"
failed = "[b red]NOT SAVED[/]"
table = "[[exercise]]"
first = sets[i]
"""
    assert len(tagged_strings(source)) == 3
