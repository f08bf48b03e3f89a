"""Sentence scoring: the weighted cues of each of the writer's own sentences.

A sentence is opinion when the weights of its cues reach the threshold and it does not
rest on a single weak cue; a cue list counts at most `MAX_PER_LIST` times in a sentence
("you ... your ... you" is one way of writing, not three pieces of evidence). A
sentence is the writer's own when at least `MIN_OWN_WORDS` of its words are outside
quotations and attributed content; opinion density is the share of those sentences
that are opinion. Scores are computed once per document and threshold.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from factlint.document import Document, Sentence
from factlint.models import OpinionCue

from .cues import not_own, own_view
from .lexicon import STRONG_WEIGHT

MIN_OWN_WORDS = 4
MAX_PER_LIST = 2
_SCORES: weakref.WeakKeyDictionary[Document, dict[float, Scores]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class ScoredSentence:
    sentence: Sentence
    score: float
    cues: tuple[OpinionCue, ...]  # strongest first

    @property
    def lead(self) -> OpinionCue:
        return self.cues[0]


@dataclass(frozen=True, slots=True)
class Scores:
    opinion: list[ScoredSentence]  # in text order
    own_sentences: int

    @property
    def density(self) -> float:
        return len(self.opinion) / self.own_sentences if self.own_sentences else 0.0


def weigh(cues: list[OpinionCue] | tuple[OpinionCue, ...]) -> float:
    """The sentence's cue weight: the sum of its cues' weights, each cue list counted at most twice."""
    seen: dict[tuple[str, float], int] = {}
    total = 0.0
    for c in cues:
        n = seen[c.cue, c.weight] = seen.get((c.cue, c.weight), 0) + 1
        if n <= MAX_PER_LIST:
            total += c.weight
    return total


def is_opinion(cues: list[OpinionCue] | tuple[OpinionCue, ...], threshold: float) -> bool:
    """The cues reach the threshold, and a lone cue is a strong one."""
    if len(cues) == 1 and cues[0].weight < STRONG_WEIGHT:
        return False
    return weigh(cues) >= threshold


def score(doc: Document, threshold: float) -> Scores:
    by_threshold = _SCORES.setdefault(doc, {})
    if threshold not in by_threshold:
        by_threshold[threshold] = _score(doc, threshold)
    return by_threshold[threshold]


def _score(doc: Document, threshold: float) -> Scores:
    by_sentence: dict[int, list[OpinionCue]] = {}
    for a in doc.assertions:
        if isinstance(a, OpinionCue) and a.sentence_start is not None:
            by_sentence.setdefault(a.sentence_start, []).append(a)
    not_own_starts = not_own_sentences(doc)
    opinion: list[ScoredSentence] = []
    for start in sorted(by_sentence):
        cues = by_sentence[start]
        sentence = doc.sentence_at(start)
        if sentence is None or start in not_own_starts or not is_opinion(cues, threshold):
            continue
        ranked = tuple(sorted(cues, key=lambda c: (-c.weight, c.start)))
        opinion.append(ScoredSentence(sentence, weigh(cues), ranked))
    return Scores(opinion, len(doc.sentences) - len(not_own_starts))


def not_own_sentences(doc: Document) -> set[int]:
    """Starts of the sentences that quotations and attributed content leave with fewer than
    `MIN_OWN_WORDS` words of the writer's own: only sentences those spans touch are looked at."""
    spans = not_own(doc)  # sorted and disjoint, as the sentences are
    view, out, j, n = own_view(doc), set(), 0, len(spans)
    for s in doc.sentences:
        while j < n and spans[j][1] <= s.start:
            j += 1
        if j == n:
            break
        if spans[j][0] < s.end and len(view[s.start : s.end].split(None, MIN_OWN_WORDS)) < MIN_OWN_WORDS:
            out.add(s.start)
    return out
