"""SCORE rules: score breakdowns, maxima, the 100-point scale, perfect scores against unmet targets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.api import check_bytes
from auditlint.extract import extract
from auditlint.sources import read_bytes

from .conftest import check_text


def found(text: str, rule: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in check_text(text, select=(rule,)).findings]


def scores(text: str):
    return extract(read_bytes("report.txt", text.encode())).scores


REPORT = (
    "一、部门整体绩效评价报告\n（一）部门整体绩效自评得分\n本部门整体支出绩效评价综合得分 85.5 分，其中执行情况得分 19.5 分，年度绩效指标得分 66 分。\n"
    "（二）绩效目标完成情况分析\n（1）产出指标完成情况分析。经过综合计分，该指标得分为 {output} 分。\n"
    "1.1 年度目标 1 的产出指标得分为 {t1} 分，分别是：\n数量指标：满分 20 分，得分 18 分。\n质量指标：满分 15 分，得分 {q1} 分。\n"
    "1.2 年度目标 2 的产出指标得分为 20 分，分别是：\n数量指标：满分 12 分，得分 12 分。\n时效指标：满分 8 分，得分 8 分。\n"
    "（2）效益指标完成情况分析。该指标得分为 {benefit} 分。\n"
    "1.1 年度目标 1 的效益指标得分为 16 分，分别是：\n社会效益指标，满分 10 分，得分 10 分。\n满意度指标，满分 6 分，得分 6 分。\n"
)


def report(output="50", t1="30", q1="12", benefit="16") -> str:
    return REPORT.format(output=output, t1=t1, q1=q1, benefit=benefit)


def test_scores_know_their_level_indicator_and_target():
    levels = [(s.level, s.indicator, s.target, str(s.value.value)) for s in scores(report())]
    assert levels[:5] == [
        ("total", "", None, "85.5"),
        ("execution", "", None, "19.5"),
        ("indicators", "", None, "66"),
        ("indicator", "产出", None, "50"),
        ("target", "产出", 1, "30"),
    ]
    assert {s.scope for s in scores(report())} == {"整体"}


def test_a_consistent_breakdown_is_clean():
    assert [f.rule for f in check_text(report(), select=("SCORE",)).findings] == []


def test_an_indicator_that_is_not_the_sum_of_its_targets():
    result = found(report(output="58", benefit="8"), "SCORE001")
    assert any("产出指标得分 58 分" in m and "30 + 20 = 50" in m for _, m in result)


def test_a_target_that_is_not_the_sum_of_its_sub_indicators():
    result = found(report(q1="10"), "SCORE001")
    assert any("年度目标 1 的产出指标得分 30 分" in m and "18 + 10 = 28" in m for _, m in result)


def test_the_indicators_score_against_the_first_level_indicators():
    text = report().replace("年度绩效指标得分 66 分", "年度绩效指标得分 70 分").replace("综合得分 85.5", "综合得分 89.5")
    result = found(text, "SCORE001")
    assert [m for _, m in result] == ["绩效指标得分 70 分与产出指标、效益指标得分之和不符：50 + 16 = 66 分"]


def test_parts_that_may_be_partial_are_only_reported_when_they_exceed():
    text = "该指标得分为 40 分。\n1.1 年度目标 1 的产出指标得分为 20 分\n1.3 年度目标 3 的产出指标得分为 10 分"
    assert found(text, "SCORE001") == []


def test_a_score_above_its_maximum():
    assert len(found("质量指标：满分 10 分，得分 10.5 分。成本指标：得分 4 分（满分 5 分）。", "SCORE002")) == 1
    assert len(found("时效指标：得分 6 分（满分 5 分）。", "SCORE002")) == 1


def test_a_scale_whose_maxima_exceed_100():
    text = report().replace("满分 20 分，得分 18 分", "满分 30 分，得分 18 分")
    result = found(text, "SCORE003")
    assert len(result) == 1 and "满分合计 81 分" in result[0][1]


def test_a_perfect_score_next_to_an_unmet_target():
    text = (
        "二、项目支出绩效评价报告\n（一）自评得分\n本部门项目支出绩效自评报告绩效评价综合得分 100 分。\n"
        "（二）未完成的绩效目标\n研学营年初指标值 2 期，实际完成值 0 期，未完成该项绩效目标。\n三、附件\n无"
    )
    assert len(found(text, "SCORE004")) == 1
    assert found(text.replace("综合得分 100 分", "综合得分 92 分"), "SCORE004") == []


def test_an_unmet_target_in_another_report_does_not_count():
    text = (
        "一、整体绩效评价报告\n（一）自评得分\n整体绩效评价综合得分 100 分。\n二、项目绩效评价报告\n（一）自评得分\n项目综合得分 92 分。\n"
        "（二）未完成的绩效目标\n研学营实际完成值 0 期，未完成该项绩效目标。"
    )
    assert found(text, "SCORE004") == []


def test_score_bands_are_not_scores():
    assert scores("评价得分在90分（含90分）以上的13个，80分以下的0个。") == []


@st.composite
def breakdowns(draw):
    subs = draw(st.lists(st.integers(1, 20), min_size=2, max_size=4))
    return subs


@settings(max_examples=40, deadline=None)
@given(breakdowns(), st.integers(1, 5))
def test_a_target_that_adds_up_is_clean_and_one_point_off_is_reported(subs, off):
    names = ["数量指标", "质量指标", "时效指标", "成本指标"]
    lines = [f"{names[i]}：满分 {s} 分，得分 {s} 分。" for i, s in enumerate(subs)]
    total = sum(subs)

    def doc(target: int) -> str:
        return f"1.1 年度目标 1 的产出指标得分为 {target} 分，分别是：\n" + "\n".join(lines)

    assert found(doc(total), "SCORE001") == []
    assert len(found(doc(total + off), "SCORE001")) == 1
    assert Decimal(total) == sum(s.value.value for s in scores(doc(total)) if s.level == "sub")


# --- breakdowns listed in one sentence ("其中：A 得分 a 分，B 得分 b 分") --------------------

_SELF_EVAL = (Path(__file__).parent / "data" / "self-evaluation-2023.txt").read_text(encoding="utf-8")


def _score_findings(text):
    return [f for f in check_bytes("eval.txt", text.encode("utf-8")).findings if f.rule.startswith("SCORE")]


def test_a_consistent_self_evaluation_is_clean():
    assert _score_findings(_SELF_EVAL) == []


@pytest.mark.parametrize(
    "old, new",
    [
        ("综合得分96.5分", "综合得分97.5分"),  # total against 执行 + 产出 + 效益 listed after it
        ("时效指标满分10分，得分9分", "时效指标满分10分，得分8分"),  # 产出 against its four sub-indicators
        ("满意度指标满分10分，得分9.9分", "满意度指标满分10分，得分8.9分"),  # 效益 against its two
    ],
)
def test_a_listed_breakdown_must_add_up(old, new):
    [f] = _score_findings(_SELF_EVAL.replace(old, new))
    assert f.rule == "SCORE001"


def test_a_listed_breakdown_whose_maxima_fall_short_may_be_partial():
    text = "产出指标满分50分，得分40分，其中：数量指标满分20分，得分19分；质量指标满分10分，得分10分。"
    assert _score_findings(text) == []


# an overall score, the grade it earns, then its parts with their maxima in brackets
_GRADED = (
    "2023年度社区养老服务补贴项目绩效自评报告\n"
    "本项目自评得分为93.5分，自评等级为“优”。其中：预算执行率得分9.5分（满分10分），"
    "产出指标得分45分（满分50分），效益指标得分29分（满分30分），满意度指标得分10分（满分10分）。\n"
)


def test_parts_listed_after_the_grade_are_the_overall_scores_parts():
    assert _score_findings(_GRADED) == []
    [f] = _score_findings(_GRADED.replace("产出指标得分45分", "产出指标得分40分"))
    assert f.rule == "SCORE001" and "88.5" in f.message


def test_parts_whose_maxima_make_up_100_are_all_of_an_overall_score():
    # the total's own maximum is not written: an overall score is out of 100
    [f] = _score_findings(_GRADED.replace("自评得分为93.5分", "自评得分为95.5分"))
    assert f.rule == "SCORE001"


def test_satisfaction_beside_the_execution_score_is_a_first_level_indicator():
    bare = _GRADED.replace("（满分10分）", "").replace("（满分50分）", "").replace("（满分30分）", "")
    assert _score_findings(bare) == []
    [f] = _score_findings(bare.replace("效益指标得分29分", "效益指标得分24分"))
    assert f.rule == "SCORE001"


def test_parts_whose_maxima_fall_short_of_100_may_be_partial():
    partial = _GRADED.replace("，满意度指标得分10分（满分10分）", "").replace("93.5分", "95.0分")
    assert _score_findings(partial) == []
