"""NUM rules: conflicts and divergences between figures of one fact, and the
internal checks of one article (cumulative counts, percent vs points,
conversions, parts and totals, headline vs body)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

import regex
from pydantic import BaseModel, ConfigDict, Field

from factlint import CorpusRule, Example, Rule, Severity
from factlint.document import Document
from factlint.models import Location, Quantity, construct

from . import intervals as iv
from . import units
from .facts import Analysis, Record, group, label, ledger_rows, paused_gc, records, severity_gap, shared_analysis, written_value
from .lexicon import alternation, lexicon

MAX_RELATED = 5


def _loc(r: Record) -> Location:
    return construct(Location, {"document": r.doc, "path": r.path, "line": r.line, "column": r.column,
                                "start": r.start, "end": r.end, "excerpt": r.written})


class ConflictOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    error_gap: float = Field(0.5, ge=0, description="relative gap from which a conflict is an error, not a warning")
    ledger_all: bool = Field(False, description="list facts seen only once in the figures ledger too")


class FigureConflict(CorpusRule):
    """Figures of one fact that cannot both be true.

    ## What it flags
    Two or more figures that count the same thing (same measure and noun,
    holder, place, time, unit dimension and kind of figure), within one
    article or across articles, whose hard intervals do not meet after unit
    normalisation: "over 10,000 troops" against "about 6,000 troops". The
    finding sits on the figure that disagrees with the most others; the
    others are in `related`. A gap of at least `error_gap` (relative) is an
    error, a smaller one a warning. Counts that may grow (death tolls) are
    compared across dates by NUM003 instead.

    ## Why it matters
    Readers compare figures across a publication's stories. Contradictory
    figures for one fact are corrections waiting to happen; each side must be
    checked against its source, or the difference (time, place, who counted)
    said in the text.
    """

    code = "NUM001"
    name = "figure-conflict"
    summary = "Figures of one fact whose intervals cannot both hold"
    severity = Severity.warning
    Options = ConflictOptions
    examples = (
        Example("Officials said over 10,000 North Korean troops are in Kursk.", True,
                texts=("Officials said about 6,000 North Korean troops are in Kursk.",)),
        Example("Officials said over 10,000 North Korean troops are in Kursk.", False,
                texts=("Officials said approximately 12,000 North Korean troops are in Kursk.",)),
        Example("About 300 people were evacuated from Selby. Later, 900 people were evacuated from Selby.", True),
        Example("About 300 people were evacuated from Leeds. 900 people were evacuated from York.", False),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ledger: list[dict] = []
        self._analysis: Analysis | None = None

    def collect(self, doc: Document) -> list[Record]:
        return records(doc)

    def finish(self, recs: list[Record]):
        with paused_gc():  # no generator pause inside: the collector is back on before the engine sees a finding
            rows: list[dict] = []
            everything = self.options.ledger_all
            self._analysis = shared_analysis(recs, lambda j: rows.extend(ledger_rows(j, everything)))
            self._ledger = rows
            findings = list(self._findings())
        yield from findings

    def _findings(self):
        for j in self._analysis.judgements:
            related = None
            for r in j.outliers:
                if r.headline and all(c.doc == r.doc for c in j.consensus):
                    continue  # the headline against its own body: NUM007
                others = j.consensus[:MAX_RELATED]
                if related is None:  # the same consensus figures for every outlier of the fact
                    related = [_loc(o) for o in others]
                gap = severity_gap(r, j.consensus)
                severity = Severity.error if gap >= self.options.error_gap else Severity.warning
                first = others[0]
                where = "this article" if first.doc == r.doc else first.doc
                more = f" and {len(j.consensus) - 1} more" if len(j.consensus) > 1 else ""
                yield self.finding_at(
                    _loc(r),
                    f"'{r.written}' ({r.shown}) contradicts '{first.written}' ({first.shown}) in {where}{more}: "
                    f"same fact ({label(r)}), intervals {gap:.0%} apart",
                    related=related, severity=severity,
                    fix="check both figures against their sources; if they are different facts, say what differs (date, place, who counted)",
                )

    def sections(self):
        return {"figures": self._ledger}


class FigureDivergence(CorpusRule):
    """Different figures for one fact that can both be true.

    ## What it flags
    Figures of one fact (as NUM001 groups them) whose hard intervals meet but
    that are written differently: "over 10,000 troops" in one article and
    "approximately 12,000" in another. One note per fact, on the figure that
    differs from the first; the message says when even the soft intervals
    do not meet.

    ## Why it matters
    Compatible figures are not errors, but an editor should see them side by
    side: a publication that gives several figures for one fact should say
    why, or settle on one.
    """

    code = "NUM002"
    name = "figure-divergence"
    summary = "Compatible but different figures for one fact"
    severity = Severity.info
    examples = (
        Example("Reports say over 10,000 North Korean troops are fighting in Ukraine.", True,
                texts=("About 12,000 North Korean troops are fighting in Ukraine.",)),
        Example("Reports say 12,000 North Korean troops are fighting in Ukraine.", False,
                texts=("Some 12,000 North Korean troops are fighting in Ukraine, officials said.",)),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._analysis: Analysis | None = None

    def collect(self, doc: Document) -> list[Record]:
        return records(doc)

    def finish(self, recs: list[Record]):
        with paused_gc():
            self._analysis = shared_analysis(recs)
            findings = list(self._findings())
        yield from findings

    def _findings(self):
        for j in self._analysis.judgements:
            if j.status != "divergent":
                continue
            consensus = j.consensus
            first = written_value(consensus[0])
            target = next(r for r in consensus if written_value(r) != first)
            others = [r for r in consensus[: MAX_RELATED + 1] if r is not target][:MAX_RELATED]
            apart = "; their soft intervals do not meet" if j.soft_apart else ""
            written = sorted({r.written for r in consensus})
            values = len(set(map(written_value, consensus)))
            yield self.finding_at(
                _loc(target),
                f"{values} different figures for one fact ({label(target)}): "
                + ", ".join(f"'{w}'" for w in written[:4]) + f"; they can all hold{apart}",
                related=[_loc(o) for o in others],
                fix="give one figure, or say why the figures differ (source, date, what was counted)",
            )


class CumulativeFall(CorpusRule):
    """A cumulative count that is lower in a later article.

    ## What it flags
    Counts that can only grow (death tolls, people arrested or evacuated,
    "so far", "in total") whose figure in a later-dated article lies wholly
    below the figure of an earlier one, with no revision cue ("revised
    down", "corrected", "down from") near the later figure.

    ## Why it matters
    A toll that falls without explanation is either an error or a silent
    revision; both need saying.
    """

    code = "NUM003"
    name = "cumulative-count-falls"
    summary = "A cumulative count lower in a later article without a revision cue"
    severity = Severity.warning
    examples = (
        Example("The death toll reached 95 in the flooded city of Valencia.", True, meta={"date": "2024-11-04"},
                texts=("On 2 November 2024 the death toll rose to 150 in the flooded city of Valencia.",)),
        Example("The death toll was revised down to 95 in the flooded city of Valencia.", False, meta={"date": "2024-11-04"},
                texts=("On 2 November 2024 the death toll rose to 150 in the flooded city of Valencia.",)),
        Example("The death toll reached 210 in the flooded city of Valencia.", False, meta={"date": "2024-11-04"},
                texts=("On 2 November 2024 the death toll rose to 150 in the flooded city of Valencia.",)),
    )

    def collect(self, doc: Document) -> list[Record]:
        return [r for r in records(doc) if r.cumulative and r.date]

    def finish(self, recs: list[Record]):
        for fact in group([r._replace(time=None) for r in recs]):
            fact.sort(key=lambda r: (r.date, r.doc, r.start))
            best: Record | None = None  # the highest lower bound among earlier dates
            pending: Record | None = None
            date = None
            for r in fact:
                if r.date != date:
                    if pending is not None and (best is None or pending.lo > best.lo):
                        best = pending
                    pending, date = None, r.date
                if best is not None and r.hi < best.lo and not r.revised:
                    yield self.finding_at(
                        _loc(r),
                        f"'{r.written}' ({r.date}) is lower than '{best.written}' ({best.date}) for a count that only grows "
                        f"({label(r)})",
                        related=[_loc(best)],
                        fix="check the later figure; if the count was revised, say so ('revised down from ...')",
                    )
                if pending is None or r.lo > pending.lo:
                    pending = r


LEX = lexicon()
_FROM_TO = regex.compile(r"\bfrom\s*$")
_PART_CUES = regex.compile(rf"[\s,;:(—–-]*(?:{alternation(LEX.words('part_cues'))})\b", regex.I)


def _quantities(doc: Document) -> list[Quantity]:
    """The document's quantities, picked out of its assertions once for the rules that read them."""
    assertions = doc.assertions
    cached = _QUANTITIES.get(doc)
    if cached is None or cached[0] is not assertions or cached[1] != len(assertions):  # the same, unchanged list
        cached = _QUANTITIES[doc] = (assertions, len(assertions), [a for a in assertions if isinstance(a, Quantity)])
    return cached[2]


_QUANTITIES: WeakKeyDictionary = WeakKeyDictionary()
_TO_END = regex.compile(r"\bto\s*$")
_OPENING = regex.compile(r"\s*[(\[]\s*")


class PercentForPoints(Rule):
    """A percent change that is really a change in percentage points.

    ## What it flags
    "rose 2% from 4% to 6%": a change written in percent whose size is the
    difference between two percentages in the same sentence (6 − 4 = 2),
    while the relative change is something else (50%).

    ## Why it matters
    From 4% to 6% is a rise of 2 percentage points, or of 50%. Writing "2%"
    misstates the change by a factor the reader cannot see.
    """

    code = "NUM004"
    name = "percent-for-points"
    summary = "Change between percentages written as percent instead of percentage points"
    severity = Severity.warning
    examples = (
        Example("Unemployment rose 2% from 4% to 6% last year.", True),
        Example("Unemployment rose 2 percentage points from 4% to 6% last year.", False),
        Example("Sales rose 50% from 4% to 6% of the market.", False),
    )

    def check(self, doc: Document):
        qs = [q for q in _quantities(doc) if q.unit == units.PERCENT]
        for q in qs:
            if q.figure_kind != "change" or q.value is None:
                continue
            sentence = doc.sentence_at(q.start)
            if sentence is None:
                continue
            levels = [x for x in qs if x is not q and sentence.start <= x.start < sentence.end and x.value is not None and x.figure_kind != "change"]
            for a in levels:
                if not _FROM_TO.search(doc.text[max(sentence.start, a.start - 12) : a.start]):
                    continue
                for b in levels:
                    if b.start <= a.start or not _TO_END.search(doc.text[max(a.end, b.start - 6) : b.start]):
                        continue
                    diff = abs(b.value - a.value)
                    rel = abs(diff / a.value * 100) if a.value else None
                    if q.low <= diff <= q.high and not (rel is not None and q.low <= rel <= q.high):
                        rel_text = f" (a relative change of {rel:.3g}%)" if rel is not None else ""
                        yield self.finding(
                            doc, q.start, q.end,
                            f"'{q.text}' is the difference between {a.text} and {b.text}: that is "
                            f"{diff:.3g} percentage points{rel_text}",
                            fix=f"write '{diff:.3g} percentage points', or give the relative change",
                        )


class ConversionMismatch(Rule):
    """A conversion in parentheses that does not convert.

    ## What it flags
    A measurement followed by the same measurement in other units in
    parentheses, where the two cannot be equal: "300 km (250 miles)". The
    figures are compared as intervals, so ordinary rounding ("300 km (186
    miles)") passes. Currencies are left alone: exchange rates depend on the date.

    ## Why it matters
    A conversion that is off tells the reader one of the two figures is wrong.
    """

    code = "NUM005"
    name = "conversion-mismatch"
    summary = "Unit conversion in parentheses that does not match"
    severity = Severity.warning
    examples = (
        Example("The pipeline runs 300 km (250 miles) across the plain.", True),
        Example("The pipeline runs 300 km (186 miles) across the plain.", False),
        Example("It was 40C (104F) in Seville on Monday.", False),
        Example("It was 40C (90F) in Seville on Monday.", True),
    )

    def check(self, doc: Document):
        qs = _quantities(doc)
        for a, b in zip(qs, qs[1:]):
            if not (a.unit and b.unit) or a.unit == b.unit or _money(a.unit) or _money(b.unit):
                continue
            if not _OPENING.fullmatch(doc.text[a.end if a.end <= b.start else a.start : b.start]):
                between = doc.text[a.start : b.start]
                if "(" not in between[-4:]:
                    continue
            try:
                if units.dimension(a.unit) != units.dimension(b.unit):
                    continue
                lo, hi = (units.convert(x, a.unit, b.unit) for x in (a.low, a.high))
            except Exception:  # noqa: BLE001 - units pint cannot convert are not compared
                continue
            lo, hi = min(lo, hi), max(lo, hi)
            if b.low is not None and b.high is not None and iv.disjoint((lo, hi), (b.low, b.high)):
                value = units.convert(a.value, a.unit, b.unit) if a.value is not None else (lo + hi) / 2
                yield self.finding(
                    doc, b.start, b.end,
                    f"'{b.text}' is not a conversion of '{a.text}', which is about {value:.4g} {b.unit}",
                    related=[doc.location(a.start, a.end)],
                    fix=f"correct the conversion (about {value:.3g} {b.unit}) or the original figure",
                )


def _money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


class PartsExceedTotal(Rule):
    """Parts that add up to more than their total.

    ## What it flags
    A total followed by its parts ("including", "of whom", "of which", "among
    them") whose lower bounds add up to more than the total can be:
    "1,200 killed, including 800 soldiers and 600 civilians".

    ## Why it matters
    Either a part or the total is wrong, or the categories overlap and the
    text should say so.
    """

    code = "NUM006"
    name = "parts-exceed-total"
    summary = "Parts listed after a total add up to more than the total"
    severity = Severity.warning
    examples = (
        Example("The attack killed 1,200 people, including 800 soldiers and 600 civilians.", True),
        Example("The attack killed 1,200 people, including 800 soldiers and 300 civilians.", False),
    )

    def check(self, doc: Document):
        qs = _quantities(doc)
        for i, total in enumerate(qs):
            if total.high is None or total.figure_kind == "change":
                continue
            if i + 1 >= len(qs) or not _PART_CUES.match(doc.text, total.end, qs[i + 1].start):
                continue
            sentence = doc.sentence_at(total.start)
            stop = sentence.end if sentence else len(doc.text)
            parts = []
            for q in qs[i + 1 :]:
                if q.start >= stop or ";" in doc.text[(parts[-1].end if parts else total.end) : q.start]:
                    break
                if q.unit == total.unit and q.low is not None and q.figure_kind != "change":
                    parts.append(q)
            if parts and sum(p.low for p in parts) > total.high:
                listed = " + ".join(p.text for p in parts)
                yield self.finding(
                    doc, total.start, total.end,
                    f"the parts ({listed}) add up to more than the total '{total.text}'",
                    related=[doc.location(p.start, p.end) for p in parts],
                    fix="check the total and its parts; if the categories overlap, say so",
                )


class HeadlineContradicted(Rule):
    """A headline figure the article's body contradicts.

    ## What it flags
    A figure in the title whose fact appears in the body with a figure it
    cannot agree with (hard intervals apart): headline "25,000 troops", body
    "over 10,000 troops" is fine, body "about 6,000 troops" is not.

    ## Why it matters
    Headlines are read far more than bodies; a headline figure the story
    does not support misleads most readers.
    """

    code = "NUM007"
    name = "headline-contradicted"
    summary = "Headline figure that the body of the article contradicts"
    severity = Severity.warning
    examples = (
        Example("# 25,000 North Korean troops in Kursk\n\nOfficials said about 6,000 North Korean troops are in Kursk.\n", True),
        Example("# 12,000 North Korean troops in Kursk\n\nOfficials said over 10,000 North Korean troops are in Kursk.\n", False),
    )

    def check(self, doc: Document):
        recs = records(doc)
        if not any(r.headline for r in recs):
            return
        for fact in group(recs):
            heads = [r for r in fact if r.headline]
            body = [r for r in fact if not r.headline]
            for h in heads:
                against = [b for b in body if iv.disjoint((h.lo, h.hi), (b.lo, b.hi))]
                if against and len(against) == len(body):
                    yield self.finding(
                        doc, h.start, h.end,
                        f"headline figure '{h.written}' ({h.shown}) is contradicted by the body: "
                        + ", ".join(f"'{b.written}'" for b in against[:3]) + f" ({label(h)})",
                        related=[_loc(b) for b in against[:MAX_RELATED]],
                        fix="make the headline agree with the figures the story reports",
                    )


RULES = (FigureConflict, FigureDivergence, CumulativeFall, PercentForPoints, ConversionMismatch, PartsExceedTotal, HeadlineContradicted)
