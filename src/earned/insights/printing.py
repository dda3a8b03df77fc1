"""A person's own words on the report's paper, in any script the report's font can draw.

ReportLab lays text out left to right, one character after another. Arabic letters change shape
by their neighbours, and Arabic and Hebrew run right to left, so such text would print reversed
and unjoined. Here it is joined (arabic-reshaper), broken into lines in reading order, and each
line put in display order (python-bidi, the Unicode bidirectional algorithm); a paragraph that
reads right to left is set flush right. Characters the font has no glyph for (a script it does
not cover, most emoji) are never drawn as empty boxes: each run of them prints as "[…]" and the
report says once, on its first page, what that means.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import arabic_reshaper  # type: ignore[import-untyped]  # no type hints published
from bidi import get_base_level, get_display  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

NOT_DRAWABLE = "[…]"
EXPLAINED = (
    f"Where this report shows {NOT_DRAWABLE}, the words are in a script or symbols that the "
    "report's font cannot draw on this computer; they are whole in Earned."
)
RIGHT_TO_LEFT = {"R", "AL"}  # Hebrew, Arabic and the other right-to-left letters
JOINING = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")  # letters shaped in context


def escaped(text: str) -> str:
    """Text as Paragraph markup: its own characters, never markup of its own."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def needs_ordering(text: str) -> bool:
    return any(unicodedata.bidirectional(character) in RIGHT_TO_LEFT for character in text)


def joined(text: str) -> str:
    """Arabic letters in the shapes their neighbours give them (Unicode presentation forms)."""
    return str(arabic_reshaper.reshape(text)) if JOINING.search(text) else text


def display_order(line: str) -> str:
    """One line, joined and in the order it is seen, left to right."""
    return str(get_display(joined(line))) if needs_ordering(line) else line


def reads_right_to_left(text: str) -> bool:
    return needs_ordering(text) and get_base_level(text) == 1


@cache
def _glyphs(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    return frozenset(getattr(face, "charToGlyph", {}))


def _drawable(character: str, font_name: str) -> bool:
    return character.isspace() or ord(character) in _glyphs(font_name)


@dataclass
class Printer:
    """Prepares free text for one report, and remembers whether any could not be drawn."""

    font_name: str
    replaced: bool = field(default=False)

    def drawable(self, text: str) -> str:
        """The text with each run the font cannot draw, even once joined, replaced by […]."""
        if all(_drawable(character, self.font_name) for character in joined(text)):
            return text
        kept: list[str] = []
        for character in text:
            if _drawable(character, self.font_name) and all(
                _drawable(shape, self.font_name) for shape in joined(character)
            ):
                kept.append(character)
            elif not kept or not "".join(kept).endswith(NOT_DRAWABLE):
                kept.append(NOT_DRAWABLE)
        self.replaced = True
        return "".join(kept)

    def inline(self, text: str) -> str:
        """Markup for words set inside one of our sentences (a name): one run, never broken."""
        return escaped(display_order(self.drawable(text)))

    def label(self, text: str) -> str:
        """A chart label, drawn as a string rather than a paragraph."""
        return display_order(self.drawable(text))

    def paragraph(self, text: str, style: ParagraphStyle) -> Flowable:
        text = self.drawable(text)
        if not needs_ordering(text):
            return Paragraph(escaped(text), style)
        return OrderedParagraph(text, style)


def lines(text: str, font_name: str, font_size: float, width: float) -> list[str]:
    """The text broken into lines that fit the width, in reading order, at spaces (a word
    wider than the line keeps a line of its own). A line break in the text is kept."""
    space = pdfmetrics.stringWidth(" ", font_name, font_size)
    found: list[str] = []
    for written in text.splitlines() or [""]:
        line: list[str] = []
        used = 0.0
        for word in written.split():
            wide = pdfmetrics.stringWidth(joined(word), font_name, font_size)
            if line and used + space + wide > width:
                found.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + wide
            line.append(word)
        found.append(" ".join(line))
    return found


class OrderedParagraph(Flowable):
    """A paragraph holding right-to-left words, laid out once its width is known: lines are
    found in reading order, then each is put in display order, so a long Arabic sentence keeps
    its first words on its first line."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style
        self._laid: Paragraph | None = None

    def _lay_out(self, width: float) -> Paragraph:
        style = self.style
        usable = width - style.leftIndent - style.rightIndent
        if reads_right_to_left(self.text):
            style = ParagraphStyle(f"{style.name}-rtl", style, alignment=TA_RIGHT)
        found = lines(self.text, style.fontName, style.fontSize, usable)
        return Paragraph("<br/>".join(escaped(display_order(line)) for line in found), style)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._laid = self._lay_out(available_width)
        width, height = self._laid.wrap(available_width, available_height)
        return float(width), float(height)

    def split(self, available_width: float, available_height: float) -> list[Any]:
        return list(self._lay_out(available_width).split(available_width, available_height))

    def draw(self) -> None:
        assert self._laid is not None, "wrap() comes before draw()"
        self._laid.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)
