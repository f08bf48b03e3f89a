"""Units through pint: conversions to base units, cached per unit; the pack's units from
`unit_table.py` (pint's answers written down), the registry built only for any other unit.

Money is not converted (exchange rates depend on the date): an ISO 4217 code is
its own dimension. Percent, percentage points and temperatures whose scale is not
given ("30 degrees") are dimensions of their own.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from .unit_table import BASE

COUNT = "count"
PERCENT = "percent"
POINTS = "percentage_point"
DEGREE_TEMPERATURE = "degree_temperature"  # "30 degrees" of heat, scale not given: pint's "degree" is an angle


@cache
def registry():
    """The pint UnitRegistry, built on first use (importing pint and building it take about a second)."""
    import pint

    return pint.UnitRegistry(cache_folder=None)


@lru_cache(maxsize=None)
def base(unit: str) -> tuple[str, float, float]:
    """(dimension, factor, offset) so that value·factor + offset is in base units.

    Counts, percent, points, temperatures of no given scale and currencies map to themselves with factor 1.
    The units of the pack come from `unit_table.BASE`, pint's answers written down (a test keeps them
    equal), so a run that meets no other unit never builds the registry.
    """
    if unit in (COUNT, PERCENT, POINTS, DEGREE_TEMPERATURE) or (len(unit) == 3 and unit.isupper()):
        return unit, 1.0, 0.0
    known = BASE.get(unit)
    return known if known is not None else pint_base(unit)


def pint_base(unit: str) -> tuple[str, float, float]:
    """`base(unit)` computed by pint."""
    ureg = registry()
    q0 = ureg.Quantity(0.0, unit).to_base_units()
    q1 = ureg.Quantity(1.0, unit).to_base_units()
    return str(q1.dimensionality), float(q1.magnitude - q0.magnitude), float(q0.magnitude)


def pack_units() -> list[str]:
    """The pint units the pack's unit words map to."""
    from .lexicon import lexicon

    return sorted(set(lexicon().units.values()))


def table_source() -> str:
    """The text of `unit_table.py` for the pack's units and the installed pint."""
    import pint

    rows = "".join(f"    {u!r}: {pint_base(u)!r},\n" for u in pack_units())
    return (f'"""pint {pint.__version__}\'s `base` of every unit in the numbers pack; written by '
            f'`factlint.plugins.numbers.units.write_table()`."""\n\nBASE = {{\n{rows}}}\n')


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


def write_table() -> None:
    """Rewrite `unit_table.py`: after changing the pack's units or upgrading pint."""
    Path(__file__).with_name("unit_table.py").write_text(table_source(), encoding="utf-8")
