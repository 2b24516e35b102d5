"""Synthetic 部门决算 explanations for the benchmark: template phrasing, consistent figures, a few slips.

Each report follows the national template's order and phrasing — totals and their
parts with shares, changes against last year, execution against the budget, the
三公 breakdown, 机关运行经费, procurement, assets — with narrative between the figures,
amounts in 万元 or 元, and, for some reports, the hard line wraps of PDF-born text.
About one report in three carries a slip (a wrong rate, a part that does not add up,
a contradicting direction word) so that the rules have something to say.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ORGS = ["科学技术协会", "文化和旅游局", "卫生健康委员会", "市场监督管理局", "档案馆", "残疾人联合会", "地方志办公室", "气象局"]
PLACES = ["东城区", "洪山区", "门头沟区", "高新区", "滨江区", "普陀区", "雁塔区", "甘州区"]
CLASSES = [
    ("201", "一般公共服务支出", ["20101 人大事务", "20103 政府办公厅（室）及相关机构事务", "20129 群众团体事务"]),
    ("205", "教育支出", ["20508 进修及培训"]),
    ("206", "科学技术支出", ["20607 科学技术普及", "20699 其他科学技术支出"]),
    ("207", "文化旅游体育与传媒支出", ["20701 文化和旅游", "20799 其他文化旅游体育与传媒支出"]),
    ("208", "社会保障和就业支出", ["20805 行政事业单位养老支出", "20808 抚恤"]),
    ("210", "卫生健康支出", ["21011 行政事业单位医疗"]),
    ("221", "住房保障支出", ["22102 住房改革支出"]),
]
FILLER = [
    "本部门认真贯彻落实党中央、国务院关于过紧日子的要求，严格执行预算管理制度，规范资金使用程序，",
    "进一步加强内部控制建设，确保各项资金使用合规、高效，切实提高财政资金使用效益。",
    "围绕年度重点工作任务，统筹安排各项经费，优先保障基本运转和重点项目支出，",
    "严控一般性支出，压减非急需、非刚性支出，会议费、培训费按标准据实列支。",
    "按照预算绩效管理要求，对项目开展绩效目标管理和绩效运行监控，年度绩效目标基本完成。",
    "及时公开部门预决算信息，主动接受社会监督，不断提升财政资金使用的透明度。",
]


def _pct(part: Decimal, total: Decimal) -> Decimal:
    return (part / total * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class _Writer:
    def __init__(self, rnd: random.Random, unit: str):
        self.rnd, self.unit, self.lines = rnd, unit, []
        self.slips = 0

    def money(self, value: Decimal) -> str:
        return (f"{value:,.2f}" if self.unit == "元" else f"{value:.2f}") + self.unit

    def amount(self, lo: int, hi: int) -> Decimal:
        value = Decimal(self.rnd.randint(lo, hi)) * CENT
        return value if self.unit == "万元" else value * 10000

    def para(self, text: str) -> None:
        self.lines.append(text)

    def filler(self, n: int) -> None:
        self.para("".join(self.rnd.choice(FILLER) for _ in range(n)))

    def slip(self, rate: float) -> bool:
        hit = self.rnd.random() < rate
        self.slips += hit
        return hit


def _change(w: _Writer, subject: str, current: Decimal, slip_rate: float) -> str:
    prior = (current * Decimal(w.rnd.uniform(0.7, 1.3))).quantize(CENT)
    delta = abs(current - prior)
    if delta == 0:
        return f"{subject}{w.money(current)}，与上年持平。"
    up = current > prior
    rate = _pct(delta, prior)
    if w.slip(slip_rate):
        rate += Decimal(w.rnd.randint(3, 60))
    word, rword = ("增加", "增长") if up else ("减少", "下降")
    if w.slip(slip_rate / 3):
        word = "减少" if up else "增加"
    return f"{subject}{w.money(current)}，比上年{word}{w.money(delta)}，{rword}{rate}%。"


def _list(w: _Writer, total_name: str, names: list[str], slip_rate: float) -> tuple[Decimal, str]:
    parts = [w.amount(1_000, 30_000_00) for _ in names]
    total = sum(parts, Decimal(0))
    shown = total + (w.amount(100, 5_000) if w.slip(slip_rate) else 0)
    items = "；".join(f"{n}{w.money(p)}，占{_pct(p, total)}%" for n, p in zip(names, parts))
    return total, f"{total_name}{w.money(shown)}，其中：{items}。"


def report(seed: int, size: int = 32_000, slip_rate: float = 0.006) -> str:
    """One report of about size bytes of UTF-8."""
    rnd = random.Random(seed)
    w = _Writer(rnd, rnd.choice(["万元", "万元", "元"]))
    year = rnd.randint(2019, 2024)
    org = rnd.choice(PLACES) + rnd.choice(ORGS)
    w.para(f"{org}{year}年度部门决算")
    w.para("第一部分 部门概况")
    w.para("一、部门主要职能")
    w.filler(4)
    w.para(f"二、部门人员构成\n{org}在职实有人数{rnd.randint(5, 80)}人，离退休人员{rnd.randint(0, 30)}人。")
    w.para("第三部分 部门决算情况说明")
    w.para("一、收入支出决算总体情况说明")
    total = w.amount(50_000_00, 900_000_00)
    w.para(f"{year}年度收、支总计{w.money(total)}。与{year - 1}年度相比，" + _change(w, "收、支总计", total, slip_rate))
    w.filler(2)
    w.para("二、收入决算情况说明")
    _, text = _list(w, f"{year}年度本年收入合计", ["财政拨款收入", "事业收入", "其他收入"], slip_rate)
    w.para(text)
    w.para("三、支出决算情况说明")
    _, text = _list(w, f"{year}年度本年支出合计", ["基本支出", "项目支出"], slip_rate)
    w.para(text)
    w.para("四、一般公共预算财政拨款支出决算情况说明")
    budget = w.amount(50_000_00, 900_000_00)
    final = (budget * Decimal(rnd.uniform(0.8, 1.1))).quantize(CENT)
    done = _pct(final, budget) + (Decimal(rnd.randint(2, 9)) if w.slip(slip_rate) else 0)
    more = "大于" if final > budget else "小于"
    w.para(f"{year}年度一般公共预算财政拨款支出年初预算为{w.money(budget)}，支出决算为{w.money(final)}，完成年初预算的{done}%。"
           f"决算数{more}年初预算数的主要原因是年中追加项目经费。")
    number = 0
    while sum(len(x.encode()) for x in w.lines) < size * 0.75:
        code, name, items = CLASSES[number % len(CLASSES)]
        number += 1
        w.para(f"（{number}）{name}（类）")
        for item in items:
            subject = f"“{item.split()[1]}”（款）"
            w.para(_change(w, subject + "支出决算", w.amount(1_000, 50_000_00), slip_rate) + "主要原因是" + rnd.choice(FILLER))
        if number % 3 == 0:
            w.filler(3)
    w.para("五、财政拨款“三公”经费支出决算情况说明")
    abroad, car, hosting = (w.amount(0, 30_00) for _ in range(3))
    three = abroad + car + hosting
    w.para(f"{year}年度“三公”经费财政拨款支出{w.money(three)}，其中：因公出国（境）费{w.money(abroad)}，"
           f"公务用车购置及运行维护费{w.money(car)}，公务接待费{w.money(hosting)}。")
    w.para("六、机关运行经费支出情况说明")
    w.para(_change(w, f"{year}年度机关运行经费支出", w.amount(10_00, 300_00), slip_rate))
    w.para("七、政府采购支出情况说明")
    _, text = _list(w, f"{year}年度政府采购支出总额", ["政府采购货物支出", "政府采购工程支出", "政府采购服务支出"], slip_rate)
    w.para(text)
    w.para("八、国有资产占用情况说明")
    w.para(f"截至{year}年12月31日，本部门共有车辆{rnd.randint(0, 5)}辆，单价50万元以上通用设备{rnd.randint(0, 3)}台。")
    while sum(len(x.encode()) for x in w.lines) < size:
        w.filler(3)
    text = "\n".join(w.lines) + "\n"
    return _wrap(text, rnd.randint(30, 40)) if rnd.random() < 0.3 else text


def _wrap(text: str, width: int) -> str:
    """Hard-wrap like PDF text: a line break every width characters, never inside a figure."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = width
            while cut < len(line) and (line[cut - 1].isdigit() or line[cut - 1] in ".,") and (line[cut].isdigit() or line[cut] in ".,"):
                cut += 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n\n".join(out)
