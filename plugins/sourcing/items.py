"""An attribution under construction, shared by the extractor and the citation reader."""

from __future__ import annotations

from dataclasses import dataclass

from factlint.document import Sentence
from factlint.models import Attribution, construct

from .sources import SourceInfo


@dataclass(slots=True)
class Item:
    """An attribution under construction (offsets into the document text)."""

    cue: tuple[int, int] | None
    verb: str | None
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    info: SourceInfo
    sentence: Sentence | None
    form: str  # before (content then source), after (source then content), frame, quote, citation
    cls: str  # the cue class (speech, belief, stance, ...; see docs/sourcing.md)

    def attribution(self, text: str) -> Attribution:
        cue, source, content, info = self.cue, self.source, self.content, self.info
        start, end = _bounds(cue, source, content)
        anonymous = info.type == "anonymous"
        return construct(Attribution, {  # every field, in the model's order
            "start": start, "end": end, "text": text[start:end], "kind": "attribution",
            "source": text[source[0] : source[1]] if source else None, "source_type": info.type,
            "verb": self.verb, "cue_class": self.cls,
            "cue_start": cue[0] if cue else None, "cue_end": cue[1] if cue else None,
            "source_start": source[0] if source else None, "source_end": source[1] if source else None,
            "content_start": content[0] if content else None, "content_end": content[1] if content else None,
            "reason_given": info.reason if anonymous else None, "access_given": info.access if anonymous else None,
        })


def _bounds(*spans: tuple[int, int] | None) -> tuple[int, int]:
    """The smallest span covering the given spans (None skipped)."""
    start = end = None
    for span in spans:
        if span:
            if start is None or span[0] < start:
                start = span[0]
            if end is None or span[1] > end:
                end = span[1]
    return start, end


