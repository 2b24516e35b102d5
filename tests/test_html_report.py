"""The HTML report for people: what made it (version, date, settings), page breaks and tables in the text view,
a fix offered only where auditlint can apply it, and a PDF's page apart from the rule id."""

from __future__ import annotations

import re

from auditlint.api import check_bytes
from auditlint.model import Document, FileResult, Finding, Severity
from auditlint.report import ReportOptions, render

from .office import Merged, Paragraph, TableSpec, build_docx

WRONG = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n"


def _source(page: str) -> str:
    return page[page.index('<div class="source">') :]


def test_the_header_names_the_version_the_date_and_the_settings(monkeypatch):
    from auditlint import __version__

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1733558400")  # 2024-12-07 08:00 UTC
    options = ReportOptions(settings=[("配置文件", "/r/pyproject.toml"), ("失败级别", "warning")])
    page = render("html", [check_bytes("a.txt", WRONG.encode(), keep_document=True)], options)
    header = page[page.index('<header class="bar">') : page.index("</header>")]
    assert f"auditlint {__version__}" in header and "2024-12-07 08:00 UTC" in header
    assert "<dt>配置文件</dt><dd>/r/pyproject.toml</dd>" in header and "<dt>失败级别</dt><dd>warning</dd>" in header
    assert page == render("html", [check_bytes("a.txt", WRONG.encode(), keep_document=True)], options)  # reproducible


def test_page_breaks_are_marked_in_the_text_view():
    text = "第一页的标题\n" + WRONG + "第二页的正文\n"
    doc = Document(path="a.pdf", format="pdf", text=text, content=text, page_starts=[0, text.index("第二页")])
    result = check_bytes("a.txt", text.encode(), keep_document=True)
    result = result.model_copy(update={"path": "a.pdf", "document": doc})
    source = _source(render("html", [result], ReportOptions()))
    assert source.index("第 1 页") < source.index("第一页的标题") < source.index("第 2 页") < source.index("第二页的正文")


def test_tables_are_shown_as_tables_with_findings_in_their_cells():
    table = TableSpec(
        title="支出决算表",
        rows=[
            [Merged("项目", colspan=2), None, "决算数"],
            ["基本支出", "", "80.00"],
            ["项目支出", "", "30.00"],
            ["合计", "", "120.00"],  # 80.00 + 30.00 = 110.00: TAB001
        ],
    )
    data = build_docx([Paragraph("2023年度部门决算"), table])
    result = check_bytes("说明.docx", data, keep_document=True)
    assert "TAB001" in [f.rule for f in result.findings]
    source = _source(render("html", [result], ReportOptions()))
    grid = source[source.index('<table class="doc-table">') : source.index("</table>")]
    assert '<td colspan="2">项目</td>' in grid
    assert re.search(r'<td><mark class="error[^"]*"[^>]*>120\.00</mark></td>', grid)
    assert grid.count("<tr") == 4 and '<th class="no">' in grid


def _finding(path: str, fix: str | None, safe: bool, page: int | None = None) -> Finding:
    return Finding(
        rule="CHG001", name="change-rate-mismatch", severity=Severity.ERROR, message="下降率与数据不符", path=path,
        line=5, column=3, end_line=5, end_column=9, evidence="下降93.4%", expected="下降15.8%", fix=fix, fix_safe=safe,
        page=page, page_line=2 if page else None,
    )


def _item(f: Finding) -> str:
    page = render("html", [FileResult(path=f.path, findings=[f])], ReportOptions())
    return page[page.index('<ol class="findings">') : page.index("</ol>")]


def test_a_fix_is_offered_only_where_auditlint_can_apply_it():
    assert "可自动修复（--fix）为 <code>下降15.8%</code>" in _item(_finding("a.txt", "下降15.8%", safe=True))
    suggestion = _item(_finding("a.txt", "下降15.8%", safe=False))
    assert "修正建议（核实后可用 --unsafe-fixes 应用）" in suggestion and "可自动修复" not in suggestion
    for path in ("a.pdf", "a.docx", "a.xlsx"):
        item = _item(_finding(path, "下降15.8%", safe=True))
        assert "可自动修复" not in item and "修正建议" not in item and "应为 <code>下降15.8%</code>" in item


def test_a_pdf_findings_page_stands_apart_from_the_rule_id():
    item = _item(_finding("a.pdf", None, safe=False, page=3))
    assert '<span class="where"><a href="#f1-1">行 5:3</a><span class="page">第 3 页第 2 行</span></span><span class="rule"' in item


def test_rules_are_named_in_chinese_for_a_finance_user():
    from auditlint.engine import load_rules

    rules = load_rules()
    page = render("html", [check_bytes("a.txt", WRONG.encode(), keep_document=True)], ReportOptions(rules=rules))
    # beside each finding, under its id; and in the table of rules, before the kebab-case name
    assert re.search(r'<span class="rule" title="change-rate-mismatch">CHG001<span class="rule-name">变动率不符</span></span>', page)
    assert '<td>变动率不符 <span class="kebab">change-rate-mismatch</span></td>' in page
