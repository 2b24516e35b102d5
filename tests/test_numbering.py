"""Section numbering: Chinese numerals, and the markers each reader recognises."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditlint import numbering
from auditlint.numbering import (
    LINE_MARKER,
    OUTLINE_MARKER,
    TABLE_LABEL_MARKER,
    cn_number,
    cn_numeral,
    item_number,
    marker_style,
    outline_number,
    outline_style,
)


@pytest.mark.parametrize(
    "text, number",
    [("一", 1), ("十", 10), ("十一", 11), ("二十三", 23), ("九十九", 99), ("一百", 100), ("一百零一", 101),
     ("一百一十", 110), ("一百十", 110), ("三百零五", 305), ("一千", 1000), ("一千零一", 1001), ("一千零一十", 1010),
     ("两千", 2000), ("两", 2), ("九千九百九十九", 9999), ("零", 0), ("〇", 0), ("12", 12)],
)
def test_chinese_numerals_up_to_9999(text, number):
    assert cn_number(text) == number


@pytest.mark.parametrize("text", ["", "十十", "二二", "一二三", "十零", "百一", "一百一十零一", "零一", "万", "abc"])
def test_what_is_not_a_numeral(text):
    assert cn_number(text) is None


def test_every_number_written_reads_back():
    assert all(cn_number(cn_numeral(n)) == n for n in range(10000))
    assert [cn_numeral(n) for n in (10, 12, 20, 101, 110, 1001, 2020)] == ["十", "十二", "二十", "一百零一", "一百一十", "一千零一", "二千零二十"]


def test_a_line_that_opens_with_a_marker():
    assert LINE_MARKER.match("三、支出情况") and LINE_MARKER.match("（二）基本支出") and LINE_MARKER.match("1.1 年度目标完成情况")
    assert not LINE_MARKER.match("1.5万元用于…") and not LINE_MARKER.match("2023年度")


def test_the_statement_parser_tells_1_dot_from_1_comma_and_ignores_articles():
    assert marker_style("1、人员经费") == ("num、", 3) and marker_style("1.人员经费") == ("num.", 3)
    assert marker_style("第三条 说明") is None and marker_style("第二部分 说明") == ("part", 0)
    assert item_number("（三）公用经费") == 3 and item_number("1.2 目标") == 2 and item_number("③其他") == 3


def test_the_outline_reads_strictly():
    m = OUTLINE_MARKER.match("第一百部分 附件")
    assert m and outline_style(m) == "part" and outline_number("part", m) == 100
    assert OUTLINE_MARKER.match("一、二等奖各一名") is None  # ranks, not item 一
    m = OUTLINE_MARKER.match("（二）、项目支出")
    assert m and m.group("pcn") == "（二）、"


def test_table_labels():
    m = TABLE_LABEL_MARKER.match("二十一、其他支出")
    assert m and cn_number(m.group("cn")) == 21
    assert TABLE_LABEL_MARKER.sub("", "（三） 事业收入", count=1) == "事业收入"


# every character a line may open with that matters to the markers, and others that open none
_OPENERS = [chr(c) for c in range(ord("①"), ord("⑳") + 1)] + [chr(c) for c in range(ord("㈠"), ord("㈩") + 1)]
_OPENERS += list("第一二三四五六七八九十百零〇两（()）0123456789０１２３٣ \u3000\t\n、.．部分章条 一年元，。中文Aa")


@pytest.mark.parametrize("name", ["LINE_MARKER", "OUTLINE_MARKER"])
def test_a_line_marker_is_looked_for_only_where_a_marker_can_open_and_found_as_the_pattern_finds_it(name):
    guarded = getattr(numbering, name)
    pattern = guarded._pattern

    @given(st.lists(st.sampled_from(_OPENERS), max_size=12).map("".join))
    def same(text: str) -> None:
        want, got = pattern.match(text), guarded.match(text)
        assert (want and (want.span(), want.groupdict())) == (got and (got.span(), got.groupdict()))

    same()
    assert guarded.pattern == pattern.pattern  # the rest is the pattern's
    # a line opening with a word is not looked at: a pattern that matched anything would still say no
    assert numbering._LineOpening(re.compile(r"^.*")).match("中文") is None
    assert numbering._LineOpening(re.compile(r"^.*")).match("（中文") is not None
