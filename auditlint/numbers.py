"""Exact arithmetic on rounded figures: written precision, unit scales and intervals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import NamedTuple

#: Money units and their size in 元. Everything is compared in 元, exactly.
MONEY_SCALE: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "亿元": Decimal(100000000),
    "万亿元": Decimal(1000000000000),  # national totals: "全国一般公共预算收入 21.68 万亿元"
}

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def half_ulp(places: int) -> Decimal:
    """Half a unit in the last written place: 474.49 -> 0.005."""
    if 0 <= places < _CACHED_PLACES:
        return _HALF_ULPS[places]
    return Decimal(5).scaleb(-(places + 1))


_CACHED_PLACES = 12
_HALF_ULPS = tuple(Decimal(5).scaleb(-(places + 1)) for places in range(_CACHED_PLACES))  # computed once, not per figure


class Interval(NamedTuple):
    """The closed range of exact values a rounded figure may stand for."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    @classmethod
    def written(cls, value: Decimal, places: int) -> Interval:
        h = _HALF_ULPS[places] if 0 <= places < _CACHED_PLACES else half_ulp(places)  # (every figure: no call)
        return cls(value - h, value + h)

    def __add__(self, other: Interval) -> Interval:  # type: ignore[override]
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        if a < b:  # (nearly always: a positive factor; the same as min and max, without them)
            return Interval(a, b)
        return Interval(min(a, b), max(a, b))

    def widen(self, margin: Decimal) -> Interval:
        """The range grown by a margin on both sides (a user's tolerance beyond rounding)."""
        return Interval(self.lo - margin, self.hi + margin)

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def shares_a_value(self, other: Interval) -> bool:
        """Whether two written figures can be roundings of one exact value.

        A figure rounded half up stands for [v − h, v + h): 545.84 and 545.85 only touch,
        they have no value in common, so they are two different amounts.
        """
        return self.lo < other.hi and other.lo < self.hi or self == other

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def distance(self, other: Interval) -> Decimal:
        """How far apart two intervals are (0 when they overlap)."""
        if self.overlaps(other):
            return ZERO
        return other.lo - self.hi if self.hi < other.lo else self.lo - other.hi


def ratio(num: Interval, den: Interval) -> Interval | None:
    """num / den for a positive denominator, exact over both ranges; None if den may be 0."""
    if den.lo <= 0:
        return None
    candidates = [num.lo / den.lo, num.lo / den.hi, num.hi / den.lo, num.hi / den.hi]
    return Interval(min(candidates), max(candidates))


def percent_of(num: Interval, den: Interval) -> Interval | None:
    r = ratio(num, den)
    return None if r is None else r.scale(HUNDRED)


def quantize(value: Decimal, places: int) -> Decimal:
    """Round half up to the given number of decimal places, as reports do — exactly, however many digits."""
    exponent = Decimal(1).scaleb(-places)
    try:
        return value.quantize(exponent, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds (a figure of 29 digits or more)
        digits = max(1, value.adjusted() + places + 2)
        return value.quantize(exponent, rounding=ROUND_HALF_UP, context=Context(prec=digits))


def format_amount(value: Decimal, places: int, grouping: bool = False) -> str:
    """A value written the way the report writes its figures."""
    q = quantize(value, places)
    return f"{q:,.{places}f}" if grouping else f"{q:.{places}f}"


def plain(value: Decimal) -> str:
    """A Decimal without exponent or needless trailing zeros: 39.670 -> 39.67."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
