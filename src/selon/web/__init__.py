"""The web explorer and JSON API (``selon serve``); see :mod:`selon.web.app`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(db: str | None, **kwargs: Any) -> FastAPI:
    """Build the app (imports FastAPI only when called, so `import selon.web` is light)."""
    from selon.web.app import create_app as build

    return build(db, **kwargs)
