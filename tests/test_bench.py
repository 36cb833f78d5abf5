"""selon bench: result keys and the CLI command (on a few articles written for the test)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from selon.ingest import article_from_text

TEXTS = [
    "Le Premier ministre a annoncé mardi une réforme des retraites.\n\n"
    "Les syndicats ont appelé à manifester jeudi dans plusieurs villes.",
    "Selon le ministère, les négociations reprendront la semaine prochaine à Genève.",
    "L'armée a repoussé une attaque près de la frontière, selon un communiqué.",
]
KEYS = {
    "articles", "spacy_articles_per_second", "selon_articles_per_second", "ratio_to_spacy",
    "peak_rss_mb", "spacy_words_per_second", "selon_words_per_second", "stages",
}


def test_bench_run_reports_keys(nlp):
    from selon.bench import run_bench

    articles = [article_from_text(t, published="2024-03-15") for t in TEXTS]
    result = run_bench(articles, n_process=1, repeat=2, nlp=nlp, bare_nlp=nlp)
    assert set(result) >= KEYS
    assert result["articles"] == 6
    assert result["ratio_to_spacy"] > 0 and result["peak_rss_mb"] > 0
    assert {"clean", "language", "parse", "quality"} <= set(result["stages"])


def test_bench_cli_json(monkeypatch, tmp_path):
    import selon.bench
    from selon.cli import app

    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in
                                enumerate(TEXTS)), encoding="utf-8")
    seen = {}

    def fake(source, n_process, repeat):
        seen.update(source=source, n_process=n_process, repeat=repeat)
        return {k: 1.0 for k in KEYS} | {"stages": {"parse": 1.0}}

    monkeypatch.setattr(selon.bench, "run_bench", fake)
    result = CliRunner().invoke(app, ["bench", str(tmp_path), "--json", "-p", "1",
                                      "--repeat", "3"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.output)) >= KEYS
    assert seen["n_process"] == 1 and seen["repeat"] == 3


def test_bench_cli_missing_corpus(tmp_path):
    from selon.cli import app

    result = CliRunner().invoke(app, ["bench", str(tmp_path / "nope")])
    assert result.exit_code == 2
