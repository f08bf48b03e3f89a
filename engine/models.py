"""Public data models: assertions, findings and the report (the JSON contract)."""

from __future__ import annotations

from enum import Enum
from collections.abc import Set
from typing import Annotated, Any, Literal, TypeVar

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


_M = TypeVar("_M", bound=BaseModel)


def construct(cls: type[_M], fields: dict[str, Any], fields_set: Set[str] | None = None) -> _M:
    """What `cls.model_construct(**given)` builds, for values factlint made itself (valid already).

    `fields` holds every field in the model's order, defaults included; `fields_set` names the
    given ones (default: all). pydantic's `model_construct` loops over the fields in Python (about
    25 µs for a `Quantity`); setting the instance's state the way it does takes about 2 µs.
    """
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields if fields_set is None else fields_set))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


# --- assertions -------------------------------------------------------------


class _Assertion(_Model):
    model_config = ConfigDict(use_attribute_docstrings=True)

    start: int
    """Offset of the first character in the document's text (code points)."""
    end: int
    """Offset just past the last character (exclusive)."""
    text: str
    """The text between `start` and `end`."""


class Quantity(_Assertion):
    """A figure read as an interval; see CONTRACT.md `quantity`."""

    kind: Literal["quantity"] = "quantity"
    value: float | None = None
    """The figure as written with scale words applied; null for a range or a vague quantity."""
    low: float | None = None
    """Lower end of the hard interval the wording implies (a contradiction outside it); null = open."""
    high: float | None = None
    """Upper end of the hard interval; null = open."""
    qualifier: str | None = None
    """The qualifier as written ("over", "about", "up to"...)."""
    unit: str | None = None
    """null for a count; `percent`, `percentage_point`, an ISO 4217 code, `fraction` or a pint unit name."""
    noun: str | None = None
    """The counted thing, singular."""
    soft_low: float | None = None
    """Lower end of the softer interval (outside it the figures diverge but can both be true)."""
    soft_high: float | None = None
    """Upper end of the softer interval."""
    measure: str | None = None
    """The concept the figure belongs to (deaths, troops, damage...; `rules/numbers.toml`)."""
    holder: str | None = None
    """A country or demonym named in the noun phrase or before the figure."""
    time: str | None = None
    """A date or year of the sentence, `now`, a relative phrase, or `earlier` ("up from X")."""
    figure_kind: str | None = None
    """`count`, `cumulative`, `level`, `period`, `change` or `age`."""
    modifiers: list[str] = Field(default_factory=list)
    """Words that narrow the counted noun ("North Korean", "civilian")."""


class Attribution(_Assertion):
    kind: Literal["attribution"] = "attribution"
    source: str | None = None
    """Who is said to speak, as written; null when the attribution names no source."""
    source_type: Literal["person", "organization", "document", "anonymous", "collective", "none"]
    """person, organization, document, anonymous (described but unnamed), collective (experts, reports) or none (agentless)."""
    verb: str | None = None
    """The reporting verb or phrase ("said", "according to")."""
    cue_class: str | None = None
    """What kind of cue carries the attribution (speech, belief, according, agentless, passive, stance,
    intent, decree, perception, publication, seeming, noun, preposition, label, quote, citation: see
    docs/sourcing.md)."""
    cue_start: int | None = None
    """Start of the cue (verb, phrase or citation mark); `cue_end` ends it."""
    cue_end: int | None = None
    source_start: int | None = None
    """Start of the source; `source_end` ends it."""
    source_end: int | None = None
    content_start: int | None = None
    """Start of what the source is reported to say (quoted or indirect); `content_end` ends it."""
    content_end: int | None = None
    reason_given: bool | None = None
    """Anonymous sources: the text gives a reason for anonymity ("not authorised to speak")."""
    access_given: bool | None = None
    """Anonymous sources: the text describes their access ("familiar with the talks")."""


class OpinionCue(_Assertion):
    kind: Literal["opinion"] = "opinion"
    cue: str
    """The cue class (evaluative, loaded label, booster...; docs/opinion.md)."""
    weight: float = 1.0
    """What the cue adds to the opinion score of its sentence."""
    sentence_start: int | None = None
    """Start of the sentence the cue scores."""


class DateMention(_Assertion):
    kind: Literal["date"] = "date"
    value: str | None = None
    """The date or year as read."""


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
