"""Helpers for the benchmarks: corpora, the regex floor, child processes with their CPU and memory,
and the machine and versions a result was measured on."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
BBC = Path(os.environ.get("FACTLINT_BBC", ROOT.parent.parent / "shared" / "data" / "bbc" / "bbc.jsonl"))
if not BBC.exists():
    BBC = Path("/work/shared/data/bbc/bbc.jsonl")

# The number pattern of the floor: figures with separators, decimals, currency, scale and percent;
# spelled-out numbers join the phrases.
DIGITS = r"[$£€]?\d+(?:[.,]\d+)*(?:\s?(?:%|per\s?cent|percent|bn|m|k|million|billion|trillion|thousand))?"
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "trillion dozen half third quarter"
).split()


def builtin_phrases() -> list[str]:
    """Every phrase of the built-in rule packs: all named lists (both sides of `alias = name`
    entries) and every rule's tokens."""
    from factlint.packs import read_pack
    from factlint.plugins.packs import builtin_pack_dir

    phrases: set[str] = set()
    for file in sorted(builtin_pack_dir().glob("*.toml")):
        pack = read_pack(file)
        for items in pack.lists.values():
            phrases.update(side.strip() for item in items for side in str(item).split(" = "))
        for rule in pack.rules:
            phrases.update(getattr(rule, "tokens", None) or ())
    return sorted(p for p in phrases if p.strip())


def trie(words: list[str]) -> str:
    """A regex alternation of the words (lower case) with shared prefixes factored out."""
    root: dict = {}
    for word in words:
        node = root
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def walk(node: dict) -> str:
        chain = ""  # a run of single-child nodes is a literal: no recursion along a long phrase
        while len(node) == 1 and "" not in node:
            (char, node), = node.items()
            chain += regex.escape(char)
        alts = [regex.escape(char) + walk(sub) for char, sub in sorted(node.items()) if char]
        if not alts:
            return chain
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return chain + (f"(?:{body})?" if "" in node else body)

    return walk(root)


def floor_pattern(phrases: list[str]) -> regex.Pattern:
    """One case-insensitive `regex` pattern: any phrase or number word as a whole word, or a figure.

    The words form a prefix trie, the fastest single-pattern form found for the `regex` module
    (3-4 times faster on BBC than the same words as a named list `\\L<words>`, same matches)."""
    words = sorted({*phrases, *NUMBER_WORDS, *(w + "s" for w in NUMBER_WORDS)})
    return regex.compile(rf"\b(?:{trie(words)})\b|{DIGITS}", regex.IGNORECASE)


def records(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def texts(path: Path) -> list[str]:
    return [r["text"] for r in records(path)]


def repeat_corpus(src: Path, dst: Path, target_bytes: int) -> dict:
    """Whole copies of `src` (each copy's ids suffixed `~k`) until `dst` holds at least `target_bytes`."""
    lines = [json.loads(line) for line in src.read_text("utf-8").splitlines() if line.strip()]
    written = copies = 0
    with open(dst, "w", encoding="utf-8") as out:
        while written < target_bytes:
            copies += 1
            chunk = "".join(json.dumps({**rec, "id": f"{rec['id']}~{copies}"}, ensure_ascii=False) + "\n" for rec in lines)
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
    return {"path": str(dst), "bytes": written, "documents": copies * len(lines), "copies": copies}


def corpus_info(path: Path) -> dict:
    words = docs = 0
    for rec in records(path):
        words += len(rec["text"].split())
        docs += 1
    return {"path": str(path), "bytes": path.stat().st_size, "documents": docs, "words": words}


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and its descendants (bytes), 0 once it is gone."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(cmd: list[str], cwd: Path | None = None, sample: float = 0.2, env: dict | None = None) -> dict:
    """Run a command; its wall and CPU seconds (itself and its reaped children), the peak RSS of
    its largest process, the peak summed RSS of its process tree (sampled), and its stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak_tree = 0
    done = threading.Event()

    def sampler() -> None:
        nonlocal peak_tree
        while not done.wait(sample):
            peak_tree = max(peak_tree, _tree_rss(proc.pid))

    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True)
    reader.start()  # stderr read beside stdout: a child that fills one pipe cannot block on it
    out = proc.stdout.read()
    reader.join()
    err = errors[0] if errors else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    done.set()
    thread.join()
    return {
        "cmd": " ".join(cmd), "exit": proc.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
        "peak_rss": usage.ru_maxrss * 1024, "peak_tree_rss": max(peak_tree, usage.ru_maxrss * 1024),
        "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")[-2000:],
    }


def git_commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except OSError:
        return "unknown"


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        memory = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    except ImportError:
        memory = "?"
    versions = {}
    for name in ("factlint", "regex", "sentencex", "pint", "pydantic", "proselint", "distributed"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory": memory, "os": platform.platform(terse=True),
        "python": sys.version.split()[0], "versions": versions, "commit": git_commit(),
        "load_average": os.getloadavg(),
    }
