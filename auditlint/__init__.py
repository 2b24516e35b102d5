"""auditlint: a consistency linter for Chinese public fiscal disclosures."""

from __future__ import annotations

__version__ = "0.1.0"

#: The name to install it by (pip install auditlint-cn): `auditlint` on PyPI is an unrelated project.
#: The import package and the command stay `auditlint`.
DISTRIBUTION = "auditlint-cn"

__all__ = ["DISTRIBUTION", "__version__", "check_bytes", "check_path", "cross_check"]


def __getattr__(name: str):
    # The API pulls in pydantic and the rules; `auditlint --version` should not pay for them.
    if name in ("check_bytes", "check_path", "cross_check"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
