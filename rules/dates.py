"""DOC, dates and years: sign-off dates in order, and the report's own fiscal year where it states its funds."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from auditlint.rulekit import Disclosure, Issue, Scan, lexicon, rule

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|(?<![\d.])(?P<y2>(?:19|20)\d{2})[-./](?P<m2>\d{1,2})[-./](?P<d2>\d{1,2})(?![\d.])"
)
_SIGN_OFF = re.compile(
    r"(?P<label>[\u4e00-\u9fff（）()]{0,12}?(?:委托|举办单位|主管部门|主管单位|上级|登记管理机关|审核|审批|审查)[\u4e00-\u9fff（）()]{0,10}?意见"
    r"|报送日期|填报日期|填表日期|审核日期|批准日期|(?:法定代表人|单位负责人)(?:签字|签名|签章))"
)
# a label is a run of CJK and brackets naming 意见, 日期 or a signature: only such runs are scanned
_SIGN_OFF_SCAN = Scan(_SIGN_OFF, outside=r"[^\u4e00-\u9fff（）()]", anchor="意见|日期|签字|签名|签章")


def _sign_off_dates(doc: Disclosure) -> list[tuple[str, tuple[int, int, int], int, int, int]]:
    """(label, date, start, end, label start) for each date that closes a sign-off block ("举办单位意见 … 2022年1月21日")."""
    text = doc.document.content
    if "意见" not in text and "日期" not in text:  # every label names one: skip the costly scan
        return []
    # a label in brackets ("举办单位意见(含保密审查意见)") qualifies the one before it
    labels = [(m.start(), m.group("label")) for m in _SIGN_OFF_SCAN.finditer(text) if m.group("label")[0] not in "（("]
    if not labels:
        return []  # no date can close a block
    out = []
    for m in _DATE.finditer(text):
        owner = None
        for start, label in labels:
            if start < m.start() and m.start() - start <= 400:
                owner = (start, label)
        if owner is None:
            continue
        # the label's block: no other date between the label and this one
        if out and out[-1][4] == owner[0]:
            continue
        y, mo, d = (int(m.group(k) or m.group(k + "2")) for k in ("y", "m", "d"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        out.append((owner[1], (y, mo, d), m.start(), m.end(), owner[0]))
    return out


def _date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


@rule("DOC006", "sign-off-dates-out-of-order", name_zh="签署日期先后颠倒", severity="error")
def sign_off_dates(doc: Disclosure) -> Iterator:
    r"""签署意见的日期先后颠倒。

    检查：报告末尾各签署意见（事业单位委托意见、举办单位意见、主管部门审核意见……）的日期，
    按表中所列顺序：每项审批都在其所审批的事项之后，后面的意见不应早于前面的。两个日期中
    有一个不在通常的报送期内（报告年度的次年上半年）时，指出这一个。
    原因：审批日期早于所审批的报送日期是不可能的，必有一个日期写错。

    Checks: the dates that close the sign-off blocks of a report (事业单位委托意见,
    举办单位意见, 主管部门审核意见 …), in the order the form lists them: each
    approval comes after what it approves, so a later block may not be dated
    earlier. Where one of the two dates falls outside the usual filing period
    (the first half of the year after the report's year), that one is named.

    Why: an approval dated before the submission it approves is impossible; one
    of the dates is mistyped.

    Bad:  事业单位委托意见：我单位对年度报告内容的真实性负责。2024年10月12日\n举办单位意见：经审核，情况属实，同意公示。2024年2月12日
    Good: 事业单位委托意见：我单位对年度报告内容的真实性负责。2024年2月6日\n举办单位意见：经审核，情况属实，同意公示。2024年2月12日
    """
    blocks = _sign_off_dates(doc)
    for (l1, d1, s1, e1, _), (l2, d2, s2, e2, _) in zip(blocks, blocks[1:]):
        if d2 >= d1:
            continue
        year = doc.year
        late = year is not None and (d1[0], d1[1]) > (year + 1, 6) and (d2[0], d2[1]) <= (year + 1, 6)
        first, second = (s1, e1), (s2, e2)
        if late:
            message = (
                f"{l1}的日期 {_date(d1)} 晚于其后{l2}的日期 {_date(d2)}：审核不能早于所审核的内容；"
                f"{year} 年度报告通常于次年上半年报送，疑此处日期有误"
            )
            yield Issue(start=first[0], end=first[1], message=message, actual=_date(d1), related=((second[0], second[1], l2),))
        else:
            message = f"{l2}的日期 {_date(d2)} 早于其前{l1}的日期 {_date(d1)}：审核不能早于所审核的内容，其中一个日期有误"
            yield Issue(start=second[0], end=second[1], message=message, actual=_date(d2), related=((first[0], first[1], l1),))


_YEAR = re.compile(
    r"(?<![\d－\-—~～至到])(?P<y>(?:19|20)\d{2})\s*年(?P<du>度)?(?!\s*\d{1,2}\s*月)(?!\s*[－\-—~～至到])"
)
_YEAR_SCAN = Scan(_YEAR, starts="[12]", sparse=True)  # a year begins 19 or 20: only there is one looked for
_OWN_FUNDS = re.compile(r"^[^，,。；;：:]{0,14}?(?:经费|预算|资金|决算|财政拨款|项目)")
_EXECUTED = re.compile(r"(?:完成了?|争取|获得|获批|安排|下达|执行|使用|落实|拨付|到位)[^，,。；;：:]{0,12}$")
_YEARLY_TASK = re.compile(r"决算|自评|评价|审计|考核|总结|公开|检查|验收")


_RETROSPECTIVE = re.compile(r"决算|绩效|自评|评价报告|年度报告|工作总结")
# "2022年度机关运行经费支出30.00万元" opening a sentence of a 2023 report: the report's own template
# sentence (funds, then an amount, in the clause the year opens) with last year's year left in it
_OPENING_FUNDS = re.compile(r"(?:预算|决算|支出|收入|资金|经费|拨款)[^，,。；;：:]{0,12}?\d")
_OPENING_TASK = re.compile(r"^度?\s*(?:部门|单位|项目|整体)?(?:决算公开|自评|评价|审计|考核|总结|公开|检查|验收)")
# "2023年度本年收入合计 X 万元" in a 2024 report: a year that opens a statement of the report's own accounts
_OWN_ACCOUNTS = re.compile(
    r"\s*[，,]?\s*(?:本部门|本单位)?\s*(?:本年|全年)?(?:收入|支出|收支|收、支|财政拨款|一般公共预算|政府性基金|国有资本经营|"
    r"[“\"]?三公[”\"]?经费|机关运行经费|政府采购|面向中小企业|总计)"
)
_MONEY = re.compile(r"\d[\d,，]*(?:\.\d+)?\s*(?:亿元|万元|元)")
_REVIEW = re.compile(r"自评|评价|审计|考核|总结|公开|检查|验收")  # this year's review of another year's accounts


def _report_year(doc: Disclosure) -> int | None:
    """The fiscal year the report is about, when the text says it clearly enough to hold other years against it."""
    year = doc.year
    if year is None:
        return None
    text = doc.document.content
    mentions = len(re.findall(rf"{year}\s*年\s*度", text))  # "2021 年 度" on a letter-spaced line too
    return year if mentions >= 2 or str(year) in text[:300] else None


@rule("DOC007", "wrong-fiscal-year", name_zh="年度写错", severity="warning")
def wrong_fiscal_year(doc: Disclosure) -> Iterator:
    r"""文中的年度与报告年度不符。

    检查：在已结束年度的报告（决算、绩效自评、年度报告）中，于陈述本年度自身资金或成果之处写了更早的年度（2022 年报告中的“顺利完成了2021年度科普经费的预算安排”）：报告年度以前的年
    份，后接其所修饰的资金、预算或项目，位于表示本年执行的动词（完成、争取、安排、下达……）之后，且该分句不作比较、不作回顾（比上年、截至、结转、以来……）；或者，报告中的句子都以本年
    度开头，而某句以更早的年度开头陈述资金和金额（“2022年度机关运行经费支出30.00万元”），且未提及其他年度；以及在陈述报告自身账目的句首写成“YYYY年度”的其他年度（2024 年决算中的
    “2023年度本年收入合计 X 万元”），该句写有数字，未提及其他年度，也不作比较、回顾或计划。模板中关于本年度项目的并列分句（“编报绩效目标的2024年度项目…；绩效跟踪评价的2024年度项目…；
    绩效自评的2023年度项目…”）说的是同一个年度：与其他分句和本报告年度都不同的那一个会被报告；某部分的标题写了其他年度的（2024 年决算中的“第三部分 …2023年度部门决算情况说明”）也会
    被报告；决算的标题写的年度若与正文通篇所述年度不同、正文又从未提及标题的年度，也会在标题处报告。在部门预算中，原因里所说的计划就是本年度的计划：2026 年预算中的“主要原因是2025年无公车购置计划”；以更早年度开头、陈述预算自身数字的句子（2026 年预算中的“2025年本部门面
    向中小企业预留政府采购项目预算金额…”“开展了2025年项目预算绩效目标编报工作”），若不作比较、也未提及其他年度，同样会被报告。
    原因：结论中的年度写错，通常说明这一段是从上年报告复制过来而没有更新。

    Checks: in a report on a closed year (决算, 绩效自评, 年度报告), an earlier year
    written where the text reports this year's own funds or results ("顺利完成了2021年度科普经费的预算安排" in a 2022 report):
    a year before the report's year, followed by the funds, budget or project it
    qualifies, after a verb of this year's execution (完成, 争取, 安排, 下达 …), in a
    clause that compares nothing and looks back at nothing (比上年, 截至, 结转, 以来 …);
    or an earlier year opening a sentence that states funds and an amount
    ("2022年度机关运行经费支出30.00万元") in a report whose sentences open with its
    own year, when the sentence names no other year;
    and any other year written as "YYYY年度" at the head of a statement of the
    report's own accounts ("2023年度本年收入合计 X 万元" in a 2024 决算), in a sentence
    that states a figure and names no other year, compares, looks back or plans nothing.

    The template's parallel clauses on the year's projects ("编报绩效目标的2024年度项目…；
    绩效跟踪评价的2024年度项目…；绩效自评的2023年度项目…") name one year: one that differs
    from the others and the report's is reported; so is a part's title naming another year
    ("第三部分 …2023年度部门决算情况说明" in a 2024 决算), and a 决算's title naming a year its
    text never names while it states another year throughout.

    In a budget report (部门预算), the plan a reason gives for this year's figure
    is this year's plan: "主要原因是2025年无公车购置计划" in a 2026 budget; and a sentence
    of the budget's own figures opened with an earlier year ("2025年本部门面向中小企业预留
    政府采购项目预算金额…", "开展了2025年项目预算绩效目标编报工作" in a 2026 budget) that
    compares nothing and names no other year.

    Why: a wrong year in a conclusion usually means the paragraph was copied
    from the previous year's report and not updated.

    Bad:  文化惠民经费绩效自评报告\n2023年度区财政下达文化惠民经费48万元。2023年度该项目资金共计支出48万元。项目资金使用规范，顺利完成了2022年度文化惠民经费的预算安排。
    Good: 文化惠民经费绩效自评报告\n2023年度区财政下达文化惠民经费48万元。2023年度该项目资金共计支出48万元，比2022年度增加6万元。项目资金使用规范，顺利完成了2023年度文化惠民经费的预算安排。
    """
    if not _RETROSPECTIVE.search(doc.flow.text[:600]):  # (the reading with letter-spacing closed up)
        # a budget looks ahead and speaks of last year's execution as a matter of course: only the plan
        # it gives as the reason for this year's figure, and the sentences of its own budget, are held
        # to the year its title budgets
        budgeted = _BUDGET_TITLE.search(doc.flow.text[:300])
        if budgeted:
            yield from _budget_reason_years(doc, int(budgeted.group(1)))
            yield from _budget_own_years(doc, int(budgeted.group(1)))
        return
    year = _report_year(doc)
    flow = doc.flow
    if year is None:
        return
    yield from _parallel_project_years(doc, year)
    yield from _part_title_years(doc, year)
    yield from _report_title_year(doc, year)
    text = flow.text
    context = _YearContext(text, year)
    for m in _YEAR_SCAN.finditer(text):
        y = int(m.group("y"))
        where = _copied_year(text, m, y, context) if y != year else None
        if where is None:
            continue
        if y < year and _beside_its_counterpart(text, m, year):
            continue  # "2022年的三公经费决算数合计为 A…。2021年的三公经费决算数合计为 B…": last year's, set beside
        start, end = flow.span(m.start(), m.end())
        if _section_year(doc, start) == y:
            continue  # "二、2021年“三公”经费决算情况" / "2021年度“三公”经费合计支出 …": the section's own year
        written = m.group(0).replace(" ", "")
        right = f"{year}年{'度' if m.group('du') else ''}"
        yield Issue(
            start=start,
            end=end,
            message=(
                f"年度“{written}”与本报告年度（{year}年）不符：此处说的是本年度的经费或工作，疑沿用了上年文字"
                if where == "work"
                else f"年度“{written}”与本报告年度（{year}年）不符：此句陈述的是本报告的收支数字，"
                f"应为“{right}”，疑为笔误或沿用了{'上年' if y < year else '其他年度'}的文字"
            ),
            expected=right,
            actual=written,
        )


_CLAUSE_BREAK = re.compile("[，,。；;：:\n]")


_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _section_year(doc: Disclosure, pos: int) -> int | None:
    """The one year the title of the section holding pos names, if it names exactly one."""
    heading = None
    for h in doc.outline:
        if h.start >= pos:
            break
        if not h.toc and h.title:
            heading = h
    if heading is None:
        return None
    years = {int(y) for y in _TITLE_YEAR.findall(heading.title)}
    return years.pop() if len(years) == 1 else None


class _YearContext:
    """What the whole text says about its own year, worked out once and only if a candidate asks."""

    def __init__(self, text: str, year: int):
        self.text, self.year = text, year
        self._openings: int | None = None
        self._breaks: list[int] | None = None
        self._dominant: bool | None = None

    def opens_with_its_year(self) -> bool:
        """Two sentences or more open with the report's year: a template to hold other years against."""
        if self._openings is None:
            self._openings = len(re.findall(rf"(?:^|[。\n])\s*{self.year}\s*年", self.text))
        return self._openings >= 2

    def clause_around(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding text[start:end]: from after the break before it to the break after it
        (the breaks listed once: a search back from every year would read the text again each time)."""
        if self._breaks is None:
            self._breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.text)]
        k = bisect.bisect_left(self._breaks, start)
        lo = self._breaks[k - 1] + 1 if k else 0
        k = bisect.bisect_left(self._breaks, end, k)
        return lo, self._breaks[k] if k < len(self._breaks) else len(self.text)

    def year_beyond_doubt(self) -> bool:
        """The report's year written 3 times or more (YYYY年 or YYYY年度, not in a date or a range), twice as often
        as any other year ("与2023年度相比" not counted)."""
        if self._dominant is None:
            years = Counter(
                int(m.group("y"))
                for m in _YEAR_SCAN.finditer(self.text)
                if not lexicon.COMPARES.search(self.text, max(m.start() - 3, 0), m.start())
            )
            n = years[self.year]
            self._dominant = n >= 3 and all(n >= 2 * k for y, k in years.items() if y != self.year)
        return self._dominant


def _copied_year(text: str, m: re.Match[str], y: int, context: _YearContext) -> str | None:
    """Whether the year at m is one left from another year's report: "work" (this year's funds or
    work, after a verb of execution), "figures" (a sentence stating the report's own figures), or None."""
    if y < context.year:
        lo, hi = context.clause_around(m.start(), m.end())
        before, after = text[lo : m.start()], text[m.end() : hi]
        if not lexicon.YEAR_BESIDE_ANOTHER_PERIOD.search(before + after):
            if _OWN_FUNDS.search(after) and _EXECUTED.search(before):
                if not _YEARLY_TASK.search(after):  # "完成了2022年度部门决算公开": this year's work on last year's accounts
                    return "work"
            elif (
                before.strip() in ("", "本部门", "本单位")
                and text[lo - 1 : lo] in ("", "。", "\n")
                and _OPENING_FUNDS.search(after)
                and not _OPENING_TASK.match(after)  # "2022年度部门决算公开…"
                and _years_in_sentence(text, lo) == 1  # another year in the sentence: it compares them
                and context.opens_with_its_year()
            ):
                return "figures"  # the report's template sentence, opened with last year's year
    # "2023年度本年收入合计 X 万元", "2023年度，本单位收入为 X 万元", "2023年本年收入合计 X 万元"
    dated = m.group("du") or text.startswith("本年", m.end())
    if dated and _OWN_ACCOUNTS.match(text, m.end()) and _states_own_accounts(text, m):
        if context.year_beyond_doubt():
            return "figures"
    return None


_QUOTES = re.compile(r"[“”\"'‘’\s]")


def _beside_its_counterpart(text: str, m: re.Match[str], year: int) -> bool:
    """Whether the paragraph says the same of the report's year in the same words: the earlier year's sentence is
    the comparison the report sets beside its own ("2022年的三公经费决算数合计为 A … 2021年的三公经费决算数合计为 B")."""
    words = re.match(r"[^\d，,。；;：:（(]{4,}", text[m.end() : m.end() + 40])
    if words is None:
        return False
    lo = text.rfind("\n", 0, m.start()) + 1
    hi = text.find("\n", m.end())
    paragraph = _QUOTES.sub("", text[lo : len(text) if hi < 0 else hi])
    said = _QUOTES.sub("", words.group(0))
    return f"{year}年{said}" in paragraph or f"{year}年度{said}" in paragraph


# the template's lines of a year's own accounts whose names carry 结转/结余
_ACCOUNT_ITEMS = re.compile(r"(?:年初|年末)(?:财政拨款)?结转和?结余|使用非财政拨款(?:结转和?)?结余|结余分配")


def _states_own_accounts(text: str, m: re.Match[str]) -> bool:
    """A sentence of the report's own totals under the year at m ("2023年度本年收入合计 X 万元"): it states
    an amount, and names no other year, compares, looks back or ahead, or reviews nothing."""
    lo = max(text.rfind(c, 0, m.start()) for c in "。！？\n") + 1
    hi = min((i for i in (text.find(c, m.end()) for c in "。！？\n") if i >= 0), default=len(text))
    sentence = _ACCOUNT_ITEMS.sub("", text[lo:hi])  # (年初结转和结余 is a line of this year's accounts, no look back)
    if not _MONEY.search(text, m.end(), hi) or lexicon.LOOKS_ELSEWHERE.search(sentence) or _REVIEW.search(sentence):
        return False
    return sum(1 for _ in _YEAR_SCAN.finditer(sentence)) <= 1  # two years in one sentence set them side by side


def _years_in_sentence(text: str, lo: int) -> int:
    """How many years the sentence starting at lo names."""
    end = text.find("。", lo)
    return len(_YEAR.findall(text[lo : len(text) if end < 0 else end]))


# "上海市普陀区2026年区级部门预算": the year a budget report budgets, in its title
_BUDGET_TITLE = re.compile(r"^[^。，,\n]{0,30}?((?:19|20)\d{2})\s*年度?[^。，,\n]{0,20}预算", re.M)
# "主要原因是2025年无公车购置计划": the year, then (within its clause) the plan it is said to have
_REASON_PLAN_YEAR = re.compile(
    r"原因(?:是|为|在于|主要是)?[：:]?(?P<lead>[^，,。；;：:\n]{0,12}?)(?P<y>(?:19|20)\d{2})\s*年度?(?P<rest>[^，,。；;：:\n]{0,16}?)计划"
)


def _budget_reason_years(doc: Disclosure, year: int) -> Iterator:
    """A budget report's reason for this year's figure that gives an earlier year's plan."""
    flow = doc.flow
    if "原因" not in flow.text:
        return
    for m in _REASON_PLAN_YEAR.finditer(flow.text):
        y = int(m.group("y"))
        if y >= year or lexicon.YEAR_BESIDE_ANOTHER_PERIOD.search(m.group("lead") + m.group("rest")):
            continue
        start, end = flow.span(m.start("y"), m.end("y") + 1)
        written = doc.document.text[start:end].replace(" ", "")
        yield Issue(
            start=start,
            end=end,
            message=(
                f"年度“{written}”与本预算年度（{year}年）不符：此处说明的是本年预算安排的原因，"
                f"所述计划应为本年度的计划，疑沿用了上年文字"
            ),
            expected=f"{year}年",
            actual=written,
        )


def _year_issue(doc: Disclosure, start: int, end: int, year: int, why: str) -> Issue:
    """A year at flow [start, end) that should be `year`."""
    a, b = doc.flow.span(start, end)
    written = doc.document.text[a:b].replace(" ", "")
    right = f"{year}年" + ("度" if written.endswith("度") else "")
    return Issue(start=a, end=b, message=f"年度“{written}”与本报告年度（{year}年）不符：{why}", expected=right, actual=written)


# "编报绩效目标的2024年度项目39个…；绩效跟踪评价的2024年度项目39个…；绩效自评的2023年度项目39个": the
# template's parallel clauses on the year's projects, each naming the year
_PROJECT_YEAR = re.compile(r"(?:绩效目标|跟踪评价|绩效跟踪|自评|绩效评价)的\s*(?P<w>(?P<y>(?:19|20)\d{2})\s*年度?)\s*项目")


def _parallel_project_years(doc: Disclosure, year: int) -> Iterator:
    """One of the parallel clauses of projects naming another year than the others and the report do."""
    text = doc.flow.text
    sentences: dict[int, list[re.Match[str]]] = {}  # the clauses found, by the start of their sentence
    start = seen = 0  # the sentence of the last clause, and how far breaks were looked for
    for m in _PROJECT_YEAR.finditer(text):
        start = max(start, text.rfind("。", seen, m.start()), text.rfind("\n", seen, m.start()))
        seen = m.start()
        sentences.setdefault(start, []).append(m)
    for found in sentences.values():
        if len(found) < 2 or not any(int(m.group("y")) == year for m in found):
            continue
        for m in found:
            if int(m.group("y")) != year:
                yield _year_issue(doc, m.start("w"), m.end("w"), year, "同一句中其他各项均为本年度的项目，此处疑为笔误或沿用了其他年度的文字")


# "第三部分 上海市普陀区规划和自然资源局 2023 年度部门决算情况说明": a part's title naming the report
_PART_TITLE = re.compile(r"^第[一二三四五六七八九十]{1,3}部分[^。\n]{0,40}?(?P<w>(?P<y>(?:19|20)\d{2})\s*年度?)\s*(?:部门|单位)?(?:决算|预算)", re.M)


# the template's opening of the section on the year's performance work, "本部门（某局）2023年度预算绩效管理工作开展情况如下"
_OWN_WORK_OPENING = re.compile(
    r"^[^\S\n]*[^。，,；;：:\n\d]{0,40}?(?P<w>(?P<y>(?:19|20)\d{2})\s*年度?)\s*预算绩效管理工作开展情况如下", re.M
)


def _part_title_years(doc: Disclosure, year: int) -> Iterator:
    for m in _PART_TITLE.finditer(doc.flow.text):
        if int(m.group("y")) != year:
            yield _year_issue(doc, m.start("w"), m.end("w"), year, "这是本报告一个部分的标题，应为本报告年度")
    if "绩效管理工作开展" in doc.flow.text:
        for m in _OWN_WORK_OPENING.finditer(doc.flow.text):
            if int(m.group("y")) != year:
                right = f"{year}年" + ("度" if m.group("w").endswith("度") else "")
                yield _year_issue(doc, m.start("w"), m.end("w"), year, f"此句说明的是本报告年度的预算绩效管理工作，应为“{right}”")


# the report's title, its first line: "中共某县委员会政法委员会2023年度“三公”经费决算情况说明", "某局2023年度部门决算"
_REPORT_TITLE = re.compile(
    r"^[^\S\n]*(?P<title>[^。，,；;：:\n]{0,60}?(?P<w>(?P<y>(?:19|20)\d{2})[^\S\n]*年度?)[^。，,；;：:\n]{0,40}?决算[^。，,；;：:\n]{0,12})[^\S\n]*$",
    re.M,
)


_COMPARED = re.compile(r"\s*(?:相比|比较|对比|同期)")


def _report_title_year(doc: Disclosure, year: int) -> Iterator:
    """A 决算 whose title names one year while its text states another throughout and never the title's: one
    of the two was not updated (the title, as the text's many mentions agree with each other)."""
    text = doc.document.text
    first = len(text) - len(text.lstrip())
    eol = text.find("\n", first)
    m = _REPORT_TITLE.match(text, first, eol if eol >= 0 else len(text))
    if m is None or int(m.group("y")) == year:
        return
    body = doc.flow.text[doc.flow.locate(m.end()) :]
    if re.search(rf"{m.group('y')}\s*年", body):
        return  # the title's year stated in the text too
    own = [
        y for y in re.finditer(rf"{year}\s*年度", body)
        if not lexicon.COMPARES_OR_PAIRS.search(body, max(0, y.start() - 4), y.start()) and not _COMPARED.match(body, y.end())
    ]
    if len(own) < 2:
        return  # the text's year not stated as its own ("本年度…比2022年度增加…" compares with it)
    written = m.group("w").replace(" ", "")
    right = f"{year}年" + ("度" if written.endswith("度") else "")
    yield Issue(
        start=m.start("w"),
        end=m.end("w"),
        message=f"标题中的年度“{written}”与正文不符：正文所述均为 {year} 年度的收支，未提及 {m.group('y')} 年；标题或正文必有一处未更新",
        expected=right,
        actual=written,
    )


# A budget's own sentences: "2025年本部门面向中小企业预留政府采购项目预算金额…", "2025年…机关运行经费预算为…",
# "开展了2025年项目预算绩效目标编报工作" in a 2026 budget
_BUDGET_OWN = re.compile(
    r"(?:^|(?<=[。\n]))\s*(?P<w>(?P<y>(?:19|20)\d{2})\s*年度?)(?P<rest>[^。\n]{0,80}?预算(?:金额|总额|为|数为|安排|\s*\d))"
    r"|开展了?\s*(?P<w2>(?P<y2>(?:19|20)\d{2})\s*年度?)\s*(?:项目)?预算绩效目标",
    re.M,
)
_BUDGET_ELSEWHERE = re.compile(r"比|较|相比|上年|上一年|去年|同期|执行|决算|以来|截至|截止|结转|结余|调整|累计|以前")


def _budget_own_years(doc: Disclosure, year: int) -> Iterator:
    """A budget's sentence of its own budget opened (or its 绩效目标 work dated) with an earlier year."""
    text = doc.flow.text
    for m in _BUDGET_OWN.finditer(text):
        key, word = ("y", "w") if m.group("y") else ("y2", "w2")
        if int(m.group(key)) == year:
            continue  # (a later year is as wrong as an earlier one)
        end = text.find("。", m.end())
        sentence = text[m.start() : len(text) if end < 0 else end]
        if _BUDGET_ELSEWHERE.search(sentence) or len(_YEAR.findall(sentence)) > 1:
            continue  # a comparison, last year's execution, or two years side by side
        slip = "疑沿用了上年文字" if int(m.group(key)) < year else "疑为笔误"
        yield _year_issue(doc, m.start(word), m.end(word), year, f"此句说明的是本年度的预算，{slip}")
