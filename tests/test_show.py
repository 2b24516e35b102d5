"""auditlint show: what was read — the lines, the tables, every claim and its verdict — in text and in json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint.api import check_path
from auditlint.cli import main
from auditlint.config import Config
from auditlint.engine import load_rules
from auditlint.show import inspect_file

from .office import Paragraph, build_docx
from .test_segment import EXPENSE_TABLE
from .test_tables_office import SPENDING, TOTALS

HOLDS = "本年收入合计110.00万元，其中：财政拨款收入100.00万元，其他收入10.00万元。"
FAILS = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。"
NOT_ASSESSABLE = "与上年相比，收入增加66.74万元，增长61.4%。"
REPORT = f"示例单位2024年度部门决算\n一、收入决算情况说明\n{HOLDS}\n二、机关运行经费\n{FAILS}\n三、收入变动\n{NOT_ASSESSABLE}\n"


def show(*args: str):
    return CliRunner().invoke(main, ["show", *args], catch_exceptions=False)


def shown(path: Path, *args: str) -> dict:
    result = show("--format", "json", *args, str(path))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def write(tmp_path: Path, text: str, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def claim_at(data: dict, kind: str, line: int) -> dict:
    [claim] = [c for c in data["claims"] if c["kind"] == kind and c["line"] == line]
    return claim


# ---------------------------------------------------------------- claims


def test_a_claim_that_holds_one_that_fails_and_one_not_assessable_with_its_reason(tmp_path):
    data = shown(write(tmp_path, REPORT))
    held = claim_at(data, "sum", 3)
    assert held["verdict"] == "holds"
    assert {o["rule"]: o["status"] for o in held["outcomes"]} == {"SUM001": "holds"}

    failed = claim_at(data, "change", 5)
    assert failed["verdict"] == "fails"
    [rate] = [o for o in failed["outcomes"] if o["rule"] == "CHG001"]
    assert rate["status"] == "fails"
    [finding] = [data["findings"][i] for i in rate["findings"]]
    assert finding["rule"] == "CHG001" and finding["line"] == 5 and "15.8%" in finding["message"]
    assert finding["about_claim"] is True

    skipped = claim_at(data, "change", 7)
    assert skipped["verdict"] == "not-assessable"
    [reason] = [o["reason"] for o in skipped["outcomes"] if o["rule"] == "CHG001"]
    assert reason  # the rule's own words for the missing term
    assert data["summary"]["claims"] == {"fails": 1, "not-assessable": 1, "holds": 1, "not-checked": 0}


def test_the_text_format_names_each_verdict_and_the_reason_in_chinese(tmp_path):
    path = write(tmp_path, REPORT)
    data = shown(path)
    reason = next(o["reason"] for o in claim_at(data, "change", 7)["outcomes"] if o["status"] == "not-assessable")
    result = show(str(path))
    assert result.exit_code == 0
    out = result.output
    assert "年度：2024" in out and "报告类型：部门决算" in out
    assert "第 3 行　合计与分项" in out and "成立（SUM001）" in out
    assert "第 5 行　变动" in out and "不成立" in out and "CHG001 第 5 行：下降93.4% 与数据不符" in out
    assert f"CHG001 无法核验：{reason}" in out


def test_a_finding_about_no_claim_is_listed_apart(tmp_path):
    text = "一、收入\n本年收入合计１０万元。\n三、支出\n本年支出合计10.00万元。\n"
    data = shown(write(tmp_path, text))
    fmt = [f for f in data["findings"] if f["rule"] == "FMT001"]
    assert fmt and not fmt[0]["about_claim"]
    assert "其他问题（不针对某一项数字表述，" in show(str(write(tmp_path, text))).output


def test_a_claim_no_selected_rule_looks_at_is_not_checked(tmp_path):
    data = shown(write(tmp_path, REPORT), "--select", "CHG")
    assert claim_at(data, "sum", 3)["verdict"] == "not-checked"
    assert claim_at(data, "change", 5)["verdict"] == "fails"
    assert {f["rule"][:3] for f in data["findings"]} == {"CHG"}
    ignored = shown(write(tmp_path, REPORT), "--ignore", "CHG001")
    assert all(o["rule"] != "CHG001" for c in ignored["claims"] for o in c["outcomes"])


def test_a_finding_silenced_by_a_comment_is_shown_as_such(tmp_path):
    text = REPORT.replace(FAILS, FAILS + "<!-- auditlint: ignore CHG001 已核实 -->")
    data = shown(write(tmp_path, text))
    [finding] = [f for f in data["findings"] if f["rule"] == "CHG001"]
    assert finding["suppressed"] is True
    assert data["summary"]["findings"] == len(data["findings"]) - 1 and data["summary"]["suppressed"] == 1


def test_the_verdicts_agree_with_the_counts_check_reports():
    examples = Path(__file__).resolve().parent.parent / "examples"
    for path in sorted(examples.glob("*.txt")):
        counts = check_path(path).claims
        data = inspect_file(str(path), Config(), load_rules().values())
        verdicts = data["summary"]["claims"]
        assert sum(c.found for c in counts.values()) == len(data["claims"])
        assert sum(c.checked for c in counts.values()) == verdicts["holds"] + verdicts["fails"], path
        assert sum(c.not_assessable for c in counts.values()) == verdicts["not-assessable"], path


# ---------------------------------------------------------------- the page and its tables


def test_a_flattened_table_is_shown_with_its_template_columns_and_rows(tmp_path):
    text = "三、支出决算情况说明\n本年支出合计 1,150.00 万元。\n" + EXPENSE_TABLE + "四、其他重要事项\n"
    short = EXPENSE_TABLE.replace("2120199 其他城乡社区管理事务支出 150.00 150.00", "2120199 其他城乡社区管理事务支出 150.00 105.00")
    data = shown(write(tmp_path, text.replace(EXPENSE_TABLE, short)))
    [table] = data["tables"]
    assert table["title"] == "支出决算表" and table["template"] == "支出决算表" and table["template_report"] == "决算"
    assert table["unit"] == "万元" and table["source"] == "flattened"
    assert (table["first_line"], table["last_line"]) == (3, 21)
    roles = [(c["path"][-1], c["role"]) for c in table["columns"]]
    assert roles[:3] == [("科目编码", "code"), ("科目名称", "label"), ("本年支出合计", "value")]
    rows = {r["code"]: r for r in table["rows"] if r["code"]}
    assert rows["2010301"]["parent"] == "20103 政府办公厅（室）及相关机构事务" and rows["2010301"]["depth"] == 2
    assert rows["212"]["label"] == "其他城乡社区管理事务支出"
    # the short row's second figure could be in either column: its place is not known
    states = [v["state"] for v in rows["2120199"]["values"]]
    assert "unplaced" in states
    runs = [(r["kind"], r["first_line"], r["last_line"]) for r in data["segments"]]
    assert runs == [("heading", 1, 1), ("paragraph", 2, 2), ("table", 3, 21), ("heading", 22, 22)]
    assert data["segments"][2]["table"] == 0 and data["segments"][2]["source"] == "flattened"
    out = show(str(tmp_path / "report.txt")).output
    assert "表 1：支出决算表" in out and "模板：支出决算表（决算）" in out and "由平铺文本重建" in out
    assert "?(105.00)" in out


def test_every_line_is_listed_with_lines(tmp_path):
    path = write(tmp_path, "一、收入\n\n本年收入合计10.00万元。\n")
    data = shown(path, "--lines")
    assert [(ln["line"], ln["kind"]) for ln in data["lines"]] == [(1, "heading"), (2, "blank"), (3, "paragraph"), (4, "blank")]
    assert "lines" not in shown(path)
    out = show("--lines", str(path)).output
    assert "空行" in out and "本年收入合计10.00万元。" in out


def test_a_docx_table_is_shown_with_its_sides_and_header_paths(tmp_path):
    data = build_docx([Paragraph("示例单位2024年度部门决算"), Paragraph(HOLDS), TOTALS, SPENDING])
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    shown_data = shown(path)
    totals, spending = shown_data["tables"]
    assert totals["source"] == "reader" and totals["template"] == "收入支出决算总表"
    assert {c["side"] for c in totals["columns"]} == {0, 1}
    assert ["收入", "决算数"] in [c["path"] for c in totals["columns"]]
    income = {r["label"]: r for r in totals["rows"] if r["side"] == 0}
    assert [v["text"] for v in income["本年收入合计"]["values"]] == ["110.00"]
    assert spending["template"] == "支出决算表"
    codes = [r["code"] for r in spending["rows"] if r["code"]]
    assert codes[:3] == ["201", "20101", "2010101"]
    assert any(c["kind"] == "table-total" and c["verdict"] == "holds" for c in shown_data["claims"])
    assert [r["kind"] for r in shown_data["segments"]].count("table") == 2
    out = show(str(path)).output
    assert "来源：文件中的表格" in out and "列（第 2 侧）" in out


def test_the_kind_of_report_is_read_from_its_title(tmp_path):
    for title, kind in (
        ("上海市示例局2026年区级部门预算", "部门预算"),
        ("示例单位2024年度单位决算", "单位决算"),
        ("科普工作经费绩效评价自评报告", "预算绩效自评报告"),
        ("一、主要职能", None),
    ):
        data = shown(write(tmp_path, f"{title}\n一、收入\n本年收入合计10.00万元。\n"))
        assert data["kind"] == kind, title


# ---------------------------------------------------------------- the json shape and bad input


def test_the_json_shape_is_stable(tmp_path):
    data = shown(write(tmp_path, REPORT + EXPENSE_TABLE))
    assert list(data) == [
        "version", "path", "format", "year", "unit", "kind", "identity", "cross_facts", "segments", "tables", "claims", "findings",
        "internal_errors", "summary",
    ]
    assert data["version"] == 1 and data["format"] == "text" and data["unit"] == "万元"
    assert set(data["segments"][0]) == {"kind", "first_line", "last_line", "text"}
    assert {"source", "table"} <= set(next(s for s in data["segments"] if s["kind"] == "table"))
    [table] = data["tables"]
    assert list(table) == [
        "index", "title", "template", "template_report", "unit", "source", "first_line", "last_line", "page", "header_rows",
        "columns", "rows",
    ]
    assert list(table["columns"][0]) == ["index", "side", "path", "role", "percent", "unit", "number", "formula"]
    assert list(table["rows"][0]) == ["line", "row", "side", "code", "label", "total", "detail", "parent", "depth", "values"]
    assert list(table["rows"][0]["values"][0]) == ["column", "text", "state"]
    claim = data["claims"][0]
    assert list(claim) == ["kind", "line", "column", "page", "subject", "what", "table", "text", "verdict", "outcomes"]
    assert list(claim["outcomes"][0]) == ["rule", "status", "reason", "findings"]
    finding = data["findings"][0]
    assert {"rule", "severity", "message", "line", "column", "evidence", "suppressed", "about_claim"} <= set(finding)
    assert list(data["summary"]) == ["lines", "tables", "claims", "findings", "suppressed"]
    assert set(data["summary"]["claims"]) == {"holds", "fails", "not-assessable", "not-checked"}


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_bad_input_gets_checks_message_and_exit_2(tmp_path, fmt):
    binary = tmp_path / "report.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 10)
    for path in (binary, tmp_path / "missing.txt"):
        expected = CliRunner().invoke(main, ["check", str(path)]).output.splitlines()[0]
        result = show("--format", fmt, str(path))
        assert result.exit_code == 2
        if fmt == "text":
            assert result.output.splitlines()[0] == expected
        else:
            data = json.loads(result.output)
            assert expected == f"{path}: 无法检查 {data['error']}" and data["error_code"]


def test_a_folder_is_not_a_file(tmp_path):
    result = show(str(tmp_path))
    assert result.exit_code == 2 and result.output == f"{tmp_path}: 无法检查 这是一个目录，不是文件\n"


def test_an_unknown_rule_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["show", "--select", "XYZ999", str(write(tmp_path, REPORT))])
    assert result.exit_code == 2 and "XYZ999" in result.output
