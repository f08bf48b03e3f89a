"""Where the per-document work runs: in this process, in a local process pool, or on Dask.

Every executor takes numbered items (`(index, Document | LoadError)`) and
yields `DocResult`s in input order. Work travels in partitions: a list of
documents goes out, a list of compact results (no text) comes back. At most
`window` partitions per worker are in flight, so a corpus of any size streams
through in bounded memory.
"""

from __future__ import annotations

import inspect
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import Document
    from .loading import LoadError
    from .pipeline import DocResult, Engine

Numbered = tuple[int, "Document | LoadError"]

PARTITION_DOCS = 64  # documents per partition, at most
PARTITION_CHARS = 1 << 19  # characters of text per partition, at most (~512k)


def partitions(items: Iterable[Numbered], docs: int = PARTITION_DOCS, chars: int = PARTITION_CHARS) -> Iterator[list[Numbered]]:
    """Consecutive runs of items, cut at `docs` documents or `chars` characters of text."""
    batch: list[Numbered] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(getattr(item[1], "text", ""))
        if len(batch) >= docs or size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class InProcess:
    """One document after the other in this process."""

    def map(self, engine: Engine, items: Iterable[Numbered], keep_assertions: bool = False) -> Iterator[DocResult]:
        for index, item in items:
            yield engine.process(item, index, keep_assertions)


# The forked workers' engine: set in the parent just before the fork, inherited by the workers.
_FORKED: Engine | None = None


def _run_forked(batch: list[Numbered], keep: bool) -> list[DocResult]:
    assert _FORKED is not None
    return [_FORKED.process(item, index, keep) for index, item in batch]


class ProcessPool:
    """`jobs` forked worker processes; the parent loads, the workers segment, extract and check.

    The engine is warmed up before the fork (lazy models and patterns are
    built once and shared copy-on-write), partitions keep pickling to one
    call per batch, and the bounded window keeps the parent from reading the
    whole corpus ahead of the workers.
    """

    def __init__(self, jobs: int, window: int = 3):
        self.jobs = jobs
        self.window = window

    def map(self, engine: Engine, items: Iterable[Numbered], keep_assertions: bool = False) -> Iterator[DocResult]:
        global _FORKED
        engine.warm_up()
        _FORKED = engine
        pool = multiprocessing.get_context("fork").Pool(self.jobs)
        try:
            pending: deque = deque()
            for batch in partitions(items):
                pending.append(pool.apply_async(_run_forked, (batch, keep_assertions)))
                while len(pending) >= self.jobs * self.window:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
            pool.close()
        finally:
            pool.terminate()
            pool.join()
            _FORKED = None


# --- Dask ---------------------------------------------------------------------------------------


def engine_spec(engine: Engine) -> tuple:
    """What a remote worker needs to build the same engine: the configuration as JSON, its folder,
    and the plugins registered by hand (module names, or picklable objects); built-in and
    entry-point plugins are found on the worker as they are here."""
    config, pm = engine.config, engine.registry.pm
    installed = {id(plugin) for plugin, _ in pm.list_plugin_distinfo()}
    extra = tuple(
        plugin.__name__ if inspect.ismodule(plugin) else plugin
        for _, plugin in pm.list_name_plugin()
        if id(plugin) not in installed and not (inspect.ismodule(plugin) and plugin.__name__.startswith("factlint.plugins."))
    )
    return config.model_dump_json(), str(config.base) if config.base else None, extra


@lru_cache(maxsize=4)
def _remote_engine(spec: tuple) -> Engine:
    from pathlib import Path

    from .config import Config
    from .pipeline import Engine
    from .registry import Registry

    config_json, base, extra = spec
    config = Config.model_validate_json(config_json)
    config.base = Path(base) if base else None
    plugins = [import_module(p) if isinstance(p, str) else p for p in extra]
    engine = Engine(config, Registry(config.disable_plugins, plugins))
    engine.warm_up()
    return engine


def _run_remote(spec: tuple, batch: list[Numbered], keep: bool) -> list[DocResult]:
    engine = _remote_engine(spec)
    return [engine.process(item, index, keep) for index, item in batch]


def _finish_remote(spec: tuple, code: str, groups: list[list[Any]]) -> list[tuple[list, dict]]:
    engine = _remote_engine(spec)
    return [engine.finish_group(code, records) for records in groups]


class DaskExecutor:
    """Partitions of documents mapped over a Dask cluster (`pip install factlint[dask]`).

    The client reads the input and ships partitions of raw documents; each
    worker builds the engine from the run's configuration once (plugins must be
    installed on the workers) and sends back compact results. Corpus rules that
    group their records by fact key (`CorpusRule.fact_key`) finish their key
    groups on the workers too.
    """

    def __init__(self, scheduler: Any, window: int = 4, group_tasks: int = 64):
        self.scheduler = scheduler
        self.window = window
        self.group_tasks = group_tasks
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from distributed import Client

            self._client = self.scheduler if isinstance(self.scheduler, Client) else Client(self.scheduler)
        return self._client

    def _slots(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return threads * self.window

    def map(self, engine: Engine, items: Iterable[Numbered], keep_assertions: bool = False) -> Iterator[DocResult]:
        spec = engine_spec(engine)
        client, slots = self.client, self._slots()
        pending: deque = deque()
        for batch in partitions(items):
            pending.append(client.submit(_run_remote, spec, batch, keep_assertions, pure=False))
            while len(pending) >= slots:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def finish_groups(self, engine: Engine, code: str, groups: list[list[Any]]) -> list[tuple[list, dict]]:
        """`finish` on each key group, spread over the workers; results in group order."""
        spec = engine_spec(engine)
        size = max(1, -(-len(groups) // self.group_tasks))
        futures = [
            self.client.submit(_finish_remote, spec, code, groups[i : i + size], pure=False)
            for i in range(0, len(groups), size)
        ]
        return [part for future in futures for part in future.result()]

    def close(self) -> None:
        from distributed import Client

        if self._client is not None and not isinstance(self.scheduler, Client):
            self._client.close()
        self._client = None


def make_executor(jobs: int, executor: str = "local", scheduler: Any = None):
    """The executor for a run: `dask` with a scheduler address, else processes when `jobs` > 1."""
    if executor == "dask":
        if scheduler is None:
            raise ValueError("--executor dask needs --scheduler ADDRESS")
        try:
            import distributed  # noqa: F401
        except ImportError as exc:
            raise ValueError("--executor dask needs the dask extra: pip install 'factlint[dask]'") from exc
        return DaskExecutor(scheduler)
    if executor != "local":
        raise ValueError(f"unknown executor {executor!r}; choose local or dask")
    return ProcessPool(jobs) if jobs > 1 else InProcess()
