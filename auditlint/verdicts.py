"""Verdicts: the arithmetic of every claim kind — what its figures imply, whether it holds, how a value is shown.

A claim carries what the text says (model.py); a verdict here says what the figures
make of it: the expected value as an interval of exact values, or why it cannot be
assessed (a term missing, a base of zero), whether the stated value lies within
rounding of it, and whether one amount written in 元 for 万元 (or the reverse) alone
explains a claim that does not hold. Rules word the findings and import this
through auditlint.rulekit; nothing here knows about rules, and this module imports
only the model and numbers. (Table claims are recomputed in tables/evaluate.py,
where a failing cell is also located; the verdicts are in Disclosure.table_verdicts.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from .model import ChangeClaim, Claim, CompositionClaim, Direction, Quantity, RateClaim, ShareClaim
from .numbers import HUNDRED, MONEY_SCALE, ZERO, Interval, percent_of, quantize, ratio

# ----------------------------------------------------------------------- figures


def interval_of(q: Quantity) -> Interval:
    """A money figure in 元, anything else in its own unit."""
    return q.yuan if q.kind == "money" else q.interval


def magnitude(q: Quantity) -> Interval:
    """The exact sizes a figure may stand for, whatever its sign ("减少-97,121.12" is a change of 97,121.12)."""
    iv = interval_of(q)
    return Interval(abs(iv.lo), abs(iv.hi)) if iv.lo >= 0 or iv.hi <= 0 else Interval(ZERO, max(-iv.lo, iv.hi))


def total_of(figures: Iterable[Quantity]) -> Interval:
    """The exact values a sum of written figures may take (money in 元)."""
    total = Interval.exact(ZERO)
    for q in figures:
        total = total + interval_of(q)
    return total


def sign_of_difference(a: Interval, b: Interval) -> Direction:
    """1 when a is surely the larger, -1 when surely the smaller, 0 when rounding admits either order."""
    diff = a - b
    if diff.lo > 0:
        return 1
    if diff.hi < 0:
        return -1
    return 0


def common(intervals: Sequence[Interval]) -> Interval | None:
    """The values every interval admits, or None when they have none in common."""
    lo, hi = max(i.lo for i in intervals), min(i.hi for i in intervals)
    return Interval(lo, hi) if lo <= hi else None


# ------------------------------------------------------------------ how shown


def digits(value: Decimal, places: int, grouped: bool) -> str:
    """A value's digits at a precision, with thousands separators when the figure it stands for has them."""
    return f"{value:,.{places}f}" if grouped else f"{value:.{places}f}"


def amount(q: Quantity) -> str:
    """A figure as a reviewer would quote it: its value as written, and its unit."""
    value = q.value if q.value else abs(q.value)  # no "-0"
    unit = q.unit if q.unit != "%" else "%"
    sep = "" if unit == "%" else " "
    return f"{digits(value, q.places, q.grouped)}{sep}{unit}".strip()


def in_unit(value: Decimal, unit: str, places: int = 2) -> str:
    """A value given in 元 written in a report's unit: 396700 -> '39.67 万元'."""
    scaled = quantize(value / MONEY_SCALE[unit] if unit in MONEY_SCALE else value, places)
    return f"{digits(scaled, places, abs(scaled) >= 1000)} {unit}".strip()


def in_unit_of(value: Decimal, like: Quantity) -> str:
    """A value (in 元 for money) written in the unit and precision of a figure."""
    if like.kind == "money":
        return in_unit(value, like.unit, like.places)
    return f"{value:.{like.places}f}{like.unit}"


def percent(value: Decimal, places: int) -> str:
    return f"{quantize(value, places):.{places}f}%"


def rounded_text(interval: Interval, places: int) -> str | None:
    """The one way to write an exact range at a precision, or None if it straddles a rounding boundary."""
    lo, hi = quantize(interval.lo, places), quantize(interval.hi, places)
    if lo != hi:
        return None
    return f"{lo:.{places}f}"


@dataclass(frozen=True)
class Shown:
    """An expected value as a finding writes it: the figure, and the text of a fix when it is certain."""

    text: str
    certain: str | None  # the one rounding of the expected range at the stated precision, if there is one


def shown(expected: Interval, places: int, nominal: Decimal | None = None) -> Shown:
    """An expected range at a stated figure's precision; where it straddles a rounding boundary, one more place,
    of the quotient of the figures as written (nominal) when it is given: "1.71 ÷ 3 = 57.0%", where the range a
    whole 3 stands for (2.5 to 3.5) is wide and its middle, 58.7%, is no quotient a reader can redo."""
    certain = rounded_text(expected, places)
    if certain is not None:
        return Shown(certain, certain)
    if nominal is not None and expected.contains(nominal):
        return Shown(f"{quantize(nominal, places + 1):.{places + 1}f}", None)
    return Shown(f"{expected.mid:.{places + 1}f}", None)


def nominal_percent(part: Quantity, whole: Quantity) -> Decimal | None:
    """part ÷ whole × 100 of the figures as written (money in 元); None when whole is zero."""
    den = interval_of(whole).mid
    return None if den == 0 else interval_of(part).mid / den * HUNDRED


# ----------------------------------------------------------------------- changes


def _amount_like(q: Quantity | None, current: Quantity | None) -> bool:
    """An amount of money, or a count of the same things as the current figure (人次 and 人次)."""
    if q is None:
        return False
    if q.kind == "money":
        return True
    return q.kind == "count" and current is not None and current.kind == "count" and current.unit == q.unit


def _prior(claim: ChangeClaim) -> tuple[Interval | None, bool]:
    """Last year's (or the budget) figure: stated, or implied by current ∓ change. Second: was it stated."""
    if _amount_like(claim.prior, claim.current):
        return interval_of(claim.prior), True  # type: ignore[arg-type]
    if claim.current is None or claim.delta is None or claim.delta.kind != claim.current.kind:
        return None, False
    if not _amount_like(claim.delta, claim.current):
        return None, False
    sign = claim.delta_direction
    if sign == 0:
        return None, False
    current = interval_of(claim.current)
    change = magnitude(claim.delta)
    return (current - change if sign > 0 else current + change), False


def change_unit(claim: ChangeClaim) -> str:
    """The unit a change's amounts are in (the first money figure's), or the unit of the things counted."""
    for q in (claim.current, claim.prior, claim.delta):
        if q is not None and q.kind == "money":
            return q.unit
    if _amount_like(claim.delta, claim.current):
        return claim.current.unit  # type: ignore[union-attr]
    return ""


@dataclass(frozen=True, slots=True)
class ChangeRate:
    """A change's rate recomputed: last year's (or the budget) figure, and the rate the figures imply (%)."""

    prior: Interval | None
    expected: Interval | None
    reason: str = ""  # why there is no expected rate

    def holds(self, rate: Quantity, tolerance: Decimal = ZERO) -> bool | None:
        """Whether a stated rate is the implied one, within rounding and a tolerance (None: not assessable)."""
        if self.expected is None:
            return None
        return self.expected.widen(tolerance).overlaps(magnitude(rate))


def change_rate(claim: ChangeClaim) -> ChangeRate:
    """The rate a change's figures imply: its amount over last year's figure, stated or implied."""
    prior, stated = _prior(claim)
    change: Interval | None = None
    if _amount_like(claim.delta, claim.current):
        change = magnitude(claim.delta)  # type: ignore[arg-type]
    elif claim.current is not None and prior is not None and stated:
        diff = interval_of(claim.current) - prior
        change = Interval(min(abs(diff.lo), abs(diff.hi)), max(abs(diff.lo), abs(diff.hi)))
    if prior is None or change is None:
        return ChangeRate(None, None, "缺少本年数或上年数")
    expected = percent_of(change, prior)
    if expected is None:
        return ChangeRate(prior, None, "上年数为零，无法计算变动率")
    return ChangeRate(prior, expected)


def rate_of_stated_figures(claim: ChangeClaim) -> ChangeRate:
    """The rate the two stated figures imply, leaving the stated change aside: |current − prior| ÷ prior."""
    if claim.current is None or claim.prior is None or {claim.current.kind, claim.prior.kind} != {"money"}:
        return ChangeRate(None, None, "缺少本年数或上年数")
    return change_rate(claim.model_copy(update={"delta": None}))


def change_amount_holds(claim: ChangeClaim) -> bool | None:
    """Whether a stated change is the difference of the two stated figures (None: not assessable)."""
    if claim.current is None or claim.prior is None or claim.delta is None:
        return None
    if {claim.current.kind, claim.prior.kind, claim.delta.kind} != {"money"}:
        return None
    diff = interval_of(claim.current) - interval_of(claim.prior)
    size = Interval(min(abs(diff.lo), abs(diff.hi)), max(abs(diff.lo), abs(diff.hi)))
    if diff.lo <= 0 <= diff.hi:
        size = Interval(ZERO, size.hi)
    return size.overlaps(magnitude(claim.delta))


def change_amount_expected(claim: ChangeClaim) -> Decimal:
    """The difference of the two stated figures, in the unit of the stated change (money only)."""
    assert claim.current is not None and claim.prior is not None and claim.delta is not None
    return abs(claim.current.yuan_value - claim.prior.yuan_value) / MONEY_SCALE[claim.delta.unit]


def increase_exceeds_current(claim: ChangeClaim) -> bool | None:
    """增加 D with no prior stated: whether D is surely larger than the current figure X (the prior X − D below zero).
    None: not such a claim. A prior of exactly zero (a new unit, a new item) is possible."""
    current, delta = claim.current, claim.delta
    if claim.prior is not None or current is None or delta is None or claim.delta_word is None:
        return None
    if current.kind != "money" or delta.kind != "money" or delta.value < 0 or claim.delta_direction <= 0:
        return None
    return (interval_of(current) - interval_of(delta)).hi < 0


def figures_direction(claim: ChangeClaim) -> Direction | None:
    """Which way the two stated amounts of a change go (0: rounding admits either); None without both amounts."""
    if claim.current is None or claim.prior is None:
        return None
    if claim.current.kind != "money" or claim.prior.kind != "money":
        return None
    return sign_of_difference(interval_of(claim.current), interval_of(claim.prior))


# ------------------------------------------------------------------------ shares


def _share_base_comparable(claim: ShareClaim) -> bool:
    if claim.total is None:
        return False
    if claim.part.kind == "money":
        return claim.total.kind == "money"
    return claim.part.kind == "count" and claim.part.unit == claim.total.unit


@dataclass(frozen=True)
class Expected:
    """The value a claim's figures imply (an interval of exact values), or why there is none."""

    value: Interval | None
    reason: str = ""

    def holds(self, stated: Interval, tolerance: Decimal = ZERO) -> bool | None:
        if self.value is None:
            return None
        return self.value.widen(tolerance).overlaps(stated)


def share(claim: ShareClaim) -> Expected:
    """The share a part is of its total, in %."""
    if not _share_base_comparable(claim):
        return Expected(None, "找不到占比的基数")
    expected = percent_of(interval_of(claim.part), interval_of(claim.total))  # type: ignore[arg-type]
    if expected is None:
        return Expected(None, "基数为零")
    return Expected(expected)


def implied_base(claim: ShareClaim, tolerance: Decimal = ZERO) -> Interval | None:
    """The total a share implies (part ÷ share, money in 元), allowing for the rounding of both and a tolerance."""
    if claim.share.value <= 0:
        return None
    stated = claim.share.interval.widen(tolerance)
    base = ratio(interval_of(claim.part), stated)
    return None if base is None else base.scale(HUNDRED)


def odd_share_out(claims: Sequence[ShareClaim], tolerance: Decimal = ZERO) -> tuple[ShareClaim, Interval] | None:
    """Among shares of one named total the text does not state ("基本支出 A 元，占一般公共预算支出的 84.06%";
    "项目支出 B 元，占一般公共预算支出的 19.62%"), the one whose implied total no other agrees with, and the
    total the others imply; None when they agree or it cannot be told which one is out."""
    if sum((c.share.value for c in claims), ZERO) == HUNDRED:
        # shares nudged by one unit in the last place so the list reads exactly 100% (largest remainder)
        tolerance += Decimal(1).scaleb(-max(c.share.places for c in claims))
    bases = [implied_base(c, tolerance) for c in claims]
    if len(claims) < 2 or any(b is None for b in bases):
        return None
    out = []
    for i, claim in enumerate(claims):
        others = [b for j, b in enumerate(bases) if j != i]
        common = _intersection(others)  # type: ignore[arg-type]
        if common is not None and not common.overlaps(bases[i]):  # type: ignore[arg-type]
            out.append((claim, common))
    if len(claims) == 2 and len(out) == 2:
        return out[1]  # two shares that cannot both hold: noted at the second, the first cited
    return out[0] if len(out) == 1 else None


def _intersection(intervals: Sequence[Interval]) -> Interval | None:
    lo, hi = max(i.lo for i in intervals), min(i.hi for i in intervals)
    return Interval(lo, hi) if lo <= hi else None


def forced_to_hundred(claims: Sequence[ShareClaim]) -> bool:
    """Shares nudged by one unit so the list reads exactly 100% (largest-remainder practice)."""
    if len(claims) < 2 or any(c.total is None for c in claims):
        return False
    stated = sum((c.share.value for c in claims), ZERO)
    if stated != 100:
        return False
    proper = ZERO
    for c in claims:
        exact = percent_of(interval_of(c.part), interval_of(c.total))  # type: ignore[arg-type]
        if exact is None:
            return False
        rounded = quantize(exact.mid, c.share.places)
        if abs(rounded - c.share.value) > Decimal(1).scaleb(-c.share.places):
            return False
        proper += rounded
    return proper != 100


# -------------------------------------------------------------- execution rates


def _plans(claim: RateClaim) -> list[Quantity]:
    """The plans the actual figure can be divided by: amounts, or a count target in the actual's unit."""
    if claim.actual is not None and claim.actual.kind == "count":
        return [p for p in claim.plans if p.kind == "count" and p.unit == claim.actual.unit]
    return [p for p in claim.plans if p.kind == "money"]


@dataclass(frozen=True)
class Execution:
    """An execution rate recomputed against each plan it may be measured by (年初, 调整后 …)."""

    candidates: tuple[tuple[Quantity, Interval], ...]  # (plan, actual ÷ plan in %)
    reason: str = ""

    def holds(self, rate: Quantity, tolerance: Decimal = ZERO) -> bool | None:
        """Whether the stated rate is actual ÷ one of the plans (None: not assessable)."""
        if not self.candidates:
            return None
        return any(e.widen(tolerance).overlaps(rate.interval) for _, e in self.candidates)

    def capped(self, claim: RateClaim) -> bool:
        """A count target exceeded with its completion written as 100%: the capping convention, not a slip."""
        assert claim.actual is not None
        return claim.actual.kind == "count" and claim.rate.value == 100 and all(e.lo > 100 for _, e in self.candidates)

    def preferred(self, claim: RateClaim) -> tuple[Quantity, Interval]:
        """The plan a reader would divide by: 年初 for 完成年初预算, otherwise the last (adjusted) one."""
        return self.candidates[0] if "年初" in claim.rate_kind else self.candidates[-1]


def execution(claim: RateClaim) -> Execution:
    plans = _plans(claim)
    if claim.actual is None or not plans:
        return Execution((), "缺少实际数或预算数")
    candidates = [(p, percent_of(interval_of(claim.actual), interval_of(p))) for p in plans]
    found = tuple((p, e) for p, e in candidates if e is not None)
    return Execution(found, "" if found else "预算数为零")


# ------------------------------------------------------------------ compositions

_PEOPLE = {"人", "名", "人次", "万人", "万人次"}
_SLIP = (Decimal(10000), Decimal(1) / Decimal(10000))
_SWAP = {"元": "万元", "万元": "元"}


def composition_gap(claim: CompositionClaim) -> tuple[Interval, Interval] | None:
    """(sum of parts, total) when they cannot agree; None when they can, or may."""
    parts = total_of(claim.parts)
    total = interval_of(claim.total)
    if parts.overlaps(total):
        return None
    if claim.complete:
        return parts, total
    if claim.measure == "delta":
        return None  # a part left out may have changed the other way: changes of a partial list bound nothing
    exceeds = parts.lo > total.hi
    if not exceeds or claim.total.unit in _PEOPLE or len(claim.parts) < 2:
        return None  # a list that may be partial only errs when its parts exceed the total
    if any(interval_of(p).overlaps(total) for p in claim.parts):
        return None  # a part as large as the whole: overlapping categories (中小企业 / 小微企业), not a slip
    return parts, total


_MONEY_UNITS = ("元", "万元", "亿元")


def slipped_part(claim: CompositionClaim) -> int | None:
    """The part whose unit slip (元, 万元, 亿元 for one another) alone explains the gap, if one does."""
    found = slipped_part_unit(claim)
    return found[0] if found else None


def slipped_part_unit(claim: CompositionClaim) -> tuple[int, str] | None:
    """(the part, the unit it should have) when writing one part in another money unit alone explains the gap."""
    total = interval_of(claim.total)
    for i, part in enumerate(claim.parts):
        if part.kind != "money" or part.value == 0 or total.hi <= 0 or part.unit not in _MONEY_UNITS:
            continue
        others = [p for j, p in enumerate(claim.parts) if j != i]
        for unit in _MONEY_UNITS:
            if unit == part.unit:
                continue
            scaled = interval_of(replace(part, unit=unit))
            if scaled.hi < total.lo / 100:
                continue  # shrinking a part to nothing explains no gap
            if (total_of(others) + scaled).overlaps(total):
                return i, unit
    return None


def slipped_total_unit(claim: CompositionClaim) -> str | None:
    """The unit the total should have when it alone is in 元 for 万元 (or the reverse) and, swapped, equals its parts."""
    total = claim.total
    if total.kind != "money" or total.unit not in _SWAP or total.value == 0 or len(claim.parts) < 2:
        return None
    if any(p.kind != "money" or (p.value and p.unit != _SWAP[total.unit]) for p in claim.parts):
        return None  # a slip is what makes the units differ: every part is in the other unit
    if not total_of(claim.parts).overlaps(interval_of(replace(total, unit=_SWAP[total.unit]))):
        return None
    return _SWAP[total.unit]


def other_money_unit(unit: str) -> str | None:
    """万元 for 元 and 元 for 万元: the two units a slip confuses."""
    return _SWAP.get(unit)


def scale_slip(a: Interval, b: Interval) -> bool:
    """Whether a is b ten thousand times over (or under): a 万元/元 slip explains the difference."""
    return any(a.scale(f).overlaps(b) for f in _SLIP)


# ----------------------------------------------------------- text against tables


def table_figure(cells: Sequence[Quantity | None]) -> Expected:
    """The figure the tables give a line: the values (in 元) all its cells admit, or why there is none."""
    values = [q.yuan if q is not None and q.kind == "money" else None for q in cells]
    if not values or any(v is None for v in values):
        return Expected(None, "表格数字缺少金额单位")
    both = common(values)  # type: ignore[arg-type]
    if both is None:
        return Expected(None, "各表格之间对该项目的数字不一致")
    return Expected(both)


def leaf_line(line: str) -> bool:
    """A table line of the 科目 no other line adds up to: a 项 (7 digits) or an economic 款 (5 digits, 3xx/5xx)."""
    code = line.split(" ", 1)[0]
    return code.isdigit() and (len(code) == 7 or len(code) == 5 and code[0] in "35")


def table_line_holds(stated: Quantity, table: Interval, leaf: bool) -> bool:
    """Whether a text amount is the tables' figure for its line. A 项 is a figure of its own: one unit apart
    in the last place is two amounts; a 类, a 款 or a total may be the sum of rounded parts in one table and
    the rounded sum in another."""
    return stated.yuan.shares_a_value(table) if leaf else stated.yuan.overlaps(table)


def table_corrections(claims: Iterable[Claim]) -> dict[int, Interval]:
    """Amounts of the text that the tables give another value, by where they start: the tables' value (in 元).
    (Text-table claims: kind "text-table", with the amount `stated` and the table `cells` of its line.)"""
    out: dict[int, Interval] = {}
    for claim in claims:
        if claim.kind != "text-table":
            continue
        stated: Quantity = claim.stated  # type: ignore[attr-defined]
        cells = claim.cells  # type: ignore[attr-defined]
        table = table_figure([c.quantity for c in cells]).value
        if table is not None and stated.kind == "money" and not table_line_holds(stated, table, all(leaf_line(c.line) for c in cells)):
            out[stated.start] = table
    return out


def corrected_part(claim: CompositionClaim, corrections: dict[int, Interval]) -> int | None:
    """The part whose figure the tables correct, and which, corrected, makes the parts add up to the total."""
    total = interval_of(claim.total)
    for i, part in enumerate(claim.parts):
        right = corrections.get(part.start)
        if right is None or part.kind != "money":
            continue
        if part.value < 0:
            right = -right
        others = total_of(p for j, p in enumerate(claim.parts) if j != i)
        if (others + right).overlaps(total):
            return i
    return None


def execution_corrected(claim: RateClaim, corrections: dict[int, Interval]) -> bool:
    """Whether the rate holds once its actual amount is the tables' figure (a wrong actual, not a wrong rate)."""
    if claim.actual is None or claim.actual.start not in corrections:
        return False
    right = corrections[claim.actual.start]
    plans = _plans(claim)
    return any((e := percent_of(right, interval_of(p))) is not None and e.overlaps(claim.rate.interval) for p in plans)


# ------------------------------------------------------------------- unit slips

_SLIP_FIELDS = {"change": ("current", "prior", "delta"), "share": ("part", "total"), "execution": ("actual",)}


def holds(claim: Claim) -> bool | None:
    """A change, share or execution rate tested as written, without tolerance (None: cannot tell)."""
    if isinstance(claim, ChangeClaim):
        rate = change_rate(claim).holds(claim.rate) if claim.rate is not None else None
        verdicts = [v for v in (rate, change_amount_holds(claim)) if v is not None]
        return None if not verdicts else all(verdicts)
    if isinstance(claim, ShareClaim):
        return share(claim).holds(claim.share.interval)
    if isinstance(claim, RateClaim):
        return execution(claim).holds(claim.rate)
    return None


@dataclass(frozen=True)
class UnitSlip:
    """One amount whose unit, swapped between 元 and 万元, alone makes a claim hold."""

    field: str  # the claim's field ("current", "part", "plan0" …)
    figure: Quantity
    right: str  # the unit it should have


#: The claim kinds a unit slip is looked for in.
SLIP_KINDS: tuple[str, ...] = tuple(_SLIP_FIELDS)


def unit_slip(claim: Claim, dominant: str | None = None, fails: bool = False) -> UnitSlip | None:
    """The amount written in 元 for 万元 (or the reverse) that alone explains why a change, share or
    execution rate does not add up.

    Only a claim that mixes 元 and 万元 is considered: a slip is what makes the units differ.
    When either figure's swap would do (a share of 100%), the one not in the report's own
    unit (`dominant`) is the slip. `fails`: the caller has found the claim does not hold as written.
    """
    fields = _SLIP_FIELDS.get(claim.kind, ())
    figures = [(f, getattr(claim, f)) for f in fields if getattr(claim, f, None) is not None]
    if isinstance(claim, RateClaim):
        figures += [(f"plan{i}", p) for i, p in enumerate(claim.plans)]
    money = [(f, q) for f, q in figures if q.kind == "money" and q.unit in _SWAP and q.value]
    if len({q.unit for _, q in money}) < 2 or not (fails or holds(claim) is False):
        return None
    if dominant:
        money.sort(key=lambda figure: figure[1].unit == dominant)  # the figures out of the report's unit first
    for name, q in money:
        swapped = replace(q, unit=_SWAP[q.unit])
        if name.startswith("plan"):
            plans = list(claim.plans)  # type: ignore[attr-defined]
            plans[int(name[4:])] = swapped
            trial = claim.model_copy(update={"plans": plans})
        else:
            trial = claim.model_copy(update={name: swapped})
        if holds(trial):
            return UnitSlip(name, q, _SWAP[q.unit])
    return None
