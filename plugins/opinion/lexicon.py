"""The cue lexicon: the lists of `rules/opinion.toml`, compiled for two passes over a document.

A cue list is named `<class>_<tier>` (phrases), `<class>_<tier>_patterns` (regular
expressions matched on the lower-cased text at a word start) or
`<class>_<tier>_case_patterns` (regular expressions matched on the text as written,
one pass per list, each match starting a word);
`weights` gives each list its weight. Phrases of `neutral_news` and
`first_person_exempt` are neutral: where one matches, no cue inside it counts. Single
words of `neutral_news` are struck from every phrase list. `attribution_verbs` names
the reporting verbs whose reported content is not the writer's.

Speed: every phrase, and the first word of every word pattern, goes into one
trie-shaped alternation run with the standard `re` module over the lower-cased text;
a word pattern is tried only where its first word (or first two) was found. (The `regex` module's
named lists try every entry length at every position: 50x slower here.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factlint.config import ConfigError
from factlint.packs import pack_lists
from factlint.packs.match import trie
from factlint.plugins.packs import builtin_pack_dir

TIERS = ("strong", "weak")
STRONG_WEIGHT = 1.0  # a cue list of the strong tier weighs at least this; a weak one less
NEUTRAL_LISTS = ("neutral_news", "first_person_exempt")
STOPLIST = "neutral_news"
ATTRIBUTION_VERBS = "attribution_verbs"
WRITER_SOURCES = "writer_sources"
MENTION_FRAMES = "mention_frames"
SCARE_QUOTE = "scare_quote_weak"  # filled from the document's quotations, not by a pattern
SENTENCE_CUES = ("rhetorical_question", "exclamation")  # a cue that is a property of its sentence
_SUFFIXES = ("_case_patterns", "_patterns", "_case", "")
_PLAIN = re.compile(r"[a-z]+")
_PLAIN_LEAD = re.compile(r"[a-z]+(?![a-z])")
_LOOKBEHIND = re.compile(r"\(\?<[=!](?:[^()\\]|\\.)*\)")
_QUANTIFIERS = ("?", "*", "+", "{")
_APOSTROPHE_S = "['’]s"
_UPPER = re.compile(r"(?<!\\)[A-Z]")


@dataclass(frozen=True, slots=True)
class CueList:
    name: str  # the list, e.g. "evaluative_strong"
    cue: str  # its cue class, e.g. "evaluative"
    weight: float
    strong: bool


def pack_path() -> Path:
    return builtin_pack_dir() / "opinion.toml"


def lower(text: str) -> str:
    """`text` lower-cased with its length kept (a letter whose lower case is longer stays as it is)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def leads(pattern: str) -> set[str]:
    """The words a word pattern can start with: one word, or two where the second is literal too
    (`the\\s+(?:need|time)` starts with "the need" or "the time"). Empty when the pattern does not
    start with a literal word or a (?:...|...) group of alternatives that each do."""
    m = _LOOKBEHIND.match(pattern)
    return _leads(pattern[m.end() if m else 0 :])


def _leads(source: str) -> set[str]:
    if source.startswith("(?:"):
        alternatives, rest = _group(source)
        if alternatives is None or rest[:1] in _QUANTIFIERS:
            return set()
        out: set[str] = set()
        for alternative in alternatives:
            if _PLAIN.fullmatch(alternative):
                out |= _then(alternative, rest)
            else:
                found = _leads(alternative)
                if not found:
                    return set()
                out |= found
        return out
    m = _PLAIN_LEAD.match(source)
    if m is None or source[m.end() : m.end() + 1] in _QUANTIFIERS:
        return set()
    return _then(m.group(), source[m.end() :])


def _then(word: str, rest: str) -> set[str]:
    """`word`, or `word` and the literal word(s) after `\\s+` in `rest`, or its `'s` form."""
    if rest.startswith(_APOSTROPHE_S):
        return {f"{word}'s", f"{word}’s"}
    if not rest.startswith(r"\s+"):
        return {word}
    rest = rest[3:]
    if rest.startswith("(?:"):
        alternatives, after = _group(rest)
        if alternatives and after[:1] not in _QUANTIFIERS and all(_PLAIN.fullmatch(a) for a in alternatives):
            return {f"{word} {a}" for a in alternatives}
        return {word}
    m = _PLAIN_LEAD.match(rest)
    if m and rest[m.end() : m.end() + 1] not in _QUANTIFIERS:
        return {f"{word} {m.group()}"}
    return {word}


def _group(source: str) -> tuple[list[str] | None, str]:
    """The top-level alternatives of the (?:...) group `source` starts with, and what follows it."""
    depth, start, alternatives, i = 0, 3, [], 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                alternatives.append(source[start:i])
                return alternatives, source[i + 1 :]
        elif char == "|" and depth == 1:
            alternatives.append(source[start:i])
            start = i + 1
        elif char == "[":
            i = source.index("]", i + 1)
        i += 1
    return None, ""


def _parse_name(name: str, source: str) -> tuple[str, str, str]:
    """(cue class, tier, kind) of a cue list's name; kind is one of `_SUFFIXES`."""
    kind = next(s for s in _SUFFIXES if name.endswith(s))
    cue, _, tier = name[: len(name) - len(kind)].rpartition("_")
    if not cue or tier not in TIERS:
        raise ConfigError(f"{source}: list {name!r}: a cue list is named "
                          "<class>_<strong|weak>[_case|_patterns|_case_patterns]")
    return cue, tier, kind


def _variants(phrase: str) -> list[str]:
    """The phrase normalized, with its straight apostrophes also as typographic ones."""
    phrase = " ".join(phrase.lower().split())
    return [phrase, phrase.replace("'", "’")] if "'" in phrase else [phrase]


def _compile(name: str, pattern: str, source: str) -> re.Pattern:
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"{source}: list {name!r}: pattern does not compile: {exc}: {pattern}") from exc
    if compiled.groups:
        raise ConfigError(f"{source}: list {name!r}: use (?:...), not capturing groups: {pattern}")
    return compiled


class Lexicon:
    """Cue lists with weights, compiled for a word pass and a case pass over a document."""

    def __init__(self, lists: dict[str, list[str]], source: str = "opinion pack"):
        lists = dict(lists)
        weights = self._weights(lists.pop("weights", []), source)
        self.attribution_verbs = frozenset(v.lower() for v in lists.pop(ATTRIBUTION_VERBS, []))
        self.writer_sources = frozenset(" ".join(v.split()) for v in lists.pop(WRITER_SOURCES, []))
        frames = [_variants(v)[0] for v in lists.pop(MENTION_FRAMES, [])]
        # at the end of the lower-cased text before a quotation; "so-called" is not "called"
        self.mention_frames = re.compile(
            r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in frames) + r")\s*$"
            if frames else r"(?!)")
        neutral = [v for name in NEUTRAL_LISTS for p in lists.pop(name, []) for v in _variants(p)]
        stop = {p for p in neutral if " " not in p}
        self.lists: dict[str, CueList] = {}
        self.phrases: dict[str, CueList | None] = dict.fromkeys(neutral)  # None: neutral
        self.exact: dict[str, tuple[CueList, frozenset[str]]] = {}  # lower-cased -> (list, forms as written)
        alternatives: dict[str, dict[str, list[str]]] = {}  # first word(s) -> list name -> patterns
        case: list[tuple[str, list[str]]] = []
        for name, entries in sorted(lists.items(), key=lambda item: _parse_name(item[0], source)[1] != "strong"):
            cue, tier, kind = _parse_name(name, source)
            if name not in weights:
                raise ConfigError(f"{source}: list {name!r} has no entry in `weights`")
            weight = weights.pop(name)
            if (weight >= STRONG_WEIGHT) != (tier == "strong"):
                raise ConfigError(f"{source}: list {name!r}: a {tier} list must weigh "
                                  f"{'at least' if tier == 'strong' else 'less than'} {STRONG_WEIGHT}")
            cue_list = self.lists[name] = CueList(name, cue, weight, tier == "strong")
            if kind == "_case_patterns":
                case.append((name, entries))
            elif kind == "_patterns":
                for entry in entries:
                    for word in self._first_words(cue_list, entry, source):
                        alternatives.setdefault(word, {}).setdefault(name, []).append(entry)
            elif kind == "_case":
                for entry in entries:
                    phrase = _variants(entry)[0]
                    forms = self.exact.get(phrase, (cue_list, frozenset()))[1]
                    self.exact[phrase] = (cue_list, forms | {" ".join(entry.split())})
            else:
                for phrase in {v for p in entries for v in _variants(p)} - stop:
                    if self.phrases.get(phrase, cue_list) is not cue_list:
                        owner = self.phrases[phrase]
                        raise ConfigError(f"{source}: {phrase!r} is in {name!r} and in "
                                          f"{owner.name if owner else 'a neutral list'!r}")
                    self.phrases[phrase] = cue_list
        for phrase, (cue_list, _) in self.exact.items():
            if phrase in self.phrases:
                owner = self.phrases[phrase]
                raise ConfigError(f"{source}: {phrase!r} is in {cue_list.name!r} and in "
                                  f"{owner.name if owner else 'a neutral list'!r}")
        if weights:
            raise ConfigError(f"{source}: `weights` names lists that do not exist: {', '.join(sorted(weights))}")
        # per first word (or two), one pattern whose named groups are the lists (strong lists first)
        self.patterns: dict[str, re.Pattern] = {
            word: re.compile("|".join(f"(?P<{n}>" + "|".join(f"(?:{e})" for e in es) + ")" for n, es in by_list.items()))
            for word, by_list in alternatives.items()
        }
        found = {p for p in self.phrases if p not in stop} | set(self.exact) | set(self.patterns)
        # Run on the lower-cased text after a space: the leading separator lets the engine skip to
        # candidate positions; `\b` at the end, not `(?![\w-])`, which would backtrack into every
        # shorter phrase when it fails.
        self.words = re.compile(r"[^a-z0-9](" + trie(found, ignore_case=False) + r")(?:\b|(?<=!))")
        # one pass per case list: an alternation of lists would lose the regex engine's literal-prefix scan
        self.case = [(_compile(name, "|".join(f"(?:{e})" for e in entries), source), self.lists[name])
                     for name, entries in case if entries]

    @staticmethod
    def _first_words(cue_list: CueList, pattern: str, source: str) -> set[str]:
        if _UPPER.search(pattern):
            raise ConfigError(f"{source}: list {cue_list.name!r}: a word pattern is matched on lower-case text; "
                              f"write it in lower case (or use a _case_patterns list): {pattern}")
        _compile(cue_list.name, pattern, source)
        words = leads(pattern)
        if not words:
            raise ConfigError(f"{source}: list {cue_list.name!r}: a word pattern starts with its first word "
                              f"or a (?:...|...) group of words, with no quantifier on them: {pattern}")
        return words

    @staticmethod
    def _weights(entries: list[str], source: str) -> dict[str, float]:
        weights: dict[str, float] = {}
        for entry in entries:
            name, _, value = entry.partition(" ")
            try:
                weights[name] = float(value)
            except ValueError:
                raise ConfigError(f"{source}: `weights` entry {entry!r} is not '<list> <weight>'") from None
        return weights


@cache
def lexicon() -> Lexicon:
    """The built-in lexicon, compiled once per process."""
    return Lexicon(pack_lists(pack_path()), str(pack_path()))
