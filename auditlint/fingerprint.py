"""Finding fingerprints by meaning, not position: they survive edits elsewhere in the file.

A finding's identity is its rule, what it says (the labels, the expression and
its figures, all in the message) and the text it points at — never its line or
column, which move whenever a paragraph is added above it. Messages keep citing
other places by line or page ("第 727 行已有…", "（第 71、727、1197 行）", "第 3 页第
12 行"), because a reader needs them; those numbers are taken out of the identity.
"""

from __future__ import annotations

import hashlib
import re

from .model import Finding

_SPACE = re.compile(r"\s+")
# a place a message cites, once spaces are gone: 第57行, 第71、727、1197等行, 第3页, 第12、15行 — numbers that move
_PLACE = re.compile(r"第\d+(?:[、，,和及与至~\-－—]\d+)*(等?)([行页])")


def _normal(text: str | None) -> str:
    return _PLACE.sub(r"第#\1\2", _SPACE.sub("", text or ""))


def fingerprint(finding: Finding) -> str:
    """A stable hash of rule, message, evidence and expected text (whitespace and cited line numbers ignored)."""
    key = "\x1f".join((finding.rule, _normal(finding.message), _normal(finding.evidence), _normal(finding.expected)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
