"""Fitted weights for the OPN cue lists: the evidence for keeping them tiered.

Logistic regressions on CheckThat! 2024 English train + dev (1,292 sentences, each a one-sentence
news article), compared by seeded 5-fold cross-validation (macro-F1 over OBJ/SUBJ) with the pack's
tiered weights. Features: per sentence, how many cues of each class and tier fired (counted at most
twice, as OPN001 counts them), and optionally three sentence features that may only lower the score
(a figure, a reporting verb, a date). Models:

- `tiers`: the pack as it is, OPN001's scoring (nothing fitted);
- `fitted weak`: the weak tiers' weights fitted (kept below 1.0), the strong tiers at their pack weight,
  threshold 1.0, and OPN001's rule that a lone weak cue never flags;
- `unconstrained`: every weight and the threshold fitted, a lone weak cue may flag.

The unconstrained model with counters, fitted on all of train + dev, is also run over the BBC
corpus, to count the sentences it would flag against the pack's. Nothing is written: see
docs/opinion.md for the decision. The test split is not read.
"""

from __future__ import annotations

import json
import math
import random
import re
from functools import cache

from factlint.document import Document
from factlint.pipeline import Engine
from factlint.plugins.opinion.cues import extract
from factlint.plugins.opinion.scoring import MAX_PER_LIST, is_opinion, not_own_sentences
from factlint.segment import segment

from . import SHARED, prf
from .opinion import CHECKTHAT, SPLITS, read_tsv

FOLDS = 5
SEED = 20240601
L2 = 1.0
COUNTERS = {
    "figure": re.compile(r"\d"),
    "reporting": re.compile(r"\b(?:said|says|told|according to|announced|reported|added)\b", re.IGNORECASE),
    "date": re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                       r"April|May|June|July|August|September|October|November|December|yesterday|"
                       r"last (?:year|week|month))\b"),
}


def sentences() -> list[dict]:
    """Per train + dev sentence (each a one-sentence article): its features and label."""
    out = []
    for _, name in SPLITS[:2]:
        for _, text, label in read_tsv(CHECKTHAT / name):
            found = features(Document(id="s", text=text))
            out.append({**(found[0] if found else _features_of(text, [])), "subj": label == "SUBJ"})
    return out


def features(doc: Document) -> list[dict]:
    """Per sentence of the writer's own with a cue: OPN001's verdict with the pack, whether it rests on
    a lone weak cue, cue counts by class and tier, the strong cues' summed weight, the counters."""
    segment(doc)
    for extractor in _other_extractors():
        doc.assertions.extend(extractor(doc))
    hidden = not_own_sentences(doc)
    by_sentence: dict[int | None, list] = {}
    for c in extract(doc):
        if c.sentence_start not in hidden:
            by_sentence.setdefault(c.sentence_start, []).append(c)
    out = []
    for start, cues in by_sentence.items():
        sentence = doc.sentence_at(start)
        out.append(_features_of(doc.text[sentence.start : sentence.end], cues))
    return out


@cache
def _other_extractors() -> list:
    return [e for e in Engine().registry.extractors if e is not extract]


def _features_of(text: str, cues: list) -> dict:
    counts: dict[str, int] = {}
    strong = 0.0
    for c in cues:
        key = f"{c.cue} {'strong' if c.weight >= 1.0 else 'weak'}"
        counts[key] = counts.get(key, 0) + 1
        if c.weight >= 1.0 and counts[key] <= MAX_PER_LIST:
            strong += c.weight
    return {
        "tiers": bool(cues) and is_opinion(cues, 1.0),
        "lone_weak": len(cues) == 1 and cues[0].weight < 1.0,
        "counts": {k: min(n, MAX_PER_LIST) for k, n in counts.items()},
        "strong": strong,
        "counters": [k for k, rx in COUNTERS.items() if rx.search(text)],
    }


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def logistic(rows: list[dict[str, float]], labels: list[bool], unpenalized: tuple[str, ...]) -> dict[str, float]:
    """L2-penalized logistic regression by Newton's method (no intercept: add a constant feature)."""
    keys = sorted({k for row in rows for k in row})
    index = {k: i for i, k in enumerate(keys)}
    w = [0.0] * len(keys)
    sparse = [[(index[k], v) for k, v in row.items()] for row in rows]
    for _ in range(12):
        hess = [[0.0] * len(keys) for _ in keys]
        grad = [0.0] * len(keys)
        for row, y in zip(sparse, labels):
            z = max(-30.0, min(30.0, sum(w[i] * v for i, v in row)))
            p = 1 / (1 + math.exp(-z))
            for i, v in row:
                grad[i] += (p - y) * v
                for j, u in row:
                    hess[i][j] += p * (1 - p) * v * u
        for k, i in index.items():
            if k not in unpenalized:
                grad[i] += L2 * w[i]
                hess[i][i] += L2
            hess[i][i] += 1e-9
        w = [a - s for a, s in zip(w, _solve(hess, grad))]
    return dict(zip(keys, w))


def _features(s: dict, counters: bool) -> dict[str, float]:
    row = {k: float(n) for k, n in s["counts"].items() if k.endswith("weak")}
    if counters:
        row.update({f"counter {k}": 1.0 for k in s["counters"]})
    return row


def fit_weak(train: list[dict], counters: bool) -> dict[str, float]:
    """Weak-tier and counter weights in threshold units, the strong tiers fixed: the score is
    `scale * (strong + sum(weight * count) - 1)`, fitted on sentences the single-weak-cue rule leaves open."""
    rows, labels = [], []
    for s in train:
        if not s["lone_weak"]:
            rows.append({**_features(s, counters), "strong - threshold": s["strong"] - 1.0})
            labels.append(s["subj"])
    w = logistic(rows, labels, unpenalized=("strong - threshold",))
    scale = w.pop("strong - threshold")
    return {k: (min(max(v / scale, 0.0), 0.99) if k.endswith("weak") else min(v / scale, 0.0)) for k, v in w.items()}


def predict_weak(weights: dict[str, float], s: dict, counters: bool) -> bool:
    if s["lone_weak"]:
        return False
    return s["strong"] + sum(weights.get(k, 0.0) * v for k, v in _features(s, counters).items()) >= 1.0


def fit_free(train: list[dict], counters: bool) -> dict[str, float]:
    rows = [{**{k: float(n) for k, n in s["counts"].items()}, **_bias(s, counters)} for s in train]
    return logistic(rows, [s["subj"] for s in train], unpenalized=("bias",))


def _bias(s: dict, counters: bool) -> dict[str, float]:
    out = {"bias": 1.0}
    if counters:
        out.update({f"counter {k}": 1.0 for k in s["counters"]})
    return out


def predict_free(weights: dict[str, float], s: dict, counters: bool) -> bool:
    row = {**{k: float(n) for k, n in s["counts"].items()}, **_bias(s, counters)}
    return sum(weights.get(k, 0.0) * v for k, v in row.items()) >= 0.0


def macro(pairs: list[tuple[bool, bool]]) -> str:
    f1s, subj = [], None
    for label in (True, False):
        tp = sum(y == label and p == label for y, p in pairs)
        fp = sum(y != label and p == label for y, p in pairs)
        fn = sum(y == label and p != label for y, p in pairs)
        scores = prf(tp, fp, fn)
        f1s.append(scores[2])
        subj = subj or scores
    return f"macro-F1 {sum(f1s) / 2:.3f} (SUBJ P {subj[0]:.2f} R {subj[1]:.2f})"


def cross_validate(data: list[dict]) -> None:
    order = list(range(len(data)))
    random.Random(SEED).shuffle(order)
    folds = [set(order[k::FOLDS]) for k in range(FOLDS)]
    print(f"{FOLDS}-fold cross-validation on CheckThat! train + dev ({len(data)} sentences), out-of-fold predictions:")
    print(f"  {'tiers (the pack, not fitted)':44} {macro([(s['subj'], s['tiers']) for s in data])}")
    for name, fit, predict in (("fitted weak, single-weak-cue rule", fit_weak, predict_weak),
                               ("unconstrained (a lone weak cue may flag)", fit_free, predict_free)):
        for counters in (False, True):
            pairs = []
            for fold in folds:
                weights = fit([s for i, s in enumerate(data) if i not in fold], counters)
                pairs.extend((data[i]["subj"], predict(weights, data[i], counters)) for i in fold)
            label = name + (" + counters" if counters else "")
            print(f"  {label:44} {macro(pairs)}")


def bbc(weights: dict[str, float]) -> None:
    """Sentences of BBC news the unconstrained model (with counters) would flag, against the pack."""
    tiers = free = 0
    for line in (SHARED / "data" / "bbc" / "bbc.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        for s in features(Document(id=record["id"], text=record["text"])):
            tiers += s["tiers"]
            free += predict_free(weights, s, True)
    print(f"BBC sentences flagged: pack {tiers}; unconstrained + counters (fitted on all of train + dev) {free}")


def main() -> None:
    data = sentences()
    cross_validate(data)
    bbc(fit_free(data, counters=True))
    weights = fit_weak(data, counters=True)
    print("fitted on all of train + dev (fitted weak + counters; strong tiers fixed; threshold 1.0):")
    for key, value in sorted(weights.items(), key=lambda kv: -kv[1]):
        print(f"  {key:32} {value:+.2f}")


if __name__ == "__main__":
    main()
