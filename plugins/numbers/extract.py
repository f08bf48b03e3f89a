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
    reader = Reader(doc, doc_year(doc), dates)
    out = []
    for f in figs:
        if f.kind == "date":
            out.append((f, None))
        elif f.kind == "quantity":
            out.append((f, reader.read(f)))
    return out


def quantity(doc: Document, f: Figure, c) -> Quantity:
    end = max(f.end, c.end)
    return _construct(Quantity, {
        "start": f.start, "end": end, "text": doc.text[f.start : end], "kind": "quantity", "value": f.value, "low": _finite(f.hard[0]),
        "high": _finite(f.hard[1]), "qualifier": f.qualifier, "unit": f.unit, "noun": c.noun,
        "soft_low": _finite(f.soft[0]), "soft_high": _finite(f.soft[1]), "measure": c.measure, "holder": c.holder,
        "time": c.time, "figure_kind": c.kind, "modifiers": c.modifiers,
    })


def date(doc: Document, f: Figure) -> DateMention:
    text = doc.text[f.start : f.end]
    return _construct(DateMention, {"start": f.start, "end": f.end, "text": text, "kind": "date", "value": text})


def _construct(cls, fields: dict):
    """`cls.model_construct(**fields)` (all fields but `kind` given) for fields that are valid, listed in the model's order.

    pydantic's `model_construct` loops over the model's fields in Python (about 25 µs for a
    `Quantity`); this sets the instance's state the way it does, in a few µs.
    """
    obj = _new(cls)
    _setattr(obj, "__dict__", fields)
    _setattr(obj, "__pydantic_fields_set__", fields.keys() - _DEFAULTED)
    _setattr(obj, "__pydantic_extra__", None)
    _setattr(obj, "__pydantic_private__", None)
    return obj


_DEFAULTED = frozenset(["kind"])  # not in `model_fields_set`: model_construct sets it from its default
_new = object.__new__
_setattr = object.__setattr__


def extract(doc: Document):
    """The `factlint_extractors` callable."""
    for f, c in figures(doc):
        if c is None:
            yield date(doc, f)
        else:
            yield quantity(doc, f, c)
