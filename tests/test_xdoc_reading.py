"""The cross step's reading of a report, made cheaper, says what it said before: each shortcut against
the plain rule it stands for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.crossdoc.facts import _CLAUSE_BREAK, _COMMA_BREAK, _place, _Reader, _restated
from auditlint.model import Document

# the rule as first written: the words looked for, then the whole pattern over the whole text
_PLAIN = re.compile(r"(?:可比|同)口径|口径调整|调整口径|追溯调整|重述|上年(?:度)?(?:数|数据|决算数)[^。]{0,20}(?:调整|重新)")


def plain_restated(content: str) -> bool:
    if not any(w in content for w in ("口径", "追溯", "重述")) and not ("上年" in content and "调整" in content):
        return False
    return bool(_PLAIN.search(content))


PIECES = ("上年", "上年度", "数", "数据", "决算数", "调整", "重新", "口径", "可比", "同", "追溯", "重述", "上述", "途径",
          "调研", "。", "，", "按", "已", "收入", "2024年", "\n", "比上年增加", "追加")


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_restated_is_the_plain_rule(pieces):
    text = "".join(pieces)
    assert _restated(text) == plain_restated(text)


def test_restated_examples():
    assert _restated("上年数据已按可比口径调整。")
    assert _restated("上年决算数经审计后调整为")
    assert _restated("前文所述上年数据根据要求调整。")  # 述 written, but no 重述: the 上年 form still counts
    assert not _restated("上年数据重新核定。")  # (no 调整 anywhere: as before)
    assert not _restated("比上年增加12.00万元，主要是调整了人员结构。")
    assert not _restated("上述支出的途径。")


def reader_of(content: str) -> _Reader:
    reader = _Reader.__new__(_Reader)
    reader.content = content
    return reader


def plain_sentence_before(content: str, offset: int) -> str:
    lo = max(0, offset - 300)
    start = max(content.rfind("。", lo, offset), content.rfind("\n\n", lo, offset)) + 1
    return content[max(start, lo) : offset]


# texts with breaks near and far (a run of filler puts the nearest one past the first characters looked at)
TEXTS = st.lists(st.sampled_from(("，", ",", "；", "：", "。", "\n", "\n\n", "\r\n", "2024年", "比上年", "收入" * 20, "支出" * 70)), max_size=30).map("".join)


@settings(max_examples=500)
@given(TEXTS, st.integers(0, 700))
def test_the_sentence_and_clause_before_an_offset_are_the_plain_ones(text, at):
    offset = min(at, len(text))
    reader = reader_of(text)
    sentence = plain_sentence_before(text, offset)
    assert reader.sentence_before(offset) == sentence
    assert reader.clause_before(offset, _CLAUSE_BREAK) == re.split(r"[，,；;：:]", sentence)[-1]
    assert reader.clause_before(offset, _COMMA_BREAK) == re.split(r"[，,；;]", sentence)[-1]


def reader_for_places(text: str, pages: list[int]) -> _Reader:
    reader = _Reader.__new__(_Reader)
    reader.text = reader.content = text
    reader.d = type("D", (), {"document": Document(path="a.txt", format="text", text=text, content=text, page_starts=pages)})()
    reader.paged = bool(pages)
    reader._last, reader._line, reader._spans = (0, 1), (1, 0, 0, 0), []
    return reader


# lines short and long, CR LF and lone CR, a line that is only "\r", spans over several lines
LINES = st.lists(st.sampled_from(("收入", "支出" * 40, "12.00万元", "\n", "\r\n", "\r", "\n\n", "，")), min_size=1, max_size=40).map("".join)


@settings(max_examples=500)
@given(LINES, st.lists(st.tuples(st.integers(0, 2000), st.integers(-3, 200)), min_size=1, max_size=12), st.booleans())
def test_a_place_kept_in_numbers_is_where_the_document_says(text, spans, paged):
    """The reader keeps a fact's place as offsets and the stretches of text it quotes; made whole (_place) it
    is what Document.position and Document.excerpt say, for spans in any order (tables after the text)."""
    pages = [0, len(text) // 2] if paged and len(text) > 1 else []
    reader = reader_for_places(text, pages)
    doc = reader.d.document
    asked = [(min(a, len(text) - 1), min(a, len(text) - 1) + n) for a, n in spans]
    asked = [(a, min(b, len(text))) for a, b in asked]
    numbers = [reader.place(a, b) for a, b in asked]
    windows = reader.windows()
    for (a, b), kept in zip(asked, numbers, strict=True):
        place = _place(kept, windows)
        b = max(a, b)
        excerpt, column, more = doc.excerpt(a, b)
        assert (place.line, place.column) == doc.position(a)
        assert (place.end_line, place.end_column) == doc.position(b)
        assert (place.evidence, place.excerpt, place.excerpt_column, place.excerpt_more) == (text[a:b], excerpt, column, more)
        assert (place.page, place.page_line) == (doc.page_of(a), doc.page_line(a))


@settings(max_examples=300)
@given(st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False, places=4), st.integers(0, 5))
def test_a_packed_figure_keeps_its_value(lo, width):
    """A pack keeps a bound as its packed integer where that is the value exactly, as text otherwise: the
    facts it gives back have the values read, whatever their written precision."""
    from decimal import Decimal

    from auditlint.crossdoc.facts import FactPack

    hi = lo + Decimal(width) / 100
    place = (0, 1, 1, 0, 1, 1, None, None, 0)
    pack = FactPack([("收入支出总计", 2024, "决算", "own", lo, hi, "元", 2, "", place, None)], (), ((0, "1"),))
    (fact,) = pack.facts()
    assert (fact.lo, fact.hi) == (lo, hi)
    assert fact.place.evidence == "1"
