"""Where the figures of a short row go: the only placements that keep the row's own identities.

A flattened row that lost its blank cells (``31.47 19.86 30.67 19.56 30.67 19.56 0.80
0.30`` under twelve columns of a 三公 table) can often be put back by arithmetic:
the columns of one header group add up to its 合计 / 小计 column, and only one
order-preserving placement of the figures satisfies every such sum. Where several
placements remain, only the columns on which they all agree are placed.
Rounding is honoured: a sum holds when the written precision allows it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from itertools import combinations

# A short row of a very wide table could be placed in too many ways to try them all.
MAX_PLACEMENTS = 5000
_TOTALS = ("合计", "小计", "总计")
_MEASURES = ("预算数", "决算数", "执行数", "调整预算数", "年初预算数")

Sum = tuple[int, tuple[int, ...]]  # (total column, part columns), indexes into a side's value columns


def column_sums(paths: list[tuple[str, ...]], total_first: bool) -> list[Sum]:
    """The sums a side's header declares: a 合计/小计 column is the total of its sibling groups, per measure."""
    out: list[Sum] = []
    if total_first and len(paths) > 1:
        out.append((0, tuple(range(1, len(paths)))))
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
            out.append((k, tuple(sorted(parts))))
    return out


def _bounds(text: str) -> tuple[Decimal, Decimal] | None:
    raw = text.replace(",", "").rstrip("%")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    places = len(raw.split(".", 1)[1]) if "." in raw else 0
    half = Decimal(1).scaleb(-places) / 2 if places else Decimal(0)
    return value - half, value + half


def _holds(values: dict[int, tuple[Decimal, Decimal]], sums: list[Sum]) -> bool:
    zero = (Decimal(0), Decimal(0))
    for total, parts in sums:
        t = values.get(total, zero)
        lo = sum(values.get(p, zero)[0] for p in parts)
        hi = sum(values.get(p, zero)[1] for p in parts)
        if t[1] < lo or t[0] > hi:
            return False
    return True


def place(figures: list[str], width: int, sums: list[Sum]) -> list[int | str]:
    """What each of a side's columns holds: the index of its figure, "blank", or "unknown".

    A column is placed where every placement that keeps the sums agrees on it.
    """
    k = len(figures)
    if k == width:
        return list(range(k))
    unknown: list[int | str] = ["unknown"] * width
    bounds = [_bounds(f) for f in figures]
    if k > width or not sums or any(b is None for b in bounds):
        return unknown
    survivors: list[tuple[int, ...]] = []
    for n, cols in enumerate(combinations(range(width), k)):
        if n >= MAX_PLACEMENTS:
            return unknown
        if _holds({c: b for c, b in zip(cols, bounds, strict=True)}, sums):
            survivors.append(cols)
    if not survivors:
        return unknown
    out: list[int | str] = []
    for c in range(width):
        held = {s.index(c) if c in s else -1 for s in survivors}
        if len(held) > 1:
            out.append("unknown")
        else:
            i = held.pop()
            out.append("blank" if i < 0 else i)
    return out
