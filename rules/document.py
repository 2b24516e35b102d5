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
