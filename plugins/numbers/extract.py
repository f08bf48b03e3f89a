"""The extractor: every figure of a document as a `Quantity`, every year or date as a `DateMention`."""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from factlint.document import Document
from factlint.models import DateMention, Quantity, construct

from .context import Reader
from .intervals import INF
from .reader import Figure, read

_YEAR = re.compile(r"(\d{4})")


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
    reader = Reader(doc, doc_year(doc), dates)
    out = []
    for f in figs:
        if f.kind == "date":
            out.append((f, None))
        elif f.kind == "quantity":
            out.append((f, reader.read(f)))
    return out


def quantity(doc: Document, f: Figure, c) -> Quantity:
    end = f.end if f.end > c.end else c.end
    (low, high), (soft_low, soft_high) = f.hard, f.soft
    return construct(Quantity, {
        "start": f.start, "end": end, "text": doc.text[f.start : end], "kind": "quantity", "value": f.value,
        "low": None if low in _INFINITE else low, "high": None if high in _INFINITE else high, "qualifier": f.qualifier,
        "unit": f.unit, "noun": c.noun, "soft_low": None if soft_low in _INFINITE else soft_low,
        "soft_high": None if soft_high in _INFINITE else soft_high, "measure": c.measure, "holder": c.holder,
        "time": c.time, "figure_kind": c.kind, "modifiers": c.modifiers,
    }, _QUANTITY_SET)


def date(doc: Document, f: Figure) -> DateMention:
    text = doc.text[f.start : f.end]
    return construct(DateMention, {"start": f.start, "end": f.end, "text": text, "kind": "date", "value": text}, _DATE_SET)


_QUANTITY_SET = frozenset(Quantity.model_fields) - {"kind"}  # `model_fields_set` of a quantity: kind is a default
_DATE_SET = frozenset(DateMention.model_fields) - {"kind"}
_INFINITE = (INF, -INF)  # open ends are null in assertions


def extract(doc: Document):
    """The `factlint_extractors` callable."""
    for f, c in figures(doc):
        if c is None:
            yield date(doc, f)
        else:
            yield quantity(doc, f, c)
