"""The built-in rule packs: every `*.toml` in the `rules/` folder."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from factlint import hookimpl


def builtin_pack_dir() -> Path:
    return Path(str(files("factlint.rules")))


@hookimpl
def factlint_rule_pack_paths():
    return [builtin_pack_dir()]
