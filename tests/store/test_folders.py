"""Whether runstrength's folders can be what they must (`store.folders`): each problem
named with the folder and what is wrong, and nothing left changed by the asking."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from runstrength.store.folders import folder_problem


def test_a_folder_there_or_one_that_can_be_made_is_fine(tmp_path: Path) -> None:
    assert folder_problem(tmp_path) is None
    assert folder_problem(tmp_path / "new" / "deeper") is None
    assert list(tmp_path.iterdir()) == []  # made to know it can be, and removed


def test_a_file_or_a_link_to_nothing_on_the_way_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("mine")
    (tmp_path / "link").symlink_to(tmp_path / "gone")
    (tmp_path / "to-file").symlink_to(tmp_path / "file")
    assert folder_problem(tmp_path / "file") == (
        f"{tmp_path / 'file'} cannot be used as a folder: it is a file"
    )
    assert folder_problem(tmp_path / "file" / "x") == (
        f"{tmp_path / 'file' / 'x'} cannot be used as a folder: {tmp_path / 'file'} is a file"
    )
    assert folder_problem(tmp_path / "to-file") == (
        f"{tmp_path / 'to-file'} cannot be used as a folder: it is a file"
    )
    said = folder_problem(tmp_path / "link" / "x")
    assert said is not None
    assert said.startswith(
        f"{tmp_path / 'link' / 'x'} cannot be used as a folder: {tmp_path / 'link'} is a "
        f"symbolic link to {tmp_path / 'gone'}, which does not exist."
    )
    assert not (tmp_path / "gone").exists()
    assert (tmp_path / "file").read_text() == "mine"


def test_a_link_round_in_a_loop_or_a_device_is_named_for_what_it_is(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    for link in (loop, tmp_path / "a"):
        said = folder_problem(link)
        assert said == (
            f"{link} cannot be used as a folder: it is a symbolic link that leads back to "
            "itself. Remove the link, and try again."
        )
    assert folder_problem(Path("/dev/null")) == (
        "/dev/null cannot be used as a folder: it is not a folder"
    )


def test_a_folder_that_cannot_be_made_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Denied (a folder of another user's, a read-only disk): the system's reason."""

    def denied(path: object, mode: int = 0o777) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(os, "mkdir", denied)
    assert folder_problem(tmp_path / "data" / "state") == (
        f"{tmp_path / 'data' / 'state'} cannot be used as a folder: {tmp_path / 'data'} "
        f"cannot be made in {tmp_path} (Permission denied)"
    )
