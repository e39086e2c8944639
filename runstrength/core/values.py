"""What a NamedTuple value type needs for a field that is not part of its value.

The value types are NamedTuples rather than frozen dataclasses: Python makes a
dataclass by compiling its methods, some four million instructions each, which a start
pays for every class it loads.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def last_field_aside(cls: T) -> T:
    """`cls` (a NamedTuple) compared and hashed without its last field: a handle on the
    value, or what it was read from, but not part of it."""

    def __eq__(self: tuple[Any, ...], other: object) -> bool:
        return isinstance(other, tuple) and isinstance(other, cls) and self[:-1] == other[:-1]

    def __ne__(self: tuple[Any, ...], other: object) -> bool:
        return not __eq__(self, other)

    def __hash__(self: tuple[Any, ...]) -> int:
        return hash(self[:-1])

    # Set on the class after it is made: a NamedTuple takes no mixin to inherit them from.
    for method in (__eq__, __ne__, __hash__):
        setattr(cls, method.__name__, method)
    return cls
