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


def test_the_scan_for_long_figures_finds_what_the_plain_pattern_finds():
    """api._LONG_RUN is tried only where a run of digits starts (a guard after its first digit): the same runs as
    the pattern without the guard, on seeded random text of digits, separators and words."""
    import random
    import re

    from auditlint.api import _LONG_RUN, _ORDINARY_DIGITS

    plain = re.compile(rf"[0-9０-９][\d,，.．]{{{_ORDINARY_DIGITS},}}")
    rnd = random.Random(2024)
    alphabet = "0123456789０１٣,，.．元中 "
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 80)))
        assert [m.span() for m in _LONG_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert _LONG_RUN.search("金额 1234567890123456.78 元").group() == "1234567890123456.78"
