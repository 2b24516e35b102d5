r"""TAB: table identities — totals, the 类/款/项 hierarchy, 栏次 formulas, declared identities."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditlint.rulekit import (
    MONEY_SCALE,
    Assessed,
    Culprit,
    Disclosure,
    Interval,
    Issue,
    LinkClaim,
    ListedItemClaim,
    NameClaim,
    NotAssessable,
    Outcome,
    Severity,
    ShiftClaim,
    TableCell,
    TableClaim,
    TextTableClaim,
    amount,
    digits,
    display_subject,
    quantize,
    replace_number,
    rounded,
    rule,
    verdicts,
)

# Which rule reports a failure: a cell that breaks identities of several kinds is reported once,
# by the first of these rules whose identity it breaks.
_RULE_OF_KIND = {"table-total": "TAB001", "table-code": "TAB002", "table-formula": "TAB003", "table-identity": "TAB004"}
_PRIORITY = ["TAB001", "TAB002", "TAB003", "TAB004"]
_MAX_LISTED = 6


def _in_cell_unit(value: Decimal, like: TableCell) -> str:
    """A value in 元 written the way a cell writes its figures."""
    q = like.quantity
    if q is None:
        return f"{value:.2f}"
    scaled = value / MONEY_SCALE[q.unit] if q.kind == "money" else value
    return digits(scaled, q.places, q.grouped) + ("%" if q.unit == "%" else "")


def _written(cell: TableCell) -> str:
    return cell.text.strip() if cell.state != "blank" else "空白"


def _term_name(claim: TableClaim, cell: TableCell) -> str:
    if claim.axis in ("column", "formula"):
        return cell.column.split(" / ")[-1] if cell.column else f"第{cell.col + 1}列"
    return cell.line or f"第{cell.row + 1}行"


def _terms_text(claim: TableClaim) -> str:
    shown = [t for t in claim.terms if t.cell.state != "blank"]
    if len(shown) > _MAX_LISTED:
        return f"{len(shown)} 项之和"
    pieces = []
    for i, t in enumerate(shown):
        sign = ("－" if t.sign < 0 else "＋") if i else ("－" if t.sign < 0 else "")
        pieces.append(f"{sign}{_term_name(claim, t.cell)} {t.cell.text.strip()}")
    text = " ".join(pieces)
    if len(shown) < len(claim.terms):
        text += "（空白项按 0 计）"
    return text


def _gap_text(o: Outcome) -> str:
    assert o.parts is not None and o.total is not None
    if o.claim.denominator:
        return f"应为 {_expected(o)}"
    gap = o.total.mid - o.parts.mid
    return f"{'多' if gap > 0 else '少'} {_in_cell_unit(abs(gap), o.claim.total)}"


def _figure(iv: Interval, q) -> str:
    """A range of exact values as one figure written like `q`: its one rounding, else its middle."""
    value = rounded(iv, q.places)
    if value is None:
        value = quantize(iv.mid, q.places)
    return digits(value, q.places, q.grouped)


def _expected(o: Outcome) -> str | None:
    assert o.parts is not None
    q = o.claim.total.quantity
    if q is None:
        return None
    if o.claim.denominator:
        return _figure(o.parts, q) + ("%" if o.percent else "")
    scale = MONEY_SCALE[q.unit] if q.kind == "money" else Decimal(1)
    return _figure(o.parts.scale(1 / scale), q)


def _single_message(o: Outcome) -> str:
    claim = o.claim
    total = claim.total
    if claim.denominator:
        num = " ＋ ".join(f"{_term_name(claim, t.cell)} {_written(t.cell)}" for t in claim.terms)
        den = " ＋ ".join(f"{_term_name(claim, t.cell)} {_written(t.cell)}" for t in claim.denominator)
        return (
            f"{claim.table_title}{total.where}与{claim.what}不符：{num} ÷ {den}，"
            f"而表中写作 {_written(total)}，{_gap_text(o)}"
        )
    assert o.parts is not None
    return (
        f"{claim.table_title}中{claim.what}：{_terms_text(claim)} = {_in_cell_unit(o.parts.mid, total)}，"
        f"而{total.where}写作 {_written(total)}，{_gap_text(o)}"
    )


def _culprit_message(c: Culprit) -> tuple[str, str | None]:
    cell = c.cell
    title = c.explains[0].claim.table_title
    notes = []
    for o in c.explains:
        assert o.parts is not None
        notes.append(f"{o.claim.what}（写作 {_written(o.claim.total)}，按各项计算为 {_in_cell_unit(o.parts.mid, o.claim.total)}）")
    q = cell.quantity
    expected = None
    if q is not None:
        scale = MONEY_SCALE[q.unit] if q.kind == "money" else Decimal(1)
        expected = _figure(c.corrected.scale(1 / scale), q)
    tail = f"；若其余数字无误，该单元格应为 {expected}" if expected else ""
    message = (
        f"{title}{cell.where}的 {_written(cell)} 使 {len(c.explains)} 处勾稽关系不成立："
        + "；".join(notes)
        + tail
    )
    return message, expected


def _owner(c: Culprit) -> str:
    rules = {_RULE_OF_KIND.get(o.claim.kind, "") for o in c.explains}
    return next(r for r in _PRIORITY if r in rules)


def _report(d: Disclosure, rule_id: str) -> Iterator:
    table = d.table_verdicts
    reported: set[int] = set()
    for claim in table.claims:  # the table claims, picked out of all the claims once for the five rules
        if _RULE_OF_KIND.get(claim.kind) != rule_id:
            continue
        o = table.outcomes[id(claim)]
        if o.status == "na":
            yield NotAssessable(claim, o.reason)
            continue
        yield Assessed(claim)
        if o.status != "fail":
            continue
        culprit = table.located.get(id(claim))
        if culprit is not None:
            if _owner(culprit) != rule_id or id(culprit) in reported:
                continue
            reported.add(id(culprit))
            message, expected = _culprit_message(culprit)
            yield Issue(
                start=culprit.cell.start,
                end=culprit.cell.end,
                message=message,
                expected=expected,  # the likely value, not a certain one: no automatic fix
                actual=culprit.cell.text,
                related=tuple((x.claim.total.start, x.claim.total.end, x.claim.what) for x in culprit.explains),
                claims=tuple(x.claim for x in culprit.explains),
            )
            continue
        expected = _expected(o)
        yield Issue(
            start=claim.total.start,
            end=claim.total.end,
            message=_single_message(o),
            expected=expected,
            actual=claim.total.text,
            related=tuple((t.cell.start, t.cell.end, _term_name(claim, t.cell)) for t in claim.terms if t.cell.state != "blank")[:_MAX_LISTED],
        )


@rule("TAB001", "table-total-mismatch", name_zh="表格合计不符", severity="error")
def table_total_mismatch(doc: Disclosure) -> Iterator:
    r"""表中合计、小计、总计与其所合计的各项之和不符。

    检查：每张表格中，合计、小计、总计行在每个数值列上都等于其所合计的各行（其上方各行，
    合计在前时为其下方各行；总计包括其前的合计）；合计、小计列在每一行上都等于同一表头下
    的各列。空白单元格按 0 计；n 个经四舍五入的单元格之和，容许相差末位的 n 个半单位。一
    个单元格同时破坏多个勾稽关系时，只在该单元格报告一次，并给出能使各关系都成立的数值。
    原因：合计加不起来，说明有数字写错，或漏列了某一行。

    Checks: in every table, a 合计 / 小计 / 总计 line equals the lines it totals
    (those above it, or below it when the total comes first; 总计 includes the
    合计 before it), in every value column; and a 合计 / 小计 column equals its
    sibling columns under the same header, in every line. Blank cells count as 0;
    a total of n rounded cells may differ by n half-units of the last place.
    When one cell breaks several identities at once, it is reported once, at
    that cell, with the value that would make them all hold.

    Why: a 合计 that does not add up means a figure was mistyped or a line left out.

    Bad:  单位：万元\n项目 | 决算数\n基本支出 | 80.00\n项目支出 | 20.00\n合计 | 110.00
    Good: 单位：万元\n项目 | 决算数\n基本支出 | 80.00\n项目支出 | 20.00\n合计 | 100.00
    """
    yield from _report(doc, "TAB001")


@rule("TAB002", "table-hierarchy-mismatch", name_zh="科目层级之和不符", severity="error")
def table_hierarchy_mismatch(doc: Disclosure) -> Iterator:
    r"""上级科目与其所属下级科目之和不符（类 = 款之和，款 = 项之和）。

    检查：功能分类科目逐级包含——类（3 位，208）等于其下各款（5 位，20805）之和，款等于其
    下各项（7 位，2080505）之和；经济分类科目同理（301 = 30101 + 30102 + …）；标题行等于
    其下各编号行之和。每个数值列都检查；空白单元格按 0 计；容许四舍五入。
    原因：类不等于其下各款之和，说明某个款或项的数字有错或缺失。

    Checks: functional classification codes nest — a 类 (3 digits, 208) equals
    the sum of its 款 (5 digits, 20805), a 款 the sum of its 项 (7 digits,
    2080505); economic codes likewise (301 = 30101 + 30102 + …); a heading line
    equals the numbered lines under it. Checked in every value column; blank
    cells count as 0; rounding is allowed.

    Why: a 类 that is not the sum of its 款 means a 款 or 项 figure is wrong or missing.

    Bad:  单位：万元\n科目编码 | 科目名称 | 决算数\n208 | 社会保障和就业支出 | 30.00\n20805 | 行政事业单位养老支出 | 30.00\n2080505 | 机关事业单位基本养老保险缴费支出 | 20.00\n2080506 | 机关事业单位职业年金缴费支出 | 12.00
    Good: 单位：万元\n科目编码 | 科目名称 | 决算数\n208 | 社会保障和就业支出 | 30.00\n20805 | 行政事业单位养老支出 | 30.00\n2080505 | 机关事业单位基本养老保险缴费支出 | 20.00\n2080506 | 机关事业单位职业年金缴费支出 | 10.00
    """
    yield from _report(doc, "TAB002")


@rule("TAB003", "table-formula-mismatch", name_zh="栏次公式不符", severity="error")
def table_formula_mismatch(doc: Disclosure) -> Iterator:
    r"""表中数字不符合栏次行声明的公式（如 5=4/3、7=1+2+3）。

    检查：栏次行为各列编号，并可能声明公式：“5=4/3”（第 5 栏为第 4 栏除以第 3 栏，写有 %
    时为百分比）、“7=1+2+3”、“3=1-2”。每一行都应符合公式。没有栏次行而表头以字母写出的
    公式（“全年预算数(A)”“全年执行数(B)”“预算执行率(B/A)”）同样核验，只要字母所指各列是
    金额、公式所在列是百分比。分母为空的不可核验；容许每个单元格的四舍五入。
    原因：栏次公式是表格的一部分；不符合公式的行有数字错误。

    Checks: a 栏次 row numbers the columns and may declare formulas: ``5=4/3``
    (column 5 is column 4 divided by column 3, as a percentage when written
    with %), ``7=1+2+3``, ``3=1-2``. The formula must hold in every line.
    A formula the headers give in letters, with no 栏次 row ("全年预算数(A)",
    "全年执行数(B)", "预算执行率(B/A)"), is checked the same way, where the
    letters name columns of amounts and the formula's column holds percentages.
    A blank denominator is not assessable; rounding of every cell is allowed.

    Why: the 栏次 formula is part of the table; a line that breaks it has a wrong figure.

    Bad:  单位：万元\n项目 | 调整预算数 | 决算数 | 执行率\n栏次 | 1 | 2 | 3=2/1\n基本支出 | 200.00 | 150.00 | 85.0%
    Good: 单位：万元\n项目 | 调整预算数 | 决算数 | 执行率\n栏次 | 1 | 2 | 3=2/1\n基本支出 | 200.00 | 150.00 | 75.0%
    """
    yield from _report(doc, "TAB003")


@rule("TAB004", "table-identity-mismatch", name_zh="会计勾稽关系不符", severity="error")
def table_identity_mismatch(doc: Disclosure) -> Iterator:
    r"""表中数字不符合会计勾稽关系（rules/identities.toml 中声明的关系）。

    检查：rules/*.toml 中声明的会计勾稽关系（收入总计 = 支出总计，年末结转和结余 = 年初
    结转和结余 + 本年收入 − 本年支出，“三公”经费 = 其三个组成部分……），在表格以行或列载
    有其全部项目之处都应成立（双栏表中名为“总计”的行，按其所在一栏称为收入总计、支出总计）。
    某一项目匹配到多行、或一行也匹配不到时，该关系不检查。表格自身的合计行、合计列已表达
    的关系由 TAB001 检查。
    原因：这些关系在每一套决算中都成立；破坏其中一个的表格，必有数字错误。

    Checks: the accounting identities declared in rules/*.toml (收入总计 = 支出总计,
    年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出, 三公经费 = its three parts …)
    wherever a table holds every term as a line or a column (in a two-sided
    table a line named 总计 is named after its side: 收入总计, 支出总计). A term
    that matches several lines, or none, leaves the identity unchecked. Instances
    the table's own 合计 lines and columns already state are checked by TAB001.

    Why: these identities hold in every set of final accounts; a table that breaks one has a wrong figure.

    Bad:  单位：万元\n收入 | | 支出 |\n项目 | 决算数 | 项目 | 决算数\n本年收入合计 | 100.00 | 本年支出合计 | 95.00\n年初结转和结余 | 10.00 | 年末结转和结余 | 20.00\n总计 | 110.00 | 总计 | 115.00
    Good: 单位：万元\n收入 | | 支出 |\n项目 | 决算数 | 项目 | 决算数\n本年收入合计 | 100.00 | 本年支出合计 | 95.00\n年初结转和结余 | 10.00 | 年末结转和结余 | 15.00\n总计 | 110.00 | 总计 | 110.00
    """
    yield from _report(doc, "TAB004")


def _cell_yuan(cell: TableCell) -> Interval | None:
    q = cell.quantity
    if q is None or q.kind != "money":
        return None
    return q.yuan



@rule("TAB005", "text-table-mismatch", name_zh="正文与表格不符", severity="error")
def text_table_mismatch(doc: Disclosure) -> Iterator:
    r"""正文所述金额与表格中同一项目的数字不符。

    检查：说明正文为表格中某一行（收入合计、基本支出、功能分类的某个类或项、“三公”经费及
    其组成部分……）所写的金额，经元、万元换算后，应等于表格中的该行。按名称、口径（全部资
    金、财政拨款、一般公共预算财政拨款……——同一个基本支出在不同口径下数字不同）和计量（决
    算或预算）匹配行。表格之间对该行说法不一时，不作结论。
    原因：说明是对表格的复述；与表格不同的金额会误导读者。

    Checks: an amount the explanation states for a line of the tables (收入合计,
    基本支出, a 类 or 项 of the functional classification, “三公”经费 and its parts …)
    must equal that line in the tables, after converting 元 / 万元. Lines are
    matched by name, scope (all funds, 财政拨款, 一般公共预算财政拨款 … — the same
    基本支出 differs between scopes) and measure (决算 or 预算). When the tables
    disagree among themselves about the line, nothing is concluded.

    Why: the explanation restates the tables; an amount that differs from them misinforms the reader.

    Bad:  本年支出合计100.00万元，其中：基本支出70.00万元，项目支出30.00万元。\n单位：万元\n项目 | 本年支出合计 | 基本支出 | 项目支出\n合计 | 100.00 | 75.00 | 25.00
    Good: 本年支出合计100.00万元，其中：基本支出75.00万元，项目支出25.00万元。\n单位：万元\n项目 | 本年支出合计 | 基本支出 | 项目支出\n合计 | 100.00 | 75.00 | 25.00
    """
    for claim in doc.claims_of(TextTableClaim):
        table = verdicts.table_figure([cell.quantity for cell in claim.cells])
        if table.value is None or claim.stated.kind != "money":
            yield NotAssessable(claim, table.reason or "表格数字缺少金额单位")
            continue
        yield Assessed(claim)
        common = table.value
        stated = claim.stated.yuan
        if verdicts.table_line_holds(claim.stated, common, all(verdicts.leaf_line(c.line) for c in claim.cells)):
            continue
        q = claim.stated
        expected = _as_written(doc.text[q.start : q.end], q, common)
        where = "、".join(dict.fromkeys(f"{t}{c.where}为 {c.text.strip()}{_table_unit(c)}" for t, c in zip(claim.titles, claim.cells)))
        note = ""
        for other, other_title in zip(claim.other_scope, claim.other_titles):
            iv = _cell_yuan(other)
            if iv is not None and iv.overlaps(stated):
                note = f"（该数与{other_title}{other.where}的 {other.text.strip()} 相同，疑将其他口径的数字写入了本口径）"
                break
        subject = display_subject(claim.subject) or "该项目"
        yield Issue(
            start=q.start,
            end=q.end,
            message=(
                f"正文所述{subject} {amount(q)} 与表格不符：{where}{note}"
            ),
            expected=expected,
            actual=doc.text[q.start : q.end],
            related=tuple((c.start, c.end, f"{t}{c.where}") for t, c in zip(claim.titles, claim.cells)),
        )


def _as_written(evidence: str, q, table: Interval) -> str:
    """The table's figure written the way the text writes its own: same unit, places, grouping and spacing."""
    value = quantize(table.mid / MONEY_SCALE[q.unit], q.places)
    return replace_number(evidence, q, digits(value, q.places, q.grouped))


def _table_unit(cell: TableCell) -> str:
    q = cell.quantity
    return f" {q.unit}" if q is not None and q.unit and q.unit != "%" else ""


@rule("TAB006", "table-rows-shifted", name_zh="表格错行", severity="error")
def table_rows_shifted(doc: Disclosure) -> Iterator:
    r"""表格金额与科目错行：自某行起，各行金额是其他表中另一科目的金额。

    检查：功能分类科目（类/款/项编码）表格中，自某行起，各行金额是报告其他表格中另一科目
    的金额——逐行如此，至少三次，且占从该行起各行的一半以上，而那些表格彼此一致。错行只在
    第一行报告一次，各错行列为相关位置；错行所破坏的各项合计不再逐一报告。表格的合计行仍
    按其各项之和检查。
    原因：金额与科目错位的表格，错位处以下每一行都说错了，而每个数字单看又都像是对的。

    Checks: a table of functional 科目 (类/款/项 codes) whose amounts, from some row
    on, are those the report's other tables give to other 科目 — row after row, at
    least three times and for at least half of the rows from there on, while those
    tables agree with each other. The shift is reported once, at its first row,
    with each shifted row as a related place; the sums the shifted rows break are
    not reported again one by one. A table's 合计 line is still held to its sum.

    Why: a table whose amounts slid against their 科目 misstates every line below
    the slip, though each figure looks plausible on its own.

    Bad:  收入决算表\n单位：万元\n项目 | 本年收入合计\n科目编码 | 科目名称 | 本年收入合计\n201 | 一般公共服务支出 | 30.00\n20101 | 人大事务 | 10.00\n2010101 | 行政运行 | 10.00\n20103 | 政府办公厅 | 20.00\n2010301 | 行政运行 | 20.00\n支出决算表\n单位：万元\n科目编码 | 科目名称 | 本年支出合计\n201 | 一般公共服务支出 | 30.00\n20101 | 人大事务 | 20.00\n2010101 | 行政运行 | 20.00\n20103 | 政府办公厅 | 30.00\n2010301 | 行政运行 | 10.00
    Good: 收入决算表\n单位：万元\n项目 | 本年收入合计\n科目编码 | 科目名称 | 本年收入合计\n201 | 一般公共服务支出 | 30.00\n20101 | 人大事务 | 10.00\n2010101 | 行政运行 | 10.00\n20103 | 政府办公厅 | 20.00\n2010301 | 行政运行 | 20.00\n支出决算表\n单位：万元\n科目编码 | 科目名称 | 本年支出合计\n201 | 一般公共服务支出 | 30.00\n20101 | 人大事务 | 10.00\n2010101 | 行政运行 | 10.00\n20103 | 政府办公厅 | 20.00\n2010301 | 行政运行 | 20.00
    """
    for claim in doc.claims_of(ShiftClaim):
        yield Assessed(claim)
        first = claim.rows[0]
        examples = "；".join(f"{r.code} 行为 {r.written}，而{claim.reference}中 {r.code} 为 {r.own}、{r.belongs_to} 为 {r.written}" for r in claim.rows[:3])
        yield Issue(
            start=first.start,
            end=first.end,
            message=(
                f"{claim.table_title}自“{first.code}”行起金额与科目错行：{len(claim.rows)} 行的金额是{claim.reference}中另一科目的金额"
                f"（{examples}）。应按科目重新核对本表各行金额"
            ),
            related=tuple((r.start, r.end, f"{r.code} 行") for r in claim.rows[1:]),
        )


def _link_side(cells: list[TableCell]) -> Interval | None:
    total = Interval.exact(Decimal(0))
    for cell in cells:
        iv = Interval.exact(Decimal(0)) if cell.state == "blank" else _cell_yuan(cell)
        if iv is None:
            return None
        total = total + iv
    return total


def _link_text(cells: list[TableCell], title: str) -> str:
    return " ＋ ".join(f"{title}{c.where} {_written(c)}{_table_unit(c)}" for c in cells)


@rule("TAB007", "table-link-mismatch", name_zh="表间数字不符", severity="error")
def table_link_mismatch(doc: Disclosure) -> Iterator:
    r"""两张表格之间应当一致（或有大小关系）的数字不符。

    检查：部门决算、部门预算模板在表格之间规定的关系（rules/templates.toml 中的 [[link]]）：
    一般公共预算表的基本支出等于基本支出表的人员经费合计 + 公用经费合计；一般公共预算表
    的每个类等于财政拨款收支总表中该类的一般公共预算列；基本支出表中的公务接待费、公务用
    车运行维护费和因公出国（境）费用，不超过“三公”经费表中的相应数字（后者还包括项目支出）；
    某科目的一般公共预算金额不超过其在支出决算表中的金额。元表与万元表换算后比较，容许四
    舍五入。
    原因：各表相互复述；与另一张表不符的数字，说明其中一张有错，而读者无从判断是哪一张。

    Checks: the identities the 部门决算 / 部门预算 templates set between tables
    (rules/templates.toml, [[link]]): the 基本支出 of the 一般公共预算 table equals
    人员经费合计 + 公用经费合计 of the basic expenditure table; each 类 of the
    一般公共预算 table equals its 一般公共预算 column in the 财政拨款收支总表; the
    公务接待费, 公务用车运行维护费 and 因公出国（境）费用 of the basic expenditure table
    do not exceed those of the “三公” table, which also counts project spending; a
    科目's 一般公共预算 amount does not exceed its amount in the 支出决算表. Tables
    in 元 and 万元 are compared after conversion, rounding allowed.

    Why: the tables restate each other; a figure that disagrees with another table
    means one of them is wrong, and the reader cannot tell which.

    Bad:  一般公共预算财政拨款基本支出决算表\n单位：万元\n经济分类科目编码 | 科目名称 | 决算数\n30217 | 公务接待费 | 8.31\n财政拨款“三公”经费支出决算表\n单位：万元\n公务接待费 | 公务接待费\n预算数 | 决算数\n0.80 | 0.30
    Good: 一般公共预算财政拨款基本支出决算表\n单位：万元\n经济分类科目编码 | 科目名称 | 决算数\n30217 | 公务接待费 | 0.30\n财政拨款“三公”经费支出决算表\n单位：万元\n公务接待费 | 公务接待费\n预算数 | 决算数\n0.80 | 0.30
    """
    for claim in doc.claims_of(LinkClaim):
        left, right = _link_side(claim.left), _link_side(claim.right)
        if left is None or right is None:
            yield NotAssessable(claim, "表格数字缺少或不是金额")
            continue
        yield Assessed(claim)
        holds = left.lo <= right.hi if claim.relation == "<=" else left.overlaps(right)
        if holds:
            continue
        said = "超过" if claim.relation == "<=" else ("多于" if left.lo > right.hi else "少于")
        why = f"：{claim.why}" if claim.why else ""
        anchor = claim.left[0]
        yield Issue(
            start=anchor.start,
            end=anchor.end,
            message=f"{_link_text(claim.left, claim.left_title)}{said}{_link_text(claim.right, claim.right_title)}（{claim.name}）{why}",
            actual=anchor.text.strip(),
            related=tuple((c.start, c.end, f"{claim.right_title}{c.where}") for c in claim.right),
        )


@rule("TAB008", "class-name-mismatch", name_zh="类款项名称不符", severity="warning")
def class_name_mismatch(doc: Disclosure) -> Iterator:
    r"""正文所称的类、款、项名称与表格中的科目名称不符。

    检查：说明正文以类/款/项指称的每个科目（“社会保障和就业支出（类）行政事业单位养老支
    出（款）行政单位离退休（项）”）都沿报告表格中的功能分类编码逐级查找。表格中该处没有
    的名称会被报告：能由其位置（该处唯一的科目）或金额判断应为哪个科目时，指出该科目——如
    已废止的名称“文化体育与传媒支出”、字序颠倒（作为提示报告）——否则列出表格中该处实有的
    名称。项写在错误的款下时，在款处报告。表格自身写法不一的名称，不据以指责正文。
    原因：科目名称说明钱花在了什么地方；用了其他科目或过时分类的名称，会把读者引到错误的
    行。

    Checks: each 科目 the explanation names as 类/款/项 ("社会保障和就业支出（类）行政事业单位
    养老支出（款）行政单位离退休（项）") is walked down the functional codes of the report's
    tables. A name the tables do not have there is reported: with the 科目 it must be
    when its place (the only one there) or its amount tells which — an obsolete name
    such as 文化体育与传媒支出, characters swapped (reported as a note) — and otherwise
    with the names the tables do have there. A 项 named under the wrong 款 is reported
    at the 款. Names the tables themselves write differently are not held against the text.

    Why: the 科目 name says what the money was spent on; a name from another 科目 or an
    outdated classification points the reader to the wrong line.

    Bad:  支出决算表\n单位：万元\n科目编码 | 科目名称 | 本年支出合计\n201 | 一般公共服务支出 | 30.00\n20105 | 统计信息事务 | 30.00\n2010505 | 专项统计业务 | 20.00\n2010506 | 统计管理 | 10.00\n“一般公共服务支出（类）统计信息事务（款）统计信息事务（项）”20.00 万元。
    Good: 支出决算表\n单位：万元\n科目编码 | 科目名称 | 本年支出合计\n201 | 一般公共服务支出 | 30.00\n20105 | 统计信息事务 | 30.00\n2010505 | 专项统计业务 | 20.00\n2010506 | 统计管理 | 10.00\n“一般公共服务支出（类）统计信息事务（款）专项统计业务（项）”20.00 万元。
    """
    for claim in doc.claims_of(NameClaim):
        yield Assessed(claim)
        if claim.child:
            yield Issue(
                start=claim.start,
                end=claim.end,
                message=f"“{claim.stated}（{claim.level}）”与表格不符：其下所列之项在表中为“{claim.child}”，属于“{claim.code} {claim.table_name}”{claim.level}",
                expected=claim.table_name or None,
                actual=claim.stated,
                severity=Severity.INFO,
            )
        elif claim.code:
            where = f"（{claim.parent}之下）" if claim.parent else ""
            yield Issue(
                start=claim.start,
                end=claim.end,
                message=f"{claim.level}名称“{claim.stated}”与表格中该科目的名称不一致：表中为“{claim.code} {claim.table_name}”{where}",
                expected=claim.table_name,
                actual=claim.stated,
                severity=Severity.INFO,
            )
        else:
            yield Issue(
                start=claim.start,
                end=claim.end,
                message=(
                    f"表格中“{claim.parent}”之下没有名为“{claim.stated}”的{claim.level}"
                    f"（该处为 {'、'.join(claim.siblings)}）：请核对科目名称及其金额"
                ),
                actual=claim.stated,
            )


@rule("TAB009", "listed-item-not-in-table", name_zh="列举的支出项目在表中为空", severity="warning")
def listed_item_not_in_table(doc: Disclosure) -> Iterator:
    r"""正文列举为支出内容的经济分类项目在表格中为空或为零。

    检查：“主要包括”“主要用于”之后的列举，其条目大部分是经济分类表（基本支出表：基本工资、
    津贴补贴、办公费……）中的行时，即说明了资金的去向；所列条目在该表中为空或只写 0 的，
    会被报告（0.00 万元可能是几元钱舍入的结果，不报告）。其他事物的列举不这样读。
    原因：说明应当描述表格所示的支出；列举了却没有支出的项目，要么是其他年度文字的残留，
    要么是表格漏了数字。

    Checks: a list after 主要包括 / 主要用于 whose items are, for the most part, lines of
    an economic classification table (the basic expenditure table: 基本工资, 津贴补贴,
    办公费 …) names what the money went to; each listed item whose line in that table
    is blank or a bare 0 is reported (0.00 万元 may be a few 元 rounded away, and is
    not). Lists of other things are not read this way.

    Why: the explanation should describe the spending the table shows; an item listed
    but not spent is a leftover from another year's text, or the table lost a figure.

    Bad:  一般公共预算财政拨款基本支出决算表\n单位：万元\n经济分类科目编码 | 科目名称 | 决算数\n30101 | 基本工资 | 10.00\n30102 | 津贴补贴 | 5.00\n30103 | 奖金 | \n30107 | 绩效工资 | 3.00\n人员经费 18.00 万元，主要包括：基本工资、津贴补贴、奖金、绩效工资。
    Good: 一般公共预算财政拨款基本支出决算表\n单位：万元\n经济分类科目编码 | 科目名称 | 决算数\n30101 | 基本工资 | 10.00\n30102 | 津贴补贴 | 5.00\n30103 | 奖金 | \n30107 | 绩效工资 | 3.00\n人员经费 18.00 万元，主要包括：基本工资、津贴补贴、绩效工资。
    """
    for claim in doc.claims_of(ListedItemClaim):
        cell = claim.cell
        if cell.state not in ("blank", "number"):
            yield NotAssessable(claim, "表格中该项目的数字无法确定")
            continue
        yield Assessed(claim)
        # 0.00 万元 may be a few 元 rounded away: only a blank line, or a bare 0, says nothing was spent
        if cell.state == "number" and (cell.quantity is None or cell.quantity.interval.hi > 0):
            continue
        shown = "为空" if cell.state == "blank" else f"为 {cell.text.strip()}"
        yield Issue(
            start=claim.start,
            end=claim.end,
            message=f"正文将“{claim.item}”列为主要支出内容，但{claim.table_title}{cell.where}{shown}：所列项目与表格不符，应删去或补正表中数字",
            actual=claim.item,
            related=((cell.start, cell.end, f"{claim.table_title}{cell.where}"),),
        )
