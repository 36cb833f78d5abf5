"""Near-duplicate fingerprints and story clustering (MinHash LSH, datasketch).

Why MinHash over word shingles: two outlets that run the same wire story edit
it lightly (a new headline, a paragraph cut, a sentence added), so exact
hashes miss them, while the Jaccard similarity of their word shingles stays
high. A MinHash signature estimates that similarity in constant space, and LSH
finds the candidate pairs without comparing every pair of articles.

Fingerprinting runs on every article, so it is kept cheap: the permutations
are built once per process and the shingles are hashed in one numpy batch.
Parameters (``quality.minhash`` in ``settings.yaml``) must be the same for
every fingerprint that is compared; changing them means re-fingerprinting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from selon.settings import get_settings

#: the MinHash permutation scheme; fixed so stored fingerprints stay comparable
SCHEME = "affine32"
WORD = re.compile(r"\w+", re.UNICODE)


def _params() -> dict:
    return get_settings()["quality"]["minhash"]


@lru_cache(maxsize=4)
def _template(num_perm: int, seed: int) -> MinHash:
    """An empty MinHash whose permutations are reused by every fingerprint."""
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME)


def shingles(text: str, size: int) -> list[bytes]:
    """Distinct word ``size``-grams of ``text``, lower-cased, as bytes.

    A text shorter than ``size`` words yields its words as one shingle, so that
    a very short text still has a fingerprint.
    """
    words = WORD.findall(text.lower())
    if not words:
        return []
    if len(words) < size:
        return [" ".join(words).encode("utf-8")]
    grams = {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
    return [g.encode("utf-8") for g in grams]


def fingerprint(text: str) -> list[int]:
    """MinHash hash values of ``text``'s word shingles (a list of ``num_perm`` ints).

    An empty text gets the empty MinHash (all values at the maximum), which is
    similar to nothing but another empty text.
    """
    p = _params()
    template = _template(int(p["num_perm"]), int(p["seed"]))
    m = template.copy()
    grams = shingles(text, int(p["shingle_words"]))
    if grams:
        m.update_batch(grams)
    return [int(v) for v in m.hashvalues]


def minhash(values: Iterable[int]) -> MinHash:
    """A datasketch MinHash from stored hash values (as :func:`fingerprint` returns)."""
    p = _params()
    hv = np.asarray(list(values), dtype=np.uint64)
    template = _template(len(hv), int(p["seed"]))  # reuse its permutations: building them is slow
    return MinHash(
        seed=int(p["seed"]),
        hashvalues=hv,
        permutations=template.permutations,
        scheme=SCHEME,
    )


def similarity(a: Iterable[int], b: Iterable[int]) -> float:
    """Estimated Jaccard similarity of two fingerprints (share of equal values)."""
    x, y = np.asarray(list(a), dtype=np.uint64), np.asarray(list(b), dtype=np.uint64)
    if len(x) != len(y) or not len(x):
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)


def _published_key(published: str | None) -> tuple[int, str]:
    # undated articles sort after every dated one: they cannot be a first source
    return (1, "") if not published else (0, published)


def cluster(items: list[tuple[str, list[int], str | None]]) -> dict[str, str]:
    """Group near-duplicate articles into stories.

    ``items`` are ``(article_id, fingerprint, published)``; the result maps each
    article id to its story id, the id of the story's earliest-published member
    (its first source; ties and undated members broken by id). Pairs are the
    LSH candidates whose estimated similarity reaches ``quality.duplicate_threshold``;
    stories are the connected components of those pairs (an article similar to
    two others joins them into one story). An article with no fingerprint, or
    one of the wrong length, is a story of its own.
    """
    p = _params()
    num_perm = int(p["num_perm"])
    threshold = float(get_settings()["quality"]["duplicate_threshold"])
    parent: dict[str, str] = {aid: aid for aid, _, _ in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    valid = [(aid, fp) for aid, fp, _ in items if fp is not None and len(fp) == num_perm]
    if len(valid) > 1:
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        hashes: dict[str, MinHash] = {}
        for aid, fp in valid:
            if aid in hashes:
                continue
            m = minhash(fp)
            hashes[aid] = m
            lsh.insert(aid, m, check_duplication=False)
        for aid, m in hashes.items():
            for other in lsh.query(m):
                if other == aid or m.jaccard(hashes[other]) < threshold:
                    continue
                ra, rb = find(aid), find(other)
                if ra != rb:
                    parent[ra] = rb

    order = {aid: (_published_key(pub), aid) for aid, _, pub in items}
    first: dict[str, str] = {}
    for aid in parent:
        root = find(aid)
        if root not in first or order[aid] < order[first[root]]:
            first[root] = aid
    return {aid: first[find(aid)] for aid in parent}
