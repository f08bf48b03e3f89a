"""Units through pint: one registry per process, conversions to base units cached.

Money is not converted (exchange rates depend on the date): an ISO 4217 code is
its own dimension. Percent and percentage points are dimensions of their own.
"""

from __future__ import annotations

from functools import cache, lru_cache

COUNT = "count"
PERCENT = "percent"
POINTS = "percentage_point"


@cache
def registry():
    """The pint UnitRegistry, built on first use (building it takes about a second)."""
    import pint

    return pint.UnitRegistry(cache_folder=None)


@lru_cache(maxsize=None)
def base(unit: str) -> tuple[str, float, float]:
    """(dimension, factor, offset) so that value·factor + offset is in base units.

    Counts, percent, points and currencies map to themselves with factor 1.
    """
    if unit in (COUNT, PERCENT, POINTS) or (len(unit) == 3 and unit.isupper()):
        return unit, 1.0, 0.0
    ureg = registry()
    q0 = ureg.Quantity(0.0, unit).to_base_units()
    q1 = ureg.Quantity(1.0, unit).to_base_units()
    return str(q1.dimensionality), float(q1.magnitude - q0.magnitude), float(q0.magnitude)


def to_base(value: float, unit: str) -> float:
    _, factor, offset = base(unit)
    return value * factor + offset


def from_base(value: float, unit: str) -> float:
    _, factor, offset = base(unit)
    return (value - offset) / factor


def convert(value: float, src: str, dst: str) -> float:
    """`value` in `src` expressed in `dst` (same dimension)."""
    return from_base(to_base(value, src), dst)


def dimension(unit: str | None) -> str:
    return COUNT if unit is None else base(unit)[0]


def convertible(a: str | None, b: str | None) -> bool:
    return dimension(a) == dimension(b)
