"""Throughput of a 2,000-phrase rule pack on the BBC corpus, against a baseline pass in the same run.

    python benchmarks/packs_bench.py [--limit N] [--data PATH]

The corpus is read from $FACTLINT_SHARED (default: ../shared beside the repository).

The pack is built from the corpus itself: 2,000 word pairs that occur in it
(so the rules have real hits), in 20 rules of four phrase kinds (existence,
with and without inflection; substitution; occurrence; conditional). Printed:

1. baseline: one pass of the `re` module per document with a trie of the
   2,000 phrases over the lower-cased text: the floor for finding those
   phrases; then the same trie with IGNORECASE, and the same phrases as a
   `regex` named list (`\\L<phrases>`, on a 5% sample), for comparison;
2. the pack's rules alone on segmented documents (scope, units, exceptions
   and messages included);
3. the whole engine with and without the pack, one process.

Times are CPU seconds of this process, the best of three runs (the named list: one run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import regex

from factlint.api import make_config
from factlint.document import Document
from factlint.packs import load_packs
from factlint.packs.match import trie
from factlint.pipeline import Engine
from factlint.segment import segment

REPO = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("FACTLINT_SHARED", REPO.parent / "shared")) / "data" / "bbc" / "bbc.jsonl"
PHRASES = 2000
RULES = 20
REPEAT = 3


def load(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return records[:limit] if limit else records


def phrases_from(texts: list[str]) -> list[str]:
    """2,000 distinct word pairs that occur 2 to 20 times in the corpus, picked with a fixed seed."""
    pairs: Counter = Counter()
    for text in texts:
        words = re.findall(r"[a-z]+", text.lower())
        pairs.update(zip(words, words[1:], strict=False))
    candidates = sorted(f"{a} {b}" for (a, b), n in pairs.items() if 2 <= n <= 20 and len(a) > 2 and len(b) > 2)
    return random.Random(0).sample(candidates, PHRASES)


def pack_text(phrases: list[str]) -> str:
    """A pack of 20 rules, 100 phrases each."""
    per = PHRASES // RULES
    out = ['[pack]\nname = "bench"\n']
    for r in range(RULES):
        chunk = phrases[r * per : (r + 1) * per]
        code = f"BENCH{r + 100:03d}"
        head = f'[[rules]]\ncode = "{code}"\nname = "bench-{r}"\nsummary = "Benchmark rule {r}"\n'
        if r < 8:
            body = f'kind = "existence"\ntokens = {json.dumps(chunk)}\ninflect = {"true" if r % 2 else "false"}\n'
            body += 'scope = "content"\n' if r < 4 else ""
        elif r < 16:
            swap = ", ".join(f'{json.dumps(p)} = {json.dumps(p.upper())}' for p in chunk)
            body = f'kind = "substitution"\nswap = {{{swap}}}\n'
        elif r < 18:
            body = f'kind = "occurrence"\ntokens = {json.dumps(chunk)}\nmax = 1\n'
        else:
            body = f'kind = "conditional"\ntokens = {json.dumps(chunk)}\nunless = \'\\b(?:said|says)\\b\'\n'
        out.append(head + body)
    return "\n".join(out)


def timed(fn) -> tuple[float, object]:
    """CPU seconds of this process (other work on a shared machine does not count), and the result."""
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def best(fn, setup=lambda: None) -> tuple[float, object]:
    """The fastest of REPEAT runs of fn(setup()) (the machine may be shared), and its result."""
    runs = []
    for _ in range(REPEAT):
        data = setup()
        runs.append(timed(lambda data=data: fn(data)))
    return min(runs, key=lambda run: run[0])


def segmented(texts: list[str]) -> list[Document]:
    docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    for doc in docs:
        segment(doc)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="first N articles only")
    args = parser.parse_args()
    records = load(args.data, args.limit)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    phrases = phrases_from(texts)
    print(f"corpus: {args.data.name}, {len(texts):,} articles, {words:,} words; "
          f"pack: {PHRASES:,} phrases in {RULES} rules")

    body = rf"(?<!\w)(?:{trie(phrases, True)})(?!\w)"
    floor, folded = re.compile(body), re.compile(body, re.IGNORECASE)
    seconds, hits = best(lambda _: sum(1 for t in texts for _ in floor.finditer(t.lower())))
    print(f"baseline  re trie, lower-cased text {words / seconds:>10,.0f} words/s  ({hits:,} phrase hits)")
    seconds, _ = best(lambda _: sum(1 for t in texts for _ in folded.finditer(t)))
    print(f"          re trie, IGNORECASE     {words / seconds:>12,.0f} words/s")
    sample = texts[: max(1, len(texts) // 20)]
    sample_words = sum(len(t.split()) for t in sample)
    named = regex.compile(r"(?<!\w)\L<p>(?!\w)", regex.IGNORECASE, p=phrases)
    seconds, _ = timed(lambda: sum(1 for t in sample for _ in named.finditer(t)))
    print(f"          regex \\L<list>, IGNORECASE {sample_words / seconds:>10,.0f} words/s  "
          f"(on {len(sample)} articles)")

    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "bench.toml"
        pack.write_text(pack_text(phrases), "utf-8")
        seconds, classes = timed(lambda: load_packs(pack))
        print(f"load      parse, validate, compile {seconds:>8.2f} s")
        rules = [cls() for cls in classes]
        seconds, found = best(lambda docs: sum(1 for doc in docs for rule in rules for _ in rule.check(doc)),
                              lambda: segmented(texts))
        print(f"pack      20 rules on segmented docs {words / seconds:>10,.0f} words/s  ({found:,} findings)")

        engines = {name: Engine(make_config({"rule_packs": [str(pack)], "select": select, "jobs": 1}))
                   for name, select in (("without", ["NOSUCHRULE"]), ("with", ["BENCH"]))}
        fresh = lambda: [Document(id=str(i), text=t) for i, t in enumerate(texts)]  # noqa: E731
        run = {name: best(engine.check, fresh)[0] for name, engine in engines.items()}
        added = run["with"] - run["without"]
        print(f"engine    without the pack         {words / run['without']:>12,.0f} words/s")
        print(f"          with the pack            {words / run['with']:>12,.0f} words/s  "
              f"(the pack adds {added:.2f} s: {words / max(added, 1e-9):,.0f} words/s)")
    print(f"python {sys.version.split()[0]}, regex {regex.__version__}")


if __name__ == "__main__":
    main()
