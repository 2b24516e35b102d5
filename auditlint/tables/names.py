"""Names of 科目: a 类/款/项 the narrative names against the rows of the tables, by code.

The narrative names each 科目 it explains the way the tables do ("社会保障和就业支出（类）
行政事业单位养老支出（款）行政单位离退休（项）"). Walking the names down the tables' code
hierarchy finds where a name is not the tables' own: an obsolete name (文化体育与传媒
支出 for 文化旅游体育与传媒支出), a 项 given its 款's name, characters swapped. The
tables' name is trusted only where every table that lists the code agrees on it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Literal

from pydantic import Field

from ..model import Claim, Statement
from .crosscheck import line_key
from .grid import TableView

Level = Literal["类", "款", "项"]
_LEVEL = re.compile(r"[（(]\s*(类|款|项)\s*[)）]")  # "( 项 )": spaced by extraction or letter-spacing
_DIGITS = {"类": 3, "款": 5, "项": 7}
_QUOTES = re.compile(r"[“”\"‘’]")
_ITEM_NUMBER = re.compile(r"^\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]|\d{1,2}(?=\s*[\u4e00-\u9fff]))\s*")


class NameClaim(Claim):
    """A 科目 named otherwise than the tables name it."""

    kind: str = "table-name"
    level: Level
    stated: str
    parent: str = ""  # the 科目 above it, as the tables name it ("20105 统计信息事务")
    code: str = ""  # the 科目 it is, where the tables tell which
    table_name: str = ""
    siblings: list[str] = Field(default_factory=list)  # where they do not: the names they have there
    child: str = ""  # a 款 named wrongly, told by its 项: that 项 as the tables name it


def _key(name: str) -> str:
    key = line_key(name)
    return key[:-2] if key.endswith("支出") and len(key) > 4 else key


def _same(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return ka == kb


class _Codes:
    """The functional 科目 of a report's tables: the name every table agrees on, and the amounts."""

    def __init__(self, views: list[TableView]):
        labels: dict[str, set[str]] = defaultdict(set)
        self.amounts: dict[str, set[Decimal]] = defaultdict(set)
        for view in views:
            for line in view.lines():
                if line.code and line.code[0] == "2" and line.label:
                    labels[line.code].add(line.label)
                    for fig in line.values.values():
                        if fig.is_number and fig.quantity is not None:
                            self.amounts[line.code].add(fig.quantity.yuan_value if fig.quantity.kind == "money" else fig.quantity.value)
                            break
        self.names = dict(labels)
        # a name the tables disagree on (a label cut by a wrap in one of them) is not held against the text
        self.name = {code: next(iter(names)) for code, names in labels.items() if len({_key(n) for n in names}) == 1}

    def under(self, parent: str, level: Level) -> list[str]:
        digits = _DIGITS[level]
        return sorted(c for c in self.names if len(c) == digits and c.startswith(parent))

    def called(self, code: str, name: str) -> bool:
        return any(_same(n, name) for n in self.names[code])

    def certain(self, codes: list[str]) -> bool:
        return all(c in self.name for c in codes)

    def label(self, code: str) -> str:
        return f"{code} {self.name.get(code) or sorted(self.names[code])[0]}"


_NAME_LINE = re.compile(r"^[\u4e00-\u9fff（）()“”\"‘’\s]*$")


def _first_name(text: str, begin: int, mark: int) -> tuple[str, int]:
    """The name right before the first level mark, and where it starts: the lines just above the
    mark that hold nothing but words (a name wrapped over lines), back to the window's start."""
    start = mark
    while start > begin:
        line_start = max(begin, text.rfind("\n", begin, start - 1) + 1 if start - 1 > begin else begin)
        piece = text[line_start:start]
        words = _NAME_LINE.match(_ITEM_NUMBER.sub("", piece.strip()))
        if start != mark and not words:
            break
        if start == mark and "|" in piece:
            start = mark - len(piece.split("|")[-1])
            break
        start = line_start
        opens = _ITEM_NUMBER.match(piece.strip()) or piece.strip().startswith(("“", '"'))
        if start == begin or not words or opens:
            break  # a name that opens its line with an item number or a quote starts there
    return text[start:mark], start


def _levels(text: str, start: int, end: int) -> list[tuple[str, Level, int, int]]:
    """The names of a 科目 path as written, with their places: [(name, level, start, end)].

    A name wrapped over two lines is one name; its place runs from its first character to its last.
    """
    out = []
    pos = start
    for m in _LEVEL.finditer(text, start, end):
        if pos == start:
            raw, pos = _first_name(text, start, m.start())
        else:
            raw = text[pos : m.start()]
        cleaned = _ITEM_NUMBER.sub("", _QUOTES.sub("", raw))
        name = re.sub(r"\s+", "", cleaned)
        if name and len(name) <= 30 and not re.search(r"[，。；：,;:|]", name):
            first = pos + len(raw) - len(raw.lstrip(" \t\n\r“”\"‘’0123456789一二三四五六七八九十、.．"))
            last = pos + len(raw.rstrip())  # ("体育 ( 款 )": the name ends at its last character)
            out.append((name, m.group(1), first, last))  # type: ignore[arg-type]
        pos = m.end()
    return out


def _stated_amount(st: Statement) -> Decimal | None:
    fact = st.first("value")
    if fact is None or fact.quantity.kind != "money":
        return None
    return fact.quantity.yuan_value


def name_claims(text: str, statements: list[Statement], views: list[TableView]) -> list[NameClaim]:
    codes = _Codes(views)
    if not codes.name:
        return []
    out: list[NameClaim] = []
    for st in statements:
        value = st.first("value")
        if value is None:
            continue
        # the 科目 a statement is about is named just before its amount, since the last full stop
        end = value.quantity.start
        begin = max(0, end - 150)
        stop = max(text.rfind(p, begin, end) for p in "。；;：:，,")
        begin = stop + 1 if stop >= 0 else begin
        if not _LEVEL.search(text, begin, end):
            continue
        claim = _walk(_levels(text, begin, end), codes, _stated_amount(st))
        if claim is not None:
            out.append(claim)
    return out


_NEXT: dict[str, str] = {"类": "款", "款": "项", "项": ""}


def _walk(levels: list[tuple[str, Level, int, int]], codes: _Codes, amount: Decimal | None) -> NameClaim | None:
    parent = ""
    expected = "类"
    above: tuple[str, Level, int, int] | None = None
    for k, (name, level, a, b) in enumerate(levels):
        if level != expected:
            return None  # a path that skips a level is not one this walk can follow
        options = codes.under(parent, level)
        match = [c for c in options if codes.called(c, name)]
        if len(match) == 1:
            parent, expected, above = match[0], _NEXT[level], (name, level, a, b)
            continue
        if match or not options or (level != "类" and not parent) or not codes.certain(options):
            return None
        last = k == len(levels) - 1
        moved = _moved(name, level, parent, codes)
        if moved is not None and above is not None:
            # the 项 is the tables' own, under another 款: the 款 is the name that is wrong
            up_name, up_level, ua, ub = above
            owner = moved[: _DIGITS[up_level]]
            return NameClaim(start=ua, end=ub, subject=up_name, level=up_level, stated=up_name, code=owner,
                             table_name=codes.name.get(owner, ""), child=codes.label(moved))
        by_amount = [c for c in options if amount is not None and last and amount in codes.amounts.get(c, set())]
        by_children = [c for c in options if not last and _fits(codes, c, levels[k + 1 :])]
        known = options if len(options) == 1 else by_amount if len(by_amount) == 1 else by_children if len(by_children) == 1 else []
        common = {"start": a, "end": b, "subject": name, "level": level, "stated": name, "parent": codes.label(parent) if parent else ""}
        if known:
            return NameClaim(**common, code=known[0], table_name=codes.name[known[0]])
        if not parent or not last:
            return None  # a 类 unknown by name and amount, or a 款 whose 项 follow: nothing certain to say
        return NameClaim(**common, siblings=[codes.label(c) for c in options])
    return None


def _fits(codes: _Codes, parent: str, rest: list[tuple[str, Level, int, int]]) -> bool:
    """Whether the names below a level are all found below this code (one each)."""
    for name, level, _, _ in rest:
        found = [c for c in codes.under(parent, level) if codes.called(c, name)]
        if len(found) != 1:
            return False
        parent = found[0]
    return True


def _moved(name: str, level: Level, parent: str, codes: _Codes) -> str | None:
    """The one code of this level, elsewhere in the same 类, that carries the name (None if not exactly one)."""
    if level != "项" or len(parent) != 5:
        return None
    found = [c for c in codes.under(parent[:3], level) if not c.startswith(parent) and codes.called(c, name)]
    return found[0] if len(found) == 1 and found[0][:5] in codes.name else None
