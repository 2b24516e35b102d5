"""Text that once made a stage of extraction super-linear: each pattern built at any size.

Each builder returns about `size` bytes of UTF-8 text written the way the pattern
was found to hurt: one paragraph dense with figures that every statement looks back
over, long runs of spaces or dots that a pattern scanned again from each character,
numbered headings nested or repeated thousands of times. bench/growth.py times them
at 10 KB, 100 KB and 1 MB; tests/test_growth_patterns.py runs them small through a
whole check.
"""

from __future__ import annotations

from collections.abc import Callable


def repeated(unit: str, size: int) -> str:
    """unit written over and over, cut to whole units of at most size bytes (at least one)."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def lines(line: str, size: int) -> str:
    """line (a newline added) on as many lines as fit in size bytes."""
    return repeated(line + "\n", size)


PATTERNS: dict[str, Callable[[int], str]] = {
    # one paragraph of execution rates, each with the budget and the actual it is a rate of (and wrong)
    "dense execution rates": lambda size: "2023年度部门决算说明\n" + repeated(
        "项目支出年初预算数为120.00万元，支出决算为118.50万元，完成年初预算的99.8%，基本支出执行率为96.3%，", size
    ),
    # one paragraph of year and increase phrases: every figure names a year
    "dense year/increase phrases": lambda size: "2023年度部门决算说明\n" + repeated(
        "2023年支出100.00万元，比2022年增加12.50万元，增长3.2%，2021年度减少1.00万元，", size
    ),
    # named totals, each with its parts that do not add up: every list looks back for the total it breaks down
    "dense named totals": lambda size: "2023年度部门决算说明\n" + repeated(
        "财政拨款支出20.00万元。财政拨款支出中，人员经费12.00万元，公用经费9.00万元；", size
    ),
    # table-like lines: long runs of spaces between cells, with and without bars
    "long space runs in table-like lines": lambda size: lines("|项目" + " " * 4000 + "1.00" + " " * 4000 + "2.00|", size),
    "one long space run before no bar": lambda size: "|合计" + " " * max(1, size - 20) + "1.00",
    "one long run of leader dots": lambda size: "目录\n第一部分" + "." * max(1, size - 20) + "说明\n",
    "dense scores": lambda size: "项目支出绩效自评报告\n" + repeated("得分90分，", size),
    "nested numbered headings": lambda size: lines("（一）完成情况\n收入1.00万元。", size),
    "repeated numbered headings": lambda size: lines("（二）", size),
}
