"""A report written in the national template's own phrasing: clean as written, and every
single-figure slip a reviewer would catch is caught at its line."""

from pathlib import Path

import pytest

from auditlint.api import check_bytes

TEXT = (Path(__file__).parent / "data" / "template-style-2024.txt").read_text(encoding="utf-8")


def check(text):
    return check_bytes("template-style-2024.txt", text.encode("utf-8"))


def test_the_consistent_report_is_clean():
    result = check(TEXT)
    assert [f.message for f in result.findings] == []
    checked = sum(c.checked for c in result.claims.values())
    assert checked >= 25  # the claims were recomputed, not skipped


MUTATIONS = [
    # (what the text says, what a slip makes it say, the rule that must catch it)
    ("总计增加 235.16 万元，增长 9.01%", "总计增加 235.16 万元，增长 9.10%", "CHG001"),
    ("其他收入 24.20 万元，占 0.85%", "其他收入 24.20 万元，占 0.58%", "PCT001"),
    ("事业收入 120.00 万元，占 4.22%", "事业收入 102.00 万元，占 4.22%", "SUM001"),
    ("项目支出 882.88 万元，占 31.03%", "项目支出 828.88 万元，占 31.03%", "SUM001"),
    ("完成年初预算的 101.93%", "完成年初预算的 110.93%", "EXE001"),
    ("年初预算为 420.00 万元，支出决算为 412.30 万元", "年初预算为 402.00 万元，支出决算为 412.30 万元", "SUM001"),
    ("决算数小于预算数的主要原因：人员变动", "决算数大于预算数的主要原因：人员变动", "EXE002"),
    ("公用经费 202.36 万元", "公用经费 220.36 万元", "SUM001"),
    ("减少 2.40 万元，下降 8.57%", "减少 2.40 万元，增长 8.57%", "CHG002"),
    ("公务接待费支出决算增加 0.25 万元，增长 4.17%", "公务接待费支出决算增加 0.25 万元，增长 4.71%", "CHG001"),
    ("公务接待费支出增加的主要原因", "公务接待费支出减少的主要原因", "CHG005"),
    ("占 80.38%", "占 83.08%", "PCT001"),
    ("增加 12.30 万元，增长 7.06%", "增加 12.30 万元，增长 70.6%", "CHG001"),
    ("服务采购金额 300.00 万元", "服务采购金额 300.00 元", "UNIT001"),
    ("执法执勤用车 2 辆", "执法执勤用车 3 辆", "SUM001"),
    ("本年支出合计 2,845.36 万元", "本年支出合计 2,845.36 元", "UNIT001"),
    ("财政拨款收入 2,701.16 万元，占 94.93%", "财政拨款收入 2，701.16 万元，占 94.93%", "FMT001"),
    ("比 2023 年度增加 12.30 万元", "比 2023 年度增加 12.30", "UNIT002"),
]


@pytest.mark.parametrize("old, new, rule", MUTATIONS)
def test_a_slip_is_caught_where_it_is(old, new, rule):
    assert TEXT.count(old) == 1, old
    mutated = TEXT.replace(old, new)
    line = mutated[: mutated.index(new)].count("\n") + 1
    findings = [f for f in check(mutated).findings if f.rule == rule]
    # a part that breaks a sum is reported at the total, with the parts as related locations
    lines = [{f.line} | {r.line for r in f.related} for f in findings]
    assert any(line in seen for seen in lines), f"{rule} not at line {line}: {[(f.rule, f.line) for f in findings]}"
