"""Property tests: consistent synthetic disclosures raise nothing; one wrong figure is caught where it is.

The generator writes a small 决算 explanation the way the national template does —
totals with complete lists and shares, changes against last year in several
phrasings, execution against the budget, an identity list — in 元 or 万元, with
or without thousands separators, optionally hard-wrapped like PDF text. Every
figure is computed exactly and rounded the way reports round, so the document
is consistent; a mutation then breaks exactly one claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from auditlint.api import check_bytes
from auditlint.config import Config

CENT = Decimal("0.01")


def pct(part: Decimal, total: Decimal, places: int = 1) -> Decimal:
    return (part / total * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass
class Doc:
    unit: str
    grouped: bool
    pieces: list[str] = field(default_factory=list)
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> span in the unwrapped text
    zero_change: bool = False

    def money(self, value: Decimal) -> str:
        text = f"{value:,.2f}" if self.grouped else f"{value:.2f}"
        return text + self.unit

    def add(self, *parts: str | tuple[str, str]) -> None:
        """Append text; (name, text) parts are remembered as the span a mutation may target."""
        for part in parts:
            if isinstance(part, tuple):
                name, text = part
                start = len(self.text)
                self.pieces.append(text)
                self.marks[name] = (start, start + len(text))
            else:
                self.pieces.append(part)

    @property
    def text(self) -> str:
        return "".join(self.pieces)


amounts = st.integers(min_value=100_000_000, max_value=20_000_000_000).map(lambda n: Decimal(n) * CENT)


@st.composite
def disclosures(draw) -> Doc:
    unit = draw(st.sampled_from(["元", "万元"]))
    doc = Doc(unit=unit, grouped=unit == "元" or draw(st.booleans()))
    scale = Decimal(1) if unit == "元" else Decimal("0.0001")
    m = lambda v: (v * scale).quantize(CENT)  # noqa: E731 - amounts in the document's unit
    year = draw(st.integers(min_value=2019, max_value=2025))

    # income: a complete list with shares
    parts = [m(draw(amounts)) for _ in range(3)]
    total = sum(parts, Decimal(0))
    names = ["财政拨款收入", "事业收入", "其他收入"]
    doc.add(f"一、收入决算情况说明\n{year}年度本年收入合计", ("income_total", doc.money(total)), "，其中：")
    for i, (name, value) in enumerate(zip(names, parts, strict=True)):
        sep = "；" if i < 2 else "。\n"
        doc.add(f"{name}", (f"income_{i}", doc.money(value)), f"，占{pct(value, total)}%{sep}")

    # a change against last year, in one of the template's phrasings
    current, prior = m(draw(amounts)), m(draw(amounts))
    delta = abs(current - prior)
    doc.zero_change = delta == 0
    up = current >= prior
    rate = pct(delta, prior)
    word, rword = ("增加", "增长") if up else ("减少", "下降")
    subject = draw(st.sampled_from(["机关运行经费支出", "“三公”经费财政拨款支出", "财政拨款支出"]))
    form = draw(st.integers(min_value=0, max_value=2))
    doc.add("二、变动情况说明\n")
    if form == 0:
        doc.add(f"{year}年度{subject}", doc.money(current), "，比上年", ("change_word", word), doc.money(delta))
        doc.add("，", ("change_rate", f"{rword}{rate}%"), "。\n")
    elif form == 1:
        doc.add(f"{year}年度{subject}", doc.money(current), f"。与{year - 1}年度相比，{subject}")
        doc.add(("change_word", word), doc.money(delta), "，", ("change_rate", f"{rword}{rate}%"), "。\n")
    else:
        doc.add(f"{year}年度{subject}", doc.money(current), f"，较{year - 1}年度", ("change_word", word))
        doc.add(doc.money(delta), "，", ("change_rate", f"{'增幅' if up else '降幅'}{rate}%"), "。\n")

    # execution against the budget
    budget, final = m(draw(amounts)), m(draw(amounts))
    done = pct(final, budget)
    comparative = "大于" if final > budget else "小于" if final < budget else "等于"
    doc.add(f"三、一般公共预算财政拨款支出决算具体情况\n{year}年度一般公共预算财政拨款支出年初预算为", doc.money(budget))
    doc.add("，支出决算为", doc.money(final), "，完成年初预算的", ("exec_rate", f"{done}%"))
    doc.add(f"，决算数{comparative}年初预算数的主要原因是项目调整。\n")

    # an identity: 基本支出 = 人员经费 + 公用经费
    staff, office = m(draw(amounts)), m(draw(amounts))
    doc.add(f"四、基本支出情况说明\n{year}年度基本支出", ("basic_total", doc.money(staff + office)))
    doc.add("，其中：人员经费", ("basic_staff", doc.money(staff)), "，公用经费", doc.money(office), "。\n")

    # the income total restated
    doc.add("五、小结\n本年收入合计", ("restated_total", doc.money(total)), "，各项收支均已按规定公开。\n")
    return doc


def wrap(text: str, width: int) -> tuple[str, list[int]]:
    """Hard-wrap like PDF text at a display width (CJK counts two columns, as on the page),
    with a blank line between lines and never inside a number.
    Returns the wrapped text and, for each original offset, its offset in the wrapped text."""
    width *= 2
    out: list[str] = []
    where: list[int] = []
    col = 0
    pos = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            out.append("\n\n")
            where.append(pos)
            pos += 2
            col = 0
            continue
        in_number = ch.isdigit() or (ch in ",." and i + 1 < len(text) and text[i + 1].isdigit())
        if col >= width and not in_number and not (i and text[i - 1].isdigit() and ch in ",."):
            out.append("\n\n")
            pos += 2
            col = 0
        where.append(pos)
        out.append(ch)
        pos += 1
        col += 2 if ord(ch) > 0x2E7F else 1
    where.append(pos)
    return "".join(out), where


def run(text: str):
    return check_bytes("synthetic.txt", text.encode("utf-8"), Config())


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@given(doc=disclosures(), wrapped=st.booleans(), width=st.integers(min_value=22, max_value=34))
def test_consistent_disclosures_raise_nothing(doc, wrapped, width):
    text = wrap(doc.text, width)[0] if wrapped else doc.text
    result = run(text)
    assert result.error is None
    serious = [f"{f.rule} L{f.line}: {f.message}" for f in result.findings if f.severity.value != "info"]
    assert serious == [], text


def _mutate(doc: Doc, kind: str, k: int) -> tuple[str, str, str]:
    """(mutated text, target mark, the rule that must fire)."""
    text = doc.text
    if kind == "rate":
        start, end = doc.marks["change_rate"]
        old = text[start:end]
        number = Decimal(old.rstrip("%")[2:])
        # far enough from the true rate that no rounding of the amounts can explain it
        shift = max(Decimal(k) / 10, number * Decimal("0.05") + 1)
        new_number = number + shift if number < 50 or k % 2 else number / 2
        new = f"{old[:2]}{new_number:.1f}%"
        return text[:start] + new + text[end:], "change_rate", "CHG001"
    if kind == "exec":
        start, end = doc.marks["exec_rate"]
        number = Decimal(text[start : end - 1])
        new = f"{number + Decimal(k) / 10 + 1:.1f}%"
        return text[:start] + new + text[end:], "exec_rate", "EXE001"
    if kind == "part":
        start, end = doc.marks["basic_staff"]
        value = Decimal(text[start:end].rstrip("万元").replace(",", ""))
        return text[:start] + doc.money(value + k) + text[end:], "basic_total", "SUM001"
    if kind == "direction":
        start, end = doc.marks["change_word"]
        flipped = "减少" if text[start:end] == "增加" else "增加"
        return text[:start] + flipped + text[end:], "change_rate", "CHG002"
    if kind == "unit":
        start, end = doc.marks["restated_total"]
        old = text[start:end]
        new = old[:-2] + "元" if old.endswith("万元") else old[:-1] + "万元"
        return text[:start] + new + text[end:], "restated_total", "UNIT001"
    raise AssertionError(kind)


@given(
    doc=disclosures(),
    kind=st.sampled_from(["rate", "exec", "part", "direction", "unit"]),
    k=st.integers(min_value=2, max_value=40),
    wrapped=st.booleans(),
)
def test_one_wrong_figure_is_caught_at_its_line(doc, kind, k, wrapped):
    assume(not (kind == "direction" and doc.zero_change))  # 增加 0 and 减少 0 say the same
    mutated, mark, rule = _mutate(doc, kind, k)
    # every mutation keeps the length of what precedes the target, so its offset is unchanged
    start = doc.marks[mark][0]
    text, where = wrap(mutated, 28) if wrapped else (mutated, list(range(len(mutated) + 1)))
    target_line = line_of(text, where[start])
    hits = [f for f in run(text).findings if f.rule == rule]
    assert hits, f"{rule} did not fire for a {kind} mutation:\n{text}"
    assert target_line in [f.line for f in hits], f"{rule} fired at lines {[f.line for f in hits]}, not {target_line}:\n{text}"
