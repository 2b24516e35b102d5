"""Where the figures of a short row go: the only placements that keep the row's own identities.

A flattened row that lost its blank cells (``31.47 19.86 30.67 19.56 30.67 19.56 0.80
0.30`` under twelve columns of a 三公 table) can often be put back by arithmetic:
the columns of one header group add up to its 合计 / 小计 column, and only one
order-preserving placement of the figures satisfies every such sum. Where several
placements remain, only the columns on which they all agree are placed.
Rounding is honoured: a sum holds when the written precision allows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import combinations, product

# A short row of a very wide table could be placed in too many ways to try them all.
MAX_PLACEMENTS = 5000
_TOTALS = ("合计", "小计", "总计")
_MEASURES = ("预算数", "决算数", "执行数", "调整预算数", "年初预算数")

# Columns on the left add up to the columns on the right (indexes into a side's value columns):
# ((合计,), (基本支出, 项目支出)), or ((年末结转和结余, 本年支出), (年初结转和结余, 本年收入)).
Sum = tuple[tuple[int, ...], tuple[int, ...]]


def column_sums(paths: list[tuple[str, ...]], total_first: bool, formulas: tuple[str, ...] = ()) -> list[Sum]:
    """The sums a side's header declares: a 合计/小计 column is the total of its sibling groups, per measure;
    and those a template states for the side ("年末结转和结余 = 年初结转和结余 + 本年收入 - 本年支出/合计")."""
    out: list[Sum] = []
    if total_first and len(paths) > 1:
        out.append(((0,), tuple(range(1, len(paths)))))
    out.extend(f for f in (_formula(text, paths) for text in formulas) if f is not None)
    by_measure: dict[str, list[int]] = {}
    for k, path in enumerate(paths):
        measure = path[-1] if path and path[-1] in _MEASURES else ""
        by_measure.setdefault(measure, []).append(k)
    for measure, cols in by_measure.items():
        stripped = {k: paths[k][:-1] if measure else paths[k] for k in cols}
        out.extend(_tree_sums(stripped))
    return list(dict.fromkeys(out))


def _tree_sums(paths: dict[int, tuple[str, ...]]) -> list[Sum]:
    out: list[Sum] = []
    for k, path in paths.items():
        if not path or path[-1] not in _TOTALS:
            continue
        group = path[:-1]
        depth = len(group)
        # the group's other members: one column per child (a child group counts by its own 小计)
        parts: list[int] = []
        seen: set[str] = set()
        for j, other in paths.items():
            if j == k or other[:depth] != group or len(other) <= depth:
                continue
            child = other[depth]
            if child in seen:
                continue
            if len(other) == depth + 1:
                parts.append(j)
                seen.add(child)
            else:
                sub = next((m for m, p in paths.items() if p == (*group, child, "小计") or p == (*group, child, "合计")), None)
                if sub is not None:
                    parts.append(sub)
                    seen.add(child)
        if parts:
            out.append(((k,), tuple(sorted(parts))))
    return out


def _formula(text: str, paths: list[tuple[str, ...]]) -> Sum | None:
    """"A = B + C - D" over the side's column names (a header path written with "/"), as (A, D) = (B, C)."""
    names = {"/".join(p): k for k, p in enumerate(paths)}
    left_text, _, right_text = text.partition("=")
    left, right = [], []
    for side, expr in ((left, left_text), (right, right_text)):
        for sign, name in re.findall(r"([+-]?)\s*([^+\-=]+)", expr.strip()):
            name = name.strip()
            if name not in names:
                return None
            other = right if side is left else left
            (other if sign == "-" else side).append(names[name])
    return (tuple(left), tuple(right)) if left and right else None


Bounds = tuple[Decimal, Decimal]
Placement = tuple[int, ...]  # the column of each figure of a row, in order


def bounds(text: str) -> Bounds | None:
    """The exact values a written figure may stand for (rounding to its last place)."""
    raw = text.replace(",", "").rstrip("%")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    places = len(raw.split(".", 1)[1]) if "." in raw else 0
    half = Decimal(1).scaleb(-places) / 2 if places else Decimal(0)
    return value - half, value + half


_ZERO: Bounds = (Decimal(0), Decimal(0))


def _holds(values: dict[int, Bounds], sums: list[Sum]) -> bool:
    for left, right in sums:
        lo = sum(values.get(p, _ZERO)[0] for p in right) - sum(values.get(p, _ZERO)[1] for p in left)
        hi = sum(values.get(p, _ZERO)[1] for p in right) - sum(values.get(p, _ZERO)[0] for p in left)
        if lo > 0 or hi < 0:
            return False
    return True


def candidates(figures: list[str], width: int, sums: list[Sum], total_first: bool) -> list[Placement] | None:
    """The order-preserving placements of a row's figures that keep the side's sums.

    None: nothing can be said (too many placements, or figures that are not numbers);
    []: no placement keeps them (the row is wrong whichever columns its figures are in).
    """
    k = len(figures)
    if k == width:
        return [tuple(range(k))]
    found = [bounds(f) for f in figures]
    if k > width or any(b is None for b in found):
        return None
    out: list[Placement] = []
    for n, cols in enumerate(combinations(range(width), k)):
        if n >= MAX_PLACEMENTS:
            return None
        if total_first and cols[0] != 0:
            break  # combinations come in order: the rest leave the total column empty
        if _holds(dict(zip(cols, found, strict=True)), sums):
            out.append(cols)
    return out


@dataclass
class RowPlacements:
    """What is known of one row's figures: their values and the placements still possible."""

    values: list[Bounds]
    options: list[Placement] | None  # None: unknown

    def column_value(self, option: Placement, col: int) -> Bounds:
        return self.values[option.index(col)] if col in option else _ZERO


# Families whose placements are tried together; more combinations than this are left alone.
MAX_COMBINATIONS = 20000


def prune(rows: list[RowPlacements], families: list[tuple[int, list[int]]], width: int) -> None:
    """Keep only placements that let each parent equal the sum of its children in every column.

    A family with no consistent combination (a wrong figure somewhere) prunes nothing.
    """
    for _ in range(6):
        changed = False
        for parent, children in families:
            members = [parent, *children]
            if any(rows[m].options is None or not rows[m].options for m in members):
                continue
            sizes = 1
            for m in members:
                sizes *= len(rows[m].options)
            if sizes == 1 or sizes > MAX_COMBINATIONS:
                continue
            kept: list[set[Placement]] = [set() for _ in members]
            for combo in product(*(rows[m].options for m in members)):
                if _family_holds(rows, members, combo, width):
                    for i, option in enumerate(combo):
                        kept[i].add(option)
            if not kept[0]:
                continue
            for i, m in enumerate(members):
                narrowed = [o for o in rows[m].options if o in kept[i]]
                if len(narrowed) < len(rows[m].options):
                    rows[m].options = narrowed
                    changed = True
        if not changed:
            return


def _family_holds(rows: list[RowPlacements], members: list[int], combo: tuple[Placement, ...], width: int) -> bool:
    parent = rows[members[0]]
    for col in range(width):
        total = parent.column_value(combo[0], col)
        lo = hi = Decimal(0)
        for m, option in zip(members[1:], combo[1:], strict=True):
            lo_, hi_ = rows[m].column_value(option, col)
            lo += lo_
            hi += hi_
        if total[1] < lo or total[0] > hi:
            return False
    return True


def settled(row: RowPlacements, width: int) -> list[int | str]:
    """Each column: the index of the figure it certainly holds, "blank", or "unknown"."""
    if not row.options:
        return ["unknown"] * width
    out: list[int | str] = []
    for c in range(width):
        held = {o.index(c) if c in o else -1 for o in row.options}
        if len(held) > 1:
            out.append("unknown")
        else:
            i = held.pop()
            out.append("blank" if i < 0 else i)
    return out
