"""What a figure counts: the noun and its modifiers, the measure, the holder, the
place, the time and the kind of figure, read from the words around it.

All word lists come from the pack (`rules/numbers.toml`). The reading is local:
the noun phrase after the figure, the clause around it, the sentence for time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from factlint.document import Document

from .lexicon import lexicon
from .reader import Figure

class Phrases:
    """A phrase list as a trie of words: finding phrases in a token list costs a dict look-up per token.

    A token list holding no phrase's first word, or no phrase's last word, is passed over
    with two set tests (most are: "in" starts many time phrases, few lists hold a month).
    """

    def __init__(self, phrases):
        self.trie: dict[str, dict] = {}
        ends = set()
        for p in phrases:
            words = p.split()
            if words:
                node = self.trie
                for w in words:
                    node = node.setdefault(w, {})
                node[_END] = " ".join(words)
                ends.add(words[-1])
        self.ends = frozenset(ends)
        self.starts = frozenset(self.trie)

    def absent(self, words: list[str]) -> bool:
        """True when no phrase can occur in `words`."""
        return self.ends.isdisjoint(words) or self.starts.isdisjoint(words)

    def at(self, words: list[str], i: int) -> str | None:
        """The longest phrase starting at words[i]."""
        node = self.trie.get(words[i])
        found = None
        n = len(words)
        while node is not None:
            found = node.get(_END, found)
            i += 1
            if i == n:
                break
            node = node.get(words[i])
        return found

    def first(self, words: list[str]) -> tuple[str, int] | None:
        """The phrase nearest the start: (phrase, distance in words)."""
        if self.ends.isdisjoint(words) or self.starts.isdisjoint(words):
            return None
        trie = self.trie
        for i, w in enumerate(words):
            if w in trie:
                hit = self.at(words, i)
                if hit:
                    return hit, i + 1
        return None

    def last(self, words: list[str]) -> tuple[str, int] | None:
        """The phrase nearest the end: (phrase, distance in words)."""
        if self.ends.isdisjoint(words) or self.starts.isdisjoint(words):
            return None
        trie = self.trie
        for i in range(len(words) - 1, -1, -1):
            if words[i] in trie:
                hit = self.at(words, i)
                if hit:
                    end = i + hit.count(" ") + 1
                    for j in range(i - 1, max(-1, i - 4), -1):  # "north korea" rather than "korea"
                        longer = self.at(words, j) if words[j] in trie else None
                        if longer and j + longer.count(" ") + 1 >= end:
                            hit, i = longer, j
                    return hit, len(words) - i
        return None

    def any(self, words: list[str]) -> bool:
        return bool(words) and self.first(words) is not None


_END = ""  # the trie key of a phrase's end (no word is empty)

LEX = lexicon()
_L = LEX.words
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|[,;:.!?()\[\]\"“”—–]")
_STOP = frozenset(
    "a an the and or but nor of in on at to for from by with into onto over under after before during since than as per "
    "is are was were be been being has have had do does did will would can could may might must shall should "
    "who whom whose which that this these those it its their his her our your my they them he she we you i "
    "already now still also just only even about around some there here then when where while if because so not no "
    "more less most least each every all both such very too out up down off against between among across through "
    "including included include includes said says say according reportedly currently near outside inside along towards "
    "toward via like amid despite without within throughout around beyond".split()
)
_IRREGULAR = {"people": "people", "children": "child", "men": "man", "women": "woman", "police": "police", "staff": "staff",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "personnel": "personnel",
              "series": "series", "species": "species", "news": "news", "aircraft": "aircraft", "sheep": "sheep",
              "fish": "fish", "data": "data", "media": "media", "crisis": "crisis", "analysis": "analysis"}
_GENERIC = frozenset(_L("generic_nouns"))
_EVENTS = frozenset([*_L("cumulative_measures"), "missing"])
_CUMULATIVE_MEASURES = frozenset(_L("cumulative_measures"))
_LEVEL_MEASURES = frozenset(_L("level_measures"))
_DEMONYMS = LEX.demonyms
_PLACES = frozenset(_DEMONYMS.values())
_MEASURE_OF = LEX.measures  # phrase → measure
_MEASURES = Phrases(_MEASURE_OF)
_PERIOD = Phrases(_L("period_cues"))
_CUMULATIVE = Phrases(_L("cumulative_cues"))
_NOW = frozenset(_L("time_now"))
_MONTH_NAMES = [m for m in _L("months") if len(m) > 3 and m != "sept"]
_TIMES = Phrases([*_L("time_relative"), *_NOW, *(f"{p} {m}" for m in _MONTH_NAMES for p in ("in", "on", "since", "by", "during", "last", "this"))])
_HOLDERS = Phrases([*_DEMONYMS, *_PLACES])
_NAME_TOKEN = re.compile(r"([A-Z][\w'’-]+)|[A-Za-z0-9][\w'’-]*|[,;:.!?()\"“”—–]")  # capitalised words in the group
_PUNCT = frozenset(",;:.!?()[]\"“”—–")
_YEAR_OFFSET = {"last year": -1, "this year": 0, "next year": 1}
_PLACE_PREP = frozenset(["in", "at", "near", "across", "throughout", "inside", "outside", "within", "around", "from", "to", "into", "on", "of", "with"])
_NOT_PLACES = frozenset([*_L("months"), "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_DURATIONS = frozenset(["year", "month", "week", "day", "hour", "minute", "second"])
_DIMENSION_WORDS = frozenset(_L("dimension_words"))
_VERBS = frozenset(["reached", "hit", "rose", "fell", "is", "was", "were", "stands", "measures", "runs", "stretches", "covers", "weighs"])


@dataclass(slots=True)
class Context:
    end: int  # where the noun phrase ends (the figure's end when there is none)
    noun: str | None
    modifiers: list[str]
    measure: str | None
    key: str | None  # what is counted: noun class | predicate, for grouping figures into facts
    holder: str | None
    place: str | None
    time: str | None
    kind: str
    names: frozenset[str]  # the proper names of the sentence (demonyms as places): what the figure is about


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


class Reader:
    """Context reading for one document: tokens come from its lower-cased text; what is per sentence is cached."""

    def __init__(self, doc: Document, doc_year: int | None, dates: list[Figure]):
        self.doc = doc
        self.text = text = doc.text
        low = text.lower()
        if len(low) != len(text) or "\u212a" in text:  # the tokens are ASCII: lower-case only what keeps offsets and letters
            low = "".join(c.lower() if c.isascii() else c for c in text)
        self.low = low
        self.doc_year = doc_year
        self.dates = dates
        self.date_starts = [d.start for d in dates]
        self._times: dict[int, str | None] = {}
        self._name_cache: dict[int, frozenset[str]] = {}
        self._span = (0, 0)  # the last sentence found: figures come in order, several to a sentence

    def sentence(self, pos: int) -> tuple[int, int]:
        span = self._span
        if span[0] <= pos < span[1]:
            return span
        s = self.doc.sentence_at(pos)
        if s is not None:
            span = self._span = (s.start, s.end)
            return span
        return (max(0, pos - 200), min(len(self.text), pos + 200))

    def read(self, fig: Figure) -> Context:
        low = self.low
        s_start, s_end = self.sentence(fig.start)
        measures = _MEASURE_OF
        after = _TOKEN.findall(low, fig.end, min(s_end, fig.end + 110))
        b_start = max(s_start, fig.start - 90)
        before = _TOKEN.findall(low, b_start, fig.start)
        # --- the noun phrase --------------------------------------------------------------------------
        i = 0
        if after and after[0] == "of" and (fig.vague or fig.unit is not None or fig.scale > 1):
            i = 1
            if len(after) > 1 and after[1] in ("the", "their", "its", "his", "her"):
                i = 2
        np: list[str] = []
        while i < len(after) and len(np) < 5:
            tok = after[i]
            if not tok[0].isalpha() or tok in _STOP or (np and tok.endswith(("ed", "ing")) and tok not in _PLURAL_OK):
                break
            if not np and tok in measures and tok.endswith(("ed", "ing")) and tok not in _PLURAL_OK:
                break
            np.append(tok)
            i += 1
        rest = after[i : i + 8]
        if not _PUNCT.isdisjoint(rest):
            for j, w in enumerate(rest):
                if w in _PUNCT:
                    rest = rest[:j]
                    break
        noun = singular(np[-1]) if np else None
        modifiers = np[:-1]
        end = fig.end
        for tok in np:  # the noun phrase's end, found again in the text
            end = low.find(tok, end) + len(tok)
        # --- the measure: the noun's class, then the predicate around it ----------------------------------
        noun_measure = None
        if np and not _MEASURES.absent(np):
            for j in range(len(np)):
                hit = _MEASURES.at(np, j)
                if hit:
                    noun_measure = measures[hit]
        bwords = before
        if not _PUNCT.isdisjoint(before):  # the clause: after the last punctuation
            cut = len(before)
            while before[cut - 1] not in _PUNCT:
                cut -= 1
            bwords = before[cut:]
        a = _MEASURES.first(rest)
        b = _MEASURES.last(bwords)
        predicate = None
        if a and (not b or a[1] <= b[1]):
            predicate = measures[a[0]]
        elif b:
            predicate = measures[b[0]]
        if noun_measure in _EVENTS and predicate in (None, noun_measure):
            predicate, noun_measure = noun_measure, None
        if predicate == noun_measure:
            predicate = None
        unit = fig.unit
        if unit and unit not in ("percent", "percentage_point") and (noun is None or noun in _DIMENSION_WORDS):
            subject = self._subject(bwords)  # "the dam is 145 metres tall": the dam is measured
            if subject:
                noun = subject if noun is None else f"{subject} {noun}"
        physical = unit is not None and unit not in ("percent", "percentage_point") and not (len(unit) == 3 and unit.isupper())
        # what is counted, for comparing figures: a measure from the concept list, or the subject of a measurement
        noun_class = noun_measure or (noun if physical and noun and noun not in _GENERIC and unit not in _DURATIONS else None)
        key = f"{noun_class or ''}|{predicate or ''}" if (noun_class or predicate) else None
        measure = predicate or noun_measure
        # --- holder and place -------------------------------------------------------------------------------
        hit = _HOLDERS.first(modifiers) or _HOLDERS.last(bwords)
        holder = _DEMONYMS.get(hit[0], hit[0]) if hit else None
        place, names = None, frozenset()
        if key is not None:  # place and names only matter for comparing figures: read in the text as written
            text = self.text
            place = self._place(_TOKEN.findall(text, fig.end, min(s_end, fig.end + 110))[i : i + 10]) or self._place(
                _TOKEN.findall(text, b_start, fig.start))
            if place is None:  # "... and crosses Turkey": a country named in the clause
                hit = _HOLDERS.first(rest)
                place = _DEMONYMS.get(hit[0], hit[0]) if hit else None
            names = self._names(s_start, s_end)
            if holder is None and place is None:  # "In the Swiss referendum, 41% of voters ...": a place in the sentence
                known = sorted(n for n in names if n in _PLACES)
                holder = known[0] if len(known) == 1 else None
        # --- time and kind ----------------------------------------------------------------------------------
        time = "earlier" if fig.earlier else self._time(s_start, s_end)
        kind = "count"
        if fig.change and (unit or noun is None):  # "rose 5%" is a change; "cut 1,200 jobs" counts jobs
            kind = "change"
        elif fig.age:
            kind = "age"
        else:
            window = np + rest
            if _PERIOD.any(window):
                kind = "period"
            elif measure in _CUMULATIVE_MEASURES or _CUMULATIVE.any(window) or _CUMULATIVE.any(bwords):
                kind = "cumulative"
            elif measure in _LEVEL_MEASURES:
                kind = "level"
        return Context(end, noun, modifiers, measure, key, holder, place, time, kind, names)

    @staticmethod
    def _subject(words: list[str]) -> str | None:
        """The first content word of the clause before a measurement, singular."""
        for w in words:
            if w.isalpha() and w not in _STOP and w not in _MEASURE_OF and not w.endswith(("ed", "ly")) and w not in _VERBS:
                return singular(w)
        return None

    def _place(self, toks: list[str]) -> str | None:
        for j, tok in enumerate(toks):
            if tok.lower() in _PLACE_PREP and j + 1 < len(toks):
                k = j + 1
                if toks[k].lower() == "the" and k + 1 < len(toks):
                    k += 1
                name = []
                while k < len(toks) and toks[k][0].isupper() and toks[k].lower() not in _STOP:
                    name.append(toks[k].lower())
                    k += 1
                if name and name[0] not in _NOT_PLACES and len(name[0]) > 1:
                    place = " ".join(name)
                    return _DEMONYMS.get(place, place)
        return None

    def _names(self, s_start: int, s_end: int) -> frozenset[str]:
        """Proper names in a sentence: runs of capitalised words after its first word, demonyms as places."""
        names = self._name_cache.get(s_start)
        if names is not None:
            return names
        found = set()
        run: list[str] = []
        first = nxt = 0  # the run's first token index (0: it starts the sentence, kept only when a known place); the index after it
        for j, tok in enumerate(_NAME_TOKEN.findall(self.text, s_start, s_end)):
            if not tok:
                continue
            low = tok.lower().removesuffix("’s").removesuffix("'s")
            if low in _STOP or low in _NOT_PLACES:
                continue
            if run and j != nxt:
                self._name(run, first, found)
                run = []
            if not run:
                first = j
            run.append(low)
            nxt = j + 1
        if run:
            self._name(run, first, found)
        names = self._name_cache[s_start] = frozenset(found)
        return names

    @staticmethod
    def _name(run: list[str], first: int, found: set[str]) -> None:
        name = " ".join(run)
        name = _DEMONYMS.get(name, name)
        if first or name in _PLACES:
            found.add(name)

    def _time(self, s_start: int, s_end: int) -> str | None:
        if s_start in self._times:
            return self._times[s_start]
        time = None
        k = bisect_left(self.date_starts, s_start)  # the sentence's first date
        if k < len(self.dates) and self.dates[k].start < s_end:
            d = self.dates[k]
            time = self.text[d.start : d.end]
        else:
            hit = _TIMES.first(self.low[s_start:s_end].replace(",", " ").replace(".", " ").split())
            if hit:
                phrase = hit[0]
                if phrase in _NOW:
                    time = "now"
                elif self.doc_year and phrase in _YEAR_OFFSET:
                    time = str(self.doc_year + _YEAR_OFFSET[phrase])
                else:
                    time = phrase
        self._times[s_start] = time
        return time


_PLURAL_OK = frozenset(["dead", "injured", "wounded", "missing", "displaced", "homeless"])
