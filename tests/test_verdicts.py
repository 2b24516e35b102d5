"""Verdicts: the arithmetic of each claim kind, on claims built by hand."""

from __future__ import annotations

import ast
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from auditlint import verdicts
from auditlint.model import ChangeClaim, CompositionClaim, Quantity, RateClaim, ShareClaim
from auditlint.numbers import Interval


def q(value: str, unit: str = "万元", places: int | None = None) -> Quantity:
    places = len(value.split(".")[1]) if places is None and "." in value else places or 0
    return Quantity(start=0, end=1, value=Decimal(value), unit=unit, places=places, text=value + unit)


def test_verdicts_import_only_the_model_and_numbers():
    tree = ast.parse(Path(verdicts.__file__).read_text(encoding="utf-8"))
    relative = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level}
    assert relative == {"model", "numbers"}


def test_a_change_rate_from_the_amounts():
    claim = ChangeClaim(start=0, end=1, current=q("33.39"), delta=q("6.28"), delta_direction=-1, rate=q("93.4", "%"), rate_direction=-1)
    rate = verdicts.change_rate(claim)
    assert rate.prior == Interval(Decimal("396600"), Decimal("396800"))  # 33.39 + 6.28 万元, each ± half a cent
    assert verdicts.shown(rate.expected, 1).text == "15.8"
    assert rate.holds(claim.rate) is False
    assert rate.holds(q("15.8", "%")) is True
    assert verdicts.holds(claim) is False


def test_what_cannot_be_assessed_says_why():
    no_prior = ChangeClaim(start=0, end=1, rate=q("5.0", "%"))
    assert verdicts.change_rate(no_prior).reason == "缺少本年数或上年数"
    assert verdicts.share(ShareClaim(start=0, end=1, part=q("1.00"), share=q("10", "%"))).reason == "找不到占比的基数"
    assert verdicts.execution(RateClaim(start=0, end=1, rate=q("95", "%"))).reason == "缺少实际数或预算数"


def test_a_range_straddling_a_rounding_boundary_is_shown_with_one_more_place():
    shown = verdicts.shown(Interval(Decimal("15.84"), Decimal("15.86")), 1)
    assert shown.certain is None and shown.text == "15.85"


def test_a_unit_slip_explains_a_share():
    claim = ShareClaim(start=0, end=1, part=q("25.00", "元"), total=q("100.00"), share=q("25.0", "%"))
    slip = verdicts.unit_slip(claim, dominant="万元")
    assert slip is not None and slip.field == "part" and slip.right == "万元"
    assert verdicts.unit_slip(claim.model_copy(update={"part": q("25.00")})) is None  # it holds: nothing to explain


def test_a_composition_and_the_part_that_slipped():
    claim = CompositionClaim(start=0, end=1, total=q("100.00"), parts=[q("60.00"), q("400000.00")], part_labels=["a", "b"], complete=True)
    assert verdicts.composition_gap(claim) is not None
    assert verdicts.slipped_part(claim) == 1  # 400,000.00 written in 万元 for 元
    assert verdicts.composition_gap(claim.model_copy(update={"parts": [q("60.00"), q("40.00")]})) is None


def test_a_line_the_tables_give_another_figure_and_what_it_explains():
    assert verdicts.table_figure([q("0.30"), q("3000.00", "元")]).value == Interval(Decimal("2999.995"), Decimal("3000.005"))
    assert verdicts.table_figure([q("0.30"), q("0.40")]).reason == "各表格之间对该项目的数字不一致"
    # a 项 one cent off is another amount; a 类 one cent off may be the sum of rounded parts
    assert not verdicts.table_line_holds(q("10.01"), q("10.00").yuan, leaf=True)
    assert verdicts.table_line_holds(q("10.01"), Interval(Decimal("100050"), Decimal("100100")), leaf=False)
    reception = replace(q("1.53"), start=40)
    claim = CompositionClaim(start=0, end=1, total=q("37.35"), parts=[q("0"), replace(q("37.35"), start=20), reception], part_labels=[])
    corrections = {40: Interval.exact(Decimal(0))}
    assert verdicts.corrected_part(claim, corrections) == 2
    assert verdicts.corrected_part(claim, {}) is None
    rate = RateClaim(start=0, end=1, rate=q("0", "%"), actual=reception, plans=[q("1.53")])
    assert verdicts.execution(rate).holds(rate.rate) is False and verdicts.execution_corrected(rate, corrections)
