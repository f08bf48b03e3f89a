"""Configuration: `[tool.factlint]` in pyproject.toml or a factlint.toml, found upward, or `--config`."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .locate import KeyLines
from .models import Severity

FailOn = Literal["error", "warning", "info", "never"]


class ConfigError(Exception):
    """A configuration or rule-pack problem; the CLI exits 2 with this message."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Override(_Strict):
    """Settings for documents whose id or path matches one of `paths` (glob patterns)."""

    paths: list[str]
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)

    def applies(self, name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(name, f"*/{pattern}") for pattern in self.paths)


class Config(_Strict):
    select: list[str] = Field(default_factory=list, description="codes or prefixes to run; empty: all")
    ignore: list[str] = Field(default_factory=list, description="codes or prefixes to skip")
    fail_on: FailOn = "warning"
    severity: dict[str, Severity] = Field(default_factory=dict, description="per-code severity")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict, description="per-code rule options")
    overrides: list[Override] = Field(default_factory=list)
    rule_packs: list[str] = Field(default_factory=list, description="extra TOML rule packs (files or folders)")
    disable_plugins: list[str] = Field(default_factory=list)
    jobs: int = Field(1, ge=0, description="worker processes; 0 = one per core")
    max_chars: int = Field(5_000_000, gt=0, description="documents longer than this are reported, not checked")
    base: Path | None = Field(None, exclude=True)


def deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def find_config(start: Path) -> Path | None:
    """The nearest factlint.toml, or pyproject.toml with `[tool.factlint]`, at or above `start`."""
    for folder in [start, *start.parents]:
        candidate = folder / "factlint.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "factlint" in tomllib.loads(candidate.read_text("utf-8")).get("tool", {}):
                    return candidate
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
    return None


def format_errors(exc: ValidationError, file: str, text: str, prefix: tuple = ()) -> str:
    """One line per validation error: file:line: key: message."""
    keys = KeyLines(text)
    lines = []
    for err in exc.errors():
        loc = err["loc"]
        line = keys.line((*prefix, *loc))
        where = f"{file}:{line}" if line else file
        lines.append(f"{where}: {'.'.join(str(p) for p in loc)}: {err['msg']}")
    return "\n".join(lines)


def read_config_file(path: Path) -> tuple[dict[str, Any], str]:
    """The factlint table of a config file and its text; ConfigError when unreadable."""
    try:
        text = path.read_text("utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factlint", {})
    return data, text


def load_config(path: Path | None, defaults: dict[str, Any], cli: dict[str, Any]) -> Config:
    """Defaults from plugins, then the file, then command-line settings (which win)."""
    data, text, file, prefix = {}, "", "<defaults>", ()
    if path is not None:
        data, text = read_config_file(path)
        file = str(path)
        prefix = ("tool", "factlint") if path.name == "pyproject.toml" else ()
    merged = deep_merge(deep_merge(defaults, data), {k: v for k, v in cli.items() if v not in (None, [], ())})
    try:
        config = Config.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(format_errors(exc, file, text, prefix)) from exc
    config.base = path.parent if path else None
    return config
