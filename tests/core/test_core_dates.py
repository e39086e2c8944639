"""Dates typed by the user: a wrong form and a day that does not exist are told apart."""

from __future__ import annotations

from datetime import date

import pytest

from runstrength.core.fields import read_day


def test_a_date_in_its_form_is_read() -> None:
    assert read_day(" 2028-02-29 ") == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "2026-02-30 is not a real date: February 2026 has 28 days"),
        ("2026-04-31", "2026-04-31 is not a real date: April 2026 has 30 days"),
        ("2026-12-32", "2026-12-32 is not a real date: December 2026 has 31 days"),
        ("2026-13-01", "2026-13-01 is not a real date: there is no month 13"),
        ("2026-2-3", '"2026-2-3" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-23'),
        ("tomorrow", '"tomorrow" is not a date: write it as YYYY-MM-DD'),
    ],
)
def test_each_bad_date_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(")):
        read_day(text)


def test_file_errors_are_said_in_words() -> None:
    from runstrength.core.fields import reason

    assert reason(PermissionError(13, "Permission denied", "/x")) == "Permission denied"
    bad = UnicodeDecodeError("utf-8", b"ab\xe9", 2, 3, "invalid")
    assert reason(bad) == "not UTF-8 text (byte 3 cannot be read)"
