"""The pipeline: load → segment → extract → document rules → corpus rules → report."""

from __future__ import annotations

import hashlib
import json
import os
import traceback
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import Config, ConfigError
from .document import Document, Suppression
from .loading import LoadError, Source, discover
from .models import Attribution, DocumentSummary, Finding, Location, OpinionCue, Quantity, Report, Severity, Summary
from .registry import Registry
from .rule import CorpusRule, Rule, matches
from .segment import segment
from .store import (
    Records, Spill, Stored, pack_finding, pack_location, pack_summary, packed_codes, packed_counts, packed_order,
    packed_severities, summary_words, unpack_finding, unpack_location, unpack_summary,
)

if TYPE_CHECKING:
    from .cache import ResultCache
    from .clock import StageClock


@dataclass
class DocResult:
    """What the corpus stage keeps of one document: no text, only compact results."""

    index: tuple[int, int, int]  # input, byte range of the input, document within it: the report order
    summary: DocumentSummary
    findings: list[Finding] = field(default_factory=list)
    records: dict[str, list[Any]] = field(default_factory=dict)
    suppressions: list[tuple[Suppression, Location]] = field(default_factory=list)
    assertions: list[Any] | None = None

    def __getstate__(self) -> tuple:
        """Compact for pickling (worker → parent, the cache, the spill): models as tuples."""
        packed = self.__dict__.get("_packed")
        if packed is None:
            memo: dict = {}
            packed = (pack_summary(self.summary), [pack_finding(f, memo) for f in self.findings],
                      [(s, pack_location(loc)) for s, loc in self.suppressions])
        summary, findings, suppressions = packed
        return self.index, summary, findings, self.records, suppressions, self.assertions

    def __setstate__(self, state: tuple) -> None:
        """Unpickled, the models stay packed until first used (the report may never need them)."""
        self.index, summary, findings, self.records, suppressions, self.assertions = state
        self._packed = (summary, findings, suppressions)

    def __getattr__(self, name: str) -> Any:  # called only for attributes not set: the packed models
        packed = self.__dict__.get("_packed")
        if packed is None or name not in ("summary", "findings", "suppressions"):
            raise AttributeError(name)
        summary, findings, suppressions = packed
        memo: dict = {}
        self.summary = unpack_summary(summary)
        self.findings = [unpack_finding(f, memo) for f in findings]
        self.suppressions = [(s, unpack_location(loc)) for s, loc in suppressions]
        self._packed = None
        return getattr(self, name)

    @property
    def packed(self) -> tuple[tuple, list[tuple], list] | None:
        """(summary, findings, suppressions) as tuples while the models have not been unpacked."""
        return self.__dict__.get("_packed")

    @property
    def doc_id(self) -> str:
        return self._packed[0][0] if self.packed is not None else self.summary.id


def error_finding(err: LoadError) -> Finding:
    from .plugins.text import ERROR_RULES

    cls = ERROR_RULES[err.code]
    return Finding(
        code=cls.code, rule=cls.name, severity=cls.severity, message=err.message,
        document=err.document, path=err.path, line=err.line, column=err.column,
        start=err.start, end=err.end, excerpt=err.excerpt,
    )


class Engine:
    """A configured run. Build once; `check` and `extract` may be called repeatedly."""

    def __init__(self, config: Config | None = None, registry: Registry | None = None):
        self.config = config or Config()
        self.registry = registry or Registry(self.config.disable_plugins)
        packs = [self._resolve(p) for p in self.config.rule_packs]
        self.rule_classes = self.registry.rules(packs)
        self._validate_config()
        self._rulesets: dict[tuple[int, ...], list[Rule]] = {}
        self._level_maps: dict[tuple[int, ...], dict[str, Severity]] = {}
        self.clock: StageClock | None = None  # set by the benchmarks to time each stage
        self._warm = False

    # --- configuration -------------------------------------------------------------
    def _resolve(self, path: str) -> Path:
        p = Path(path)
        return p if p.is_absolute() or self.config.base is None else self.config.base / p

    def _validate_config(self) -> None:
        codes = set(self.rule_classes)
        for scope, settings in [("", self.config), *((f"overrides[{i}].", o) for i, o in enumerate(self.config.overrides))]:
            for code, options in settings.rules.items():
                if code not in codes:
                    raise ConfigError(f"{scope}rules.{code}: no such rule")
                self._options(code, options, f"{scope}rules.{code}")
            for code in settings.severity:
                if code not in codes:
                    raise ConfigError(f"{scope}severity.{code}: no such rule")

    def _options(self, code: str, options: dict[str, Any], key: str):
        from pydantic import ValidationError

        cls = self.rule_classes[code]
        try:
            return cls.Options.model_validate(options)
        except ValidationError as exc:
            details = "; ".join(f"{key}.{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ConfigError(details) from exc

    def _overrides_for(self, name: str) -> tuple[int, ...]:
        return tuple(i for i, o in enumerate(self.config.overrides) if o.applies(name))

    def rules_for(self, name: str = "") -> list[Rule]:
        """Rule instances for a document, with per-path overrides applied (cached per override set)."""
        key = self._overrides_for(name) if name else ()
        if key not in self._rulesets:
            cfg = self.config
            select, ignore = list(cfg.select), list(cfg.ignore)
            severity, options = dict(cfg.severity), {c: dict(o) for c, o in cfg.rules.items()}
            for i in key:
                o = cfg.overrides[i]
                if o.select is not None:
                    select = o.select
                ignore += o.ignore
                severity.update(o.severity)
                for code, opts in o.rules.items():
                    options[code] = {**options.get(code, {}), **opts}
            rules = []
            for code, cls in self.rule_classes.items():
                if (select and not matches(code, select)) or matches(code, ignore):
                    continue
                opts = self._options(code, options.get(code, {}), f"rules.{code}")
                rules.append(cls(opts, severity.get(code)))
            self._rulesets[key] = rules
        return self._rulesets[key]

    # --- loading ---------------------------------------------------------------------
    def inputs(self, paths: Iterable[str], stdin: bytes | None = None, stdin_name: str | None = None) -> Iterator[Source | LoadError]:
        """The inputs, not yet read: a `Source` per file (and for stdin), or a `LoadError`."""
        for item in discover(paths, self.registry.loaders):
            if isinstance(item, LoadError):
                yield item
            elif item == "-":
                name = stdin_name or "-"
                yield Source(name, Path(name).suffix.lower(), stdin or b"")
            else:
                yield Source(item, Path(item).suffix.lower())

    def sources(self, paths: Iterable[str], stdin: bytes | None = None, stdin_name: str | None = None) -> Iterator[Document | LoadError]:
        """The loaded documents of the inputs, in order."""
        for item in self.inputs(paths, stdin, stdin_name):
            yield from (item,) if isinstance(item, LoadError) else self.load(item)

    def loader(self, source: Source):
        return self.registry.loaders.get(source.suffix) or self.registry.loaders[".txt"]

    def load(self, source: Source) -> Iterator[Document | LoadError]:
        try:
            yield from self.loader(source)(source)
        except OSError as exc:
            yield LoadError(document=source.name, path=source.name, message=f"cannot read: {exc.strerror or exc}")

    # --- per document ------------------------------------------------------------------
    def process(self, item: Document | LoadError, index: tuple[int, int, int], keep_assertions: bool = False) -> DocResult:
        """Everything that needs the document's text. Never raises."""
        if isinstance(item, LoadError):
            summary = DocumentSummary(id=item.document, path=item.path, error=item.message)
            return DocResult(index, summary, [error_finding(item)])
        doc = item
        findings: list[Finding] = [error_finding(e) for e in doc.load_errors]
        if len(doc.text) > self.config.max_chars:
            err = LoadError(
                code="TXT004", document=doc.id, path=doc.path,
                message=f"document has {len(doc.text):,} characters, more than max_chars "
                f"({self.config.max_chars:,}); not checked",
            )
            return DocResult(index, DocumentSummary(id=doc.id, path=doc.path, error=err.message), [*findings, error_finding(err)])
        clock = self.clock
        if clock:
            clock.lap("load")
        rules = self.rules_for(doc.path or doc.id)
        try:
            segment(doc)
            if clock:
                clock.lap("segment")
            for extractor in self.registry.extractors:
                doc.assertions.extend(extractor(doc))
            doc.assertions.sort(key=lambda a: (a.start, a.end))
        except Exception as exc:  # noqa: BLE001 - a broken extractor must not stop the run
            findings.append(self._crash("segmentation or extraction", doc, exc))
        if clock:
            clock.lap("extract")
        records: dict[str, list[Any]] = {}
        start = len(findings)
        for rule in rules:
            try:
                if isinstance(rule, CorpusRule):
                    records[rule.code] = list(rule.collect(doc))
                    if clock:
                        clock.lap("corpus")
                else:
                    findings.extend(rule.check(doc))
                    if clock:
                        clock.lap("rules")
            except Exception as exc:  # noqa: BLE001 - a broken rule must not stop the run
                findings.append(self._crash(f"rule {rule.code} ({rule.name})", doc, exc))
        furniture = [(b.start, b.end) for b in doc.blocks if b.kind == "furniture"]
        if furniture:  # content rules never report inside page furniture, whatever view they read
            findings[start:] = [f for f in findings[start:] if f.code.startswith("TXT")
                                or not any(s <= f.start < e for s, e in furniture)]
        result = DocResult(index, self.summarize(doc), findings, records)
        result.suppressions = [(s, doc.location(s.comment_start, s.comment_end)) for s in doc.suppressions]
        if keep_assertions:
            result.assertions = doc.assertions
        if clock:
            clock.lap("report")
        return result

    def _crash(self, what: str, doc: Document, exc: Exception) -> Finding:
        from .plugins.text import RuleError

        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = f"{what} failed on this document: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
        return RuleError().finding(doc, 0, 0, message)

    @staticmethod
    def summarize(doc: Document) -> DocumentSummary:
        kinds = Counter(type(a) for a in doc.assertions)
        sources = Counter(a.source_type for a in doc.assertions if isinstance(a, Attribution))
        meta = {k: v for k, v in doc.meta.items() if k not in ("title", "date", "type", "id", "text")}
        return DocumentSummary(
            id=doc.id, path=doc.path, title=doc.title, date=_str(doc.meta.get("date")), type=doc.type,
            words=doc.words, sentences=len(doc.sentences), figures=kinds[Quantity],
            attributions=dict(sorted(sources.items())), opinion_cues=kinds[OpinionCue],
            opinion_density=doc.stats.get("opinion_density"), meta=_jsonable(meta),
        )

    # --- the run --------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Run every stage once on a small text, so lazy models and patterns exist before workers fork (once per engine)."""
        if self._warm:
            return
        self._warm = True
        text = 'Warm-up. About 1,200 people, or 3% of them, said "yes" on Monday, officials said.\n'
        self.process(Document(id="<warm-up>", text=text), (-1, 0, 0))

    def executor(self, jobs: int | None = None):
        from .executors import make_executor

        jobs = self.config.jobs if jobs is None else jobs
        return make_executor(jobs or os.cpu_count() or 1)

    def results(self, items: Iterable[Document | LoadError | Source], jobs: int | None = None, keep_assertions: bool = False,
                progress: Callable[[Iterable], Iterable] | None = None, executor: Any = None) -> Iterator[DocResult]:
        """Per-document results in input order, in `jobs` worker processes (0 = one per core) or on `executor`."""
        executor = executor or self.executor(jobs)
        results = (o.result for o in executor.map(self, enumerate(items), keep_assertions))
        yield from (progress(results) if progress else results)

    def check(self, items: Iterable[Document | LoadError | Source], *, jobs: int | None = None, baseline: Path | None = None,
              progress: Callable[[Iterable], Iterable] | None = None, executor: Any = None,
              cache: ResultCache | None = None, stream: bool = False) -> Report:
        """The report for a corpus (documents, or sources the executor reads). With a `cache`,
        unchanged documents are not processed again: their cached results (findings and corpus
        records) are used as they are, and new results are stored.

        Per-document results wait in a temporary file, not in memory. With `stream`, the report's
        `documents` and `findings` stay there too (`Stored` sequences, read back in order as they
        are walked): the command line's way to report a corpus of any size. Otherwise they are lists."""
        executor = executor or self.executor(jobs)
        clock = self.clock
        corpus_rules = [r for r in self.rules_for() if isinstance(r, CorpusRule)]
        records, counts = Spill(), Counter()  # each document's corpus records, and how many per rule
        results = Spill()
        keys = array("q")  # each result's index, flattened: the report order
        by_id: dict[str, int] = {}
        outcomes = executor.map(self, enumerate(items), cache=cache)
        try:
            for result, key, cached in progress(outcomes) if progress else outcomes:
                if key is not None and cached:
                    cache.touch(key)
                elif key is not None:
                    cache.put(key, result)
                if any(result.records.values()):
                    records.append(result.records)
                    counts.update({code: len(recs) for code, recs in result.records.items()})
                result.records = {}
                keys.extend(result.index)
                doc_id = result.doc_id
                position, previous = results.append(result), by_id.get(doc_id)
                by_id[doc_id] = position if previous is None else (*_tuple(previous), position)
        finally:
            if cache is not None:
                cache.close()
        if clock:
            clock.lap("load")
        order = sorted(range(len(results)), key=lambda i: keys[3 * i:3 * i + 3])
        ranks = array("q", bytes(8 * len(order)))
        for rank, position in enumerate(order):
            ranks[position] = rank
        for doc_id, positions in by_id.items():  # corpus findings go to the last document with their id
            by_id[doc_id] = max(ranks[p] for p in _tuple(positions))
        del ranks, keys
        report = Report(factlint=__version__)
        extra: dict[int, list[tuple]] = defaultdict(list)  # corpus findings by the rank of their document
        tail: list[DocResult] = []  # corpus rules that failed, reported after the documents
        memo: dict = {}  # shared related spans stay shared
        for rule in corpus_rules:
            try:
                findings, sections = self._finish(rule, Records(records, rule.code, counts[rule.code]), executor)
                for finding in findings:
                    rank = by_id.get(finding.document)
                    if rank is not None:
                        extra[rank].append(pack_finding(finding, memo))
                report.sections.update(sections)
            except Exception as exc:  # noqa: BLE001
                from .plugins.text import RuleError

                err = RuleError().finding_at(
                    Location(document="<corpus>", line=1, column=1, start=0, end=0, excerpt=""),
                    f"corpus rule {rule.code} ({rule.name}) failed: {type(exc).__name__}: {exc}",
                )
                tail.append(DocResult((len(results) + len(tail), 0, 0), DocumentSummary(id="<corpus>", error=err.message), [err]))
        records.close()
        del by_id
        if clock:
            clock.lap("corpus")
        in_order = all(rank == position for rank, position in enumerate(order))  # as executors yield them
        stored = iter(results) if in_order else (results[position] for position in order)
        memo = {}
        ordered = (self._with_corpus(result, extra.pop(rank, ()), memo) for rank, result in enumerate(stored))
        report = self._assemble(report, chain(ordered, tail), baseline, stream)
        results.close()
        if clock:
            clock.lap("report")
        return report

    def _with_corpus(self, result: DocResult, extra: Iterable[tuple], memo: dict) -> DocResult:
        """A document's result with the corpus findings on it that survive its overrides."""
        for packed in extra:
            finding = unpack_finding(packed, memo)
            if self._keeps(finding, result.summary.path or finding.document):
                result.findings.append(finding)
        return result

    def _finish(self, rule: CorpusRule, records: Sequence[Any], executor: Any) -> tuple[list[Finding], dict[str, Any]]:
        """A corpus rule's findings and sections. A rule with a `fact_key(record)` method is
        finished once per key group (groups in order of first appearance), on the executor's
        workers where it has them; its sections are merged with `merge_sections`."""
        fact_key = getattr(rule, "fact_key", None)
        if fact_key is None:
            return list(rule.finish(records)), rule.sections()
        groups: dict[Any, list[Any]] = {}
        for record in records:
            groups.setdefault(fact_key(record), []).append(record)
        spread = getattr(executor, "finish_groups", None)
        parts = spread(self, rule.code, list(groups.values())) if spread else [
            self.finish_group(rule.code, group) for group in groups.values()
        ]
        merge = getattr(rule, "merge_sections", merge_sections)
        return [f for findings, _ in parts for f in findings], merge([sections for _, sections in parts])

    def finish_group(self, code: str, records: list[Any]) -> tuple[list[Finding], dict[str, Any]]:
        """`finish` of corpus rule `code` on one key group, by a fresh instance of the rule."""
        rule = next(r for r in self.rules_for() if r.code == code)
        fresh = type(rule)(rule.options, rule.level)
        return list(fresh.finish(records)), fresh.sections()

    def _keeps(self, finding: Finding, name: str) -> bool:
        """Whether a corpus finding survives the document's overrides; re-levels it if they say so."""
        local = self._levels(name)
        if finding.code not in local:
            return False
        if finding.severity == self._levels("")[finding.code]:
            finding.severity = local[finding.code]
        return True

    def _levels(self, name: str) -> dict[str, Severity]:
        key = self._overrides_for(name) if name else ()
        if key not in self._level_maps:
            self._level_maps[key] = {r.code: r.level for r in self.rules_for(name)}
        return self._level_maps[key]

    def _assemble(self, report: Report, results: Iterable[DocResult], baseline: Path | None, stream: bool) -> Report:
        """Suppressions, baseline and counts, one document at a time; the summaries and findings
        go to a spill that the report reads (`stream`) or that is read back into lists."""
        from .plugins.text import UnusedSuppression

        accepted = read_baseline(baseline) if baseline is not None else None
        memo: dict = {}  # shared related spans stay shared
        seen: Counter = Counter()  # occurrences of each fingerprint key, for the baseline
        out = Spill()
        suppressed = documents = words = count = 0
        severities: Counter = Counter()
        families: Counter = Counter()
        for result in results:
            packed = result.packed
            if packed is not None and not packed[2] and accepted is None:  # no suppressions: sort and count the tuples
                summary, kept, _ = packed
                if kept:
                    kept = packed_order(kept)
                    summary = packed_counts(summary, kept)
                documents += 1
                words += summary_words(summary)
                count += len(kept)
                severities.update(packed_severities(kept))
                families.update(code.rstrip("0123456789") for code in packed_codes(kept))
                out.append((summary, kept))
                continue
            kept = result.findings
            if result.findings or result.suppressions:
                kept = []
                used = set()
                for f in result.findings:
                    hit = next(
                        (k for k, (s, _) in enumerate(result.suppressions)
                         if s.start <= f.start < s.end and (not s.codes or matches(f.code, s.codes))),
                        None,
                    )
                    if hit is None or f.code.startswith("TXT9"):
                        kept.append(f)
                    else:
                        used.add(hit)
                        suppressed += 1
                for k, (s, loc) in enumerate(result.suppressions):
                    if k not in used:
                        codes = ", ".join(s.codes) or "all codes"
                        kept.append(UnusedSuppression().finding_at(loc, f"suppression of {codes} matched no finding; remove it"))
                kept.sort(key=lambda f: (f.start, f.end, f.code, f.message))
                if accepted is None:
                    result.summary.findings = dict(sorted(Counter(f.severity.value for f in kept).items()))
            if accepted is not None:
                fresh = []
                for f, fp in zip(kept, fingerprints(kept, seen)):
                    if accepted.get(fp, 0) > 0:
                        accepted[fp] -= 1
                        suppressed += 1
                    else:
                        fresh.append(f)
                kept = fresh
                result.summary.findings = dict(sorted(Counter(f.severity.value for f in kept).items()))
            documents += 1
            words += result.summary.words
            count += len(kept)
            severities.update(f.severity.value for f in kept)
            families.update(f.code.rstrip("0123456789") for f in kept)
            out.append((pack_summary(result.summary), [pack_finding(f, memo) for f in kept]))
        report.documents = Stored(out, 0, documents)
        report.findings = Stored(out, 1, count)
        if not stream:
            report.documents, report.findings = list(report.documents), list(report.findings)
            out.close()
        report.summary = Summary(
            documents=documents, words=words, findings=dict(sorted(severities.items())),
            by_family=dict(sorted(families.items())), suppressed=suppressed,
            baseline_unmatched=sum(accepted.values()) if accepted is not None else 0,
        )
        return report

    def extract(self, items: Iterable[Document | LoadError], jobs: int | None = None,
                progress: Callable[[Iterable], Iterable] | None = None) -> Iterator[DocResult]:
        return self.results(items, jobs, keep_assertions=True, progress=progress)


# --- baselines -------------------------------------------------------------------------------


def fingerprints(findings: Iterable[Finding], seen: Counter | None = None) -> list[str]:
    """Stable ids: code, document, excerpt and its occurrence number (not its offset).

    `seen` counts the keys of findings fingerprinted before these (a report taken in parts)."""
    seen = Counter() if seen is None else seen
    out = []
    for f in findings:
        key = (f.code, f.document, " ".join(f.excerpt.split()).lower())
        seen[key] += 1
        out.append(hashlib.sha1("\x1f".join([*key, str(seen[key])]).encode()).hexdigest()[:20])
    return out


def write_baseline(report: Report, path: Path) -> None:
    entries = [
        {"fingerprint": fp, "code": f.code, "document": f.document, "excerpt": f.excerpt}
        for f, fp in zip(report.findings, fingerprints(report.findings))
    ]
    path.write_text(json.dumps({"factlint_baseline": 1, "findings": entries}, indent=1, ensure_ascii=False) + "\n", "utf-8")


def read_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text("utf-8"))
        return Counter(entry["fingerprint"] for entry in data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a factlint baseline: {exc}") from exc


def merge_sections(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Sections of key groups as one: lists concatenated, mappings merged, other values from the last group."""
    merged: dict[str, Any] = {}
    for part in parts:
        for name, value in part.items():
            if isinstance(value, list):
                merged[name] = [*merged.get(name, []), *value]
            elif isinstance(value, dict):
                merged[name] = {**merged.get(name, {}), **value}
            else:
                merged[name] = value
    return merged


def _tuple(value: int | tuple[int, ...]) -> tuple[int, ...]:
    return value if isinstance(value, tuple) else (value,)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _jsonable(meta: dict[str, Any]) -> dict[str, Any]:
    if all(type(v) in _PLAIN for v in meta.values()):
        return meta
    return json.loads(json.dumps(meta, default=str))


_PLAIN = (str, int, float, bool, type(None))
