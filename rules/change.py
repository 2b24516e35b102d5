"""CHG: changes against last year or the budget — rates, direction words, signs, amounts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from auditlint.rulekit import (
    RATE_TOLERANCE,
    Assessed,
    ChangeClaim,
    Disclosure,
    Issue,
    NotAssessable,
    Quantity,
    ReasonClaim,
    Scan,
    Severity,
    amount,
    digits,
    figures_of,
    in_unit,
    item_line_breaks,
    lexicon,
    replace_number,
    rule,
    verdicts,
)


def _basis(claim: ChangeClaim) -> str:
    return "年初预算" if claim.basis == "budget" else "上年"


@rule("CHG001", "change-rate-mismatch", name_zh="变动率不符", severity="error", fixable=True, settings={"tolerance": RATE_TOLERANCE})
def change_rate(doc: Disclosure, settings: dict) -> Iterator:
    """变动率与变动额、本年数不符。

    检查：“X 比上年（年初预算）增加（减少）D，增长（下降）R%”：上年数为 X − D（减少时为
    X + D），文中另写了上年数的以所写为准；R 应等于 D ÷ 上年数。R 和各金额的四舍五入不算
    错误，R 末位差一个单位则算。两期数都已写明、R 与之相符而 D 不符时，错的是变动额而不
    是变动率，由 CHG004 报告。适用于金额，或同一事物的数量（“在职人员 320 人，比上年末减
    少 5 人”）；以“个百分点”表示的变动不是变动率。支出、收入、经费等不会小于零，其降幅超过 100%（“下降
    102%”）无论本年数是否写明都不可能成立，也会报告。
    原因：变动率与金额推算不出来，说明其中必有一个数字写错；而读者引用的往往正是变动率。

    Checks: "X 比上年(年初预算)增加(减少) D，增长(下降) R%": last year's figure is
    X − D (X + D for 减少), or the stated one, and R must equal D ÷ last year's figure.
    Rounding of R and of the amounts is allowed; one unit off in R's last place is not.
    Where both figures are stated and R follows from them but D does not, the
    amount is wrong, not the rate: CHG004 reports it.
    Amounts of money, or counts of the same thing ("在职人员 320 人，比上年末减少 5 人");
    a change in percentage points (个百分点) is not a rate. Spending, revenue and funds cannot
    fall below zero: a decrease of more than 100% ("下降102%") is reported whether or not
    this year's figure is stated.

    Why: a rate that cannot follow from the amounts means one of them is wrong,
    and readers quote the rate.

    Bad:  机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。
    Good: 机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。
    """
    for claim in doc.claims_of(ChangeClaim):
        if claim.rate is None:
            continue
        verdict = verdicts.change_rate(claim)
        if verdict.expected is None or verdict.prior is None:
            if _impossible_decrease(claim):
                yield Assessed(claim)
                yield _decrease_issue(doc, claim)
            else:
                yield NotAssessable(claim, verdict.reason)
            continue
        yield Assessed(claim)
        if verdict.holds(claim.rate, settings["tolerance"]):
            continue
        if verdicts.unit_slip(claim, fails=True) is not None:
            continue  # a 万元/元 slip explains it: UNIT001 reports the figure
        if verdicts.change_amount_holds(claim) is False and verdicts.rate_of_stated_figures(claim).holds(claim.rate, settings["tolerance"]):
            continue  # the rate follows from the two figures: the change amount is wrong, CHG004 reports it
        yield _rate_issue(doc, claim, verdict.prior, verdict.expected)


# what can be below zero (a balance, a result, a gap): its decrease may exceed 100%
_MAY_BE_NEGATIVE = re.compile(r"结余|结转|净|利润|盈余|亏损|赤字|差|损益|收支")
_CANNOT_BE_NEGATIVE = re.compile(r"支出|费|收入|拨款|资金|预算|采购|人数|辆")


def _impossible_decrease(claim: ChangeClaim) -> bool:
    """A decrease of more than 100% in what cannot be below zero (spending, revenue, a count): from any
    figure down to nothing is a fall of 100%, and no further."""
    rate = claim.rate
    return (
        rate is not None
        and claim.rate_direction < 0
        and claim.delta_direction <= 0
        and rate.value > 100
        and bool(_CANNOT_BE_NEGATIVE.search(claim.subject))
        and not _MAY_BE_NEGATIVE.search(claim.subject)
    )


def _decrease_issue(doc: Disclosure, claim: ChangeClaim) -> Issue:
    assert claim.rate is not None
    word = claim.rate_word.text if claim.rate_word else ""
    start = claim.rate_word.start if claim.rate_word else claim.rate.start
    return Issue(
        start=start,
        end=claim.rate.end,
        message=(
            f"{word}{claim.rate.text.strip()} 不可能成立：{claim.subject or '本项'}不会小于零，"
            f"比{_basis(claim)}减少的幅度最多为 100%（减少到零）；变动率或变动额必有一处写错"
        ),
        actual=doc.text[start : claim.rate.end],
    )


def _rate_issue(doc: Disclosure, claim: ChangeClaim, prior, expected) -> Issue:
    """CHG001's finding: the rate as stated, the figures it should follow from, and the rate they give."""
    assert claim.rate is not None
    word = claim.rate_word.text if claim.rate_word else ""
    start = claim.rate_word.start if claim.rate_word else claim.rate.start
    evidence = doc.text[start : claim.rate.end]
    unit = verdicts.change_unit(claim)
    prior_text = in_unit(prior.mid, unit, _places(claim)) if unit else ""
    kind = "降幅" if claim.rate_direction < 0 else "增幅" if claim.rate_direction > 0 else "变动率"
    basis = _basis(claim)
    if claim.current is not None and claim.prior is not None and claim.delta is not None:
        d_word = claim.delta_word.text if claim.delta_word else "变动"
        story = f"{claim.subject or '本项'} {amount(claim.current)}，{basis}{'数' if basis == '上年' else ''} {amount(claim.prior)}，{d_word} {amount(_abs(claim.delta))}"
    elif claim.current is not None and claim.delta is not None:
        d_word = claim.delta_word.text if claim.delta_word else "变动"
        story = (
            f"{claim.subject or '本项'} {amount(claim.current)}，比{basis}{d_word} {amount(_abs(claim.delta))}，"
            f"{basis}{'数' if basis == '上年' else ''}应为 {prior_text}"
        )
    elif claim.prior is not None and claim.delta is not None:
        story = f"{basis} {amount(claim.prior)}，变动 {amount(_abs(claim.delta))}"
    else:
        story = f"{claim.subject or '本项'} {amount(claim.current)}，{basis} {amount(claim.prior)}"  # type: ignore[arg-type]
    shown = verdicts.shown(expected, claim.rate.places, _nominal_rate(claim, prior))
    return Issue(
        start=start,
        end=claim.rate.end,
        message=f"{word}{claim.rate.text.strip()} 与数据不符：{story}，{kind}应为 {shown.text}%",
        expected=f"{word}{shown.text}%",
        actual=evidence,
        fix=replace_number(evidence, claim.rate, shown.certain) if shown.certain is not None else None,
        basis=figures_of(claim),
    )


def _nominal_rate(claim: ChangeClaim, prior) -> Decimal | None:
    """The rate as the written figures give it (change ÷ last year's figure), for showing a wide expected range."""
    if prior is None or prior.mid <= 0:
        return None
    if claim.delta is not None:
        change = abs(verdicts.interval_of(claim.delta).mid)
    elif claim.current is not None:
        change = abs(verdicts.interval_of(claim.current).mid - prior.mid)
    else:
        return None
    return change / prior.mid * 100


def _abs(q: Quantity) -> Quantity:
    return replace(q, value=abs(q.value)) if q.value < 0 else q


def _places(claim: ChangeClaim) -> int:
    return max((q.places for q in (claim.current, claim.delta, claim.prior) if q is not None), default=2)


@rule("CHG002", "change-direction-contradiction", name_zh="增减方向矛盾", severity="error", fixable=True)
def change_direction(doc: Disclosure) -> Iterator:
    """增减方向的用词与数据或与另一处用词矛盾。

    检查：金额的用词（增加/减少）与比率的用词（增长/下降）一致；文中两期数都写明时，“增
    加”意味着本期数较大。
    原因：与数据相反的方向用词，会让读者得出与事实相反的结论。

    Checks: the word for the amount (增加/减少) and the word for the rate (增长/下降)
    agree; and where the text states both figures, 增加 means the current figure
    is the larger one.

    Why: a direction word that contradicts the figures tells the reader the
    opposite of what happened.

    Bad:  工资福利支出8,065,382.38元，年初预算7,972,225.24元，减少93,157.14元。
    Good: 工资福利支出8,065,382.38元，年初预算7,972,225.24元，增加93,157.14元。
    """
    for claim in doc.claims_of(ChangeClaim):
        d_word = claim.delta_word.text if claim.delta_word else None
        r_word = claim.rate_word.text if claim.rate_word else None
        d_dir, r_dir = claim.delta_direction, claim.rate_direction
        nonzero = (claim.delta is not None and claim.delta.value != 0) or (
            claim.rate is not None and claim.rate.value != 0
        )
        if d_dir and r_dir and d_dir != r_dir and nonzero and claim.rate_word is not None:
            yield Assessed(claim)
            yield Issue(
                start=claim.rate_word.start,
                end=claim.rate_word.end,
                message=f"方向用词矛盾：金额写作“{d_word}”，变动率却写作“{r_word}”",
                expected=("增长" if d_dir > 0 else "下降"),
                actual=r_word,
            )
            continue
        if claim.delta_word is None or not d_dir:
            continue
        actual_dir = verdicts.figures_direction(claim)
        if actual_dir is None:
            continue
        yield Assessed(claim)
        if actual_dir == 0 or actual_dir == d_dir:
            continue  # rounding admits either order, or the word is right
        right = "增加" if actual_dir > 0 else "减少"
        basis = _basis(claim)
        now = "决算" if claim.basis == "budget" else "本年"
        higher = "高于" if actual_dir > 0 else "低于"
        yield Issue(
            start=claim.delta_word.start,
            end=claim.delta_word.end,
            message=(
                f"“{d_word}”与数据不符：{now} {amount(claim.current)}{higher}{basis} {amount(claim.prior)}，"  # type: ignore[arg-type]
                f"应为“{right}”"
            ),
            expected=right,
            actual=d_word,
            fix=right if d_word in ("增加", "减少") else None,
            basis=figures_of(claim),
        )


@rule("CHG003", "doubled-sign", name_zh="增减词后多负号", severity="error", fixable="safe")
def doubled_sign(doc: Disclosure) -> Iterator:
    """增减词后又加负号（“减少-97,121.12元”）。

    检查：紧跟在“增加”“减少”之后、带负号的金额。
    原因：“减少-X”字面上是增加，负号重复（甚至颠倒）了增减词的方向；增减词之后应写金额的
    绝对值。

    Checks: an amount written with a minus sign right after 增加/减少.

    Why: "减少-X" read literally is an increase; the sign doubles (or reverses)
    the direction word. Write the magnitude after the word.

    Bad:  一般公共服务支出478,297.24元，比年初预算减少-97,121.12元，下降16.9%。
    Good: 一般公共服务支出478,297.24元，比年初预算减少97,121.12元，下降16.9%。
    """
    for claim in doc.claims_of(ChangeClaim):
        if not claim.double_sign or claim.delta is None or claim.delta_word is None:
            continue
        yield Assessed(claim)
        word = claim.delta_word.text
        start, end = claim.delta_word.start, claim.delta.end
        evidence = doc.text[start:end]
        magnitude = claim.delta.text.lstrip("-－− ")
        if claim.delta_direction < 0:
            fixed = evidence.replace(claim.delta.text, magnitude, 1)
            message = f"“{word}”后不应再加负号：“{word}{claim.delta.text.strip()}”读作反向变动，应写作“{word}{magnitude.strip()}”"
        else:
            fixed = None
            message = f"“{word}{claim.delta.text.strip()}”方向自相矛盾：负的增加即减少，应写作“减少{magnitude.strip()}”"
        yield Issue(
            start=start,
            end=end,
            message=message,
            expected=fixed,
            actual=evidence,
            fix=fixed,
        )


@rule("CHG004", "change-amount-mismatch", name_zh="变动额不符", severity="error", fixable=True)
def change_amount(doc: Disclosure) -> Iterator:
    """增减额与两期（或预算、决算）数不符。

    检查：文中写明本期数、上期（或预算）数以及两者之间的变动额时，变动额应等于两数之差。
    只写本期数和增加额时，增加额不能超过本期数，否则上期数将小于零。
    原因：读者记住的是变动额，它必须是文中所给两个数字之差。

    Checks: where the text states the current figure, the prior (or budget)
    figure and the change between them, the change equals their difference.

    Why: the stated change is what readers remember; it must be the difference
    of the two figures the text gives.

    Where only the current figure and an increase are stated, the increase
    cannot exceed the current figure: the prior figure would be below zero.

    Bad:  基本支出8,901,652.46元，比年初预算9,004,919.32元，减少130,266.86元。
    Good: 基本支出8,901,652.46元，比年初预算9,004,919.32元，减少103,266.86元。
    """
    for claim in doc.claims_of(ChangeClaim):
        holds = verdicts.change_amount_holds(claim)
        if holds is None:
            yield from _increase_beyond_current(claim)
            continue
        yield Assessed(claim)
        if holds or verdicts.unit_slip(claim, fails=True) is not None:
            continue
        assert claim.current is not None and claim.prior is not None and claim.delta is not None
        text = digits(verdicts.change_amount_expected(claim), claim.delta.places, claim.delta.grouped)
        evidence = doc.text[claim.delta.start : claim.delta.end]
        yield Issue(
            start=claim.delta.start,
            end=claim.delta.end,
            message=(
                f"变动额 {claim.delta.text.strip()} 与数据不符：{amount(claim.current)} 与 {_basis(claim)} "
                f"{amount(claim.prior)} 相差 {text}{' ' + claim.delta.unit if claim.delta.unit else ''}"
            ),
            expected=text,
            actual=evidence,
            fix=replace_number(evidence, _abs(claim.delta), text) if claim.delta.value >= 0 else None,
            basis=figures_of(claim),
        )



def _increase_beyond_current(claim: ChangeClaim) -> Iterator:
    """增加 D with D larger than the current figure X (no prior stated): the prior X − D would be below zero."""
    exceeds = verdicts.increase_exceeds_current(claim)
    if exceeds is None:
        return
    if not exceeds:
        return  # a prior of zero (a new unit, a new item) is possible
    current, delta, word = claim.current, claim.delta, claim.delta_word
    assert current is not None and delta is not None and word is not None
    yield Assessed(claim)
    basis = _basis(claim)
    units = "；两数单位不同，疑“元”与“万元”错写" if current.unit != delta.unit else ""
    yield Issue(
        start=delta.start,
        end=delta.end,
        message=(
            f"{word.text} {amount(delta)} 大于本年数 {amount(current)}：{basis}数 {amount(current)} − {amount(delta)} "
            f"将小于零，其中一个数字有误{units}"
        ),
        actual=delta.text,
        related=((current.start, current.end, "本年数"),),
    )


@rule("CHG005", "reason-contradicts-change", name_zh="原因与变动方向不符", severity="warning")
def reason_direction(doc: Disclosure) -> Iterator:
    """说明的原因与变动方向不符。

    检查：“X减少的主要原因是……”与文中所写 X 的变动相对照，“主要原因：……导致此款经费减少”
    与其前面的变动相对照。为下降给出增加的原因，或为零变动给出任何原因，都会报告。
    原因：说明的原因与变动方向相反，说明句子是照抄的，或者方向用词写错了。

    Checks: "X减少的主要原因是…" against the change the text states for X, and
    "主要原因：…导致此款经费减少" against the change it follows. A reason for an
    increase given for a fall, or any reason for a change of zero, is reported.

    Why: a reason that argues the other way shows the sentence was copied or the
    direction word is wrong.

    Bad:  科学技术普及（款）决算7,097,616.96元，比年初预算增加414,707.89元，增长6.2%。主要原因：年初调整功能科目，导致此款经费减少。
    Good: 科学技术普及（款）决算7,097,616.96元，比年初预算增加414,707.89元，增长6.2%。主要原因：年初调整功能科目，导致此款经费增加。
    """
    for reason in doc.claims_of(ReasonClaim):
        change = reason.change
        if change is None:
            yield NotAssessable(reason, "找不到该原因对应的变动")
            continue
        stated = change.delta if change.delta is not None else change.rate
        if stated is None:
            yield NotAssessable(reason, "对应的变动没有金额或幅度")
            continue
        yield Assessed(reason)
        word = reason.word.text
        if stated.value == 0 and (change.rate is None or change.rate.value == 0):
            zero = f"{change.delta_word.text if change.delta_word else '变动'} {amount(stated)}"
            yield Issue(
                start=reason.word.start,
                end=reason.word.end,
                message=f"原因与数据不符：{change.subject or '该项'}{zero}，与{_basis(change)}持平，却说明“{word}”的原因",
                actual=word,
                expected="持平",
                related=((stated.start, stated.end, "文中所述变动"),),
            )
            continue
        actual = change.delta_direction or change.rate_direction
        if actual and actual != reason.direction:
            said = change.delta_word.text if change.delta_word else change.rate_word.text  # type: ignore[union-attr]
            yield Issue(
                start=reason.word.start,
                end=reason.word.end,
                message=f"原因与变动方向相反：{change.subject or '该项'}{said} {amount(_abs(stated))}，所述原因却导致“{word}”",
                actual=word,
                related=((stated.start, stated.end, "文中所述变动"),),
            )


_GARBLED_SCAN = Scan(lexicon.GARBLED_DIRECTION, starts="[增减下上降持]", sparse=True)  # every match opens with a direction word


@rule("CHG006", "direction-words-garbled", name_zh="增减用词错乱", severity="warning")
def garbled_direction(doc: Disclosure) -> Iterator:
    r"""增减用词重叠或自相矛盾（“减增加”“增加持平”“增加增加”，或写“持平”却列有变动额）。

    检查：修改文字时残留下来的增减用词：两个相反方向连在一起（“比 2024 年度减增加 21.90
    万元”，跨行亦然）、方向词与“持平”并列（“与上年增加持平”）、同一个词写了两遍（“增加增
    加”，作为提示报告）；以及在同一分句中写“持平”却列出了非零的变动额（“与上年持平，增加
    5.00 万元”）。“基本持平”允许小幅变动，不报告；模板中带括号的选项“增加（减少）”由
    DOC004 报告。
    原因：读者无法判断数字是增是减；多余的那个词通常是上年句子的残留。

    Checks: direction words run together where the text was edited — two opposite
    directions ("比 2024 年度减增加 21.90 万元", also across a line break), a
    direction beside 持平 ("与上年增加持平"), one word written twice ("增加增加", a
    note); and "持平" in the same clause as a non-zero change of that figure
    ("与上年持平，增加 5.00 万元"). "基本持平" admits a small change and is not
    reported; the template's bracketed choice "增加（减少）" is DOC004's.

    Why: the reader cannot tell which way the figure went; a leftover word is
    usually the remains of last year's sentence.

    Bad:  “三公”经费财政拨款支出决算数比 2024 年度减增加 21.90 万元，增长 141.75%。
    Good: “三公”经费财政拨款支出决算数比 2024 年度增加 21.90 万元，增长 141.75%。
    """
    flow = doc.flow
    changes = doc.claims_of(ChangeClaim)
    for m in _GARBLED_SCAN.finditer(flow.text):
        start, end = flow.span(m.start(), m.end())
        written = re.sub(r"\s+", "", m.group(0))
        if m.group("twice"):
            word = m.group("w")
            yield Issue(start=start, end=end, message=f"“{written}”重复了一个词，应为“{word}”", expected=word, actual=written,
                        severity=Severity.INFO)
        elif m.group("level"):
            yield Issue(
                start=start,
                end=end,
                message=f"“{written}”自相矛盾：“持平”是没有变动，“{written.replace('持平', '')}”是有变动，应按数据只保留其一",
                actual=written,
            )
        else:
            yield Issue(start=start, end=end, message=f"“{written}”同时写了两个相反的方向，应按数据只保留一个", actual=written)
    yield from _level_beside_change(doc, changes)


_CLAUSE_BREAK = re.compile("[，,；;。：:]")  # a colon opens what follows: "与2022年预算持平：一、…增加170万元"
_SENTENCE_BREAK = re.compile("[；;。]")


def _level_beside_change(doc: Disclosure, changes: list[ChangeClaim]) -> Iterator:
    """"与上年持平" in the clause of a change whose amount or rate is not zero."""
    content = doc.document.content
    if "持平" not in content:
        return
    # a numbered line opens a clause of its own, whether or not the line before it ends with a stop
    breaks = sorted([m.start() for m in _CLAUSE_BREAK.finditer(content)] + item_line_breaks(content))
    for claim in changes:
        stated = [q for q in (claim.delta, claim.rate) if q is not None]
        if not stated or all(q.value == 0 for q in stated):
            continue
        lo = min(q.start for q in stated)
        hi = max(q.end for q in stated)
        current = claim.current
        if current is not None and current.end <= lo and not _SENTENCE_BREAK.search(content, current.end, lo):
            lo = current.end  # "50.00万元，与上年持平，比上年增加5.00万元": the words between the amount and its change
        # the change's own words: from the clause that opens it to the end of the clause that closes it
        k = bisect.bisect_left(breaks, lo)
        left = breaks[k - 1] + 1 if k else 0
        k = bisect.bisect_left(breaks, hi)
        right = breaks[k] if k < len(breaks) else len(content)
        m = lexicon.LEVEL_PHRASE.search(content, left, right)
        if m is None:
            continue
        nonzero = next(q for q in stated if q.value != 0)
        yield Issue(
            start=m.start(),
            end=m.end(),
            message=f"写作“持平”，同一处却列有变动 {content[nonzero.start:nonzero.end].strip()}：两者只能有一个是对的",
            actual="持平",
            related=((nonzero.start, nonzero.end, "同一处所列的变动"),),
        )
