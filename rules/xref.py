"""XREF: one quantity, two values — the same figure, rate, score or count stated differently in two places."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from auditlint.rulekit import (
    Disclosure,
    Interval,
    Issue,
    Mention,
    Severity,
    amount,
    cite_lines,
    interval_of,
    lexicon,
    rule,
    verdicts,
)

_BASIS_NAMES = {
    "actual": "实际支出",
    "年初": "年初预算",
    "调整": "调整后预算",
    "全年": "全年预算",
    "预算": "预算",
    "any": "资金",
}
_DEFINITE = ("actual", "年初", "调整")


def _iv(m: Mention) -> Interval:
    return interval_of(m.fact.quantity)


def _basis_name(m: Mention, budget: bool = False) -> str:
    """How a finding names a mention's basis; in a budget report this year's amount is its budget, not spending."""
    if m.basis.startswith("rate:"):
        return m.fact.label or "执行率"
    if budget and m.basis == "actual":
        return "预算数"
    return _BASIS_NAMES.get(m.basis, m.basis)


def _agrees(a: Mention, b: Mention) -> bool:
    return _iv(a).overlaps(_iv(b))


def _slip(a: Mention, b: Mention) -> bool:
    """A 万元/元 slip (×10⁴) explains the difference: UNIT001's finding, not a second value."""
    if a.fact.quantity.kind != "money":
        return False
    return verdicts.scale_slip(_iv(a), _iv(b))


def _clusters(mentions: list[Mention]) -> list[list[Mention]]:
    clusters: list[list[Mention]] = []
    for m in mentions:
        for c in clusters:
            if _agrees(c[0], m):
                c.append(m)
                break
        else:
            clusters.append([m])
    return clusters


def _item_name(item: str) -> str:
    return "部门整体支出（本年支出合计）" if item == "本年支出合计" else item


def _covered(doc: Disclosure, m: Mention, whole: bool) -> bool:
    """Whether the funds a sentence names cover the whole line item (an evaluation of all projects …)."""
    if whole:
        return True
    if re.search(r"全面|全部|所有|100(?:\.0+)?%", m.sentence):
        return True
    count = re.search(r"项目\s*(\d+)\s*个", m.sentence)
    if count is None:
        return False
    totals = re.findall(r"全部(?:预算)?项目\s*(\d+)\s*个", doc.document.content)
    return count.group(1) in totals


@rule("XREF001", "figure-stated-twice", name_zh="同一数字两处不一", severity="error")
def figure_stated_twice(doc: Disclosure) -> Iterator:
    r"""同一数字在文中两处所述不一致。

    检查：文中为同一项目、同一口径所写的每个金额和执行率——部门整体支出（本年支出合计、整体支出，或整体绩效自评中单写的“实际支出”）、项目支出、基本支出
    （rules/quantities.toml），各自的实际数、年初预算、调整预算或执行率——无论写在何处都应一致。以多数处所写的数值为准；未说明口径的预算（全年预算、预算）
    应与所写的预算之一相符，只以用途指称的资金（“开展整体支出绩效自评，资金128.40万元”）应与所写数字之一相符。预算数与决算数、部分与整体、本年与上年、财政
    拨款合计是不同的量，从不相互比较。
    原因：同一数字有两个数值，读者无从判断哪个是真的，而其中必有一个是错的。

    Checks: every amount and execution rate the text states for the same line
    item on the same basis — 部门整体支出 (本年支出合计, 整体支出, or the bare "实际支出"
    of a 整体 evaluation), 项目支出, 基本支出 (rules/quantities.toml), each as its
    actual amount, its 年初 budget, its 调整 budget, or its 执行率 — must agree,
    wherever it is stated. The value most places give is taken as the reference;
    a budget whose basis is not said (全年预算, 预算) must match one of the budgets
    stated, and funds named only by what they cover ("开展整体支出绩效自评，资金
    128.40万元") one of the figures stated. Budget and final figures, a part and
    its whole, this year and last year, and fiscal-grant (财政拨款) totals are
    different quantities and are never compared.

    Why: a reader cannot tell which of two values of one figure is true, and one
    of them is always wrong.

    Bad:  2023年度支出合计612.30万元。\n一、部门整体绩效评价报告\n（一）部门整体绩效目标完成情况\n部门2023年度调整后的预算数为634.50万元。2023 年实际支出 612.30 万元，执行率 96.50%。\n1.预算执行情况分析\n全年预算数 640.10 万元，实际执行数 588.20 万元，执行率 91.89%。
    Good: 2023年度支出合计612.30万元。\n一、部门整体绩效评价报告\n（一）部门整体绩效目标完成情况\n部门2023年度调整后的预算数为634.50万元。2023 年实际支出 612.30 万元，执行率 96.50%。\n1.预算执行情况分析\n全年预算数 634.50 万元，实际执行数 612.30 万元，执行率 96.50%。
    """
    mentions = doc.mentions
    by_item: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_item[m.item].append(m)
    dissent: dict[int, list[tuple[Mention, list[Mention], bool]]] = defaultdict(list)  # statement -> (mention, reference, definite)
    for item, ms in by_item.items():
        whole = item == "本年支出合计"
        by_basis: dict[str, list[Mention]] = defaultdict(list)
        for m in ms:
            by_basis[m.basis].append(m)
        for basis, group in by_basis.items():
            if basis not in _DEFINITE and not basis.startswith("rate:"):
                continue
            clusters = _clusters(group)
            if len(clusters) < 2:
                continue
            reference = max(clusters, key=len)
            for c in clusters:
                if c is reference:
                    continue
                for m in c:
                    if not any(_slip(m, r) for r in reference):
                        dissent[m.statement.index].append((m, reference, True))
        budgets = [m for m in ms if m.basis in ("年初", "调整", "全年", "预算")]
        for m in ms:
            if m.basis in ("全年", "预算"):
                others = [b for b in budgets if b.statement.index != m.statement.index and b.basis in ("年初", "调整")]
            elif m.basis == "any":
                if not _covered(doc, m, whole):
                    continue
                others = [o for o in ms if o.statement.index != m.statement.index and not o.basis.startswith("rate:") and o.basis != "any"]
            else:
                continue
            if others and not any(_agrees(m, o) or _slip(m, o) for o in others):
                dissent[m.statement.index].append((m, others, False))
    budget = lexicon.budget_title(doc.document.content)
    for index in sorted(dissent):
        items = sorted(dissent[index], key=lambda d: d[0].fact.quantity.start)
        said = "、".join(f"{_basis_name(m, budget)} {amount(m.fact.quantity)}" for m, _, _ in items)
        refs = [_reference(doc, reference, budget) for _, reference, _ in items]
        first = items[0][0]
        q = first.fact.quantity
        last = max(m.fact.quantity.end for m, _, _ in items)
        definite = any(d for _, _, d in items)
        yield Issue(
            start=q.start,
            end=last if doc.document.position(last)[0] - doc.document.position(q.start)[0] <= 3 else q.end,
            message=f"{_item_name(first.item)}前后不一：此处{said}，而本报告其他处为{'；'.join(dict.fromkeys(refs))}",
            actual=said,
            severity=None if definite else Severity.WARNING,
            related=tuple(
                dict.fromkeys((reference[0].fact.quantity.start, reference[0].fact.quantity.end, "同一数字的另一处") for _, reference, _ in items)
            ),
        )


def _reference(doc: Disclosure, reference: list[Mention], budget: bool) -> str:
    """What the rest of the report says, by basis: the value most places give, and where."""
    by_basis: dict[str, list[Mention]] = defaultdict(list)
    for r in reference:
        by_basis[r.basis].append(r)
    parts = []
    for group in by_basis.values():
        main = max(_clusters(group), key=len)
        parts.append(f"{_basis_name(main[0], budget)} {amount(main[0].fact.quantity)}（{cite_lines(doc, [m.fact.quantity.start for m in main])}）")
    return "、".join(parts)


@rule("XREF002", "score-stated-twice", name_zh="自评得分两处不一", severity="error")
def score_stated_twice(doc: Disclosure) -> Iterator:
    r"""同一项绩效自评的总得分在两处所述不一致。

    检查：部门整体支出和项目支出整体的自评总得分，无论写在决算说明中还是所附评价报告中，
    都应相同。单个项目的得分之间不作比较。
    原因：公布的得分只有一个；出现两个数值，读者无从判断哪个评价结果是真的。

    Checks: the overall self-evaluation score of the whole department (整体支出)
    and of its project spending as a whole (项目支出), wherever stated — in the
    决算 explanation and in the attached evaluation report — must be the same.
    Scores of single projects are not compared with each other.

    Why: the published score is one number; two values leave the reader unable
    to tell which evaluation result is true.

    Bad:  本部门对一般公共预算项目支出全面开展绩效自评，绩效自评得分93.40分。\n附件\n本部门项目支出绩效自评报告绩效评价综合得分 100 分。
    Good: 本部门对一般公共预算项目支出全面开展绩效自评，绩效自评得分93.40分。\n附件\n本部门项目支出绩效自评报告绩效评价综合得分 93.40 分。
    """
    by_scope: dict[str, list] = defaultdict(list)
    for s in doc.scores:
        if s.level == "total" and s.scope in ("整体", "项目支出"):
            by_scope[s.scope].append(s)
    for scope, scores in by_scope.items():
        first = scores[0]
        for other in scores[1:]:
            if other.value.interval.overlaps(first.value.interval):
                continue
            what = "部门整体支出" if scope == "整体" else "项目支出"
            yield Issue(
                start=first.start,
                end=first.end,
                message=(
                    f"{what}绩效自评得分前后不一：此处 {first.value.text.strip()} 分，"
                    f"{cite_lines(doc, [other.start])}为 {other.value.text.strip()} 分"
                ),
                actual=first.value.text.strip(),
                related=((other.start, other.end, "同一评价的另一得分"),),
            )
            break


_NAMED_COUNT = re.compile(
    r"[“\"](?P<name>[^”\"\n]{4,40})[”\"](?P<gap>[\u4e00-\u9fff]{0,4}?)\s*(?P<n>\d{1,4})\s*(?P<unit>场次|场|次|期|届|个|项|批)(?!\s*[余多])"
)
_UNIT_FAMILY = {"场次": "场", "场": "场", "次": "场"}


@rule("XREF003", "named-count-stated-twice", name_zh="同名活动场次两处不一", severity="error")
def named_count_stated_twice(doc: Disclosure) -> Iterator:
    r"""同一名称的活动在两处所述场次（数量）不一致。

    检查：写有数量的某项具名活动或事项（“‘2023年社区科普大讲堂’系列活动 12 场”）在别处以
    同一名称写成另一数量（“‘2023 年社区科普大讲堂’15 场次”）。约数（10余场）不作比较。
    原因：同一项活动不可能举办了不同的次数，其中必有一个数字是错的。

    Checks: a named event or item given with its count ("“2023年社区科普大讲堂”
    系列活动 12 场") and the same name given elsewhere with another count
    ("“2023 年社区科普大讲堂”15 场次"). Approximate counts (10余场) are not
    compared.

    Why: the same event cannot have been held a different number of times; one
    of the figures is wrong.

    Bad:  全年开展“2023年社区科普大讲堂”系列活动 12 场。\n举办“2023 年社区科普大讲堂”15 场次，居民800余人次参加。
    Good: 全年开展“2023年社区科普大讲堂”系列活动 15 场。\n举办“2023 年社区科普大讲堂”15 场次，居民800余人次参加。
    """
    flow = doc.flow
    seen: dict[tuple[str, str], tuple[int, int, int]] = {}
    for m in _NAMED_COUNT.finditer(flow.text):
        before = flow.text[max(0, m.start() - 3) : m.start()]
        if re.search(r"近|约|超过|逾", before + m.group("gap")):
            continue
        clause = re.split(r"[。；;\n]", flow.text[max(0, m.start() - 30) : m.start()])[-1]
        if any(doc.year is not None and int(y) != doc.year for y in re.findall(r"((?:19|20)\d{2})\s*年", clause + m.group("name"))):
            continue  # another year's event of the same name
        if re.search(r"全区|全市|全县|全省|全国|各街|各单位|累计|其中", re.split(r"[，,]", clause)[-1]):
            continue  # a count for a wider (or narrower) scope than the unit's own
        name = re.sub(r"\s+", "", m.group("name"))
        unit = _UNIT_FAMILY.get(m.group("unit"), m.group("unit"))
        n = int(m.group("n"))
        start, end = flow.span(m.start(), m.end())
        key = (name, unit)
        if key not in seen:
            seen[key] = (flow.span(m.start("n"), m.end())[0], end, n)
            continue
        f_start, f_end, f_n = seen[key]
        if f_n == n:
            continue
        yield Issue(
            start=start,
            end=end,
            message=f"“{name}”的场次前后不一：此处 {n}{m.group('unit')}，{cite_lines(doc, [f_start])}为 {f_n}{unit}",
            actual=f"{n}{m.group('unit')}",
            related=((f_start, f_end, "同一活动的另一处"),),
        )


@rule("XREF004", "project-exceeds-total", name_zh="单个项目超过项目支出总额", severity="warning")
def project_exceeds_total(doc: Disclosure) -> Iterator:
    r"""单个项目的预算超过本部门项目支出总额。

    检查：具名项目的预算（“图书馆数字化改造项目预算2,600,000.00元”）与报告为本部门项目支
    出所写的每个数字（各预算数和决算数）相对照：单个项目不可能大于全部项目之和。
    原因：要么该项目的数字有错，要么它是多年的合计，应当注明。

    Checks: a named project's budget ("图书馆数字化改造项目预算2,600,000.00元") against
    every figure the report gives for the department's 项目支出 (budgets and the
    final amount): a single project cannot be larger than all projects together.

    Why: either the project's figure is wrong, or it is a multi-year total that
    must be labelled as such.

    Bad:  2023年度本年支出合计8,204,517.36元，其中：基本支出6,120,004.12元，项目支出2,084,513.24元。\n图书馆数字化改造项目预算2,600,000.00元，用于馆藏数字化。
    Good: 2023年度本年支出合计8,204,517.36元，其中：基本支出6,120,004.12元，项目支出2,084,513.24元。\n图书馆数字化改造项目预算1,600,000.00元，用于馆藏数字化。
    """
    totals = [m for m in doc.mentions if m.item == "项目支出" and not m.basis.startswith("rate:") and m.basis != "any"]
    if not totals:
        return
    largest = max(totals, key=lambda m: _iv(m).hi)
    for st in doc.statements:
        for fact in st.all("budget"):
            if fact.label != "项目预算" or not st.key or st.key in ("项目",):
                continue
            if any(m.fact is fact for m in totals):
                continue  # the department's own 项目预算
            q = fact.quantity
            if q.kind != "money" or interval_of(q).lo <= _iv(largest).hi:
                continue
            yield Issue(
                start=q.start,
                end=q.end,
                message=(
                    f"单个项目预算 {amount(q)} 超过本部门项目支出总额（最大为"
                    f"{cite_lines(doc, [largest.fact.quantity.start])}的 {amount(largest.fact.quantity)}）："
                    "数字有误，或为多年度总预算而未注明"
                ),
                actual=amount(q),
                related=((largest.fact.quantity.start, largest.fact.quantity.end, "项目支出总额"),),
            )
