"""Evaluation of factlint's detectors on external labelled data (`../shared/`).

Run `python -m evaluation` for every figure, or `python -m evaluation NAME` for one
area. Data is read from `$FACTLINT_SHARED` or `../shared` beside the repository;
none of it ships in the package.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FACTLINT_SHARED", REPO.parent / "shared"))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
