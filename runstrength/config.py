"""The settings file (config.toml): read with tomllib, written only on an explicit save.

A save goes through tomlkit so the user's comments, key order and layout survive, and
lands atomically (write aside, fsync, rename): a crash leaves the old file or the new one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from runstrength.core.fields import reason, shown, toml_error_line, toml_loads, top_level_lines
from runstrength.core.settings import (
    GROUPS,
    SETTINGS,
    Settings,
    settings_and_sources,
)
from runstrength.store.storage import write_atomically

if TYPE_CHECKING:
    from tomlkit import TOMLDocument


ALIGN = 30
"""A new file pads each `key = value` to this width, so the comments beside form a column."""


def template() -> str:
    """A new config.toml that documents itself: each key with its default, what it does
    above it and its allowed values beside it, gathered under the schema's headings."""
    import tomlkit

    lines = ["# runstrength settings. Every key is optional; a missing one takes its default."]
    for group, heading in GROUPS.items():
        specs = [spec for spec in SETTINGS if spec.group == group and spec.on_screen]
        lines += ["", f"# --- {heading} ---"] if heading else []
        for spec in specs:
            value = tomlkit.item(_plain(spec.default)).as_string()
            lines += [
                "",
                f"# {spec.help}",
                f"{f'{spec.name} = {value}':<{ALIGN}} # {spec.allowed(meanings=True)}",
            ]
    return "\n".join(lines) + "\n"


class ConfigSaveError(Exception):
    """The settings could not be saved; the message says why and what to do."""


class LoadedSettings(NamedTuple):
    settings: Settings
    problems: list[str]
    """One message per bad key: file, line, key and the allowed values."""
    from_file: frozenset[str]
    """The keys whose value came from the file (the others are defaults)."""
    exists: bool


def read_settings(
    path: Path, loads: Callable[[str], dict[str, Any]] = toml_loads
) -> LoadedSettings:
    """The settings in `path` (defaults when missing), the problems and where each value came.

    `loads` parses the text (tomllib's, or one that remembers earlier parses)."""
    from runstrength.input_file import InputError, read_text_input

    try:
        text = read_text_input(path)  # never a pipe or a device: the app would hang on it
    except InputError as error:
        if error.missing:
            return LoadedSettings(Settings(), [], frozenset(), exists=False)
        return LoadedSettings(
            Settings(),
            [f"{path}: cannot be read ({error}); using the defaults"],
            frozenset(),
            True,
        )
    try:
        data = loads(text)
    except ValueError as error:  # tomllib.TOMLDecodeError
        line, message = toml_error_line(error)
        where = f"line {line}: " if line else ""
        problem = f"{path}: {where}not valid TOML: {message}; using the defaults for every key"
        return LoadedSettings(Settings(), [problem], frozenset(), True)
    line_of = top_level_lines(text)
    settings, problems, taken = settings_and_sources(data, str(path), line_of)
    return LoadedSettings(settings, problems, taken, exists=True)


def load_settings(
    path: Path, loads: Callable[[str], dict[str, Any]] = toml_loads
) -> tuple[Settings, list[str]]:
    """The settings in `path` (defaults when it is missing) and the problems found in it."""
    loaded = read_settings(path, loads)
    return loaded.settings, loaded.problems


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _real_file(path: Path) -> Path:
    """Where a save goes: the file itself, or the file a link there points to (a config
    kept with the user's dotfiles is a link they made; the save goes to their file and
    the link stays)."""
    return path.resolve() if path.is_symlink() else path


def save_settings(path: Path, settings: Settings) -> None:
    """Write `settings` to `path`, keeping the comments and key order of the file there.

    Only keys whose value changes are touched; a key the file does not have is added
    when it differs from the default. Raises ConfigSaveError.
    """
    # Imported here: tomlkit is only needed for a save, and start-up should not pay for it.
    import tomlkit
    from tomlkit.exceptions import ParseError

    from runstrength.input_file import InputError, read_text_input

    try:
        text: str | None = read_text_input(path)
    except InputError as error:
        if not error.missing:
            raise ConfigSaveError(
                f"{path}: cannot be read, so it was not changed: {error}"
            ) from None
        text = None
    try:
        document = tomlkit.parse(template() if text is None else text)
    except ParseError as error:
        raise ConfigSaveError(
            f"{path}: line {error.line}: not valid TOML, so it was not changed; "
            "fix that line or remove the file, then save again"
        ) from None
    for spec in SETTINGS:
        value = _plain(getattr(settings, spec.name))
        if spec.name in document:
            current = document[spec.name]
            if not hasattr(current, "unwrap") or current.unwrap() != value:
                _set_value(document, spec.name, value)
        elif text is None or value != _plain(spec.default):
            _set_value(document, spec.name, value)
    try:
        write_atomically(_real_file(path), tomlkit.dumps(document).encode("utf-8"))
    except OSError as error:
        raise ConfigSaveError(f"{path}: could not be written: {reason(error)}") from None


def _key_place(path: Path | None, key: str) -> str:
    """Where a setting's problem is: "config.toml: line 12: " (or "settings: ", with no
    file), the line being the key's when the file holds it."""
    line = key_line(path, key) if path else None
    return f"{path or 'settings'}: " + (f"line {line}: " if line else "")


def unknown_program(path: Path, settings: Settings, known: Collection[str]) -> str | None:
    """The problem with the `program` setting when no such program loaded, else None."""
    if settings.program in known:
        return None
    return (
        f"{_key_place(path, 'program')}program: no program named {shown(settings.program)} "
        f"(known: {', '.join(sorted(known))}); using {shown(settings.goal)}"
    )


def unknown_theme(path: Path | None, settings: Settings, known: Collection[str]) -> str | None:
    """The problem with the `theme` setting when no such theme exists, else None."""
    if settings.theme in known:
        return None
    return (
        f"{_key_place(path, 'theme')}theme: no theme named {shown(settings.theme)} "
        f"(known: {', '.join(sorted(known))}); using {shown(Settings().theme)}"
    )


def runs_folder_problem(path: Path | None, folder: str) -> str | None:
    """The problem with the `runs_folder` setting when it names no folder that can be
    read (none there, a file, a relative path), else None."""
    from runstrength.store.runs_folder import folder_problem

    problem = folder_problem(folder)
    if problem is None:
        return None
    return f"{_key_place(path, 'runs_folder')}runs_folder: {shown(folder)} {problem}"


BUILTIN_THEMES = (
    "textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-mocha", "dracula",
    "tokyo-night", "monokai", "flexoki", "catppuccin-latte", "catppuccin-frappe",
    "catppuccin-macchiato", "solarized-light", "solarized-dark", "rose-pine", "rose-pine-moon",
    "rose-pine-dawn", "atom-one-dark", "atom-one-light", "ansi-dark", "ansi-light",
)  # fmt: skip
"""Textual's own themes, for `config check` (which starts no Textual; a test keeps it true)."""


def key_line(path: Path, key: str) -> int | None:
    """The line of a top-level key in the file at `path`, for messages."""
    from runstrength.input_file import InputError, read_text_input

    try:
        return top_level_lines(read_text_input(path))(key)
    except InputError:
        return None


def save_setting(path: Path, name: str, value: Any) -> None:
    """Write one setting to `path` and leave every other line as it is (even a bad value:
    the user may still be fixing it). Raises ConfigSaveError."""
    import tomlkit
    from tomlkit.exceptions import ParseError

    from runstrength.input_file import InputError, read_text_input

    try:
        text = read_text_input(path)
    except InputError as error:
        if not error.missing:
            raise ConfigSaveError(
                f"{path}: cannot be read, so it was not changed: {error}"
            ) from None
        text = template()
    try:
        document = tomlkit.parse(text)
    except ParseError as error:
        raise ConfigSaveError(
            f"{path}: line {error.line}: not valid TOML, so {name} was not saved"
        ) from None
    _set_value(document, name, _plain(value))
    try:
        write_atomically(_real_file(path), tomlkit.dumps(document).encode("utf-8"))
    except OSError as error:
        raise ConfigSaveError(f"{path}: could not be written: {error}") from None


def _set_value(document: TOMLDocument, name: str, value: Any) -> None:
    """Set the value of the key `name` (added at the end when the file has none). A
    comment after a value it replaces is placed as the file places it: in its column
    where the spaces before it make one (a new file's comments are aligned), back in a
    new file's column where a long value had pushed it out, one space after the value
    where the file puts one; tabs are kept as they are."""
    from tomlkit.items import Item

    if name not in document:
        document[name] = value
        return
    old = document.item(name)
    document[name] = value
    new = document.item(name)
    if not (isinstance(old, Item) and isinstance(new, Item) and new.trivia.comment):
        return
    key = len(f"{name} = ")
    spaces, shown = old.trivia.comment_ws, old.as_string()
    if "\t" in spaces:
        return
    if "\n" in shown:
        column = ALIGN + 1
    elif len(spaces) > 1:
        column = key + len(shown) + len(spaces)
    elif key + len(shown) + 1 >= ALIGN + 1:  # at a new file's column, or pushed past it
        column = ALIGN + 1
    else:
        return  # one space, as the file has it
    new.trivia.comment_ws = " " * max(1, column - key - len(new.as_string()))
