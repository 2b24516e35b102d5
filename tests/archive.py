"""Generated archives: the 决算 and 部门预算 of several bodies over several years, consistent with each other.

Each body has, every year, figures the way an archive holds them: the totals, the
财政拨款 and 一般公共预算 figures, three 科目 of the 一般公共预算 (a budget and a final
figure each), the “三公” parts and 机关运行经费. Its 决算 of year Y states them, their
changes against Y−1 (so implying Y−1's figures) and the 年初预算 of year Y; its 预算 of
year Y states the budget and its change against Y−1's budget; each report is consistent
in itself (no per-file rule fires on it) and with the others. `Inject` describes one
change to one report that makes it disagree with another report, and only with another
report: the change's amount and its rate move together, so the report still adds up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
#: The 科目 every body spends on: code, 类, 款, 项.
ITEMS = (
    ("2070101", "文化旅游体育与传媒支出", "文化和旅游", "行政运行"),
    ("2080505", "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"),
    ("2210201", "住房保障支出", "住房改革支出", "住房公积金"),
)
CITIES = ("上海市", "江川市", "松岭市", "临海市")
DISTRICT_CHARS = "青溪东湖南山北江西河安平长乐永宁新华金水云林"
ORGS = ("文化馆", "科学技术协会", "图书馆", "档案局", "卫生健康委员会", "城市管理行政执法局")


def body_name(b: int) -> str:
    """A distinct body for every b: 上海市青溪区文化馆, 江川市青溪区科学技术协会 …"""
    org, rest = ORGS[b % len(ORGS)], b // len(ORGS)
    city, rest = CITIES[rest % len(CITIES)], rest // len(CITIES)
    n = len(DISTRICT_CHARS)
    return f"{city}{DISTRICT_CHARS[rest % n]}{DISTRICT_CHARS[(rest // n + rest) % n]}区{org}"


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def pct(part: Decimal, whole: Decimal) -> Decimal:
    return cents(part / whole * HUNDRED)


@dataclass
class Year:
    """One body's figures for one year, in 万元 (exact to the cent)."""

    year: int
    total: Decimal  # 收入支出总计
    fiscal: Decimal  # 财政拨款收入支出总计
    budgets: tuple[Decimal, ...]  # 年初预算 of each of ITEMS (一般公共预算)
    finals: tuple[Decimal, ...]  # 支出决算 of each of ITEMS
    three_budget: tuple[Decimal, Decimal, Decimal]  # 因公出国（境）费, 公务用车购置及运行维护费, 公务接待费
    three: tuple[Decimal, Decimal, Decimal]
    operating: Decimal  # 机关运行经费

    @property
    def general(self) -> Decimal:
        return sum(self.finals, Decimal(0))

    @property
    def general_budget(self) -> Decimal:
        return sum(self.budgets, Decimal(0))


@dataclass(frozen=True)
class Inject:
    """One report made to disagree with another: which figure, by how much (万元)."""

    what: str  # "prior-total" | "prior-three-part" | "initial-budget" | "item-budget" | "last-year-budget"
    by: Decimal = Decimal("3.00")


def series(rnd: random.Random, first: int, last: int) -> dict[int, Year]:
    def amount(lo: int, hi: int) -> Decimal:
        return Decimal(rnd.randint(lo, hi)) * CENT

    out = {}
    for year in range(first - 1, last + 1):
        finals = tuple(amount(5_000, 400_000) for _ in ITEMS)
        budgets = tuple(cents(f * Decimal(rnd.uniform(0.85, 1.15))) for f in finals)
        three = (Decimal(0), amount(100, 3_000), amount(0, 800))
        three_budget = tuple(cents(t * Decimal(rnd.uniform(1.0, 1.3))) for t in three)
        general = sum(finals, Decimal(0))
        fiscal = general + amount(0, 50_000)
        out[year] = Year(year, fiscal + amount(0, 80_000), fiscal, budgets, finals, three_budget, three, amount(1_000, 40_000))  # type: ignore[arg-type]
    return out


class _Money:
    """Amounts written in a report's unit: 万元 with two places, or 元 with thousands separators."""

    def __init__(self, unit: str):
        self.unit = unit

    def __call__(self, wan: Decimal) -> str:
        if self.unit == "元":
            return f"{cents(wan * 10000):,.2f}元"
        return f"{cents(wan):.2f}万元"


def _change(money: _Money, subject: str, current: Decimal, prior: Decimal, against: str, shift: Decimal = Decimal(0)) -> str:
    """"subject X，与 … 相比增加 D，增长 R%": D and R as the report computes them from last year's figure (+ shift)."""
    prior = prior + shift
    delta = current - prior
    if delta == 0:
        return f"{subject}{money(current)}，与{against}持平。"
    word, rate_word = ("增加", "增长") if delta > 0 else ("减少", "下降")
    rate = f"，{rate_word}{pct(abs(delta), prior)}%" if prior > 0 else ""
    return f"{subject}{money(current)}，比{against}{word}{money(abs(delta))}{rate}。"


def _budget_change(money: _Money, subject: str, current: Decimal, prior: Decimal, against: str) -> str:
    """"subject X，比 2023年预算 增加 D": a budget's change, written (as budgets write it) without a rate."""
    delta = current - prior
    if delta == 0:
        return f"{subject}{money(current)}，与{against}持平。"
    return f"{subject}{money(current)}，比{against}{'增加' if delta > 0 else '减少'}{money(abs(delta))}。"


def final_accounts(org: str, y: Year, prev: Year, unit: str = "万元", inject: Inject | None = None) -> str:
    """A 部门决算 of year y.year (its changes against prev, its 年初预算 those of the year's budget)."""
    money = _Money(unit)
    shift = inject.by if inject is not None else Decimal(0)
    last = f"{y.year - 1}年度"
    general_budget = y.general_budget
    budgets = list(y.budgets)
    if inject is not None and inject.what == "item-budget":
        budgets[0] -= shift  # two 科目 whose budgets are not the budget report's, by as much each way:
        budgets[1] += shift  # the list still adds up to the report's own total
    lines = [
        f"{org}{y.year}年度部门决算",
        "一、收入支出决算总体情况说明",
        f"{y.year}年度" + _change(money, "收入支出总计", y.total, prev.total, last, shift if inject and inject.what == "prior-total" else Decimal(0)),
        "二、财政拨款收入支出决算总体情况说明",
        f"{y.year}年度" + _change(money, "财政拨款收入支出总计", y.fiscal, prev.fiscal, last),
        "三、一般公共预算财政拨款支出决算情况说明",
        _change(money, "一般公共预算财政拨款支出", y.general, prev.general, last),
        f"一般公共预算财政拨款支出年初预算为{money(general_budget)}，支出决算为{money(y.general)}，"
        f"完成年初预算的{pct(y.general, general_budget)}%。其中：",
    ]
    for n, ((_, cls, section, item), budget, final) in enumerate(zip(ITEMS, budgets, y.finals), start=1):
        lines.append(f"{n}、{cls}（类）{section}（款）{item}（项）。年初预算为{money(budget)}，支出决算为{money(final)}。")
    abroad, car, hosting = y.three
    three = sum(y.three, Decimal(0))
    three_budget = sum(y.three_budget, Decimal(0)) + (shift if inject and inject.what == "initial-budget" else 0)
    part_shift = shift if inject and inject.what == "prior-three-part" else Decimal(0)
    lines += [
        "四、财政拨款“三公”经费支出决算情况说明",
        f"“三公”经费财政拨款支出年初预算为{money(three_budget)}，支出决算为{money(three)}，完成年初预算的{pct(three, three_budget)}%。",
        f"{y.year}年度“三公”经费财政拨款支出{money(three)}，其中：因公出国（境）费{money(abroad)}，"
        f"公务用车购置及运行维护费{money(car)}，公务接待费{money(hosting)}。",
        f"{y.year}年度" + _change(money, "公务接待费支出决算", hosting, prev.three[2], last, part_shift),
        "五、其他重要事项的情况说明",
        _change(money, "机关运行经费支出", y.operating, prev.operating, last),
    ]
    return "\n".join(lines) + "\n"


def budget(org: str, y: Year, prev: Year, unit: str = "万元", inject: Inject | None = None) -> str:
    """A 部门预算 of year y.year: its budget, against prev's budget; a table of its 一般公共预算 by 科目."""
    money = _Money(unit)
    shift = inject.by if inject is not None and inject.what == "last-year-budget" else Decimal(0)
    last = f"{y.year - 1}年预算"
    three = sum(y.three_budget, Decimal(0))
    lines = [
        f"{org}{y.year}年部门预算",
        "一、部门预算编制说明",
        _budget_change(money, f"{y.year}年一般公共预算拨款支出预算", y.general_budget, prev.general_budget + shift, last),
        f"{y.year}年“三公”经费预算数为{money(three)}，其中：因公出国（境）费{money(y.three_budget[0])}，"
        f"公务用车购置及运行费{money(y.three_budget[1])}，公务接待费{money(y.three_budget[2])}。",
        f"{y.year}年部门一般公共预算支出功能分类预算表",
        f"编制部门：{org}\t单位：{'元' if unit == '元' else '万元'}",
        "功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出",
    ]

    def row(code: str, name: str, value: Decimal) -> str:
        shown = money(value).removesuffix("万元").removesuffix("元")
        return f"{code}\t{name}\t{shown}\t{shown}\t0.00"

    lines.append(row("", "合计", y.general_budget))
    for (code, cls, section, item), value in zip(ITEMS, y.budgets):
        lines += [row(code[:3], cls, value), row(code[:5], section, value), row(code, item, value)]
    return "\n".join(lines) + "\n"


@dataclass
class Archive:
    """Reports by file name, and the injected inconsistencies: (file, what) of each."""

    files: dict[str, str] = field(default_factory=dict)
    injected: list[tuple[str, str]] = field(default_factory=list)


def archive(seed: int, bodies: int = 4, first: int = 2022, last: int = 2024, inject_every: int = 0) -> Archive:
    """Bodies × years of 决算 and 预算; every inject_every-th report (0: none) made to disagree with another."""
    rnd = random.Random(seed)
    out = Archive()
    kinds = ("prior-total", "prior-three-part", "initial-budget", "item-budget", "last-year-budget")
    n = 0
    for b in range(bodies):
        org = body_name(b)
        figures = series(rnd, first, last)
        unit = "元" if b % 3 == 2 else "万元"
        for year in range(first, last + 1):
            for kind in ("决算", "预算"):
                n += 1
                inject = None
                if inject_every and n % inject_every == 0 and year > first:
                    what = kinds[(n // inject_every) % len(kinds)]
                    if (what == "last-year-budget") == (kind == "预算"):
                        inject = Inject(what)
                name = f"b{b:03d}/{year}-{'final' if kind == '决算' else 'budget'}.txt"
                write = final_accounts if kind == "决算" else budget
                out.files[name] = write(org, figures[year], figures[year - 1], unit, inject)
                if inject is not None:
                    out.injected.append((name, inject.what))
    return out

