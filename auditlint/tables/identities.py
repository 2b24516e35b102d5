"""Declared identities (rules/*.toml) evaluated in tables, wherever all their terms are lines or columns.

An identity's terms are found by name: the lines of a table (a bare 总计 on the
收入 side is 收入总计) or its columns (the 合计 column under 公务用车购置及运行维护费
is named after that group). Every term must resolve to exactly one line or
column — a term that matches several, or none, leaves the identity unstated for
that table (an `optional` term absent counts as 0).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from ..identities import Decomposition
from .cells import Figure
from .claims import TableClaim, Term, _claim, _sum_claims, _usable, cell_ref
from .grid import Column, Line, Side, TableView, total_word

T = TypeVar("T")
_MEASURES = ("预算数", "决算数", "执行数", "调整预算数", "年初预算数", "上年数", "本年数", "金额")


def _key(text: str) -> str:
    return re.sub(r"[\s“”\"‘’'（）()、：:]", "", text)


def _line_key(line: Line, side: Side) -> str:
    label = _key(line.label)
    if label in ("合计", "总计", "小计") and side.heading:
        return side.heading + label
    return label


def _column_name(col: Column) -> tuple[str, str]:
    """(name, measure) of a value column: 小计 under 公务用车… is 公务用车…; 预算数 / 决算数 is the measure."""
    path = list(col.path)
    measure = ""
    if path and path[-1] in _MEASURES:
        measure = path.pop()
    for k, part in enumerate(path):
        if total_word(part) and part in ("合计", "小计", "总计"):
            return (_key(path[k - 1]) if k > 0 else _key(part)), measure
    return (_key(path[-1]) if path else ""), measure


def _resolve(
    aliases: Sequence[str],
    items: list[tuple[str, T]],
    used: set[int],
    is_ancestor: Callable[[T, T], bool],
    unless: Sequence[str] = (),
) -> tuple[T | None, bool]:
    """The one item an alias list names (and no word of `unless`): (item, True); none: (None, True); several:
    (None, False)."""
    found = [
        (k, it) for k, it in items
        if id(it) not in used and any(a in k for a in aliases) and not any(u in k for u in unless)
    ]
    if len(found) > 1:
        exact = [(k, it) for k, it in found if k in aliases]
        if len(exact) == 1:
            found = exact
    if len(found) > 1:
        # a group and its members: the group's own line or 小计 column is the one meant
        top = [(k, it) for k, it in found if not any(other is not it and is_ancestor(other, it) for _, other in found)]
        if len(top) == 1:
            found = top
    if len(found) > 1:
        return None, False
    return (found[0][1] if found else None), True


def _terms_of(dec: Decomposition) -> list[tuple[int, tuple[str, ...]]]:
    return [(1, p) for p in dec.parts] + [(-1, p) for p in dec.minus]


def _optional(dec: Decomposition, aliases: tuple[str, ...]) -> bool:
    return any(a in dec.optional for a in aliases)


def _resolve_all(dec: Decomposition, items: list[tuple[str, T]], is_ancestor) -> tuple[T, list[tuple[int, T]]] | None:
    total, ok = _resolve(dec.total, items, set(), is_ancestor, dec.unless)
    if total is None or not ok:
        return None
    used = {id(total)}
    terms: list[tuple[int, T]] = []
    for sign, aliases in _terms_of(dec):
        item, ok = _resolve(aliases, items, used, is_ancestor)
        if not ok:
            return None
        if item is None:
            if _optional(dec, aliases):
                continue
            return None
        used.add(id(item))
        terms.append((sign, item))
    return (total, terms) if terms else None


def _line_ancestor(a: Line, b: Line) -> bool:
    p = b.parent
    while p is not None:
        if p is a:
            return True
        p = p.parent
    return False


def _column_ancestor(a: Column, b: Column) -> bool:
    for k, part in enumerate(a.path):
        if part in ("合计", "小计", "总计") and k > 0:
            group = a.path[:k]
            return b.path[: len(group)] == group and b is not a
    return False


def _paired_column(col: Column, side: Side, other: Side) -> Column | None:
    """The column of another side that holds the same measure: same heading leaf, else the first one."""
    usable = [c for c in other.values if _usable(c)]
    same = [c for c in usable if c.leaf == col.leaf]
    if len(same) == 1:
        return same[0]
    mine = [c for c in side.values if _usable(c)]
    if usable and mine and col is mine[0]:
        return usable[0]
    return None


def _line_claims(view: TableView, decompositions: Sequence[Decomposition]) -> list[TableClaim]:
    items: list[tuple[str, Line]] = []
    for side in view.sides:
        items.extend((_line_key(ln, side), ln) for ln in side.lines if not ln.code)
    items = _named(items, decompositions)
    out: list[TableClaim] = []
    for dec in decompositions:
        resolved = _resolve_all(dec, items, _line_ancestor)
        if resolved is None:
            continue
        total_line, terms = resolved
        side = view.sides[total_line.side]

        def pair(col: Column, line: Line, side: Side = side) -> Column | None:
            return col if line.side == side.index else _paired_column(col, side, view.sides[line.side])

        out.extend(_sum_claims(view, side, "identity", "table-identity", total_line, terms, dec.name, f"identity:{dec.name}", pair))
    return out


def _column_claims(view: TableView, decompositions: Sequence[Decomposition]) -> list[TableClaim]:
    out: list[TableClaim] = []
    for side in view.sides:
        by_measure: dict[str, list[tuple[str, Column]]] = {}
        for col in side.values:
            if _usable(col):
                name, measure = _column_name(col)
                if name:
                    by_measure.setdefault(measure, []).append((name, col))
        for measure, items in by_measure.items():
            for dec in decompositions:
                resolved = _resolve_all(dec, items, _column_ancestor)
                if resolved is None:
                    continue
                total_col, terms = resolved
                for line in side.lines:
                    fig: Figure | None = line.values.get(total_col.index)
                    if fig is None or not fig.is_number or line.elision:
                        continue
                    figs = [(sign, c, line.values.get(c.index)) for sign, c in terms]
                    if any(f is None for _, _, f in figs) or not any(f.is_number for _, _, f in figs if f is not None):
                        continue
                    built = [Term(sign=sign, cell=cell_ref(view, f, line, c)) for sign, c, f in figs if f is not None]
                    total = cell_ref(view, fig, line, total_col)
                    out.append(_claim(view, "identity", "table-identity", total, built, dec.name, f"identity:{dec.name}:{measure}"))
    return out


def identity_claims(view: TableView, decompositions: Sequence[Decomposition]) -> list[TableClaim]:
    return _line_claims(view, decompositions) + _column_claims(view, decompositions)


def _named(items: list[tuple[str, T]], decompositions: Sequence[Decomposition]) -> list[tuple[str, T]]:
    """Only the items some identity names: a long table is scanned once, not once per identity."""
    aliases = {a for dec in decompositions for group in (dec.total, *dec.parts, *dec.minus) for a in group}
    if not aliases:
        return []
    pattern = re.compile("|".join(sorted(map(re.escape, aliases), key=len, reverse=True)))
    return [(k, it) for k, it in items if pattern.search(k)]
