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

    def attribution(self, text: str) -> Attribution:
        spans = [s for s in (self.cue, self.source, self.content) if s]
        start = min(s[0] for s in spans)
        end = max(s[1] for s in spans)
        return Attribution.model_construct(  # values are built here, not read from input: no validation needed
            kind="attribution", start=start, end=end, text=text[start:end],
            source=text[self.source[0] : self.source[1]] if self.source else None,
            source_type=self.info.type, verb=self.verb,
            cue_start=self.cue[0] if self.cue else None, cue_end=self.cue[1] if self.cue else None,
            source_start=self.source[0] if self.source else None,
            source_end=self.source[1] if self.source else None,
            content_start=self.content[0] if self.content else None,
            content_end=self.content[1] if self.content else None,
            reason_given=self.info.reason if self.info.type == "anonymous" else None,
            access_given=self.info.access if self.info.type == "anonymous" else None,
        )
