"""Accepted findings: inline auditlint: ignore comments, and a baseline that survives unrelated edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint.api import check_bytes
from auditlint.cli import main

RATE = "机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。"  # CHG001
UNIT = "另获专项资金扶持共计 5 万。"  # UNIT002


def rules(text: str, name: str = "r.txt") -> list[str]:
    return [f.rule for f in check_bytes(name, text.encode()).findings]


def test_a_comment_alone_on_a_line_silences_the_next_line_with_text():
    text = f"<!-- auditlint: ignore CHG001 已与财务核实 -->\n\n{RATE}\n{UNIT}\n"
    result = check_bytes("r.txt", text.encode())
    assert [f.rule for f in result.findings] == ["UNIT002"] and result.suppressed == 1
    assert rules(f"<!-- auditlint: ignore CHG001 -->\n{RATE}\n{RATE}\n") == ["CHG001"]  # only the next line


def test_a_trailing_comment_silences_its_own_line():
    assert rules(f"{RATE}<!-- auditlint: ignore CHG -->\n{UNIT}\n") == ["UNIT002"]


def test_codes_and_prefixes_choose_the_rules_and_no_code_means_all():
    line = f"{RATE}另获专项资金扶持共计 5 万。\n"
    assert rules("<!-- auditlint: ignore UNIT002 -->\n" + line) == ["CHG001"]
    assert rules("<!-- auditlint: ignore UNIT, CHG001 -->\n" + line) == []
    assert rules("<!-- auditlint: ignore -->\n" + line) == []
    # a comment that silences nothing is itself reported (SUP002)
    assert rules("<!-- auditlint: ignore SUM001 -->\n" + line) == ["SUP002", "CHG001", "UNIT002"]


def test_a_file_level_comment_silences_a_rule_everywhere():
    text = f"{RATE}\n{UNIT}\n{RATE}\n<!-- auditlint: ignore-file CHG001 -->\n"
    assert rules(text) == ["UNIT002"]
    assert rules(f"<!-- auditlint: ignore-file -->\n{RATE}\n{UNIT}\n") == []


def test_comments_work_in_html_sources():
    page = f"<html><body>\n<!-- auditlint: ignore CHG001 -->\n<p>{RATE}</p>\n<p>{RATE}</p>\n</body></html>\n"
    assert rules(page, "r.html") == ["CHG001"]  # the second paragraph is still reported


def test_suppressed_findings_are_counted_in_the_summary(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(f"<!-- auditlint: ignore CHG001 -->\n{RATE}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(report)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["suppressed"] == 1
    text = CliRunner().invoke(main, ["check", "--isolated", str(report)]).stdout
    assert "1 个问题被文中的 auditlint: ignore 注释忽略" in text


# ---------------------------------------------------------------------- baseline

OLD = f"2023年度部门决算说明\n\n{RATE}\n\n{UNIT}\n"


@pytest.fixture
def archive(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "reports" / "b.txt").write_text(RATE + "\n", encoding="utf-8")
    return tmp_path


def check(*args: str):
    return CliRunner().invoke(main, ["check", "--isolated", *args], catch_exceptions=False)


def new_findings(result) -> list[tuple[str, str]]:
    data = json.loads(result.stdout)
    return [(f["path"], f["rule"]) for file in data["files"] for f in file["findings"]]


def test_write_baseline_records_every_finding_by_meaning(archive):
    written = check("--write-baseline", "baseline.json", "reports")
    assert written.exit_code == 0 and "已把 3 个问题写入基线" in written.stderr
    assert written.stdout == ""
    doc = json.loads((archive / "baseline.json").read_text(encoding="utf-8"))
    assert doc["version"] == 1
    assert [(e["path"], e["rule"]) for e in doc["findings"]] == [
        ("reports/a.txt", "CHG001"),
        ("reports/a.txt", "UNIT002"),
        ("reports/b.txt", "CHG001"),
    ]
    assert all("line" not in e for e in doc["findings"])  # no positions: they move


def test_the_baseline_survives_inserted_lines_and_reports_only_new_findings(archive):
    check("--write-baseline", "baseline.json", "reports")
    result = check("--baseline", "baseline.json", "--format", "json", "reports")
    assert result.exit_code == 0 and new_findings(result) == []
    assert json.loads(result.stdout)["summary"]["baselined"] == 3

    # an unrelated edit: a paragraph inserted above the old defects moves every line
    a = archive / "reports" / "a.txt"
    a.write_text("2023年度部门决算说明\n\n前言：本说明依据……编制。\n\n一、基本情况\n\n" + OLD.split("\n", 2)[2], encoding="utf-8")
    result = check("--baseline", "baseline.json", "--format", "json", "reports")
    assert new_findings(result) == [] and result.exit_code == 0

    # a new defect is reported; the old ones stay quiet
    a.write_text(a.read_text(encoding="utf-8") + "商品和服务支出654,200.00元，年初预算612,000.00元，减少42,200.00元。\n", encoding="utf-8")
    result = check("--baseline", "baseline.json", "--format", "json", "reports")
    assert new_findings(result) == [("reports/a.txt", "CHG002")] and result.exit_code == 1


def test_changing_the_figures_of_an_old_finding_makes_it_new(archive):
    check("--write-baseline", "baseline.json", "reports")
    b = archive / "reports" / "b.txt"
    b.write_text(RATE.replace("93.4%", "90.0%") + "\n", encoding="utf-8")
    result = check("--baseline", "baseline.json", "--format", "json", "reports")
    assert new_findings(result) == [("reports/b.txt", "CHG001")]


def test_a_finding_repeated_more_often_than_recorded_is_new(archive):
    check("--write-baseline", "baseline.json", "reports")
    b = archive / "reports" / "b.txt"
    b.write_text(RATE + "\n" + RATE + "\n", encoding="utf-8")
    result = check("--baseline", "baseline.json", "--format", "json", "reports")
    assert new_findings(result) == [("reports/b.txt", "CHG001")]


def test_the_baseline_matches_paths_relative_to_itself(archive, monkeypatch):
    check("--write-baseline", "baseline.json", "reports")
    monkeypatch.chdir(archive / "reports")
    result = CliRunner().invoke(main, ["check", "--isolated", "--baseline", "../baseline.json", "--format", "json", "."])
    assert new_findings(result) == [] and result.exit_code == 0


def test_a_file_that_is_not_a_baseline_is_a_usage_error(archive):
    (archive / "bad.json").write_text('{"files": []}', encoding="utf-8")
    result = check("--baseline", "bad.json", "reports")
    assert result.exit_code == 2 and "不是 auditlint 基线文件" in result.output


# ------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from auditlint.fingerprint import fingerprint  # noqa: E402

# whole paragraphs without figures: what an unrelated edit inserts between paragraphs
_PARAGRAPH = st.text(alphabet=st.sampled_from("本部门严格执行预算管理规定，加强资金使用监督一二三（）、；"), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(inserts=st.lists(st.tuples(st.integers(min_value=0, max_value=3), _PARAGRAPH), max_size=4))
def test_fingerprints_survive_any_inserted_paragraph(inserts):
    paragraphs = OLD.strip("\n").split("\n\n")
    for where, prose in inserts:
        paragraphs.insert(min(where, len(paragraphs)), prose + "。")
    edited = "\n\n".join(paragraphs) + "\n"
    before = sorted(fingerprint(f) for f in check_bytes("a.txt", OLD.encode()).findings)
    after = sorted(fingerprint(f) for f in check_bytes("a.txt", edited.encode()).findings)
    assert after == before


# ------------------------------------------------------------- cited lines, stale entries

# XREF001 cites the other places it compares by line: "（第 1、4 行）"
CITES = (
    "2023年度支出合计612.30万元。\n一、部门整体绩效评价报告\n（一）部门整体绩效目标完成情况\n"
    "部门2023年度调整后的预算数为634.50万元。2023 年实际支出 612.30 万元，执行率 96.50%。\n"
    "1.预算执行情况分析\n全年预算数 640.10 万元，实际执行数 588.20 万元，执行率 91.89%。\n"
)


def test_a_finding_that_cites_other_lines_keeps_its_fingerprint_when_lines_move():
    (before,) = check_bytes("a.txt", CITES.encode()).findings
    assert "（第 1、4 行）" in before.message
    (after,) = check_bytes("a.txt", ("前言。\n\n" + CITES).encode()).findings
    assert "（第 3、6 行）" in after.message
    assert fingerprint(after) == fingerprint(before)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("（第 71、727、1197 行）", "（第 72、728、1198 行）"),
        ("（第 71、727、1197、1300等 行）", "（第 9、10、11、12等 行）"),
        ("第 3 页第 12、15 行，第 5 页第 2 行", "第 4 页第 1、2 行，第 6 页第 30 行"),
        ("第 57 行已有", "第 58 行已有"),
    ],
)
def test_cited_places_are_not_part_of_the_identity(one, other):
    (f,) = check_bytes("a.txt", CITES.encode()).findings
    assert fingerprint(f.model_copy(update={"message": f"前后不一{one}"})) == fingerprint(
        f.model_copy(update={"message": f"前后不一{other}"})
    )
    # the figures still are
    assert fingerprint(f.model_copy(update={"message": f"此处 640.10 万元{one}"})) != fingerprint(
        f.model_copy(update={"message": f"此处 640.11 万元{one}"})
    )


def test_seed_003_keeps_its_baseline_after_a_line_is_inserted_above(corpus, tmp_path, monkeypatch):
    (seed,) = corpus.glob("seeds/003_*.txt")
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "r.txt"
    report.write_bytes(seed.read_bytes())
    assert check("--write-baseline", "baseline.json", "r.txt").exit_code == 0
    report.write_bytes("插入的一行。\n".encode() + seed.read_bytes())
    result = check("--baseline", "baseline.json", "--format", "json", "r.txt")
    assert new_findings(result) == [] and result.exit_code == 0


def test_stale_entries_are_counted_and_pruned(archive):
    check("--write-baseline", "baseline.json", "reports")
    result = check("--baseline", "baseline.json", "reports")
    assert "过时" not in result.stderr

    b = archive / "reports" / "b.txt"
    b.write_text(RATE.replace("93.4%", "15.8%") + "\n", encoding="utf-8")  # the defect corrected
    result = check("--baseline", "baseline.json", "--format", "json", "reports")
    assert result.exit_code == 0
    assert "基线 baseline.json 中有 1 个条目已过时" in result.stderr and "--prune-baseline" in result.stderr

    pruned = check("--baseline", "baseline.json", "--prune-baseline", "reports")
    assert pruned.exit_code == 0 and "已从基线 baseline.json 删去 1 个过时条目，余 2 个" in pruned.stderr
    doc = json.loads((archive / "baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"]) for e in doc["findings"]] == [("reports/a.txt", "CHG001"), ("reports/a.txt", "UNIT002")]
    assert "过时" not in check("--baseline", "baseline.json", "reports").stderr

    # the defect back: the pruned baseline no longer hides it
    b.write_text(RATE + "\n", encoding="utf-8")
    assert new_findings(check("--baseline", "baseline.json", "--format", "json", "reports")) == [("reports/b.txt", "CHG001")]


def test_entries_of_files_or_rules_not_checked_are_not_stale(archive):
    check("--write-baseline", "baseline.json", "reports")
    # only a.txt checked: b.txt's entry says nothing
    assert "过时" not in check("--baseline", "baseline.json", "reports/a.txt").stderr
    # UNIT002 not selected: its entry for a.txt says nothing either
    assert "过时" not in check("--baseline", "baseline.json", "--select", "CHG", "reports").stderr
    pruned = check("--baseline", "baseline.json", "--prune-baseline", "--select", "CHG", "reports/a.txt")
    assert "删去" not in pruned.stderr
    assert len(json.loads((archive / "baseline.json").read_text(encoding="utf-8"))["findings"]) == 3
    # a file that is gone: its entries are stale
    (archive / "reports" / "b.txt").unlink()
    assert "中有 1 个条目已过时" in check("--baseline", "baseline.json", "reports").stderr


def test_prune_without_a_baseline_is_a_usage_error(archive):
    result = check("--prune-baseline", "reports")
    assert result.exit_code == 2 and "--prune-baseline 须与 --baseline 同用" in result.output
