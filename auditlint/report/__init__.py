"""Reporters: turn file results into text for people or JSON for programs."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import FileResult

FORMATS = ("text", "json")


def summarize(results: Iterable[FileResult]) -> dict:
    """Counts over a run: files, findings by severity and rule, claims found/checked/not assessable."""
    from ..runner import Tally

    return Tally.of(results).summary()
