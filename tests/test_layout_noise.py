"""Figures that survive layout: letter-spaced justified lines, units and numbers split by a wrap."""

from __future__ import annotations

from tests.conftest import check_text, rules_of


def test_a_letter_spaced_line_reads_as_its_words():
    text = "一、收入决算情况说明\n本 年 收 入 合 计 2946.25 万 元 ， 其 中 ： 财 政 拨 款 收 入 2000.00 万 元 ， 占 67.9% 。\n"
    result = check_text(text)
    assert result.findings == [], [f.message for f in result.findings]
    assert result.claims["share"].checked == 1


def test_a_wrong_share_on_a_letter_spaced_line_is_found_at_its_place():
    text = "一、收入决算情况说明\n本 年 收 入 合 计 2946.25 万 元 ， 其 中 ： 财 政 拨 款 收 入 2000.00 万 元 ， 占 76.9% 。\n"
    result = check_text(text)
    assert rules_of(result) == ["PCT001"]
    finding = result.findings[0]
    assert finding.evidence == "76.9%" and finding.line == 2


def test_a_unit_wrapped_onto_the_next_line_is_the_figure_s_unit():
    text = "本年支出合计 2,946.25 万元，比上年增加 0.30 万\n元，增长 0.01%。\n"
    assert "UNIT002" not in rules_of(check_text(text))


def test_a_unit_really_missing_is_still_found():
    text = "三、“三公”经费支出决算情况说明\n公务接待费支出 0.30 万元。国内公务接待支出 0.3 万。\n"
    assert "UNIT002" in rules_of(check_text(text))
