"""The `json` report format (CONTRACT.md), written one document and one finding at a time.

The text is exactly `json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False)`
plus a newline, produced in pieces so that a report of any size streams to its file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from factlint import hookimpl
from factlint.models import Report
from factlint.store import Stored

BLOCK = 256  # items per written piece
_STRING = json.encoder.encode_basestring  # the C encoder of a str, as `ensure_ascii=False` writes it
_CONSTANTS = {True: "true", False: "false", None: "null"}


def _dumps(value: Any, pad: str) -> str:
    """`value` as `json.dumps(value, indent=2, ensure_ascii=False)` writes it, nested after `pad`.

    The standard library writes indented JSON with its pure-Python encoder; this does the same
    for the plain values a report holds several times faster, and hands anything else to it."""
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = pad + "  "
        return "{\n" + ",\n".join(f"{inner}{_key(k)}: {_dumps(v, inner)}" for k, v in value.items()) + f"\n{pad}}}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = pad + "  "
        return "[\n" + ",\n".join(inner + _dumps(v, inner) for v in value) + f"\n{pad}]"
    if kind is int:
        return int.__repr__(value)
    if kind is bool or value is None:
        return _CONSTANTS[value]
    if kind is float and value == value and value not in (float("inf"), float("-inf")):
        return float.__repr__(value)
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + pad)


def _key(key: Any) -> str:
    return _STRING(key) if type(key) is str else json.dumps({key: 0}, ensure_ascii=False)[1:-4]


def _array(items: Iterable[Any]) -> Iterator[str]:
    """A JSON array one level down in the report, of models (or of a spilled report's items as dicts)."""
    rows = items.json_items() if isinstance(items, Stored) else (item.model_dump(mode="json") for item in items)
    block: list[str] = []
    first = True
    for row in rows:
        block.append(("[\n    " if first else ",\n    ") + _dumps(row, "    "))
        first = False
        if len(block) >= BLOCK:
            yield "".join(block)
            block = []
    block.append("[]" if first else "\n  ]")
    yield "".join(block)


def format_json(report: Report, options: dict) -> Iterator[str]:
    yield '{\n  "factlint": ' + _dumps(report.factlint, "  ") + ',\n  "documents": '
    yield from _array(report.documents)
    yield ',\n  "findings": '
    yield from _array(report.findings)
    yield ',\n  "summary": ' + _dumps(report.summary.model_dump(mode="json"), "  ")
    for name, value in report.sections.items():
        yield f",\n  {_key(name)}: " + _dumps(value, "  ")
    yield "\n}\n"


@hookimpl
def factlint_formatters():
    return {"json": format_json}
