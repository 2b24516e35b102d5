"""DOC: the document as a whole — section numbering, empty sections, years, dates, names, leftovers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditlint.extract.structure import Placement, cn_numeral, marker_for, place_headings
from auditlint.rulekit import Disclosure, Issue, rule
from auditlint.model import Heading


def _line(doc: Disclosure, offset: int) -> int:
    return doc.document.position(offset)[0]


def _named(h: Heading) -> str:
    """A heading as a reviewer quotes it: its marker and the start of its title."""
    title = h.title if len(h.title) <= 24 else h.title[:24] + "…"
    return f"{h.marker}{title}"


def _present(doc: Disclosure, h: Heading, number: int, start: int, end: int) -> bool:
    """Whether an item numbered `number` in h's style is written somewhere in [start, end) (inline, say)."""
    text = doc.document.content[start:end]
    if h.style == "num":
        pattern = rf"(?<![\d.．]){number}\s*[、.．](?!\d)"
    elif h.style in ("pnum",):
        pattern = rf"[（(]\s*{number}\s*[）)]"
    elif h.style == "pcn":
        pattern = rf"[（(]\s*{cn_numeral(number)}\s*[）)]"
    elif h.style == "cn":
        pattern = rf"(?<![一二三四五六七八九十]){cn_numeral(number)}\s*[、.．]"
    elif h.style == "part":
        pattern = rf"第\s*{cn_numeral(number)}\s*部分"
    else:
        pattern = re.escape(marker_for(h, number))
    return re.search(pattern, text) is not None


def _where_first_is_missing(doc: Disclosure, parent: Heading | None, h: Heading) -> tuple[int, int] | None:
    """Where the missing first item belongs: the text right after its parent heading (or after the list's colon)."""
    flow = doc.flow
    if flow is None:
        return None
    if h.inline:
        # an inline list: the unnumbered first item runs from the list's colon (or its parent's title) to this marker
        if parent is not None and parent.paragraph == h.paragraph:
            lo = parent.title_end
        else:
            lo = flow.span(flow.paragraphs[h.paragraph].start, flow.paragraphs[h.paragraph].start + 1)[0]
        text = doc.document.content[lo : h.start]
        colon = max(text.rfind("："), text.rfind(":"))
        start = lo + colon + 1 if colon >= 0 else lo
        return (start, h.start) if h.start - start > 1 else None
    if parent is None:
        return None
    index = parent.paragraph + 1
    if index >= h.paragraph:
        return None
    para = flow.paragraphs[index]
    return flow.span(para.start, para.end)


@rule("DOC001", "numbering-out-of-sequence", severity="warning")
def numbering(doc: Disclosure) -> Iterator:
    r"""章节编号重复、跳号或缺少起始编号。

    Checks: the numbered headings and items of each level (第一部分, 一、, （一）,
    1., （1）, 1.1 …) run 1, 2, 3 within the heading they sit under. A number used
    twice, a number left out, or a list that starts above 1 is reported; where an
    unnumbered line sits in the gap ("项目资金情况" between 一、 and 三、), that line
    is named as the heading that lost its number. Numbering restarts under every
    new parent heading, in the table of contents and in each attachment; an item
    written inline elsewhere in the gap counts as present.

    Why: a repeated or skipped section number shows a section was copied, moved
    or deleted without renumbering, and readers cite sections by number.

    Bad:  十、机关运行经费支出情况\n说明。\n十一、政府采购支出情况\n说明。\n十、国有资产占用情况\n说明。
    Good: 十、机关运行经费支出情况\n说明。\n十一、政府采购支出情况\n说明。\n十二、国有资产占用情况\n说明。
    """
    outline = doc.outline
    placed = place_headings(outline)
    for i, p in placed.items():
        h = outline[i]
        where = "目录中" if h.toc else "附件中" if h.attachment else ""
        if p.status == "repeat":
            first = outline[p.first_use] if p.first_use is not None else None
            right = marker_for(h, p.expected)
            earlier = f"，第 {_line(doc, first.start)} 行已有“{_named(first)}”" if first is not None else ""
            yield Issue(
                start=h.start,
                end=h.title_end,
                message=f"{where}编号“{h.marker}”重复{earlier}；按顺序此处应为“{right}”",
                expected=right,
                actual=h.marker,
                related=((first.start, first.title_end, "首次使用该编号"),) if first is not None else (),
            )
        elif p.status == "skip":
            yield from _gap(doc, outline, p, h, list(range(p.expected, h.number)), where)
        elif p.status == "late":
            if p.parent is None and h.scope == 0 and not any(o.style for o in outline[:i]):
                continue  # the text may be an excerpt that starts mid-way
            yield from _gap(doc, outline, p, h, list(range(1, h.number)), where)


def _gap(doc: Disclosure, outline: list[Heading], p: Placement, h: Heading, missing: list[int], where: str) -> Iterator:
    parent = outline[p.parent] if p.parent is not None else None
    previous = outline[p.previous] if p.previous is not None else None
    after = previous or parent
    lo = after.title_end if after is not None else h.scope_start
    if any(_present(doc, h, n, lo, h.start) for n in missing):
        return
    names = "、".join(f"“{marker_for(h, n)}”" for n in missing[:3]) + ("等" if len(missing) > 3 else "")
    lo_index = p.previous if p.previous is not None else (p.parent if p.parent is not None else -1)
    candidates = [
        c for c in outline[lo_index + 1 : p.index] if not c.style and c.scope == h.scope and not c.toc
    ]
    if len(missing) == 1 and len(candidates) == 1:
        c = candidates[0]
        right = marker_for(h, missing[0])
        around = f"前一同级标题为“{_named(previous)}”，" if previous is not None else ""
        yield Issue(
            start=c.title_start,
            end=c.title_end,
            message=f"{where}标题“{c.title}”没有编号：{around}后一同级标题为第 {_line(doc, h.start)} 行的“{_named(h)}”，此处应为“{right}”",
            expected=f"{right}{c.title}",
            actual=c.title,
            fix=f"{right}{c.title}",
            related=((h.start, h.title_end, "编号缺口后的同级标题"),),
        )
        return
    under = f"“{_named(parent)}”之下" if parent is not None else ""
    if previous is None and missing == [1]:
        spot = _where_first_is_missing(doc, parent, h)
        if spot is not None:
            yield Issue(
                start=spot[0],
                end=spot[1],
                message=f"{where}{under}缺少“{marker_for(h, 1)}”：同级编号从第 {_line(doc, h.start)} 行的“{_named(h)}”开始，此处应有“{marker_for(h, 1)}”标题",
                expected=marker_for(h, 1),
                related=((h.start, h.title_end, "同级的第一个编号"),),
            )
            return
    if previous is not None:
        message = f"{where}编号从“{previous.marker}”跳到“{h.marker}”，缺少{names}"
    else:
        message = f"{where}{under}编号从“{h.marker}”开始，缺少{names}"
    yield Issue(
        start=h.start,
        end=h.title_end,
        message=message,
        expected=marker_for(h, missing[0]),
        actual=h.marker,
        related=((previous.start, previous.title_end, "前一同级编号"),) if previous is not None else (),
    )


def _lists(outline: list[Heading], placed: dict[int, Placement]) -> list[list[int]]:
    """The numbered lists of the outline: runs of siblings, each heading linked to the one before it."""
    runs: dict[int, list[int]] = {}
    head_of: dict[int, int] = {}
    for i, p in sorted(placed.items()):
        if p.previous is not None and p.previous in head_of and p.status != "repeat":
            first = head_of[p.previous]
        else:
            first = i
        head_of[i] = first
        runs.setdefault(first, []).append(i)
    return list(runs.values())


_ORDINAL = re.compile(r"(?:年度)?目标\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})(?![\d.])")


@rule("DOC002", "item-ordinal-mismatch", severity="warning")
def item_ordinal(doc: Disclosure) -> Iterator:
    r"""条目编号与标题中的目标序号不一致。

    Checks: items of one list whose titles count something ("1.1 年度目标 1 的产出指标",
    "1.2 年度目标 2 …"): when every other item's ordinal matches its number, the
    one that does not is reported.

    Why: a copied item whose ordinal was not updated attributes its scores to the
    wrong target.

    Bad:  1.1 年度目标 1 的效益指标得分为 3 分\n1.2 年度目标 2 的效益指标得分为 1 分\n1.3 年度目标 3 的效益指标得分为 1 分\n1.4 年度目标 3 的效益指标得分为 1 分
    Good: 1.1 年度目标 1 的效益指标得分为 3 分\n1.2 年度目标 2 的效益指标得分为 1 分\n1.3 年度目标 3 的效益指标得分为 1 分\n1.4 年度目标 4 的效益指标得分为 1 分
    """
    from auditlint.extract.structure import cn_number

    outline = doc.outline
    placed = place_headings(outline)
    for run in _lists(outline, placed):
        ordinals = []
        for i in run:
            m = _ORDINAL.search(outline[i].title)
            ordinals.append((i, cn_number(m.group("n")) if m else None, m))
        stated = [(i, n, m) for i, n, m in ordinals if n is not None]
        if len(stated) < 3:
            continue
        wrong = [(i, n, m) for i, n, m in stated if n != outline[i].number]
        if len(wrong) != 1:
            continue
        i, n, m = wrong[0]
        h = outline[i]
        right = m.group(0).replace(m.group("n"), str(h.number) if m.group("n").isdigit() else _cn(h.number))
        yield Issue(
            start=h.start,
            end=h.title_end,
            message=f"“{h.marker}”的标题写作“{m.group(0)}”，而同级其余各项的目标序号都与编号一致，此处应为“{right}”",
            expected=right,
            actual=m.group(0),
        )


def _cn(n: int) -> str:
    return cn_numeral(n)


@rule("DOC003", "empty-section", severity="warning")
def empty_section(doc: Disclosure) -> Iterator:
    r"""标题下没有内容，紧接着就是下一个同级标题。

    Checks: a section heading followed directly by the next heading of the same
    list, in a list whose other sections have text or sub-sections. Lists of
    short items ("1. 党建工作需要进一步融合。") and headings that carry their own
    content ("1.绩效自评总分：100分") are not sections.

    Why: an empty section is a paragraph lost in editing, or a heading kept from
    the template for work that was not reported.

    Bad:  （一）强化政治引领\n开展宣教活动。\n（二）创建全国科普示范区\n（三）深化改革创新\n推进改革试点。
    Good: （一）强化政治引领\n开展宣教活动。\n（二）创建全国科普示范区\n获评全国科普示范区。\n（三）深化改革创新\n推进改革试点。
    """
    outline = doc.outline
    placed = place_headings(outline)
    has_children = {p.parent for p in placed.values() if p.parent is not None}
    for run in _lists(outline, placed):
        if len(run) < 3:
            continue
        def filled(i: int) -> bool:
            h = outline[i]
            return h.has_body or i in has_children or _carries_content(h)
        full = sum(1 for i in run if filled(i))
        if full * 2 < len(run):
            continue  # a list of short items, not of sections
        for i, nxt in zip(run, run[1:]):
            h, following = outline[i], outline[nxt]
            if filled(i) or h.inline or not h.heading_shaped or h.toc:
                continue
            if doc.document.content[h.title_end : h.title_end + 1] in ("。", ".", "；", ";"):
                continue  # a sentence: an item of a list, not a heading
            if following.paragraph != h.paragraph + 1 or placed[nxt].status != "next":
                continue
            yield Issue(
                start=h.start,
                end=h.title_end,
                message=f"“{_named(h)}”之下没有内容，紧接着就是下一个同级标题“{_named(following)}”：内容缺失或标题多余",
                related=((following.start, following.title_end, "紧随其后的同级标题"),),
            )


def _carries_content(h: Heading) -> bool:
    """"绩效自评总分：100分", "项目名称：…": a label and its value, not an empty heading."""
    _, colon, rest = h.title.partition("：")
    if not colon:
        _, colon, rest = h.title.partition(":")
    return bool(colon and rest.strip())


def _flow_matches(doc: Disclosure, pattern: re.Pattern[str], group: str | int = 0) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Matches of a pattern in the reflowed text (sentences whole again), located in the original."""
    flow = doc.flow
    if flow is None:
        return
    for m in pattern.finditer(flow.text):
        start, end = flow.span(m.start(group), m.end(group))
        yield start, end, m


_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:[XＸ]{2,}|×{2,}|＊{2,}|某某)(?![A-Za-z])"
    r"|[（(](?:本|此)?(?:部门|单位|项目|机构|公司|学校)(?:全称|名称|简称)[）)]"
    r"|[（(][^（）()\n]{0,20}(?:填写|填报|内容格式|格式填|模板|自行删除|删除)[^（）()\n]{0,12}[）)]"
)
_TEMPLATE_TITLE = re.compile(r"(?:事项|工作|项目|章节|小)?标题[一二三四五六七八九十\d]*$")


@rule("DOC004", "template-placeholder", severity="warning")
def template_placeholder(doc: Disclosure) -> Iterator:
    r"""模板占位符或填写说明未替换。

    Checks: placeholders of the template left in the text ("XXX", "××", "某某",
    "（部门全称）"), bracketed drafting notes ("（比照预算公开的内容格式）",
    "（请填写…）"), and headings that are still the template's label
    ("一、重点工作事项标题").

    Why: a placeholder in a published report shows the template was not
    finished, and the reader loses the fact it stood for.

    Bad:  一、部门基本情况（比照预算公开的内容格式）\n北京市某区科学技术协会（部门全称）对本部门项目支出实施了绩效自评。
    Good: 一、部门基本情况\n北京市某区科学技术协会对本部门项目支出实施了绩效自评。
    """
    for start, end, m in _flow_matches(doc, _PLACEHOLDER):
        text = m.group(0)
        kind = "填写说明" if re.search(r"填|格式|模板|删除", text) else "模板占位符"
        yield Issue(
            start=start,
            end=end,
            message=f"{kind}“{text}”未删除或替换：公开文本中应写明实际内容",
            actual=text,
        )
    for h in doc.outline:
        if h.style and not h.inline and _TEMPLATE_TITLE.search(h.title) and len(h.title) <= 12:
            yield Issue(
                start=h.title_start,
                end=h.title_end,
                message=f"标题“{h.title}”是模板中的标题占位文字，应改为本节实际内容的标题",
                actual=h.title,
            )


_INSTRUCTION = re.compile(
    r"(?:^|(?<=[。；;!！?？\n]))\s*(?P<s>请(?:参考|参照|按照|根据|依据|将|于|在此|务必|认真|及时)[^。\n]{0,120}?"
    r"(?:填写|填报|汇总|报送|上报|提交|作为[^。\n]{0,20}附件|删除)[^。\n]{0,60}[。]?)",
)
_NOTE = re.compile(
    r"(?P<s>(?:后面|前面|上述|此处|这里|相关|以下|以上)?(?:数据|数字|金额|表述|口径|格式|单位|标点)(?:也|均|都|还)?需(?:要)?"
    r"(?:修改|更改|调整|核实|核对|更正|补充)"
    r"|(?:增加|减少)?后?不(?:需|需要|用|要)(?:加)?\s*[-－—负]\s*号"
    r"|^\s*(?:改为?|应改为)\s*[-\d][\d,，.]*"
    r"|^\s*(?:请|需|待)(?:核实|核对|确认|补充|修改|完善|更正)(?:一下)?[。！!]?\s*$)",
    re.M,
)


@rule("DOC005", "drafting-note-left-in", severity="warning")
def drafting_note(doc: Disclosure) -> Iterator:
    r"""起草说明或审核批注留在了正文中。

    Checks: instructions addressed to whoever fills the template ("请参考…要求，
    将…汇总…，作为部门决算草案的附件") and reviewers' notes ("后面数据也需修改",
    "减少后不需-号", "改11,492,964.29", "请核实") published as part of the report.

    Why: such notes are not part of the disclosure; left in, they show the
    corrections they ask for were not made (or not checked).

    Bad:  三、项目支出绩效自评表\n请参考有关通知要求，将本单位填报的自评表电子版汇总到1个文件夹中，作为部门决算草案的附件。\n后面数据也需修改。\n请核实
    Good: 三、项目支出绩效自评表\n本部门项目支出绩效自评表详见附件。
    """
    for start, end, m in _flow_matches(doc, _INSTRUCTION, "s"):
        yield Issue(
            start=start,
            end=end,
            message="填报说明未删除：这是对填报人的要求，不属于公开内容",
            actual=m.group("s"),
        )
    for start, end, m in _flow_matches(doc, _NOTE, "s"):
        note = m.group("s").strip()
        yield Issue(
            start=start,
            end=end,
            message=f"审核批注“{note}”留在了正文中：应按批注改正相关内容后删除批注",
            actual=note,
        )
