"""Figures as intervals (domain.md §3): a hard interval (outside it the wording is
contradicted) and a soft one (outside it the figures diverge).

`h` is half the place value of the figure's last significant digit: a bare
12,000 means 11,500–12,500, a bare 10,000 means 5,000–15,000.
"""

from __future__ import annotations

import math

INF = math.inf
Interval = tuple[float, float]


def half_place(digits: str) -> float:
    """Half the place value of the last non-zero digit of a numeral as written ("12,000" → 500, "4.80" → 0.005)."""
    digits = digits.replace(",", "").replace(" ", "").replace("\u202f", "").replace("\u00a0", "").lstrip("-−+")
    whole, _, frac = digits.partition(".")
    if frac:
        return 0.5 * 10 ** -len(frac)
    stripped = whole.rstrip("0")
    if not stripped:
        return 0.5
    return 0.5 * 10 ** (len(whole) - len(stripped))


def bounds(value: float, h: float, qualifier: str | None) -> tuple[Interval, Interval]:
    """(hard, soft) intervals of `value` with precision `h` under a qualifier class."""
    n, a = value, abs(value)
    if qualifier is None:
        iv = (n - h, n + h)
        return iv, iv
    if qualifier == "exact":
        return (n, n), (n, n)
    if qualifier == "about":
        return (n - max(0.25 * a, 2 * h), n + max(0.25 * a, 2 * h)), (n - max(0.10 * a, h), n + max(0.10 * a, h))
    if qualifier == "over":
        return (n, INF), (n, n + a)
    if qualifier == "just_over":
        return (n, n + max(0.25 * a, 2 * h)), (n, n + max(0.10 * a, h))
    if qualifier == "at_least":
        return (n, INF), (n, n + a)
    if qualifier == "nearly":
        return (n - max(0.20 * a, 2 * h), n), (n - max(0.10 * a, h), n)
    if qualifier in ("under", "at_most"):
        return (min(0.0, n), n), (n - a / 2, n)
    if qualifier == "up_to":
        return (min(0.0, n), n), (n - a / 2, n)
    raise ValueError(f"unknown qualifier class {qualifier!r}")


def disjoint(a: Interval, b: Interval) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def gap(a: Interval, b: Interval) -> float:
    """Relative distance between two disjoint intervals (0 when they meet)."""
    if not disjoint(a, b):
        return 0.0
    lo, hi = (a, b) if a[1] < b[0] else (b, a)
    near, far = lo[1], hi[0]
    scale = max(abs(near), abs(far))
    return (far - near) / scale if scale else 0.0


def conflict(hard_a: Interval, hard_b: Interval) -> bool:
    """Figures of one fact that cannot both be true."""
    return disjoint(hard_a, hard_b)


def show(iv: Interval) -> str:
    lo, hi = iv
    if lo == hi:
        return _num(lo)
    left = "(-∞" if lo == -INF else f"[{_num(lo)}"
    right = "∞)" if hi == INF else f"{_num(hi)}]"
    return f"{left}, {right}"


def _num(x: float) -> str:
    if -1e15 < x < 1e15 and x == int(x):
        return f"{int(x):,}"
    return f"{x:,.4g}"  # below 1,000 the grouping adds nothing
