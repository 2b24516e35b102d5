"""Finding fingerprints by meaning, not position: they survive edits elsewhere in the file.

A finding's identity is its rule, what it says (the labels, the expression and
its figures, all in the message) and the text it points at — never its line or
column, which move whenever a paragraph is added above it.
"""

from __future__ import annotations

import hashlib
import re

from .model import Finding

_SPACE = re.compile(r"\s+")
# a message may cite another place by line or page ("与第 57 行不符"): that moves too
_PLACE = re.compile(r"第\d+([行页])")


def _normal(text: str | None) -> str:
    return _PLACE.sub(r"第#\1", _SPACE.sub("", text or ""))


def fingerprint(finding: Finding) -> str:
    """A stable hash of rule, message, evidence and expected text (whitespace ignored)."""
    key = "\x1f".join((finding.rule, _normal(finding.message), _normal(finding.evidence), _normal(finding.expected)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
