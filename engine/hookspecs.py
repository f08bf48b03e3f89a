"""The factlint hook specifications: everything a plugin can provide.

Built-in checks use exactly these hooks. A plugin is a module or object with
functions named like the stubs below, decorated with `factlint.hookimpl`, and
registered under the entry-point group `factlint`. Every hook is called with
keyword arguments only; a plugin may accept fewer arguments than the stub names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .document import Document
    from .loading import LoadError, Source
    from .models import Assertion, Report
    from .rule import Rule

hookspec = pluggy.HookspecMarker("factlint")
hookimpl = pluggy.HookimplMarker("factlint")

Loader = Callable[["Source"], Iterable["Document | LoadError"]]
Extractor = Callable[["Document"], Iterable["Assertion"]]
Formatter = Callable[["Report", dict[str, Any]], "str | Iterable[str]"]


@hookspec
def factlint_loaders() -> dict[str, Loader]:
    """Input loaders by file suffix.

    Called once when the engine starts. Return a mapping from a lower-case
    suffix with its dot (``".md"``) to a loader: a callable that takes a
    `Source` and yields `Document` objects (one per article; a JSON Lines file
    yields many) or `LoadError` objects for what it could not read. A loader
    never raises for bad input. Later plugins override earlier ones for the
    same suffix; built-ins come first. Not firstresult: all mappings are merged.
    """


@hookspec
def factlint_extractors() -> list[Extractor]:
    """Assertion extractors.

    Called once when the engine starts. Return callables that take a segmented
    `Document` and yield assertions (`Quantity`, `Attribution`, `OpinionCue`,
    `DateMention`) whose offsets point into `document.text`. Extractors run in
    plugin registration order, so one may read `document.assertions` left by an
    earlier one. Not firstresult: all lists are concatenated.
    """


@hookspec
def factlint_rules() -> list[type[Rule]]:
    """Rule classes.

    Called once when the engine starts. Return `Rule` subclasses (document
    rules) and `CorpusRule` subclasses (cross-document rules). Each class
    carries its code, name, default severity, summary, documentation,
    examples and `Options` model. Codes must be unique across all plugins.
    Not firstresult: all lists are concatenated.
    """


@hookspec
def factlint_rule_pack_paths() -> list[Path]:
    """Declarative rule packs shipped by a plugin.

    Called once when the engine starts. Return paths of TOML rule-pack files
    or of directories holding them (`*.toml`, not recursed). Packs named in
    the configuration's `rule_packs` are added after these. Not firstresult.
    """


@hookspec
def factlint_formatters() -> dict[str, Formatter]:
    """Report formatters by `--format` name.

    Called once when the engine starts. Return a mapping from a format name
    (``"json"``) to a callable ``formatter(report, options)`` returning the text,
    or an iterable of its pieces (the command line writes them as they come, so
    a report of any size streams: yield per document or finding), where
    `options` holds the command line's settings (``table_format``), ``rules``
    (the run's rule classes by code) and ``texts`` (document id → text, read
    lazily); callers of the Python API may pass any of them or none, so a
    formatter must work without them. Later plugins override earlier ones for
    the same name. Not firstresult: all mappings are merged.
    """


@hookspec
def factlint_default_config() -> dict[str, Any]:
    """Default configuration contributed by a plugin.

    Called once before the user's configuration is read. Return a partial
    configuration (the keys of `[tool.factlint]`); it is merged under the
    user's settings, which always win. Not firstresult: results are merged in
    registration order.
    """
