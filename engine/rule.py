"""The rule framework: metadata, options, examples and the two rule shapes.

A rule is a class. Its metadata are class attributes; its documentation is the
class docstring with the headings `What it flags` and `Why it matters`; its
examples run as tests; its options are a pydantic model validated against the
configuration. `Rule.check` sees one document at a time. `CorpusRule.collect`
turns each document into small picklable records (it runs where the document
is, possibly in another process) and `CorpusRule.finish` sees all records.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from .document import Document
from .models import Finding, Location, Severity, construct

DOC_HEADINGS = ("What it flags", "Why it matters")


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class Example:
    """A text the rule must flag (`fails=True`) or must leave alone.

    `texts` holds extra articles for corpus rules (the example is checked as a
    corpus of `text` plus `texts`); `meta` is front matter such as ``{"type": "opinion"}``.
    """

    text: str
    fails: bool
    texts: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.warning
    groups: ClassVar[tuple[str, ...]] = ()
    examples: ClassVar[tuple[Example, ...]] = ()
    Options: ClassVar[type[BaseModel]] = NoOptions
    plugin: ClassVar[str] = ""  # set by the engine: the plugin that provided the rule

    def __init__(self, options: BaseModel | None = None, severity: Severity | None = None):
        self.options = options if options is not None else self.Options()
        self.level = severity or self.severity

    @classmethod
    def family(cls) -> str:
        return cls.code.rstrip("0123456789")

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def page(cls) -> str:
        """The rule's documentation page (Markdown): metadata, docstring, options, examples."""
        lines = [f"# {cls.code} {cls.name}", "", f"{cls.summary}.", "",
                 f"Default severity: {cls.severity.value}. Plugin: {cls.plugin}.", "", cls.doc()]
        options = cls.Options.model_json_schema().get("properties", {})
        if options:
            lines += ["", "## Options", ""]
            for key, spec in options.items():
                lines.append(f"- `{key}` (default {json.dumps(spec.get('default'))}): {spec.get('description', '')}".rstrip(": "))
        if cls.examples:
            lines += ["", "## Examples", ""]
            for ex in cls.examples:
                kind = " (article type: {})".format(ex.meta["type"]) if ex.meta.get("type") else ""
                lines += [("Flagged:" if ex.fails else "Not flagged:") + kind, "", *("    " + line for line in ex.text.splitlines()), ""]
        return "\n".join(lines).rstrip() + "\n"

    def check(self, doc: Document) -> Iterable[Finding]:
        """Yield findings for one document (document rules)."""
        return ()

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        *,
        related: Iterable[Location] = (),
        severity: Severity | None = None,
        fix: str | None = None,
    ) -> Finding:
        loc = doc.location(start, end)
        return self.finding_at(loc, message, related=related, severity=severity, fix=fix)

    def finding_at(
        self,
        loc: Location,
        message: str,
        *,
        related: Iterable[Location] = (),
        severity: Severity | None = None,
        fix: str | None = None,
    ) -> Finding:
        severity = severity or self.level
        related = list(related)
        if type(loc) is Location and type(message) is str and type(severity) is Severity and (fix is None or type(fix) is str) \
                and type(self.code) is str and type(self.name) is str and all(type(r) is Location for r in related):
            # the values have the model's types already: what validation would build, without its ~6.5 µs
            return construct(Finding, {**loc.__dict__, "code": self.code, "rule": self.name, "severity": severity,
                                       "message": message, "related": related, "fix": fix})
        return Finding(  # anything else is validated (and coerced, or refused) by the model
            **loc.__dict__, code=self.code, rule=self.name, severity=severity, message=message, related=related, fix=fix,
        )


class CorpusRule(Rule):
    """A rule over the whole corpus: `collect` per document, `finish` once."""

    def collect(self, doc: Document) -> list[Any]:
        """Small picklable records for this document (e.g. figure keys and locations)."""
        return []

    def finish(self, records: Sequence[Any]) -> Iterator[Finding]:
        """Findings over the records of every document, in document order.

        `records` is a sequence read back from a temporary file as it is walked: iterate it (as often
        as needed) and keep only what the rule needs; indexing it reads all of it into memory."""
        return iter(())

    def sections(self) -> dict[str, Any]:
        """Extra JSON report sections built by `finish` (e.g. ``{"figures": [...]}``)."""
        return {}


def matches(code: str, selectors: Iterable[str]) -> bool:
    """Whether a code is named by any selector: a full code, a family or a prefix."""
    return any(code.startswith(s) for s in selectors)
