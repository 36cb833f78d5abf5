"""Throughput of selon as a ratio to bare spaCy parsing, measured in one run.

Why a ratio and not articles per second alone: the machine changes, the ratio
does not much. selon's promise is that everything it adds to spaCy's parse
(cleaning, language check, actors, claims, events, quality, the record) costs
at most a quarter of the parse itself (``ratio_to_spacy`` <= 1.25).

Both runs see the same articles, the same model (``parse.model``), the same
``n_process`` and the same ``batch_size``; models, lookup tables and the
language detector are loaded before the clock starts. Bare spaCy parses each
article's raw text as one Doc with ``nlp.pipe``; selon runs
:func:`selon.pipeline.extract_many` to the last record.

Per-stage seconds (``stages``) are measured during the selon run by timing the
stage functions the pipeline calls in the main process (clean, language check,
the post-parse stages, quality, record building); ``parse`` is the rest of the
wall time, i.e. the time the main process spent in (or waiting on) spaCy.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selon.model import Article
from selon.settings import get_settings

if TYPE_CHECKING:
    from spacy.language import Language


def read_articles(source: str | Path) -> list[Article]:
    """Articles from a corpus folder (with ``articles.jsonl``), a JSONL file or a folder."""
    from selon.ingest import read_inputs

    path = Path(source)
    if path.is_dir() and (path / "articles.jsonl").is_file():
        path = path / "articles.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"{source}: no such file or directory")
    articles = [a for a in read_inputs([str(path)]) if not a.errors and a.text.strip()]
    if not articles:
        raise ValueError(f"{source}: no readable articles")
    return articles


class RSSSampler:
    """Peak memory of this process and its children (spaCy workers), sampled.

    Forked workers share the model's pages with the parent, so summing their
    RSS counts the model several times; the proportional set size (PSS, each
    shared page divided among its sharers) sums to the real total. Where PSS is
    not available, RSS is used.
    """

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _size(proc) -> int:
        try:
            return proc.memory_full_info().pss
        except Exception:  # no smaps (not Linux, no permission): fall back to RSS
            return proc.memory_info().rss

    def sample(self) -> None:
        import psutil

        total = self._size(self.proc)
        for child in self.proc.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += self._size(child)
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(Exception):
                self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> RSSSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


@contextlib.contextmanager
def timed_stages(
    times: dict[str, float], cpu: dict[str, float] | None = None
) -> Iterator[None]:
    """Time the stage functions the pipeline calls, for the duration of the block.

    ``times`` gets wall seconds per stage, ``cpu`` (if given) CPU seconds of the
    calling thread, which other load on the machine does not inflate.
    """
    from selon import parse, pipeline
    from selon.model import Document

    def wrap(name: str, fn: Callable) -> Callable:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t, c = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                times[name] += time.perf_counter() - t
                if cpu is not None:
                    cpu[name] += time.thread_time() - c

        return timed

    saved_stages = list(pipeline.STAGES)
    saved = {
        (pipeline, "clean"): pipeline.clean,
        (pipeline, "assess"): pipeline.assess,
        (parse, "check_language"): parse.check_language,
        (Document, "to_record"): Document.to_record,
    }
    try:
        pipeline.clean = wrap("clean", pipeline.clean)
        pipeline.assess = wrap("quality", pipeline.assess)
        parse.check_language = wrap("language", parse.check_language)
        Document.to_record = wrap("record", Document.to_record)
        pipeline.STAGES[:] = [(name, wrap(name, fn)) for name, fn in saved_stages]
        yield
    finally:
        pipeline.STAGES[:] = saved_stages
        for (owner, attr), fn in saved.items():
            setattr(owner, attr, fn)


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children (workers)."""
    try:
        import resource
    except ImportError:  # not POSIX: this process only
        return time.process_time()
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


#: articles each pipeline codes before the clock starts (first batches are slower)
WARM_UP = 16


def warm_up(nlp_bare, nlp_selon, articles: list[Article]) -> None:
    """Load everything lazily loaded (models' first call, data tables, language detector)."""
    from selon.pipeline import extract_many

    sample = articles[:WARM_UP]
    list(nlp_bare.pipe([a.text for a in sample]))
    list(extract_many(sample, nlp=nlp_selon))


def run_bench(
    source: str | Path | list[Article],
    *,
    n_process: int = 2,
    repeat: int = 1,
    batch_size: int | None = None,
    rounds: int = 3,
    nlp: Language | None = None,
    bare_nlp: Language | None = None,
) -> dict[str, Any]:
    """Parse the same articles with bare spaCy and with the full selon pipeline.

    Returns ``articles``, ``words``, ``spacy_articles_per_second``,
    ``selon_articles_per_second``, ``spacy_words_per_second``,
    ``selon_words_per_second``, ``ratio_to_spacy`` (selon seconds / spaCy
    seconds), ``peak_rss_mb`` (this process plus its worker processes, highest
    sample over both runs), ``stages`` (seconds per stage in the selon run) and
    the parameters used. The articles are split into ``rounds`` interleaved
    chunks (spaCy then selon, selon then spaCy, …) so that other work on the
    machine weighs on both runs alike; ``cpu_ratio_to_spacy`` (CPU seconds of
    this process and its workers) is the figure to trust on a busy machine,
    and ``load_average`` (1-minute, before and after) says how busy it was.
    ``nlp`` (selon's pipeline) and ``bare_nlp`` (plain
    ``spacy.load`` of the same model) are loaded when not given.
    """
    import spacy

    from selon.parse import load_nlp
    from selon.pipeline import extract_many

    base = list(source) if isinstance(source, list) else read_articles(source)
    articles = base * max(1, repeat)
    settings = get_settings()["parse"]
    batch_size = batch_size or int(settings["batch_size"])
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    chunks = [articles[i::rounds] for i in range(max(1, min(rounds, len(articles))))]
    spacy_seconds = selon_seconds = spacy_cpu = selon_cpu = 0.0
    stages: dict[str, float] = defaultdict(float)
    stages_cpu: dict[str, float] = defaultdict(float)
    failed = 0
    load_before = _load()

    def run_spacy(chunk: list[Article]) -> None:
        nonlocal spacy_seconds, spacy_cpu
        c, t = cpu_seconds(), time.perf_counter()
        for _ in nlp_bare.pipe([a.text for a in chunk], batch_size=batch_size,
                               n_process=n_process):
            pass
        spacy_seconds += time.perf_counter() - t
        spacy_cpu += cpu_seconds() - c

    def run_selon(chunk: list[Article]) -> None:
        nonlocal selon_seconds, selon_cpu, failed
        c, t = cpu_seconds(), time.perf_counter()
        with timed_stages(stages, stages_cpu):
            for record in extract_many(
                chunk, nlp=nlp_selon, n_process=n_process, batch_size=batch_size
            ):
                failed += bool(record.errors)
        selon_seconds += time.perf_counter() - t
        selon_cpu += cpu_seconds() - c

    with RSSSampler() as rss:
        nlp_bare = bare_nlp or spacy.load(settings["model"])
        nlp_selon = nlp or load_nlp()
        warm_up(nlp_bare, nlp_selon, base)
        # interleaved rounds, alternating which runs first, so that a change in
        # the machine's load during the bench weighs on both runs alike
        for i, chunk in enumerate(chunks):
            order = (run_spacy, run_selon) if i % 2 == 0 else (run_selon, run_spacy)
            for run in order:
                run(chunk)

    stages["parse"] = max(0.0, selon_seconds - sum(stages.values()))
    n = len(articles)
    return {
        "articles": n,
        "words": words,
        "n_process": n_process,
        "batch_size": batch_size,
        "repeat": max(1, repeat),
        "rounds": len(chunks),
        "spacy_seconds": round(spacy_seconds, 3),
        "selon_seconds": round(selon_seconds, 3),
        "spacy_articles_per_second": round(n / spacy_seconds, 2),
        "selon_articles_per_second": round(n / selon_seconds, 2),
        "spacy_words_per_second": round(words / spacy_seconds, 1),
        "selon_words_per_second": round(words / selon_seconds, 1),
        "ratio_to_spacy": round(selon_seconds / spacy_seconds, 3),
        "spacy_cpu_seconds": round(spacy_cpu, 3),
        "selon_cpu_seconds": round(selon_cpu, 3),
        "cpu_ratio_to_spacy": round(selon_cpu / spacy_cpu, 3) if spacy_cpu else None,
        "peak_rss_mb": round(rss.peak / 2**20, 1),
        "load_average": [load_before, _load()],
        "articles_with_errors": failed,
        "stages": {k: round(v, 3) for k, v in sorted(stages.items(), key=lambda kv: -kv[1])},
        "stages_cpu": {
            k: round(v, 3) for k, v in sorted(stages_cpu.items(), key=lambda kv: -kv[1])
        },
    }


def format_bench(result: dict[str, Any]) -> str:
    """A short human-readable report of :func:`run_bench`'s result."""
    r = result
    lines = [
        f"{r['articles']} articles, {r['words']} words "
        f"(n_process={r['n_process']}, batch_size={r['batch_size']}, repeat={r['repeat']})",
        f"spaCy  {r['spacy_articles_per_second']:>8.2f} articles/s "
        f"{r['spacy_words_per_second']:>10.1f} words/s  {r['spacy_seconds']:.2f} s",
        f"selon  {r['selon_articles_per_second']:>8.2f} articles/s "
        f"{r['selon_words_per_second']:>10.1f} words/s  {r['selon_seconds']:.2f} s",
        f"ratio_to_spacy {r['ratio_to_spacy']:.3f}   CPU ratio {r['cpu_ratio_to_spacy']}   "
        f"peak memory {r['peak_rss_mb']:.0f} MB   articles with errors "
        f"{r['articles_with_errors']}   load average {r['load_average']}",
        "selon stages, wall s: "
        + ", ".join(f"{k} {v:.2f}" for k, v in r["stages"].items()),
        "selon stages, CPU s (main process): "
        + ", ".join(f"{k} {v:.2f}" for k, v in r.get("stages_cpu", {}).items()),
    ]
    return "\n".join(lines)
