"""NUM: read every figure as an interval with unit and subject; flag conflicts within and across articles.

`extract` reads quantities and dates (reader → context); `rules` holds the
checks; `ledger` the figures ledger. Word lists are in `rules/numbers.toml`.
"""

from __future__ import annotations

from factlint import hookimpl

from .extract import extract
from .rules import RULES


@hookimpl
def factlint_extractors():
    return [extract]


@hookimpl
def factlint_rules():
    return list(RULES)
