"""The texts that once made extraction super-linear go through a whole check, and the fast look-ups agree with the slow ones.

The timing lives in bench/growth.py (10 KB → 1 MB, the ratio per tenfold input);
here each pattern of tests/adversarial.py runs small through `check_bytes` — it
completes, every rule runs, and it finds what it found before the look-ups changed —
and each look-up that replaced a search from every figure is held to that search,
written out plainly, on the corpus-shaped inputs and on random ones.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditlint.api import check_bytes
from auditlint.config import Config
from auditlint.extract import claims as claims_module
from auditlint.extract import extract
from auditlint.extract.mentions import _Reader
from auditlint.extract.reflow import _cell_breaks
from auditlint.extract.scores import _label_before
from auditlint.extract.structure import OutlineIndex
from auditlint.segment.lines import has_leader_dots
from auditlint.segment.toc import _key
from auditlint.sources import read_bytes
from rules.outline import _PLAN, _PlanWords

from .adversarial import PATTERNS

SIZE = 6_000  # bytes: enough for hundreds of figures or headings, small enough for the suite

# What each pattern is found to say at SIZE bytes: its findings by rule, the claims found and the claims
# recomputed. Recorded with the code before its look-ups were rewritten: the patterns are text no
# reviewer writes, so what they must show is that the findings did not change.
BEFORE = {
    "dense execution rates": ({"EXE001": 44}, 88, 44),
    "dense named totals": ({"SUM001": 56}, 56, 56),
    "dense scores": ({}, 0, 0),
    "dense year/increase phrases": ({"CHG001": 1}, 120, 1),
    "long space runs in table-like lines": ({}, 0, 0),
    "nested numbered headings": ({}, 0, 0),
    "one long run of leader dots": ({}, 0, 0),
    "one long space run before no bar": ({}, 0, 0),
    "repeated numbered headings": ({"DOC001": 599}, 0, 0),
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_pattern_goes_through_a_whole_check_and_finds_what_it_did(name):
    result = check_bytes(f"{name}.txt", PATTERNS[name](SIZE).encode("utf-8"), Config())
    assert result.error is None and not result.internal_errors, (result.error, result.internal_errors)
    found = sum(c.found for c in result.claims.values())
    checked = sum(c.checked for c in result.claims.values())
    assert (dict(Counter(f.rule for f in result.findings)), found, checked) == BEFORE[name]


# ------------------------------------------------------------------ the look-ups against plain searches


class _PlainPrefixes:
    """The statements whose key starts with a prefix, searched one by one."""

    def __init__(self, entries):
        self.entries = entries

    def latest(self, prefix, before):
        return max((i for key, i in self.entries if i < before and key.startswith(prefix)), default=-1)


def _walk_back(self, st, condition, test, item=None, paragraphs=claims_module._LOOKBACK_PARAGRAPHS, same_section=True):
    """The look-back as a walk from the statement back to the edge of its window."""
    for i in range(st.index - 1, -1, -1):
        other = self.sts[i]
        if st.paragraph - other.paragraph > paragraphs or (same_section and other.section != st.section):
            return None
        if test(other) and (item is None or claims_module.same_item(other.key, item)):
            return other
    return None


def _claims(text: str) -> list[str]:
    return [c.model_dump_json() for c in extract(read_bytes("x.txt", text.encode("utf-8"))).claims]


def _synthetic_reports() -> list[str]:
    """Reports with the shapes the look-backs serve: rates apart from their figures, named totals, lists."""
    return [
        "2023年度部门决算说明\n一、收入支出\n本年支出合计100.00万元。其中：基本支出60.00万元，项目支出40.00万元。\n"
        "年初预算数为120.00万元。执行率为83.3%。\n财政拨款支出中，人员经费12.00万元，公用经费9.00万元。\n"
        "财政拨款支出20.00万元。财政拨款中，人员经费12.00万元，公用经费8.00万元。\n"
        "（一）机关运行经费\n机关运行经费33.39万元，比上年减少6.28万元，下降15.8%。\n"
        "“三公”经费支出5.00万元。“三公”经费支出中，因公出国（境）费1.00万元，公务接待费4.00万元。\n"
        "资金到位率100%，到位资金50.00万元。全年预算数50.00万元。\n",
        *(PATTERNS[name](SIZE) for name in ("dense execution rates", "dense named totals", "dense year/increase phrases")),
    ]


def test_claims_look_back_as_a_walk_back_would(monkeypatch):
    fast = [_claims(text) for text in _synthetic_reports()]
    monkeypatch.setattr(claims_module._Builder, "_lookback", _walk_back)
    monkeypatch.setattr(claims_module, "_PrefixIndex", _PlainPrefixes)
    assert [_claims(text) for text in _synthetic_reports()] == fast
    assert any(fast)


_SPACES_AND_BARS = st.text(alphabet=[" ", "\t", "|", "\u3000", "\n", "a", "项", "1", "２", ".", "…", "-", "·"], max_size=40)


@settings(max_examples=400, deadline=None)
@given(_SPACES_AND_BARS)
def test_cell_breaks_are_the_matches_of_the_cell_pattern(raw):
    assert _cell_breaks(raw) == [(m.start(), m.end()) for m in re.finditer(r"\t+|\s*\|\s*", raw)]


@settings(max_examples=400, deadline=None)
@given(_SPACES_AND_BARS)
def test_leader_dots_and_page_references_as_their_trailing_patterns(text):
    # (an ellipsis running on into words, or opening or closing a quotation, is prose: "第三十五条“……省、自治区")
    ellipsis = r"(?<![“‘\"])…{2,}(?![…”’\"\u4e00-\u9fff，。；;,、：:])"
    assert has_leader_dots(text) == bool(re.search(r"[.…·。．_-]{4,}\s*\d*\s*$|" + ellipsis + r"|\.{6,}", text))
    assert _key(text) == re.sub(r"[\s.…·。．_-]*\d{0,3}$", "", re.sub(r"\s+", "", text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=["，", "。", "\n", "：", "得", "分", "1", " "], max_size=30), st.integers(0, 30))
def test_a_scores_label_as_split_at_every_clause_break(text, start):
    start = min(start, len(text))
    parts = re.split(r"[，,。；;：:\n]", text[:start])
    own = parts[-1].strip()
    plain = own[-30:] if own or len(parts) < 2 else parts[-2].strip()[-30:]
    breaks = [m.start() for m in re.finditer(r"[，,。；;：:\n]", text)]
    assert _label_before(text, start, breaks) == plain


class _Year:
    year = 2023


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["2023", "2022", "年", "月", "5", "－", "至", " ", "与", "比", "，"]), max_size=16))
def test_the_year_that_sets_a_figures_period_as_the_last_of_all_years_before_it(pieces):
    text = "".join(pieces)
    last = None
    for m in re.finditer(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)", text):
        if re.search(r"(?:比|较|与|同|和|对比)\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue
        if re.match(r"\s*[－\-—~～至到]", text[m.end() - 1 : m.end() + 2]) or re.search(r"[－\-—~～至到]\s*$", text[: m.start()]):
            continue
        last = int(m.group(1))
    assert _Reader.other_year(_Year(), text) == (last is not None and last != 2023)


def _section_end_walking(index: OutlineIndex, i: int, text_end: int) -> int:
    for j in index._numbered:
        if j <= i:
            continue
        k, seen = j, set()
        while k is not None and k != i and k not in seen:
            seen.add(k)
            p = index.placed.get(k)
            k = p.parent if p is not None else None
        if k != i:
            return index.outline[j].start
    return text_end


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["一、", "二、", "（一）", "（二）", "（三）", "1.", "2.", "1.1", "（1）", "第一部分", "说明"]), min_size=1, max_size=30))
def test_section_ends_as_a_walk_up_from_every_later_heading_finds_them(markers):
    text = "".join(f"{m}标题\n正文。\n" for m in markers)
    disclosure = extract(read_bytes("x.txt", text.encode("utf-8")))
    index = disclosure.outline_index
    for i in range(len(disclosure.outline)):
        assert index.section_end(i, len(text)) == _section_end_walking(index, i, len(text))



@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["预计", "计划于", "划", "于", "拟于", "将于", "适时安排", "适时开展", "适时", "安", "\n", "。"]), max_size=20),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_a_sections_plan_words_as_reading_the_section_finds_them(pieces, start, end):
    text = "".join(pieces)
    start, end = min(start, len(text)), min(max(start, end), len(text))
    found = [(m.start(), m.end()) for m in _PlanWords(text).between(start, end)]
    assert found == [(m.start(), m.end()) for m in _PLAN.finditer(text, start, end)]


def test_a_governments_scope_is_looked_up_the_outline_once_per_heading(monkeypatch):
    """Whether a section is a government's ('1.全区', '（一）全县…') is worked out once per heading, from its parent's
    answer: asking every heading for all its ancestors was quadratic in thousands of nested headings (bench/growth.py,
    'nested numbered headings': x97 per 10x before)."""
    from auditlint.extract.structure import OutlineIndex

    calls = {"parent": 0, "ancestors": 0}
    parent, ancestors = getattr(OutlineIndex, "parent", None), OutlineIndex.ancestors

    def counted_parent(self, index):
        calls["parent"] += 1
        return parent(self, index)

    def counted_ancestors(self, offset):
        out = ancestors(self, offset)
        calls["ancestors"] += len(out)
        return out

    monkeypatch.setattr(OutlineIndex, "parent", counted_parent, raising=False)
    monkeypatch.setattr(OutlineIndex, "ancestors", counted_ancestors)
    headings = 400
    text = "（一）全区收支情况\n收入合计1.00万元，支出合计1.00万元。\n" + "（一）完成情况\n收入合计1.00万元，支出合计1.00万元。\n" * headings
    check_bytes("report.txt", text.encode("utf-8"), Config())
    assert calls["parent"] + calls["ancestors"] <= 4 * headings, calls
