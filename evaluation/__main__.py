"""`python -m evaluation [AREA ...]`: print every measured figure (areas: modules of this package).

Without arguments every area runs; modules named `<area>_<part>` (`sourcing_typing`, `opinion_weights`)
are parts of an area: they run only when named (the area itself may call them).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from . import SHARED


def main(argv: list[str]) -> int:
    modules = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if not m.name.startswith("_"))
    parts = {m for m in modules if "_" in m and m.split("_")[0] in modules}
    areas = argv or [m for m in modules if m not in parts]
    if not SHARED.is_dir():
        print(f"shared data not found at {SHARED}; set FACTLINT_SHARED", file=sys.stderr)
        return 2
    for area in areas:
        print(f"== {area}")
        importlib.import_module(f"evaluation.{area}").main()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
