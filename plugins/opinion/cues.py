"""Cue extraction: opinion cues in the writer's own words.

The writer's own words are `Document.unquoted` (quotations blanked) with the reported
content of attributions blanked too ("X said the plan was a disaster"), so neither
quoted nor reported speech yields cues. Only attributions to a source (not agentless
ones: "it is believed") through a verb of saying or believing (`attribution_verbs`)
take the words away from the writer, and not when the source is the writer ("I believe",
"we think": `writer_sources`).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterator

from factlint.document import Document, Sentence, blank
from factlint.models import Attribution, OpinionCue

from .lexicon import SCARE_QUOTE, SENTENCE_CUES, CueList, Lexicon, lexicon, lower

_OWN_VIEWS: weakref.WeakKeyDictionary[Document, tuple[str, list[tuple[int, int]]]] = weakref.WeakKeyDictionary()
_LEAD_WORDS = re.compile(r"([a-z]+(?:['’]s)?)(?:\s+([a-z]+))?")
_LIST_JOIN = re.compile(r",?\s+(?:and|or)\s+|,\s+")
Cue = tuple[CueList, int, int, Sentence]


def own_view(doc: Document) -> str:
    """`doc.unquoted` with attributed content blanked: the writer's own words (cached per document)."""
    return _own(doc)[0]


def not_own(doc: Document) -> list[tuple[int, int]]:
    """The spans blanked in `own_view` (quotations and attributed content), sorted and disjoint."""
    return _own(doc)[1]


def _own(doc: Document) -> tuple[str, list[tuple[int, int]]]:
    own = _OWN_VIEWS.get(doc)
    if own is None:
        lex = lexicon()
        verbs, writer = lex.attribution_verbs, lex.writer_sources
        spans = [(a.content_start, a.content_end) for a in doc.assertions if isinstance(a, Attribution)
                 and a.content_start is not None and a.content_end is not None
                 and a.source_type != "none" and (a.verb or "").lower() in verbs and a.source not in writer]
        own = _OWN_VIEWS[doc] = (blank(doc.unquoted, spans), _merged(spans + [(q.start, q.end) for q in doc.quotes]))
    return own


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined (a quotation inside reported content is one span)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def extract(doc: Document) -> list[OpinionCue]:
    """Opinion cues in the writer's own words, each tied to its sentence."""
    text = doc.text
    # validated construction: pydantic's model_construct is twice as slow for this small model
    cues = [OpinionCue(start=start, end=end, text=text[start:end], cue=kind.cue, weight=kind.weight,
                       sentence_start=sentence.start)
            for kind, start, end, sentence in find(doc)]
    cues.sort(key=lambda c: (c.start, c.end))
    return cues


def find(doc: Document, lex: Lexicon | None = None) -> Iterator[Cue]:
    """(cue list, start, end, sentence) of every cue in the writer's own words."""
    lex = lex or lexicon()
    view = own_view(doc)
    starts = [s.start for s in doc.sentences]
    neutral: list[tuple[int, int]] = []
    for kind, start, end in _words(view, not_own(doc), lex, neutral):
        cue = _place(doc, view, starts, kind, start, end)
        if cue:
            yield cue
    neutral_starts = [s for s, _ in neutral]
    for pattern, kind in lex.case:  # on the whole view: blanked words are spaces, and one call is faster
        for m in pattern.finditer(view):
            start, end = m.span()
            if (start and view[start].isalnum() and view[start - 1].isalnum()) or _in_compound(view, start, end):
                continue  # not the start of a word, or part of a compound
            i = bisect_right(neutral_starts, start) - 1
            if i >= 0 and start < neutral[i][1]:
                continue  # inside a neutral phrase ("World War I", "our correspondent", "Yahoo!")
            cue = _place(doc, view, starts, kind, start, end)
            if cue:
                yield cue
    yield from _scare_quotes(doc, view, starts, lex)


def _words(view: str, blanked: list[tuple[int, int]], lex: Lexicon,
           neutral: list[tuple[int, int]]) -> Iterator[tuple[CueList, int, int]]:
    """The word pass over the stretches between blanked spans: phrases, and word patterns where
    their first word occurs. Neutral phrases win over cues, patterns over phrases; matches do not
    overlap. Fills `neutral`."""
    low = " " + lower(view)  # offsets in `low` are one more than in `view`
    phrases, exact, patterns, lists = lex.phrases, lex.exact, lex.patterns, lex.lists
    resume = 0
    for m in _scan(lex.words, low, blanked):
        start, end = m.start(1) - 1, m.end(1) - 1
        if start < resume or _in_compound(view, start, end):
            continue
        found = m.group(1)
        if " " in found or "\n" in found or "\t" in found:
            found = " ".join(found.split())
        kind = phrases.get(found, False)
        if kind is None:
            neutral.append((start, end))
            resume = end
            continue
        words = _LEAD_WORDS.match(low, start + 1)
        pattern = (words.group(2) and patterns.get(f"{words.group(1)} {words.group(2)}")) or patterns.get(words.group(1))
        hit = pattern.match(low, start + 1) if pattern else None
        if hit and hit.end() > start + 1:
            yield lists[hit.lastgroup], start, hit.end() - 1
            resume = hit.end() - 1
        elif kind:
            yield kind, start, end
            resume = end
        elif found in exact and " ".join(view[start:end].split()) in exact[found][1]:
            yield exact[found][0], start, end
            resume = end


def _scan(pattern: re.Pattern, low: str, blanked: list[tuple[int, int]]) -> Iterator[re.Match]:
    """Matches of `pattern` in `low` (the lower-cased view after one space) outside the blanked spans:
    a phrase must not run across a quotation or reported content."""
    pos = 0
    for start, end in blanked:
        if start + 1 > pos:
            yield from pattern.finditer(low, pos, start + 1)
        pos = end
    yield from pattern.finditer(low, pos)


def _in_compound(text: str, start: int, end: int) -> bool:
    """A word joined to another by a hyphen ("well-known", "I-95") is part of that compound."""
    return (start > 0 and text[start - 1] == "-") or text[end : end + 1] == "-"


def _place(doc: Document, view: str, starts: list[int], kind: CueList, start: int, end: int) -> Cue | None:
    """The cue tied to its sentence; None outside sentences (page furniture) and for names."""
    i = bisect_right(starts, start) - 1
    if i < 0 or start >= doc.sentences[i].end:
        return None
    sentence = doc.sentences[i]
    if _is_name(view, sentence.start, start, end):
        return None
    if kind.cue in SENTENCE_CUES:  # the question or exclamation is the sentence up to its mark
        if _ends_title(view, sentence.start, start):
            return None
        start = _clause_start(view, sentence.start, start)
    return kind, start, end, sentence


def _is_name(view: str, sentence_start: int, start: int, end: int) -> bool:
    """A cue capitalized inside its sentence is part of a name or title ("Just Add Monsters",
    "My Summer Of Love"), not the writer's judgement. Acronyms ("MSM") and "I" still count."""
    word = view[start:end]
    if not (word[:1].isupper() and word[1:2].islower()):
        return False
    return bool(view[sentence_start:start].strip(" \t\n\"“‘'(["))


def _ends_title(view: str, sentence_start: int, mark: int) -> bool:
    """A question or exclamation mark after a capitalized word inside the sentence ends a title
    ("Shall We Dance?", "Get Me Out Of Here!"), not the writer's question or exclamation."""
    before = view[sentence_start:mark].rstrip()
    word = before[before.rfind(" ") + 1 :].lstrip("\"“‘'([")
    return before.find(" ") > 0 and word[:1].isupper() and word[1:2].islower()


def _clause_start(view: str, sentence_start: int, mark: int) -> int:
    """Start of the writer's own words before a question or exclamation mark, within its sentence."""
    start = max(view.rfind(c, sentence_start, mark) for c in ".;:!?\n") + 1
    start = max(start, sentence_start)
    while start < mark and view[start].isspace():
        start += 1
    return start


def _scare_quotes(doc: Document, view: str, starts: list[int], lex: Lexicon) -> Iterator[Cue]:
    """Quotation marks around a few lower-case words the writer uses but no speaker says:
    "the 'reforms'". Titles, nicknames, attributed words and words mentioned as words
    (`mention_frames`: 'such as "affect" and "effect"', 'the term "blog"') do not count."""
    kind = lex.lists.get(SCARE_QUOTE)
    if kind is None:
        return
    mention_end = -1  # end of the last quotation that mentions a word: '"affect" and "effect"' goes on
    for q in doc.quotes:
        if q.speaker is not None or q.end - q.start > 40:
            continue
        inner = doc.text[q.start + 1 : q.end - 1].strip()
        if not 1 <= len(inner.split()) <= 3 or not inner[:1].islower():
            continue
        before = view[max(0, q.start - 2) : q.start]
        if not (before[-1:].isspace() and before[:1].isalnum()):
            continue  # the quotation must sit inside the writer's own sentence
        lead = lower(view[max(0, q.start - 30) : q.start])
        if lex.mention_frames.search(lead) or (mention_end >= 0 and _LIST_JOIN.fullmatch(view, mention_end, q.start)):
            mention_end = q.end
            continue
        i = bisect_right(starts, q.start) - 1
        if i >= 0 and q.start < doc.sentences[i].end:
            yield kind, q.start, q.end, doc.sentences[i]
