"""JSON Schema of the record, generated from :mod:`selon.model`.

``python -m selon.schema > schema/record.schema.json`` (or ``python -m
selon.schema schema/record.schema.json``) regenerates the committed file; a
test fails when the two differ, so the contract cannot drift silently. Other
tools (and the evaluation) read records by this schema: a change that removes
or renames a field is a breaking change and goes in CHANGELOG.md as such.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from selon.model import Record

SCHEMA_ID = "https://github.com/selon-project/selon/schema/record.schema.json"


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output record."""
    schema = Record.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema


def schema_text() -> str:
    """The schema as the committed file holds it (2-space indent, final newline)."""
    return json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args:
        Path(args[0]).write_text(schema_text(), encoding="utf-8")
    else:
        sys.stdout.write(schema_text())


if __name__ == "__main__":
    main()
