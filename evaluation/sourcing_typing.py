"""Source typing (SRC): accuracy of the typer given the gold source span, on hand-labelled PolNeAR sources.

Four labelled sets (guideline in `docs/sourcing.md`), each a seeded sample of PolNeAR attributions
with a source; each file keeps the article name, the source offsets, the label (and, for the newest
set, a short reason), no corpus text:

- `polnear_dev_source_types.jsonl`: 200 dev sources; the typing rules were first refined on them;
- `polnear_dev_source_types_heldout.jsonl`: 100 dev sources from the other dev articles;
- `polnear_train_source_types_heldout.jsonl`: 100 train sources.
  These three were held out when drawn; all three have since been used to tune the typer;
- `polnear_train_source_types_heldout3.jsonl`: 150 train sources from articles none of the others
  come from, labelled and committed before any change to the typer that followed: the held-out set;
- `polnear_train_source_types_heldout4.jsonl`: 100 train sources from articles none of the other
  train sets come from, labelled and committed after the typer's last change, before it ran on them.

`python -m evaluation sourcing_typing` prints, per set, the accuracy given the gold span, the
end-to-end figure (the extractor finds a source at that span and types it right) and the confusion
counts. `FACTLINT_TYPING_SETS=tuned,held-out` limits the run to the named sets (used while tuning,
so the held-out set is not looked at).
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter

from factlint.document import Document
from factlint.models import Attribution
from factlint.pipeline import Engine
from factlint.segment import segment

from .sourcing import DATA, SAMPLE_SEED, _engine, _hit, polnear

TYPES = ("person", "organization", "document", "anonymous", "collective", "none")


def _sourced(articles: list[tuple[str, str, list[dict]]]) -> list[dict]:
    items = []
    for name, _text, gold in articles:
        for g in gold:
            if "Source" in g and "Cue" in g:
                s, e = g["Source"][0][0], g["Source"][-1][1]
                items.append({"article": name, "source_start": s, "source_end": e})
    return items


def typing_sample() -> list[dict]:
    """200 PolNeAR dev attributions with a source, drawn with a fixed seed (the first labelled set)."""
    items = _sourced(polnear("dev"))
    random.Random(SAMPLE_SEED).shuffle(items)
    return items[:200]


def heldout_sample() -> list[dict]:
    """100 PolNeAR dev attributions with a source from articles none of the first 200 come from."""
    used = {item["article"] for item in typing_sample()}
    items = _sourced([a for a in polnear("dev") if a[0] not in used])
    random.Random(SAMPLE_SEED + 1).shuffle(items)
    return items[:100]


def train_heldout_sample() -> list[dict]:
    """100 PolNeAR train attributions with a source, drawn with a third seed."""
    items = _sourced(polnear("train"))
    random.Random(SAMPLE_SEED + 2).shuffle(items)
    return items[:100]


def train_heldout3_sample() -> list[dict]:
    """150 PolNeAR train attributions with a source from train articles the 100 of
    `train_heldout_sample` do not come from, drawn with a fourth seed: the held-out set."""
    used = {item["article"] for item in train_heldout_sample()}
    items = _sourced([a for a in polnear("train") if a[0] not in used])
    random.Random(SAMPLE_SEED + 3).shuffle(items)
    return items[:150]


def train_heldout4_sample() -> list[dict]:
    """100 PolNeAR train attributions with a source from train articles none of the two earlier train
    sets come from, drawn with a fifth seed after the typer's last change: a second held-out set."""
    used = {item["article"] for item in train_heldout_sample() + train_heldout3_sample()}
    items = _sourced([a for a in polnear("train") if a[0] not in used])
    random.Random(SAMPLE_SEED + 4).shuffle(items)
    return items[:100]


TYPING_SETS = {  # name: (split, file, what)
    "tuned": ("dev", "polnear_dev_source_types.jsonl", "200 tuning sources (first set)"),
    "held-out": ("dev", "polnear_dev_source_types_heldout.jsonl", "100 tuning sources (first held-out set, now tuning data)"),
    "held-out-2": ("train", "polnear_train_source_types_heldout.jsonl", "100 tuning sources (second held-out set, now tuning data)"),
    "held-out-3": ("train", "polnear_train_source_types_heldout3.jsonl", "150 held-out sources"),
    "held-out-4": ("train", "polnear_train_source_types_heldout4.jsonl", "100 held-out sources (labelled after the last change)"),
}


def labels(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / TYPING_SETS[name][1]).open()]


def typing_figures(split: str, items: list[dict], engine: Engine) -> Counter:
    """Typing given the gold source span in its article (`type_source`), and end to end (the source
    the extractor finds at that span, typed right)."""
    from factlint.plugins.sourcing.extract import type_source

    needed = {item["article"] for item in items}
    texts = {name: text for name, text, _ in polnear(split) if name in needed}
    docs: dict[str, Document] = {}
    found: dict[str, list[Attribution]] = {}
    counts = Counter()
    for item in items:
        name = item["article"]
        if name not in docs:
            result = engine.process(Document(id=name, text=texts[name]), 0, keep_assertions=True)
            found[name] = [a for a in result.assertions if isinstance(a, Attribution) and a.source_start is not None]
            docs[name] = doc = Document(id=name, text=texts[name])
            segment(doc)
        predicted = type_source(docs[name], item["source_start"], item["source_end"]).type
        counts["n"] += 1
        counts["right"] += predicted == item["type"]
        counts["confusion", item["type"], predicted] += 1
        span = [(item["source_start"], item["source_end"])]
        match = next((a for a in found[name] if _hit(span, a.source_start, a.source_end)), None)
        counts["found"] += match is not None
        counts["found_right"] += match is not None and match.source_type == item["type"]
    return counts


def confusion_table(c: Counter) -> str:
    """Gold types in rows, predicted types in columns (initials: per, org, doc, ano, col, non)."""
    head = "  gold\\pred " + " ".join(f"{t[:3]:>4}" for t in TYPES)
    rows = [head]
    for gold in TYPES:
        cells = [c["confusion", gold, p] for p in TYPES]
        if sum(cells):
            rows.append(f"  {gold[:10]:<10} " + " ".join(f"{v:>4}" for v in cells))
    return "\n".join(rows)


def print_typing(engine: Engine, sets: list[str] | None = None) -> None:
    chosen = os.environ.get("FACTLINT_TYPING_SETS")
    for name in sets or (chosen.split(",") if chosen else TYPING_SETS):
        split, _file, what = TYPING_SETS[name]
        c = typing_figures(split, labels(name), engine)
        n = c["n"]
        print(f"source typing, PolNeAR {split}, {what}: given the gold source span {c['right']}/{n} = {c['right'] / n:.3f}; "
              f"end to end (found by the extractor and typed right) {c['found_right']}/{n} = {c['found_right'] / n:.3f}")
        print(confusion_table(c))


def main() -> None:
    print_typing(_engine())


if __name__ == "__main__":
    main()
