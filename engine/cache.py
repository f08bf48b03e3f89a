"""The result cache (`.factlint_cache/`): per-document results of earlier runs.

A document's entry is keyed by a hash of everything its result depends on:
its id, path, text, metadata and loader output, and the engine's fingerprint
(the factlint version, the configuration, and the version and source of every
plugin and rule pack). A re-run processes only documents whose key is new;
the others contribute their cached findings, summaries and corpus records, so
the corpus rules are recomputed over the whole corpus without re-parsing it.

The store is one SQLite file. A broken or locked cache never fails a run: the
cache turns itself off and the documents are processed as usual.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import pickle
import sqlite3
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .document import Document

if TYPE_CHECKING:
    from .pipeline import DocResult, Engine

CACHE_DIR = ".factlint_cache"
SCHEMA = 1
KEEP_DAYS = 30  # entries unused for this long are dropped
COMMIT_EVERY = 512
RUN_ONLY = {"jobs", "fail_on"}  # settings that do not change a document's result


def _source_files(obj: Any) -> list[Path]:
    """The files an object's code lives in: a module's file, or every file of its package (code and data)."""
    module = obj if inspect.ismodule(obj) else sys.modules.get(getattr(obj, "__module__", None) or type(obj).__module__)
    file = getattr(module, "__file__", None)
    if not file:
        return []
    path = Path(file)
    if path.name != "__init__.py":
        return [path]
    return sorted(p for p in path.parent.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def fingerprint(engine: Engine) -> str:
    """A hash of what every result of this engine depends on besides the document itself."""
    h = hashlib.sha256(f"factlint {__version__} cache {SCHEMA}\n".encode())
    h.update(engine.config.model_dump_json(exclude=RUN_ONLY).encode())
    files = set(_source_files(sys.modules["factlint"]))
    versions = {name: dist.version for name, dist in
                ((engine.registry.plugin_name(p), d) for p, d in engine.registry.pm.list_plugin_distinfo())}
    for name, plugin in sorted(engine.registry.pm.list_name_plugin(), key=lambda np: str(np[0])):
        h.update(f"\nplugin {name} {versions.get(name, '')}".encode())
        files.update(_source_files(plugin))
    packs = [path for _, path in engine.registry.pack_paths] + [engine._resolve(p) for p in engine.config.rule_packs]
    for pack in packs:
        files.update(sorted(pack.glob("*.toml")) if pack.is_dir() else [pack])
    for file in sorted(files):
        h.update(f"\n{file.name}\n".encode())
        try:
            h.update(file.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    return h.hexdigest()


class ResultCache:
    """Per-document results in `folder/results.sqlite3`, keyed by content and engine fingerprint."""

    def __init__(self, folder: Path, engine: Engine):
        self.folder = Path(folder)
        self.prefix = fingerprint(engine).encode()
        self.hits = self.misses = 0  # counted by the run, which sees every outcome
        self._today = int(time.time() // 86400)
        self._puts: list[tuple[str, bytes, int]] = []
        self._touched: list[str] = []
        self._pid = os.getpid()
        self._reader: tuple[int, sqlite3.Connection] | None = None
        self.db: sqlite3.Connection | None = None
        try:
            self._open()
        except (sqlite3.Error, OSError) as exc:
            self._disable(exc)

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by factlint\n*\n", "utf-8")
        path = self.folder / "results.sqlite3"
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL)")
        except sqlite3.DatabaseError:  # not a database (corrupt or foreign file): start afresh
            db.close()
            path.unlink(missing_ok=True)
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL)")
        self.db = db

    def _disable(self, exc: Exception) -> None:
        print(f"factlint: cache off ({self.folder}): {exc}", file=sys.stderr)
        if self.db is not None:
            self.db.close()
        self.db = None

    def key(self, doc: Document) -> str:
        """The hash of the engine fingerprint and everything the loader made of the document."""
        h = hashlib.sha256(self.prefix)
        for part in (doc.id, doc.path or "", doc.text):
            h.update(b"\x00")
            h.update(part.encode("utf-8", "surrogatepass"))
        if doc.view is not doc.text and doc.view != doc.text:
            h.update(b"\x00view\x00" + doc.view.encode("utf-8", "surrogatepass"))
        extra = [sorted(doc.meta.items()), [tuple(b) for b in map(_block, doc.blocks)], [repr(e) for e in doc.load_errors]]
        h.update(b"\x00" + json.dumps(extra, default=str, ensure_ascii=False).encode())
        return h.hexdigest()

    def _connection(self) -> sqlite3.Connection | None:
        """This process's connection: the writer's own, or (in a forked worker) a reader of its own."""
        if self.db is None or os.getpid() == self._pid:
            return self.db
        if self._reader is None or self._reader[0] != os.getpid():
            self._reader = (os.getpid(), sqlite3.connect(self.folder / "results.sqlite3", timeout=30))
        return self._reader[1]

    def get(self, key: str) -> DocResult | None:
        """The cached result for a key, or None; safe in forked workers."""
        try:
            db = self._connection()
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone() if db else None
            return pickle.loads(row[0]) if row else None
        except Exception:  # noqa: BLE001 - an unreadable entry or store is a miss
            return None

    def touch(self, key: str) -> None:
        """Record that a cached entry was used (entries unused for `KEEP_DAYS` are dropped)."""
        self.hits += 1
        self._touched.append(key)
        if len(self._touched) >= COMMIT_EVERY * 16:
            self._flush()

    def put(self, key: str, result: DocResult) -> None:
        self.misses += 1
        if self.db is None:
            return
        self._puts.append((key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), self._today))
        if len(self._puts) >= COMMIT_EVERY:
            self._flush()

    def _flush(self) -> None:
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", self._puts)
                self.db.executemany("UPDATE results SET used = ?1 WHERE key = ?2 AND used < ?1",
                                    ((self._today, k) for k in self._touched))
        except sqlite3.Error as exc:
            self._disable(exc)
        self._puts.clear()
        self._touched.clear()

    def close(self) -> None:
        """Write what is pending and drop entries unused for `KEEP_DAYS` days."""
        if self.db is None:
            return
        self._flush()
        try:
            if self.db is not None:
                self.db.execute("DELETE FROM results WHERE used < ?", (self._today - KEEP_DAYS,))
                self.db.close()
        except sqlite3.Error as exc:
            self._disable(exc)
        self.db = None


def _block(block) -> tuple:
    return block.start, block.end, block.kind


def cache_folder(engine: Engine) -> Path:
    """`.factlint_cache` beside the configuration file, else in the working directory."""
    return (engine.config.base or Path.cwd()) / CACHE_DIR
