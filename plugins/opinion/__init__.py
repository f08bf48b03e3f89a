"""OPN: opinion in reporting — the writer's own judgement in news text, never the quoted speaker's.

`cues` finds weighted opinion cues (`OpinionCue` assertions) in the writer's own
words; `scoring` adds them up per sentence; `rules` holds OPN001 (opinion sentence)
and OPN002 (opinion density). The cue lists and weights are the `opinion` rule
pack, `rules/opinion.toml`.
"""

from __future__ import annotations

from factlint import hookimpl

from .cues import extract
from .rules import OpinionDensity, OpinionInReporting


@hookimpl(trylast=True)
def factlint_extractors():
    # Last, so that the attributions of every other extractor are known: their
    # reported content is not the writer's own words.
    return [extract]


@hookimpl
def factlint_rules():
    return [OpinionInReporting, OpinionDensity]
