"""SUM: totals and their parts — the parts of a complete list add up to the total."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from auditlint.rulekit import (
    Assessed,
    CompositionClaim,
    Disclosure,
    Issue,
    NotAssessable,
    Severity,
    amount,
    display_subject,
    in_unit_of,
    interval_of,
    rule,
    verdicts,
)

MEASURE_NAMES = {"value": "金额", "budget": "预算数", "delta": "增减额"}


_OPEN_BRACKET = re.compile(r"\s*[（(]\s*")


def _restated_in_brackets(text: str, claim: CompositionClaim) -> bool:
    """Whether a part is the part before it written again in brackets in another unit — a news report's "捐赠物资38亿元
    (3,809,094,570.37元)": the exact figure restates the rounded one, both read as parts and added twice."""
    for before, part in zip(claim.parts, claim.parts[1:], strict=False):
        if before.kind != "money" or part.kind != "money" or before.unit == part.unit:
            continue
        if not _OPEN_BRACKET.fullmatch(text, before.end, part.start):
            continue
        a, b = interval_of(before), interval_of(part)
        if a.lo <= b.hi and b.lo <= a.hi:
            return True
    return False


@rule("SUM001", "parts-do-not-add-up", name_zh="分项之和不符", severity="error")
def parts_do_not_add_up(doc: Disclosure) -> Iterator:
    """各组成部分之和与总数不符。

    检查：总数及文中在其下列出的各组成部分（其中 / 包括 / 主要用于 / 编号条目）。已知列
    举完整时——各项占比合计 100%、以“其他”项结尾、各项是已知的分解（rules/identities.toml），
    或同一列举的另一口径（如决算数）恰好相加相符，或“加上…等 B”把所加各项合为一个金额，或文
    中在总数之前写明由几类构成而所列各项正是这几类（“主要有甲、乙二类支出”）——各部
    分之和应等于总数。可能不完整的列举，
    只在各部分之和超过总数时报告。所列的每种口径（决算数、预算数、变动额）都检查；容许四
    舍五入（可能不完整的列举若各部分之和超过总数的两倍，更可能是把别处的数字读成了它的部分，不报告）。差额可由某一部分解释的——表格中该部分是另一数字，按此数字各部分相加相符——由
    TAB005 在该部分处报告。一项金额紧接着在括号中以另一单位重写（“38亿元(3,809,094,570.37元)”）是同一金额，
    这样的列举不核验。
    原因：分项加不起来，说明有数字写错，或漏列了某一项。

    Checks: a total with the parts the text lists under it (其中 / 包括 / 主要用于 /
    numbered items). The parts must add up to the total when the list is known
    to be complete: its shares cover 100%, it ends with an 其他 item, its items
    are a known decomposition (rules/identities.toml), another measure of the
    same list (e.g. the final amounts) adds up exactly, a balance sums up all it
    adds in one amount ("加上…等 B"), or the text names and counts the kinds
    before the total and the parts are those kinds ("主要有甲、乙二类支出"). A list that may be
    partial is only reported when its parts exceed the total (by no more than
    the total itself: parts of twice the total or more are more likely figures
    of another clause read as its parts). Every measure
    listed (final amount, budget, change) is checked; rounding is allowed.
    A gap that one part explains — the tables give that part another figure,
    with which the parts add up — is TAB005's to report, at that part. A list in which an
    amount is written again in brackets in another unit ("38亿元(3,809,094,570.37元)") is
    left unassessed: the two are one amount.

    Why: parts that do not add up mean a figure was mistyped or an item left out.

    Bad:  基本支出8,901,652.46元，其中：工资福利支出8,065,382.38元；商品和服务支出793,236.02元；对个人和家庭的补助158,504.00元；资本性支出0元。
    Good: 基本支出9,017,122.40元，其中：工资福利支出8,065,382.38元；商品和服务支出793,236.02元；对个人和家庭的补助158,504.00元；资本性支出0元。
    """
    groups: dict[str, list[CompositionClaim]] = defaultdict(list)
    for claim in doc.claims_of(CompositionClaim):
        groups[claim.group or str(claim.start)].append(claim)
    corrections = verdicts.table_corrections(doc.claims) if groups else {}
    for claims in groups.values():
        failures = []
        for claim in claims:
            if _restated_in_brackets(doc.text, claim):
                continue  # "捐赠物资38亿元(3,809,094,570.37元)": one amount written twice, read as two parts
            failed = verdicts.composition_gap(claim)
            if failed is None:
                continue
            if verdicts.slipped_part(claim) is not None or verdicts.slipped_total_unit(claim) is not None:
                continue  # reported by UNIT001
            if verdicts.corrected_part(claim, corrections) is not None:
                continue  # a part the tables give another figure, which adds up: reported by TAB005
            if not claim.complete and _far_beyond(*failed):
                continue  # parts of a list that may be partial, far more than the total: whose parts they are is in doubt
            if not claim.complete and _members_shared(doc.text, claim):
                continue  # parts naming the same member in their brackets: ranks or honours that overlap, no breakdown
            failures.append((claim, *failed))
        for claim in claims:
            yield Assessed(claim) if claim.complete or failures else NotAssessable(claim, "列举可能不完整")
        if not failures:
            continue
        first = failures[0][0]
        notes = []
        for claim, parts, total in failures:
            name = MEASURE_NAMES.get(claim.measure, "金额")
            if claim.total.kind == "count" and claim.measure == "value":
                name = "数量"
            terms = " + ".join(amount(p).replace(" ", "") for p in claim.parts)
            gap = parts.mid - total.mid
            notes.append(
                f"{name}：{terms} = {in_unit_of(parts.mid, claim.total)}，而总数写作 {amount(claim.total)}，"
                f"{'多' if gap > 0 else '少'} {in_unit_of(abs(gap), claim.total)}"
            )
        why = {
            "shares": "各项占比合计为 100%",
            "other": "列举包含“其他”项",
            "pair": "两项互为补充，合起来即为全部",
            "summed-up": "所加各项已用“等”合为一个金额，与前项合起来即为总数",
            "counted": "文中已写明总数由几类构成，所列各项正是这几类",
            "": "各项之和已超过总数",
        }.get(first.completeness, "各项构成完整的分解" if first.completeness.startswith("identity") else "另一口径的分项合计与总数一致")
        subject = display_subject(first.subject) or "总数"
        severity = None if first.complete or first.total.kind == "money" else Severity.WARNING
        yield Issue(
            start=first.total.start,
            end=first.total.end,
            message=f"{subject}与其组成部分之和不符（{why}）。" + "；".join(notes),
            expected=in_unit_of(failures[0][1].mid, first.total),
            actual=doc.text[first.total.start : first.total.end],
            severity=severity,
            related=tuple((p.start, p.end, lab) for p, lab in zip(first.parts, first.part_labels, strict=False)),
            claims=tuple(claim for claim, *_ in failures),
        )


_BRACKETED = re.compile(r"[（(]([^（()）]{2,200})[)）]")
_MEMBER_SEP = re.compile(r"[、，,；;]+")


def _members_shared(text: str, claim: CompositionClaim) -> bool:
    """Whether two parts name one member in the brackets after them: "2个省重点专科（心内科、神经内科）；3个市领先学
    科（心内科、…）" counts kinds of distinction that one department may hold at once, not a breakdown of a total."""
    seen: set[str] = set()
    parts = claim.parts
    for i, part in enumerate(parts):
        end = parts[i + 1].start if i + 1 < len(parts) else min(len(text), part.end + 300)
        stretch = text[part.end : end]
        if i + 1 == len(parts):
            stretch = re.split(r"[。\n]", stretch, maxsplit=1)[0]
        # (the names read without blanks: a letter-spaced line gives "心 内 科")
        members = {m for b in _BRACKETED.findall(stretch) for m in _MEMBER_SEP.split(re.sub(r"\s+", "", b)) if len(m) >= 2}
        if members & seen:
            return True
        seen |= members
    return False


def _far_beyond(parts, total) -> bool:
    """Parts more than twice their total: a list that may be partial is reported when its parts exceed the
    total, but a list read as the parts of a total that is not theirs (an increment, a gap, a figure of
    another clause) exceeds it by far more than a mistyped part does."""
    return total.hi > 0 and parts.lo > total.hi * 2


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = r"\s*(?:万元|元|亿元)"


def _step(n: int) -> str:
    """The n-th adjustment: "年中追加预算 300.00 万元" (word wN, amount nN)."""
    return (
        rf"(?:年中|年内|期间|其后|后)?(?P<w{n}>追加|调增|增加|调减|核减|减少|收回)(?:了)?(?:预算)?(?:资金|经费)?(?:为|了)?"
        rf"\s*(?P<n{n}>{_NUM}){_MONEY}"
    )


_ADJUSTED = re.compile(
    r"年初预算(?:资金|经费)?(?:数|金额)?(?:为|是)?\s*(?P<start>" + _NUM + ")" + _MONEY
    + r"\s*[，,；;]\s*" + _step(1)
    + r"(?:\s*[，,；;]\s*" + _step(2) + r")?"
    + r"\s*[，,；;]\s*(?:调整后的?|全年|最终)预算(?:资金|经费)?(?:数|金额)?(?:为|是|达到?)?\s*(?P<end>" + _NUM + ")" + _MONEY
)
_DOWN = ("调减", "核减", "减少", "收回")


@rule("SUM002", "budget-adjustment-mismatch", name_zh="调整后预算不符", severity="error")
def budget_adjustment(doc: Disclosure) -> Iterator:
    """调整后预算与年初预算及追加（调减）数不符。

    检查：“年初预算 A 万元，年中追加 B 万元（调减 C 万元），调整后（全年）预算 D 万元”：
    D 应等于 A + B − C，容许四舍五入。
    原因：执行率以调整后预算衡量；调整数加不起来，其后的每个执行率都值得怀疑。

    Checks: "年初预算 A 万元，年中追加 B 万元（调减 C 万元），调整后（全年）预算 D 万元":
    D must equal A + B − C, allowing for rounding.

    Why: the adjusted budget is what execution rates are measured against; an
    adjustment that does not add up puts every rate after it in doubt.

    Bad:  本项目年初预算资金1,200.00万元，年中追加预算300.00万元，全年预算资金1,600.00万元。
    Good: 本项目年初预算资金1,200.00万元，年中追加预算300.00万元，全年预算资金1,500.00万元。
    """
    flow = doc.flow
    if "年初预算" not in flow.text:
        return
    at = {q.start: q for q in doc.quantities if q.kind == "money"}
    for m in _ADJUSTED.finditer(flow.text):
        figures = {}
        for name in ("start", "n1", "n2", "end"):
            if m.group(name) is None:
                continue
            q = at.get(flow.span(m.start(name), m.end(name))[0])
            if q is None:
                break
            figures[name] = q
        else:
            total = interval_of(figures["start"])
            for n in ("1", "2"):
                if f"n{n}" in figures:
                    step = interval_of(figures[f"n{n}"])
                    total = total - step if m.group(f"w{n}") in _DOWN else total + step
            end = figures["end"]
            stated = interval_of(end)
            if total.overlaps(stated):
                continue
            terms = amount(figures["start"]).replace(" ", "")
            for n in ("1", "2"):
                if f"n{n}" in figures:
                    sign = "−" if m.group(f"w{n}") in _DOWN else "+"
                    terms += f" {sign} {amount(figures[f'n{n}']).replace(' ', '')}"
            yield Issue(
                start=end.start,
                end=end.end,
                message=(
                    f"调整后预算与年初预算及调整数不符：{terms} = {in_unit_of(total.mid, end)}，"
                    f"而写作 {amount(end)}"
                ),
                expected=in_unit_of(total.mid, end),
                actual=doc.text[end.start : end.end],
                related=tuple((q.start, q.end, "年初预算" if k == "start" else m.group(f"w{k[1]}")) for k, q in figures.items() if k != "end"),
            )
