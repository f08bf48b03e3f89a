"""The factlint benchmark: throughput and memory per stage and end to end, against the regex floor
and proselint on the same text in the same run; a 1 GB streaming run; the cross-article figure pass.

    python -m benchmarks.run                       # BBC and BBC repeated to ~100 MB
    python -m benchmarks.run --sizes bbc --write-docs
    python -m benchmarks.run --sizes 1gb           # 1 GB JSON Lines streaming run (file in /tmp, deleted after)
    python -m benchmarks.run --sizes figures       # cross-article pass over 1,000,000 figure records

Every measurement runs in a fresh child process, so peak RSS is that of the run alone. Results
are printed as Markdown and written as JSON (`--json`); `--write-docs` puts the tables into
docs/performance.md between the `results` markers. The machine is shared: CPU seconds are the
stable measure for single-process runs; `--jobs 2` speed-ups need wall time on idle cores, so
the load average is recorded before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .common import BBC, ROOT, builtin_phrases, corpus_info, floor_pattern, machine, measure, repeat_corpus, texts

MB = 1_000_000
STAGES = ("load", "segment", "extract", "rules", "corpus", "report")


# --- child tasks (each runs in its own process) -------------------------------------------------


def task_stages(corpus: Path) -> dict:
    """The pipeline in this process with the stage clock: CPU, wall and sampled peak RSS per stage."""
    from factlint.api import make_config
    from factlint.clock import StageClock, rss_bytes
    from factlint.heap import startup
    from factlint.pipeline import Engine

    with startup():  # the collector as the command line sets it
        engine = Engine(make_config({}))
        engine.warm_up()
    clock = StageClock()
    engine.clock = clock
    report = engine.check(engine.sources([str(corpus)]), jobs=1, stream=True)
    text = "".join(engine.registry.formatters["json"](report, {}))
    clock.lap("report")
    import resource

    return {
        "cpu": dict(clock.cpu), "wall": dict(clock.wall), "rss": dict(clock.rss), "rss_end": rss_bytes(),
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "documents": report.summary.documents, "factlint_words": report.summary.words,
        "findings": len(report.findings), "report_bytes": len(text.encode()),
    }


class _Replay:
    """An executor that hands back outcomes already computed (to time what `check` does after them)."""

    def __init__(self, outcomes: list):
        self.outcomes = outcomes

    def map(self, engine, items, keep_assertions=False, cache=None):
        return iter(self.outcomes)


def task_jobs(corpus: Path, jobs: int) -> dict:
    """CPU accounting of a `--jobs N` run by phase: start-up, the pool phase (parent and workers),
    and the tail (corpus pass, report, JSON). On a shared machine the wall-time speed-up depends on
    what else runs; this says what the run asks of N idle cores."""
    import resource

    from factlint.api import make_config
    from factlint.executors import ProcessPool
    from factlint.heap import startup as gc_startup
    from factlint.pipeline import Engine

    def cpu(who: int) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    with gc_startup():  # the collector as the command line sets it
        engine = Engine(make_config({}))
        engine.warm_up()
    startup = cpu(resource.RUSAGE_SELF)
    outcomes = list(ProcessPool(jobs).map(engine, enumerate(engine.inputs([str(corpus)]))))
    parent_pool = cpu(resource.RUSAGE_SELF) - startup
    workers = cpu(resource.RUSAGE_CHILDREN)
    start = cpu(resource.RUSAGE_SELF)
    report = engine.check([], executor=_Replay(outcomes), stream=True)
    for _ in engine.registry.formatters["json"](report, {}):
        pass
    tail = cpu(resource.RUSAGE_SELF) - start
    return {"jobs": jobs, "startup": startup, "parent_pool": parent_pool, "workers": workers, "tail": tail,
            "documents": report.summary.documents}


def task_floor(corpus: Path) -> dict:
    """One pass of one `regex` pattern (every built-in phrase, or a number) over every text."""
    phrases = builtin_phrases()
    t0 = time.process_time()
    pattern = floor_pattern(phrases)
    compile_cpu = time.process_time() - t0
    docs = texts(corpus)
    t0, w0 = time.process_time(), time.perf_counter()
    matches = 0
    for text in docs:
        for _ in pattern.finditer(text):
            matches += 1
    return {"cpu": time.process_time() - t0, "wall": time.perf_counter() - w0, "compile_cpu": compile_cpu,
            "phrases": len(phrases), "matches": matches}


def task_proselint(corpus: Path, limit: int | None) -> dict:
    """proselint 0.16's default checks over every text (or the first `limit`), in process."""
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    docs = texts(corpus)[:limit]
    t0, w0 = time.process_time(), time.perf_counter()
    found = sum(len(LintFile(f"doc{i}", text).lint()) for i, text in enumerate(docs))
    return {"cpu": time.process_time() - t0, "wall": time.perf_counter() - w0, "documents": len(docs),
            "words": sum(len(t.split()) for t in docs), "findings": found}


# --- the parent ------------------------------------------------------------------------------------


def child(task: str, corpus: Path, *extra: str) -> dict:
    run = measure([sys.executable, "-m", "benchmarks.run", "--task", task, "--corpus", str(corpus), *extra], cwd=ROOT)
    if run["exit"] != 0:
        raise SystemExit(f"task {task} failed:\n{run['stderr']}")
    return {**json.loads(run["stdout"]), "process": {k: run[k] for k in ("wall", "cpu", "peak_rss", "peak_tree_rss")}}


def check(corpus: Path, jobs: int, workdir: Path, cache: bool = False) -> dict:
    cmd = [sys.executable, "-m", "factlint", "check", str(corpus), "-j", str(jobs), "--format", "json",
           "--output", os.devnull, "--fail-on", "never"]
    run = measure(cmd + ([] if cache else ["--no-cache"]), cwd=workdir)
    if run["exit"] != 0:
        raise SystemExit(f"factlint check failed:\n{run['stderr']}")
    return {k: run[k] for k in ("cmd", "wall", "cpu", "peak_rss", "peak_tree_rss")}


def bench_corpus(name: str, corpus: Path, workdir: Path, proselint: dict | None, cache_runs: bool) -> dict:
    info = corpus_info(corpus)
    print(f"[{name}] {info['documents']:,} documents, {info['words']:,} words, {info['bytes'] / MB:.1f} MB", file=sys.stderr)
    out: dict = {"corpus": info, "load_before": os.getloadavg()}
    out["stages"] = child("stages", corpus)
    out["check_j1"] = check(corpus, 1, workdir)
    out["check_j2"] = check(corpus, 2, workdir)
    out["jobs_cpu"] = child("jobs", corpus, "--jobs", "2")
    out["floor"] = child("floor", corpus)
    # proselint at ~20k words/s would take a quarter of an hour on 100 MB of repeated articles:
    # its rate is taken on the first 2,500 documents (all of BBC) unless the caller measured it.
    out["proselint"] = proselint or child("proselint", corpus, "--limit", "2500")
    if cache_runs:
        copy = workdir / corpus.name
        shutil.copyfile(corpus, copy)
        out["cache_cold"] = check(copy, 1, workdir, cache=True)
        out["cache_warm"] = check(copy, 1, workdir, cache=True)
        lines = copy.read_text("utf-8").splitlines(keepends=True)
        rec = json.loads(lines[len(lines) // 2])
        rec["text"] = rec["text"].replace(".", ". It said 12 more.", 1)
        lines[len(lines) // 2] = json.dumps(rec, ensure_ascii=False) + "\n"
        copy.write_text("".join(lines), "utf-8")
        out["cache_one_edit"] = check(copy, 1, workdir, cache=True)
        copy.unlink()
        shutil.rmtree(workdir / ".factlint_cache", ignore_errors=True)
    out["load_after"] = os.getloadavg()
    return out


def bench_stream(size: int, jobs: int, tmp: Path, workdir: Path) -> dict:
    path = tmp / f"factlint-stream-{size // MB}mb.jsonl"
    try:
        info = repeat_corpus(BBC, path, size)
        print(f"[stream] {info['documents']:,} documents, {info['bytes'] / MB:.0f} MB; checking with -j {jobs}", file=sys.stderr)
        return {"corpus": info, "jobs": jobs, "load_before": os.getloadavg(), "check": check(path, jobs, workdir),
                "load_after": os.getloadavg()}
    finally:
        path.unlink(missing_ok=True)


def bench_figures(count: int) -> dict:
    """The numbers plugin's cross-article pass over synthetic figure records: its own benchmark
    `benchmarks/figures_grouping.py N` (records built, grouped, judged, ledger), in a child process."""
    hook = ROOT / "benchmarks" / "figures_grouping.py"
    if not hook.exists():
        return {"available": False, "note": f"{hook.relative_to(ROOT)} not found"}
    run = measure([sys.executable, "-m", "benchmarks.figures_grouping", str(count)], cwd=ROOT)
    return {"available": True, "figures": count, **{k: run[k] for k in ("exit", "wall", "cpu", "peak_rss", "stdout", "stderr")}}


# --- the Markdown tables -----------------------------------------------------------------------------


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def _rate(words: int, nbytes: int, seconds: float) -> tuple[str, str]:
    if seconds <= 0:
        return "-", "-"
    return f"{words / seconds:,.0f}", f"{nbytes / MB / seconds:,.1f}"


def corpus_tables(name: str, r: dict, versions: dict) -> list[str]:
    c = r["corpus"]
    words, nbytes = c["words"], c["bytes"]
    s = r["stages"]
    lines = [f"### {name}: {c['documents']:,} documents, {words:,} words, {nbytes / MB:.1f} MB", "",
             "Per stage, single process (stage clock inside `Engine`; RSS sampled while the stage ran):", "",
             "| stage | CPU s | wall s | words/s (CPU) | MB/s (CPU) | peak RSS |", "|---|---:|---:|---:|---:|---:|"]
    for stage in STAGES:
        cpu = s["cpu"].get(stage, 0.0)
        w, m = _rate(words, nbytes, cpu)
        lines.append(f"| {stage} | {cpu:.2f} | {s['wall'].get(stage, 0.0):.2f} | {w} | {m} | {_mb(s['rss'].get(stage, 0))} |")
    total = sum(s["cpu"].values())
    w, m = _rate(words, nbytes, total)
    lines += [f"| all stages | {total:.2f} | {sum(s['wall'].values()):.2f} | {w} | {m} | {_mb(s['peak_rss'])} |", "",
              "End to end (fresh process each; words/s and MB/s on wall time; peak RSS of the largest process):", "",
              "| run | wall s | CPU s | words/s | MB/s | peak RSS |", "|---|---:|---:|---:|---:|---:|"]
    rows = [("`factlint check --jobs 1`", r["check_j1"]), ("`factlint check --jobs 2`", r["check_j2"])]
    rows += [(label, r[key]) for label, key in (("cached re-run, cold cache", "cache_cold"), ("cached re-run, warm cache", "cache_warm"),
                                                ("cached re-run, one article edited", "cache_one_edit")) if key in r]
    for label, run in rows:
        w, m = _rate(words, nbytes, run["wall"])
        lines.append(f"| {label} | {run['wall']:.2f} | {run['cpu']:.2f} | {w} | {m} | {_mb(run['peak_rss'])} |")
    fl, pl = r["floor"], r["proselint"]
    w, m = _rate(words, nbytes, fl["wall"])
    lines.append(f"| floor: one `regex` pass, {fl['phrases']:,} phrases + number pattern | {fl['wall']:.2f} | {fl['cpu']:.2f} | {w} | {m} "
                 f"| {_mb(fl['process']['peak_rss'])} |")
    pw, pm = _rate(pl["words"], nbytes * pl["words"] / words, pl["wall"])
    lines.append(f"| proselint {versions.get('proselint')} ({pl['documents']:,} documents) | {pl['wall']:.2f} | {pl['cpu']:.2f} "
                 f"| {pw} | {pm} | {_mb(pl['process']['peak_rss'])} |")
    j1, j2 = r["check_j1"], r["check_j2"]
    pl_rate_cpu = pl["words"] / pl["cpu"]
    lines += ["", "Ratios (same text, same run):", "",
              f"- `check --jobs 1` vs proselint: **{(words / j1['cpu']) / pl_rate_cpu:.1f}×** its words/s on CPU time "
              f"({(words / j1['wall']) / (pl['words'] / pl['wall']):.1f}× on wall time); target ≥ 10×",
              f"- `check --jobs 1` vs the floor: **{j1['cpu'] / fl['cpu']:.1f}×** the floor's CPU time "
              f"({j1['wall'] / fl['wall']:.1f}× on wall time); target ≤ 5×",
              f"- `--jobs 2` vs `--jobs 1`: **{j1['wall'] / j2['wall']:.2f}×** faster on wall time; target ≥ 1.7× "
              f"(load average before/after: {_load(r['load_before'])} / {_load(r['load_after'])})"]
    if "jobs_cpu" in r:
        a = r["jobs_cpu"]
        serial, parallel = a["startup"] + a["tail"], a["parent_pool"] + a["workers"]
        lines.append(f"- `--jobs 2` CPU by phase: start-up {a['startup']:.2f} s, pool phase {a['workers']:.2f} s in the workers + "
                     f"{a['parent_pool']:.2f} s in the parent, tail (corpus pass, report, JSON) {a['tail']:.2f} s; on two idle "
                     f"cores that is about {serial + parallel / 2:.2f} s of wall time against {j1['cpu']:.2f} s of CPU for "
                     f"`--jobs 1`: **{j1['cpu'] / (serial + parallel / 2):.2f}×** (an estimate from CPU accounting, not a timing)")
    return lines


def _load(values) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def markdown(results: dict) -> str:
    m = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)
    lines = [f"Measured {results['date']} on commit `{m['commit']}`: {m['cpu']}, {m['cores']} cores, {m['memory']}, "
             f"{m['os']}, Python {m['python']}; {versions}. Load average at start: {_load(m['load_average'])} "
             "(the machine is shared).", ""]
    for key, label in (("bbc", "BBC news"), ("100mb", "BBC repeated to ~100 MB")):
        if key in results:
            lines += corpus_tables(label, results[key], m["versions"]) + [""]
    if "1gb" in results:
        r = results["1gb"]
        run = r["check"]
        lines += [f"### Streaming: {r['corpus']['bytes'] / MB:,.0f} MB of JSON Lines, {r['corpus']['documents']:,} documents, "
                  f"`--jobs {r['jobs']}`", "",
                  f"`{run['cmd'].split(' -m ', 1)[-1]}`: wall {run['wall']:.0f} s, CPU {run['cpu']:.0f} s, "
                  f"peak RSS of the largest process **{_mb(run['peak_rss'])}**, peak of all its processes together "
                  f"**{_mb(run['peak_tree_rss'])}** (sampled every 0.2 s); target < 1 GB.", ""]
    if "figures" in results:
        f = results["figures"]
        if f.get("available"):
            lines += [f"### Cross-article pass: {f['figures']:,} figure records", "",
                      f"`python -m benchmarks.figures_grouping {f['figures']}`: wall {f['wall']:.1f} s, "
                      f"CPU {f['cpu']:.1f} s, peak RSS {_mb(f['peak_rss'])}; target < 10 s.", "",
                      "```", f["stdout"].strip(), "```", ""]
        else:
            lines += ["### Cross-article pass", "", f"Not measured: {f['note']}.", ""]
    return "\n".join(lines).rstrip() + "\n"


def write_docs(text: str) -> None:
    doc = ROOT / "docs" / "performance.md"
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    body = doc.read_text("utf-8")
    before, rest = body.split(start, 1)
    _, after = rest.split(end, 1)
    doc.write_text(f"{before}{start}\n{text}{end}{after}", "utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="bbc,100mb", help="comma-separated: bbc, 100mb, 1gb, figures")
    ap.add_argument("--corpus", type=Path, default=BBC)
    ap.add_argument("--task", choices=["stages", "jobs", "floor", "proselint"], help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=2, help=argparse.SUPPRESS)
    ap.add_argument("--stream-jobs", type=int, default=2, help="--jobs for the 1 GB run")
    ap.add_argument("--stream-mb", type=int, default=1000, help="size of the 1gb streaming run in MB (smaller on a busy machine)")
    ap.add_argument("--figures", type=int, default=1_000_000)
    ap.add_argument("--tmp", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--json", type=Path, help="write the raw results here")
    ap.add_argument("--write-docs", action="store_true", help="put the tables into docs/performance.md")
    args = ap.parse_args(argv)
    if args.task:
        tasks = {"stages": lambda: task_stages(args.corpus), "floor": lambda: task_floor(args.corpus),
                 "jobs": lambda: task_jobs(args.corpus, args.jobs),
                 "proselint": lambda: task_proselint(args.corpus, args.limit)}
        print(json.dumps(tasks[args.task]()))
        return
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine()}
    with tempfile.TemporaryDirectory(prefix="factlint-bench-", dir=args.tmp) as tmp:
        tmp = Path(tmp)
        work = tmp / "work"
        work.mkdir()
        proselint = None
        if "bbc" in sizes:
            results["bbc"] = bench_corpus("bbc", args.corpus, work, None, cache_runs=True)
            proselint = results["bbc"]["proselint"]
        if "100mb" in sizes:
            big = tmp / "bbc-100mb.jsonl"
            repeat_corpus(args.corpus, big, 100 * MB)
            results["100mb"] = bench_corpus("100mb", big, work, proselint, cache_runs=False)
            big.unlink()
        if "1gb" in sizes:
            results["1gb"] = bench_stream(args.stream_mb * MB, args.stream_jobs, tmp, work)
        if "figures" in sizes:
            results["figures"] = bench_figures(args.figures)
    text = markdown(results)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), "utf-8")
    if args.write_docs:
        write_docs(text)


if __name__ == "__main__":
    main()
