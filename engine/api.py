"""The Python API, for a CMS hook or a notebook."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .config import Config, find_config, load_config
from .document import Document
from .models import Report


def make_config(config: Config | Mapping[str, Any] | str | Path | None = None) -> Config:
    """A `Config` from an object, a mapping of `[tool.factlint]` keys, a file, or the nearest config file."""
    from .registry import Registry

    if isinstance(config, Config):
        return config
    defaults = Registry(()).default_config
    if isinstance(config, Mapping):
        return load_config(None, defaults, dict(config))
    path = Path(config) if config is not None else find_config(Path.cwd())
    return load_config(path, defaults, {})


def check_paths(paths: Iterable[str | Path], config: Config | Mapping[str, Any] | str | Path | None = None) -> Report:
    """Check files and folders; returns the report model (see `Report.to_json_dict`)."""
    from .pipeline import Engine

    engine = Engine(make_config(config))
    return engine.check(engine.inputs([str(p) for p in paths]))


def check_texts(texts: Mapping[str, str] | Iterable[str], config: Config | Mapping[str, Any] | str | Path | None = None,
                meta: Mapping[str, Mapping[str, Any]] | None = None) -> Report:
    """Check in-memory articles: a mapping of id to text (or a list: ids are `text-1`, `text-2`, ...).

    `meta` maps an id to its metadata (`title`, `date`, `type`, ...).
    """
    from .pipeline import Engine

    items = texts.items() if isinstance(texts, Mapping) else ((f"text-{i}", t) for i, t in enumerate(texts, 1))
    meta = meta or {}
    docs = [Document(id=str(i), text=t, meta=dict(meta.get(str(i), {}))) for i, t in items]
    return Engine(make_config(config)).check(docs)
