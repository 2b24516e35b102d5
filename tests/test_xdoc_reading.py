"""The cross step's reading of a report, made cheaper, says what it said before: each shortcut against
the plain rule it stands for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.crossdoc.facts import _CLAUSE_BREAK, _COMMA_BREAK, _Reader, _restated

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
