"""Inputs a fuzz campaign found to blow up time, memory or a rule: each ends in findings or a clear record."""

from __future__ import annotations

from rich.cells import cell_len

from auditlint.api import check_bytes
from auditlint.model import EXCERPT_CONTEXT
from auditlint.report import render

from .test_fixes import DRAFT

# ----------------------------------------------------------------------------- memory: findings on a long line


def _one_long_line(size: int) -> str:
    """A title line, then a report's paragraphs run together into one line of about `size` characters."""
    body = DRAFT.split("\n", 1)[1].replace("\n", "")
    return "2023年度部门决算说明\n" + body * (size // len(body) + 1) + "\n"


def test_a_finding_keeps_an_excerpt_of_its_line_not_the_line():
    text = _one_long_line(60_000)
    findings = check_bytes("long.txt", text.encode()).findings
    assert len(findings) > 100
    for f in findings:
        assert f.line == 2
        assert len(f.excerpt) <= 2 * EXCERPT_CONTEXT + max(1, len(f.evidence))
        assert f.excerpt in text
    # what all findings keep together grows with the findings, not with findings × line length
    assert sum(len(f.excerpt) for f in findings) < 200 * len(findings)


def test_the_code_frame_of_a_long_line_is_cut_around_the_span():
    text = _one_long_line(20_000)
    result = check_bytes("long.txt", text.encode())
    f = next(f for f in result.findings if f.rule == "CHG001" and f.column > 1000)
    report = render("text", [result.model_copy(update={"findings": [f]})])
    shown = next(line for line in report.splitlines() if line.startswith("2 | "))
    assert shown.startswith("2 | …") and shown.endswith("…")
    assert len(shown) <= len("2 | ") + 2 * EXCERPT_CONTEXT + len(f.evidence) + 2
    marks = next(line for line in report.splitlines() if "^" in line)
    # the underline sits under the span (counted in terminal cells: a CJK character takes two)
    assert marks.index("^") == cell_len(shown[: shown.index(f.evidence)])
    assert marks.count("^") == cell_len(f.evidence)
