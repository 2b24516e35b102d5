"""Every format says on which page of a PDF a finding is (第 N 页, and the line within the page):
the line in auditlint's own layout of the PDF text is nowhere to be found in a viewer."""

from __future__ import annotations

import pytest

from auditlint.model import Document, FileResult, Finding, Severity
from auditlint.report import ReportOptions, page_label, render

from .test_reporters import parse_commands


def test_a_line_within_its_page_counts_from_the_pages_first_line():
    text = "标题\n正文一\n正文二\n第二页一\n第二页二\n"
    doc = Document(path="a.pdf", format="pdf", text=text, content=text, page_starts=[0, text.index("第二页一")])
    assert doc.page_line(text.index("正文二")) == 3
    assert doc.page_line(text.index("第二页二") + 2) == 2
    plain = Document(path="a.txt", format="text", text=text, content=text)
    assert plain.page_line(text.index("正文二")) is None


def _finding(n: int, page: int | None, page_line: int | None = None) -> Finding:
    return Finding(
        rule="CHG001", name="change-rate-mismatch", severity=Severity.ERROR, message=f"第{n}处下降率与数据不符",
        path="说明.pdf" if page else "说明.txt", line=100 + n, column=3, end_line=100 + n, end_column=9,
        page=page, page_line=page_line, evidence="下降39.5%",
    )


def test_the_page_label():
    assert page_label(_finding(1, 2, 7)) == "第 2 页第 7 行"
    assert page_label(_finding(1, 2, None)) == "第 2 页"
    assert page_label(_finding(1, None)) == ""


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_text_and_concise_name_the_page_after_the_location(fmt):
    output = render(fmt, [FileResult(path="说明.pdf", findings=[_finding(1, 3, 12)])], ReportOptions())
    assert "说明.pdf:101:3: 第 3 页第 12 行 错误 CHG001 " in output
    plain = render(fmt, [FileResult(path="说明.txt", findings=[_finding(1, None)])], ReportOptions())
    assert "页" not in plain


def test_github_annotations_log_lines_and_the_job_summary_name_the_page(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    findings = [_finding(n, 2, n) for n in range(1, 13)]  # 12 errors: 10 annotations, 2 log lines
    output = render("github", [FileResult(path="说明.pdf", findings=findings)], ReportOptions())
    annotations = [c for c in parse_commands(output) if c["kind"] == "error"]
    assert len(annotations) == 10
    assert all(c["message"].startswith(f"第 2 页第 {n} 行：") for n, c in zip(range(1, 11), annotations))
    assert "说明.pdf:111:3: 错误 CHG001 第 2 页第 11 行：第11处下降率与数据不符" in output
    table = summary.read_text(encoding="utf-8")
    assert "| 文件 | 位置 | 规则 | 问题 |" in table
    assert "| `说明.pdf` | 第 2 页第 12 行 | CHG001 |" in table


def test_the_job_summary_of_a_text_file_gives_the_line():
    from auditlint.report.github import GithubReporter

    reporter = GithubReporter(None, ReportOptions())  # type: ignore[arg-type]
    reporter.file(FileResult(path="说明.txt", findings=[_finding(4, None)]))
    assert "| `说明.txt` | 第 104 行 | CHG001 |" in reporter.markdown()


def test_a_real_pdf_reports_the_page_and_line_its_reader_sees(tmp_path):
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    from click.testing import CliRunner

    from auditlint.cli import main

    from . import pdfgen

    path = tmp_path / "说明.pdf"
    path.write_bytes(pdfgen.second_page_finding_pdf())
    for fmt in ("text", "concise"):
        result = CliRunner().invoke(main, ["check", "--isolated", "--format", fmt, str(path)])
        assert result.exit_code == 1, result.output
        assert "第 2 页第 2 行 " in result.output and "CHG001" in result.output


def test_messages_cite_other_places_by_page_in_a_pdf_and_by_line_in_text():
    from types import SimpleNamespace

    from auditlint.rulekit import cite_lines

    text = "".join(f"第{n}行\n" for n in range(1, 11))
    offsets = [text.index(f"第{n}行") for n in (2, 3, 7, 9, 10)]
    plain = SimpleNamespace(document=Document(path="a.txt", format="text", text=text, content=text))
    assert cite_lines(plain, offsets[:1]) == "第 2 行"
    assert cite_lines(plain, offsets[:3]) == "第 2、3、7 行"
    assert cite_lines(plain, offsets) == "第 2、3、7、9等 行"
    paged = SimpleNamespace(
        document=Document(path="a.pdf", format="pdf", text=text, content=text, page_starts=[0, text.index("第6行")])
    )
    assert cite_lines(paged, offsets[:1]) == "第 1 页第 2 行"
    assert cite_lines(paged, offsets[:4]) == "第 1 页第 2、3 行，第 2 页第 2、4 行"
    assert cite_lines(paged, offsets) == "第 1 页第 2、3 行，第 2 页第 2、4 行等"
