"""Shared fixtures: the shared corpus (skipped when absent) and checking text in memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from auditlint.api import check_bytes
from auditlint.config import Config
from auditlint.model import FileResult

# HYPOTHESIS_PROFILE=thorough runs ten times the examples (before a release, or after touching extract/).
settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def _find_corpus() -> Path:
    """The team's shared corpus: $AUDITLINT_CORPUS, or a shared/corpus folder beside an ancestor."""
    env = os.environ.get("AUDITLINT_CORPUS")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "corpus"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


CORPUS = _find_corpus()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it lives beside the repository in the team workspace)")
    return CORPUS


def check_text(text: str, select: tuple[str, ...] = (), name: str = "report.txt") -> FileResult:
    """Run auditlint over a text as if it were a file."""
    return check_bytes(name, text.encode("utf-8"), Config(select=select))


def rules_of(result: FileResult) -> list[str]:
    return [f.rule for f in result.findings]


@pytest.fixture
def fresh_rule_cache():
    """The API caches the rule set per rules dirs; a rule pack a test installs must not outlive the test."""
    from auditlint import api

    api._rules.cache_clear()
    yield
    api._rules.cache_clear()
