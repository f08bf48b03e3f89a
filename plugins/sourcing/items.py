"""An attribution under construction, shared by the extractor and the citation reader."""

from __future__ import annotations

from dataclasses import dataclass

from factlint.document import Sentence
from factlint.models import Attribution

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
        return _construct({  # in the model's field order
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


_FIELDS = frozenset(Attribution.model_fields)
_new = object.__new__
_set = object.__setattr__


def _construct(values: dict) -> Attribution:
    """What `Attribution.model_construct(**values)` builds, without its per-call loop over the fields:
    the values are complete and built here, never read from input, so there is nothing to validate
    (tests/test_sourcing_extract.py checks the result against a validated model)."""
    model = _new(Attribution)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", _FIELDS)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
