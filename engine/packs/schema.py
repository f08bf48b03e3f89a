"""The rule-pack schema: pydantic models of a pack file, and the JSON Schema made from them.

`python -m factlint.packs > docs/rule-pack.schema.json` writes the JSON Schema
editors use for completion (a test fails when that file is stale).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from ..models import Severity

ScopeTerm = Literal["unquoted", "quoted", "content", "headline", "body", "sentence", "paragraph"]
SCOPE_DIMENSIONS = (("unquoted", "quoted", "content"), ("headline", "body"), ("sentence", "paragraph"))


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


ScopeTerms = Annotated[list[ScopeTerm], BeforeValidator(_as_list, json_schema_input_type=ScopeTerm | list[ScopeTerm])]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PackExample(_Strict):
    """A text the rule must flag (`fails = true`) or must leave alone (`fails = false`)."""

    text: str = Field(description="the article (its first short line is read as the headline)")
    fails: bool = Field(description="true: the rule must flag this text; false: it must not")
    texts: list[str] = Field(default_factory=list, description="other articles checked with it (consistency rules)")
    meta: dict[str, Any] = Field(default_factory=dict, description="metadata of `text`, e.g. {type = \"opinion\"}")


class _Rule(_Strict):
    code: str = Field(pattern=r"^[A-Z]{2,8}\d{3}$", description="FAMILY + three digits, unique across all rules")
    name: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", description="short kebab-case name")
    summary: str = Field(min_length=1, description="one line: what the rule flags")
    message: str | None = Field(None, description="finding message template: {match}, {suggestion}, capture groups ...")
    severity: Severity = Field(Severity.warning, description="default severity")
    scope: ScopeTerms = Field(
        default_factory=lambda: ["unquoted"],
        description="where matches count: unquoted|quoted|content, headline|body, sentence|paragraph",
    )
    types: list[str] = Field(default_factory=list, description="article types the rule runs on (untyped = news)")
    skip_types: list[str] = Field(default_factory=list, description="article types the rule never runs on")
    exceptions: list[str] = Field(default_factory=list, description="patterns whose match around a hit cancels it")
    link: str | None = Field(None, description="documentation page for this rule")
    why: str = Field("", description="why it matters (shown by `factlint explain`)")
    examples: list[PackExample] = Field(default_factory=list, description="texts that must fail and must pass")

    @model_validator(mode="after")
    def _one_term_per_dimension(self):
        for dimension in SCOPE_DIMENSIONS:
            chosen = [t for t in self.scope if t in dimension]
            if len(chosen) > 1:
                raise ValueError(f"scope: choose one of {', '.join(dimension)}, not {' and '.join(chosen)}")
        return self


class _Case(_Strict):
    ignore_case: bool = Field(True, description="match regardless of letter case")


class _Phrases(_Case):
    inflect: bool = Field(
        False, description="also match regular inflections (-s, -ed, -ing) of the first and last word"
    )


_Tokens = Annotated[list[Annotated[str, Field(pattern=r"\S")]], Field(min_length=1)]


class _Trigger(_Phrases):
    """A rule that looks for either literal phrases (`tokens`) or a regular expression (`pattern`)."""

    tokens: _Tokens | None = Field(None, description="phrases to find (whole words)")
    pattern: str | None = Field(
        None, min_length=1, description="regular expression (regex module; \\L<list> names a list)"
    )

    @model_validator(mode="after")
    def _tokens_or_pattern(self):
        if (self.tokens is None) == (self.pattern is None):
            raise ValueError("give exactly one of `tokens` (phrases) and `pattern` (a regular expression)")
        if self.inflect and self.pattern is not None:
            raise ValueError("`inflect` applies to `tokens`, not to a `pattern`")
        return self


class ExistenceRule(_Rule, _Phrases):
    kind: Literal["existence"]
    tokens: _Tokens = Field(description="phrases to flag (case-insensitive, whole words)")


class PatternRule(_Rule, _Case):
    kind: Literal["pattern"]
    pattern: str = Field(
        min_length=1, description="regular expression (regex module, VERSION1; \\L<list> names a list)"
    )


class SubstitutionRule(_Rule, _Phrases):
    kind: Literal["substitution"]
    swap: dict[Annotated[str, Field(pattern=r"\S")], str] = Field(
        min_length=1, description="phrase = suggestion: flag the phrase, suggest the wording"
    )


class OccurrenceRule(_Rule, _Trigger):
    kind: Literal["occurrence"]
    max: int | None = Field(None, ge=0, description="most uses allowed per document")
    max_per_1000_words: float | None = Field(None, gt=0, description="most uses allowed per 1,000 words")

    @model_validator(mode="after")
    def _one_limit(self):
        if (self.max is None) == (self.max_per_1000_words is None):
            raise ValueError("give exactly one of `max` and `max_per_1000_words`")
        return self


class ConditionalRule(_Rule, _Trigger):
    kind: Literal["conditional"]
    unless: str = Field(min_length=1, description="pattern that, found in the same sentence or paragraph, clears a hit")


class ConsistencyRule(_Rule, _Case):
    kind: Literal["consistency"]
    variants: list[Annotated[list[Annotated[str, Field(pattern=r"\S")]], Field(min_length=2)]] = Field(
        min_length=1, description="groups of spellings of one name, e.g. [[\"Kyiv\", \"Kiev\"]]"
    )
    prefer: Literal["majority", "first"] = Field(
        "majority", description="which spelling stands when the corpus mixes them: the most used, or the first listed"
    )


RULE_MODELS: dict[str, type[_Rule]] = {
    "existence": ExistenceRule, "pattern": PatternRule, "substitution": SubstitutionRule,
    "occurrence": OccurrenceRule, "conditional": ConditionalRule, "consistency": ConsistencyRule,
}
KINDS = tuple(RULE_MODELS)

RuleSpec = Annotated[
    ExistenceRule | PatternRule | SubstitutionRule | OccurrenceRule | ConditionalRule | ConsistencyRule,
    Field(discriminator="kind"),
]


class PackMeta(_Strict):
    name: str = Field(min_length=1, description="the pack's name (shown as plugin `pack:NAME`)")
    version: str = Field("0", description="the pack's version")
    description: str = Field("", description="what the pack is for")
    link: str | None = Field(None, description="the pack's home page or style guide")
    timeout: float = Field(
        0.2, gt=0, le=60, description="seconds a rule's patterns may run on one document per million characters"
    )


class Pack(_Strict):
    """A rule pack: metadata, named phrase lists, rules."""

    model_config = ConfigDict(extra="forbid", title="factlint rule pack")

    pack: PackMeta
    lists: dict[Annotated[str, Field(pattern=r"^\w+$")], list[str]] = Field(
        default_factory=dict, description="named phrase lists: \\L<name> in patterns; read by plugins with pack_lists()"
    )
    rules: list[RuleSpec] = Field(default_factory=list)


def json_schema() -> str:
    """The JSON Schema of a pack, as kept in docs/rule-pack.schema.json."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Pack.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
