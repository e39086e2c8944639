"""A file named on the command line is read only when it is a regular file of a stated size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from runstrength.input_file import InputError, check_input, read_input, read_text_input


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"{}")
    assert read_input(path, 10) == b"{}"
    check_input(path, 10)


def test_limits_are_checked_before_and_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 11)
    with pytest.raises(InputError, match="at most 0 MB"):
        read_input(path, 10)
    with pytest.raises(InputError):
        check_input(path, 10)


def test_pipes_devices_and_folders_are_refused_unread(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for path, kind in (
        (pipe, "a named pipe"),
        (Path("/dev/zero"), "a device"),
        (tmp_path, "a folder"),
    ):
        with pytest.raises(InputError, match=f"it is {kind}, not a regular file"):
            read_input(path, 10)
        with pytest.raises(InputError, match=kind):
            check_input(path, 10)
    check_input(tmp_path, 10, folder_ok=True)


def test_text_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"ok\xff")
    with pytest.raises(InputError, match="not UTF-8 text \\(byte 3 cannot be read\\)"):
        read_text_input(path)
