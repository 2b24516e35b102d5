"""DOC, the outline: section numbers in sequence, ordinals that follow them, sections with content, results not plans."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from auditlint.rulekit import (
    Disclosure,
    Heading,
    Issue,
    Placement,
    Severity,
    cite_lines,
    cn_number,
    cn_numeral,
    list_key,
    marker_for,
    marker_written,
    page_number_between,
    rule,
)


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


# an item's number with a count right after it, no blank between: "2.164个农家书屋…" is item 2 (164 个), not 2.164 个 —
# a number of things is whole
_COUNT_UNIT = r"(?:个|人|项|家|户|次|场|册|所|座|名|件|条|篇|期|批|处|台|辆|套|村|镇|乡)"


def _numbered_count(doc: Disclosure, h: Heading, number: int, start: int, end: int) -> bool:
    """Whether item `number` of h's list (1., 2. …) opens a line in [start, end) with a count right after its dot."""
    if h.style != "num":
        return False
    pattern = rf"(?m)^[ \t\u3000]*{number}[.．]\d+[ \t\u3000]*{_COUNT_UNIT}"  # (a letter-spaced line: "2.164 个")
    return re.search(pattern, doc.document.content[start:end]) is not None


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


@rule("DOC001", "numbering-out-of-sequence", name_zh="章节编号不连续", severity="warning", fixable=True)
def numbering(doc: Disclosure) -> Iterator:
    r"""章节编号重复、跳号或缺少起始编号。

    检查：各级编号的标题和条目（第一部分、一、（一）、1.、（1）、1.1……）在其所属的上级标
    题之下应按 1、2、3 依次排列。编号重复、漏号，或列表不从 1 开始，都会报告；空缺处若有
    一行未编号的文字（一、与三、之间的“资金使用情况”），就指出这一行是丢了编号的标题。每
    个新的上级标题之下、目录中、每个附件中都重新编号；空缺的条目在别处以行内方式写出的，
    视为存在。唯一缺少的条目其实在、只是编号后缺少标点（“18“社会保障…””）时，只作提示。
    目录以分段时识别出的为准。
    原因：编号重复或跳号，说明有章节被复制、移动或删除后没有重新编号；而读者是按编号引用
    章节的。

    Checks: the numbered headings and items of each level (第一部分, 一、, （一）,
    1., （1）, 1.1 …) run 1, 2, 3 within the heading they sit under. A number used
    twice, a number left out, or a list that starts above 1 is reported; where an
    unnumbered line sits in the gap ("资金使用情况" between 一、 and 三、), that line
    is named as the heading that lost its number. Numbering restarts under every
    new parent heading, in the table of contents and in each attachment; an item
    written inline elsewhere in the gap counts as present. Where the one missing
    item is there with its number but not its full stop ("18“社会保障…”"), that
    number is noted (info) instead. The table of contents is where segmentation
    found it.

    Why: a repeated or skipped section number shows a section was copied, moved
    or deleted without renumbering, and readers cite sections by number.

    Bad:  八、机关运行经费支出情况\n本年机关运行经费支出情况如下。\n九、政府采购支出情况\n本年政府采购情况如下。\n八、国有资产占用情况\n本年资产情况如下。
    Good: 八、机关运行经费支出情况\n本年机关运行经费支出情况如下。\n九、政府采购支出情况\n本年政府采购情况如下。\n十、国有资产占用情况\n本年资产情况如下。
    """
    outline = doc.outline
    placed = doc.outline_index.placed
    # contents whose first entry is not their first ("目录 / 九、… / 十二、…": entries lost in extraction, or an
    # excerpt) hold no evidence of the report's numbering: what is missing there is missing from the copy
    first_toc = next((i for i in sorted(placed) if outline[i].toc), None)
    partial_toc = first_toc is not None and placed[first_toc].status == "late"
    # the last heading of each list and number under each parent: a repeat's renumbering looks it up
    last_with: dict[tuple[int | None, str, int], int] = {}
    for j, q in placed.items():
        k = (q.parent, list_key(outline[j]), outline[j].number)
        last_with[k] = max(j, last_with.get(k, j))
    for i, p in placed.items():
        h = outline[i]
        if h.toc and partial_toc:
            continue
        if h.inline and p.status == "repeat" and _run_on_page(doc, h):
            continue  # a page (or a document) kept on one line: its lists restart under headings it no longer sets apart
        where = "目录中" if h.toc else "附件中" if h.attachment else ""
        if p.status == "repeat":
            first = outline[p.first_use] if p.first_use is not None else None
            if first is not None and _same_title(first, h):
                continue  # the same heading again: a contents list without its title, or a running page header
            right = marker_for(h, p.expected)
            earlier = f"，{cite_lines(doc, [first.start])}已有“{_named(first)}”" if first is not None else ""
            evidence = doc.document.text[h.start : h.title_end]
            # renumbering is certain only if no later sibling already carries the number it would take
            taken = last_with.get((p.parent, list_key(h), p.expected), -1) > i
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
            if p.parent is None and h.scope == 0 and _first_of_its_rank(outline, i):
                continue  # the text may be an excerpt that starts mid-way (or a report whose first pages are missing)
            if p.parent is None and _body_opens_under_lost_headings(doc, outline, i):
                continue  # "目录 … / 本单位内设4个处室。… / 十二、…": the body's own first headings are not in the copy
            if _runs_on_from_previous_part(outline, placed, i):
                continue  # "第一部分 / 一、… 二、… / 第二部分 / 三、…": the template numbers on across its parts
            if _runs_on_across_inline_parent(outline, placed, i):
                continue  # "1、…指标值(八)全年实际值… / 2、…": a marker inside a line opened no section
            yield from _gap(doc, outline, p, h, list(range(1, h.number)), where)


_RUN_ON = 1000  # a paragraph this long holding numbered sections inline is a page run into one line, not prose


def _run_on_page(doc: Disclosure, h: Heading) -> bool:
    """Whether an inline heading stands in a paragraph that is a whole page or document kept on one line."""
    para = doc.flow.paragraphs[h.paragraph]
    return para.end - para.start > _RUN_ON


def _runs_on_from_previous_part(outline: list[Heading], placed: dict, i: int) -> bool:
    """Whether a list opening above 1 under its parent goes on from the list under the parent's previous sibling:
    the last item of the same style before it, in the same contents or body, is numbered one less and sits under
    a heading of the parent's own list ("第一部分 / 一、 二、 / 第二部分 / 三、 …")."""
    h, p = outline[i], placed[i]
    if p.parent is None:
        return False
    parent = outline[p.parent]
    for j in range(i - 1, p.parent, -1):
        if list_key(outline[j]) == list_key(h):
            return False  # an item of its own list before it: not the list's opening
    for j in range(p.parent - 1, -1, -1):
        q = outline[j]
        if q.toc != h.toc or q.scope != h.scope:
            continue
        if list_key(q) == list_key(parent):
            return False  # reached the previous part without meeting its last item
        if list_key(q) == list_key(h):
            up = placed.get(j)
            return (
                q.number == h.number - 1
                and up is not None
                and up.parent is not None
                and list_key(outline[up.parent]) == list_key(parent)
            )
    return False


def _runs_on_across_inline_parent(outline: list[Heading], placed: dict, i: int) -> bool:
    """Whether a list opening above 1 under a marker found inside a line goes on from an item of its own style
    before that marker, numbered one less ("1、…指标值(八)全年实际值(B)… / 2、… / 3、…": an OCR'd "(A)" read as
    "(八)"): the list runs on across the marker, which is no evidence of a section of its own."""
    h, p = outline[i], placed[i]
    if p.parent is None or not outline[p.parent].inline:
        return False
    for j in range(p.parent - 1, -1, -1):
        q = outline[j]
        if q.toc != h.toc or q.scope != h.scope:
            continue
        if list_key(q) == list_key(h):
            return q.number == h.number - 1
    return False


# how high each numbering style usually ranks in a report's outline (第一部分 above 一、 above （一） …)
_RANK = {"part": 0, "cn": 1, "pcn": 2, "pideo": 2, "num": 3, "dotted": 4, "pnum": 4, "circled": 5}


def _first_of_its_rank(outline: list[Heading], i: int) -> bool:
    """Whether no heading before outline[i] in the body ranks as high as it: "（二）…", "1.", "2.", then "六、" —
    text that begins inside section 五 (an excerpt, or a report whose first pages are missing)."""
    rank = _RANK.get(outline[i].style, 9)
    return all(_RANK.get(o.style, 9) > rank for o in outline[:i] if o.style and o.scope == 0 and not o.toc)


# a sentence: a clause of words closed by its mark (a letter-spaced line keeps a blank between each two letters)
_SENTENCE = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]?){4,}[^\n]*?[，,。；;]")


def _body_opens_under_lost_headings(doc: Disclosure, outline: list[Heading], i: int) -> bool:
    """Whether outline[i] is the first heading of a body that follows its contents and opens with prose under no
    heading ("…第四部分 名词解释 / 本单位内设4个职能处室，… / 十二、关于空表的说明"): the headings that prose stood
    under were lost (a web page keeping part of the report, an extraction), as in an excerpt that starts mid-way."""
    h = outline[i]
    if h.toc or h.attachment or h.scope == 0:
        return False
    if any(o.scope == h.scope and not o.toc for o in outline[:i]):
        return False
    return _SENTENCE.search(doc.document.content[h.scope_start : h.start]) is not None


# A line that opens with a list's punctuation and no number, then a short term and its colon ("、经济效益：…"): an
# item whose number the extraction dropped (a digit in another font, or cut off at the page's edge). (A line of
# wrapped prose opens with "、" too, "、高效，切实提高…": no term and colon there. A letter-spaced line keeps a space
# between each two letters.)
_NUMBER_LOST = re.compile(r"(?m)^[ \t\u3000]*[、.．](?:[ \u3000]?[\u4e00-\u9fff]){2,10}[ \u3000]?[：:]")
# two such lines at least: one could be a wrap after all
_MIN_LOST = 2


def _numbers_lost(doc: Disclosure, outline: list[Heading], p: Placement, h: Heading) -> bool:
    """Whether items of h's list, where it sits (under its parent, up to the first heading after its last
    item), lost their numbers in extraction: the numbers left are then no evidence of a gap."""
    placed = doc.outline_index.placed
    parent = outline[p.parent] if p.parent is not None else None
    start = parent.title_end if parent is not None else h.scope_start
    last = max(
        (j for j, q in placed.items() if q.parent == p.parent and list_key(outline[j]) == list_key(h)),
        default=p.index,
    )
    end = outline[last + 1].start if last + 1 < len(outline) else len(doc.document.content)
    lost = _NUMBER_LOST.finditer(doc.document.content, start, max(start, end))
    return sum(1 for _ in itertools.islice(lost, _MIN_LOST)) == _MIN_LOST


def _gap(doc: Disclosure, outline: list[Heading], p: Placement, h: Heading, missing: list[int], where: str) -> Iterator:
    parent = outline[p.parent] if p.parent is not None else None
    previous = outline[p.previous] if p.previous is not None else None
    if _numbers_lost(doc, outline, p, h):
        return  # "4、… 9、… / 、完成内容一致 / 、项目目标实现": the missing numbers may be the ones dropped
    after = previous or parent
    lo = after.title_end if after is not None else h.scope_start
    # the previous item's own line counts too: two entries run together on one line ("十三、公用经费…表十四、…");
    # so does the parent's, for a first item run into it ("一、决算汇编基本情况 1.报表类型说明")
    seen_from = previous.title_start if previous is not None else parent.title_start if parent is not None else lo
    if any(_present(doc, h, n, seen_from, h.start) or _numbered_count(doc, h, n, seen_from, h.start) for n in missing):
        return
    bare = _bare_number(doc, h, missing, lo) if previous is not None else None
    if bare is not None:
        right = marker_for(h, missing[0])
        yield Issue(
            start=bare[0],
            end=bare[1],
            message=f"{where}编号“{missing[0]}”后缺少“{right[-1]}”：前后同级编号为“{previous.marker}”“{h.marker}”，应写作“{right}”",
            expected=right,
            actual=str(missing[0]),
            fix=right,
            severity=Severity.INFO,
        )
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
            message=f"{where}标题“{c.title}”没有编号：{around}后一同级标题为{cite_lines(doc, [h.start])}的“{_named(h)}”，此处应为“{right}”",
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
                message=f"{where}{under}缺少“{marker_for(h, 1)}”：同级编号从{cite_lines(doc, [h.start])}的“{_named(h)}”开始，此处应有“{marker_for(h, 1)}”标题",
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


# what follows an item's number when only its full stop is missing: its title ("18“社会保障…", "18社会保障…"),
# never a unit ("18 万元", "18个") or another digit
_TITLE_AFTER_BARE = re.compile(r"\s*[“\"《「【（(]|(?![万元亿个人次项件台辆名家所户年月日天分])[\u4e00-\u9fff]")


def _bare_number(doc: Disclosure, h: Heading, missing: list[int], lo: int) -> tuple[int, int] | None:
    """Where the one missing item of a list of 1. 2. 3. stands with its number but without its stop ("18“…"):
    a line in the gap that opens with that number and goes on like a title."""
    if h.style != "num" or len(missing) != 1:
        return None
    text = doc.document.content
    found = [
        m
        for m in re.finditer(rf"(?m)^[ \t]*({missing[0]})(?![\d.．、,，])", text[lo : h.start])
        if _TITLE_AFTER_BARE.match(text, lo + m.end(1))
    ]
    if len(found) != 1:
        return None
    return lo + found[0].start(1), lo + found[0].end(1)


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


@rule("DOC002", "item-ordinal-mismatch", name_zh="条目序号与目标序号不符", severity="warning")
def item_ordinal(doc: Disclosure) -> Iterator:
    r"""条目编号与标题中的目标序号不一致。

    检查：同一列表中标题带有序号的条目（“1.1 年度目标 1 的产出指标”“1.2 年度目标 2 ……”）：
    其余条目的序号都与编号一致时，不一致的那一条会被报告。
    原因：复制条目后没有改序号，会把它的得分记到错误的目标名下。

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


@rule("DOC003", "empty-section", name_zh="空章节", severity="warning")
def empty_section(doc: Disclosure) -> Iterator:
    r"""标题下没有内容，紧接着就是下一个同级标题。

    检查：章节标题之后紧接着同一列表的下一个标题，而该列表的其他章节都有正文或下级章节。
    由短句组成的条目列表（“1. 党建工作需要进一步融合。”）和本身带有内容的标题（“1.绩效自
    评总分：100分”）不算章节。
    原因：空章节是编辑时丢失的段落，或是为未报告的工作保留下来的模板标题。

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
        if sum(1 for i in run if _ends_a_sentence(doc, outline[i])) * 2 >= len(run):
            continue  # items that are sentences ("1、按质完成教学任务；"): one left unpunctuated is one more item
        for i, nxt in zip(run, run[1:]):
            h, following = outline[i], outline[nxt]
            if filled(i) or h.inline or not h.heading_shaped or h.toc or _POINTS_ELSEWHERE.search(h.title):
                continue  # (a heading that says where its content is: "第二部分 部门预算表（详见附表）")
            if any(t.start <= h.start < t.end for t in doc.tables):
                continue  # a row label of a table written with pipes or tabs ("1.因公出国(境)费用 | |"): its row is blank
            gap = doc.document.content[h.title_end : following.start]
            if gap.count("\n") > _BLANK_CELLS and _blank(gap):
                continue  # a form's row flattened one cell a line, its cells blank ("1、业务工作经费" then empty lines)
            if _ends_a_sentence(doc, h):
                continue  # a sentence: an item of a list, not a heading (its full stop may stand a space off: "实 施 。")
            if following.paragraph != h.paragraph + 1 or placed[nxt].status != "next":
                continue
            yield Issue(
                start=h.start,
                end=h.title_end,
                message=f"“{_named(h)}”之下没有内容，紧接着就是下一个同级标题“{_named(following)}”：内容缺失或标题多余",
                related=((following.start, following.title_end, "紧随其后的同级标题"),),
            )


def _ends_a_sentence(doc: Disclosure, h: Heading) -> bool:
    """Whether the title is a sentence: a full stop or semicolon right after it (perhaps a space off: "实 施 。")."""
    return doc.document.content[h.title_end : h.title_end + 8].lstrip()[:1] in ("。", ".", "；", ";")


# a heading that sends the reader elsewhere for its content
_POINTS_ELSEWHERE = re.compile(r"详见|见附[件表]|附后|另行公开|单独公开")
def _blank(text: str) -> bool:
    """Whether text holds nothing but blanks and page numbers (blank cells may go on over a page)."""
    return all(not ln.strip() or page_number_between(ln.strip(), "", "") for ln in text.split("\n"))


# more line breaks than this between a heading and the next, with nothing on them: the blank cells of a form's row
_BLANK_CELLS = 3


def _carries_content(h: Heading) -> bool:
    """"绩效自评总分：100分", "项目名称：…": a label and its value, not an empty heading."""
    _, colon, rest = h.title.partition("：")
    if not colon:
        _, colon, rest = h.title.partition(":")
    return bool(colon and rest.strip())


_PLAN = re.compile(r"预计|拟于|计划于|将于|适时安排|适时开展")
_PLAN_STRONG = ("预计", "拟于", "计划于", "将于")  # unmistakably a plan; 适时安排 may describe scheduling


class _PlanWords:
    """The plan words of a text, found once: nested sections must not each read their text again.

    A section's words are those found in the whole text that lie inside it — the words
    `_PLAN.finditer(text, start, end)` finds — unless a word found runs across the section's
    start: only then is the section read on its own (one word may hide another: 预计划于)."""

    def __init__(self, text: str):
        self.text = text
        self.found = list(_PLAN.finditer(text))
        self.starts = [m.start() for m in self.found]

    def between(self, start: int, end: int) -> list[re.Match[str]]:
        k = bisect.bisect_left(self.starts, start)
        if k and self.found[k - 1].end() > start:
            return list(_PLAN.finditer(self.text, start, end))
        out = []
        while k < len(self.found) and self.found[k].end() <= end:
            out.append(self.found[k])
            k += 1
        return out


@rule("DOC009", "plan-wording-in-results", name_zh="完成情况写成计划", severity="warning")
def plan_wording(doc: Disclosure) -> Iterator:
    r"""完成情况中写的是计划而非实际结果。

    检查：讲已取得成果的章节（标题含“完成情况”）中写的是计划（“预计惠及公众3000人次”“适
    时安排”“将于…”）。
    原因：已结束年度的绩效报告必须报告实际结果；以计划代替结果，等于没有报告目标的完成情
    况。

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
    plans = _PlanWords(content)
    for i, h in enumerate(outline):
        if not h.style or "完成情况" not in h.title or h.toc:
            continue
        end = index.section_end(i, len(content))
        found = plans.between(h.title_end, end)
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
