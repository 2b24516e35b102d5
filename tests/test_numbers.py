"""Exact arithmetic on rounded figures."""

from decimal import Decimal as D

from auditlint.model import Quantity
from auditlint.numbers import Interval, percent_of, quantize


def q(value: str, unit: str = "万元") -> Quantity:
    places = len(value.split(".")[1]) if "." in value else 0
    return Quantity(start=0, end=1, value=D(value.replace(",", "")), unit=unit, places=places, text=value)


def test_a_written_figure_stands_for_half_a_unit_either_side():
    assert q("474.49").interval == Interval(D("474.485"), D("474.495"))


def test_money_is_compared_in_yuan_exactly():
    assert q("1.5").yuan == Interval(D("14500"), D("15500"))
    assert q("1,148.00", "元").yuan.lo == D("1147.995")


def test_counts_and_written_zero_are_exact():
    assert q("17", "人").interval == Interval.exact(D(17))
    assert q("0").interval == Interval.exact(D(0))


def test_percentages_may_be_rounded_or_cut():
    rate = q("95.45", "%").interval
    assert rate.contains(D("95.4571"))  # cut, as reports often do
    assert rate.contains(D("95.446"))  # rounded
    assert not rate.contains(D("95.47"))


def test_percent_of_covers_every_exact_value_in_the_written_ranges():
    share = percent_of(q("6.28").interval, q("39.67").interval)
    assert share is not None
    assert share.contains(D("6.28") / D("39.67") * 100)
    assert quantize(share.mid, 1) == D("15.8")


def test_percent_of_refuses_a_base_that_may_be_zero():
    assert percent_of(q("1").interval, Interval.exact(D(0))) is None


def test_interval_arithmetic():
    a, b = Interval(D(1), D(2)), Interval(D(10), D(20))
    assert a + b == Interval(D(11), D(22))
    assert b - a == Interval(D(8), D(19))
    assert a.overlaps(Interval(D(2), D(3))) and not a.overlaps(Interval(D("2.01"), D(3)))
