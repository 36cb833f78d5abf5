"""Time event dates and locations against bare parsing, on a JSONL of articles.

Why: dates and locations run for every event, so their cost must stay a small
fraction of spaCy's. This parses each article once, then calls
``find_dates`` plus ``find_date``/``find_location`` on every sentence (its
root as the trigger, more calls than real events), and prints both times.

    python scripts/bench_dates_locations.py /work/shared/corpus/dev/articles.jsonl
"""

from __future__ import annotations

import json
import sys
import time

from selon.events.dates import _dateparse, find_date, find_dates
from selon.events.locations import find_location, gazetteer
from selon.ingest import article_from_text
from selon.parse import load_nlp, parse
from selon.pipeline import prepare


def main(path: str) -> None:
    nlp = load_nlp()
    gazetteer()
    _dateparse("3 mars 2024")  # dateparser's one-time start-up, paid once per process
    with open(path, encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    t0 = time.perf_counter()
    docs = [
        parse(prepare(article_from_text(a["text"], published=a.get("published"))), nlp)
        for a in articles
    ]
    parsing = time.perf_counter() - t0
    docs = [d for d in docs if d.doc is not None]
    t0 = time.perf_counter()
    calls = 0
    for d in docs:
        find_dates(d)
        for sent in d.doc.sents:
            find_date(d, sent, sent.root)
            find_location(d, sent, sent.root)
            calls += 1
    ours = time.perf_counter() - t0
    print(
        f"{len(docs)} articles, {calls} sentences: parse {parsing:.2f}s, "
        f"dates+locations {ours:.3f}s ({100 * ours / parsing:.1f}% of parsing)"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/dev/articles.jsonl")
