"""Text tables (Spanish, English) of the app: ``common`` plus one module per page."""

from __future__ import annotations

import importlib
import pkgutil


def all_tables() -> dict[str, dict[str, tuple[str, str]]]:
    """Every text table by module name (the translation test checks them all)."""
    return {
        name: importlib.import_module(f"{__name__}.{name}").TEXT
        for _, name, _ in pkgutil.iter_modules(__path__)
    }
