"""The record's JSON Schema: committed file == generated one, and real records validate."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from selon.schema import record_schema, schema_text

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema" / "record.schema.json"


def test_schema_committed_file_matches_the_model():
    assert SCHEMA_FILE.is_file(), "run: python -m selon.schema schema/record.schema.json"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "schema/record.schema.json is stale; regenerate it with "
        "`python -m selon.schema schema/record.schema.json` and note the change in CHANGELOG.md"
    )


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(record_schema())


def test_schema_lists_the_public_fields():
    props = record_schema()["properties"]
    for field in ("id", "text", "sentences", "entities", "actors", "events", "quotes", "claims",
                  "quality", "dropped", "errors", "published", "url", "source"):
        assert field in props


@pytest.mark.parametrize(
    "text",
    [
        "D’après Ankara, Recep Tayyip Erdogan et Kyriakos Mitsotakis auraient convenu "
        "d’une rencontre jeudi. « Nous voulons la paix », a déclaré le président turc.",
        "Laisser un commentaire",
    ],
)
def test_schema_real_record_validates(code, text):
    record = json.loads(code(text).model_dump_json())
    jsonschema.validate(record, record_schema(), cls=jsonschema.Draft202012Validator)


def test_schema_error_record_validates():
    from selon.ingest import error_article
    from selon.pipeline import finish, prepare

    record = finish(prepare(error_article("cassé.txt", "input is empty"))).model_dump(mode="json")
    jsonschema.validate(record, record_schema(), cls=jsonschema.Draft202012Validator)
    assert record["errors"][0]["message"] == "cassé.txt: input is empty"


def test_schema_rejects_a_record_missing_text():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x"}, record_schema())


def test_schema_cli_prints_the_same_schema(nlp):
    from typer.testing import CliRunner

    from selon.cli import app

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == record_schema()
