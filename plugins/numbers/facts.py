"""Facts: figures grouped by what they count, compared as intervals, and the figures ledger.

A `Record` is the compact, picklable form of one figure that corpus rules
collect. `group` buckets records by fact key (a dict pass, never all pairs),
then splits each bucket by holder, place and time; `judge` finds, per fact,
the figures that contradict the rest by a sweep over interval end points.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple
from weakref import WeakKeyDictionary

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
            c.noun if c.noun not in GENERIC_NOUNS else None,
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


def _signature(r: Record) -> tuple:
    return (r.holder, r.place, r.time, r.noun)


def _compatible(a: tuple, b: tuple) -> bool:
    """Holder, place and time do not differ, and the two share a named holder or place."""
    return all(x is None or y is None or x == y for x, y in zip(a, b)) and any(
        x is not None and x == y for x, y in zip(a[:2], b[:2]))


def group(recs: list[Record]) -> list[list[Record]]:
    """Facts: records with one key whose holder, place and time do not differ.

    Records are bucketed by key; within a bucket each distinct signature is a
    fact, and a signature with blanks joins the one fully named fact it fits
    (when several fit, it is ambiguous and stays apart).
    """
    buckets: dict[str, dict[tuple, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for r in recs:
        if r.time == "earlier" or (r.holder is None and r.place is None):
            continue  # a figure whose holder and place are unnamed cannot be matched to another
        if r.time is None and not r.key.endswith(("|amount",)):
            continue  # rates, changes and per-period figures are compared only at a named time
        buckets[r.key][_signature(r)].append(r)
    facts = []
    for sigs in buckets.values():
        if len(sigs) == 1:
            facts.extend(sigs.values())
            continue
        full = sorted((s for s in sigs if None not in s), key=lambda s: tuple(map(str, s)))
        if not full:  # no fully named fact: the most named signatures lead
            most = max(sum(x is not None for x in s) for s in sigs)
            full = sorted((s for s in sigs if sum(x is not None for x in s) == most), key=lambda s: tuple(map(str, s)))
        merged: dict[tuple, list[Record]] = {s: list(sigs[s]) for s in full}
        for sig in sorted((s for s in sigs if s not in merged), key=lambda s: tuple(map(str, s))):
            fits = [s for s in full if _compatible(sig, s)]
            if len(fits) == 1:
                merged[fits[0]].extend(sigs[sig])
            else:
                partial = [s for s in merged if None in s and _compatible(sig, s)]
                if len(partial) == 1 and not fits:
                    merged[partial[0]].extend(sigs[sig])
                else:
                    merged[sig] = list(sigs[sig])
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
        extra = r.names - {r.holder, r.place}
        if not extra:
            bare.append(i)
            # nothing else named: the same place links across articles, otherwise only the same article
            extra = {("place", r.place) if r.place else ("doc", r.doc)}
        for k in extra:
            if k in seen:
                union(i, seen[k])
            else:
                seen[k] = i
    named = {find(i) for i in range(len(fact)) if i not in bare}
    if len(named) == 1:
        root = next(iter(named))
        members = [fact[i] for i in range(len(fact)) if find(i) == root]
        for i in bare:
            r = fact[i]
            if any(m.doc == r.doc or (r.place and m.place == r.place) for m in members):
                union(i, root)
    parts: dict[int, list[Record]] = defaultdict(list)
    for i, r in enumerate(fact):
        parts[find(i)].append(r)
    return list(parts.values())


@dataclass
class Judgement:
    fact: list[Record]
    outliers: list[Record]  # figures that contradict the consensus
    consensus: list[Record]
    status: str  # consistent | divergent | conflict
    soft_apart: bool  # the consensus figures' soft intervals do not all meet


def _best_point(recs: list[Record]) -> float:
    """A point covered by the most hard intervals (the leftmost such point)."""
    events = sorted([(r.lo, 0) for r in recs] + [(r.hi, 1) for r in recs])
    best, count, point = -1, 0, recs[0].lo
    for x, closing in events:
        if closing:
            count -= 1
        else:
            count += 1
            if count > best:
                best, point = count, x
    return point


def judge(fact: list[Record]) -> Judgement:
    fact = sorted(fact, key=lambda r: (r.date or "", r.doc, r.start))
    rising = fact[0].cumulative and len({r.date for r in fact}) > 1  # a count that may grow: NUM003's job
    if rising:
        return Judgement(fact, [], fact, "consistent", False)
    p = _best_point(fact)
    consensus = [r for r in fact if r.lo <= p <= r.hi]
    outliers = [r for r in fact if not r.lo <= p <= r.hi]
    soft_apart = max(r.slo for r in consensus) > min(r.shi for r in consensus)
    if outliers:
        status = "conflict"
    elif len({written_value(r) for r in consensus}) > 1:
        status = "divergent"
    else:
        status = "consistent"
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
    """The relative distance from a figure to the nearest of the others."""
    return min(iv.gap((a.lo, a.hi), (b.lo, b.hi)) for b in others)


def label(r: Record) -> str:
    what, dim, kind = r.key.rsplit("|", 2)
    noun, _, predicate = what.partition("|")
    parts = [p for p in (noun, predicate) if p]
    if dim not in (units.COUNT,):
        parts.append(dim)
    if kind != "amount":
        parts.append(kind)
    parts += [x for x in dict.fromkeys((r.holder, r.place, r.time)) if x]
    return " · ".join(parts)


def ledger(judgements: list[Judgement], everything: bool = False) -> list[dict]:
    """One flat row per fact per document: fact, document, as written, interval, place, status."""
    rows = []
    for j in judgements:
        if len(j.fact) < 2 and not everything:
            continue
        name = label(j.fact[0])
        by_doc: dict[str, list[Record]] = defaultdict(list)
        for r in j.fact:
            by_doc[r.doc].append(r)
        for doc, recs in by_doc.items():
            first = recs[0]
            lo = max(r.lo for r in recs)
            hi = min(r.hi for r in recs)
            rows.append({
                "fact": name, "document": doc, "as written": "; ".join(dict.fromkeys(r.written for r in recs)),
                "interval": iv.show((lo, hi)) if lo <= hi else "; ".join(iv.show((r.lo, r.hi)) for r in recs),
                "at": f"{first.line}:{first.column}", "status": j.status,
            })
    return rows


def analyse(recs: list[Record]) -> list[Judgement]:
    return [judge(f) for f in group(recs)]
