"""Reading figures: one pass for digit runs and one token-set test for number words, then per-match work.

`read(text)` returns `Figure`s: the numeral, its value and precision, sign,
scale, currency or unit, qualifier, ranges and vague quantities, and what is
not a quantity at all (dates, times, ordinals, identifiers such as F-35 or
Article 5). What is counted (noun, measure, holder, time) is `context.py`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from . import intervals as iv
from .lexicon import alternation, lexicon
from .units import DEGREE_TEMPERATURE, PERCENT, POINTS
from .words import DENOMINATORS, NUMBER_WORDS, ORDINALS, read_words

LEX = lexicon()
_L = LEX.words

# --- candidates: one pass for digits, one token-set test for number words -------------------------
_DIGIT_RUN = regex.compile(r"[0-9]+((?:[.,\u00a0\u202f\u2009/]| {1,2})[0-9]+)*")  # ASCII digits: a third of the time of \d; group 1: separators
_DOT_START = re.compile(r"(?<![\w.])\.")  # ".25": a run may start with its decimal point
_NUMERAL = re.compile(
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # Indian grouping 12,34,567
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.5
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?"  # 1 234 567 with thin or no-break spaces
    r"|\d+(?:\.\d+)?|\.\d+"
)
_MIXED = re.compile(r"(\d+)[ \u00a0]{1,2}(\d{1,2})/(\d{1,2})")
_SLASH = re.compile(r"\d{1,4}/\d{1,4}(?:/\d{2,4})?")
_WORD_CONT = sorted(NUMBER_WORDS | set(DENOMINATORS) | set(ORDINALS) | {"point", "half"}, key=len, reverse=True)
_WC = "|".join(_WORD_CONT)
_WORDS_FIRST = frozenset(NUMBER_WORDS | {"half", "quarter", "a"})
WORDS_AT = re.compile(
    rf"(?:{'|'.join(sorted(_WORDS_FIRST, key=len, reverse=True))})"
    rf"(?:(?:[\s]*-[\s]*|\s+)(?:(?:and|a|of\s+a|and\s+a)\s+)?(?:{_WC})\b)*\b"
)
_SHARES_OF = [p for p in LEX.shares if p.endswith(" of")]
_VAGUE = (
    rf"(?:{alternation(LEX.vague)})(?![\w-])|(?:{alternation(_SHARES_OF)})(?=\s)"
    rf"|(?:{alternation(set(LEX.shares) - set(_SHARES_OF))})(?=\s+(?:of|the|their|its|his|her)\b)"
    r"(?!\s+of\s+an?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)"
)
VAGUE_AT = re.compile(rf"\b(?:{_VAGUE})")
_VAGUE_FIRST = frozenset(re.match("[a-z]+", p).group() for p in [*LEX.vague, *LEX.shares])  # the words a phrase starts with
_WORD_START = re.compile(r"\b[a-z]+")
# the words that can start a number or a vague quantity, and the tokens that carry them ("three," "(twenty")
_STOP = {"a", "an", "the", "of", "more", "than", "over", "less", "nearly", "almost", "about", "around", "roughly", "in"}
_STARTS = {w for w in NUMBER_WORDS if w not in ("o", "oh")} | {"half", "quarter"}
_STARTS |= {next(w for w in p.replace("-", " ").split() if w not in _STOP) for p in [*LEX.vague, *LEX.shares]}
_VAGUE_STARTS = {w for p in [*LEX.vague, *LEX.shares] for w in p.replace("-", " ").split() if w not in _STOP}
_TOKENS = {f"{pre}{w}{post}": w for w in _STARTS for pre in ("", "(", '"', "“", "‘", "'") for post in ("", ",", ".", ";", ":", ")", "?", "!", '"', "”", "’", "'s", "'")}
_TOKEN_SET = frozenset(_TOKENS)
# --- affixes -----------------------------------------------------------------------------------
_SPACE = r"[ \t\u00a0\u202f]*"
_POSTFIX = re.compile(rf"{_SPACE}(?:{alternation(LEX.postfix)})(?!\w)|\+(?!\d)|-plus\b")
_SCALE_WORDS = {k: v for k, v in LEX.scales.items() if len(k) > 2 or k in ("bn", "mn", "tn")}
_SCALE_SPACED = re.compile(rf"(?:{_SPACE}|-)(?:{alternation(_SCALE_WORDS)})(?![\w])")
_SCALE_ATTACHED = re.compile(rf"(?:{alternation(LEX.scales)})(?![\w])")
_PERCENT = re.compile(
    rf"{_SPACE}(?:%|per\s*cent(?:age)?s?|percent(?:age)?s?|pc\b)(?:{_SPACE}(?:points?|pts)(?!\w))?"
    rf"|{_SPACE}(?:percentage|%)\s+points?(?!\w)|{_SPACE}pp(?!\w)|{_SPACE}basis\s+points(?!\w)"
)
_PERCENT_OF = re.compile(r"(?:per\s*cents?|percents?)\s+of\s+$")
_CUR_AFTER = re.compile(rf"(?:{_SPACE}|-)(?:{alternation(LEX.currency_after)})(?![\w])")
_UNIT_MULTI = {k: v for k, v in LEX.units.items() if len(k) > 1}
_UNIT_SPACED = re.compile(
    rf"(?:{_SPACE}|-)(?:{alternation(_UNIT_MULTI)})(?![\w])|{_SPACE}[(\[{{<]{_SPACE}(?:{alternation(LEX.units)}){_SPACE}[)\]}}>]"
)
# the three, tried in one match: the first that matches at a position wins
_UNIT_AFTER = re.compile(f"(?P<percent>{_PERCENT.pattern})|(?P<currency>{_CUR_AFTER.pattern})|(?P<unit>{_UNIT_SPACED.pattern})")
_UNIT_LETTER = re.compile(r"(?:[a-z°\"])(?![\w])")
_AGE = re.compile(rf"(?:{_SPACE}|-)(?:old\b|of\s+age\b)|{_SPACE}yo\b")
_MONTH = alternation(_L("months"))
_IDENTIFIERS = set(_L("identifiers"))
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|through|and)\s*")
_BETWEEN = regex.compile(r"(?r)\b(?:between|from)\s+\Z")
_CHANGE_CONTEXT = re.compile(rf"\b(?:{alternation(_L('change_verbs'))})\b")
_CHANGE_NOUN_AFTER = re.compile(rf"{_SPACE}(?:-|\s)?(?:{alternation(_L('change_nouns'))})\b")
_NEEDS_SCALE = set(_L("currency_needs_scale"))
_NOT_AFTER = set(_L("not_quantity_after"))
_ANGLE_CUES = frozenset(_L("angle_cues"))
_TEMPERATURE_CUE = re.compile(rf"\b(?:{alternation(_L('temperature_cues'))})\b")
_CONVERSION_AFTER = re.compile(r"\s*[(/]\s*(?:minus\s+|-)?\d[\d.,]*\s*°?\s*[cf]\b")  # "40C (104F)", "14C/57F"
_CONVERSION_BEFORE = re.compile(r"\d\s*°?\s*[cf]\s*[(/]\s*(?:minus\s+|-)?\Z")


@dataclass(slots=True)
class Figure:
    """A figure as written. Offsets point into the text given to `read`."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    hard: iv.Interval
    soft: iv.Interval
    kind: str = "quantity"  # quantity | date
    qualifier: str | None = None
    qclass: str | None = None
    unit: str | None = None
    spelled: bool = False
    vague: bool = False
    is_range: bool = False
    age: bool = False
    change: bool = False  # "rose 5%": a change, not a level
    earlier: bool = False  # "up from 4%": an earlier value
    scale: float = 1.0
    number: float | None = None  # the numeral with its scale word, before any unit factor ("50 cents" → 50)
    number_end: int = 0  # where the numeral and its scale word end
    first: Figure | None = None  # a range's first figure
    body_start: int = 0  # where the figure starts after its qualifier (currency symbol, sign or numeral)


@dataclass(slots=True)
class _Core:
    start: int
    end: int
    value: float
    h: float
    spelled: bool


def read(text: str) -> list[Figure]:
    """Every figure and date in `text`, in order."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out: list[Figure] = []
    blocked = 0
    cands = candidates(low)
    i = 0
    while i < len(cands):
        cand = cands[i]
        i += 1
        if cand[0] < blocked:
            continue
        for core in _cores(cand, low):
            fig = _figure(core, low, text, blocked)
            if fig is None:
                continue
            if fig.kind == "quantity" and fig.value is not None and not fig.vague:
                fig, used = _range(fig, low, text, cands, i)
                if not used:
                    fig, used = _ratio(fig, low, text, cands, i)
                i += used
            if out and fig.start < out[-1].end:  # overlapping readings: keep the first
                continue
            out.append(fig)
            blocked = fig.end
    return out


def candidates(low: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of numerals (digits, slash), vague phrases and number-word runs, in order."""
    out: list[tuple[int, int, str]] = []
    for m in _DIGIT_RUN.finditer(low):
        s, e = m.span()
        if s and low[s - 1] == "." and _DOT_START.match(low, s - 1):
            _split(low, s - 1, e, out)
        elif m.lastindex:
            _split(low, s, e, out)
        else:  # digits alone
            out.append((s, e, "digits"))
    present = _TOKEN_SET.intersection(low.replace("-", " ").split())
    if present:
        found = []
        for w in {_TOKENS[t] for t in present}:
            n = len(w)
            pos = low.find(w)
            while pos >= 0:
                if (pos == 0 or not low[pos - 1].isalpha()) and not low[pos + n : pos + n + 1].isalpha():
                    found.append((pos, w))
                pos = low.find(w, pos + n)
        found.sort()
        run = [0, 0]  # the last run of number words matched: (start, end)
        for pos, w in found:  # in order, so a word inside the last run is not matched again (linear on long runs)
            _word_candidate(low, pos, w, out, run)
        out.sort()
        kept, end = [], -1
        for cand in out:  # a word inside a run already found is not a new candidate
            if cand[0] >= end:
                kept.append(cand)
                end = cand[1]
        return kept
    out.sort()
    return out


def _split(low: str, s: int, e: int, out: list) -> None:
    """A run of digits and separators as numerals: "1,234", "22,24,26", "3/4", "2004 300"."""
    raw = low[s:e]
    if "/" in raw:
        mixed = _MIXED.fullmatch(raw)
        if mixed:
            out.append((s, e, "mixed"))
            return
        m = _SLASH.fullmatch(raw)
        out.append((s, e, "slash" if m else "ident"))
        return
    if raw.count(".") > 1 and "," not in raw:  # 192.168.1.2, version 2.0.1
        out.append((s, e, "ident"))
        return
    pos = 0
    while pos < len(raw):
        m = _NUMERAL.match(raw, pos)
        out.append((s + m.start(), s + m.end(), "digits"))
        pos = m.end()
        while pos < len(raw) and not raw[pos].isdigit():
            pos += 1


def _word_candidate(low: str, pos: int, word: str, out: list, run: list[int]) -> None:
    if word in _VAGUE_STARTS:  # the first vague phrase that starts up to 16 characters before the word
        vm = None
        for m in _WORD_START.finditer(low, max(0, pos - 16), pos + 24):
            if m.start() > pos:
                break
            if m.group() in _VAGUE_FIRST:
                vm = VAGUE_AT.match(low, m.start(), pos + 48)
                if vm:
                    break
        if vm and pos < vm.end():
            out.append((vm.start(), vm.end(), "vague"))
            return
    if low[pos - 2 : pos] == "a " and (pos < 3 or not low[pos - 3].isalpha()):
        end = _words_end(low, pos - 2, "a", run)
        if end > pos:
            out.append((pos - 2, end, "words"))
            return
    end = _words_end(low, pos, word, run)
    if end >= 0:
        out.append((pos, end, "words"))


def _words_end(low: str, pos: int, word: str, run: list[int]) -> int:
    """Where `WORDS_AT` matching at `pos` (the start of `word`) ends; -1 when it does not match.

    A first word of `WORDS_AT` inside `run`, the last run matched, ends where the run ends: it is
    one of the run's words and the rest of the run follows it. So a long run is scanned once,
    not once per word in it.
    """
    if run[0] <= pos < run[1] and word in _WORDS_FIRST:
        return run[1]
    m = WORDS_AT.match(low, pos)
    if m is None:
        return -1
    run[0], run[1] = pos, m.end()
    return run[1]


# --- the numeral ---------------------------------------------------------------------------------


def _cores(cand: tuple[int, int, str], low: str):
    s, e, kind = cand
    if kind == "digits":
        raw = low[s:e]
        if raw.isdigit():  # most numerals: no separator, no decimals
            zeros = len(raw) - len(raw.rstrip("0"))
            yield _Core(s, e, float(raw), 0.5 * 10**zeros if zeros < len(raw) else 0.5, False)
            return
        value = float(raw.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", ""))
        yield _Core(s, e, value, iv.half_place(raw), False)
    elif kind == "mixed":
        whole, a, b = map(int, _MIXED.fullmatch(low, s, e).groups())
        if 0 < a < b <= 16:
            yield _Core(s, e, whole + a / b, 0.25 / b, False)
    elif kind == "slash":
        parts = low[s:e].split("/")
        if len(parts) == 2 and low[s:e] not in _IDENTIFIERS:
            a, b = int(parts[0]), int(parts[1])
            if 0 < a < b <= 16:
                yield _Core(s, e, a / b, 0.25 / b, False)
    elif kind == "vague":
        yield _Core(s, e, float("nan"), 0.0, True)
    elif kind == "words":
        tokens = [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(low, s, e)]
        words = [t[2] for t in tokens]
        for w in read_words(words):
            if w.kind == "ordinal":
                continue
            first, last = tokens[w.first], tokens[w.last]
            yield _Core(first[0], last[1], w.value, w.precision, True)


_TOKEN = re.compile(r"[a-z]+")


_YEAR_BEFORE = frozenset(" \n\t(\"'“‘")
_YEAR_AFTER = re.compile(r"(?:[,.;:)!?\"”’]|\s+(?!per\b|million\b|billion\b|people\b|troops\b|jobs\b)[a-z]|\s*$)")
_HYPHEN_DIGIT = re.compile(r"-\d")
_LEAD = "([{\"'“‘"
_CUR_WORDS = LEX.currency_before
_QUALS = LEX.qualifiers
_IDENT_WORDS = set(_L("identifier_words"))
_MONTHS = set(_L("months"))
_CHANGE = set(_L("change_verbs"))
_EARLIER = set(_L("earlier_cues"))
_AFTER = re.compile(
    r"(?P<ident>\.\d|/\d|:\d\d|-\d+-)|(?P<ord>(?:st|nd|rd|th)\b)"
    r"|(?P<time>\s*(?:am|pm|a\.m\.|p\.m\.|o'clock|gmt|bst|hrs|h\b)(?!\w))|(?P<decade>'?s\b)"
    rf"|(?P<dm>\s+(?:of\s+)?(?:{_MONTH})\b\.?(?:,?\s+\d{{4}})?)"
)


class _Book:
    """A phrase table with the last words of its phrases: a token that ends none needs no look-up."""

    __slots__ = ("table", "ends", "maxn")

    def __init__(self, table, maxn: int):
        self.table = table
        self.ends = frozenset(p.rsplit(" ", 1)[-1] for p in table)
        self.maxn = maxn


def _phrase(words: list[str], k: int, book: _Book) -> tuple[int, str] | None:
    """The longest phrase of `book` ending with word k-1: (its first word's index, phrase)."""
    last = words[k - 1]
    ends = book.ends
    if last not in ends and (last[0] not in _LEAD or last.lstrip(_LEAD) not in ends):
        return None
    table = book.table
    found = None
    phrase = ""
    for j in range(k - 1, max(-1, k - 1 - book.maxn), -1):
        word = words[j]
        if phrase and word[-1] in ",;:!?)":
            break
        phrase = word + " " + phrase if phrase else word
        bare = phrase.lstrip(_LEAD)
        if bare in table:
            found = (j, bare)
    return found


_IDENT_BOOK = _Book(_IDENT_WORDS, 2)
_CUR_BOOK = _Book(_CUR_WORDS, 3)
_QUAL_BOOK = _Book(_QUALS, 6)
_EARLIER_BOOK = _Book(_EARLIER, 2)


def _offsets(window: str, a: int, words: list[str]) -> list[int]:
    """Where each of the last words of `window` (which starts at offset a) starts."""
    out = []
    pos = len(window)
    for word in reversed(words):
        pos = window.rfind(word, 0, pos)
        out.append(a + pos)
    out.reverse()
    return out


def _figure(core: _Core, low: str, text: str, floor: int = 0) -> Figure | None:
    s, e = core.start, core.end
    if core.value != core.value:  # vague quantity or share phrase
        return _vague(core, low)
    value, h = core.value, core.h
    spelled = core.spelled
    if not spelled and e - s == 4 and 1800 <= value <= 2100 and (s == 0 or low[s - 1] in _YEAR_BEFORE) and _YEAR_AFTER.match(low, e):
        return _date(s, e)  # the commonest figure in news: a year
    # the last few white-space separated words before the numeral; their offsets only when needed
    a = max(floor, s - 40)
    window = low[a:s]
    words = window.split()[-6:]
    k = len(words)
    offs: list[int] = []
    glued_word = k > 0 and not window[-1].isspace()
    glued = words[-1].lstrip(_LEAD) if glued_word else ""
    # --- not quantities: identifiers, times, ordinals, dates --------------------------------------
    if not spelled:
        if glued and glued not in _CUR_WORDS and (glued[-1] in ".:/#@_" or any(c.isalpha() for c in glued)):
            return None  # F-35, COVID-19, G7, MP3, v.2, #1, 10:30
        am = _AFTER.match(low, e)
        if am:
            kind = am.lastgroup
            if kind == "decade":
                return _date(s, am.end())
            if kind == "dm" and value <= 31 and value == int(value):
                return _date(s, am.end())
            if kind != "dm":
                return None
        if k and not glued_word and _phrase(words, k, _IDENT_BOOK):
            return None  # Article 5, Boeing 737, No. 10
        if k and not glued_word and words[-1].isdigit() and _HYPHEN_DIGIT.match(low, e):
            return None  # "10 737-800 planes": a model number after a count
        raw = low[s:e]
        if len(raw) == 4 and raw.isdigit() and 1800 <= value <= 2100 and not glued:
            tail = low[e : e + 12]
            if not (tail[:1] in ("%", "b", "m", "k") or tail.startswith((" per", " million", " billion", " people", " troops", " jobs"))):
                return _date(s, e)
        if value <= 31 and value == int(value) and k and words[-1].rstrip(".,") in _MONTHS:
            return _date(_offsets(window, a, words)[-1], e)
    elif core.value == 1 and low[s:e] in ("one", "a"):
        nxt = low[e : e + 16]
        if not (low[max(0, s - 6) : s].endswith(("minus ", "ative ")) or _RATIO_SEP.match(low, e) or _PERCENT.match(nxt) or _CUR_AFTER.match(nxt) or _UNIT_SPACED.match(nxt) or _SCALE_SPACED.match(nxt)):
            return None  # "one of", "no one", "one thing": a pronoun or an article far more often than a count
    # --- before the numeral: sign, currency, qualifier ------------------------------------------------
    start = s
    if glued in ("-", "−") and (s == len(words[-1]) or not low[s - len(words[-1]) - 1].isalnum()):
        value, start, k = -value, s - len(words[-1]), k - 1
    elif k and words[-1] in ("minus", "negative"):
        offs = _offsets(window, a, words)
        value, start, k = -value, offs[-1], k - 1
    s = start
    unit = None
    cur = _phrase(words, k, _CUR_BOOK) if k else None
    if cur:
        j = cur[0]
        offs = offs or _offsets(window, a, words)
        unit, start, k = _CUR_WORDS[cur[1]], offs[j] + len(words[j]) - len(words[j].lstrip(_LEAD)), j
    qualifier = qclass = None
    body_start = start
    q = _phrase(words, k, _QUAL_BOOK) if k else None
    if q:
        qclass = _QUALS[q[1]]
        j = q[0]
        offs = offs or _offsets(window, a, words)
        start = offs[j] + len(words[j]) - len(words[j].lstrip(_LEAD))
        qualifier = text[start : offs[k - 1] + len(words[k - 1])]
        k = j
    age = False
    if k and words[k - 1] in ("aged", "age") and not spelled:
        offs = offs or _offsets(window, a, words)
        age, unit, start = True, "year", offs[k - 1]
        body_start = start
    # --- after the numeral: scale, then percent / currency / unit -------------------------------------
    end = e
    scale = 1.0
    sm = _SCALE_ATTACHED.match(low, e) if low[e : e + 1].isalpha() else _SCALE_SPACED.match(low, e)
    if sm is None and low[e : e + 1] == " " and text[e + 1 : e + 2] in ("k", "K", "M", "B"):
        sm = _SCALE_ATTACHED.match(low, e + 1)  # "2.33 k", "1,674,200.5 M"
    if sm:
        word = _norm(sm.group()).lstrip("-")
        if word in ("m", "mm") and unit is None:
            # "£5m" and "5m people" are millions, "100m" and "7.62mm" lengths; "10M" upper case is millions
            if not (text[sm.start()] == "M" or _plural_noun_after(low, sm.end())):
                sm = None
        if sm:
            scale = LEX.scales[word]
            end = sm.end()
    if scale == 1.0 and not spelled and low.startswith(" hundred", e):
        scale, end = 100.0, e + len(" hundred")
    if scale != 1.0 or not (-1e15 < value < 1e15 and value == int(value)):  # whole numbers need no rounding
        value = float(f"{value * scale:.15g}")
    h *= scale
    number, number_end = value, end
    if unit is None and not age:
        unit, end, value, h = _unit_after(low, text, start, end, value, h, scale, spelled)
        if unit == "degree" and not _angle(low, words, end):
            unit = DEGREE_TEMPERATURE
    if unit in ("year", "month", "week", "day") or (unit is None and low.startswith(" yo", end)):
        am = _AGE.match(low, end)
        if am:
            age, end, unit = True, am.end(), unit or "year"
    if unit is None and scale == 1.0 and not spelled and text[end : end + 1].isalpha():
        return None  # "7E7", "3D", "4G": a name, not a figure
    if spelled and unit is None and low[s:e].endswith("quarters") and _NOT_OF.match(low, e, e + 4):
        return None  # "two quarters ahead": periods, not a fraction
    if unit is None and k and words[k - 1] == "of":
        pof = _PERCENT_OF.search(low[max(0, start - 20) : start])
        if pof:
            unit = PERCENT
            start = body_start = max(0, start - 20) + pof.start()
    pf = _POSTFIX.match(low, end) if qclass in (None, "about") and low[end : end + 1] in " +-\t" else None
    if pf:
        start = body_start  # "about 500 or more": the postfix decides
        word = _norm(pf.group()).strip()
        qclass = "at_least" if word in ("+", "-plus") else LEX.postfix.get(word, "at_least")
        qualifier = text[pf.start() : pf.end()].strip()
        end = pf.end()
    hard, soft = iv.bounds(value, h, qclass)
    fig = Figure(start, end, s, e, value, hard, soft, "quantity", qualifier, qclass, unit, spelled, age=age, scale=scale,
                 number=number, number_end=number_end, body_start=body_start)
    if k and (words[k - 1] in _CHANGE or (words[k - 1] == "by" and k > 1 and words[k - 2] in _CHANGE)):
        fig.change = True
    elif _CHANGE_NOUN_AFTER.match(low, end):
        fig.change = True
    if k and _phrase(words, k, _EARLIER_BOOK):
        if words[k - 1] != "from" or _CHANGE_CONTEXT.search(low, max(0, start - 60), start):
            fig.earlier = True
    return fig


def _unit_after(low: str, text: str, start: int, end: int, value: float, h: float, scale: float, spelled: bool):
    """(unit, end, value, h) after a number: percent, points, money or a physical unit, in that order."""
    um = _UNIT_AFTER.match(low, end)
    kind = um.lastgroup if um else None
    if kind == "percent":
        g = um.group()
        if "basis" in g:
            return POINTS, um.end(), value / 100, h / 100
        return (POINTS if "point" in g or "pp" in g else PERCENT), um.end(), value, h
    if kind == "currency":
        word = _norm(um.group()).lstrip("- ")
        if word not in _NEEDS_SCALE or scale > 1:
            code, _, factor = LEX.currency_after[word].partition("/")
            code, _, mult = code.partition("*")
            f = (1 / float(factor) if factor else 1.0) * (float(mult) if mult else 1.0)
            return code, um.end(), float(f"{value * f:.15g}"), h * f
        um = _UNIT_SPACED.match(low, end)  # "25 pounds": a weight without a scale word
    if um is None and (low[end : end + 1].isalpha() or low[end : end + 1] in "°\""):
        um = _UNIT_LETTER.match(low, end)
        if um and (um.group() in _NOT_AFTER or (um.group() in "cf" and not (text[end].isupper() and _temperature(low, start, end)))):
            um = None  # "30C" is a temperature, "11c" cents, "13F filing" a form
    if um:
        key = _norm(um.group()).strip("-([{<>}]) ")
        pint_unit = LEX.units.get(key)
        if pint_unit and not (key == "\"" and spelled):
            return pint_unit, um.end(), value, h
    return None, end, value, h


def _angle(low: str, before: list[str], end: int) -> bool:
    """ "rotate 90 degrees", "a 45 degrees angle": degrees of angle, not of temperature."""
    after = _WORD_AFTER.match(low, end, end + 24)
    return (after is not None and after.group(1) in _ANGLE_CUES) or any(w.strip(".,;:()\"'") in _ANGLE_CUES for w in before)


def _temperature(low: str, start: int, end: int) -> bool:
    """A temperature cue near the figure, or its conversion next to it."""
    return bool(_TEMPERATURE_CUE.search(low, max(0, start - 100), end + 60) or _CONVERSION_AFTER.match(low, end + 1)
                or _CONVERSION_BEFORE.search(low, max(0, start - 24), start))


def _vague(core: _Core, low: str) -> Figure:
    phrase = _norm(low[core.start : core.end])
    if phrase in LEX.vague:
        (s_lo, s_hi), (l_lo, l_hi) = LEX.vague[phrase]
        unit = None
    else:
        (l_lo, l_hi), (s_lo, s_hi) = LEX.shares[phrase]
        unit = PERCENT
    qualifier = None
    return Figure(core.start, core.end, core.start, core.end, None, (l_lo, l_hi), (s_lo, s_hi), "quantity", qualifier, None, unit, True, vague=True)


def _date(s: int, e: int) -> Figure:
    return Figure(s, e, s, e, None, (0, 0), (0, 0), kind="date")


def _range(fig: Figure, low: str, text: str, cands: list[tuple[int, int, str]], i: int) -> tuple[Figure, int]:
    """Merge "10,000-12,000", "between 300 and 400", "10 to 12 million" into one figure."""
    if i >= len(cands) or fig.qclass not in (None,):
        return fig, 0
    sep = _RANGE_SEP.fullmatch(low, fig.end if fig.unit else fig.num_end, cands[i][0])
    if not sep:
        sep = _RANGE_SEP.fullmatch(low, fig.end, cands[i][0])
        if not sep:
            return fig, 0
    word = sep.group().strip()
    if word == "to" and (fig.change or fig.earlier):
        return fig, 0  # "rose 0.25% to 4.75%": a change and a level, not a range
    between = _BETWEEN.search(low, max(0, fig.start - 10), fig.start) if fig.start >= 5 and low[fig.start - 5 : fig.start - 1] in ("ween", "from") else None
    if word == "and" and not (between and between.group().startswith("between")):
        return fig, 0
    if between and between.group().startswith("from") and (fig.earlier or _CHANGE_CONTEXT.search(low[max(0, fig.start - 60) : fig.start])):
        return fig, 0
    nxt = next(_cores(cands[i], low), None)
    if nxt is None:
        return fig, 0
    second = _figure(nxt, low, text, fig.number_end)
    if second is None or second.kind != "quantity" or second.value is None or second.qclass is not None:
        return fig, 0
    lo, hi = fig.value, second.value
    unit = fig.unit or second.unit
    if fig.scale == 1.0 and second.scale > 1.0:  # "10 to 12 million"
        lo *= second.scale
    if fig.unit and second.unit and fig.unit != second.unit:
        return fig, 0
    if word in ("-", "–", "—") and unit is None and lo == int(lo) and hi == int(hi) and lo <= 30 and hi <= 30 and not fig.spelled:
        fig.kind = "score"  # "won 3-1": a score, not a range
        fig.end = second.end
        return fig, 1
    if not lo < hi:
        return fig, 0
    start = between.start() if between else fig.start
    merged = Figure(start, second.end, fig.num_start, second.num_end, None, (lo, hi), (lo, hi), "quantity",
                    text[between.start() : between.end()].strip() if between else None, None, unit,
                    fig.spelled and second.spelled, is_range=True)
    merged.change, merged.earlier, merged.first, merged.number_end = fig.change, fig.earlier, fig, second.number_end
    merged.number, merged.body_start = second.number, fig.body_start
    return merged, 1


_RATIO_SEP = re.compile(r"\s+(?:in|out\s+of)\s+")
_NOT_OF = re.compile(r" (?!of\b)[a-z]")
_WORD_AFTER = re.compile(r"\s+([a-z]+)")


def _ratio(fig: Figure, low: str, text: str, cands: list[tuple[int, int, str]], i: int) -> tuple[Figure, int]:
    """ "two in five", "one out of three": a share, in percent."""
    if i >= len(cands) or fig.unit is not None or fig.qclass not in (None, "about", "nearly", "over", "under") or fig.value <= 0:
        return fig, 0
    if not _RATIO_SEP.fullmatch(low, fig.end, cands[i][0]):
        return fig, 0
    nxt = next(_cores(cands[i], low), None)
    if nxt is None or not fig.value < nxt.value or nxt.value != int(nxt.value) or low[nxt.end : nxt.end + 1].isalnum():
        return fig, 0
    share = 100 * fig.value / nxt.value
    hard, soft = iv.bounds(share, 25 / nxt.value, fig.qclass)  # "one in three" is a rounded share: ± a quarter step
    ratio = Figure(fig.start, nxt.end, fig.num_start, nxt.end, float(f"{share:.15g}"), hard, soft, "quantity",
                   fig.qualifier, fig.qclass, PERCENT, fig.spelled and nxt.spelled, number=share, number_end=nxt.end,
                   body_start=fig.body_start)
    return ratio, 1


def _plural_noun_after(low: str, pos: int) -> bool:
    m = _WORD_AFTER.match(low, pos, pos + 24)
    return bool(m and m.group(1).endswith("s") and len(m.group(1)) > 3)


def _norm(s: str) -> str:
    return " ".join(s.split())
