"""A loaded document: its text, same-length analysis views, segments and assertions.

Every offset anywhere in factlint points into `Document.text`. The views
(`view`, `content`, `unquoted`) have exactly the same length, with the parts a
rule must not see blanked to spaces, so a match in a view is a match in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from .models import Assertion, Location, construct

BlockKind = Literal["title", "heading", "paragraph", "list_item", "furniture"]


@dataclass(slots=True, frozen=True)
class Block:
    """A paragraph-level unit: title, heading, paragraph, list item or page furniture."""

    start: int
    end: int
    kind: BlockKind


@dataclass(slots=True, frozen=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass(slots=True, frozen=True)
class Quote:
    """A quotation: `start`/`end` include the marks; the speaker is named where the text names one."""

    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(slots=True, frozen=True)
class Suppression:
    """An inline `factlint: disable` range for some codes (empty = all)."""

    start: int
    end: int
    codes: tuple[str, ...]
    comment_start: int
    comment_end: int


_NOT_NEWLINE = re.compile(r"[^\n]")


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by spaces (newlines kept), same length."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(text[pos:start])
        piece = text[start:end]
        parts.append(_NOT_NEWLINE.sub(" ", piece) if "\n" in piece else " " * len(piece))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(eq=False)
class Document:
    id: str
    text: str
    path: str | None = None
    view: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)  # per-document figures rules report (e.g. opinion_density)
    load_errors: list[Any] = field(default_factory=list)  # LoadError: what the loader could not read cleanly

    def __post_init__(self) -> None:
        if not self.view:
            self.view = self.text
        if len(self.view) != len(self.text):
            raise ValueError("a document's view must have the length of its text")

    # --- metadata -----------------------------------------------------------
    @property
    def title(self) -> str | None:
        title = self.meta.get("title")
        if title:
            return str(title)
        for block in self.blocks:
            if block.kind in ("title", "heading"):
                return self.text[block.start : block.end].strip("*# \n")
        return None

    @property
    def type(self) -> str | None:
        value = self.meta.get("type")
        return str(value).lower() if value else None

    # --- views ----------------------------------------------------------------
    @cached_property
    def content(self) -> str:
        """`view` with page furniture blanked: what content rules read."""
        return blank(self.view, [(b.start, b.end) for b in self.blocks if b.kind == "furniture"])

    @cached_property
    def unquoted(self) -> str:
        """`content` with quotations blanked: the writer's own words."""
        return blank(self.content, [(q.start, q.end) for q in self.quotes])

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return starts

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def words(self) -> int:
        content = self.content
        return sum(len(content[s.start : s.end].split()) for s in self.sentences)

    # --- positions --------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def location(self, start: int, end: int) -> Location:
        line, column = self.line_col(start)
        fields = {"document": self.id, "path": self.path, "line": line, "column": column,
                  "start": start, "end": end, "excerpt": self.text[start:end]}
        if type(start) is int and type(end) is int and type(self.id) is str and (self.path is None or type(self.path) is str):
            return construct(Location, fields)  # valid already: what validation would build, without it
        return Location(**fields)

    def quote_at(self, start: int, end: int | None = None) -> Quote | None:
        """The quotation that contains the span, if any."""
        end = start if end is None else end
        i = bisect_right(self._quote_starts, start) - 1
        if i >= 0 and self.quotes[i].start <= start and end <= self.quotes[i].end:
            return self.quotes[i]
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def block_of(self, sentence: Sentence) -> Block:
        return self.blocks[sentence.block]

    def in_furniture(self, offset: int) -> bool:
        return any(b.start <= offset < b.end for b in self.blocks if b.kind == "furniture")
