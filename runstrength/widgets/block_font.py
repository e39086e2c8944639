"""Solid block fonts for the session's floor layout: digits 7 pixels tall, letters 5.

Glyphs are data: one string per pixel row, "#" lit. A pixel is drawn as `x` cells wide and
`y` rows high, lit pixels as full blocks "█", so strokes stay solid at every size. A
terminal cell is about twice as tall as it is wide: x = 2y draws square pixels, x = y
pixels twice as tall as wide (a condensed face, for long words in a narrow space).
"""

from __future__ import annotations

from dataclasses import dataclass

LIT = "█"

# fmt: off
DIGITS: dict[str, tuple[str, ...]] = {
    "0": ("#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": ("#####", "....#", "....#", "#####", "#....", "#....", "#####"),
    "3": ("#####", "....#", "....#", ".####", "....#", "....#", "#####"),
    "4": ("#...#", "#...#", "#...#", "#####", "....#", "....#", "....#"),
    "5": ("#####", "#....", "#....", "#####", "....#", "....#", "#####"),
    "6": ("#####", "#....", "#....", "#####", "#...#", "#...#", "#####"),
    "7": ("#####", "....#", "....#", "....#", "....#", "....#", "....#"),
    "8": ("#####", "#...#", "#...#", "#####", "#...#", "#...#", "#####"),
    "9": ("#####", "#...#", "#...#", "#####", "....#", "....#", "#####"),
    ":": (".", ".", "#", ".", "#", ".", "."),
    " ": ("..", "..", "..", "..", "..", "..", ".."),
}

LETTERS: dict[str, tuple[str, ...]] = {
    "A": (".##.", "#..#", "####", "#..#", "#..#"),
    "B": ("###.", "#..#", "###.", "#..#", "###."),
    "C": (".###", "#...", "#...", "#...", ".###"),
    "D": ("###.", "#..#", "#..#", "#..#", "###."),
    "E": ("####", "#...", "###.", "#...", "####"),
    "F": ("####", "#...", "###.", "#...", "#..."),
    "G": (".###", "#...", "#.##", "#..#", ".###"),
    "H": ("#..#", "#..#", "####", "#..#", "#..#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "J": ("..##", "...#", "...#", "#..#", ".##."),
    "K": ("#..#", "#.#.", "##..", "#.#.", "#..#"),
    "L": ("#...", "#...", "#...", "#...", "####"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#...#", "##..#", "#.#.#", "#..##", "#...#"),
    "O": (".##.", "#..#", "#..#", "#..#", ".##."),
    "P": ("###.", "#..#", "###.", "#...", "#..."),
    "Q": (".##.", "#..#", "#..#", "#.#.", ".#.#"),
    "R": ("###.", "#..#", "###.", "#.#.", "#..#"),
    "S": (".###", "#...", ".##.", "...#", "###."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#..#", "#..#", "#..#", "#..#", ".##."),
    "V": ("#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("#...#", ".#.#.", "..#..", ".#.#.", "#...#"),
    "Y": ("#...#", ".#.#.", "..#..", "..#..", "..#.."),
    "Z": ("####", "...#", ".##.", "#...", "####"),
    "0": ("####", "#..#", "#..#", "#..#", "####"),
    "1": (".#", "##", ".#", ".#", ".#"),
    "2": ("###.", "...#", ".##.", "#...", "####"),
    "3": ("###.", "...#", ".##.", "...#", "###."),
    "4": ("#..#", "#..#", "####", "...#", "...#"),
    "5": ("####", "#...", "###.", "...#", "###."),
    "6": (".##.", "#...", "###.", "#..#", ".##."),
    "7": ("####", "...#", "..#.", ".#..", ".#.."),
    "8": (".##.", "#..#", ".##.", "#..#", ".##."),
    "9": (".##.", "#..#", ".###", "...#", ".##."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
}
# fmt: on


@dataclass(frozen=True)
class BlockFont:
    """A set of equally tall pixel glyphs drawn one pixel apart."""

    glyphs: dict[str, tuple[str, ...]]
    height: int

    def supports(self, text: str) -> bool:
        return all(char in self.glyphs for char in text)

    def pixels_wide(self, text: str) -> int:
        glyphs = [self.glyphs[char] for char in text if char in self.glyphs]
        return sum(len(glyph[0]) for glyph in glyphs) + max(0, len(glyphs) - 1)

    def rows(self, text: str, x: int = 2, y: int = 1) -> list[str]:
        """The text as lines of "█" and spaces; characters the font lacks are left out."""
        glyphs = [self.glyphs[char] for char in text if char in self.glyphs]
        if not glyphs:
            return []
        lines: list[str] = []
        for row in range(self.height):
            pixels = ".".join(glyph[row] for glyph in glyphs)
            line = "".join((LIT if pixel == "#" else " ") * x for pixel in pixels)
            lines += [line] * y
        return lines

    def fit(self, text: str, width: int, height: int, max_y: int = 8) -> tuple[int, int] | None:
        """The largest scale (x, y) at which the text fits in width x height cells.

        The tallest that fits wins; at that height, the widest up to square pixels.
        None when it does not fit even at one cell per pixel.
        """
        wide = self.pixels_wide(text)
        if not wide:
            return None
        for y in range(min(max_y, height // self.height), 0, -1):
            for x in range(2 * y, y - 1, -1):
                if wide * x <= width:
                    return x, y
        return None


DIGIT_FONT = BlockFont(DIGITS, 7)
LETTER_FONT = BlockFont(LETTERS, 5)
