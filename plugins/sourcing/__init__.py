"""SRC: sourcing and attribution — who says what, how well the source is identified.

The extractor (`extract`) yields an `attribution` assertion for every
attribution it reads: reporting verbs and phrases, quotations and their
speakers, "according to", agentless frames, parenthetical citations and
source footers. The rules (`rules`) flag vague, agentless, undescribed
anonymous and pseudo-citations, unattributed claims, loaded reporting verbs
and malformed source lists. Word lists live in `rules/sourcing.toml`.
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
    return RULES
