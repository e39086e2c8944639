"""Text from files, imports and the log, made safe to put inside Textual markup.

Textual's and Rich's own `escape` leave a `[[` half read as markup; this escapes every
opening bracket, so the text shows exactly as typed (backslashes included).
"""

from __future__ import annotations

import re

_BRACKET = re.compile(r"(\\*)\[")


def escape(text: str) -> str:
    return _BRACKET.sub(lambda found: found.group(1) + "\\[", text)
