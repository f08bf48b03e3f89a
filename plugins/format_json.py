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

BLOCK = 256  # items per written piece


def _dumps(value: Any, depth: int) -> str:
    """`value` as `json.dumps(indent=2)` writes it `depth` levels down (JSON strings hold no raw newlines)."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def _array(items: Iterable[Any]) -> Iterator[str]:
    """A JSON array at depth 1 of a report, whose items are models."""
    block: list[str] = []
    first = True
    for item in items:
        block.append(("[\n    " if first else ",\n    ") + _dumps(item.model_dump(mode="json"), 2))
        first = False
        if len(block) >= BLOCK:
            yield "".join(block)
            block = []
    block.append("[]" if first else "\n  ]")
    yield "".join(block)


def format_json(report: Report, options: dict) -> Iterator[str]:
    yield '{\n  "factlint": ' + _dumps(report.factlint, 1) + ',\n  "documents": '
    yield from _array(report.documents)
    yield ',\n  "findings": '
    yield from _array(report.findings)
    yield ',\n  "summary": ' + _dumps(report.summary.model_dump(mode="json"), 1)
    for name, value in report.sections.items():
        yield f",\n  {_dumps(name, 1)}: " + _dumps(value, 1)
    yield "\n}\n"


@hookimpl
def factlint_formatters():
    return {"json": format_json}
