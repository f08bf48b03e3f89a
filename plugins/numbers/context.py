"""What a figure counts: the noun and its modifiers, the measure, the holder, the
place, the time and the kind of figure, read from the words around it.

All word lists come from the pack (`rules/numbers.toml`). The reading is local:
the noun phrase after the figure, the clause around it, the sentence for time.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import lexicon
from .reader import Figure

LEX = lexicon()
_L = LEX.words
_TOKEN = regex.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|[,;:.!?()\[\]\"“”—–]")
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
_CUES = {p: kind for kind in ("cumulative", "period") for p in _L(f"{kind}_cues")}
_NOW = frozenset(_L("time_now"))
_RELATIVE = frozenset(_L("time_relative"))
_PLACE_PREP = frozenset(["in", "at", "near", "across", "throughout", "inside", "outside", "within", "around", "from", "to", "into"])
_MAX_PHRASE = 4
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


def _lookup(words: list[str], table: dict | frozenset, i: int) -> tuple[str, int] | None:
    """The longest phrase of `table` starting at words[i]: (phrase, length)."""
    for n in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
        phrase = " ".join(words[i : i + n])
        if phrase in table:
            return phrase, n
    return None


def _nearest(words: list[str], table, backwards: bool) -> tuple[str, int] | None:
    """The phrase of `table` nearest to the figure: (phrase, distance in words)."""
    if not backwards:
        for i in range(len(words)):
            hit = _lookup(words, table, i)
            if hit:
                return hit[0], i + 1
        return None
    for end in range(len(words), 0, -1):
        for n in range(min(_MAX_PHRASE, end), 0, -1):
            phrase = " ".join(words[end - n : end])
            if phrase in table:
                return phrase, len(words) - end + 1
    return None


class Reader:
    """Context reading for one document (caches what is per sentence)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], doc_year: int | None, dates: list[Figure]):
        self.text = text
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.doc_year = doc_year
        self.dates = dates
        self._times: dict[int, str | None] = {}

    def sentence(self, pos: int) -> tuple[int, int]:
        from bisect import bisect_right

        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return (max(0, pos - 200), min(len(self.text), pos + 200))

    def read(self, fig: Figure) -> Context:
        text = self.text
        s_start, s_end = self.sentence(fig.start)
        after = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, fig.end, min(s_end, fig.end + 160))]
        before = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, max(s_start, fig.start - 120), fig.start)]
        # --- the noun phrase --------------------------------------------------------------------------
        i = 0
        if after and after[0][2].lower() == "of" and (fig.vague or fig.unit is not None or fig.scale > 1):
            i = 1
            if len(after) > 1 and after[1][2].lower() in ("the", "their", "its", "his", "her"):
                i = 2
        np: list[tuple[int, int, str]] = []
        while i < len(after) and len(np) < 5:
            tok = after[i][2]
            low = tok.lower()
            if not tok[0].isalpha() or low in _STOP or (np and low.endswith(("ed", "ing")) and low not in _PLURAL_OK):
                break
            if not np and low in LEX.measures and low.endswith(("ed", "ing")) and low not in _PLURAL_OK:
                break
            np.append(after[i])
            i += 1
        rest = [t[2].lower() for t in after[i : i + 8]]
        rest = rest[: next((j for j, w in enumerate(rest) if w in ",;:.!?()—–"), len(rest))]
        words_np = [t[2].lower() for t in np]
        noun = singular(words_np[-1]) if words_np else None
        modifiers = words_np[:-1]
        end = np[-1][1] if np else fig.end
        # --- the measure: the noun's class, then the predicate around it ----------------------------------
        noun_measure = None
        for j in range(len(words_np)):
            hit = _lookup(words_np, LEX.measures, j)
            if hit:
                noun_measure = LEX.measures[hit[0]]
        btoks = [t[2].lower() for t in before]
        cut = max((j for j, w in enumerate(btoks) if w in ",;:.!?()—–"), default=-1)
        bwords = btoks[cut + 1 :]
        a = _nearest(rest, LEX.measures, backwards=False)
        b = _nearest(bwords, LEX.measures, backwards=True)
        predicate = None
        if a and (not b or a[1] <= b[1]):
            predicate = LEX.measures[a[0]]
        elif b:
            predicate = LEX.measures[b[0]]
        if noun_measure in _EVENTS and predicate in (None, noun_measure):
            predicate, noun_measure = noun_measure, None
        if predicate == noun_measure:
            predicate = None
        if fig.unit and fig.unit not in ("percent", "percentage_point") and (noun is None or noun in _DIMENSION_WORDS):
            subject = self._subject(bwords)  # "the dam is 145 metres tall": the dam is measured
            if subject:
                noun = subject if noun is None else f"{subject} {noun}"
        noun_class = noun_measure or (noun if noun and noun not in _GENERIC else None)
        key = f"{noun_class or ''}|{predicate or ''}" if (noun_class or predicate) else None
        measure = predicate or noun_measure
        # --- holder and place -------------------------------------------------------------------------------
        holder = None
        for j in range(len(modifiers)):
            hit = _lookup(modifiers, _DEMONYMS, j) or _lookup(modifiers, _PLACES, j)
            if hit:
                holder = _DEMONYMS.get(hit[0], hit[0])
                break
        if holder is None:
            hit = _nearest(bwords, _DEMONYMS.keys() | _PLACES, backwards=True)
            if hit:
                holder = _DEMONYMS.get(hit[0], hit[0])
        place = self._place(after[i : i + 10]) or self._place(before[cut + 1 :])
        # --- time and kind ----------------------------------------------------------------------------------
        time = "earlier" if fig.earlier else self._time(s_start, s_end)
        window = words_np + rest
        kind = "count"
        if fig.change and (fig.unit or noun is None):  # "rose 5%" is a change; "cut 1,200 jobs" counts jobs
            kind = "change"
        elif fig.age:
            kind = "age"
        elif any(_lookup(window, _CUES, j) and _CUES[_lookup(window, _CUES, j)[0]] == "period" for j in range(len(window))):
            kind = "period"
        elif measure in _CUMULATIVE_MEASURES or any(
            _lookup(w, _CUES, j) and _CUES[_lookup(w, _CUES, j)[0]] == "cumulative" for w in (window, bwords) for j in range(len(w))
        ):
            kind = "cumulative"
        elif measure in _LEVEL_MEASURES or fig.unit in ("percent",):
            kind = "level"
        return Context(end, noun, modifiers, measure, key, holder, place, time, kind)

    @staticmethod
    def _subject(words: list[str]) -> str | None:
        """The first content word of the clause before a measurement, singular."""
        for w in words:
            if w.isalpha() and w not in _STOP and w not in LEX.measures and not w.endswith(("ed", "ly")) and w not in _VERBS:
                return singular(w)
        return None

    def _place(self, toks: list[tuple[int, int, str]]) -> str | None:
        for j, (_, _, tok) in enumerate(toks):
            if tok.lower() in _PLACE_PREP and j + 1 < len(toks):
                k = j + 1
                if toks[k][2].lower() == "the" and k + 1 < len(toks):
                    k += 1
                name = []
                while k < len(toks) and toks[k][2][0].isupper() and toks[k][2].lower() not in _STOP:
                    name.append(toks[k][2].lower())
                    k += 1
                if name:
                    place = " ".join(name)
                    return _DEMONYMS.get(place, place)
        return None

    def _time(self, s_start: int, s_end: int) -> str | None:
        if s_start in self._times:
            return self._times[s_start]
        time = None
        for d in self.dates:
            if s_start <= d.start < s_end:
                time = self.text[d.start : d.end]
                break
        if time is None:
            words = [t.group().lower() for t in _TOKEN.finditer(self.text, s_start, s_end)]
            for j in range(len(words)):
                hit = _lookup(words, _RELATIVE, j) or _lookup(words, _NOW, j)
                if hit:
                    phrase = hit[0]
                    if phrase in _NOW:
                        time = "now"
                    elif self.doc_year and phrase in ("last year", "this year", "next year"):
                        time = str(self.doc_year + {"last year": -1, "this year": 0, "next year": 1}[phrase])
                    else:
                        time = phrase
                    break
        self._times[s_start] = time
        return time


_PLURAL_OK = frozenset(["dead", "injured", "wounded", "missing", "displaced", "homeless"])
