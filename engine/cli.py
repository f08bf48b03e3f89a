"""The command line: check, extract, rules, explain (CONTRACT.md)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path

import click

from . import __version__
from .config import ConfigError, find_config, load_config
from .document import Document
from .heap import startup
from .loading import Source
from .models import severity_rank
from .registry import Registry


def _split(values: tuple[str, ...]) -> list[str]:
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


def _progress(items):
    if not sys.stderr.isatty():  # no bar to draw: tqdm is not even imported
        return items
    from tqdm import tqdm

    return tqdm(items, file=sys.stderr, delay=1.0, unit="doc", leave=False)


def _engine(config_path: str | None, cli: dict):
    from .pipeline import Engine

    registry = Registry(cli.get("disable_plugins") or ())
    path = Path(config_path) if config_path else find_config(Path.cwd())
    config = load_config(path, registry.default_config, cli)
    if config.disable_plugins and set(config.disable_plugins) - set(cli.get("disable_plugins") or ()):
        registry = Registry(config.disable_plugins)
    return Engine(config, registry)


def _executor(engine, name: str, scheduler: str | None):
    from .executors import make_executor

    if scheduler and name != "dask":
        _fail("--scheduler needs --executor dask")
    try:
        return make_executor(engine.config.jobs or os.cpu_count() or 1, name, scheduler)
    except ValueError as exc:
        _fail(str(exc))


def _cache(engine):
    from .cache import ResultCache, cache_folder

    return ResultCache(cache_folder(engine), engine)


def _fail(message: str) -> None:
    click.echo(f"factlint: {message}", err=True)
    sys.exit(2)


def _write(text: str | Iterable[str], output: str | None) -> None:
    """A formatter's output, whole or in pieces as they come."""
    pieces = (text,) if isinstance(text, str) else text
    if output in (None, "-"):
        for piece in pieces:
            click.echo(piece, nl=False)
    else:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            stream.writelines(pieces)


def _read_stdin(paths: tuple[str, ...]) -> bytes | None:
    return sys.stdin.buffer.read() if "-" in paths else None


class SourceTexts(Mapping):
    """Document id → text, read again from its source only when a formatter asks (the `html` report does).

    The run keeps no texts in memory; a file is re-read through the same loader,
    so offsets match, and each file is read at most once.
    """

    def __init__(self, engine, report, stdin: bytes | None, stdin_name: str | None):
        self._engine, self._report, self._stdin, self._stdin_name = engine, report, stdin, stdin_name or "-"
        self._texts: dict[str, str] = {}
        self._read: set[str] = set()

    @cached_property
    def _paths(self) -> dict[str, str]:
        return {d.id: d.path for d in self._report.documents if d.path and not d.error}

    def __getitem__(self, doc_id: str) -> str:
        path = self._paths[doc_id]
        if path not in self._read:
            self._read.add(path)
            data = self._stdin if path == self._stdin_name and self._stdin is not None else None
            source = Source(path, Path(path).suffix.lower(), data)
            self._texts.update((d.id, d.text) for d in self._engine.load(source) if isinstance(d, Document))
        return self._texts[doc_id]

    def __iter__(self):
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint")
def main() -> None:
    """factlint: numeric conflicts, vague sourcing and opinion in news text."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "formats", multiple=True, help="table|json|... (repeat with --output for several reports)")
@click.option("--output", "outputs", multiple=True, help="file for the report of the matching --format (default stdout)")
@click.option("--select", multiple=True, help="codes or families to run, comma-separated (e.g. NUM,SRC101)")
@click.option("--ignore", multiple=True, help="codes or families to skip, comma-separated")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), help="lowest severity that exits 1")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="configuration file")
@click.option("--stdin-filename", help="document id (and format, by suffix) for input read from '-'")
@click.option("--jobs", "-j", type=click.IntRange(min=0), help="worker processes (0 = one per core)")
@click.option("--table-format", default=None, help="tabulate format for the table report (github, grid, ...)")
@click.option("--baseline", type=click.Path(dir_okay=False), help="accepted findings to leave out of the report")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="write every finding of this run as the baseline")
@click.option("--diff", "diff_ref", metavar="REF", help="report only findings on lines changed since this git ref")
@click.option("--no-cache", is_flag=True, help="neither read nor write the result cache (.factlint_cache/)")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="where documents are checked: local processes (--jobs) or a Dask cluster")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address for --executor dask (tcp://host:8786)")
def check(paths, formats, outputs, select, ignore, fail_on, config_path, stdin_filename, jobs, table_format,
          baseline, write_baseline, diff_ref, no_cache, executor, scheduler) -> None:
    """Check a corpus (files, folders, or '-' for stdin; default: the current folder) and print the report."""
    paths = paths or (".",)
    if diff_ref and "-" in paths:
        _fail("--diff compares files with a git ref; it cannot be used with standard input")
    formats = formats or ("table",)
    if len(outputs) > len(formats):
        _fail("more --output than --format options")
    try:
        with startup():
            engine = _engine(config_path, {"select": _split(select), "ignore": _split(ignore), "fail_on": fail_on, "jobs": jobs})
            if executor == "local":  # here the documents are checked: build what is built lazily, with the rest of start-up
                engine.warm_up()
        unknown = [f for f in formats if f not in engine.registry.formatters]
        if unknown:
            _fail(f"unknown format {unknown[0]!r}; choose from {', '.join(sorted(engine.registry.formatters))}")
        changed = None
        if diff_ref:
            from .gitdiff import ChangedLines

            changed = ChangedLines(diff_ref, paths)
        runner = _executor(engine, executor, scheduler)
        cache = None if no_cache else _cache(engine)
        stdin = _read_stdin(paths)
        items = engine.inputs(paths, stdin, stdin_filename)
        try:
            report = engine.check(items, baseline=Path(baseline) if baseline else None, progress=_progress,
                                  executor=runner, cache=cache, stream=True)
        finally:
            if hasattr(runner, "close"):
                runner.close()
    except ConfigError as exc:
        _fail(str(exc))
    if write_baseline:
        from .pipeline import write_baseline as write

        write(report, Path(write_baseline))
    if changed is not None:
        from .gitdiff import restrict

        report.sections["diff"] = {"ref": diff_ref, "outside_diff": restrict(report, changed)}
    options = {"table_format": table_format, "rules": engine.rule_classes,
               "texts": SourceTexts(engine, report, stdin, stdin_filename)}
    for i, name in enumerate(formats):
        _write(engine.registry.formatters[name](report, options), outputs[i] if i < len(outputs) else None)
    threshold = severity_rank(engine.config.fail_on)
    sys.exit(1 if any(severity_rank(level) >= threshold for level in report.summary.findings) else 0)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--stdin-filename")
@click.option("--jobs", "-j", type=click.IntRange(min=0))
def extract(paths, fmt, config_path, stdin_filename, jobs) -> None:
    """Print the assertions the engine parsed: quantities, attributions, opinion cues, dates."""
    if not paths:
        _fail("no paths given (use '-' to read standard input)")
    try:
        with startup():
            engine = _engine(config_path, {"jobs": jobs})
            engine.warm_up()
        results = list(engine.extract(engine.inputs(paths, _read_stdin(paths), stdin_filename), progress=_progress))
    except ConfigError as exc:
        _fail(str(exc))
    if fmt == "json":
        docs = [{"id": r.summary.id, **({"error": r.summary.error} if r.summary.error else {}),
                 "assertions": [a.model_dump(mode="json") for a in r.assertions or []]} for r in results]
        click.echo(json.dumps({"documents": docs}, indent=2, ensure_ascii=False))
        return
    from tabulate import tabulate

    for r in results:
        click.echo(f"{r.summary.id}" + (f"  [error: {r.summary.error}]" if r.summary.error else ""))
        rows = [[a.kind, a.start, a.end, " ".join(a.text.split())[:50], _detail(a)] for a in r.assertions or []]
        if rows:
            click.echo(tabulate(rows, headers=["kind", "start", "end", "text", "reading"]))
        click.echo()


def _detail(a) -> str:
    if a.kind == "quantity":
        unit = f" {a.unit}" if a.unit else ""
        return f"[{a.low}, {a.high}]{unit} {a.noun or ''}".strip()
    if a.kind == "attribution":
        return f"{a.source_type}: {a.source or '-'} ({a.verb or '-'})"
    if a.kind == "opinion":
        return f"{a.cue} ({a.weight:g})"
    return str(a.value or "")


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--table-format", default="simple")
@click.option("--check", "check_path", type=click.Path(), help="validate a rule pack (file or folder) and run its examples")
def rules(config_path, table_format, check_path) -> None:
    """List every rule: code, name, default severity, plugin, summary (or, with --check, validate a pack)."""
    if check_path:
        from .packs import check_packs

        try:
            click.echo(check_packs(Path(check_path)))
        except ConfigError as exc:
            _fail(str(exc))
        return
    try:
        engine = _engine(config_path, {})
    except ConfigError as exc:
        _fail(str(exc))
    from tabulate import tabulate

    rows = [[c.code, c.name, c.severity.value, c.plugin, c.summary] for c in engine.rule_classes.values()]
    click.echo(tabulate(rows, headers=["code", "name", "severity", "plugin", "summary"], tablefmt=table_format))


@main.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(code, config_path) -> None:
    """Show a rule's documentation with its examples."""
    try:
        engine = _engine(config_path, {})
    except ConfigError as exc:
        _fail(str(exc))
    cls = engine.rule_classes.get(code.upper())
    if cls is None:
        _fail(f"no rule {code!r}; see `factlint rules`")
    click.echo(cls.page())
