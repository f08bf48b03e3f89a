"""Matching for pack rules: phrase tries, patterns with named lists, scopes, time budgets.

Speed: the phrases of every phrase rule of a pack (or folder of packs) with the
same letter-case setting go into one trie-shaped alternation (`PhraseIndex`),
found in one pass per document over `doc.content` with the standard `re`
module; each rule then keeps the hits in its own scope. A trie of literal
characters has nothing to backtrack into, so it runs in linear time and needs
no timeout. (The `regex` module's named lists try each entry in turn: at 2,000
phrases on BBC news, 31k words/s against 2.3M for the trie on lower-cased
text; docs/rule-packs.md.) User-written patterns run with the `regex` module
and a time budget; a `\\L<name>` list in them is expanded into the same kind of trie.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import regex

from ..document import Document, blank

HEADLINE = frozenset({"title", "heading"})
BODY = frozenset({"paragraph", "list_item"})
_LIST_REF = regex.compile(r"(?<!\\)((?:\\\\)*)\\L<(\w+)>")


def normalize(phrase: str) -> str:
    """A phrase with its white space collapsed to single spaces."""
    return " ".join(phrase.split())


def key(phrase: str, ignore_case: bool) -> str:
    """The lookup key of a phrase or of matched text."""
    phrase = normalize(phrase)
    return phrase.casefold() if ignore_case else phrase


def trie(phrases: Iterable[str], ignore_case: bool) -> str:
    """One alternation for all phrases, factored by common prefixes; a space matches any white space."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for char in normalize(phrase.lower() if ignore_case else phrase):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        head = ""
        while len(node) == 1 and "" not in node:  # a run of single characters: neither group nor recursion
            ((char, node),) = node.items()
            head += _escaped(char)
        branches = [_escaped(c) + emit(node[c]) for c in sorted(node) if c]
        if not branches:
            return head
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a phrase ends here: the longer ones are tried first
            return head + (f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?")
        return head + body

    return emit(root)


_ESCAPED = {" ": r"\s+"}  # characters as the trie writes them


def _escaped(char: str) -> str:
    out = _ESCAPED.get(char)
    if out is None:
        out = _ESCAPED[char] = re.escape(char)
    return out


def expand_lists(pattern: str, lists: dict[str, list[str]], ignore_case: bool) -> str:
    """`pattern` with each `\\L<name>` replaced by a trie of that list; KeyError names an unknown list."""

    def expand(m: regex.Match) -> str:
        items = lists[m.group(2)]
        return m.group(1) + (f"(?:{trie(items, ignore_case)})" if items else "(?!)")

    return _LIST_REF.sub(expand, pattern)


def compile_pattern(pattern: str, lists: dict[str, list[str]], ignore_case: bool) -> regex.Pattern:
    """A user pattern (VERSION1 syntax); raises regex.error, or KeyError for an unknown list."""
    flags = regex.V1 | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(expand_lists(pattern, lists, ignore_case), flags)


# --- scope ---------------------------------------------------------------------------

_VIEWS: WeakKeyDictionary[Document, str] = WeakKeyDictionary()


def quoted_view(doc: Document) -> str:
    """`doc.content` with everything outside quotations blanked."""
    if doc not in _VIEWS:
        gaps, pos = [], 0
        for q in doc.quotes:
            gaps.append((pos, q.start))
            pos = max(pos, q.end)
        gaps.append((pos, len(doc.text)))
        _VIEWS[doc] = blank(doc.content, gaps)
    return _VIEWS[doc]


def view(doc: Document, name: str) -> str:
    if name == "quoted":
        return quoted_view(doc)
    return doc.unquoted if name == "unquoted" else doc.content


@dataclass(frozen=True)
class Scope:
    """Where a rule's hits count: which view, which blocks, which unit, which article types."""

    view: str = "unquoted"  # unquoted | quoted | content
    part: str = ""  # headline | body | "" (both)
    unit: str = "sentence"  # sentence | paragraph
    types: frozenset[str] = frozenset()
    skip_types: frozenset[str] = frozenset()

    @classmethod
    def of(cls, terms: list[str], types: list[str], skip_types: list[str]) -> Scope:
        def pick(options: tuple[str, ...], default: str) -> str:
            return next((t for t in terms if t in options), default)

        return cls(pick(("unquoted", "quoted", "content"), "unquoted"), pick(("headline", "body"), ""),
                   pick(("sentence", "paragraph"), "sentence"),
                   frozenset(t.lower() for t in types), frozenset(t.lower() for t in skip_types))

    def applies(self, doc: Document) -> bool:
        if not (self.types or self.skip_types):
            return True
        kind = doc.type or "news"
        return kind not in self.skip_types and (not self.types or kind in self.types)

    def sees(self, doc: Document, start: int, end: int) -> bool:
        """Whether a hit found in `doc.content` lies in this scope's view: outside, inside, or anywhere."""
        if self.view == "content":
            return True
        if self.view == "quoted":
            return doc.quote_at(start, end) is not None
        return doc.quote_at(start) is None and doc.quote_at(end - 1) is None

    def unit_of(self, doc: Document, start: int, end: int) -> tuple[int, int] | None:
        """The sentence or paragraph that holds the span, or None when the span is out of scope."""
        sentence = doc.sentence_at(start)
        if sentence is None:
            return None
        block = doc.blocks[sentence.block]
        if (self.part == "headline" and block.kind not in HEADLINE) or (self.part == "body" and block.kind not in BODY):
            return None
        bounds = (sentence.start, sentence.end) if self.unit == "sentence" else (block.start, block.end)
        return bounds if end <= bounds[1] else None

    def describe(self) -> str:
        where = {"unquoted": "outside quotations", "quoted": "inside quotations", "content": "anywhere in the article"}
        parts = [where[self.view]]
        if self.part:
            parts.append("in headlines only" if self.part == "headline" else "in the body only")
        parts.append(f"a match lies within one {self.unit}")
        if self.types:
            parts.append("in articles of type " + ", ".join(sorted(self.types)))
        if self.skip_types:
            parts.append("never in articles of type " + ", ".join(sorted(self.skip_types)))
        return "; ".join(parts)


# --- time budget ----------------------------------------------------------------------


class Budget:
    """The time a rule's patterns may spend on one document: `seconds` per million characters, at least `seconds`.

    The clock starts at the first pattern call. (The `regex` module counts the
    process's CPU time, so on a busy machine a stop comes later by the clock.)
    """

    def __init__(self, seconds: float, chars: int):
        self.limit = seconds * max(1.0, chars / 1_000_000)
        self.deadline: float | None = None

    def left(self) -> float:
        now = time.perf_counter()
        if self.deadline is None:
            self.deadline = now + self.limit
        return max(0.001, self.deadline - now)


# --- phrase index ---------------------------------------------------------------------

Hit = tuple[int, int, Any]  # start, end, payload (what the rule attached to the phrase)


class PhraseIndex:
    """The phrases of several rules with one case setting: one pass per document over `doc.content`.

    Each rule then keeps the hits in its scope (`Scope.sees`): outside or inside quotations.
    """

    def __init__(self, ignore_case: bool):
        self.ignore_case = ignore_case
        self.entries: dict[str, list[tuple[str, Any]]] = defaultdict(list)  # key → (rule code, payload)
        self._spellings: dict[str, str] = {}
        self._pattern: re.Pattern | None = None
        self._folded: re.Pattern | None = None  # case-sensitive, for lower-cased text (twice as fast as re.I)
        self._prefixes: dict[str, list[str]] = {}
        self._hits: WeakKeyDictionary[Document, dict[str, list[Hit]]] = WeakKeyDictionary()

    def add(self, code: str, phrase: str, payload: Any) -> None:
        k = key(phrase, self.ignore_case)
        if all(c != code for c, _ in self.entries[k]):
            self.entries[k].append((code, payload))
            self._spellings[k] = phrase

    def compile(self) -> None:
        """Build the trie, and note which phrases of other rules are word-prefixes of each phrase."""
        body = rf"(?<!\w)(?:{trie(self._spellings.values(), self.ignore_case)})(?!\w)"
        self._pattern = re.compile(body, re.IGNORECASE if self.ignore_case else 0)
        self._folded = re.compile(body) if self.ignore_case else None
        for k, entries in self.entries.items():
            codes = {c for c, _ in entries}
            shorter = [k[:i] for i in range(1, len(k)) if not _word(k[i]) and k[:i] in self.entries]
            shorter = [p for p in shorter if {c for c, _ in self.entries[p]} - codes]
            if shorter:
                self._prefixes[k] = shorter

    def hits(self, doc: Document) -> dict[str, list[Hit]]:
        """Hits by rule code: per rule, leftmost-longest and not overlapping (computed once per document)."""
        found = self._hits.get(doc)
        if found is None:
            found = self._hits[doc] = self._scan(doc.content)
        return found

    def _scan(self, text: str) -> dict[str, list[Hit]]:
        assert self._pattern is not None, "PhraseIndex.compile() was not called"
        raw: dict[str, list[Hit]] = defaultdict(list)
        search = self._pattern.search
        if self._folded is not None:
            lower = text.lower()
            if len(lower) == len(text):  # same offsets: match the lower-cased text case-sensitively
                text, search = lower, self._folded.search
        m = search(text)
        while m is not None:
            start, end = m.span()
            k = key(m.group(), self.ignore_case)
            for code, payload in self.entries.get(k, ()):
                raw[code].append((start, end, payload))
            for prefix in self._prefixes.get(k, ()):
                stop = start + _raw_length(m.group(), len(prefix))
                for code, payload in self.entries[prefix]:
                    raw[code].append((start, stop, payload))
            m = search(text, start + 1)  # overlapping: another rule's phrase may start inside this one
        return {code: list(_leftmost_longest(hits)) for code, hits in raw.items()}


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _raw_length(matched: str, normalized: int) -> int:
    """How many characters of `matched` make up its first `normalized` characters once white space is collapsed."""
    count, i = 0, 0
    while count < normalized:
        if matched[i].isspace():
            while matched[i].isspace():
                i += 1
        else:
            i += 1
        count += 1
    return i


def _leftmost_longest(hits: list[Hit]) -> Iterator[Hit]:
    end = -1
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if hit[0] >= end:
            end = hit[1]
            yield hit
