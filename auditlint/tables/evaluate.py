"""Recompute table claims with interval arithmetic, and find the one cell behind several failures.

A wrong figure in a table rarely breaks one identity only: a mistyped 项 breaks
its line's 合计 column and its 款's sum at once. When a single cell can be
corrected so that every identity it takes part in holds again, that cell is the
likely culprit, and the failures it explains are reported at it, once.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..numbers import HUNDRED, Interval, quantize, ratio
from .claims import TableCell, TableClaim

ZERO = Decimal(0)
_MIN_FAMILY_FAILURES = 3  # a family failing this often, in most of its instances, was misread


@dataclass
class Outcome:
    claim: TableClaim
    status: str  # ok | fail | na
    parts: Interval | None = None
    total: Interval | None = None
    reason: str = ""
    percent: bool = False  # a ratio compared as a percentage


@dataclass
class Culprit:
    """One cell that, corrected, makes several failing identities hold."""

    cell: TableCell
    explains: list[Outcome]
    corrected: Interval


@dataclass
class TableVerdicts:
    claims: list[TableClaim] = field(default_factory=list)  # the table claims, in the disclosure's order
    outcomes: dict[int, Outcome] = field(default_factory=dict)  # id(claim) -> outcome
    culprits: list[Culprit] = field(default_factory=list)
    located: dict[int, Culprit] = field(default_factory=dict)  # id(claim) -> its culprit


def cell_interval(cell: TableCell) -> Interval | None:
    """What a cell may stand for: a blank is nothing (0); words or a placeholder, unknown."""
    if cell.state == "blank":
        return Interval.exact(ZERO)
    if cell.state != "number" or cell.quantity is None:
        return None
    q = cell.quantity
    return q.yuan if q.kind == "money" else q.interval


def _comparable(cells: list[TableCell]) -> bool:
    kinds = {c.quantity.kind for c in cells if c.quantity is not None}
    return len(kinds) <= 1 or kinds <= {"money"}


def _sum(terms) -> Interval | None:
    acc = Interval.exact(ZERO)
    for t in terms:
        iv = cell_interval(t.cell)
        if iv is None:
            return None
        acc = acc + (iv if t.sign > 0 else -iv)
    return acc


_LOOSE = re.compile(r"^[\d,.\-%]*$")


def _why_unknown(terms) -> str:
    """Why a sum cannot be recomputed: a figure whose column a flattened row no longer shows, or words."""
    if any(t.cell.state == "unknown" and _LOOSE.match(t.cell.text.strip()) for t in terms):
        return "有数字在平铺的表格行中看不出属于哪一栏"
    return "有单元格是文字或占位符"


def recompute(claim: TableClaim) -> Outcome:
    total = cell_interval(claim.total)
    if total is None:
        return Outcome(claim, "na", reason="合计单元格不是数字")
    cells = [t.cell for t in claim.terms + claim.denominator]
    if not _comparable([claim.total, *cells]) and not claim.denominator:
        return Outcome(claim, "na", reason="各单元格的单位不一致")
    parts = _sum(claim.terms)
    if parts is None:
        return Outcome(claim, "na", reason=_why_unknown(claim.terms))
    if not claim.denominator:
        return Outcome(claim, "ok" if parts.overlaps(total) else "fail", parts, total)
    den = _sum(claim.denominator)
    if den is None:
        return Outcome(claim, "na", reason=_why_unknown(claim.denominator))
    r = ratio(parts, den)
    if r is None:
        return Outcome(claim, "na", reason="分母为零或为空")
    q = claim.total.quantity
    as_percent = r.scale(HUNDRED)
    if q is not None and q.unit == "%":
        return Outcome(claim, "ok" if as_percent.overlaps(q.interval) else "fail", as_percent, q.interval, percent=True)
    # a bare figure in a ratio column may be written as a ratio (1) or as a percentage (100)
    own = q.interval if q is not None else total
    if r.overlaps(own) or as_percent.overlaps(own):
        return Outcome(claim, "ok", r, own)
    return Outcome(claim, "fail", as_percent if own.lo > 2 else r, own, percent=own.lo > 2)


def _levels_together(claim: TableClaim, parts: Interval | None, total: Interval | None) -> bool:
    """A 合计 line under 科目 lines that came without their codes: 类, 款 and 项 lines each count every amount
    once, so all the lines above make two or three times the total, and which of them it adds is not known."""
    if parts is None or total is None or claim.denominator:
        return False
    if claim.kind != "table-total" or claim.axis != "row" or len(claim.terms) < 3:
        return False
    if any(t.cell.line[:1].isdigit() for t in claim.terms):
        return False  # coded lines: their levels are known, and only the top ones were added
    return any(parts.overlaps(total.scale(Decimal(k))) for k in (2, 3))


def _allowed_shift(o: Outcome, cell: TableCell) -> Interval | None:
    """The corrections δ of `cell` that make the claim hold (None: the cell is not a plain term)."""
    claim = o.claim
    if claim.denominator or o.parts is None or o.total is None:
        return None
    p, t = o.parts, o.total
    if claim.total.key == cell.key:
        return Interval(p.lo - t.hi, p.hi - t.lo)
    for term in claim.terms:
        if term.cell.key == cell.key:
            lo, hi = t.lo - p.hi, t.hi - p.lo
            return Interval(lo, hi) if term.sign > 0 else Interval(-hi, -lo)
    return None


def _intersect(a: Interval, b: Interval) -> Interval | None:
    lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
    return Interval(lo, hi) if lo <= hi else None


def _guard_families(outcomes: list[Outcome]) -> None:
    """An identity that fails in most of the lines it is stated for was read from a misunderstood header."""
    by_family: dict[tuple[int, str], list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_family[(o.claim.table, o.claim.family)].append(o)
    for members in by_family.values():
        fails = [o for o in members if o.status == "fail"]
        assessed = [o for o in members if o.status != "na"]
        if len(fails) >= _MIN_FAMILY_FAILURES and len(fails) * 2 > len(assessed):
            for o in fails:
                o.status, o.reason = "na", "该关系在本表多数行/列均不成立，表头可能未被正确理解，未作判断"


def _culprits(outcomes: list[Outcome]) -> list[Culprit]:
    involving: dict[tuple[int, int, int], list[Outcome]] = defaultdict(list)
    cells: dict[tuple[int, int, int], TableCell] = {}
    for o in outcomes:
        if o.status == "na" or o.claim.denominator:
            continue
        for c in [o.claim.total, *(t.cell for t in o.claim.terms)]:
            if c.state == "number":
                involving[c.key].append(o)
                cells[c.key] = c
    candidates: list[Culprit] = []
    for key, os in involving.items():
        failing = [o for o in os if o.status == "fail"]
        if len(failing) < 2:
            continue
        allowed: Interval | None = None
        for o in os:
            shift = _allowed_shift(o, cells[key])
            if shift is None:
                allowed = None
                break
            allowed = shift if allowed is None else _intersect(allowed, shift)
            if allowed is None:
                break
        if allowed is None or allowed.contains(ZERO):
            continue
        own = cell_interval(cells[key])
        assert own is not None
        candidates.append(Culprit(cell=cells[key], explains=failing, corrected=own + allowed))
    candidates.sort(key=lambda c: -len(c.explains))
    explaining: Counter[frozenset[int]] = Counter(frozenset(id(o) for o in c.explains) for c in candidates)
    chosen: list[Culprit] = []
    taken: set[int] = set()
    for cand in candidates:
        ids = frozenset(id(o) for o in cand.explains)
        # another cell explaining exactly the same failures makes the choice a guess
        if ids & taken or explaining[ids] > 1:
            continue
        chosen.append(cand)
        taken |= ids
    return chosen


def evaluate_claims(claims: list[TableClaim]) -> TableVerdicts:
    verdicts = TableVerdicts(claims=claims)
    by_table: dict[int, list[Outcome]] = defaultdict(list)
    for claim in claims:
        o = recompute(claim)
        verdicts.outcomes[id(claim)] = o
        by_table[claim.table].append(o)
    for outcomes in by_table.values():
        _guard_families(outcomes)
        for o in outcomes:
            # (after the guard: these still count among a family's failures, as they did before they were known)
            if o.status == "fail" and _levels_together(o.claim, o.parts, o.total):
                o.status, o.reason = "na", "各行似为同一组科目的类、款、项一并列出（没有科目编码可分层级），合计不是各行之和"
        for culprit in _culprits(outcomes):
            verdicts.culprits.append(culprit)
            for o in culprit.explains:
                verdicts.located[id(o.claim)] = culprit
    return verdicts


def rounded(iv: Interval, places: int) -> Decimal | None:
    """The single figure at `places` decimals an exact range rounds to, or None if it straddles."""
    lo, hi = quantize(iv.lo, places), quantize(iv.hi, places)
    return lo if lo == hi else None
