"""How auditlint is installed: its own name on PyPI, the licence it promises, install lines that install it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from auditlint import DISTRIBUTION
from auditlint.sources import ReadError, pdf, read_bytes

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# `pip install auditlint…` from PyPI installs an unrelated project (auditlint 0.1.0, statistical comparisons)
_FOREIGN_INSTALL = re.compile(r"pip install\s+['\"]?auditlint(?![-\w])")


def test_the_distribution_is_not_the_unrelated_pypi_auditlint():
    assert PYPROJECT["project"]["name"] == DISTRIBUTION != "auditlint"
    # the command and the import package keep their name
    assert PYPROJECT["project"]["scripts"] == {"auditlint": "auditlint.cli:main"}


def test_the_licence_pyproject_promises_is_there():
    assert PYPROJECT["project"]["license"] == {"text": "MIT"}
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in licence


@pytest.mark.parametrize("doc", ["README.md", "README.en.md", "CONTRIBUTING.md", "docs/distributed.md", "docs/distributed.en.md", ".pre-commit-hooks.yaml"])
def test_no_document_installs_the_other_project(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert not _FOREIGN_INSTALL.search(text)


@pytest.mark.parametrize("readme", ["README.md", "README.en.md"])
def test_readme_gives_the_checkout_command_and_the_distribution_name(readme):
    text = (ROOT / readme).read_text(encoding="utf-8")
    assert "pip install '.[pdf]'" in text and "pip install '.[dask]'" in text
    assert f"pip install '{DISTRIBUTION}[pdf]'" in text


@pytest.mark.parametrize("readme", ["README.md", "README.en.md"])
def test_both_readmes_give_the_two_commands_ci_runs(readme):
    text = (ROOT / readme).read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in ("pip install . && auditlint check examples/", "pip install '.[test]' && pytest"):
        assert f"```sh\n{command}\n```" in text, f"{readme} must tell a new user: {command}"
    # .ci/run runs exactly them (the first split in two, to tell its exit status 1 from a failure)
    assert "\npip install .\n" in ci and "\nauditlint check examples/ ||" in ci and "\npip install '.[test]' && pytest\n" in ci
    # each README points at the other
    assert ("README.en.md" if readme == "README.md" else "(README.md)") in text


def test_the_pdf_message_names_an_install_that_brings_the_pdf_reader(monkeypatch):
    monkeypatch.setattr(pdf, "available", lambda: False)
    with pytest.raises(ReadError) as info:
        read_bytes("report.pdf", b"%PDF-1.7\n...")
    assert f"pip install '{DISTRIBUTION}[pdf]'" in info.value.message
    assert "pip install '.[pdf]'" in info.value.message
    assert not _FOREIGN_INSTALL.search(info.value.message)



def test_the_cluster_guide_in_chinese_and_in_english_give_the_same_commands_and_code():
    """docs/distributed.md is Chinese first, docs/distributed.en.md the English: every command and line of code alike."""
    def code(doc: str) -> list[str]:
        text = (ROOT / doc).read_text(encoding="utf-8")
        blocks = re.findall(r"```\w*\n(.*?)```", text, re.S)
        return [line.split("  #")[0].rstrip() for block in blocks for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]

    assert code("docs/distributed.md") == code("docs/distributed.en.md") != []
