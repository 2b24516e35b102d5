"""DOC: the document as a whole — section numbering, empty sections, years, dates, names, leftovers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from auditlint.rulekit import (
    Disclosure,
    Heading,
    Issue,
    Placement,
    Scan,
    cn_number,
    cn_numeral,
    list_key,
    marker_for,
    marker_written,
    rule,
)


def _line(doc: Disclosure, offset: int) -> int:
    return doc.document.position(offset)[0]


def _named(h: Heading) -> str:
    """A heading as a reviewer quotes it: its marker and the start of its title."""
    title = h.title if len(h.title) <= 24 else h.title[:24] + "…"
    return f"{h.marker}{title}"


def _same_title(a: Heading, b: Heading) -> bool:
    def bare(t: str) -> str:
        return re.sub(r"[\s.·…\-—]+|\d+$", "", t)

    return bool(a.title) and bare(a.title) == bare(b.title)


def _present(doc: Disclosure, h: Heading, number: int, start: int, end: int) -> bool:
    """Whether an item numbered `number` in h's style is written somewhere in [start, end) (inline, say)."""
    return re.search(marker_written(h, number), doc.document.content[start:end]) is not None


def _where_first_is_missing(doc: Disclosure, parent: Heading | None, h: Heading) -> tuple[int, int] | None:
    """Where the missing first item belongs: the text right after its parent heading (or after the list's colon)."""
    flow = doc.flow
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


@rule("DOC001", "numbering-out-of-sequence", severity="warning", fixable=True)
def numbering(doc: Disclosure) -> Iterator:
    r"""章节编号重复、跳号或缺少起始编号。

    Checks: the numbered headings and items of each level (第一部分, 一、, （一）,
    1., （1）, 1.1 …) run 1, 2, 3 within the heading they sit under. A number used
    twice, a number left out, or a list that starts above 1 is reported; where an
    unnumbered line sits in the gap ("资金使用情况" between 一、 and 三、), that line
    is named as the heading that lost its number. Numbering restarts under every
    new parent heading, in the table of contents and in each attachment; an item
    written inline elsewhere in the gap counts as present.

    Why: a repeated or skipped section number shows a section was copied, moved
    or deleted without renumbering, and readers cite sections by number.

    Bad:  八、机关运行经费支出情况\n本年机关运行经费支出情况如下。\n九、政府采购支出情况\n本年政府采购情况如下。\n八、国有资产占用情况\n本年资产情况如下。
    Good: 八、机关运行经费支出情况\n本年机关运行经费支出情况如下。\n九、政府采购支出情况\n本年政府采购情况如下。\n十、国有资产占用情况\n本年资产情况如下。
    """
    outline = doc.outline
    placed = doc.outline_index.placed
    for i, p in placed.items():
        h = outline[i]
        where = "目录中" if h.toc else "附件中" if h.attachment else ""
        if p.status == "repeat":
            first = outline[p.first_use] if p.first_use is not None else None
            if first is not None and _same_title(first, h):
                continue  # the same heading again: a contents list without its title, or a running page header
            right = marker_for(h, p.expected)
            earlier = f"，第 {_line(doc, first.start)} 行已有“{_named(first)}”" if first is not None else ""
            evidence = doc.document.text[h.start : h.title_end]
            # renumbering is certain only if no later sibling already carries the number it would take
            taken = any(
                q.parent == p.parent and j > i and list_key(outline[j]) == list_key(h) and outline[j].number == p.expected
                for j, q in placed.items()
            )
            yield Issue(
                start=h.start,
                end=h.title_end,
                message=f"{where}编号“{h.marker}”重复{earlier}；按顺序此处应为“{right}”",
                expected=right,
                actual=h.marker,
                fix=right + evidence[len(h.marker) :] if evidence.startswith(h.marker) and "\n" not in evidence and not taken else None,
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
    if not h.toc:
        # the contents' entries of this list: under a part of the same title (一、 under 第四部分, not 第一部分)
        placed = doc.outline_index.placed
        here = outline[p.parent] if p.parent is not None else None
        contents = [
            c
            for j, c in enumerate(outline)
            if c.toc and list_key(c) == list_key(h) and _same_parent(outline, placed.get(j), here)
        ]
        listed = {c.number for c in contents}
        # the contents giving this very title the missing number: the heading was misnumbered, not left out
        renumbered = any(c.number in missing and _same_title(c, h) for c in contents)
        if all(n in listed for n in missing) and not renumbered:
            return  # the contents list it: a part made of tables often has no heading of its own in the text
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


def _same_parent(outline: list[Heading], q: Placement | None, parent: Heading | None) -> bool:
    """Whether a placed heading sits under a heading of the same title as `parent` (or, like it, under none)."""
    mine = outline[q.parent] if q is not None and q.parent is not None else None
    return mine is None and parent is None or mine is not None and parent is not None and _same_title(mine, parent)


def _lists(outline: list[Heading], placed: dict[int, Placement]) -> list[list[int]]:
    """The numbered lists of the outline: runs of siblings, each heading linked to the one before it."""
    runs: dict[int, list[int]] = {}
    head_of: dict[int, int] = {}
    for i, p in sorted(placed.items()):
        if p.previous is not None and p.previous in head_of and p.status not in ("repeat", "parallel"):
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

    Bad:  2.1 年度目标 1 的满意度指标得分为 2 分\n2.2 年度目标 2 的满意度指标得分为 2 分\n2.3 年度目标 3 的满意度指标得分为 1 分\n2.4 年度目标 2 的满意度指标得分为 1 分
    Good: 2.1 年度目标 1 的满意度指标得分为 2 分\n2.2 年度目标 2 的满意度指标得分为 2 分\n2.3 年度目标 3 的满意度指标得分为 1 分\n2.4 年度目标 4 的满意度指标得分为 1 分
    """
    outline = doc.outline
    placed = doc.outline_index.placed
    for run in _lists(outline, placed):
        ordinals = []
        for i in run:
            m = _ORDINAL.search(outline[i].title)
            ordinals.append((i, cn_number(m.group("n")) if m else None, m))
        stated = [(i, n, m) for i, n, m in ordinals if n is not None]
        wrong = [(i, n, m) for i, n, m in stated if n != outline[i].number]
        if len(wrong) != 1 or len(stated) < 2:
            continue
        if len(stated) == 2 and sum(1 for _, n, _ in stated if n == wrong[0][1]) < 2:
            continue  # with two items, only an ordinal used twice shows which one is wrong
        i, n, m = wrong[0]
        h = outline[i]
        right = m.group(0).replace(m.group("n"), str(h.number) if m.group("n").isdigit() else cn_numeral(h.number))
        yield Issue(
            start=h.start,
            end=h.title_end,
            message=f"“{h.marker}”的标题写作“{m.group(0)}”，而同级其余各项的目标序号都与编号一致，此处应为“{right}”",
            expected=right,
            actual=m.group(0),
        )


@rule("DOC003", "empty-section", severity="warning")
def empty_section(doc: Disclosure) -> Iterator:
    r"""标题下没有内容，紧接着就是下一个同级标题。

    Checks: a section heading followed directly by the next heading of the same
    list, in a list whose other sections have text or sub-sections. Lists of
    short items ("1. 党建工作需要进一步融合。") and headings that carry their own
    content ("1.绩效自评总分：100分") are not sections.

    Why: an empty section is a paragraph lost in editing, or a heading kept from
    the template for work that was not reported.

    Bad:  （一）加强科普阵地建设\n新建科普长廊2处。\n（二）开展科普进社区活动\n（三）培育科普志愿者队伍\n新增志愿者120人。
    Good: （一）加强科普阵地建设\n新建科普长廊2处。\n（二）开展科普进社区活动\n举办社区科普活动18场。\n（三）培育科普志愿者队伍\n新增志愿者120人。
    """
    outline = doc.outline
    placed = doc.outline_index.placed
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


def _flow_matches(doc: Disclosure, scan: Scan, group: str | int = 0) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Matches of a pattern in the reflowed text (sentences whole again), located in the original."""
    flow = doc.flow
    for m in scan.finditer(flow.text):
        start, end = flow.span(m.start(group), m.end(group))
        yield start, end, m


_OPPOSITES = {frozenset(p) for p in (("增加", "减少"), ("增长", "下降"), ("上升", "下降"), ("增长", "降低"), ("大于", "小于"), ("高于", "低于"))}
_PLACEHOLDER = re.compile(
    r"(?P<pair>(?P<a>增加|减少|增长|下降|上升|降低|大于|小于|高于|低于)[（(](?P<b>增加|减少|增长|下降|上升|降低|大于|小于|高于|低于)[）)])"
    r"|(?<![A-Za-z])(?:[XＸ]{2,}|×{2,}|＊{2,}|某某)(?![A-Za-z])"
    r"|[（(](?:本|此)?(?:部门|单位|项目|机构|公司|学校)(?:全称|名称|简称)[）)]"
    r"|[（(][^（）()\n]{0,20}(?:填写|填报|内容格式|格式填|模板|自行删除|删除)[^（）()\n]{0,12}[）)]"
)
# every placeholder begins with one of these: only they are tried (the whole text is scanned)
_PLACEHOLDER_SCAN = Scan(_PLACEHOLDER, starts="[增减下上降大小高低XＸ×＊某（(]")
_UNFILLED = 10  # more placeholder lines than this: an unfilled template, reported once
_TEMPLATE_TITLE = re.compile(r"(?:事项|工作|项目|章节|小)?标题[一二三四五六七八九十\d]*$")


@rule("DOC004", "template-placeholder", severity="warning")
def template_placeholder(doc: Disclosure) -> Iterator:
    r"""模板占位符或填写说明未替换。

    Checks: placeholders of the template left in the text ("XXX", "××", "某某",
    "（部门全称）"), the template's alternatives left unchosen ("下降（增长）",
    "增加（减少）"), bracketed drafting notes ("（比照预算公开的内容格式）",
    "（请填写…）"), and headings that are still the template's label
    ("一、重点工作事项标题").

    Why: a placeholder in a published report shows the template was not
    finished, and the reader loses the fact it stood for.

    Bad:  一、单位概况（比照预算公开的内容格式填写）\nXX市文化馆（单位全称）对本单位2023年度项目支出开展了绩效自评。
    Good: 一、单位概况\n江州市文化馆对本单位2023年度项目支出开展了绩效自评。
    """
    found = [
        (start, end, m)
        for start, end, m in _flow_matches(doc, _PLACEHOLDER_SCAN)
        if not m.group("pair") or frozenset((m.group("a"), m.group("b"))) in _OPPOSITES
    ]
    lines = {doc.document.position(start)[0] for start, _, _ in found}
    if len(lines) > _UNFILLED:
        start, end, m = found[0]
        yield Issue(
            start=start,
            end=end,
            message=f"文中有 {len(found)} 处模板占位符（如“{m.group(0)}”）未替换，分布在 {len(lines)} 行：疑为未填写完成的模板",
            actual=m.group(0),
        )
    else:
        for start, end, m in found:
            text = m.group(0)
            if m.group("pair"):
                yield Issue(
                    start=start,
                    end=end,
                    message=f"模板中的备选用词“{text}”未作选择：应按数据保留“{m.group('a')}”或“{m.group('b')}”其一（无变化时写明持平）",
                    actual=text,
                )
                continue
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
# what instructions and notes begin with: only there are they looked for
# (and every one holds its verb, which most reports never write: those are not scanned)
_INSTRUCTION_SCAN = Scan(_INSTRUCTION, starts=r"[\s请]", requires="请(?:参考|参照|按照|根据|依据|将|于|在此|务必|认真|及时)")
_NOTE_SCAN = Scan(
    _NOTE,
    starts=r"[后前上此这相以数金表口格单标增减不改应请需待\s]",
    requires=r"需要?(?:修改|更改|调整|核实|核对|更正|补充)|不(?:需|需要|用|要)加?\s*[-－—负]\s*号|改为?\s*[-\d]"
    r"|请(?:核实|核对|确认|补充|修改|完善|更正)|需(?:核实|核对|确认|补充|修改|完善|更正)|待(?:核实|核对|确认|补充|修改|完善|更正)",
)


@rule("DOC005", "drafting-note-left-in", severity="warning")
def drafting_note(doc: Disclosure) -> Iterator:
    r"""起草说明或审核批注留在了正文中。

    Checks: instructions addressed to whoever fills the template ("请参考…要求，
    将…汇总…，作为部门决算草案的附件") and reviewers' notes ("后面数据也需修改",
    "减少后不需-号", "改11,492,964.29", "请核实") published as part of the report.

    Why: such notes are not part of the disclosure; left in, they show the
    corrections they ask for were not made (or not checked).

    Bad:  三、项目支出绩效自评表\n请按照财政局通知要求，将本单位填报的绩效自评表汇总后报送，作为决算草案的附件。\n前面金额也需修改。\n请核实
    Good: 三、项目支出绩效自评表\n本单位项目支出绩效自评表见附件。
    """
    for start, end, m in _flow_matches(doc, _INSTRUCTION_SCAN, "s"):
        yield Issue(
            start=start,
            end=end,
            message="填报说明未删除：这是对填报人的要求，不属于公开内容",
            actual=m.group("s"),
        )
    for start, end, m in _flow_matches(doc, _NOTE_SCAN, "s"):
        note = m.group("s").strip()
        yield Issue(
            start=start,
            end=end,
            message=f"审核批注“{note}”留在了正文中：应按批注改正相关内容后删除批注",
            actual=note,
        )


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


@rule("DOC006", "sign-off-dates-out-of-order", severity="error")
def sign_off_dates(doc: Disclosure) -> Iterator:
    r"""签署意见的日期先后颠倒。

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
_YEAR_SCAN = Scan(_YEAR, starts="[12]")  # a year begins 19 or 20: only there is one looked for
_OWN_FUNDS = re.compile(r"^[^，,。；;：:]{0,14}?(?:经费|预算|资金|决算|财政拨款|项目)")
_EXECUTED = re.compile(r"(?:完成了?|争取|获得|获批|安排|下达|执行|使用|落实|拨付|到位)[^，,。；;：:]{0,12}$")
_YEARLY_TASK = re.compile(r"决算|自评|评价|审计|考核|总结|公开|检查|验收")
_OTHER_PERIOD = re.compile(r"比|较|同比|相比|上年|上一年|去年|以来|自|截至|截止|起|结转|结余|以前|往年|历年|累计|同期|延续|跨年|前")


_RETROSPECTIVE = re.compile(r"决算|绩效|自评|评价报告|年度报告|工作总结")
# "2022年度机关运行经费支出30.00万元" opening a sentence of a 2023 report: the report's own template
# sentence (funds, then an amount, in the clause the year opens) with last year's year left in it
_OPENING_FUNDS = re.compile(r"(?:预算|决算|支出|收入|资金|经费|拨款)[^，,。；;：:]{0,12}?\d")
_OPENING_TASK = re.compile(r"^度?\s*(?:部门|单位|项目|整体)?(?:决算公开|自评|评价|审计|考核|总结|公开|检查|验收)")
# "2023年度本年收入合计 X 万元" in a 2024 report: a year that opens a statement of the report's own accounts
_OWN_ACCOUNTS = re.compile(
    r"\s*(?:本部门|本单位)?(?:本年|全年)?(?:收入|支出|收支|收、支|财政拨款|一般公共预算|政府性基金|国有资本经营|"
    r"[“\"]?三公[”\"]?经费|机关运行经费|政府采购|面向中小企业|总计)"
)
_MONEY = re.compile(r"\d[\d,，]*(?:\.\d+)?\s*(?:亿元|万元|元)")
_COMPARED = re.compile(r"(?:与|比|较|同)\s*$")
_REVIEW = re.compile(r"自评|评价|审计|考核|总结|公开|检查|验收")  # this year's review of another year's accounts
_LOOKS_ELSEWHERE = re.compile(
    r"相比|比上|较上|同比|上年|上一年|去年|以来|截至|截止|累计|同期|以前|往年|历年|跨年|结转|结余|预计|计划|拟|安排|下年|明年|下一步|以后"
)


def _report_year(doc: Disclosure) -> int | None:
    """The fiscal year the report is about, when the text says it clearly enough to hold other years against it."""
    year = doc.year
    if year is None:
        return None
    text = doc.document.content
    mentions = len(re.findall(rf"{year}\s*年度", text))
    return year if mentions >= 2 or str(year) in text[:300] else None


@rule("DOC007", "wrong-fiscal-year", severity="warning")
def wrong_fiscal_year(doc: Disclosure) -> Iterator:
    r"""文中的年度与报告年度不符。

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

    Why: a wrong year in a conclusion usually means the paragraph was copied
    from the previous year's report and not updated.

    Bad:  文化惠民经费绩效自评报告\n2023年度区财政下达文化惠民经费48万元。2023年度该项目资金共计支出48万元。项目资金使用规范，顺利完成了2022年度文化惠民经费的预算安排。
    Good: 文化惠民经费绩效自评报告\n2023年度区财政下达文化惠民经费48万元。2023年度该项目资金共计支出48万元，比2022年度增加6万元。项目资金使用规范，顺利完成了2023年度文化惠民经费的预算安排。
    """
    year = _report_year(doc)
    flow = doc.flow
    if year is None or not _RETROSPECTIVE.search(doc.document.content[:600]):
        return  # a budget looks ahead and speaks of last year's execution as a matter of course
    text = flow.text
    context = _YearContext(text, year)
    for m in _YEAR_SCAN.finditer(text):
        y = int(m.group("y"))
        where = _copied_year(text, m, y, context) if y != year else None
        if where is None:
            continue
        start, end = flow.span(m.start(), m.end())
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


class _YearContext:
    """What the whole text says about its own year, worked out once and only if a candidate asks."""

    def __init__(self, text: str, year: int):
        self.text, self.year = text, year
        self._openings: int | None = None
        self._dominant: bool | None = None

    def opens_with_its_year(self) -> bool:
        """Two sentences or more open with the report's year: a template to hold other years against."""
        if self._openings is None:
            self._openings = len(re.findall(rf"(?:^|[。\n])\s*{self.year}\s*年", self.text))
        return self._openings >= 2

    def year_beyond_doubt(self) -> bool:
        """YYYY年度 written 3 times or more, twice as often as any other year ("与2023年度相比" not counted)."""
        if self._dominant is None:
            years = Counter(
                int(m.group(1))
                for m in re.finditer(r"((?:19|20)\d{2})\s*年度", self.text)
                if not _COMPARED.search(self.text, max(m.start() - 3, 0), m.start())
            )
            n = years[self.year]
            self._dominant = n >= 3 and all(n >= 2 * k for y, k in years.items() if y != self.year)
        return self._dominant


def _copied_year(text: str, m: re.Match[str], y: int, context: _YearContext) -> str | None:
    """Whether the year at m is one left from another year's report: "work" (this year's funds or
    work, after a verb of execution), "figures" (a sentence stating the report's own figures), or None."""
    if y < context.year:
        lo = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
        hi = min((i for i in (text.find(c, m.end()) for c in "，,。；;：:\n") if i >= 0), default=len(text))
        before, after = text[lo : m.start()], text[m.end() : hi]
        if not _OTHER_PERIOD.search(before + after):
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
    if m.group("du") and _OWN_ACCOUNTS.match(text, m.end()) and _states_own_accounts(text, m):
        if context.year_beyond_doubt():
            return "figures"
    return None


def _states_own_accounts(text: str, m: re.Match[str]) -> bool:
    """A sentence of the report's own totals under the year at m ("2023年度本年收入合计 X 万元"): it states
    an amount, and names no other year, compares, looks back or ahead, or reviews nothing."""
    lo = max(text.rfind(c, 0, m.start()) for c in "。！？\n") + 1
    hi = min((i for i in (text.find(c, m.end()) for c in "。！？\n") if i >= 0), default=len(text))
    sentence = text[lo:hi]
    if not _MONEY.search(text, m.end(), hi) or _LOOKS_ELSEWHERE.search(sentence) or _REVIEW.search(sentence):
        return False
    return sum(1 for _ in _YEAR_SCAN.finditer(sentence)) <= 1  # two years in one sentence set them side by side


def _years_in_sentence(text: str, lo: int) -> int:
    """How many years the sentence starting at lo names."""
    end = text.find("。", lo)
    return len(_YEAR.findall(text[lo : len(text) if end < 0 else end]))


_ORG = re.compile(
    r"[\u4e00-\u9fff]{2,20}?(?:科学技术协会|联合会|委员会|协会|学会|科技馆|博物馆|图书馆|文化馆|管理局|研究院|中心|局|厅|馆|办公室)"
)
# a name is a run of CJK ending in a word that holds one of these: only such runs are scanned
_ORG_SCAN = Scan(_ORG, outside=r"[^\u4e00-\u9fff]", anchor="[会馆局院心厅室]")
_REGION_END = "省市区县州旗盟"


def _org_names(text: str) -> list[tuple[str, int]]:
    """Names of bodies under a region ("江州市东湖区科学技术协会"), with where each occurs."""
    out = []
    for m in _ORG_SCAN.finditer(text):
        name = re.sub(r"^(?:\d*年度?|度|关于|对|由|在|经|为|是|和|与|及)+", "", m.group(0))
        if 6 <= len(name) <= 20 and any(c in _REGION_END for c in name[:7]):
            out.append((name, m.start() + len(m.group(0)) - len(name)))
    return out


def _core(name: str) -> str:
    """The name below its top region ("东湖区科学技术协会"), which shorter mentions share."""
    for i, c in enumerate(name[:6]):
        if c in "省市" and len(name) - i - 1 >= 5:
            return name[i + 1 :]
    return name


def _garbled_pair(a: str, b: str) -> bool:
    """Same body, one or two characters mistyped in the name proper (not in the region: 东城区 ≠ 西城区)."""
    if len(a) != len(b) or a == b or a[:2] != b[:2] or a[-1] != b[-1]:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    region = max(max((i for i, c in enumerate(a) if c in _REGION_END), default=-1), max((i for i, c in enumerate(b) if c in _REGION_END), default=-1))
    # one character in a short name, two in a long one: 文化馆 / 图书馆 are two bodies, not a typo
    return 1 <= len(diff) <= (2 if len(a) >= 12 else 1) and min(diff) > region


@rule("DOC008", "entity-name-varies", severity="warning", fixable=True)
def entity_name(doc: Disclosure) -> Iterator:
    r"""单位名称前后不一致（个别字错写）。

    Checks: the names of bodies under a region ("江州市东湖区科学技术协会") that
    occur in two spellings differing in one character of the name proper (two in
    a long name), where one spelling is used at least twice as often; the rarer
    spelling is reported. Shortened forms ("江州东湖区…" for "江州市东湖区…")
    and different regions ("东城区" / "西城区") are not.

    Why: the reporting body's name is a legal name; a garbled one in the title or
    a heading misnames who is accountable for the figures.

    Bad:  2023年度杭州市西湖区科学技求协会部门决算\n杭州市西湖区科学技术协会对本部门项目支出开展了绩效自评。西湖区科学技术协会成立于1980年。
    Good: 2023年度杭州市西湖区科学技术协会部门决算\n杭州市西湖区科学技术协会对本部门项目支出开展了绩效自评。杭州市上城区科学技术协会派员参加。
    """
    flow = doc.flow
    text = flow.text
    names = _org_names(text)
    seen: set[str] = set()
    spellings = sorted({n for n, _ in names})
    for i, a in enumerate(spellings):
        for b in spellings[i + 1 :]:
            if not _garbled_pair(a, b):
                continue
            support = {n: text.count(_core(n)) for n in (a, b)}
            odd, usual = (a, b) if support[a] < support[b] else (b, a)
            if support[usual] < 2 * support[odd]:
                continue  # neither spelling is clearly the usual one
            if odd in seen:
                continue
            seen.add(odd)
            at = next(pos for n, pos in names if n == odd)
            other = next(pos for n, pos in names if n == usual)
            start, end = flow.span(at, at + len(odd))
            o_start, o_end = flow.span(other, other + len(usual))
            yield Issue(
                start=start,
                end=end,
                message=f"单位名称“{odd}”与文中其他处的“{usual}”不一致，疑有错字",
                expected=usual,
                actual=odd,
                fix=usual,
                related=((o_start, o_end, "文中其他处的名称"),),
            )


_PLAN = re.compile(r"预计|拟于|计划于|将于|适时安排|适时开展")
_PLAN_STRONG = ("预计", "拟于", "计划于", "将于")  # unmistakably a plan; 适时安排 may describe scheduling


@rule("DOC009", "plan-wording-in-results", severity="warning")
def plan_wording(doc: Disclosure) -> Iterator:
    r"""完成情况中写的是计划而非实际结果。

    Checks: a section about what was achieved (a heading with 完成情况) that
    states plans instead ("预计惠及公众3000人次", "适时安排", "将于…").

    Why: a performance report of a closed year must report actual results; a
    plan in their place leaves the target's completion unreported.

    Bad:  4.绩效目标完成情况\n举办科普讲座12场，按计划推进。预计服务群众5000人次。\n5.存在的主要问题\n无
    Good: 4.绩效目标完成情况\n举办科普讲座12场，服务群众5000人次。\n5.下一步工作计划\n预计明年举办讲座15场。
    """
    outline = doc.outline
    index = doc.outline_index
    content = doc.document.content
    for i, h in enumerate(outline):
        if not h.style or "完成情况" not in h.title or h.toc:
            continue
        end = index.section_end(i, len(content))
        found = list(_PLAN.finditer(content, h.title_end, end))
        if not found:
            continue
        first = next((m for m in found if m.group(0) in _PLAN_STRONG), found[0])
        found = [first] + [m for m in found if m is not first]
        words = "、".join(dict.fromkeys(f"“{m.group(0)}”" for m in found))
        yield Issue(
            start=first.start(),
            end=first.end(),
            message=f"“{_named(h)}”一节应写实际完成情况，却使用了{words}等计划性表述",
            actual=first.group(0),
            related=tuple((m.start(), m.end(), "计划性表述") for m in found[1:]),
        )
