"""Facts: the figures a report states that other reports of the same body can be held to.

A report states figures for its own year (收入支出总计, 财政拨款, 一般公共预算 by 科目, “三公”经费
and its parts, 机关运行经费, 基本/项目支出, vehicles …) and, in passing, figures of other
years and of the budget: "与2024年度相比，收入支出总计增加8487.88万元" fixes the 2024 total;
"比2025年预算增加27.45万元" fixes the 2025 budget; "年初预算为27780.16万元" in a 决算 is the
figure of that year's budget report. Each becomes a Fact: the line item, the year and the
measure it is a figure of (决算, 预算, or a count at year end), and the exact range of values
its written figures allow (in 元 for money), with where the report states it.

Only what is certain becomes a fact: a line item named in the words the template uses for
it, never a part of a narrower scope (all funds, 财政拨款 and 一般公共预算 are three line
items, never one); a change only when the words say what it is measured against (上年,
2024年度, 2025年预算, 年初预算); a 调整预算 or 全年预算 never (a budget revised mid-year is not
the budget report's figure); a change whose own amount and rate disagree not at all (CHG001
reports it); and no prior-year figure at all from a report that says its prior-year figures
were restated (口径调整, 可比口径).

Facts are small tuples of strings, numbers and Decimals: workers send them to the parent,
which keeps them until every file is read.
"""

from __future__ import annotations

import math
import pickle
import re
from array import array
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from .. import verdicts
from ..model import EXCERPT_CONTEXT, ChangeClaim, Disclosure, Quantity, ReportIdentity, Statement
from ..model import Fact as StatementFact
from ..numbers import MONEY_SCALE, Interval, quantize
from ..segment.templates import TableTemplate, load_templates, match_template
from ..suppress import find_suppressions
from ..tables import ShiftClaim
from ..tables.grid import Column, Line, TableView
from ..tables.links import _column, _lines

# ----------------------------------------------------------------------------- the data


class Place(NamedTuple):
    """Where a fact is stated: the span and its position in the file's text, and the line for quoting it."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None
    page_line: int | None  # the line within `page` (a PDF), as a reader with the PDF open counts it
    evidence: str
    excerpt: str  # what a code frame shows of its first line (as Document.excerpt): the span and some context
    excerpt_column: int  # the line's column of the excerpt's first character
    excerpt_more: bool  # the line goes on after the excerpt


class Fact(NamedTuple):
    """A figure of one line item, for one year and measure, as one report states or implies it."""

    item: str  # the line item ("收入支出总计", "一般公共预算财政拨款支出/207 文化旅游体育与传媒支出/…")
    year: int
    measure: str  # 决算 | 预算 (the year's budget as passed: 年初预算) | 年末 (a count at the end of the year)
    origin: str  # own: the report's own figure | change: implied by a change | 年初预算: a 决算 quoting its budget
    lo: Decimal  # the exact values the written figures allow (money in 元)
    hi: Decimal
    unit: str  # the unit the report writes it in
    places: int  # and its decimal places
    how: str  # how a change implies it: "本年 26,591.08 万元、增加 8,487.88 万元" ("" for a figure stated as it is)
    place: Place
    base: Decimal | None = None  # implied by a change: the figure it is a change of (in 元), as written

    @property
    def interval(self) -> Interval:
        return Interval(self.lo, self.hi)


#: Where a figure comes from, in order of how near its report is to being its author (see crossdoc).
ORIGINS = ("change", "年初预算", "own")
_ORIGIN = {origin: i for i, origin in enumerate(ORIGINS)}
_SCALE = Decimal(1000)  # bounds are packed as integers of 元/1000, rounded outwards (never narrower)
_LIMIT = Decimal(2**62)
_LOWEST = -_LIMIT
_PER_ITEM = 8  # different figures of one line item, year, measure and origin kept per report


def _bound(kept: str | None, bound: int) -> Decimal:
    """One of a fact's bounds as a pack keeps it: its text, or None where the packed integer bound (元/1000)
    is the value exactly (most figures: 44495650.000 is 44495650000). Only the value counts: a fact's
    bounds are compared and computed with, and shown only rounded to the report's own precision."""
    return Decimal(bound).scaleb(-3) if kept is None else Decimal(kept)


class FactPack:
    """A report's facts as a run keeps them until every file is read: what matching needs (each fact's
    line item, origin and bounds) in a few packed values, and the facts themselves pickled, to be decoded
    only for the reports a finding is about: plain values (the place in numbers, the text it quotes once for
    all the facts; a bound only where the packed integer is not the value) that pickle fast and small.
    Not compressed: zlib cost more time than the memory it saved was worth (about 1 KB a report)."""

    __slots__ = ("blob", "bounds", "keys", "origins", "suppressions")

    def __init__(self, facts: Iterable[tuple], suppressions: tuple = (), windows: tuple[tuple[int, str], ...] = ()) -> None:
        """facts: as _records gives them, each place in numbers (_Reader.place); windows: the text they quote."""
        self.suppressions = suppressions  # the report's `auditlint: ignore` comments (a finding between reports may sit here)
        seen: set[tuple] = set()
        per_item: dict[tuple, int] = {}
        keys, origins, bounds, plain = [], bytearray(), array("q"), []
        floor, ceil = math.floor, math.ceil
        for f in facts:  # one figure stated twice (the text and its table) is held once, where first stated
            item, year, measure, origin, lo, hi, unit, places, how, place, base = f
            key = (item, year, measure, origin)
            stated = (key, lo, hi)
            if stated in seen:
                continue
            low, high = lo * _SCALE, hi * _SCALE
            if not (_LOWEST < low < _LIMIT and _LOWEST < high < _LIMIT):
                continue
            floored, ceiled = floor(low), ceil(high)
            # a report states a line item a few times; a text that states it thousands of times (a generated
            # or hostile file) must not make the comparison quadratic
            n = per_item.get(key, 0)
            if n >= _PER_ITEM:
                continue
            per_item[key] = n + 1
            seen.add(stated)
            keys.append((item, year, measure))
            origins.append(_ORIGIN[origin])
            bounds.append(floored)
            bounds.append(ceiled)
            # plain values pickle several times faster than the NamedTuples and Decimals they are made of; the
            # line item, year, measure and origin are in keys and origins already
            kept_lo, kept_hi = None if low == floored else str(lo), None if high == ceiled else str(hi)
            plain.append((kept_lo, kept_hi, unit, places, how, place, None if base is None else str(base)))
        self.keys, self.origins, self.bounds = tuple(keys), bytes(origins), bounds
        self.blob = pickle.dumps((plain, windows), protocol=pickle.HIGHEST_PROTOCOL)

    def __len__(self) -> int:
        return len(self.keys)

    def __getstate__(self):
        return (self.blob, self.bounds, self.keys, self.origins, self.suppressions)

    def __setstate__(self, state) -> None:
        self.blob, self.bounds, self.keys, self.origins, self.suppressions = state

    def facts(self, keys: tuple[tuple[str, int, str], ...] | None = None) -> tuple[Fact, ...]:
        """The facts packed; keys: the line item, year and measure of each, for a pack kept without them."""
        plain, windows = pickle.loads(self.blob)
        b = self.bounds
        return tuple(
            Fact(
                *key, ORIGINS[o], _bound(f[0], b[2 * n]), _bound(f[1], b[2 * n + 1]), *f[2:5], _place(f[5], windows),
                None if f[6] is None else Decimal(f[6]),
            )
            for n, (key, o, f) in enumerate(zip(self.keys if keys is None else keys, self.origins, plain, strict=True))
        )


# ----------------------------------------------------------------------------- line items

#: Line items as the template names them, and the other ways reports write each (compared without
#: quotes, spaces, brackets' width, and a trailing 决算数 / 预算数). A scope word is part of the name:
#: 财政拨款支出 and 一般公共预算财政拨款支出 are two line items.
ITEMS: dict[str, tuple[str, ...]] = {
    "收入支出总计": ("收入支出总计", "收支总计", "收、支总计", "收入支出决算总计"),
    "本年收入合计": ("本年收入合计", "收入合计", "本年收入"),
    "本年支出合计": ("本年支出合计", "支出合计"),
    "财政拨款收入支出总计": ("财政拨款收入支出总计", "财政拨款收支总计"),
    "财政拨款收入": ("财政拨款收入",),
    "财政拨款支出": ("财政拨款支出",),
    "一般公共预算财政拨款支出": ("一般公共预算财政拨款支出", "一般公共预算拨款支出", "一般公共预算支出"),
    "一般公共预算财政拨款基本支出": ("一般公共预算财政拨款基本支出",),
    "政府性基金预算财政拨款支出": ("政府性基金预算财政拨款支出", "政府性基金拨款支出", "政府性基金预算拨款支出"),
    "基本支出": ("基本支出",),
    "项目支出": ("项目支出",),
    "人员经费": ("人员经费",),
    "公用经费": ("公用经费",),
    "“三公”经费": ("三公经费", "三公经费财政拨款", "财政拨款三公经费", "三公经费支出", "三公经费财政拨款支出"),
    "因公出国（境）费": ("因公出国（境）费", "因公出国境费"),
    "公务用车购置及运行维护费": ("公务用车购置及运行维护费", "公务用车购置及运行费"),
    "公务用车购置费": ("公务用车购置费", "公务用车购置"),
    "公务用车运行维护费": ("公务用车运行维护费", "公务用车运行费", "公务用车运行维护"),
    "公务接待费": ("公务接待费",),
    "机关运行经费": ("机关运行经费",),
}
#: Counts at the end of a year (measure 年末): staff and vehicles, in the units they are counted in.
COUNTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "公务用车保有量": (("公务用车保有量",), ("辆",)),
    "车辆总数": (("共有车辆", "车辆", "车辆总数"), ("辆",)),
    "在职实有人数": (("在职实有人数", "在职人数", "实有人数", "在职人员", "实有人员"), ("人", "名")),
    "编制数": (("编制数", "编制人数", "核定编制", "编制"), ("人", "名")),
    "离退休人数": (("离退休人员", "离退休人数", "离退休"), ("人", "名")),
}
#: Line items a longer subject may end with ("下属单位财政拨款的机关运行经费", "所属各预算单位开支财政拨款的
#: 公务用车保有量"): names no other item ends with.
_ENDINGS = ("机关运行经费", "公务用车保有量")
# a count dated at a year's end: "截至2025年12月31日，…共有车辆4辆"
_YEAR_END = re.compile(r"截[至止]\s*((?:19|20)\d{2})\s*年\s*(?:12\s*月\s*31\s*日|年底|年末)")
#: Items of the “三公” family: always 财政拨款 money, so "财政拨款" and "支出" in their names add nothing.
_THREE = ("“三公”经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费")

#: Items whose names carry no scope: a part of a 财政拨款 or 一般公共预算 figure named so is not one of them.
_UNSCOPED = frozenset({"收入支出总计", "本年收入合计", "本年支出合计", "基本支出", "项目支出", "人员经费", "公用经费"})
_FISCAL = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本")

_QUOTES = re.compile(r"[“”\"‘’'「」\s]")
_MEASURE_TAIL = re.compile(r"(?:支出决算数|支出决算|决算数|决算|预算数|预算安排|预算)$")
_YEAR_HEAD = re.compile(r"^(?:(?:19|20)\d{2}年度?|本年度?|全年|本部门|本单位|部门|单位)+")


def _key(text: str) -> str:
    return _QUOTES.sub("", text).replace("(", "（").replace(")", "）")


def _build_names() -> dict[str, str]:
    names: dict[str, str] = {_key(alias): item for item, (aliases, _) in COUNTS.items() for alias in aliases}
    for item, aliases in ITEMS.items():
        for alias in aliases:
            key = _key(alias)
            names[key] = item
            if item in _THREE:
                names[key + "支出"] = item
                names["财政拨款" + key] = item
                names[key.replace("费", "支出")] = item
    return names


_NAMES = _build_names()
# any name of any line item, or a 科目's level: a subject without one names no item (looked for first, at C speed)
_ANY_NAME = re.compile("|".join(sorted({re.escape(n) for n in _NAMES} | {"类"}, key=len, reverse=True)))


@lru_cache(maxsize=16384)
def _might_name(subject: str) -> bool:
    return bool(_ANY_NAME.search(_key(subject)))


@lru_cache(maxsize=8192)
def item_of(subject: str, entity: str = "") -> str | None:
    """The line item a statement's subject names, or None when it names none for certain (subjects repeat
    from report to report: the answers are kept)."""
    key = _key(subject)
    if entity and key.startswith(_key(entity)):
        key = key[len(_key(entity)) :]
    key = _YEAR_HEAD.sub("", key)
    for candidate in (key, _MEASURE_TAIL.sub("", key)):
        if candidate in _NAMES:
            return _NAMES[candidate]
    for ending in _ENDINGS:
        if key.endswith(ending) or _MEASURE_TAIL.sub("", key).endswith(ending):
            return ending
    return None


# 类/款/项 named in the text: "文化旅游体育与传媒支出（类）文化和旅游（款）行政运行（项）"
_CLASS_PATH = re.compile(r"^(?:\d{1,2}[、.．]?)?([^（）]+?)（类）(?:([^（）]+?)（款）(?:([^（）]+?)（项）)?)?$")
_SCOPES = (("一般公共预算", "一般公共预算财政拨款支出"), ("政府性基金", "政府性基金预算财政拨款支出"))


@lru_cache(maxsize=8192)
def class_item(scope: str, names: tuple[str, ...]) -> str:
    """The line item of a 科目 under a scope, by its names from the 类 down: "一般公共预算财政拨款支出/…/…"
    (the 科目 repeat from report to report: the answers are kept)."""
    return "/".join((scope, *(_key(n) for n in names)))


@lru_cache(maxsize=8192)
def _class_names(subject: str) -> tuple[str, ...] | None:
    m = _CLASS_PATH.match(_key(subject))
    if not m:
        return None
    return tuple(g for g in m.groups() if g)


# ----------------------------------------------------------------------------- the template's tables

#: Per template (rules/templates.toml): (line, side or None for any, column path's end or () for the
#: line's first value column, line item). Only the 决算数 of a 决算's tables: the 预算数 columns of the
#: “三公” table are a full-year (adjusted) budget in many templates, not the budget report's figure.
TABLE_FACTS: dict[str, tuple[tuple[str, int | None, tuple[str, ...], str], ...]] = {
    "收入支出决算总表": (
        ("本年收入合计", 0, (), "本年收入合计"),
        ("本年支出合计", 1, (), "本年支出合计"),
        ("总计", 0, (), "收入支出总计"),
    ),
    "支出决算表": (("合计", None, ("本年支出合计",), "本年支出合计"), ("合计", None, ("基本支出",), "基本支出"), ("合计", None, ("项目支出",), "项目支出")),
    "财政拨款收入支出决算总表": (
        ("总计", 0, (), "财政拨款收入支出总计"),
        ("本年支出合计", 1, ("一般公共预算财政拨款",), "一般公共预算财政拨款支出"),
    ),
    "一般公共预算财政拨款支出决算表": (("合计", None, ("合计",), "一般公共预算财政拨款支出"),),
    "财政拨款“三公”经费支出决算表": (
        ("", None, ("合计", "决算数"), "“三公”经费"),
        ("", None, ("因公出国（境）费", "决算数"), "因公出国（境）费"),
        ("", None, ("公务用车购置及运行维护费", "小计", "决算数"), "公务用车购置及运行维护费"),
        ("", None, ("公务用车购置费", "决算数"), "公务用车购置费"),
        ("", None, ("公务用车运行维护费", "决算数"), "公务用车运行维护费"),
        ("", None, ("公务接待费", "决算数"), "公务接待费"),
    ),
    "支出预算总表": (("合计", None, ("合计",), "本年支出合计"), ("合计", None, ("基本支出",), "基本支出"), ("合计", None, ("项目支出",), "项目支出")),
    "一般公共预算支出功能分类预算表": (("合计", None, ("合计",), "一般公共预算财政拨款支出"),),
    "“三公”经费和机关运行经费预算表": (
        ("", None, ("“三公”经费预算数", "合计"), "“三公”经费"),
        ("", None, ("因公出国（境）费",), "因公出国（境）费"),
        ("", None, ("公务用车购置及运行费", "小计"), "公务用车购置及运行维护费"),
        ("", None, ("公务用车购置及运行费", "购置费"), "公务用车购置费"),
        ("", None, ("公务用车购置及运行费", "运行费"), "公务用车运行维护费"),
        ("", None, ("公务接待费",), "公务接待费"),
        ("", None, ("机关运行经费预算数",), "机关运行经费"),
    ),
}


@lru_cache(maxsize=4096)
def _template_of(title: str) -> TableTemplate | None:
    """The built-in template a table's title is of (titles repeat from report to report: the answers are kept)."""
    return match_template(title, load_templates(()))


#: Tables whose functional 科目 lines are read one by one, and the funds they are of.
CLASS_TABLES = {"一般公共预算财政拨款支出决算表": "一般公共预算财政拨款支出", "一般公共预算支出功能分类预算表": "一般公共预算财政拨款支出"}


# ----------------------------------------------------------------------------- what a change is measured against

# "与2024年度相比", "比上年", "较上年度", "比2025年预算", "比年初预算", "同比"
_COMPARATOR = re.compile(
    r"(?:与|比|较|同)\s*(?P<year>(?:19|20)\d{2}\s*年度?|上一?年度?|去年)?\s*"
    r"(?P<what>年初预算数?|调整后?(?:的)?预算数?|全年预算数?|预算数?|决算数?|执行数|实际数?|同期|比)?"
)
# the report says its figures of last year were restated: they are no longer the last report's
_PRIOR_FORM = r"上年(?:度)?(?:数|数据|决算数)[^。]{0,20}(?:调整|重新)"
_RESTATED = re.compile(r"(?:可比|同)口径|口径调整|调整口径|追溯调整|重述|" + _PRIOR_FORM)
_PRIOR_RESTATED = re.compile(_PRIOR_FORM)  # its one form without 口径, 追溯 or 重述


# the nearest break before an offset, searched for in the text before it turned back to front: a clause's
# break marks, and the ends of the sentence (sentence_before's 。 and blank line)
_CLAUSE_BREAK = re.compile(r"[，,；;：:。]|\n\n")
_COMMA_BREAK = re.compile(r"[，,；;。]|\n\n")
_A_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
_COMPARED_TO = re.compile(r"(?:比|较|与|同|和)\s*$")  # (searched up to a year: "比2024年")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _restated(content: str) -> bool:
    """Whether the report says its prior-year figures were restated. The words are rare and looked for
    first, each by one character of it (a search for one character is several times faster than for a
    word, and most reports have none of the three); where none of 口径, 追溯, 重述 is written, only the
    last of _RESTATED's forms can be, and it is tried where 上年 is written."""
    words = ("径" in content or "溯" in content or "述" in content) and any(w in content for w in ("口径", "追溯", "重述"))
    if words:
        return bool(_RESTATED.search(content))
    if "调" not in content or "调整" not in content:
        return False
    at = content.find("上年")
    while at >= 0:
        if _PRIOR_RESTATED.match(content, at):
            return True
        at = content.find("上年", at + 2)
    return False


def _measured_against(before: str, kind: str, year: int) -> tuple[str, int] | None:
    """(measure, year) of what a change is measured against, from the words before it in its sentence."""
    found = None
    for m in _COMPARATOR.finditer(before):
        if m.group("year") or m.group("what"):
            found = m
    if found is None:
        return None
    written, what = found.group("year"), found.group("what") or ""
    if what == "比":  # 同比: against the same period of last year
        written, what = "上年", ""
    other = None
    if written:
        digits = _FOUR_DIGITS.match(written)
        other = int(digits.group()) if digits else year - 1
    if what.startswith(("调整", "全年", "执行")):
        return None  # a budget revised mid-year, or an estimate of execution: not another report's figure
    if what.startswith("年初预算"):
        return ("预算", other if other is not None else year) if kind == "决算" or other is not None else None
    if what.startswith("预算"):
        return ("预算", other) if other is not None else None  # "比预算": which budget is not said
    if other is None:
        return None
    if kind == "预算" and not what:
        return None  # "比上年增加" in a budget: last year's budget or its execution, not said
    return "决算", other


def _same_measure(current: Quantity, change: Quantity) -> bool:
    """Money and money, or a count and a change counted in the same unit (4 辆, 增加 1 辆)."""
    if current.kind == "money":
        return change.kind == "money"
    return current.kind == change.kind == "count" and current.unit == change.unit and not current.places


# ----------------------------------------------------------------------------- reading a report


class _Reader:
    def __init__(self, d: Disclosure, identity: ReportIdentity):
        self.d, self.identity = d, identity
        self.year: int = identity.year  # type: ignore[assignment]
        self.kind = identity.kind
        self.content = d.document.content
        self.text = d.document.text
        self.paged = bool(d.document.page_starts)
        self._restated: bool | None = None  # (read at the first change the report states: see restated)
        self.out: list[tuple] = []  # each fact as a plain tuple of Fact's fields (its place a plain tuple of Place's)
        self.seen: set[tuple[str, int, str, int]] = set()
        self._last = (0, 1)  # the last offset whose line was counted, and its line
        self._line = (1, 0, 0, 0)  # the last place's line: its start, end ("\n" or the text's end), length less "\r", number
        self._spans: list[list[int]] = []  # the stretches of text the places quote: [start, end) (windows)
        # a table side's column found by its header path, once per table (a class table asks it of every line)
        self._columns: dict[tuple[int, int, tuple[str, ...]], Column | None] = {}

    @property
    def restated(self) -> bool:
        if self._restated is None:
            self._restated = _restated(self.content)
        return self._restated

    # -- places and figures
    def place(self, start: int, end: int) -> tuple:
        """Where [start, end) is, in numbers: the span, its line (counted with the text's own searches rather
        than a table of every line start; the line of the last place asked is kept, as a change and its
        figure are one line), the line's start, end ("\n" or the text's end) and length less "\r", and the
        number of the stretch of text (windows) its evidence and excerpt are cut from. Columns and the text
        itself are worked out by _place, only for the facts a finding is about."""
        text = self.text
        line_start, eol, length, line = self._line
        if not line_start <= start <= eol:
            line = self._line_at(start)
            line_start = text.rfind("\n", 0, start) + 1
            eol = text.find("\n", start)
            if eol < 0:
                eol = len(text)
            length = eol - line_start
            if length and text[eol - 1] == "\r":
                length = len(text[line_start:eol].rstrip("\r"))
            self._line = (line_start, eol, length, line)
        if end < start:
            end = start
        # what the excerpt takes of the line (_place: the span on its first line, EXCERPT_CONTEXT either side)
        # and the evidence: the last stretch, grown, where this one starts inside it (the facts of a line, of a
        # sentence over lines); a new stretch otherwise
        lo = max(line_start, start - EXCERPT_CONTEXT)
        hi = max(end, min(line_start + length, max(end, start + 1) + EXCERPT_CONTEXT) if end <= eol else line_start + length)
        spans = self._spans
        if spans and spans[-1][0] <= lo <= spans[-1][1]:
            if hi > spans[-1][1]:
                spans[-1][1] = hi
        else:
            spans.append([lo, hi])
        page = page_line = None
        if self.paged:
            doc = self.d.document
            page = doc.page_of(start)
            page_line = doc.page_line(start) if page else None
        return (start, end, line, line_start, eol, length, page, page_line, len(spans) - 1)

    def windows(self) -> tuple[tuple[int, str], ...]:
        """The text the places of the facts read quote (each one's evidence and excerpt): a few stretches of
        the text, each with its offset; a place holds the number of its stretch and offsets (_place)."""
        text = self.text
        return tuple((lo, text[lo:hi]) for lo, hi in self._spans)

    def _line_at(self, offset: int) -> int:
        """The line of an offset, counted on from the last one asked (facts come roughly in text order)."""
        last, line = self._last
        if offset < last:
            last, line = 0, 1
        line += self.text.count("\n", last, offset)
        self._last = (offset, line)
        return line

    def add(
        self, item: str, year: int, measure: str, origin: str, iv: Interval, like: Quantity, how: str, start: int, end: int,
        base: Decimal | None = None,
    ) -> None:
        key = (item, year, measure, start)
        if key in self.seen:
            return
        self.seen.add(key)
        self.out.append((item, year, measure, origin, iv.lo, iv.hi, like.unit, like.places, how, self.place(start, end), base))

    def sentence_before(self, offset: int) -> str:
        """The words of the sentence an offset sits in, up to it (a sentence may wrap over lines)."""
        lo = max(0, offset - 300)
        start = max(self.content.rfind("。", lo, offset), self.content.rfind("\n\n", lo, offset)) + 1
        return self.content[max(start, lo) : offset]

    def clause_before(self, offset: int, breaks: re.Pattern) -> str:
        """The words of sentence_before after its last break (_CLAUSE_BREAK or _COMMA_BREAK): the break nearest
        the offset, searched for in the words before it turned back to front (fewer steps than splitting)."""
        lo = max(0, offset - 300)
        found = breaks.search(self.content[lo:offset][::-1])
        if found is None:
            return self.content[lo:offset]
        back = found.start()  # characters between the break and the offset
        if found.end() - back == 2:  # a blank line: the sentence starts at its second "\n", as sentence_before has it
            back += 1
        return self.content[offset - back : offset]

    def other_year(self, q: Quantity) -> bool:
        """Whether the clause before a figure sets another year than the report's ("2024年度，支出合计…")."""
        clause = self.clause_before(q.start, _CLAUSE_BREAK)
        if "年" not in clause:
            return False
        for m in _A_YEAR.finditer(clause):
            if int(m.group(1)) != self.year and not _COMPARED_TO.search(clause, 0, m.start()):
                return True
        return "上年" in clause or "去年" in clause or "上一年" in clause

    # -- statements
    def subject_item(self, st: Statement) -> str | None:
        return self._subject_item(st) if _might_name(st.subject) else None

    def _subject_item(self, st: Statement) -> str | None:
        names = _class_names(st.subject)
        if names is not None:
            scope = self.scope_of(st)
            return class_item(scope, names) if scope else None
        item = item_of(st.subject, self.identity.entity)
        if item in _UNSCOPED and st.parent is not None:
            parent = self.d.statements[st.parent]
            if item_of(parent.subject, self.identity.entity) not in _UNSCOPED and _FISCAL.search(parent.key):
                return None  # "一般公共预算财政拨款支出…其中：基本支出…": a part of a narrower scope than its name says
        return item

    def scope_of(self, st: Statement) -> str:
        """一般公共预算 or 政府性基金: the funds a 科目 line is stated for (its list's head, or its section)."""
        texts = []
        if st.parent is not None:
            texts.append(self.d.statements[st.parent].key)
        if st.facts:  # the section headings it sits under ("八、政府性基金预算财政拨款收入支出决算情况说明")
            heads = self.d.outline_index.ancestors(st.facts[0].quantity.start)
            texts.extend(h.title for h in heads if h.heading_shaped and not h.toc)
        for text in texts:
            for word, scope in _SCOPES:
                if word in text:
                    return scope
            if "财政拨款" in text:
                return ""  # all 财政拨款: a 科目 figure of it is not a 一般公共预算 one
        return ""

    def statements(self) -> None:
        """One pass over the statements: the figures each states for its own year, and those its changes imply."""
        own = "决算" if self.kind == "决算" else "预算"
        claims: dict[int, ChangeClaim] | None = None
        for st in self.d.statements:
            if st.named_only or not st.facts:
                continue
            item = self.subject_item(st) if st.subject else None
            if item is None and st.subject:
                continue  # a subject that names no line item: neither its figures nor its changes are held
            deltas = [f for f in st.facts if f.role == "delta"]
            figures = [f for f in st.facts if f.role != "delta"] if item is not None else []
            if item in COUNTS:
                self.count(st, item)  # type: ignore[arg-type]
            elif item is not None:
                for f in figures:
                    q = f.quantity
                    if q.kind != "money":
                        continue
                    # what the figure would be (the clause before it read last: it is the dearest test)
                    if f.role == "value" and st.measure != "到位":
                        measure, origin = own, "own"
                    elif f.role == "budget" and self.kind == "预算":
                        measure, origin = "预算", "own"
                    elif f.role == "budget" and self.kind == "决算" and self.initial_budget(f):
                        measure, origin = "预算", "年初预算"
                    else:
                        continue
                    if not self.other_year(q):
                        self.add(item, self.year, measure, origin, q.yuan, q, "", q.start, q.end)
            if not deltas or self.restated:
                continue
            if claims is None:  # (built at the report's first change only)
                claims = {c.delta.start: c for c in self.d.claims_of(ChangeClaim) if c.delta is not None}
            for f in deltas:
                claim = claims.get(f.quantity.start)
                # the statement's subject; the claim's (looked back to) only where the statement has none
                named = item if st.subject else item_of(claim.subject, self.identity.entity) if claim else None
                if named is not None:
                    self.change(st, f, claim, named)

    def count(self, st: Statement, item: str) -> None:
        """Staff or vehicles counted at a year's end: a 决算's own (its year ends the accounts), or any report's
        where the sentence dates it so ("截至2025年12月31日"); a count at any other date is no other report's."""
        fact = st.first("value")
        if fact is None or fact.quantity.unit not in COUNTS[item][1] or fact.quantity.places:
            return
        q = fact.quantity
        dated = _YEAR_END.search(self.sentence_before(q.start))
        year = int(dated.group(1)) if dated else self.year if self.kind == "决算" and not self.other_year(q) else None
        if year is not None:
            self.add(item, year, "年末", "own", q.interval, q, "", q.start, q.end)

    def initial_budget(self, f: StatementFact) -> bool:
        """A 决算's budget figure that is the year's budget as passed (年初预算), not as adjusted."""
        if "年初预算" in f.label or f.basis == "initial_budget":
            return True
        clause = self.clause_before(f.quantity.start, _COMMA_BREAK)
        return "年初预算" in clause and "调整" not in clause

    # -- changes
    def change(self, st: Statement, f: StatementFact, claim: ChangeClaim | None, item: str) -> None:
        """Last year's figure (or a budget's) a change implies: the current figure ∓ the change."""
        current = self.current_of(st, claim)
        if current is None or not _same_measure(current, f.quantity) or (current.kind != "money" and item not in COUNTS):
            return
        word = f.word.start if f.word is not None else f.quantity.start
        against = _measured_against(self.sentence_before(word), self.kind, self.year)
        direction = claim.delta_direction if claim is not None else f.direction
        if against is None or direction == 0:
            return
        if claim is not None and verdicts.holds(claim) is False:
            return  # its amount and rate disagree: CHG001 or CHG004 says so, nothing here is certain
        measure, year = against
        if item in COUNTS:
            measure = "年末"  # a count against last year's: last year's count at its end
        change = verdicts.magnitude(f.quantity)
        now = verdicts.interval_of(current)
        prior = now - change if direction > 0 else now + change
        if prior.hi < 0:
            return
        word_text = f.word.text if f.word is not None else ("增加" if direction > 0 else "减少")
        how = f"{'本年预算' if self.kind == '预算' else '本年'} {verdicts.amount(current)}、{word_text} {verdicts.amount(f.quantity)}"
        origin = "年初预算" if (measure, year) == ("预算", self.year) and self.kind == "决算" else "change"
        start = f.word.start if f.word is not None and f.word.start < f.quantity.start else f.quantity.start
        base = current.yuan_value if current.kind == "money" else current.value
        self.add(item, year, measure, origin, prior, current, how, start, f.quantity.end, base)

    def current_of(self, st: Statement, claim: ChangeClaim | None) -> Quantity | None:
        """The figure a change is a change of: its statement's own, or the one its claim looked back to."""
        role = "budget" if self.kind == "预算" else "value"
        fact = st.first(role) or st.first("value")
        if fact is not None:
            return fact.quantity
        return claim.current if claim is not None else None

    # -- tables: the template's tables, recognised by their titles
    def tables(self) -> None:
        own = "决算" if self.kind == "决算" else "预算"
        doubtful: set[int] | None = None
        for i, view in enumerate(self.d.table_views):
            template = _template_of(view.title)
            if template is None or template.report != self.kind or template.name not in TABLE_FACTS:
                continue
            if doubtful is None:  # a table whose rows slid against their figures, or whose own sums fail, is no figure's author
                doubtful = {c.table for c in self.d.claims_of(ShiftClaim)}
                doubtful |= {o.claim.table for o in self.d.table_verdicts.outcomes.values() if o.status == "fail"}
            if i in doubtful:
                continue
            for label, side, column, item in TABLE_FACTS[template.name]:
                lines = [ln for ln in _lines(view, label) if side is None or ln.side == side]
                if len(lines) == 1:
                    self.cell(item, own, view, lines[0], column)
            if template.name in CLASS_TABLES:
                self.classes(view, own, CLASS_TABLES[template.name])

    def cell(self, item: str, measure: str, view: TableView, line: Line, column: tuple[str, ...]) -> None:
        key = (id(view), line.side, column)
        if key not in self._columns:
            self._columns[key] = _column(view, line, column)
        col = self._columns[key]
        fig = line.values.get(col.index) if col is not None else None
        if fig is None or not fig.is_number or fig.quantity is None or fig.quantity.kind != "money":
            return
        q = fig.quantity
        self.add(item, self.year, measure, "own", q.yuan, q, "", q.start, q.end)

    def classes(self, view: TableView, measure: str, scope: str) -> None:
        """Each functional 科目 of a table by its names from the 类 down (the text names them so)."""
        labels = {ln.code: ln.label for ln in view.lines() if ln.code and ln.code_scheme == "functional"}
        for line in view.lines():
            if not line.code or line.code_scheme != "functional" or line.code[0] != "2":
                continue
            names = tuple(labels.get(line.code[:n], "") for n in (3, 5, 7) if n <= len(line.code))
            if all(names):
                self.cell(class_item(scope, names), measure, view, line, ("合计",))

    # -- a 绩效自评 of the whole body: its spending is the 决算's, its 年初预算 the budget's
    def evaluation(self) -> None:
        for m in self.d.mentions:
            q = m.fact.quantity
            if m.item != "本年支出合计" or q.kind != "money":
                continue
            if m.basis == "actual":
                self.add("本年支出合计", self.year, "决算", "own", q.yuan, q, "", q.start, q.end)
            elif m.basis == "年初":
                self.add("本年支出合计", self.year, "预算", "年初预算", q.yuan, q, "", q.start, q.end)


def report_facts(d: Disclosure, identity: ReportIdentity) -> FactPack:
    """The facts of report_facts_of, packed for the run to keep (FactPack.facts() gives them back), with
    the report's ignore comments."""
    records, windows = _records(d, identity)
    return FactPack(records, tuple(find_suppressions(d.document)), windows)


def report_facts_of(d: Disclosure, identity: ReportIdentity) -> tuple[Fact, ...]:
    """The facts a report gives other reports of its body to be held to (none when its identity is not read)."""
    records, windows = _records(d, identity)
    return tuple(Fact(*r[:9], _place(r[9], windows), r[10]) for r in records)


def _records(d: Disclosure, identity: ReportIdentity) -> tuple[list[tuple], tuple[tuple[int, str], ...]]:
    """report_facts_of's facts as plain tuples (a pack is made of them without a NamedTuple in between),
    each place in numbers (_Reader.place), and the stretches of text their places quote (_Reader.windows)."""
    if not identity.readable or identity.year is None:
        return [], ()
    reader = _Reader(d, identity)
    if identity.kind in ("决算", "预算"):
        reader.statements()
        reader.tables()
    elif identity.kind == "绩效自评" and identity.subject == "整体":
        reader.evaluation()
    return reader.out, reader.windows()


def _place(p: tuple, windows: tuple[tuple[int, str], ...]) -> Place:
    """A place of _Reader.place in full, as Document.position and Document.excerpt give it (1-based line and
    column, a column counting characters; the excerpt: the span on its first line and EXCERPT_CONTEXT either
    side), its text cut from the stretch of text that holds it."""
    start, end, line, line_start, eol, length, page, page_line, n = p
    at, text = windows[n]
    if end <= eol:  # (the span ends on its first line)
        end_line, end_col = line, end - line_start + 1
    else:
        span = text[start - at : end - at]
        end_line, end_col = line + span.count("\n"), len(span) - span.rfind("\n")
    span_start = start - line_start
    span_end = max(end - line_start if end <= eol else length, span_start + 1)
    left, right = max(0, span_start - EXCERPT_CONTEXT), min(length, span_end + EXCERPT_CONTEXT)
    excerpt = text[line_start + left - at : line_start + right - at]
    return Place(start, end, line, span_start + 1, end_line, end_col, page, page_line, text[start - at : end - at], excerpt, left + 1, right < length)


# ----------------------------------------------------------------------------- how a fact is shown

_LEVELS = ("类", "款", "项")


def item_label(item: str) -> str:
    """A line item as a reviewer names it: "一般公共预算财政拨款支出中“住房保障支出（类）住房改革支出（款）…”"."""
    scope, *names = item.split("/")
    if not names:
        return scope
    return f"{scope}中“" + "".join(f"{n}（{level}）" for n, level in zip(names, _LEVELS)) + "”"


def _in_unit(fact: Fact, iv: Interval) -> Interval:
    scale = MONEY_SCALE.get(fact.unit)
    return Interval(iv.lo / scale, iv.hi / scale) if scale else iv


def value_text(fact: Fact) -> str:
    """A fact's value in its report's unit and precision ("18,103.20 万元"): the written figure, or for
    an implied one the value its written figures give (本年数 − 变动额), rounded as the report rounds."""
    value = quantize(_in_unit(fact, fact.interval).mid, fact.places)
    return f"{verdicts.digits(value, fact.places, abs(value) >= 1000)} {fact.unit}".strip()


def gap_text(a: Fact, b: Fact) -> str:
    """The difference of two facts' values, in a's unit ("96.80 万元")."""
    gap = abs(_in_unit(a, Interval.exact(a.interval.mid - b.interval.mid)).lo)
    places = max(a.places, 2) if a.unit in MONEY_SCALE else a.places
    return f"{verdicts.digits(quantize(gap, places), places, gap >= 1000)} {a.unit}".strip()


def change_text(implied: Fact, stated: Fact) -> str | None:
    """The change that would make an implied figure the stated one: "增加 100.00 万元" (None: not implied by a change)."""
    if implied.base is None:
        return None
    diff = implied.base - stated.interval.mid
    if diff == 0:
        return "持平"
    fake = implied._replace(lo=abs(diff), hi=abs(diff))
    return ("增加 " if diff > 0 else "减少 ") + value_text(fake)


def unit_slip(a: Fact, b: Fact) -> bool:
    """Whether one fact is the other ten thousand times over: 元 written for 万元 in one of the reports."""
    return a.unit in MONEY_SCALE and b.unit in MONEY_SCALE and verdicts.scale_slip(a.interval, b.interval)
