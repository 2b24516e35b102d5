"""Properties of the whole pipeline over arbitrary input: it never raises, its findings point at the
file's own text, it says the same thing twice, and rewriting amounts in another unit changes nothing."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from auditlint.api import check_bytes
from auditlint.config import Config
from auditlint.model import FileResult

from .test_properties import disclosures

# Pieces of the template's phrasing, markup and layout, so that arbitrary text reaches deep
# into extraction instead of being rejected as noise.
FRAGMENTS = [
    "收入合计", "支出合计", "财政拨款收入", "事业收入", "其他收入", "基本支出", "人员经费", "公用经费", "机关运行经费",
    "其中：", "其中", "包括", "主要用于", "分别为", "占", "占比", "的", "%", "％", "比上年", "较上年", "与上年相比",
    "增加", "减少", "增长", "下降", "增加-", "减少-", "年初预算", "预算数", "决算数", "完成年初预算的", "执行率",
    "决算数大于预算数", "大小于", "原因是", "主要原因", "导致", "万元", "元", "亿元", "万", "个", "人", "分",
    "，", "。", "；", "：", "、", ",", ".", "（", "）", "(", ")", "“", "”", "\n", "\r\n", "\r", "\t", "|", " ", "\u3000",
    "一、", "二、", "（一）", "1.", "2、", "(1)", "①", "第一部分", "2023年度", "2022年", "<p>", "</p>", "<br/>", "&nbsp;",
    "<!--", "-->", "<script>", "&amp;", "１２３", "４５．６７",
]
numbers = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(str),
    st.integers(min_value=0, max_value=10**10).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False).map(lambda d: f"{d:,.2f}"),
    st.decimals(min_value=0, max_value=200, places=1, allow_nan=False).map(str),
    st.just("478，297.24"),
)
pieces = st.one_of(st.sampled_from(FRAGMENTS), numbers, st.text(max_size=4))
documents = st.lists(pieces, max_size=120).map("".join)


def _check(text: str, name: str = "arbitrary.txt", encoding: str = "utf-8") -> FileResult:
    return check_bytes(name, text.encode(encoding, errors="surrogatepass"), Config())


def _offset(text: str, line: int, column: int) -> int:
    """The offset of a 1-based (line, column) in text whose lines end at LF (CRLF: the CR ends its line)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents, name=st.sampled_from(["a.txt", "a.html", "a.md"]))
def test_arbitrary_text_never_raises_and_findings_point_at_the_text(text, name):
    result = _check(text, name)
    assert isinstance(result, FileResult)
    assert result.internal_errors == [], [e.message for e in result.internal_errors]
    if result.error:
        assert result.error_code in {"not-a-disclosure", "unreadable", "encoding"}
        return
    lines = re.sub("\r(?!\n)", "\n", text)  # a lone CR ends a line too: same length, same offsets
    for f in result.findings:
        start = _offset(lines, f.line, f.column)
        end = _offset(lines, f.end_line, f.end_column)
        assert 0 <= start <= end <= len(text)
        assert lines[start:end] == f.evidence, (f.rule, f.evidence)
        for r in f.related:
            assert lines[_offset(lines, r.line, r.column) : _offset(lines, r.end_line, r.end_column)] == r.evidence


@settings(max_examples=60, deadline=None)
@given(text=documents)
def test_the_same_text_gets_the_same_report(text):
    first, second = _check(text), _check(text)
    assert first.model_dump_json(exclude={"seconds"}) == second.model_dump_json(exclude={"seconds"})


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data):
    result = check_bytes("blob.txt", data, Config())
    assert isinstance(result, FileResult)
    assert result.error_code in {None, "not-a-disclosure", "unreadable", "encoding"}


_YUAN = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*\.\d{2})元")


def _in_wan(match: re.Match[str]) -> str:
    value = Decimal(match.group(1).replace(",", "")) / 10000
    return f"{value:,.6f}万元"  # exact: two places in 元 are six in 万元


@settings(max_examples=60, deadline=None)
@given(doc=disclosures())
def test_restating_amounts_in_wan_yuan_adds_no_findings(doc):
    assume(doc.unit == "元")
    converted = _YUAN.sub(_in_wan, doc.text)
    assert "万元" in converted
    before = {(f.rule, f.line) for f in _check(doc.text).findings if f.severity.value != "info"}
    after = {(f.rule, f.line) for f in _check(converted).findings if f.severity.value != "info"}
    assert after <= before, converted
