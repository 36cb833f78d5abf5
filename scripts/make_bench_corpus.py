"""Build a benchmark corpus of ~600-word articles from the dev corpus, at run time.

The issue's throughput target is stated on articles of about 600 words; the dev
corpus articles are shorter. This script concatenates paragraphs of the dev
corpus (read from ``../shared/corpus/dev`` next to the repository, never
copied into it) into longer articles and writes them as JSON Lines outside the
repository. Deterministic for a given seed.

    python scripts/make_bench_corpus.py                    # -> /tmp/selon-bench/articles.jsonl
    selon bench /tmp/selon-bench --processes 2 --json
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = ROOT.parent / "shared" / "corpus" / "dev"
PARAGRAPH = re.compile(r"\n\s*\n|\n")


def paragraphs(dev: Path) -> list[str]:
    """Paragraphs of at least 20 words from the dev articles, in corpus order."""
    out: list[str] = []
    with (dev / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                text = json.loads(line).get("text") or ""
                out.extend(p.strip() for p in PARAGRAPH.split(text) if len(p.split()) >= 20)
    return out


def build(pool: list[str], n: int, words: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        chosen: list[str] = []
        count = 0
        while count < words:
            p = rng.choice(pool)
            chosen.append(p)
            count += len(p.split())
        day = 1 + i % 28
        articles.append(
            {
                "id": f"bench-{i:04d}",
                "published": f"2024-03-{day:02d}",
                "text": "\n\n".join(chosen),
            }
        )
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dev corpus folder")
    ap.add_argument("--out", type=Path, default=Path("/tmp/selon-bench/articles.jsonl"))
    ap.add_argument("-n", type=int, default=200, help="number of articles")
    ap.add_argument("--words", type=int, default=600, help="approximate words per article")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    pool = paragraphs(args.dev)
    if not pool:
        raise SystemExit(f"no paragraphs found in {args.dev / 'articles.jsonl'}")
    articles = build(pool, args.n, args.words, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    total = sum(len(a["text"].split()) for a in articles)
    mean = total / len(articles)
    print(f"{len(articles)} articles, {mean:.0f} words each on average -> {args.out}")


if __name__ == "__main__":
    main()
