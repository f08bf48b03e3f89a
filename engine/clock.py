"""A stage clock: CPU and wall time and peak RSS per pipeline stage (used by the benchmarks).

The engine calls `lap(stage)` at the end of each stage of each document; the
time since the previous lap is charged to that stage. Without a clock the
engine does no timing at all.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict

STAGES = ("load", "segment", "extract", "rules", "corpus", "report")
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes() -> int:
    """The resident set size of this process now (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except OSError:
        return 0


class StageClock:
    """Accumulates CPU seconds, wall seconds and the highest sampled RSS per stage.

    RSS is read every `every`-th lap of a stage (reading it costs a few
    microseconds); stages that run once per corpus are sampled each time.
    """

    def __init__(self, every: int = 16):
        self.every = every
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.rss: dict[str, int] = defaultdict(int)
        self.laps: dict[str, int] = defaultdict(int)
        self.reset()

    def reset(self) -> None:
        """Start timing from now (the time before is charged to no stage)."""
        self._cpu, self._wall = time.process_time(), time.perf_counter()

    def lap(self, stage: str) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        self.cpu[stage] += cpu - self._cpu
        self.wall[stage] += wall - self._wall
        n = self.laps[stage] = self.laps[stage] + 1
        if n % self.every == 1 or stage in ("corpus", "report"):
            self.rss[stage] = max(self.rss[stage], rss_bytes())
        self._cpu, self._wall = time.process_time(), time.perf_counter()
