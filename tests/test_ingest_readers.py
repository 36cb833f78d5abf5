"""Ingest readers: plain text, HTML (trafilatura), JSONL, directories and stdin → Articles."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from selon.ingest import READERS, article_id, read_inputs, sniff

DATA = Path(__file__).parent / "data" / "ingest"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def read(*inputs, **options):
    return list(read_inputs([str(i) for i in inputs], **options))


def test_ingest_builtin_readers_are_registered():
    assert {"text", "html", "jsonl"} <= set(READERS)


def test_ingest_text_file_is_one_article_with_title_and_published():
    (article,) = read(DATA / "article.txt", published="2024-05-02")
    assert not article.errors
    assert article.text == (DATA / "article.txt").read_text(encoding="utf-8")
    assert article.title == "Le Sénégal rappelle son ambassadeur à Bamako"
    assert article.published == "2024-05-02"
    assert article.source == str(DATA / "article.txt")


def test_ingest_text_without_published_has_no_date():
    (article,) = read(DATA / "article.txt")
    assert article.published is None


def test_ingest_text_id_is_stable_and_depends_on_text():
    (a,) = read(DATA / "article.txt")
    (b,) = read(DATA / "article.txt")
    assert a.id == b.id == article_id(None, a.text)
    assert article_id(None, "Un texte.") != article_id(None, "Un autre texte.")
    assert article_id("https://exemple.test/a", "x") == article_id("https://exemple.test/a", "y")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Le Mali expulse l’ambassadeur\n\nBamako a donné 72 heures.",
         "Le Mali expulse l’ambassadeur"),
        ("Qui gouverne à Niamey ?\nLa junte reste silencieuse.", "Qui gouverne à Niamey ?"),
        ("Le président a démissionné. Son successeur sera nommé lundi.", None),
        ("x" * 201 + "\n\nSuite.", None),
    ],
)
def test_ingest_text_title_is_a_short_first_line_without_full_stop(text, title):
    from selon.ingest import article_from_text

    assert article_from_text(text).title == title


def test_ingest_html_keeps_main_text_and_drops_page_furniture():
    (article,) = read(DATA / "page.html")
    assert not article.errors
    assert "rappelé mercredi son ambassadeur" in article.text
    assert "se sont nettement dégradées" in article.text
    for furniture in ("Accueil", "Sport", "Quelle honte", "Mentions légales", "adresse e-mail"):
        assert furniture not in article.text
    assert article.title == "Le Sénégal rappelle son ambassadeur à Bamako"
    assert article.outlet == "Journal de test"
    assert article.published == "2024-05-02"  # from the page's metadata
    assert article.raw_html is not None
    # paragraphs are kept apart, as blank-line blocks
    assert "\n\n« Cette décision" in article.text


def test_ingest_html_page_date_wins_over_published_option():
    (article,) = read(DATA / "page.html", published="2020-01-01")
    assert article.published == "2024-05-02"


def test_ingest_jsonl_text_and_html_rows():
    articles = read(DATA / "articles.jsonl", published="2024-06-30")
    assert [a.id for a in articles] == ["t-1", "t-2", "t-3"]
    assert not any(a.errors for a in articles)
    t1, t2, t3 = articles
    assert t1.url == "https://exemple.test/a" and t1.published == "2024-05-01"
    assert t1.source == f"{DATA / 'articles.jsonl'}:1"
    assert "Luanda" in t2.text and "Accueil" not in t2.text
    assert t2.published == "2024-06-30"  # no date in the row nor the page: --published
    assert t3.published == "2024-05-03"


def test_ingest_json_array_file(tmp_path):
    rows = [json.loads(line) for line in (DATA / "articles.jsonl").read_text().splitlines()]
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([rows[0], rows[2]], ensure_ascii=False), encoding="utf-8")
    articles = read(path)
    assert [a.id for a in articles] == ["t-1", "t-3"]
    assert articles[1].source.endswith("articles.json:2")


def test_ingest_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Le ministre a démissionné mardi.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Le président a reçu son homologue.", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("caché", encoding="utf-8")
    (tmp_path / ".notes.txt").write_text("caché", encoding="utf-8")
    articles = read(tmp_path)
    assert [Path(a.source).name for a in articles] == ["a.txt", "c.txt"]
    assert not any(a.errors for a in articles)


def test_ingest_stdin(monkeypatch):
    text = "Le Premier ministre a présenté sa démission lundi."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    (article,) = read("-", published="2024-01-08")
    assert article.text == text and article.source == "<stdin>"
    assert article.published == "2024-01-08"


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.txt", b"Le texte", "text"),
        ("a.html", b"Le texte", "html"),
        ("a.jsonl", b"Le texte", "jsonl"),
        ("page", b"<!DOCTYPE html><html>", "html"),
        ("page", b"  <html lang='fr'>", "html"),
        ("rows", b'{"id": "1", "text": "x"}', "jsonl"),
        ("rows", b'{"id": "1", "html": "<html><body><p>x</p></body></html>"}', "jsonl"),
        ("rows", b'\xef\xbb\xbf[{"id": "1", "text": "x"}]', "jsonl"),
        ("page", b"<!-- cache --><html><body>", "html"),
        ("notes", b"Le texte parle de <body> et de HTML.", "text"),
        ("notes", "[VIDÉO] Le président a parlé.".encode(), "text"),
        ("notes", b"{Brouillon} Le ministre a parl\xc3\xa9.", "text"),
        ("notes", b"Selon le Kremlin, ...", "text"),
    ],
)
def test_ingest_sniff_format_by_suffix_then_content(name, head, fmt):
    assert sniff(name, head) == fmt


def test_ingest_format_option_overrides_sniffing(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes((DATA / "page.html").read_bytes())
    (as_text,) = read(path)
    (as_html,) = read(path, format="html")
    assert "<nav>" in as_text.text
    assert "<nav>" not in as_html.text


@pytest.mark.skipif(not (EXAMPLES / "articles.jsonl").is_file(), reason="no examples/")
def test_ingest_examples_shipped_in_the_repo():
    (text,) = read(EXAMPLES / "article.txt")
    (page,) = read(EXAMPLES / "article.html")
    rows = read(EXAMPLES / "articles.jsonl")
    assert len(rows) == 3 and not any(a.errors for a in [text, page, *rows])
    assert page.published == "2024-03-13" and page.outlet
    assert "se seraient mis d" in text.text and "se seraient mis d" in page.text


def test_ingest_pretty_printed_single_object(tmp_path):
    path = tmp_path / "article.json"
    row = {"id": "seul", "published": "2024-02-01",
           "text": "Le Tchad a fermé mardi sa frontière avec le Soudan, selon N'Djamena."}
    path.write_text(json.dumps(row, ensure_ascii=False, indent=2), encoding="utf-8")
    (article,) = read(path)
    assert article.id == "seul" and not article.errors and article.published == "2024-02-01"


def test_ingest_broken_json_array_is_one_error(tmp_path):
    path = tmp_path / "articles.json"
    path.write_text('[{"id": "a", "text": "Le ministre a parlé."},', encoding="utf-8")
    (article,) = read(path)
    assert "malformed JSON" in article.errors[0].message and str(path) in article.errors[0].message
