"""Synthetic 支出决算表: a consistent table is clean; one figure changed beyond rounding is caught at its cell."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import check_text

CENTS = st.integers(min_value=0, max_value=5_000_000).map(lambda c: Decimal(c) / 100)


@st.composite
def spending_tables(draw):
    """Classes of items, each item split into 基本支出 and 项目支出; every total computed exactly."""
    classes = []
    for k in range(draw(st.integers(1, 3))):
        items = [(draw(CENTS), draw(CENTS)) for _ in range(draw(st.integers(1, 4)))]
        classes.append((201 + k, items))
    return classes


def render(classes) -> tuple[str, list[str]]:
    """The table as text, and each figure's text in order of appearance."""
    rows = []
    figures: list[str] = []

    def line(code: str, name: str, basic: Decimal, project: Decimal) -> None:
        cells = [f"{basic + project:.2f}", f"{basic:.2f}", f"{project:.2f}"]
        figures.extend(cells)
        rows.append(" | ".join([code, name, *cells]))

    total_b = sum((b for _, items in classes for b, _ in items), Decimal(0))
    total_p = sum((p for _, items in classes for _, p in items), Decimal(0))
    line("合计", "", total_b, total_p)
    for code, items in classes:
        b = sum((x for x, _ in items), Decimal(0))
        p = sum((y for _, y in items), Decimal(0))
        line(str(code), f"第{code}类支出", b, p)
        line(f"{code}01", f"第{code}类第1款", b, p)
        for i, (x, y) in enumerate(items, 1):
            line(f"{code}01{i:02d}", f"第{code}类第1款第{i}项", x, y)
    head = "单位：万元\n科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出\n"
    return head + "\n".join(rows) + "\n", figures


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spending_tables())
def test_a_consistent_table_has_no_findings(classes):
    text, _ = render(classes)
    result = check_text(text, select=("TAB",))
    assert result.findings == [], [f.message for f in result.findings]
    assert result.claims["table-code"].checked > 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spending_tables(), st.data())
def test_one_changed_figure_is_caught_at_its_cell(classes, data):
    text, figures = render(classes)
    index = data.draw(st.integers(0, len(figures) - 1))
    # beyond rounding: a total of n figures written to cents may be off by n half-cents
    delta = data.draw(st.integers(min_value=100, max_value=100_000).map(lambda c: Decimal(c) / 100))
    old = figures[index]
    new = f"{Decimal(old) + delta:.2f}"
    # replace the index-th figure of the table body
    head, body = text.split("项目支出\n", 1)
    cells = body.split(" | ")
    count = -1
    rebuilt = []
    for chunk in cells:
        parts = chunk.split("\n")
        out = []
        for part in parts:
            if part.replace(".", "", 1).isdigit() and "." in part:
                count += 1
                if count == index:
                    part = new
            out.append(part)
        rebuilt.append("\n".join(out))
    mutated = head + "项目支出\n" + " | ".join(rebuilt)
    result = check_text(mutated, select=("TAB",))
    assert result.findings, f"{old} -> {new} not caught"
    assert any(f.evidence == new or any(r.evidence == new for r in f.related) for f in result.findings), [
        (f.evidence, f.message) for f in result.findings
    ]


TOKENS = st.sampled_from(
    ["|", "\t", " | ", "合计", "小计", "总计", "本年收入合计", "208", "20805", "2080505", "301", "类", "款", "项", "1", "2",
     "3=2/1", "4=1+2-3", "5=4/0", "栏次", "XXX", "……", "100.00", "-3.5", "(2.00)", "0", "93.8%", "-", "其中：",
     "一、", "（一）", "单位：万元", "收入", "支出", "项目", "决算数", "预算数", "基本支出", "人员经费", "公用经费"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(TOKENS, max_size=12).map("".join), min_size=1, max_size=25).map("\n".join))
def test_any_table_like_text_is_checked_without_an_internal_error(text):
    result = check_text(text)
    assert result.error_code in (None, "not-a-disclosure") and result.internal_errors == [], (result.error, result.internal_errors)
    for f in result.findings:
        assert text[f.start : f.end] == f.evidence


def test_rows_of_nothing_but_their_outer_pipes_are_no_table():
    # found by the property test above: "|\t|" on two lines made a table of no cell (ValueError in min())
    result = check_text("|\t|\n|\t|")
    assert result.error_code in (None, "not-a-disclosure") and result.internal_errors == [], result.error
