"""Facts: figures grouped by what they count, compared as intervals, and the figures ledger.

A `Record` is the compact, picklable form of one figure that corpus rules
collect. `group` buckets records by fact key (a dict pass, never all pairs),
then splits each bucket by holder, place and time; `judge` finds, per fact,
the figures that contradict the rest by a sweep over interval end points.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import NamedTuple
from weakref import WeakKeyDictionary, WeakValueDictionary

import regex

from . import intervals as iv
from . import units
from .extract import figures

GENERIC_NOUNS = frozenset(["people", "person", "others"])
DURATIONS = frozenset(["year", "month", "week", "day", "hour", "minute", "second"])
KIND_CLASS = {"change": "change", "period": "period", "age": "age", "level": "level"}


class Record(NamedTuple):
    key: str  # what is counted | unit dimension | kind of figure
    holder: str | None
    place: str | None
    time: str | None
    cumulative: bool
    lo: float  # hard interval, base units
    hi: float
    slo: float  # soft interval, base units
    shi: float
    figure: float | None  # the value as written, base units (None for ranges and vague quantities)
    written: str  # the figure as written
    doc: str
    path: str | None
    start: int
    end: int
    line: int
    column: int
    date: str | None  # the article's date
    revised: bool  # a revision cue ("revised down") near the figure
    headline: bool  # the figure is in the title
    names: frozenset  # proper names of the figure's sentence
    noun: str | None  # the counted noun as written (singular)
    shown: str  # the hard interval as the ledger and the messages show it, formatted where the record is made


def shown(lo: float, hi: float) -> str:
    return iv.show((lo, hi))


def records(doc) -> list[Record]:
    """Records of a document's figures that say what they count (others cannot be compared); cached per document."""
    cached = _RECORDS.get(doc)
    if cached is None:
        cached = _RECORDS[doc] = _records(doc)
    return cached


_RECORDS: WeakKeyDictionary = WeakKeyDictionary()


def _records(doc) -> list[Record]:
    from .lexicon import lexicon

    revision = lexicon().words("revision_cues")
    title = next((b for b in doc.blocks if b.kind == "title"), None)
    doc_date = doc.meta.get("date")
    doc_date = None if doc_date is None else str(doc_date)[:10]
    out = []
    for f, c in figures(doc):
        if c is None or c.key is None or f.earlier or f.kind != "quantity" or c.kind == "change" or f.unit in DURATIONS:
            continue  # changes ("rose 5%") and durations are read but not compared
        unit = f.unit
        try:
            dim, factor, offset = units.base(unit) if unit else (units.COUNT, 1.0, 0.0)
        except Exception:  # noqa: BLE001 - a unit pint cannot read is not comparable
            continue
        lo, hi = (x * factor + offset for x in f.hard)
        slo, shi = (x * factor + offset for x in f.soft)
        if factor < 0:
            lo, hi, slo, shi = hi, lo, shi, slo
        kind = KIND_CLASS.get(c.kind, "amount")
        end = max(f.end, c.end)
        line, col = doc.line_col(f.start)
        near = doc.text[max(0, f.start - 80) : end + 80].lower()
        out.append(Record(
            f"{c.key}|{dim}|{kind}", c.holder, c.place, c.time, c.kind == "cumulative", lo, hi, slo, shi,
            None if f.value is None else f.value * factor + offset,
            doc.text[f.start : end], doc.id, doc.path, f.start, end, line, col, iso_date(c.time) or doc_date,
            any(cue in near for cue in revision), bool(title and title.start <= f.start < title.end), c.names,
            c.noun if c.noun not in GENERIC_NOUNS else None, shown(lo, hi),
        ))
    return out


_MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october november december".split(), 1)}
_DAY_MONTH_YEAR = regex.compile(r"(?i)(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})|([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{4})-(\d\d)-(\d\d)")


def iso_date(text: str | None) -> str | None:
    """ "4 November 2024", "Nov 4, 2024" or "2024-11-04" as "2024-11-04"; None for anything vaguer."""
    m = _DAY_MONTH_YEAR.fullmatch(text.strip()) if text else None
    if not m:
        return None
    if m.group(7):
        return f"{m.group(7)}-{m.group(8)}-{m.group(9)}"
    day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    number = next((n for name, n in _MONTHS.items() if name.startswith(month.lower()[:3])), None)
    return f"{year}-{number:02d}-{int(day):02d}" if number else None


def _compatible(a: tuple, b: tuple) -> bool:
    """Holder, place and time do not differ, and the two share a named holder or place."""
    return all(x is None or y is None or x == y for x, y in zip(a, b)) and any(
        x is not None and x == y for x, y in zip(a[:2], b[:2]))


def _sig_order(s: tuple) -> tuple:
    return tuple(map(str, s))


class _Fits:
    """Signatures indexed by their values on every subset of their named positions.

    `fitting(sig)` gives the indexed signatures `_compatible` with `sig` (in the order they
    were added) with one dict look-up per shape of signature (at most 16), not one test per
    signature: grouping stays linear in the number of signatures.
    """

    def __init__(self) -> None:
        self.index: dict[tuple, list[tuple]] = defaultdict(list)
        self.order: dict[tuple, int] = {}
        self.masks: set[tuple[int, ...]] = set()

    def add(self, sig: tuple) -> None:
        self.order[sig] = len(self.order)
        named = tuple(i for i, x in enumerate(sig) if x is not None)
        self.masks.add(named)
        for sub in _subsets(named):
            self.index[named, sub, tuple([sig[i] for i in sub])].append(sig)

    def fitting(self, sig: tuple) -> list[tuple]:
        named = {i for i, x in enumerate(sig) if x is not None}
        found = []
        for mask in self.masks:
            common = tuple(i for i in mask if i in named)
            if 0 in common or 1 in common:  # a named holder or place on both sides
                found += self.index.get((mask, common, tuple(sig[i] for i in common)), ())
        return sorted(found, key=self.order.__getitem__) if len(found) > 1 else found


@cache
def _subsets(items: tuple[int, ...]) -> list[tuple[int, ...]]:
    return [tuple(x for k, x in enumerate(items) if bits >> k & 1) for bits in range(1 << len(items))]


_NAMES, _PLACE = itemgetter(Record._fields.index("names")), itemgetter(Record._fields.index("place"))
_KEY_SIG = itemgetter(*(Record._fields.index(f) for f in ("key", "holder", "place", "time", "noun")))


def group(recs: list[Record]) -> list[list[Record]]:
    """Facts: records with one key whose holder, place and time do not differ.

    Records are bucketed by key; within a bucket each distinct signature is a
    fact, and a signature with blanks joins the one fully named fact it fits
    (when several fit, it is ambiguous and stays apart). One dict pass over the
    records, then work per distinct signature, each looked up in an index.
    """
    signed: dict[tuple, list[Record]] = {}  # (key, holder, place, time, noun) → records
    for ks, r in zip(map(_KEY_SIG, recs), recs):
        key, holder, place, time, _ = ks
        if time == "earlier" or (holder is None and place is None):
            continue  # a figure whose holder and place are unnamed cannot be matched to another
        if time is None and not key.endswith("|amount"):
            continue  # rates, changes and per-period figures are compared only at a named time
        same = signed.get(ks)
        if same is None:
            signed[ks] = [r]
        else:
            same.append(r)
    buckets: dict[str, dict[tuple, list[Record]]] = defaultdict(dict)  # key → signature → records
    for ks, same in signed.items():
        buckets[ks[0]][ks[1:]] = same
    facts = []
    for sigs in buckets.values():
        if len(sigs) == 1:
            facts.extend(sigs.values())
            continue
        full = sorted((s for s in sigs if None not in s), key=_sig_order)
        if not full:  # no fully named fact: the most named signatures lead
            most = max(sum(x is not None for x in s) for s in sigs)
            full = sorted((s for s in sigs if sum(x is not None for x in s) == most), key=_sig_order)
        merged: dict[tuple, list[Record]] = {s: sigs[s] for s in full}
        rest = sorted((s for s in sigs if s not in merged), key=_sig_order)
        leads, partials = _Fits(), _Fits()  # the leading signatures; those in `merged` with a blank
        for s in full if rest else ():
            leads.add(s)
            if None in s:
                partials.add(s)
        for sig in rest:
            fits = leads.fitting(sig)
            if len(fits) == 1:
                merged[fits[0]].extend(sigs[sig])
            else:
                partial = partials.fitting(sig)
                if len(partial) == 1 and not fits:
                    merged[partial[0]].extend(sigs[sig])
                else:
                    merged[sig] = sigs[sig]
                    if None in sig:
                        partials.add(sig)
        facts.extend(merged.values())
    return [part for fact in facts for part in _by_names(fact)]


def _by_names(fact: list[Record]) -> list[list[Record]]:
    """Split a fact where its figures are about different named things.

    Figures are linked when their sentences share a proper name beyond the
    holder and place. Figures whose sentences name nothing else are linked
    by a shared place, or within their article, and join the only named
    cluster there is when it shares their article or place.
    """
    if len(fact) < 2:
        return [fact]
    links = [(r.names - {r.holder, r.place}) if r.names else () for r in fact] if any(map(_NAMES, fact)) else ()
    if not any(links):  # nothing else named anywhere: the parts are the places, or the articles
        if fact[0].place and len(set(map(_PLACE, fact))) == 1:
            return [fact]
        parts: dict[object, list[Record]] = {}
        for r in fact:
            k = ("place", r.place) if r.place else ("doc", r.doc)
            part = parts.get(k)
            if part is None:
                parts[k] = [r]
            else:
                part.append(r)
        return list(parts.values())
    parent = list(range(len(fact)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    seen: dict[object, int] = {}
    bare = []
    for i, r in enumerate(fact):
        extra = links[i]
        if not extra:
            bare.append(i)
            # nothing else named: the same place links across articles, otherwise only the same article
            extra = (("place", r.place) if r.place else ("doc", r.doc),)
        for k in extra:
            if k in seen:
                union(i, seen[k])
            else:
                seen[k] = i
    is_bare = set(bare)
    named = {find(i) for i in range(len(fact)) if i not in is_bare}
    if len(named) == 1:
        root = next(iter(named))
        members = [fact[i] for i in range(len(fact)) if find(i) == root]
        docs, places = {m.doc for m in members}, {m.place for m in members}
        for i in bare:
            r = fact[i]
            if r.doc in docs or (r.place and r.place in places):
                union(i, root)
    split: dict[int, list[Record]] = defaultdict(list)
    for i, r in enumerate(fact):
        split[find(i)].append(r)
    return list(split.values())


@dataclass(slots=True)
class Judgement:
    fact: list[Record]
    outliers: list[Record]  # figures that contradict the consensus
    consensus: list[Record]
    status: str  # consistent | divergent | conflict
    soft_apart: bool  # the consensus figures' soft intervals do not all meet


_LO, _HI, _SLO, _SHI = (itemgetter(Record._fields.index(f)) for f in ("lo", "hi", "slo", "shi"))
_BY_DOC = itemgetter(Record._fields.index("doc"), Record._fields.index("start"))
_BY_DATE = itemgetter(Record._fields.index("date"), Record._fields.index("doc"), Record._fields.index("start"))
_DATE = itemgetter(Record._fields.index("date"))


def _best_point(recs: list[Record]) -> float:
    """A point covered by the most hard intervals (the leftmost such point).

    Sweeping the end points in order (closed intervals: an interval that opens where
    another closes meets it), the intervals open at the i-th lowest start are the i
    opened so far less those that closed before it.
    """
    los = sorted(map(_LO, recs))
    his = sorted(map(_HI, recs))
    best, point, closed, n = 0, los[0], 0, len(his)
    for opened, x in enumerate(los, 1):
        while closed < n and his[closed] < x:
            closed += 1
        if opened - closed > best:
            best, point = opened - closed, x
    return point


def judge(fact: list[Record]) -> Judgement:
    if len(fact) == 1:
        r = fact[0]
        if r.lo <= r.hi:
            return Judgement(fact, [], fact, "consistent", r.slo > r.shi)
    if any(map(_DATE, fact)):  # ordered by (date, document, offset); no date first
        fact = sorted([r for r in fact if not r.date], key=_BY_DOC) + sorted([r for r in fact if r.date], key=_BY_DATE)
    else:
        fact = sorted(fact, key=_BY_DOC)
    if fact[0].cumulative and len(set(map(_DATE, fact))) > 1:  # a count that may grow: NUM003's job
        return Judgement(fact, [], fact, "consistent", False)
    if max(map(_LO, fact)) <= min(map(_HI, fact)):  # all meet: no sweep needed
        consensus = fact
    else:
        p = _best_point(fact)
        consensus = [r for r in fact if r.lo <= p <= r.hi]
    if len(consensus) < len(fact):
        outliers, status = [r for r in fact if not r.lo <= p <= r.hi], "conflict"
    else:
        outliers = []
        first = written_value(fact[0])
        status = "divergent" if any(written_value(r) != first for r in fact) else "consistent"
    soft_apart = max(map(_SLO, consensus)) > min(map(_SHI, consensus))
    return Judgement(fact, outliers, consensus, status, soft_apart)


def written_value(r: Record):
    return r.figure if r.figure is not None else (r.lo, r.hi)


def representative(r: Record) -> float:
    lo, hi = r.lo, r.hi
    if lo == -iv.INF:
        return hi
    if hi == iv.INF:
        return lo
    return (lo + hi) / 2


def severity_gap(a: Record, others: list[Record]) -> float:
    """The relative distance (`intervals.gap`) from a figure to the nearest of the others."""
    lo, hi = a.lo, a.hi
    first, last = min(map(_LO, others)), max(map(_HI, others))
    # all the others on one side and no negative end point between: the nearest is the one that starts first (ends last)
    if 0 <= hi < first:
        return _gap(hi, first)
    if 0 <= last < lo:
        return _gap(last, lo)
    best = iv.INF
    for b in others:
        if hi < b.lo:
            gap = _gap(hi, b.lo)
        elif b.hi < lo:
            gap = _gap(b.hi, lo)
        else:
            return 0.0  # they meet
        if gap < best:
            best = gap
    return best


def _gap(near: float, far: float) -> float:
    scale = max(abs(near), abs(far))
    return (far - near) / scale if scale else 0.0


def label(r: Record) -> str:
    what, dim, kind = r.key.rsplit("|", 2)
    noun, _, predicate = what.partition("|")
    parts = [p for p in (noun, predicate) if p]
    if dim != units.COUNT:
        parts.append(dim)
    if kind != "amount":
        parts.append(kind)
    holder, place, time = r.holder, r.place, r.time
    if holder:
        parts.append(holder)
    if place and place != holder:
        parts.append(place)
    if time and time != holder and time != place:
        parts.append(time)
    return " · ".join(parts)


def ledger(judgements: list[Judgement], everything: bool = False) -> list[dict]:
    """One flat row per fact per document: fact, document, as written, interval, place, status."""
    rows: list[dict] = []
    for j in judgements:
        rows += ledger_rows(j, everything)
    return rows


def ledger_rows(j: Judgement, everything: bool = False) -> list[dict]:
    """The ledger rows of one fact (none for a fact seen once, unless `everything`)."""
    if len(j.fact) < 2 and not everything:
        return []
    name = label(j.fact[0])
    status = j.status
    if len({r.doc for r in j.fact}) == len(j.fact):  # one figure per document
        return [{"fact": name, "document": r.doc, "as written": r.written, "interval": r.shown,
                 "at": f"{r.line}:{r.column}", "status": status} for r in j.fact]
    by_doc: dict[str, list[Record]] = {}
    for r in j.fact:
        same = by_doc.get(r.doc)
        if same is None:
            by_doc[r.doc] = [r]
        else:
            same.append(r)
    rows = []
    for doc, recs in by_doc.items():
        first = recs[0]
        if len(recs) == 1:
            written, interval = first.written, first.shown
        else:
            written = "; ".join(dict.fromkeys(r.written for r in recs))
            lo, hi = max(map(_LO, recs)), min(map(_HI, recs))
            interval = iv.show((lo, hi)) if lo <= hi else "; ".join(r.shown for r in recs)
        rows.append({"fact": name, "document": doc, "as written": written, "interval": interval,
                     "at": f"{first.line}:{first.column}", "status": status})
    return rows


@contextmanager
def paused_gc():
    """The cyclic garbage collector off while the corpus pass builds its many small objects.

    They hold no reference cycles, so reference counting frees them; with a million records
    alive, every collection the new objects trigger would walk them all (about half the time
    of building the findings). The collector is back on, as it was, when the block ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def analyse(recs: list[Record]) -> list[Judgement]:
    return Analysis(recs).judgements


class Analysis:
    """The judgements of one list of records, shared by the corpus rules that judge the same records."""

    __slots__ = ("recs", "judgements", "__weakref__")

    def __init__(self, recs: list[Record], each: Callable[[Judgement], object] | None = None):
        self.recs = recs
        self.judgements = judgements = []
        for fact in group(recs):
            j = judge(fact)
            judgements.append(j)
            if each is not None:
                each(j)


_SHARED: WeakValueDictionary[int, Analysis] = WeakValueDictionary()


def shared_analysis(recs: list[Record], each: Callable[[Judgement], object] | None = None) -> Analysis:
    """The judgements of `recs`, computed once for NUM001 and NUM002, which collect the same records.

    `each`, when given, is called on every judgement in order: as it is made when the analysis is
    computed here (its records still in the CPU cache, which saves a pass over a million cold
    records), afterwards when it was already made. Each rule keeps the `Analysis` it uses; the
    registry holds it only while a rule does.
    """
    found = _SHARED.get(len(recs))
    if found is None or found.recs != recs:
        found = _SHARED[len(recs)] = Analysis(recs, each)
        return found
    if each is not None:
        for j in found.judgements:
            each(j)
    return found
