"""Public data models: assertions, findings and the report (the JSON contract)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return _RANK[self.value]


_RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}


def severity_rank(level: str) -> int:
    """Rank of a severity or a `--fail-on` level (`never` ranks above all)."""
    return _RANK[level]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- assertions -------------------------------------------------------------


class _Assertion(_Model):
    start: int
    end: int
    text: str


class Quantity(_Assertion):
    """A figure read as an interval; see CONTRACT.md `quantity`."""

    kind: Literal["quantity"] = "quantity"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    noun: str | None = None
    soft_low: float | None = None
    soft_high: float | None = None
    measure: str | None = None
    holder: str | None = None
    time: str | None = None
    figure_kind: str | None = None
    modifiers: list[str] = Field(default_factory=list)


class Attribution(_Assertion):
    kind: Literal["attribution"] = "attribution"
    source: str | None = None
    source_type: Literal["person", "organization", "document", "anonymous", "collective", "none"]
    verb: str | None = None
    # what kind of cue carries the attribution (speech, belief, according, agentless, passive, stance,
    # intent, decree, perception, publication, seeming, noun, preposition, label, quote, citation:
    # see docs/sourcing.md)
    cue_class: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    content_start: int | None = None  # what the source is reported to say (quoted or indirect)
    content_end: int | None = None
    reason_given: bool | None = None
    access_given: bool | None = None


class OpinionCue(_Assertion):
    kind: Literal["opinion"] = "opinion"
    cue: str
    weight: float = 1.0
    sentence_start: int | None = None


class DateMention(_Assertion):
    kind: Literal["date"] = "date"
    value: str | None = None


Assertion = Annotated[Quantity | Attribution | OpinionCue | DateMention, Field(discriminator="kind")]


# --- findings and report ----------------------------------------------------


class Location(_Model):
    """A span in one document; offsets are code points, end exclusive."""

    document: str
    path: str | None = None
    line: int
    column: int
    start: int
    end: int
    excerpt: str


class Finding(Location):
    code: str
    rule: str
    severity: Severity
    message: str
    related: list[Location] = Field(default_factory=list)
    fix: str | None = None


class DocumentSummary(_Model):
    id: str
    path: str | None = None
    title: str | None = None
    date: str | None = None
    type: str | None = None
    words: int = 0
    sentences: int = 0
    figures: int = 0
    attributions: dict[str, int] = Field(default_factory=dict)
    opinion_cues: int = 0
    opinion_density: float | None = None
    findings: dict[str, int] = Field(default_factory=dict)
    error: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)


class Summary(_Model):
    documents: int = 0
    words: int = 0
    findings: dict[str, int] = Field(default_factory=dict)
    by_family: dict[str, int] = Field(default_factory=dict)
    suppressed: int = 0
    baseline_unmatched: int = 0


# A run's report. From the command line (`Engine.check(stream=True)`), `documents` and `findings` are
# read-only sequences read back from a temporary file as they are walked (`factlint.store.Stored`).
class Report(_Model):
    factlint: str
    documents: list[DocumentSummary] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    sections: dict[str, Any] = Field(default_factory=dict, exclude=True)

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON report: contract keys first, then corpus sections (e.g. `figures`)."""
        data = {
            "factlint": self.factlint,
            "documents": [d.model_dump(mode="json") for d in self.documents],
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "summary": self.summary.model_dump(mode="json"),
        }
        data.update(self.sections)
        return data
