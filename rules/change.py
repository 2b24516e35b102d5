"""CHG: changes against last year or the budget — rates, direction words, signs, amounts."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.rulekit import (
    MONEY_SCALE,
    RATE_TOLERANCE,
    Assessed,
    ChangeClaim,
    Disclosure,
    Interval,
    Issue,
    NotAssessable,
    Quantity,
    amount,
    in_unit,
    interval_of,
    percent_of,
    replace_number,
    rounded_text,
    rule,
)

_UP = {"增加", "增长", "上升", "增支", "超支", "增幅", "增长率"}
_DOWN = {"减少", "下降", "降低", "节约", "节省", "减支", "降幅", "减幅", "下降率"}


def direction(word: str | None) -> int:
    if not word:
        return 0
    if word in _UP:
        return 1
    if word in _DOWN:
        return -1
    return 0


def _basis(claim: ChangeClaim) -> str:
    return "年初预算" if claim.basis == "budget" else "上年"


def _magnitude(q: Quantity) -> Interval:
    iv = interval_of(q)
    return Interval(abs(iv.lo), abs(iv.hi)) if iv.lo >= 0 or iv.hi <= 0 else Interval(Decimal(0), max(-iv.lo, iv.hi))


def _amount_like(q: Quantity | None, current: Quantity | None) -> bool:
    """An amount of money, or a count of the same things as the current figure (人次 and 人次)."""
    if q is None:
        return False
    if q.kind == "money":
        return True
    return q.kind == "count" and current is not None and current.kind == "count" and current.unit == q.unit


def _prior(claim: ChangeClaim) -> tuple[Interval | None, bool]:
    """Last year's (or the budget) figure: stated, or implied by current ∓ change. Second: was it stated."""
    if _amount_like(claim.prior, claim.current):
        return interval_of(claim.prior), True  # type: ignore[arg-type]
    if claim.current is None or claim.delta is None or claim.delta.kind != claim.current.kind:
        return None, False
    if not _amount_like(claim.delta, claim.current):
        return None, False
    sign = direction(claim.delta_word.text if claim.delta_word else None)
    if sign == 0:
        return None, False
    current = interval_of(claim.current)
    change = _magnitude(claim.delta)
    return (current - change if sign > 0 else current + change), False


def _unit(claim: ChangeClaim) -> str:
    for q in (claim.current, claim.prior, claim.delta):
        if q is not None and q.kind == "money":
            return q.unit
    if _amount_like(claim.delta, claim.current):
        return claim.current.unit  # type: ignore[union-attr]
    return ""


def expected_rate(claim: ChangeClaim) -> tuple[Interval | None, Interval | None, str]:
    """(last year's figure, the rate the figures imply, why not) for a change with a rate."""
    prior, stated = _prior(claim)
    change: Interval | None = None
    if _amount_like(claim.delta, claim.current):
        change = _magnitude(claim.delta)  # type: ignore[arg-type]
    elif claim.current is not None and prior is not None and stated:
        diff = interval_of(claim.current) - prior
        change = Interval(min(abs(diff.lo), abs(diff.hi)), max(abs(diff.lo), abs(diff.hi)))
    if prior is None or change is None:
        return None, None, "缺少本年数或上年数"
    expected = percent_of(change, prior)
    if expected is None:
        return prior, None, "上年数为零，无法计算变动率"
    return prior, expected, ""


def rate_holds(claim: ChangeClaim) -> bool | None:
    """Whether a change's rate follows from its figures (None: not assessable)."""
    if claim.rate is None:
        return None
    _, expected, _ = expected_rate(claim)
    return None if expected is None else expected.overlaps(_magnitude(claim.rate))


def amount_holds(claim: ChangeClaim) -> bool | None:
    """Whether a stated change is the difference of the two stated figures (None: not assessable)."""
    if claim.current is None or claim.prior is None or claim.delta is None:
        return None
    if {claim.current.kind, claim.prior.kind, claim.delta.kind} != {"money"}:
        return None
    diff = interval_of(claim.current) - interval_of(claim.prior)
    magnitude = Interval(min(abs(diff.lo), abs(diff.hi)), max(abs(diff.lo), abs(diff.hi)))
    if diff.lo <= 0 <= diff.hi:
        magnitude = Interval(Decimal(0), magnitude.hi)
    return magnitude.overlaps(_magnitude(claim.delta))


@rule("CHG001", "change-rate-mismatch", severity="error", fixable=True, settings={"tolerance": RATE_TOLERANCE})
def change_rate(doc: Disclosure, settings: dict) -> Iterator:
    """变动率与变动额、本年数不符。

    Checks: "X 比上年(年初预算)增加(减少) D，增长(下降) R%": last year's figure is
    X − D (X + D for 减少), or the stated one, and R must equal D ÷ last year's figure.
    Rounding of R and of the amounts is allowed; one unit off in R's last place is not.
    Amounts of money, or counts of the same thing ("在职人员 320 人，比上年末减少 5 人");
    a change in percentage points (个百分点) is not a rate.

    Why: a rate that cannot follow from the amounts means one of them is wrong,
    and readers quote the rate.

    Bad:  机关运行经费支出33.39万元，比上年减少6.28万元，下降93.4%。
    Good: 机关运行经费支出33.39万元，比上年减少6.28万元，下降15.8%。
    """
    from .unit import slipped_figure

    for claim in doc.claims_of(ChangeClaim):
        if claim.rate is None:
            continue
        prior, expected, why = expected_rate(claim)
        if expected is None or prior is None:
            yield NotAssessable(claim, why)
            continue
        yield Assessed(claim)
        if expected.widen(settings["tolerance"]).overlaps(_magnitude(claim.rate)):
            continue
        if slipped_figure(claim) is not None:
            continue  # a 万元/元 slip explains it: UNIT001 reports the figure
        word = claim.rate_word.text if claim.rate_word else ""
        start = claim.rate_word.start if claim.rate_word else claim.rate.start
        evidence = doc.text[start : claim.rate.end]
        exp_text = rounded_text(expected, claim.rate.places)
        unit = _unit(claim)
        prior_text = in_unit(prior.mid, unit, _places(claim)) if unit else ""
        kind = "降幅" if direction(word) < 0 else "增幅" if direction(word) > 0 else "变动率"
        basis = _basis(claim)
        if claim.current is not None and claim.delta is not None:
            d_word = claim.delta_word.text if claim.delta_word else "变动"
            story = f"{claim.subject or '本项'} {amount(claim.current)}，比{basis}{d_word} {amount(_abs(claim.delta))}，{basis}{'数' if basis == '上年' else ''}应为 {prior_text}"
        elif claim.prior is not None and claim.delta is not None:
            story = f"{basis} {amount(claim.prior)}，变动 {amount(_abs(claim.delta))}"
        else:
            story = f"{claim.subject or '本项'} {amount(claim.current)}，{basis} {amount(claim.prior)}"  # type: ignore[arg-type]
        shown = exp_text if exp_text is not None else f"{expected.mid:.{claim.rate.places + 1}f}"
        yield Issue(
            start=start,
            end=claim.rate.end,
            message=f"{word}{claim.rate.text.strip()} 与数据不符：{story}，{kind}应为 {shown}%",
            expected=f"{word}{shown}%",
            actual=evidence,
            fix=replace_number(evidence, claim.rate, exp_text) if exp_text is not None else None,
        )


def _abs(q: Quantity) -> Quantity:
    return q.model_copy(update={"value": abs(q.value)}) if q.value < 0 else q


def _places(claim: ChangeClaim) -> int:
    return max((q.places for q in (claim.current, claim.delta, claim.prior) if q is not None), default=2)


@rule("CHG002", "change-direction-contradiction", severity="error", fixable=True)
def change_direction(doc: Disclosure) -> Iterator:
    """增减方向的用词与数据或与另一处用词矛盾。

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
        d_dir, r_dir = direction(d_word), direction(r_word)
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
        if claim.current is None or claim.prior is None or claim.delta_word is None or not d_dir:
            continue
        if claim.current.kind != "money" or claim.prior.kind != "money":
            continue
        yield Assessed(claim)
        diff = interval_of(claim.current) - interval_of(claim.prior)
        if diff.lo > 0:
            actual_dir = 1
        elif diff.hi < 0:
            actual_dir = -1
        else:
            continue
        if actual_dir == d_dir:
            continue
        right = "增加" if actual_dir > 0 else "减少"
        basis = _basis(claim)
        now = "决算" if claim.basis == "budget" else "本年"
        higher = "高于" if actual_dir > 0 else "低于"
        yield Issue(
            start=claim.delta_word.start,
            end=claim.delta_word.end,
            message=(
                f"“{d_word}”与数据不符：{now} {amount(claim.current)}{higher}{basis} {amount(claim.prior)}，"
                f"应为“{right}”"
            ),
            expected=right,
            actual=d_word,
            fix=right if d_word in ("增加", "减少") else None,
        )


@rule("CHG003", "doubled-sign", severity="error", fixable=True)
def doubled_sign(doc: Disclosure) -> Iterator:
    """增减词后又加负号（“减少-97,121.12元”）。

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
        if direction(word) < 0:
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


@rule("CHG004", "change-amount-mismatch", severity="error", fixable=True)
def change_amount(doc: Disclosure) -> Iterator:
    """增减额与两期（或预算、决算）数不符。

    Checks: where the text states the current figure, the prior (or budget)
    figure and the change between them, the change equals their difference.

    Why: the stated change is what readers remember; it must be the difference
    of the two figures the text gives.

    Where only the current figure and an increase are stated, the increase
    cannot exceed the current figure: the prior figure would be below zero.

    Bad:  基本支出8,901,652.46元，比年初预算9,004,919.32元，减少130,266.86元。
    Good: 基本支出8,901,652.46元，比年初预算9,004,919.32元，减少103,266.86元。
    """
    from .unit import slipped_figure

    for claim in doc.claims_of(ChangeClaim):
        holds = amount_holds(claim)
        if holds is None:
            yield from _increase_beyond_current(claim)
            continue
        yield Assessed(claim)
        if holds or slipped_figure(claim) is not None:
            continue
        places = claim.delta.places
        exact = abs(claim.current.yuan_value - claim.prior.yuan_value) / MONEY_SCALE[claim.delta.unit]
        text = f"{exact:,.{places}f}" if claim.delta.grouped else f"{exact:.{places}f}"
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
        )



def _increase_beyond_current(claim: ChangeClaim) -> Iterator:
    """增加 D with D larger than the current figure X (no prior stated): the prior X − D would be below zero."""
    current, delta, word = claim.current, claim.delta, claim.delta_word
    if claim.prior is not None or current is None or delta is None or word is None:
        return
    if current.kind != "money" or delta.kind != "money" or delta.value < 0 or direction(word.text) <= 0:
        return
    prior = interval_of(current) - interval_of(delta)
    if prior.hi >= 0:
        return  # a prior of zero (a new unit, a new item) is possible
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


@rule("CHG005", "reason-contradicts-change", severity="warning")
def reason_direction(doc: Disclosure) -> Iterator:
    """说明的原因与变动方向不符。

    Checks: "X减少的主要原因是…" against the change the text states for X, and
    "主要原因：…导致此款经费减少" against the change it follows. A reason for an
    increase given for a fall, or any reason for a change of zero, is reported.

    Why: a reason that argues the other way shows the sentence was copied or the
    direction word is wrong.

    Bad:  科学技术普及（款）决算7,097,616.96元，比年初预算增加414,707.89元，增长6.2%。主要原因：年初调整功能科目，导致此款经费减少。
    Good: 科学技术普及（款）决算7,097,616.96元，比年初预算增加414,707.89元，增长6.2%。主要原因：年初调整功能科目，导致此款经费增加。
    """
    from auditlint.model import ReasonClaim

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
        actual = direction(change.delta_word.text if change.delta_word else None) or direction(
            change.rate_word.text if change.rate_word else None
        )
        if actual and actual != reason.direction:
            said = change.delta_word.text if change.delta_word else change.rate_word.text  # type: ignore[union-attr]
            yield Issue(
                start=reason.word.start,
                end=reason.word.end,
                message=f"原因与变动方向相反：{change.subject or '该项'}{said} {amount(_abs(stated))}，所述原因却导致“{word}”",
                actual=word,
                related=((stated.start, stated.end, "文中所述变动"),),
            )
