"""Bad input never stops a batch: each bad input becomes one error naming it."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

from selon.ingest import read_inputs
from selon.settings import get_settings

DATA = Path(__file__).parent / "data" / "ingest"
GOOD = "Le Premier ministre a présenté mardi sa démission au président de la République."


def read(*inputs, **options):
    return list(read_inputs([str(i) for i in inputs], **options))


def only_error(article) -> str:
    assert len(article.errors) == 1
    assert article.errors[0].stage == "ingest"
    return article.errors[0].message


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "vide.txt",
        "blank": tmp_path / "blanc.txt",
        "binary": tmp_path / "image.txt",
        "latin1": tmp_path / "latin1.txt",
    }
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b" \n\n\t \n")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    files["latin1"].write_bytes("Le président a déclaré qu'il était prêt.".encode("latin-1"))
    return files


def test_ingest_bad_inputs_each_give_an_error_naming_the_input(tmp_path):
    files = bad_inputs(tmp_path)
    good = tmp_path / "bon.txt"
    good.write_text(GOOD, encoding="utf-8")
    articles = read(files["empty"], good, files["blank"], files["binary"], files["latin1"],
                    tmp_path / "absent.txt")
    assert len(articles) == 6
    messages = [None if not a.errors else only_error(a) for a in articles]
    assert messages[1] is None and articles[1].text == GOOD
    expected = {0: "empty", 2: "empty", 3: "binary", 4: "not valid UTF-8", 5: "no such file"}
    for i, words in expected.items():
        assert str(articles[i].source) in messages[i]
        assert words in messages[i], messages[i]


def test_ingest_malformed_jsonl_lines_amid_good_ones():
    path = DATA / "bad_lines.jsonl"
    articles = read(path)
    assert len(articles) == 6
    ok = [a for a in articles if not a.errors]
    assert [a.id for a in ok] == ["t-1", "t-3"]
    messages = {a.source: only_error(a) for a in articles if a.errors}
    assert set(messages) == {f"{path}:{n}" for n in (2, 3, 4, 5)}
    assert "malformed JSON line" in messages[f"{path}:2"]
    assert "not a JSON object" in messages[f"{path}:3"]
    assert "neither" in messages[f"{path}:4"]
    assert "hier" in messages[f"{path}:5"]
    assert all(m.startswith(f"{path}:") for m in messages.values())


def test_ingest_large_html_is_refused_by_size_before_trafilatura(tmp_path):
    path = tmp_path / "enorme.html"
    paragraph = "<p>" + "Le ministre a déclaré que la situation était grave. " * 20 + "</p>\n"
    with path.open("w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><body><article>")
        while f.tell() < 20 * 1024 * 1024:
            f.write(paragraph * 100)
        f.write("</article></body></html>")
    good = tmp_path / "bon.txt"
    good.write_text(GOOD, encoding="utf-8")
    start = time.perf_counter()
    big, ok = read(path, good)
    elapsed = time.perf_counter() - start
    assert "larger than" in only_error(big) and str(path) in only_error(big)
    assert not ok.errors
    assert elapsed < 1.0, f"a 20 MB page took {elapsed:.2f}s to refuse"


def test_ingest_html_row_over_the_limit_in_jsonl(tmp_path):
    limit = get_settings()["ingest"]["max_html_bytes"]
    path = tmp_path / "rows.jsonl"
    big = '{"id": "gros", "html": "<html><body><p>' + "x" * (limit + 10) + '</p></body></html>"}'
    path.write_text(big + "\n" + '{"id": "petit", "text": "' + GOOD + '"}\n', encoding="utf-8")
    big_article, small = read(path)
    assert "larger than" in only_error(big_article) and f"{path}:1" in only_error(big_article)
    assert small.id == "petit" and not small.errors


def test_ingest_html_without_main_text(tmp_path):
    path = tmp_path / "vide.html"
    path.write_text("<html><head><title>Rien</title></head><body><script>x=1</script></body></html>")
    (article,) = read(path)
    assert "no main text" in only_error(article)


def test_ingest_empty_directory_is_an_error(tmp_path):
    (tmp_path / "vide").mkdir()
    (article,) = read(tmp_path / "vide")
    assert "no input files" in only_error(article)


def test_ingest_bad_published_date_is_a_per_input_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    (article,) = read(path, published="15/03/2024")
    message = only_error(article)
    assert "YYYY-MM-DD" in message and message.count(str(path)) == 1
    (article,) = read(path, published="2024-02-30")
    assert "day is out of range" in only_error(article)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-15", "2024-03-15"), ("2024-03", "2024-03"), ("2024", "2024"),
     ("2024-03-15T10:20:00+01:00", "2024-03-15"), ("2024-03-15 10:20", "2024-03-15"),
     ("", None), (None, None)],
)
def test_ingest_check_date_accepts(value, expected):
    from selon.ingest import check_date

    assert check_date(value, "x") == expected


@pytest.mark.parametrize("value", ["hier", "15/03/2024", "2024-13", "2024-02-30", "24-03-15"])
def test_ingest_check_date_refuses(value):
    from selon.ingest import check_date

    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        check_date(value, "x")


def test_ingest_empty_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    (article,) = read("-")
    assert "<stdin>" in only_error(article) and "empty" in only_error(article)


def test_ingest_reader_crash_becomes_an_error(tmp_path, monkeypatch):
    from selon import ingest

    def broken(data, source, options):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    monkeypatch.setitem(ingest.READERS, "text", (broken, (".txt",)))
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    (article,) = read(path)
    assert "RuntimeError" in only_error(article) and str(path) in only_error(article)


def test_ingest_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(GOOD.encode("utf-16"))
    (article,) = read(path)
    assert not article.errors and article.text == GOOD
