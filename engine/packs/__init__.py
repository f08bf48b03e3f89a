"""Declarative rule packs: TOML files whose rules become `Rule` classes (docs/rule-packs.md).

`schema` holds the pydantic models (and makes the JSON Schema), `locate` finds
the line of every key for error messages, `match` the phrase tries, patterns,
scopes and time budgets, `kinds` one class per rule kind, `inflect` regular
English inflections.
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from pydantic import BaseModel, ValidationError

from ..config import ConfigError
from ..rule import Rule
from .kinds import PackProblem, PackRule, build
from ..locate import KeyLines
from .match import PhraseIndex
from .schema import KINDS, RULE_MODELS, Pack, PackExample, PackMeta

__all__ = ["Pack", "PackRule", "check_packs", "load_packs", "pack_lists", "read_pack"]

_TOML_AT = regex.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)$")


@dataclass
class _Source:
    """A pack file's key positions and rule codes, for naming the place of a problem."""

    path: Path
    text: str
    codes: list[str | None]

    @functools.cached_property
    def lines(self) -> KeyLines:  # built when a place is named: most packs are read without
        return KeyLines(self.text)

    def where(self, key: tuple[str | int, ...]) -> str:
        """`file:line` of a key (of its nearest enclosing key that has one; line 1 for a missing top-level key)."""
        return f"{self.path}:{self.lines.line(key) or 1}"

    def label(self, key: tuple[str | int, ...]) -> str:
        """`rules[2] (HOUSE003).examples[0]`: a key path as a reader finds it in the file."""
        out = ""
        for i, part in enumerate(key):
            if isinstance(part, int):
                out += f"[{part}]"
                if key[:i] == ("rules",) and part < len(self.codes) and self.codes[part]:
                    out += f" ({self.codes[part]})"
            else:
                out += f".{part}" if out else str(part)
        return out or "(top level)"

    def at(self, key: tuple[str | int, ...]) -> str:
        return f"{self.where(key)}: {self.label(key)}"


# --- reading ----------------------------------------------------------------------------------


def read_pack(file: Path) -> Pack:
    """A validated pack; ConfigError naming file, line and key of every problem when it is not one."""
    pack, source = _read(Path(file))
    problems = _duplicates(pack, source)
    if problems:
        raise ConfigError("\n".join(problems.values()))
    return pack


def pack_lists(file: Path) -> dict[str, list[str]]:
    """The named lists of a pack: how Python plugins share word lists kept in `rules/`."""
    return read_pack(file).lists


def _read(file: Path) -> tuple[Pack, _Source]:
    try:
        stat = file.stat()
        text, data = _parse(file, stat.st_mtime_ns, stat.st_size)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read rule pack: {getattr(exc, 'strerror', None) or exc}") from exc
    except _BadToml as bad:
        text, exc = bad.args
        found = _TOML_AT.search(str(exc))
        at = f"{found.group(1)}:{found.group(2)}" if found and found.group(1) else text.rstrip().count("\n") + 1
        where = f"{file}:{at}"
        raise ConfigError(f"{where}: invalid TOML: {_TOML_AT.sub('', str(exc))}") from exc
    rules = data.get("rules") if isinstance(data.get("rules"), list) else []
    source = _Source(file, text, [r.get("code") if isinstance(r, dict) else None for r in rules])
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        raise ConfigError("\n".join(_schema_problems(exc, source, data))) from exc
    return pack, source


class _BadToml(Exception):
    """A pack's text and its TOML error."""


@functools.lru_cache(maxsize=64)
def _parse(file: Path, mtime_ns: int, size: int) -> tuple[str, dict[str, Any]]:
    """A pack file's text and TOML data, parsed once per version of the file (plugins and the
    engine read the same packs at start-up). Callers validate the data into new models."""
    text = file.read_text("utf-8")
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _BadToml(text, exc) from exc


def _duplicates(pack: Pack, source: _Source) -> dict[int, str]:
    """Problems by rule index: codes used a second time in the pack."""
    seen: set[str] = set()
    problems = {}
    for i, rule in enumerate(pack.rules):
        if rule.code in seen:
            problems[i] = f"{source.at(('rules', i, 'code'))}: code {rule.code} is used twice in this pack"
        seen.add(rule.code)
    return problems


def _schema_problems(exc: ValidationError, source: _Source, data: dict[str, Any]) -> list[str]:
    out = []
    for err in exc.errors():
        loc = list(err["loc"])
        if len(loc) >= 3 and loc[0] == "rules" and loc[2] in KINDS:
            del loc[2]  # the union's tag: the rule's kind
        if err["type"] == "union_tag_invalid":
            loc.append("kind")
        out.append(f"{source.at(tuple(loc))}: {_explain(err, tuple(loc), data)}")
    return out


def _model_at(path: tuple, data: dict[str, Any]) -> type[BaseModel] | None:
    """The schema model that holds the key at `path` (for naming the keys it allows)."""
    parent = path[:-1]
    if parent == ():
        return Pack
    if parent == ("pack",):
        return PackMeta
    rules = data.get("rules")
    if len(parent) >= 2 and parent[0] == "rules" and isinstance(rules, list) and isinstance(rules[parent[1]], dict):
        if len(parent) == 2:
            return RULE_MODELS.get(rules[parent[1]].get("kind"))
        if len(parent) == 4 and parent[2] == "examples":
            return PackExample
    return None


def _explain(err: dict[str, Any], path: tuple, data: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        model = _model_at(path, data)
        if model is None:
            return "unknown key"
        allowed = sorted(model.model_fields)
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        hint = f"; did you mean `{close[0]}`?" if close else f"; allowed: {', '.join(allowed)}"
        owner = f" for kind `{data['rules'][path[1]].get('kind')}`" if model in RULE_MODELS.values() else ""
        return f"unknown key{owner}{hint}"
    if kind == "union_tag_not_found":
        return f"key `kind` is missing: one of {', '.join(KINDS)}"
    if kind == "union_tag_invalid":
        return f"{err['input'].get('kind')!r} is not one of {', '.join(KINDS)}"
    message = err["msg"].removeprefix("Value error, ")
    value = err.get("input")
    if kind != "value_error" and isinstance(value, str | int | float | bool) and len(repr(value)) < 60:
        message += f" (got {value!r})"
    return message


# --- loading -----------------------------------------------------------------------------------


def _files(path: Path) -> list[Path]:
    return sorted(path.glob("*.toml")) if path.is_dir() else [path]


def load_packs(path: Path) -> list[type[Rule]]:
    """Rule classes of a pack file, or of every `*.toml` in a folder (their phrases share matchers).

    Compiled once per process for files that have not changed since.
    """
    files = _files(Path(path))
    try:
        signature = tuple((str(f.resolve()), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read rule pack: {exc.strerror}") from exc
    return list(_load(tuple(files), signature))


@functools.lru_cache(maxsize=64)
def _load(files: tuple[Path, ...], signature: tuple) -> tuple[type[Rule], ...]:
    indexes: dict[bool, PhraseIndex] = {}
    classes, problems = [], []
    for pack, source in [_read(f) for f in files]:
        duplicates = _duplicates(pack, source)
        for i, spec in enumerate(pack.rules):
            if i in duplicates:
                problems.append(duplicates[i])
                continue
            try:
                cls = build(spec, pack.pack, pack.lists, indexes, source.where(("rules", i)))
            except PackProblem as exc:
                problems.append(f"{source.at(('rules', i, *exc.key))}: {exc}")
                continue
            cls.label = source.label(("rules", i))
            cls.example_sources = tuple(source.where(("rules", i, "examples", j)) for j in range(len(spec.examples)))
            classes.append(cls)
    if problems:
        raise ConfigError("\n".join(problems))
    for index in indexes.values():
        index.compile()
    return tuple(classes)


# --- checking a pack ----------------------------------------------------------------------------


def check_packs(path: Path) -> str:
    """Validate a pack (file or folder) and run every rule's examples through the engine.

    Returns a one-line summary; raises ConfigError listing every problem with its file:line.
    """
    from ..config import Config
    from ..document import Document
    from ..pipeline import Engine
    from ..registry import Registry

    path = Path(path)
    if not _files(path):
        raise ConfigError(f"{path}: no *.toml rule packs here")
    classes = load_packs(path)
    registry = Registry()
    shipped = {f.resolve() for _, p in registry.pack_paths for f in _files(p)}
    extra = [] if all(f.resolve() in shipped for f in _files(path)) else [str(path.resolve())]
    engine = Engine(Config(rule_packs=extra, select=[c.code for c in classes]), registry)
    problems = []
    examples = 0
    for cls in classes:
        if not (any(e.fails for e in cls.examples) and any(not e.fails for e in cls.examples)):
            problems.append(f"{cls.source}: {cls.label}.examples: "
                            "give at least one example that fails and one that passes")
        for j, example in enumerate(cls.examples):
            examples += 1
            docs = [Document(id="example", text=example.text, meta=dict(example.meta)),
                    *(Document(id=f"other-{n}", text=t) for n, t in enumerate(example.texts, 1))]
            findings = engine.check(docs).findings
            own = [f for f in findings if f.code == cls.code]
            failed = [f for f in findings if f.code.startswith("TXT9")]
            where = f"{cls.example_sources[j]}: {cls.label}.examples[{j}]"
            if failed:
                problems.append(f"{where}: {failed[0].message}")
            elif example.fails and not own:
                problems.append(f"{where}: should be flagged, but the rule found nothing")
            elif own and not example.fails:
                problems.append(f"{where}: should pass, but the rule flagged “{own[0].excerpt}”: {own[0].message}")
    if problems:
        raise ConfigError("\n".join(problems))
    return f"{path}: {len(_files(path))} pack(s), {len(classes)} rules, {examples} examples: valid, every example holds"
