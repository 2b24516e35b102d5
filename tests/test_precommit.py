"""The pre-commit hooks, as a repository of reports uses them: `pre-commit try-repo` on a scratch repository.

The `auditlint` hook must read the PDFs it is given: its environment installs the pdf
extra. The end-to-end test runs only where pre-commit is installed (it is not a test
dependency, so CI skips it); it builds the hook's environment from this checkout in a
temporary PRE_COMMIT_HOME, which takes half a minute.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _hooks() -> dict[str, dict]:
    yaml = pytest.importorskip("yaml", reason="PyYAML (pre-commit's own dependency) reads the hook manifest")
    return {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_the_check_hook_installs_the_pdf_extra_for_the_pdfs_it_takes():
    hook = _hooks()["auditlint"]
    assert "pdf" in hook["files"]
    assert hook["additional_dependencies"] == [".[pdf]"]  # this repository's own extra: never out of step with pyproject


def test_the_fix_hook_applies_safe_fixes_only_and_only_to_text_files():
    hook = _hooks()["auditlint-fix"]
    assert hook["entry"] == "auditlint check --fix"
    assert "unsafe" not in hook["entry"] and "pdf" not in hook["files"] and "docx" not in hook["files"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=repo, check=True, capture_output=True)


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "auditlint", "--all-files", "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed (pip install pre-commit)")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo_reads_a_pdf(tmp_path):
    pytest.importorskip("reportlab", reason="the test writes its PDFs with reportlab")
    from . import pdfgen

    repo = tmp_path / "reports"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "正确.pdf").write_bytes(pdfgen.second_page_finding_pdf(rate="8.7"))
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "a correct report")
    passed = _try_repo(repo, tmp_path / "home")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout

    (repo / "有误.pdf").write_bytes(pdfgen.second_page_finding_pdf(rate="39.5"))
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "a report with a wrong rate")
    failed = _try_repo(repo, tmp_path / "home")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "exit code: 1" in failed.stdout  # findings, not exit 2: the PDF was read
    assert "有误.pdf:5:37: 第 2 页第 2 行" in failed.stdout and "CHG001" in failed.stdout
    assert "正确.pdf" not in failed.stdout and "unsupported-format" not in failed.stdout and "无法检查" not in failed.stdout
