"""Fixes: --diff shows them, --fix writes the safe ones, --unsafe-fixes the suggestions that survive their
checks, and the fixed file checks clean for the fixed rules."""

from __future__ import annotations

import codecs
import json
import subprocess

import pytest
from click.testing import CliRunner

from auditlint.api import check_bytes
from auditlint.cli import main
from auditlint.config import Config
from auditlint.fixes import NotFixable, fix_bytes, unified_diff

DRAFT = """2023年度部门决算说明

2023年度本年支出合计8,642,315.60元，其中：基本支出6,125,400.00元，占支出合计的70.9%；项目支出2,516,915.60元，占支出合计的27.1%。

“科学技术支出（类）”2023年度决算7,215,600.40元，比2023年年初预算减少-286,400.00元，下降3.8%。

“一般公共服务支出（类）”2023年度决算412，300.00元，比2023年年初预算增加12,300.00元，增长3.1%。

2023年度机关运行经费支出612,480.50元，比上年减少58,230.00元，下降39.5%。

另获市科协专项资金扶持共计 5 万。

2023年本部门基本支出6,125,400.00元，其中：人员经费5,480,200.00元，公用经费654,200.00元。
"""
FIXED_RULES = {"PCT001", "CHG003", "FMT001", "CHG001", "UNIT002"}
SAFE_RULES = {"CHG003", "FMT001", "UNIT002"}  # full-width digits, a missing 元, a doubled sign


def test_fix_applies_only_the_safe_fixes():
    before = check_bytes("draft.txt", DRAFT.encode()).findings
    assert {f.rule for f in before if f.fix is not None and f.fix_safe} == SAFE_RULES
    outcome = fix_bytes("draft.txt", DRAFT.encode(), Config())
    assert set(outcome.applied) == SAFE_RULES
    assert "27.1%" in outcome.fixed and "下降39.5%" in outcome.fixed  # figures are never changed by --fix
    assert "412,300.00元" in outcome.fixed and "减少286,400.00元" in outcome.fixed and "共计 5 万元" in outcome.fixed
    assert {f.rule for f in outcome.suggested} == {"PCT001", "CHG001"}


def test_fix_round_trip_leaves_no_finding_of_the_fixed_rules():
    before = check_bytes("draft.txt", DRAFT.encode()).findings
    assert {f.rule for f in before if f.fix is not None} == FIXED_RULES
    assert "SUM001" in {f.rule for f in before}  # no certain fix: the sum is wrong, but which figure?

    outcome = fix_bytes("draft.txt", DRAFT.encode(), Config(), unsafe=True)
    assert set(outcome.applied) == FIXED_RULES
    after = check_bytes("draft.txt", outcome.fixed.encode()).findings
    assert not {f.rule for f in after} & set(outcome.applied)
    assert [f.rule for f in after] == ["SUM001"]  # what cannot be fixed is still reported
    assert outcome.result is not None and [f.rule for f in outcome.result.findings] == ["SUM001"]
    for old, new in [("27.1%", "29.1%"), ("减少-286,400.00元", "减少286,400.00元"), ("412，300.00元", "412,300.00元"),
                     ("下降39.5%", "下降8.7%"), ("共计 5 万。", "共计 5 万元。")]:
        assert old in DRAFT and new in outcome.fixed


def test_fixing_again_changes_nothing():
    once = fix_bytes("draft.txt", DRAFT.encode(), Config(), unsafe=True).fixed
    twice = fix_bytes("draft.txt", once.encode(), Config(), unsafe=True)
    assert not twice.changed and not twice.applied


def test_only_selected_rules_are_fixed():
    outcome = fix_bytes("draft.txt", DRAFT.encode(), Config(select=("FMT001",)))
    assert dict(outcome.applied) == {"FMT001": 1}
    assert outcome.fixed == DRAFT.replace("412，300.00元", "412,300.00元")


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("utf-8", b"", "\n"), ("utf-8", codecs.BOM_UTF8, "\r\n"), ("gb18030", b"", "\r\n"), ("utf-16-le", codecs.BOM_UTF16_LE, "\n")],
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, encoding, bom, newline):
    path = tmp_path / "draft.txt"
    path.write_bytes(bom + DRAFT.replace("\n", newline).encode(encoding))
    result = CliRunner().invoke(main, ["check", "--isolated", "--fix", "--unsafe-fixes", "--format", "json", str(path)])
    data = path.read_bytes()
    assert data.startswith(bom)
    text = data[len(bom) :].decode(encoding)
    assert text.count(newline) == DRAFT.count("\n") and ("\r\n" in text) == (newline == "\r\n")
    assert "占支出合计的29.1%" in text and "412,300.00元" in text
    # the report after --fix is the check of the fixed file: only what could not be fixed
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["SUM001"]
    assert "已修复 5 处" in result.stderr and "CHG001 ×1" in result.stderr
    assert result.exit_code == 1


def test_fix_writes_only_what_changed(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    CliRunner().invoke(main, ["check", "--isolated", "--fix", "--unsafe-fixes", str(path)])
    before, after = DRAFT.splitlines(), path.read_text(encoding="utf-8").splitlines()
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [3, 5, 7, 9, 11] and len(before) == len(after)


def test_diff_shows_the_fixes_and_changes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--diff", "--unsafe-fixes", "draft.txt"])
    assert path.read_text(encoding="utf-8") == DRAFT
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/draft.txt\n+++ b/draft.txt\n")
    assert "-2023年度机关运行经费支出612,480.50元，比上年减少58,230.00元，下降39.5%。" in result.stdout
    assert "+2023年度机关运行经费支出612,480.50元，比上年减少58,230.00元，下降8.7%。" in result.stdout
    assert "可自动修复 5 处；用 --fix --unsafe-fixes 写回文件" in result.stderr
    # the diff is a real patch: applying it gives what --fix writes
    patch = tmp_path / "fix.patch"
    patch.write_text(result.stdout, encoding="utf-8")
    applied = subprocess.run(["patch", "-p1", "-i", str(patch)], cwd=tmp_path, capture_output=True)
    if applied.returncode == 127:
        pytest.skip("patch is not installed")
    assert applied.returncode == 0, applied.stderr
    fixed = path.read_text(encoding="utf-8")
    assert fixed == fix_bytes("draft.txt", DRAFT.encode(), Config(), unsafe=True).fixed


def test_diff_of_a_clean_file_is_empty_and_exits_zero(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--diff", str(path)])
    assert result.exit_code == 0 and result.stdout == ""


def test_a_file_without_a_trailing_newline_gets_a_correct_diff():
    outcome = fix_bytes("x.txt", "机关运行经费支出612,480.50元，比上年减少58,230.00元，下降39.5%".encode(), Config(), unsafe=True)
    assert outcome.changed
    assert unified_diff(outcome).endswith("下降8.7%\n\\ No newline at end of file\n")


def test_office_and_pdf_files_are_never_rewritten(tmp_path):
    with pytest.raises(NotFixable, match="docx、xlsx、pdf 不会被改写"):
        fix_bytes("report.docx", DRAFT.encode(), Config())
