"""How many gold event actors the resolver finds in their sentence (dev corpus).

For each actor of a gold event (source, target, claimed_by) and each quote
speaker, looks for an actor mention in the same sentence that matches it as
``selon eval`` would (country and kind when gold has a country, else the
name, with aliases). A yardstick for the actor dictionary, not a score of
events. Prints the share found and, with ``-v``, the misses.

    python scripts/actors_gold_check.py [-v] [corpus_dir]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from selon.evaluate import names_match
from selon.ingest import Article
from selon.pipeline import extract_many


def matches(gold: dict, actor, published: str | None) -> bool:
    if gold.get("country"):
        return actor.country == gold["country"] and actor.kind == gold.get("kind")
    return names_match(gold.get("name"), actor.name, published) or (
        actor.country is None and actor.kind == gold.get("kind") == "IGO"
        and names_match(gold.get("name"), actor.name, published)
    )


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    root = Path(args[0] if args else "/work/shared/corpus/dev")
    with open(root / "articles.jsonl", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    gold: dict[str, list[dict]] = {}
    with open(root / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            gold.setdefault(g["article"], []).append(g)
    arts = [Article(**{k: a.get(k) for k in ("id", "url", "outlet", "published", "text")})
            for a in articles]
    total = found = 0
    by_article: dict[str, list[int]] = {}
    for record in extract_many(arts):
        for g in gold.get(record.id, []):
            s = record.text.find(g["sentence"])
            if s < 0:
                continue
            e = s + len(g["sentence"])
            mentions = [a for a in record.actors if s <= a.start < e]
            wanted = []
            for ev in g["events"]:
                wanted += [ev.get(r) for r in ("source", "target", "claimed_by") if ev.get(r)]
            wanted += [q["speaker"] for q in g.get("quotes", []) if q.get("speaker")]
            for w in wanted:
                ok = any(matches(w, a, record.published) for a in mentions)
                total += 1
                found += ok
                counts = by_article.setdefault(record.id, [0, 0])
                counts[0] += ok
                counts[1] += 1
                if verbose and not ok:
                    print(f"MISS {record.id}: {w} in {g['sentence'][:90]!r}")
                    print("     have:", [(a.name, a.country, a.kind) for a in mentions])
    for aid, (ok, n) in sorted(by_article.items()):
        print(f"{aid}: {ok}/{n}")
    share = found / max(total, 1)
    print(f"gold event actors found in their sentence: {found}/{total} = {share:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
