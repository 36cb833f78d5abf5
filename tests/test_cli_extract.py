"""`selon extract`: files, directories, stdin and JSONL in; one JSON record per article out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli import app

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "ingest"
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
GOOD = "Le Premier ministre a présenté mardi sa démission au président de la République."
ENGLISH = (
    "The foreign ministers of both countries met on Monday in Geneva to discuss a ceasefire. "
    "Officials said the talks were constructive but no agreement was reached."
)
SPANISH = (
    "Los ministros de Asuntos Exteriores de ambos países se reunieron el lunes en Ginebra "
    "para hablar de un alto el fuego, según fuentes diplomáticas."
)
RECORD_KEYS = {"id", "text", "sentences", "entities", "actors", "events", "quotes", "claims",
               "quality", "dropped", "errors", "published", "source"}


@pytest.fixture(scope="module")
def runner(nlp):  # nlp: the pipeline is loaded once, the CLI reuses it (load_nlp is cached)
    return CliRunner()


def extract(runner, *args, input=None):
    result = runner.invoke(app, ["extract", *map(str, args)], input=input)
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


def test_cli_extract_text_file_prints_one_record(runner):
    result, records = extract(runner, DATA / "article.txt", "--published", "2024-05-02")
    assert result.exit_code == 0, result.output
    (record,) = records
    assert set(record) >= RECORD_KEYS
    assert record["published"] == "2024-05-02"
    assert record["text"] == (DATA / "article.txt").read_text(encoding="utf-8")
    assert record["sentences"] and record["entities"] and record["errors"] == []
    assert {d["reason"] for d in record["dropped"]} == {"share_menu", "comment_form"}
    for key in ("events", "quotes", "claims", "actors", "dropped"):
        assert isinstance(record[key], list)


def test_cli_extract_stdin(runner):
    result, records = extract(runner, "-", "--published", "2024-01-08", input=GOOD)
    assert result.exit_code == 0, result.output
    (record,) = records
    assert record["text"] == GOOD and record["source"] == "<stdin>"
    assert record["published"] == "2024-01-08"


def test_cli_extract_directory_html_and_jsonl_to_output_file(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("article.txt", "page.html", "articles.jsonl"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    out = tmp_path / "out.jsonl"
    result, printed = extract(runner, folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert printed == []
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in records] == [
        "article.txt", "articles.jsonl:1", "articles.jsonl:2", "articles.jsonl:3", "page.html"
    ]
    assert all(r["sentences"] and not r["errors"] for r in records)
    assert records[-1]["published"] == "2024-05-02" and "Accueil" not in records[-1]["text"]


def test_cli_extract_bad_inputs_are_named_and_the_batch_goes_on(runner, tmp_path):
    empty = tmp_path / "vide.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le président a déclaré qu'il était prêt.".encode("latin-1"))
    english, spanish, good = tmp_path / "en.txt", tmp_path / "es.txt", tmp_path / "bon.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    spanish.write_text(SPANISH, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    missing = tmp_path / "absent.txt"
    inputs = [empty, good, binary, DATA / "bad_lines.jsonl", latin1, english, missing, spanish]
    result, records = extract(runner, *inputs)
    assert result.exit_code == 1
    by_source = {r["source"]: r for r in records}
    assert len(records) == 1 + 1 + 1 + 6 + 1 + 1 + 1 + 1
    assert by_source[str(good)]["errors"] == [] and by_source[str(good)]["sentences"]
    failing = [empty, binary, latin1, english, missing, spanish,
               *(f"{DATA / 'bad_lines.jsonl'}:{n}" for n in (2, 3, 4, 5))]
    for name in map(str, failing):
        (error,) = by_source[name]["errors"]
        assert name in error["message"], error
        assert name in result.stderr
    assert "not in French" in by_source[str(english)]["errors"][0]["message"]
    assert "not in French" in by_source[str(spanish)]["errors"][0]["message"]
    assert "10 with errors" in result.stderr


def test_cli_extract_all_good_inputs_exit_zero(runner):
    result, records = extract(runner, DATA / "articles.jsonl")
    assert result.exit_code == 0 and len(records) == 3


def test_cli_extract_pretty_prints_indented_json(runner):
    result = runner.invoke(app, ["extract", "-", "--pretty"], input=GOOD)
    assert result.exit_code == 0
    assert result.stdout.startswith("{\n  ")
    assert json.loads(result.stdout)["text"] == GOOD


@pytest.mark.skipif(not (EXAMPLES / "article.txt").is_file(), reason="no examples/")
def test_cli_extract_example_article(runner):
    result, (record,) = extract(runner, EXAMPLES / "article.txt", "--published", "2024-03-13")
    assert result.exit_code == 0, result.output
    text = record["text"]
    dropped = {d["reason"]: text[d["start"] : d["end"]] for d in record["dropped"]}
    assert dropped.keys() == {"related_link", "share_menu", "photo_credit"}
    assert dropped["share_menu"].startswith("Partager sur Facebook")
    sentences = [text[s["start"] : s["end"]] for s in record["sentences"]]
    assert sentences[0] == "Frontière fermée : Cotonou et Niamey acceptent une médiation du Togo"
    assert not any("Partager" in s or "Lire aussi" in s for s in sentences)
    assert record["quality"]["language"] == "fr"


@pytest.mark.skipif(not (EXAMPLES / "articles.jsonl").is_file(), reason="no examples/")
def test_cli_extract_example_jsonl_and_html(runner):
    result, records = extract(runner, EXAMPLES / "articles.jsonl", EXAMPLES / "article.html")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in records[:3]] == ["exemple-1", "exemple-2", "exemple-3"]
    assert records[3]["outlet"] == "Le Courrier du Golfe"
    assert all(r["sentences"] for r in records)


@pytest.mark.skipif(not SEED.is_file(), reason=f"no seed article at {SEED}")
def test_cli_extract_seed_article_bio_and_comment_form_dropped(runner):
    result, (record,) = extract(runner, SEED, "--published", "2022-02-20")
    assert result.exit_code == 0, result.output
    text = record["text"]
    reasons = [d["reason"] for d in record["dropped"]]
    assert reasons == ["byline", "author_bio", "comment_form", "comment_form"]
    kept = " ".join(text[s["start"] : s["end"]] for s in record["sentences"])
    for furniture in ("Troublemaker", "Laisser un commentaire", "ne sera pas publiée"):
        assert furniture in text and furniture not in kept
    assert "Selon l’état-major, le président français" in kept


@pytest.fixture
def reset_settings():
    from selon.settings import use_settings

    yield
    use_settings({})


def test_cli_extract_config_file_overrides_settings(runner, tmp_path, reset_settings):
    config = tmp_path / "settings.yaml"
    config.write_text("ingest:\n  max_bytes: 100\n", encoding="utf-8")
    small, large = tmp_path / "petit.txt", tmp_path / "grand.txt"
    small.write_text(GOOD, encoding="utf-8")
    large.write_text(GOOD * 3, encoding="utf-8")
    result, records = extract(runner, small, large, "--config", config)
    assert result.exit_code == 1
    assert records[0]["errors"] == []
    assert "100-byte limit" in records[1]["errors"][0]["message"]


def test_cli_extract_config_with_unknown_key_exits_2(runner, tmp_path, reset_settings):
    config = tmp_path / "settings.yaml"
    config.write_text("ingest:\n  max_octets: 100\n", encoding="utf-8")
    result, records = extract(runner, DATA / "article.txt", "--config", config)
    assert result.exit_code == 2 and records == []
    assert "max_octets" in result.stderr


def test_cli_extract_unwritable_output_exits_2(runner, tmp_path):
    result, _ = extract(runner, DATA / "article.txt", "-o", tmp_path / "absent" / "out.jsonl")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


@pytest.mark.parametrize(("name", "count"), [("articles.jsonl", 3), ("page.html", 1)])
def test_cli_extract_stdin_format_is_sniffed(runner, name, count):
    data = (DATA / name).read_text(encoding="utf-8")
    result, records = extract(runner, "-", input=data)
    assert result.exit_code == 0, result.output
    assert len(records) == count and all(r["sentences"] for r in records)
    assert "<p>" not in records[0]["text"] and not records[0]["text"].startswith("{")
