"""Docs move with the code: every setting, CLI command and record field is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
import yaml

from selon.cli import app
from selon.model import Record
from selon.settings import DEFAULTS_FILE

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def setting_keys(tree: dict, prefix: str = "") -> list[str]:
    """Dotted names of the leaf settings (``parse.model``, ``quality.minhash.seed``)."""
    keys = []
    for key, value in tree.items():
        name = f"{prefix}{key}"
        keys.extend(setting_keys(value, f"{name}.") if isinstance(value, dict) else [name])
    return keys


def command_names(command, prefix: str = "") -> list[str]:
    """Every command and sub-command of the typer app (``extract``, ``query events``…)."""
    names = []
    for name, sub in getattr(command, "commands", {}).items():
        full = f"{prefix}{name}"
        names.append(full)
        names.extend(command_names(sub, f"{full} "))
    return names


SETTINGS = setting_keys(yaml.safe_load(DEFAULTS_FILE.read_text(encoding="utf-8")))
COMMANDS = command_names(typer.main.get_command(app))


def test_docs_found_settings_and_commands():
    assert "parse.model" in SETTINGS and "ingest.max_bytes" in SETTINGS
    assert {"extract", "eval", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("key", SETTINGS)
def test_docs_every_setting_is_documented(key):
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert f"`{key}`" in text, f"document the setting `{key}` in docs/settings.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_every_cli_command_is_documented(name):
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    heading = re.compile(rf"^#+ `selon {re.escape(name)}`\s*$", re.MULTILINE)
    assert heading.search(text), f"add a section '## `selon {name}`' to docs/cli.md"


@pytest.mark.parametrize("field", list(Record.model_fields))
def test_docs_every_record_field_is_documented(field):
    text = (DOCS / "record.md").read_text(encoding="utf-8")
    assert f"| `{field}` |" in text, f"describe the record field `{field}` in docs/record.md"


def test_docs_every_dropped_reason_is_documented():
    from selon.clean import patterns

    text = (DOCS / "record.md").read_text(encoding="utf-8")
    reasons = {rule.reason for rule in patterns().rules} | {"author_bio", "byline", "menu"}
    missing = sorted(r for r in reasons if f"| `{r}` |" not in text)
    assert not missing, f"describe these dropped reasons in docs/record.md: {missing}"


def test_docs_changelog_exists_in_keep_a_changelog_style():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog")
    assert "## [Unreleased]" in text
