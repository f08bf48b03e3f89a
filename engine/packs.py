"""Declarative rule packs: TOML files whose rules become `Rule` classes.

Minimal core: `existence` (phrase lists) and `pattern` (regex) rules, scoped to
the writer's own words or to all content. See docs/rule-packs.md.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .config import ConfigError, format_errors
from .document import Document
from .models import Severity
from .rule import Example, Rule


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PackExample(_Strict):
    text: str
    fails: bool


class PackRule(_Strict):
    code: str = Field(pattern=r"^[A-Z]{2,8}\d{3}$")
    name: str
    kind: Literal["existence", "pattern"]
    summary: str
    message: str = "{match}"
    severity: Severity = Severity.warning
    scope: Literal["content", "unquoted"] = "unquoted"
    tokens: list[str] = Field(default_factory=list)
    pattern: str | None = None
    why: str = ""
    examples: list[PackExample] = Field(default_factory=list)


class PackMeta(_Strict):
    name: str
    version: str = "0"
    description: str = ""
    link: str | None = None


class Pack(_Strict):
    pack: PackMeta
    lists: dict[str, list[str]] = Field(default_factory=dict, description="named phrase lists, `\\L<name>` in patterns")
    rules: list[PackRule] = Field(default_factory=list)


def read_pack(file: Path) -> Pack:
    """A validated pack; ConfigError naming the file (and line, where it can) when it is not one."""
    try:
        text = file.read_text("utf-8")
        return Pack.model_validate(tomllib.loads(text))
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read rule pack: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: invalid TOML: {exc}") from exc
    except ValidationError as exc:
        raise ConfigError(format_errors(exc, str(file), text)) from exc


def pack_lists(file: Path) -> dict[str, list[str]]:
    """The named lists of a pack: how Python plugins share word lists kept in `rules/`."""
    return read_pack(file).lists


def _compile(rule: PackRule, lists: dict[str, list[str]]) -> regex.Pattern:
    if rule.kind == "existence":
        return regex.compile(r"\b\L<tokens>\b", regex.IGNORECASE, tokens=rule.tokens)
    return regex.compile(rule.pattern or "", regex.IGNORECASE | regex.V1, **lists)


def rule_class(spec: PackRule, pack: PackMeta, lists: dict[str, list[str]]) -> type[Rule]:
    compiled = _compile(spec, lists)

    def check(self, doc: Document):
        view = doc.unquoted if spec.scope == "unquoted" else doc.content
        for m in compiled.finditer(view):
            if m.end() > m.start():
                yield self.finding(doc, m.start(), m.end(), spec.message.format(match=doc.text[m.start() : m.end()]))

    doc = f"{spec.summary}\n\n## What it flags\n\n{spec.summary}\n\n## Why it matters\n\n{spec.why or spec.summary}"
    return type(
        f"Pack_{spec.code}",
        (Rule,),
        {
            "__doc__": doc, "code": spec.code, "name": spec.name, "summary": spec.summary,
            "severity": spec.severity, "plugin": f"pack:{pack.name}",
            "examples": tuple(Example(e.text, e.fails) for e in spec.examples), "check": check,
        },
    )


def load_packs(path: Path) -> list[type[Rule]]:
    """Rule classes of a pack file, or of every `*.toml` in a folder."""
    files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
    classes: list[type[Rule]] = []
    for file in files:
        pack = read_pack(file)
        for spec in pack.rules:
            try:
                classes.append(rule_class(spec, pack.pack, pack.lists))
            except regex.error as exc:
                raise ConfigError(f"{file}: rule {spec.code}: pattern does not compile: {exc}") from exc
    return classes

