"""Loading the built-in content and programs from the package, and the user's own programs."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from runstrength.core.catalogue import Catalogue, catalogue_from_data
from runstrength.core.errors import ValidationError
from runstrength.core.fields import toml_loads
from runstrength.core.programs import Program, name_problems, program_from_toml
from runstrength.input_file import InputError, read_text_input
from runstrength.store.parsed import ParsedToml

# The package's data folder when the package lies on disk (any pip install); otherwise
# (a zipped package) importlib.resources, whose import costs start-up time, finds it.
_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _data_text(*parts: str) -> str:
    if _DATA_DIR.is_dir():
        return _DATA_DIR.joinpath(*parts).read_text(encoding="utf-8")
    from importlib import resources

    return resources.files("runstrength").joinpath("data", *parts).read_text(encoding="utf-8")


def load_catalogue(parsed: ParsedToml | None = None) -> Catalogue:
    """The built-in catalogue; a broken one raises ValidationError naming every problem.

    With `parsed`, files parsed at an earlier start are not parsed again (they are still
    validated here, as always).
    """
    loads = parsed.loads if parsed is not None else toml_loads
    return catalogue_from_data(
        loads(_data_text("exercises.toml")),
        loads(_data_text("stretches.toml")),
        loads(_data_text("warmup.toml")),
        source="runstrength/data",
        mobility=loads(_data_text("mobility.toml")),
    )


class ProgramLibrary(NamedTuple):
    """Every program that loaded, and the files that did not (with why)."""

    programs: dict[str, Program]
    invalid: dict[str, list[str]]

    def get(self, name: str) -> Program | None:
        return self.programs.get(name)


BUILTIN_PROGRAMS = ("endurance", "sprint")


def load_programs(
    catalogue: Catalogue, user_dir: Path | None = None, parsed: ParsedToml | None = None
) -> ProgramLibrary:
    """Built-in programs, then the user's `<name>.toml` files (an invalid file is only listed).

    With `parsed`, files parsed at an earlier start are not parsed again (they are still
    validated here, as always).
    """
    loads = parsed.loads if parsed is not None else toml_loads
    library = ProgramLibrary({}, {})
    for name in BUILTIN_PROGRAMS:
        text = _data_text("programs", f"{name}.toml")
        program = program_from_toml(text, f"{name}.toml", catalogue, builtin=True, loads=loads)
        library.programs[program.name] = program
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            try:
                text = read_text_input(path)  # a pipe or a device is named, never read
                program = program_from_toml(text, str(path), catalogue, loads=loads)
            except ValidationError as error:
                library.invalid[str(path)] = error.problems
                continue
            except InputError as error:
                library.invalid[str(path)] = [f"cannot be read: {error}"]
                continue
            problems = name_problems(text, program.name, path.stem, library.programs)
            if problems:
                library.invalid[str(path)] = problems
            else:
                library.programs[program.name] = program
    return library
