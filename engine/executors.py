"""Where the per-document work runs: in this process, in a local process pool, or on Dask.

An executor takes numbered inputs — documents, load errors, or unloaded
`Source`s — and yields `Outcome`s: a document's result with its cache key and
whether it came from the cache. Work travels in partitions. The process pool
hands out sources, not documents: workers read, parse, look up the cache and
check, so the parent only merges compact results (no text crosses a process
boundary), and a JSON Lines file is cut into byte ranges so one big file
spreads over all workers. At most `window` partitions per worker are in flight,
so a corpus of any size streams through in bounded memory.
"""

from __future__ import annotations

import inspect
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple

from .document import Document
from .loading import LoadError, Source, split

if TYPE_CHECKING:
    from .cache import ResultCache
    from .pipeline import DocResult, Engine

Index = tuple[int, int, int]  # input number, byte range of that input, document in the range
Numbered = tuple[int, "Document | LoadError | Source"]

PARTITION_DOCS = 32  # documents (or files) per partition, at most
PARTITION_CHARS = 1 << 19  # characters of document text per partition, at most (~512k)
SPLIT_MIN, SPLIT_MAX = 1 << 16, 1 << 20  # byte ranges of a splittable file: ~1/64 of it, within these bounds


class Outcome(NamedTuple):
    result: DocResult
    key: str | None = None  # cache key, when a cache is in use and the item is a document
    cached: bool = False


def outcomes(engine: Engine, index: int, item: Document | LoadError | Source, keep: bool,
             cache: ResultCache | None, part: int = 0) -> Iterator[Outcome]:
    """Load (for a source), look up, and process one input."""
    docs = engine.load(item) if isinstance(item, Source) else (item,)
    for k, doc in enumerate(docs):
        where = (index, part, k)
        key = None
        if cache is not None and isinstance(doc, Document):
            key = cache.key(doc)
            hit = cache.get(key)
            if hit is not None:
                hit.index = where
                yield Outcome(hit, key, True)
                continue
        yield Outcome(engine.process(doc, where, keep), key)


def _weight(item: Any) -> int:
    return len(item.text) if isinstance(item, Document) else 0


def partitions(items: Iterable[Any], docs: int = PARTITION_DOCS, chars: int = PARTITION_CHARS) -> Iterator[list]:
    """Consecutive runs of numbered items, cut at `docs` items or `chars` characters (bytes) of input;
    a byte range of a file is a partition of its own (ranges are already cut to size)."""
    batch: list = []
    size = 0
    for item in items:
        if isinstance(item[-1], Source) and item[-1].end is not None:
            if batch:
                yield batch
                batch, size = [], 0
            yield [item]
            continue
        batch.append(item)
        size += _weight(item[-1])
        if len(batch) >= docs or size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class InProcess:
    """One input after the other in this process."""

    def map(self, engine: Engine, items: Iterable[Numbered], keep_assertions: bool = False,
            cache: ResultCache | None = None) -> Iterator[Outcome]:
        for index, item in items:
            yield from outcomes(engine, index, item, keep_assertions, cache)


# The forked workers' engine and cache: set in the parent just before the fork, inherited by the workers.
_FORKED: tuple[Engine, ResultCache | None] | None = None


def _run_forked(batch: list[tuple[int, int, Any]], keep: bool) -> list[Outcome]:
    assert _FORKED is not None
    engine, cache = _FORKED
    return [o for index, part, item in batch for o in outcomes(engine, index, item, keep, cache, part)]


class ProcessPool:
    """`jobs` forked worker processes that read, parse, look up and check; the parent merges.

    The engine is warmed up before the fork (lazy models and patterns are
    built once and shared copy-on-write); each partition is one pickled call.
    """

    def __init__(self, jobs: int, window: int = 3):
        self.jobs = jobs
        self.window = window

    def _split(self, engine: Engine, items: Iterable[Numbered]) -> Iterator[tuple[int, int, Any]]:
        for index, item in items:
            if isinstance(item, Source) and getattr(engine.loader(item), "splittable", False):
                try:
                    total = len(item.data) if item.data is not None else _size(item.name)
                    size = min(SPLIT_MAX, max(SPLIT_MIN, total // 64))
                    for part, piece in enumerate(split(item, size)):
                        yield index, part, piece
                    continue
                except OSError:
                    pass  # the worker's loader reports it
            yield index, 0, item

    def map(self, engine: Engine, items: Iterable[Numbered], keep_assertions: bool = False,
            cache: ResultCache | None = None) -> Iterator[Outcome]:
        import multiprocessing

        global _FORKED
        engine.warm_up()
        _FORKED = (engine, cache)
        pool = multiprocessing.get_context("fork").Pool(self.jobs)
        try:
            pending: deque = deque()
            for batch in partitions(self._split(engine, items)):
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


def _size(path: str) -> int:
    import os

    return os.path.getsize(path)


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


def _run_remote(spec: tuple, batch: list[tuple[Index, Document | LoadError]], keep: bool) -> list[DocResult]:
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

    def map(self, engine: Engine, items: Iterable[Numbered], keep_assertions: bool = False,
            cache: ResultCache | None = None) -> Iterator[Outcome]:
        """Inputs are read here (workers need not see the files); cache hits are answered here too."""
        spec = engine_spec(engine)
        client, slots = self.client, self._slots()
        pending: deque = deque()

        ready: deque[Outcome] = deque()

        def misses() -> Iterator[tuple[Index, str | None, Document | LoadError]]:
            for index, item in items:
                for k, doc in enumerate(engine.load(item) if isinstance(item, Source) else (item,)):
                    key = cache.key(doc) if cache is not None and isinstance(doc, Document) else None
                    hit = cache.get(key) if key else None
                    if hit is not None:
                        hit.index = (index, 0, k)
                        ready.append(Outcome(hit, key, True))
                    else:
                        yield (index, 0, k), key, doc

        for batch in partitions(misses()):
            keys = [key for _, key, _ in batch]
            pending.append((keys, client.submit(_run_remote, spec, [(i, d) for i, _, d in batch], keep_assertions, pure=False)))
            while ready:
                yield ready.popleft()
            while len(pending) >= slots:
                keys, future = pending.popleft()
                yield from (Outcome(r, k) for r, k in zip(future.result(), keys))
        while ready:
            yield ready.popleft()
        while pending:
            keys, future = pending.popleft()
            yield from (Outcome(r, k) for r, k in zip(future.result(), keys))

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
