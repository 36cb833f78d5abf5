"""JSON Schema of the record, generated from :mod:`selon.model`.

``python -m selon.schema > schema/record.schema.json`` regenerates the committed
file; a test fails when the two differ, so the contract cannot drift silently.
"""

from __future__ import annotations

import json
from typing import Any

from selon.model import Record


def record_schema() -> dict[str, Any]:
    schema = Record.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/selon-project/selon/schema/record.schema.json"
    return schema


if __name__ == "__main__":
    print(json.dumps(record_schema(), ensure_ascii=False, indent=2))
