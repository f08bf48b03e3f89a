"""The rule kinds: how a validated pack rule becomes a `Rule` class.

Each kind is a class here; `build` makes one subclass per pack rule, with the
rule's metadata, its compiled matchers and its generated documentation.
"""

from __future__ import annotations

import math
import string
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import regex

from ..document import Document
from ..models import Finding, Location
from ..rule import CorpusRule, Example, Rule
from . import inflect
from .match import Budget, PhraseIndex, Scope, compile_pattern, key, normalize, view
from .schema import PackMeta

_FORMATTER = string.Formatter()
_SHOWN = 40  # phrases listed in a rule's documentation


class PackProblem(Exception):
    """A pack rule that validates but cannot be built; `key` is the path of the offending key in the rule."""

    def __init__(self, key: tuple[str | int, ...], message: str):
        super().__init__(message)
        self.key = key


class Template:
    """A message template, checked against the fields its rule kind provides."""

    def __init__(self, text: str, names: dict[str, Any], groups: int = 0):
        try:
            fields = [f for _, f, _, _ in _FORMATTER.parse(text) if f is not None]
        except ValueError as exc:
            raise PackProblem(("message",), f"{exc}; write {{{{ and }}}} for literal braces") from exc
        for field in fields:
            if field.isdigit():
                if int(field) > groups:
                    raise PackProblem(("message",), f"{{{field}}}: the pattern has {groups} capture group(s)")
            elif field not in names:
                known = ", ".join(f"{{{n}}}" for n in sorted(names)) + (", {1}, {2}, ..." if groups else "")
                raise PackProblem(("message",), f"unknown placeholder {{{field}}}; this rule offers {known}")
        try:
            text.format(*["x"] * (groups + 1), **names)
        except (ValueError, TypeError, IndexError, KeyError) as exc:
            raise PackProblem(("message",), f"does not format: {exc}") from exc
        self.text = text

    def render(self, positional: tuple[str, ...] = (), **fields: Any) -> str:
        return self.text.format(*positional, **fields)


def match_case(suggestion: str, matched: str) -> str:
    """The suggestion in the letter case of the matched text (SLAMMED → CRITICIZED, Slammed → Criticized)."""
    if len(matched) > 1 and matched.isupper():
        return suggestion.upper()
    if matched[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _listing(items: list[str]) -> str:
    shown = ", ".join(f"“{i}”" for i in items[:_SHOWN])
    return shown + (f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else "")


# --- the base of every pack rule ------------------------------------------------------------


class PackRule(Rule):
    """Shared by every rule built from a pack: triggers, scope, exceptions, time budget."""

    spec: ClassVar[Any]
    scope: ClassVar[Scope]
    source: ClassVar[str]  # "file:line" of the rule, for messages
    label: ClassVar[str] = ""  # "rules[2] (HOUSE103)"
    example_sources: ClassVar[tuple[str, ...]] = ()  # "file:line" of each example
    timeout: ClassVar[float]
    template: ClassVar[Template]
    phrases: ClassVar[PhraseIndex | None] = None
    pattern: ClassVar[regex.Pattern | None] = None
    exceptions: ClassVar[tuple[regex.Pattern, ...]] = ()

    # --- building -------------------------------------------------------------------------
    @classmethod
    def fields(cls, spec) -> dict[str, Any]:
        """Placeholders the message template may use, with sample values for checking it."""
        names: dict[str, Any] = {"match": "x"}
        if getattr(spec, "tokens", None) is not None:
            names["phrase"] = "x"
        return names

    @classmethod
    def default_message(cls, spec) -> str:
        return spec.summary.replace("{", "{{").replace("}", "}}") + ": “{match}”"

    @classmethod
    def prepare(cls, spec, lists: dict[str, list[str]], indexes: dict[bool, PhraseIndex]) -> dict[str, Any]:
        """Compiled matchers for the class: its trigger (phrases or a pattern) and its exceptions."""
        attrs = cls.trigger(spec, lists, indexes)
        attrs["exceptions"] = tuple(_compile(e, lists, spec.ignore_case, ("exceptions", i))
                                    for i, e in enumerate(spec.exceptions))
        return attrs

    @classmethod
    def trigger(cls, spec, lists: dict[str, list[str]], indexes: dict[bool, PhraseIndex]) -> dict[str, Any]:
        if getattr(spec, "pattern", None) is not None:
            return {"pattern": _compile(spec.pattern, lists, spec.ignore_case, ("pattern",))}
        index = _index(indexes, spec)
        for phrase in spec.tokens:
            cls.add_phrase(index, spec, normalize(phrase), None)
        return {"phrases": index}

    @staticmethod
    def add_phrase(index: PhraseIndex, spec, phrase: str, suggestion: str | None) -> None:
        forms = inflect.variants(phrase) if getattr(spec, "inflect", False) else {phrase: None}
        for spelling, form in forms.items():
            index.add(spec.code, spelling, (phrase, suggestion, form))

    @classmethod
    def what_it_flags(cls, spec) -> str:
        if getattr(spec, "tokens", None) is not None:
            inflected = ", and their regular inflections" if spec.inflect else ""
            return f"The phrases {_listing(spec.tokens)}{inflected}."
        return f"Matches of the pattern `{spec.pattern}`."

    @classmethod
    def page(cls) -> str:
        """The rule's page, and for examples checked with other articles, those articles too."""
        corpora = [ex for ex in cls.examples if ex.texts]
        if not corpora:
            return super().page()
        lines = ["", "## Examples checked with other articles", ""]
        for ex in corpora:
            lines += [("Flagged: " if ex.fails else "Not flagged: ") + f"“{ex.text}” in a corpus with", "",
                      *(f"    {t}" for t in ex.texts), ""]
        return super().page() + "\n".join(lines).rstrip() + "\n"

    # --- checking -------------------------------------------------------------------------
    def check(self, doc: Document) -> Iterator[Finding]:
        if not self.scope.applies(doc):
            return
        budget = Budget(self.timeout, len(doc.text))
        try:
            hits = self.hits(doc, budget)
            if hits:
                yield from self.findings(doc, hits, budget)
        except TimeoutError:
            yield self.timed_out(doc, budget)

    def findings(self, doc: Document, hits: list[tuple], budget: Budget) -> Iterator[Finding]:
        for start, end, _, fields, groups in hits:
            yield self.finding(doc, start, end, self.template.render(groups, **fields))

    def hits(self, doc: Document, budget: Budget) -> list[tuple[int, int, tuple[int, int], dict[str, Any], tuple]]:
        """(start, end, unit span, message fields, positional groups) of each hit in scope, exceptions removed."""
        out = []
        excepted: dict[tuple[int, int], list[tuple[int, int]]] = {}  # unit → spans the exceptions match there
        for start, end, fields, groups in self.raw_hits(doc, budget):
            unit = self.scope.unit_of(doc, start, end)
            if unit is None:
                continue
            if self.exceptions:
                if unit not in excepted:
                    excepted[unit] = [m.span() for p in self.exceptions
                                      for m in p.finditer(doc.content, *unit, overlapped=True, timeout=budget.left())]
                if any(s <= start and end <= e for s, e in excepted[unit]):
                    continue
            out.append((start, end, unit, fields, groups))
        return out

    def raw_hits(self, doc: Document, budget: Budget) -> Iterator[tuple[int, int, dict[str, Any], tuple]]:
        if self.phrases is not None:
            for start, end, (phrase, suggestion, form) in self.phrases.hits(doc).get(self.code, ()):
                if not self.scope.sees(doc, start, end):
                    continue
                fields = {"match": normalize(doc.text[start:end]), "phrase": phrase}
                if suggestion is not None:
                    fields["suggestion"] = match_case(inflect.apply(suggestion, form), doc.text[start:end])
                yield start, end, fields, (fields["match"],)
        else:
            assert self.pattern is not None
            for m in self.pattern.finditer(view(doc, self.scope.view), timeout=budget.left()):
                if m.end() > m.start():
                    match = normalize(doc.text[m.start() : m.end()])
                    groups = tuple(g or "" for g in m.groups())
                    named = {k: v or "" for k, v in m.groupdict().items()}
                    yield m.start(), m.end(), {**named, "match": match}, (match, *groups)

    def timed_out(self, doc: Document, budget: Budget) -> Finding:
        from ..plugins.text import RuleError

        return RuleError().finding(doc, 0, 0, self.timeout_message(budget))

    def timeout_message(self, budget: Budget) -> str:
        return (f"rule {self.code} ({self.name}, {self.source}) was stopped after {budget.limit:g} s on this document "
                "and its findings here are missing: simplify its patterns (nested repeats such as (a+)+ "
                "backtrack without end) or raise the pack's `timeout`")


def _index(indexes: dict[bool, PhraseIndex], spec) -> PhraseIndex:
    return indexes.setdefault(spec.ignore_case, PhraseIndex(spec.ignore_case))


def _compile(pattern: str, lists: dict[str, list[str]], ignore_case: bool, key: tuple[str | int, ...]) -> regex.Pattern:
    try:
        return compile_pattern(pattern, lists, ignore_case)
    except KeyError as exc:
        raise PackProblem(key, f"\\L<{exc.args[0]}> names no list in [lists]") from exc
    except regex.error as exc:
        raise PackProblem(key, f"pattern does not compile: {exc}") from exc


# --- the kinds ---------------------------------------------------------------------------------


class ExistenceKind(PackRule):
    pass


class PatternKind(PackRule):
    @classmethod
    def fields(cls, spec) -> dict[str, Any]:
        return {"match": "x"}


class SubstitutionKind(PackRule):
    @classmethod
    def fields(cls, spec) -> dict[str, Any]:
        return {"match": "x", "phrase": "x", "suggestion": "x"}

    @classmethod
    def default_message(cls, spec) -> str:
        return "use “{suggestion}” instead of “{match}”"

    @classmethod
    def trigger(cls, spec, lists, indexes) -> dict[str, Any]:
        index = _index(indexes, spec)
        for phrase, suggestion in spec.swap.items():
            cls.add_phrase(index, spec, normalize(phrase), suggestion)
        return {"phrases": index}

    @classmethod
    def what_it_flags(cls, spec) -> str:
        pairs = [f"“{p}” → “{s}”" for p, s in spec.swap.items()]
        shown = "; ".join(pairs[:_SHOWN]) + (f"; and {len(pairs) - _SHOWN} more" if len(pairs) > _SHOWN else "")
        extra = " Regular inflections are matched too, and the suggestion is inflected alike." if spec.inflect else ""
        return f"These phrases, with the wording to use instead: {shown}.{extra}"

    def findings(self, doc, hits, budget):
        for start, end, _, fields, groups in hits:
            if key(fields["suggestion"], self.spec.ignore_case) != key(fields["match"], self.spec.ignore_case):
                message = self.template.render(groups, **fields)
                yield self.finding(doc, start, end, message, fix=fields["suggestion"])


class OccurrenceKind(PackRule):
    @classmethod
    def fields(cls, spec) -> dict[str, Any]:
        return {**super().fields(spec), "count": 1, "limit": 1, "words": 1}

    @classmethod
    def default_message(cls, spec) -> str:
        return spec.summary.replace("{", "{{").replace("}", "}}") + ": used {count} times here, more than {limit}"

    @classmethod
    def what_it_flags(cls, spec) -> str:
        limit = (f"more than {spec.max} per document" if spec.max is not None else
                 f"more than {spec.max_per_1000_words:g} per 1,000 words (a document shorter than 1,000 words "
                 f"may have {spec.max_per_1000_words:g})")
        return f"{super().what_it_flags(spec)[:-1]}, used {limit}. The finding sits on the first use over the limit."

    def limit(self, doc: Document) -> float:
        if self.spec.max is not None:
            return self.spec.max
        return self.spec.max_per_1000_words * max(doc.words, 1000) / 1000

    def findings(self, doc, hits, budget):
        allowed = self.limit(doc)
        if len(hits) <= allowed:
            return
        start, end, _, fields, groups = hits[math.floor(allowed)]
        limit = int(allowed) if float(allowed).is_integer() else round(allowed, 1)
        message = self.template.render(groups, **fields, count=len(hits), limit=limit, words=doc.words)
        related = [doc.location(s, e) for s, e, *_ in hits if s != start]
        yield self.finding(doc, start, end, message, related=related)


class ConditionalKind(PackRule):
    unless: ClassVar[regex.Pattern]

    @classmethod
    def prepare(cls, spec, lists, indexes) -> dict[str, Any]:
        unless = _compile(spec.unless, lists, spec.ignore_case, ("unless",))
        return {**super().prepare(spec, lists, indexes), "unless": unless}

    @classmethod
    def what_it_flags(cls, spec) -> str:
        unit = Scope.of(spec.scope, [], []).unit
        return f"{super().what_it_flags(spec)[:-1]}, in a {unit} with no match of `{spec.unless}`."

    def findings(self, doc, hits, budget):
        cleared: dict[tuple[int, int], bool] = {}
        for start, end, unit, fields, groups in hits:
            if unit not in cleared:
                cleared[unit] = self.unless.search(doc.content, *unit, timeout=budget.left()) is not None
            if not cleared[unit]:
                yield self.finding(doc, start, end, self.template.render(groups, **fields))


class ConsistencyKind(PackRule, CorpusRule):
    """Spellings of one name across the corpus: records per document, findings once."""

    @classmethod
    def fields(cls, spec) -> dict[str, Any]:
        return {"match": "x", "suggestion": "x", "count": 1, "variants": "x"}

    @classmethod
    def default_message(cls, spec) -> str:
        return "“{match}” here, but “{suggestion}” elsewhere in the corpus ({variants}): use one spelling"

    @classmethod
    def trigger(cls, spec, lists, indexes) -> dict[str, Any]:
        index = _index(indexes, spec)
        for group, spellings in enumerate(spec.variants):
            for n, spelling in enumerate(spellings):
                index.add(spec.code, normalize(spelling), (group, n, None))
        return {"phrases": index}

    @classmethod
    def what_it_flags(cls, spec) -> str:
        groups = "; ".join(" / ".join(f"“{s}”" for s in g) for g in spec.variants)
        which = ("every spelling but the first listed" if spec.prefer == "first"
                 else "the spelling used less often (on a tie, the one listed later)")
        return (f"One name spelled more than one way across the corpus: {groups}. When the corpus mixes the "
                f"spellings of a name, {which} is flagged, once per document, with the other spelling as related.")

    def raw_hits(self, doc, budget):
        assert self.phrases is not None
        for start, end, payload in self.phrases.hits(doc).get(self.code, ()):
            if not self.scope.sees(doc, start, end):
                continue
            match = normalize(doc.text[start:end])
            yield start, end, {"match": match, "spelling": payload[:2]}, (match,)

    def collect(self, doc: Document) -> list[tuple]:
        """(group, spelling index, uses, first use) per spelling used; ("timeout", message, place) if stopped."""
        if not self.scope.applies(doc):
            return []
        budget = Budget(self.timeout, len(doc.text))
        try:
            hits = self.hits(doc, budget)
        except TimeoutError:
            return [("timeout", self.timeout_message(budget), doc.location(0, 0))]
        uses: dict[tuple[int, int], list] = {}
        for start, end, _, fields, _ in hits:
            entry = uses.setdefault(fields["spelling"], [0, doc.location(start, end)])
            entry[0] += 1
        return [(g, n, count, loc) for (g, n), (count, loc) in sorted(uses.items())]

    def finish(self, records: list[tuple]) -> Iterator[Finding]:
        from ..plugins.text import RuleError

        totals: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        first: dict[tuple[int, int], Location] = {}
        by_doc: dict[tuple[str, int, int], Location] = {}
        for record in records:
            if record[0] == "timeout":
                yield RuleError().finding_at(record[2], record[1])
                continue
            group, n, count, loc = record
            totals[group][n] += count
            first.setdefault((group, n), loc)
            by_doc[(loc.document, group, n)] = loc
        for record in records:
            if record[0] == "timeout":
                continue
            group, n, count, loc = record
            used = totals[group]
            if len(used) < 2:
                continue
            spellings = self.spec.variants[group]
            preferred = 0 if self.spec.prefer == "first" else max(used, key=lambda s: (used[s], -s))
            if n == preferred:
                continue
            related = by_doc.get((loc.document, group, preferred)) or first.get((group, preferred))
            variants = ", ".join(f"“{spellings[s]}” ×{used[s]}" for s in sorted(used, key=lambda s: (-used[s], s)))
            message = self.template.render((loc.excerpt,), match=loc.excerpt, suggestion=spellings[preferred],
                                           count=count, variants=variants)
            yield self.finding_at(loc, message, related=[related] if related else [])


KIND_CLASSES: dict[str, type[PackRule]] = {
    "existence": ExistenceKind, "pattern": PatternKind, "substitution": SubstitutionKind,
    "occurrence": OccurrenceKind, "conditional": ConditionalKind, "consistency": ConsistencyKind,
}


def build(spec, meta: PackMeta, lists: dict[str, list[str]], indexes: dict[bool, PhraseIndex],
          source: str) -> type[PackRule]:
    """The Rule class of one pack rule; PackProblem when a pattern or the message template is wrong."""
    kind = KIND_CLASSES[spec.kind]
    attrs = kind.prepare(spec, lists, indexes)
    groups = attrs["pattern"].groups if attrs.get("pattern") is not None else 0
    names = {**kind.fields(spec), **({n: "x" for n in attrs["pattern"].groupindex} if groups else {})}
    template = Template(spec.message if spec.message is not None else kind.default_message(spec), names, groups)
    scope = Scope.of(spec.scope, spec.types, spec.skip_types)
    return type(f"Pack_{spec.code}", (kind,), {
        **attrs, "__doc__": documentation(kind, spec, meta, scope, Path(source).name), "__module__": __name__,
        "code": spec.code, "name": spec.name, "summary": spec.summary, "severity": spec.severity,
        "plugin": f"pack:{meta.name}", "spec": spec, "scope": scope, "source": source,
        "timeout": meta.timeout, "template": template,
        "examples": tuple(Example(e.text, e.fails, tuple(e.texts), dict(e.meta)) for e in spec.examples),
    })


def documentation(kind: type[PackRule], spec, meta: PackMeta, scope: Scope, source: str) -> str:
    """The rule's page for `factlint explain`: what it flags, where, why, and where to read more.

    `source` is the pack's file name and the rule's line, without the folder, so the page reads the same on
    every machine (docs/rules.md is made from these pages).
    """
    lines = ["## What it flags", "", kind.what_it_flags(spec), "", f"Where: {scope.describe()}."]
    if spec.exceptions:
        lines.append("Not flagged where any of these patterns covers the match: "
                     + ", ".join(f"`{e}`" for e in spec.exceptions) + ".")
    if spec.ignore_case is False:
        lines.append("Letter case must match.")
    lines += ["", "## Why it matters", "", spec.why or spec.summary, ""]
    if spec.link:
        lines.append(f"Read more: {spec.link}")
    pack = f"Rule pack: {meta.name} {meta.version} ({source})"
    lines.append(pack + (f", {meta.link}" if meta.link else ""))
    return "\n".join(lines)
