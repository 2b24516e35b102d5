"""Fixes that are never wrong: --fix applies only safe ones; a suggestion that changes a figure or a
direction word is applied only with --unsafe-fixes, never when another finding disputes the same figures
or the sentence would contradict it, and rolled back when checking the fixed text finds something new.

The three cases of issue 15 are here: a share "fixed" to 113.7% (a part larger than its total), 减少
turned into 增加 while the reason still says 绩效奖金减少, and two findings whose fixes swap two figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint.api import check_bytes
from auditlint.cli import main
from auditlint.config import Config
from auditlint.fixes import fix_bytes

# the part is larger than its total: the figures are wrong, and no share can be right
SHARE_ABOVE_TOTAL = "本年支出合计232.15万元，其中：项目支出264.02万元，占支出合计的100.0%。\n"
# the figures say 增加, the reason after them says the opposite
REASON_SAYS_DOWN = "1.工资福利支出8,065,382.38 元，年初预算7,972,225.24元，减少93,157.14 元, 主要原因：绩效奖金减少；\n"
WORD_ALONE = "1.工资福利支出8,065,382.38 元，年初预算7,972,225.24元，减少93,157.14 元。\n"


# the API caches the rule set per rules dirs: a pack a test installs must not outlive it
pytestmark = pytest.mark.usefixtures("fresh_rule_cache")


def test_a_share_is_not_fixed_above_100_percent():
    (finding,) = check_bytes("a.txt", SHARE_ABOVE_TOTAL.encode()).findings
    assert finding.rule == "PCT001" and "113.7%" in finding.message  # still reported, with the arithmetic
    assert finding.fix is None
    assert not fix_bytes("a.txt", SHARE_ABOVE_TOTAL.encode(), Config(), unsafe=True).changed


def test_a_direction_word_is_not_turned_against_the_reason_that_follows():
    assert fix_bytes("a.txt", WORD_ALONE.encode(), Config(), unsafe=True).fixed == WORD_ALONE.replace("减少", "增加")
    outcome = fix_bytes("a.txt", REASON_SAYS_DOWN.encode(), Config(), unsafe=True)
    assert not outcome.changed
    (held,) = outcome.held.values()
    assert "“减少”仍是原来的方向" in held


def test_a_direction_word_is_a_suggestion_not_a_safe_fix():
    outcome = fix_bytes("a.txt", WORD_ALONE.encode(), Config())
    assert not outcome.changed and [f.rule for f in outcome.suggested] == ["CHG002"]


SWAP_RULE = '''
from auditlint.rulekit import Issue, rule


@rule("ZZF001", "figures-disagree", severity="error", fixable=True)
def figures_disagree(doc):
    """两处数字互相矛盾（测试用：各自的修正把对方的数字抄过来）。"""
    a, b = doc.text.find("3,644.14元"), doc.text.find("1,148.00元")
    if a >= 0 and b >= 0:
        yield Issue(start=a, end=a + 8, message="总数应为 1,148.00", fix="1,148.00", related=((b, b + 8, "分项"),))
        yield Issue(start=b, end=b + 8, message="分项应为 3,644.14", fix="3,644.14", related=((a, a + 8, "总数"),))
'''

# ZZF002 turns every 甲 into 乙; ZZF003 reports 乙丙: the fix of 甲丙 makes a new finding, the fix of 甲丁 does not
ROLLBACK_RULES = '''
import re

from auditlint.rulekit import Issue, rule


@rule("ZZF002", "jia-for-yi", severity="error", fixable=True)
def jia(doc):
    """“甲”应为“乙”（测试用）。"""
    for m in re.finditer("甲(.)", doc.text):
        yield Issue(start=m.start(), end=m.start() + 1, message=f"“甲{m.group(1)}”应为“乙{m.group(1)}”", fix="乙")


@rule("ZZF003", "yi-bing", severity="warning")
def yi_bing(doc):
    """不应出现“乙丙”（测试用）。"""
    for m in re.finditer("乙丙", doc.text):
        yield Issue(start=m.start(), end=m.end(), message="不应出现“乙丙”")
'''


def _pack(tmp_path: Path, source: str) -> Config:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "zzf.py").write_text(source, encoding="utf-8")
    return Config(rules_dirs=(str(folder),))


def test_two_findings_whose_fixes_swap_two_figures_are_both_held_back(tmp_path):
    config = _pack(tmp_path, SWAP_RULE)
    text = "公务用车购置及运行维护费3,644.14元，其中：运行维护费1,148.00元。\n"
    assert sorted(f.fix for f in check_bytes("a.txt", text.encode(), config).findings) == ["1,148.00", "3,644.14"]
    outcome = fix_bytes("a.txt", text.encode(), config, unsafe=True)
    assert not outcome.changed
    assert len(outcome.held) == 2 and all("ZZF001" in why and "无法确定哪一处有误" in why for why in outcome.held.values())


def test_a_fix_that_makes_a_new_finding_is_rolled_back_and_the_others_kept(tmp_path):
    config = _pack(tmp_path, ROLLBACK_RULES)
    outcome = fix_bytes("a.txt", "甲丁。甲丙。\n".encode(), config, unsafe=True)
    assert outcome.fixed == "乙丁。甲丙。\n"
    assert dict(outcome.applied) == {"ZZF002": 1}
    (why,) = outcome.held.values()
    assert "改后复查出现了新的问题" in why


@pytest.mark.parametrize("seed", ["003", "004"])
def test_the_corpus_cases_of_the_issue_are_not_fixed(corpus, seed):
    (path,) = corpus.glob(f"seeds/{seed}_*.txt")
    text = path.read_text(encoding="utf-8")
    fixed = fix_bytes("r.txt", text.encode(), Config(), unsafe=True).fixed
    if seed == "003":  # 003:304: 资金264.02万元，占…总额的100.0% (the total is 232.15)
        assert "总额的100.0%" in fixed and "113.7%" not in fixed
    else:  # 004:94: …减少93,157.14 元, 主要原因：绩效奖金减少
        assert "7,972,225.24元，减少93,157.14 元, 主要原因：绩效奖金减少" in fixed
        assert "3,644.14元" in fixed and "1,148.00元" in fixed  # 004:122/125 keep their figures
    safe = fix_bytes("r.txt", text.encode(), Config()).applied
    assert set(safe) <= {"FMT001", "UNIT002", "CHG003"}


def test_the_command_line_says_what_was_left_and_why(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(WORD_ALONE + REASON_SAYS_DOWN.replace("1.工资", "2.工资"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--fix", str(path)])
    assert "另有 2 处修正建议会改动数字或用词，未应用；核实后可加 --unsafe-fixes 应用" in result.stderr
    result = CliRunner().invoke(main, ["check", "--isolated", "--fix", "--unsafe-fixes", str(path)])
    assert "已修复 1 处（CHG002 ×1）" in result.stderr
    assert f"{path}:2:" in result.stderr and "CHG002 的修正建议“增加”未应用" in result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith("1.工资福利支出8,065,382.38 元，年初预算7,972,225.24元，增加") and "2.工资福利支出8,065,382.38 元，年初预算7,972,225.24元，减少" in text


def test_unsafe_fixes_needs_fix_or_diff(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(WORD_ALONE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--unsafe-fixes", str(path)])
    assert result.exit_code == 2 and "--unsafe-fixes 须与 --fix 或 --diff 同用" in result.output


def test_the_catalogue_says_which_fixes_are_safe():
    import json

    result = CliRunner().invoke(main, ["rules", "--format", "json", "--isolated"])
    kinds = {r["id"]: r["fix"] for r in json.loads(result.output) if r["fixable"]}
    assert {rule for rule, kind in kinds.items() if kind == "safe"} == {"CHG003", "FMT001", "UNIT002"}
    assert {"CHG001", "CHG002", "PCT001", "EXE001", "UNIT001"} <= {rule for rule, kind in kinds.items() if kind == "unsafe"}
