"""The command line: the JSON contract, exit codes, unreadable files, rule catalogue."""

import json
from pathlib import Path

from click.testing import CliRunner

from auditlint.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FINDING_KEYS = {
    "rule", "name", "severity", "message", "path", "line", "column", "end_line", "end_column",
    "page", "evidence", "expected", "actual", "fix", "related",
}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_json_contract(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n", encoding="utf-8")
    result = run("check", "--format", "json", "--isolated", str(report))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["version"] == 1
    [entry] = data["files"]
    assert entry["path"] == str(report) and entry["error"] is None
    [finding] = entry["findings"]
    assert set(finding) == FINDING_KEYS
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 29, 1, 36)
    assert finding["evidence"] == "下降93.4%"
    text = report.read_text(encoding="utf-8").split("\n")[0]
    assert text[finding["column"] - 1 : finding["end_column"] - 1] == finding["evidence"]
    summary = data["summary"]
    assert summary["findings"] == 1 and summary["files"] == 1
    assert summary["claims"]["checked"] >= 1
    assert entry["claims"]["change"] == {"found": 1, "checked": 1, "not_assessable": 0}


def test_clean_file_exits_zero(tmp_path):
    report = tmp_path / "clean.txt"
    report.write_text("机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。", encoding="utf-8")
    result = run("check", "--isolated", str(report))
    assert result.exit_code == 0
    assert "未发现问题" in result.output


def test_unreadable_file_is_reported_and_the_others_still_checked(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。", encoding="utf-8")
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    missing = tmp_path / "c.txt"
    result = run("check", "--format", "json", "--isolated", str(good), str(binary), str(missing))
    assert result.exit_code == 2
    files = {Path(f["path"]).name: f for f in json.loads(result.output)["files"]}
    assert files["a.txt"]["findings"]
    assert files["b.txt"]["error"] and files["b.txt"]["error_code"]
    assert files["c.txt"]["error_code"] == "unreadable"


def test_directories_are_walked_for_supported_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("收入合计100.00万元。", encoding="utf-8")
    (tmp_path / "notes.docx.bak").write_bytes(b"\x00")
    result = run("check", "--format", "json", "--isolated", str(tmp_path))
    paths = [Path(f["path"]).name for f in json.loads(result.output)["files"]]
    assert paths == ["x.txt"]


def test_select_and_ignore():
    result = run("check", "--format", "json", "--isolated", "--select", "CHG", str(EXAMPLES))
    rules = {f["rule"] for f in json.loads(result.output)["files"][1]["findings"]}
    assert rules and all(r.startswith("CHG") for r in rules)
    result = run("check", "--format", "json", "--isolated", "--ignore", "CHG,SUM", str(EXAMPLES))
    rules = {f["rule"] for entry in json.loads(result.output)["files"] for f in entry["findings"]}
    assert rules and not any(r.startswith(("CHG", "SUM")) for r in rules)


def test_unknown_rule_is_a_usage_error():
    result = CliRunner().invoke(main, ["check", "--select", "XYZ999", str(EXAMPLES)])
    assert result.exit_code == 2
    assert "XYZ999" in result.output


def test_fail_on_error_lets_warnings_pass(tmp_path):
    report = tmp_path / "w.txt"
    report.write_text("获得项目资金６万。", encoding="utf-8")
    assert run("check", "--isolated", str(report)).exit_code == 1
    assert run("check", "--isolated", "--fail-on", "error", str(report)).exit_code == 0


def test_text_output_has_location_rule_and_frame(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。\n", encoding="utf-8")
    out = run("check", "--isolated", str(report)).output
    assert f"{report}:1:29: 错误 CHG001" in out
    assert "^^^^^^^" in out and "应为 下降15.8%" in out


def test_rules_catalogue_and_explain():
    listing = json.loads(run("rules", "--format", "json").output)
    ids = {r["id"] for r in listing}
    assert {"SUM001", "PCT001", "CHG001", "EXE001", "UNIT001", "FMT001"} <= ids
    out = run("explain", "chg001").output
    assert "CHG001 变动率不符" in out and "错误示例：" in out and "正确示例：" in out
    out = run("explain", "chg001", "--lang", "en").output
    assert "CHG001 change-rate-mismatch" in out and "Bad:" in out and "Good:" in out


def test_examples_show_what_the_tool_does():
    data = json.loads(run("check", "--format", "json", "--isolated", str(EXAMPLES)).output)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert by_name["clean-final-accounts.txt"]["findings"] == []
    draft = {f["rule"] for f in by_name["draft-with-errors.txt"]["findings"]}
    assert {"SUM001", "PCT001", "CHG001", "CHG002", "CHG003", "EXE001", "EXE002", "UNIT001", "UNIT002", "FMT001"} <= draft
    assert by_name["performance-report.html"]["findings"]


def test_explain_is_chinese_first_and_english_on_request():
    zh = run("explain", "SUM001").output
    assert zh.startswith("SUM001 分项之和不符（parts-do-not-add-up）\n默认级别：错误")
    assert "\n检查：" in zh and "\n原因：" in zh and "Checks:" not in zh and "Why:" not in zh
    # a section is one paragraph: the docstring's line breaks inside Chinese text are gone
    check = zh.split("\n检查：", 1)[1].split("\n", 1)[0]
    assert "各部分之和应等于总数" in check and "由 TAB005 在该部分处报告" in check
    en = run("explain", "SUM001", "--lang", "en").output
    assert en.startswith("SUM001 parts-do-not-add-up (default severity: error)")
    assert "\nChecks: " in en and "\nWhy: " in en and "检查：" not in en and "原因：" not in en
    assert "\nBad:  " in en and "\nGood: " in en
    assert run("explain", "SUM001", "--lang", "fr").exit_code == 2


def test_rules_lists_the_chinese_name_beside_the_name():
    out = run("rules").output
    header = out.splitlines()[0]
    assert header.index("规则") < header.index("中文名称") < header.index("名称", header.index("中文名称") + 4)
    row = next(line for line in out.splitlines() if "CHG001" in line)
    assert row.index("变动率不符") < row.index("change-rate-mismatch") and "错误" in row


def test_explain_shows_an_example_of_several_lines_under_its_label():
    out = run("explain", "SUP001").output
    assert "错误示例：\n  <!-- auditlint: ignore CHG01 已与财务核实 -->\n  机关运行经费支出" in out
    assert "正确示例：\n  <!-- auditlint: ignore CHG001" in out
