"""The extractor: every figure of a document as a `Quantity`, every year or date as a `DateMention`."""

from __future__ import annotations

import math
import re
from weakref import WeakKeyDictionary

from factlint.document import Document
from factlint.models import DateMention, Quantity

from .context import Reader
from .reader import Figure, read

_YEAR = re.compile(r"(\d{4})")


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else x


def doc_year(doc: Document) -> int | None:
    m = _YEAR.match(str(doc.meta.get("date") or ""))
    return int(m.group(1)) if m else None


def figures(doc: Document) -> list[tuple[Figure, object]]:
    """(figure, context) for every quantity of the document, and (date, None) for dates; cached per document."""
    cached = _FIGURES.get(doc)
    if cached is None:
        cached = _FIGURES[doc] = _figures(doc)
    return cached


_FIGURES: WeakKeyDictionary = WeakKeyDictionary()


def _figures(doc: Document) -> list[tuple[Figure, object]]:
    figs = read(doc.content)
    dates = [f for f in figs if f.kind == "date"]
    reader = Reader(doc.text, [(s.start, s.end) for s in doc.sentences], doc_year(doc), dates)
    out = []
    for f in figs:
        if f.kind == "date":
            out.append((f, None))
        elif f.kind == "quantity":
            out.append((f, reader.read(f)))
    return out


def quantity(doc: Document, f: Figure, c) -> Quantity:
    end = max(f.end, c.end)
    return Quantity.model_construct(  # fields built here are already valid: skip pydantic's validation
        start=f.start, end=end, text=doc.text[f.start : end], value=f.value, low=_finite(f.hard[0]),
        high=_finite(f.hard[1]), qualifier=f.qualifier, unit=f.unit, noun=c.noun,
        soft_low=_finite(f.soft[0]), soft_high=_finite(f.soft[1]), measure=c.measure, holder=c.holder,
        time=c.time, figure_kind=c.kind, modifiers=c.modifiers,
    )


def extract(doc: Document):
    """The `factlint_extractors` callable."""
    for f, c in figures(doc):
        if c is None:
            text = doc.text[f.start : f.end]
            yield DateMention.model_construct(start=f.start, end=f.end, text=text, value=text)
        else:
            yield quantity(doc, f, c)
