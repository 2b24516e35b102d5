"""One consistent report written for the tests, and single defects injected into it: the right rule must fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import check_text

REPORT = (Path(__file__).parent / "data" / "consistent-final-accounts.txt").read_text(encoding="utf-8")

# (what is changed, into what, the rule that must report it)
DEFECTS = [
    ("十一、预算绩效管理情况", "十、预算绩效管理情况", "DOC001"),
    ("（二）项目支出自评结果", "（三）项目支出自评结果", "DOC001"),
    ("二、部门决算单位构成", "部门决算单位构成", "DOC001"),
    ("1.2 年度目标 2 的效益指标", "1.2 年度目标 1 的效益指标", "DOC002"),
    ("一、主要职能\n组织开展群众文化活动，辅导基层文化队伍，保护非物质文化遗产。", "一、主要职能", "DOC003"),
    ("本级决算组成。", "本级决算和XX个下属单位决算组成。", "DOC004"),
    ("（三）项目支出：", "（三）重点工作事项标题\n（四）项目支出：", "DOC004"),
    ("无。\n", "无。\n以上数据需核实。\n", "DOC005"),
    ("绩效自评得分96.5分。", "绩效自评得分96.5分，顺利完成了2022年度文化经费的预算安排。", "DOC007"),
    ("江州市东湖区文化馆2023年度部门决算\n", "江州市东湖区文比馆2023年度部门决算\n", "DOC008"),
    ("惠及群众3000余人次。", "预计惠及群众3000余人次。", "DOC009"),
    ("数量指标：满分 15 分，得分 14 分。\n质量", "数量指标：满分 15 分，得分 16 分。\n质量", "SCORE002"),
    ("该指标得分为 48 分", "该指标得分为 50 分", "SCORE001"),
    ("社会效益指标，满分 20 分", "社会效益指标，满分 25 分", "SCORE003"),
    (
        ("综合得分 96.5 分", "3.未完成的绩效目标。\n无。"),
        ("综合得分 100 分", "3.未完成的绩效目标。\n研学营实际完成值 0 期，未完成该项绩效目标。"),
        "SCORE004",
    ),
    ("送戏下乡4次", "送戏下乡5次", "COUNT001"),
    ("本部门共涉及项目3个，分别是", "本部门共涉及项目4个，分别是", "COUNT002"),
    ("实际在岗24人", "实际在岗27人", "COUNT003"),
    ("公务用车保有量2辆", "公务用车保有量3辆", "COUNT004"),
    ("实际执行数 812.30 万元，执行率 97.87%", "实际执行数 802.30 万元，执行率 96.66%", "XREF001"),
    ("包括基本支出530.00万元，项目支出300.00万元", "包括基本支出530.00万元，项目支出310.00万元", "XREF001"),
    ("绩效自评得分96.5分", "绩效自评得分95.5分", "XREF002"),
    ("“东湖文化大讲堂”12 场次", "“东湖文化大讲堂”14 场次", "XREF003"),
    ("分别是：非遗保护项目、群文活动项目和阵地建设项目。", "分别是：非遗保护项目、群文活动项目和阵地建设项目。非遗保护项目预算3,500,000.00元。", "XREF004"),
]

FAMILIES = ("DOC", "SCORE", "COUNT", "XREF")


def test_the_consistent_report_is_clean():
    result = check_text(REPORT, name="report.txt")
    assert [(f.rule, f.line, f.message) for f in result.findings] == []


@pytest.mark.parametrize("old,new,rule", DEFECTS, ids=[f"{r}-{i}" for i, (_, _, r) in enumerate(DEFECTS)])
def test_an_injected_defect_is_reported_by_its_rule(old, new, rule):
    text = REPORT
    for a, b in zip(*((old, new) if isinstance(old, tuple) else ((old,), (new,)))):
        assert a in text
        text = text.replace(a, b, 1)
    result = check_text(text, select=FAMILIES)
    assert rule in [f.rule for f in result.findings], [(f.rule, f.message) for f in result.findings]
