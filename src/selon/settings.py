"""Settings: commented defaults in ``settings.yaml``, overridable per call or by file.

Thresholds live in one data file, not scattered in code, so a user can see and
change them without reading the stages (the trafilatura ``settings.cfg`` habit).
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULTS_FILE = Path(__file__).with_name("settings.yaml")
_override: dict[str, Any] = {}


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    return yaml.safe_load(DEFAULTS_FILE.read_text(encoding="utf-8"))


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``over`` into a copy of ``base``; unknown keys are an error."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if key not in out:
            raise KeyError(f"unknown setting {key!r} (known: {', '.join(sorted(out))})")
        if isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def get_settings() -> dict[str, Any]:
    """The settings in force: defaults, then what :func:`use_settings` set."""
    return merge(_defaults(), _override) if _override else _defaults()


def use_settings(over: dict[str, Any] | str | Path | None) -> dict[str, Any]:
    """Set overrides for this process from a dict or a YAML file; return the result."""
    global _override
    if isinstance(over, (str, Path)):
        path = Path(over)
        try:
            over = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"cannot read settings file {path}: {exc}") from exc
    merged = merge(_defaults(), over or {})
    _override = over or {}
    return merged
