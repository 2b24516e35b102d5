"""Items the narrative lists ("人员经费…主要包括：基本工资、津贴补贴、奖金…") against the table that itemises them.

The explanation of 基本支出 lists the economic items its 人员经费 and 公用经费 went
to. Each is a line of the basic expenditure table; an item listed there but blank
(or 0) in the table was either not spent or the table is wrong. A list is held to a
table only when most of its items are that table's own lines, so lists of other
things (what a project bought) are left alone.
"""

from __future__ import annotations

import re

from ..model import Claim
from .claims import TableCell, _usable, cell_ref
from .grid import TableView

_OPENER = re.compile(r"主\s*要\s*(?:包\s*括|用\s*于|有)\s*[：:]")  # letter-spaced too
_END = "；;。"
# How much of a list must be the table's lines before the list is read as listing them.
_MIN_SHARE = 0.7
_MIN_ITEMS = 3


class ListedItemClaim(Claim):
    """An item the text lists as spent on, and the table cell that holds it."""

    kind: str = "listed-item"
    item: str
    cell: TableCell
    table_title: str


def _economic_lines(views: list[TableView]) -> dict[str, list[tuple[TableView, object]]]:
    out: dict[str, list] = {}
    for view in views:
        for line in view.lines():
            if line.code and line.code[0] in "35" and len(line.code) == 5 and line.label:
                out.setdefault(_key(line.label), []).append((view, line))
    return out


def _key(name: str) -> str:
    return re.sub(r"[\s“”\"（）()]", "", name)


def _items(text: str, start: int) -> list[tuple[str, int, int]]:
    """The items of a list from `start` to its end (；or 。), each with its place; line breaks inside ignored."""
    items: list[tuple[str, int, int]] = []
    chars: list[tuple[str, int]] = []
    i = start
    while i < len(text) and text[i] not in _END and i - start < 600:
        ch = text[i]
        if ch in "、，,":
            items.append(_item(chars))
            chars = []
        elif ch not in "\n\r \t\f":
            chars.append((ch, i))
        i += 1
    items.append(_item(chars))
    return [it for it in items if it[0]]


def _item(chars: list[tuple[str, int]]) -> tuple[str, int, int]:
    if not chars:
        return "", 0, 0
    return "".join(c for c, _ in chars), chars[0][1], chars[-1][1] + 1


def listed_item_claims(text: str, views: list[TableView]) -> list[ListedItemClaim]:
    lines = _economic_lines(views)
    if not lines:
        return []
    out: list[ListedItemClaim] = []
    for m in _OPENER.finditer(text):
        items = _items(text, m.end())
        found = [(name, a, b, lines.get(_key(name), [])) for name, a, b in items]
        known = [f for f in found if len(f[3]) == 1]
        if len(items) < _MIN_ITEMS or len(known) < _MIN_SHARE * len(items):
            continue
        for name, a, b, where in known:
            view, line = where[0]
            side = view.sides[line.side]
            cols = [c for c in side.values if _usable(c)]
            fig = line.values.get(cols[0].index) if cols else None
            if fig is None:
                continue
            out.append(ListedItemClaim(start=a, end=b, subject=name, item=name, cell=cell_ref(view, fig, line, cols[0]), table_title=view.title))
    return out
