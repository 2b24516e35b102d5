"""auditlint: a consistency linter for Chinese public fiscal disclosures."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_bytes", "check_path", "cross_check"]


def __getattr__(name: str):
    # The API pulls in pydantic and the rules; `auditlint --version` should not pay for them.
    if name in ("check_bytes", "check_path", "cross_check"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
