"""Mentions: which line item each stated amount or rate is, on which basis, wherever the text states it.

The same line item is named many ways across a report: 本年支出合计 in the
决算 explanation, 实际支出 with no subject in the 整体 evaluation ("2023 年实际支出
612.30 万元"), 整体支出 in the performance summary, 总体支出 in the appendix. A
mention ties a figure to its line item (a [[quantity]] of rules/quantities.toml)
and its basis — the final (actual) amount, the 年初 or 调整 budget — so figures
of one line item on one basis can be held against each other. Figures this cannot
place with confidence (a sub-item, a fiscal-grant scope, another year, one
project) are left out: a mention is made only when its line item is certain.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Fact, Statement
from ..plugins import builtin_rules_dir
from .lexicon import COMPARES_OR_PAIRS, LAST_YEAR
from .reflow import Reflowed
from .structure import OutlineIndex


@dataclass(frozen=True, slots=True)
class LineItem:
    """A line item and the ways the text names it (data: rules/quantities.toml)."""

    name: str
    names: tuple[str, ...]
    markers: tuple[str, ...] = ()
    budget_labels: tuple[str, ...] = ()
    whole: bool = False  # what an evaluation of the whole department (整体) speaks of when it names nothing


@lru_cache(maxsize=4)
def load_line_items(extra_dirs: tuple[str, ...] = ()) -> tuple[LineItem, ...]:
    found: list[LineItem] = []
    for folder in (builtin_rules_dir(), *map(Path, extra_dirs)):
        for path in sorted(folder.glob("*.toml")):
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            for item in data.get("quantity", []):
                found.append(
                    LineItem(
                        name=item["name"],
                        names=tuple(item.get("names", [item["name"]])),
                        markers=tuple(item.get("markers", [])),
                        budget_labels=tuple(item.get("budget_labels", [])),
                        whole=bool(item.get("whole", False)),
                    )
                )
    return tuple(found)


Basis = str  # "actual", "年初", "调整", "全年", "预算" (a budget, basis not said), "any" (funds: budget or actual)


@dataclass(frozen=True, eq=False)
class Mention:
    """One figure stated for a line item: the fact, its basis, and the statement and sentence it comes from."""

    item: str
    basis: Basis
    fact: Fact
    statement: Statement
    sentence: str
    evaluation: str  # "整体" when it sits in an evaluation of the whole department


_SCOPE_WORDS = re.compile(r"^(?:本年度?|全年|年度|本部门|部门|本单位|单位|我部门|我单位|\d{4}年度?)+")
_SCOPE_FIRST = "本全年部单我"  # what _SCOPE_WORDS opens with, besides a digit


def _without_scope(key: str) -> str:
    """_SCOPE_WORDS.sub("", key), tried only on a key opening as a scope word does (most subjects do not)."""
    first = key[:1]
    return _SCOPE_WORDS.sub("", key) if first and (first in _SCOPE_FIRST or first.isdecimal()) else key
_GENERIC = re.compile(r"^(?:|资金|金额|涉及金额|经费|支出|实际|部门|部门整体|整体|年度|全年|预算资金|合计|总计|总额)$")
_FUNDS = re.compile(r"^(?:资金|金额|涉及金额|涉及资金|经费|)$")
_FISCAL_SCOPE = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本经营")
# a section about one fund's accounts: a government's 决算 or budget report, or a department's fund section
_FUND_SECTION = re.compile(r"(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|社会保险基金(?:预算)?)(?:财政拨款)?收支")
_OTHER_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
# a span of years: "2021－2025年度", "2021至2025年"
_SPAN_MARKS = frozenset("－-—~～至到")
_SPAN_AFTER = re.compile(r"\s*[－\-—~～至到]")
_SINGLE_PROJECT = re.compile(r"本项目|该项目|此项目")
# a government's own budget, of one level or all below it ("全区…支出合计 120.69 亿元", "区本级…支出合计 81.78 亿元"):
# its totals are the government's, not the line items of a department's accounts
# (named where the sentence or the heading opens: "全国科普示范区认定工作经费" inside a title is no scope)
_GOVERNMENT_SCOPE = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*年度?[，,]?\s*)?(?:全(?:国|省|市|州|盟|区|县|旗|镇|乡)|[\u4e00-\u9fff]{0,8}?(?:省|市|州|区|县|旗|镇|乡)本级)"
)
_REACH = 1000
# compiled once: read for every statement
_CLAUSE_BREAKS = "，,；;：:"


def _last_clause(text: str) -> str:
    """What follows the last clause break (found from the end: a long sentence is not split at every comma)."""
    return text[max(text.rfind(c) for c in _CLAUSE_BREAKS) + 1 :]
# a sentence that opens with an amount: its subject went with the text before it (a page cut, an excerpt)
_HEADLESS = re.compile(r"^\s*\d[\d,.]*\s*(?:亿元|万元|千元|元)")
_WHOLE_SPENDING = re.compile(r"(?:整体|总体)支出(?:数|金额)?(?:为|是|共|共计|达)?\s*$")
_EVALUATION = re.compile(r"整体|部门支出")


# an execution rate's basis, as a mention names it, when the words of its own clause do not say
_RATE_BASIS = {"initial_budget": "年初", "adjusted_budget": "调整", "full_year_budget": "全年", "budget": "", "plan": "计划", "": ""}


def _basis_of_budget(label: str, clause: str) -> Basis:
    if "年初" in label or re.search(r"年初预算", clause[-12:]):
        return "年初"
    if "调整" in label or re.search(r"调整后?的?预算", clause[-14:]):
        return "调整"
    if "全年" in label or "全年" in clause[-14:]:
        return "全年"
    return "预算"


class _Reader:
    def __init__(self, content: str, flow: Reflowed, statements: list[Statement], year: int | None, index: OutlineIndex):
        self.content, self.flow, self.statements, self.year = content, flow, statements, year
        self.items = load_line_items()
        self.by_name = {n: item for item in self.items for n in item.names}
        self.index = index
        self.org = re.compile(r"^[\u4e00-\u9fff（）()]{2,20}?(?:协会|学会|委员会|联合会|科技馆|局|厅|中心|馆|院|办公室|政府)$")
        self._evaluations: dict[int | None, str] = {}  # by the heading a place sits under
        self._fund_sections: dict[int | None, bool] = {}
        self._government_sections: dict[int | None, bool] = {}
        self._markers: list[tuple[LineItem, re.Pattern[str]]] | None = None

    def sentence(self, st: Statement, offset: int) -> tuple[str, str]:
        """(the sentence holding an offset, its text up to that offset), in reflowed text."""
        flow = self.flow
        pos = flow.locate(offset)
        text = flow.text
        # read within _REACH characters either side: every statement of a megabyte-long "sentence"
        # must not rescan all of it (quadratic); real sentences end well inside the reach
        start, end = max(0, pos - _REACH), min(len(text), pos + _REACH)
        lo = max(text.rfind("。", start, pos) + 1, text.rfind("\n", start, pos) + 1, start)
        hi = min((i for i in (text.find("。", pos, end), text.find("\n", pos, end)) if i >= 0), default=end)
        return text[lo:hi], text[lo:pos]

    def generic(self, st: Statement) -> bool:
        """Whether a subject names no line item: "资金", the department itself, a section heading."""
        key = _without_scope(st.key)
        if _GENERIC.match(key):
            return True
        if self.org.match(key) and key[-4:] in self.content[:400]:
            return True  # the reporting body (as its title names it)
        # a subject taken over from a heading like "1.预算执行情况分析" names a section, not a line item
        return st.inherited_subject and bool(re.search(r"情况|分析|说明|概述|概况", st.subject))

    def evaluation(self, offset: int) -> str:
        # the same for every place under one heading: worked out once per heading
        under = self.index.heading_before(offset)
        if under not in self._evaluations:
            heads = self.index.ancestors(offset)
            self._evaluations[under] = "整体" if any(_EVALUATION.search(h.title) for h in heads) else ""
        return self._evaluations[under]

    def item_of(self, st: Statement, clause: str, sentence: str, offset: int) -> tuple[LineItem | None, bool]:
        """The line item a statement speaks of, and whether only its funds (budget or actual) are meant."""
        parent = self.statements[st.parent] if st.parent is not None else None
        if parent is not None and (_FISCAL_SCOPE.search(parent.key) or (not self.generic(parent) and self.lookup(parent.key) is None)):
            return None, False  # a part of a fiscal-grant total, or of some other line item
        if _FISCAL_SCOPE.search(st.key) or _SINGLE_PROJECT.search(clause):
            return None, False
        if self.fund_section(offset):
            return None, False  # "2.政府性基金收支及其平衡情况" … "支出合计 101788 万元": that fund's, not the whole's
        item = self.lookup(st.key)
        if item is not None:
            return item, False
        if _WHOLE_SPENDING.search(clause):
            return next((c for c in self.items if c.whole), None), False  # "预算资金总体支出1006.77万元"
        if not self.generic(st):
            return None, False
        for fact in st.all("budget"):
            labelled = next((c for c in self.items if fact.label in c.budget_labels), None)
            if labelled is not None:
                return labelled, False  # "（本部门）全年项目预算数 156.30 万元，实际执行数 …"
        if _FUNDS.match(st.key):
            # "对…项目支出实施了绩效自评，…涉及金额102.00万元": the funds of what the sentence named
            for candidate, named in self.marker_patterns():
                if named.search(clause):
                    return candidate, True
        if parent is None and self.evaluation(offset) == "整体":
            whole = next((c for c in self.items if c.whole), None)
            return whole, False
        return None, False

    def government_section(self, offset: int) -> bool:
        """Whether a heading above a place names a government's scope ("1.全区", "2.龙湾区本级", "（一）全县一般公共预算
        收支情况"): the totals under it are that government's (worked out once per heading)."""
        under = self.index.heading_before(offset)
        if under is None:
            return False
        memo = self._government_sections
        # up the chain of headings to one already known (each heading is looked at once however deep the outline:
        # asking every heading for all its ancestors would be quadratic in thousands of nested headings)
        chain: list[int] = []
        i: int | None = under
        while i is not None and i not in memo and i not in chain:
            chain.append(i)
            i = self.index.parent(i)
        found = bool(memo.get(i, False)) if i is not None else False
        for k in reversed(chain):
            found = found or _GOVERNMENT_SCOPE.search(self.index.outline[k].title) is not None
            memo[k] = found
        return memo[under]

    def fund_section(self, offset: int) -> bool:
        """Whether the section a place sits in is about one fund ("（一）一般公共预算收支及平衡情况",
        "2.政府性基金收支及其平衡情况"): its 收入合计 / 支出合计 are that fund's (worked out once per heading)."""
        under = self.index.heading_before(offset)
        if under not in self._fund_sections:
            # (the nearest heading alone decides: no need to walk its ancestors)
            self._fund_sections[under] = under is not None and _FUND_SECTION.search(self.index.outline[under].title) is not None
        return self._fund_sections[under]

    def marker_patterns(self) -> list[tuple[LineItem, re.Pattern[str]]]:
        """Each line item with markers, and one pattern for any of them not followed by 中 or 的 (compiled once)."""
        if self._markers is None:
            self._markers = [
                (c, re.compile("(?:" + "|".join(map(re.escape, c.markers)) + r")(?![中的])"))
                for c in self.items
                if c.markers
            ]
        return self._markers

    def lookup(self, key: str) -> LineItem | None:
        bare = _without_scope(key)
        return self.by_name.get(bare) or self.by_name.get(key)

    def other_year(self, text: str) -> bool:
        """Whether the last year named before a figure is not the report's ("2022年度，支出合计…").

        A year it is compared with ("与2022年度相比") or a span ("2021－2025年度") does
        not set the period; a later mention of the report's year overrides an earlier
        one ("2022年，本部门对2021年度项目支出开展自评，涉及金额…").
        """
        year = self.year
        if year is None:
            return False
        # the last year that sets the period: tried from the end, each in a few characters around it
        for m in reversed(list(_OTHER_YEAR.finditer(text))):
            if COMPARES_OR_PAIRS.search(text[max(0, m.start() - 3) : m.start()]):
                continue
            if _SPAN_AFTER.match(text, m.end() - 1, m.end() + 2):
                continue
            before = m.start()
            while before and text[before - 1].isspace():
                before -= 1
            if before and text[before - 1] in _SPAN_MARKS:
                continue
            return int(m.group(1)) != year
        return False

    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        for st in self.statements:
            if st.named_only or not st.facts:
                continue
            if _FUNDS.match(st.key) and any(f.role == "share" for f in st.facts):
                continue  # "资金156.30万元，占…项目支出总额的100.0%" states its relation itself (PCT001)
            first = st.facts[0].quantity
            sentence, clause = self.sentence(st, first.start)
            if _HEADLESS.match(sentence):
                continue  # "19816.81 元，项目支出 0 元。": a sentence whose beginning (what it is about) is missing
            own = _last_clause(clause)
            if self.other_year(clause) or LAST_YEAR.search(own):
                continue
            if _GOVERNMENT_SCOPE.search(clause) or self.government_section(first.start):
                continue
            item, funds = self.item_of(st, clause, sentence, first.start)
            parent = self.statements[st.parent] if st.parent is not None else None
            for fact in st.facts:
                q = fact.quantity
                if fact.role == "budget":
                    label_item = next((c for c in self.items if fact.label in c.budget_labels), None)
                    target = label_item if (label_item and self.generic(st)) else item
                    if target is None:
                        continue
                    _, upto = self.sentence(st, q.start)
                    basis = _basis_of_budget(fact.label, upto)
                    if basis == "预算" and parent is not None and parent.value is None and parent.first("budget") is not None:
                        basis = _basis_of_budget(parent.first("budget").label, "")  # type: ignore[union-attr]
                    out.append(Mention(target.name, basis, fact, st, sentence, self.evaluation(first.start)))
                elif fact.role == "value" and q.kind == "money" and item is not None:
                    basis = "any" if funds else "actual"
                    if parent is not None and parent.value is None and parent.first("budget") is not None:
                        basis = _basis_of_budget(parent.first("budget").label, "")  # type: ignore[union-attr]
                    elif st.measure == "到位":
                        continue
                    out.append(Mention(item.name, basis, fact, st, sentence, self.evaluation(first.start)))
                elif fact.role == "execution" and item is not None:
                    # "年初预算执行率 102.8%，调整预算执行率 97.9%": two rates, two bases
                    _, upto = self.sentence(st, q.start)
                    label = _last_clause(upto)
                    basis = next((b for b in ("年初", "调整", "全年") if b in label), "") or _RATE_BASIS[fact.basis]
                    out.append(Mention(item.name, f"rate:{basis}", fact, st, sentence, self.evaluation(first.start)))
        return out


def find_mentions(
    content: str, flow: Reflowed, statements: list[Statement], year: int | None, index: OutlineIndex
) -> list[Mention]:
    """Every figure the text states for a known line item, with its basis."""
    return _Reader(content, flow, statements, year, index).mentions()
