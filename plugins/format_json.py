"""The `json` report format (CONTRACT.md)."""

from __future__ import annotations

import json

from factlint import hookimpl
from factlint.models import Report


def format_json(report: Report, options: dict) -> str:
    return json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False) + "\n"


@hookimpl
def factlint_formatters():
    return {"json": format_json}
