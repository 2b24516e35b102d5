"""DOC, template leftovers: placeholders and filing instructions of the template, reviewers' notes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditlint.rulekit import Disclosure, Issue, Scan, lexicon, rule


def _flow_matches(doc: Disclosure, scan: Scan, group: str | int = 0) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Matches of a pattern in the reflowed text (sentences whole again), located in the original."""
    flow = doc.flow
    for m in scan.finditer(flow.text):
        start, end = flow.span(m.start(group), m.end(group))
        yield start, end, m


_PLACEHOLDER = re.compile(
    rf"(?P<pair>(?P<a>{lexicon.TEMPLATE_CHOICE_WORD})[（(](?P<b>{lexicon.TEMPLATE_CHOICE_WORD})[）)])"
    r"|(?<![A-Za-z])(?:[XＸ]{2,}|×{2,}|＊{2,}|某某)(?![A-Za-z])"
    r"|[（(](?:本|此)?(?:部门|单位|项目|机构|公司|学校)(?:全称|名称|简称)[）)]"
    r"|[（(][^（）()\n]{0,20}(?:填写|填报|内容格式|格式填|模板|自行删除|删除)[^（）()\n]{0,12}[）)]"
)
# every placeholder begins with one of these: only they are tried (the whole text is scanned)
_PLACEHOLDER_SCAN = Scan(_PLACEHOLDER, starts="[增减下上降大小高低XＸ×＊某（(]", sparse=True)
_UNFILLED = 10  # more placeholder lines than this: an unfilled template, reported once
_TEMPLATE_TITLE = re.compile(r"(?:事项|工作|项目|章节|小)?标题[一二三四五六七八九十\d]*$")


@rule("DOC004", "template-placeholder", name_zh="模板占位符未替换", severity="warning")
def template_placeholder(doc: Disclosure) -> Iterator:
    r"""模板占位符或填写说明未替换。

    检查：留在正文中的模板占位符（“XXX”“××”“某某”“（部门全称）”）；未作选择的模板选项（
    “下降（增长）”“增加（减少）”）；括号中的起草说明（“（比照预算公开的内容格式）”“（请
    填写…）”）；按其对填写人所说的话识别出的括号内填写说明（“（如持平作持平表述）”“（不
    涉及的不列）”“（列示至基层预算单位）”“（…情况，以及编报绩效目标的项目数量、单位数量、
    预算金额等）”，以及独占一行的“（包括总目标、年度目标、分解目标等，具体见表格）”）；
    开了头却没有内容的原因（“主要原因是。”）；以及仍是模板原文的标题（“一、重点工作事项
    标题”）。同一行中同一个占位符只报告一次（“XX县XX局”）。
    原因：公开的报告中留有占位符，说明模板没有填写完成，读者也因此缺少了它所代表的信息。

    Checks: placeholders of the template left in the text ("XXX", "××", "某某",
    "（部门全称）"), the template's alternatives left unchosen ("下降（增长）",
    "增加（减少）"), bracketed drafting notes ("（比照预算公开的内容格式）",
    "（请填写…）"), the template's guidance in brackets, recognised by what it
    says to the writer ("（如持平作持平表述）", "（不涉及的不列）", "（列示至基层预算单位）",
    "（…情况，以及编报绩效目标的项目数量、单位数量、预算金额等）", a section's
    "（包括总目标、年度目标、分解目标等，具体见表格）" on its own line), a reason
    announced and left empty ("主要原因是。"), and headings that are still the
    template's label ("一、重点工作事项标题"). One placeholder repeated on a line
    ("XX县XX局") is reported once.

    Why: a placeholder in a published report shows the template was not
    finished, and the reader loses the fact it stood for.

    Bad:  一、单位概况（比照预算公开的内容格式填写）\nXX市文化馆（单位全称）对本单位2023年度项目支出开展了绩效自评。
    Good: 一、单位概况\n江州市文化馆对本单位2023年度项目支出开展了绩效自评。
    """
    found = [
        (start, end, m.group(0), _placeholder_message(m))
        for start, end, m in _flow_matches(doc, _PLACEHOLDER_SCAN)
        if not m.group("pair") or frozenset((m.group("a"), m.group("b"))) in lexicon.OPPOSITES
    ]
    found += _guidance(doc)
    found.sort(key=lambda f: f[0])
    lines = {doc.document.position(start)[0] for start, _, _, _ in found}
    if len(lines) > _UNFILLED:
        start, end, text, _ = found[0]
        yield Issue(
            start=start,
            end=end,
            message=f"文中有 {len(found)} 处模板占位符（如“{text}”）未替换，分布在 {len(lines)} 行：疑为未填写完成的模板",
            actual=text,
        )
    else:
        yield from _per_line(doc, found)
    for h in doc.outline:
        if h.style and not h.inline and _TEMPLATE_TITLE.search(h.title) and len(h.title) <= 12:
            yield Issue(
                start=h.title_start,
                end=h.title_end,
                message=f"标题“{h.title}”是模板中的标题占位文字，应改为本节实际内容的标题",
                actual=h.title,
            )


def _per_line(doc: Disclosure, found: list[tuple[int, int, str, str]]) -> Iterator[Issue]:
    """Each leftover as its own finding, except that several of one kind on one line ("XX县XX局XX年度…") are one."""
    i = 0
    while i < len(found):
        start, end, text, message = found[i]
        line = doc.document.position(start)[0]
        j = i + 1
        while j < len(found) and found[j][2:] == (text, message) and doc.document.position(found[j][0])[0] == line:
            j += 1
        if j - i > 1 and not message.endswith(_PLACEHOLDER_ASK):
            j = i + 1  # (an alternative left unchosen twice on a line: each is a choice of its own)
        if j - i > 1:
            message = f"此行有 {j - i} 处{message.split('“', 1)[0]}“{text}”{_PLACEHOLDER_ASK}"
            end = found[j - 1][1]
        yield Issue(start=start, end=end, message=message, actual=text)
        i = j


def _placeholder_message(m: re.Match[str]) -> str:
    text = m.group(0)
    if m.group("pair"):
        return f"模板中的备选用词“{text}”未作选择：应按数据保留“{m.group('a')}”或“{m.group('b')}”其一（无变化时写明持平）"
    kind = "填写说明" if re.search(r"填|格式|模板|删除", text) else "模板占位符"
    return f"{kind}“{text}”{_PLACEHOLDER_ASK}"


_PLACEHOLDER_ASK = "未删除或替换：公开文本中应写明实际内容"


# (scanned as it is: a pattern opening with a character class is skipped to its candidates by the engine itself, twice
# as fast as a Scan's lookahead tried at every position)
_BRACKETED = re.compile(r"[（(](?P<inner>[^（）()\n]{2,80})[）)]")


@lru_cache(maxsize=2)
def _bracketed(text: str) -> tuple[re.Match[str], ...]:
    """The bracketed passages of a text: read once for the two rules that look at them (DOC004 and DOC005)."""
    return tuple(_BRACKETED.finditer(text))
_DIGIT = re.compile(r"\d")
# (a report without an empty reason, nearly every one, is not scanned: the requirement is found by its literal)
_EMPTY_REASON_SCAN = Scan(lexicon.EMPTY_REASON, starts="[主原]", requires=r"原因(?:(?:是|为|在于)[：:]?|[：:])\s*[。；;]")


def _on_its_own_line(content: str, start: int, end: int) -> bool:
    line_end = content.find("\n", end)
    after = content[end : len(content) if line_end < 0 else line_end]
    return not content[content.rfind("\n", 0, start) + 1 : start].strip() and not after.strip(" 。")


def _guidance(doc: Disclosure) -> list[tuple[int, int, str, str]]:
    """The template's guidance left in brackets, and reasons announced and left empty."""
    out = []
    content = doc.document.content
    flow = doc.flow
    for m in _bracketed(flow.text):
        inner = m.group("inner").strip()
        if _DIGIT.search(inner):
            continue  # guidance names what to write, never a figure
        guidance = lexicon.GUIDANCE.search(inner) is not None
        if not guidance and not lexicon.SECTION_GUIDANCE.search(inner):
            continue
        start, end = flow.span(m.start(), m.end())
        if guidance or _on_its_own_line(content, start, end):
            out.append((start, end, m.group(0), f"模板中的填写说明“{m.group(0)}”未删除：这是写给填报人的要求，不属于公开内容"))
    if "原因" in flow.text:
        for m in _EMPTY_REASON_SCAN.finditer(flow.text):
            start, end = flow.span(m.start(), m.end())
            out.append((start, end, m.group(0), f"“{m.group(0).strip()}”之后没有写明原因：模板中的说明未填写完成"))
    return out


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


@rule("DOC005", "drafting-note-left-in", name_zh="起草说明或批注未删", severity="warning")
def drafting_note(doc: Disclosure) -> Iterator:
    r"""起草说明或审核批注留在了正文中。

    检查：写给模板填写人的说明（“请参考…要求，将…汇总…，作为部门决算草案的附件”）、审核
    人的批注（“后面数据也需修改”“减少后不需-号”“改11,492,964.29”“请核实”）以及括号中的起
    草说明（“（增加内容）”“（待补充）”）作为报告的一部分公开了出去。
    原因：这些文字不属于公开内容；留在正文中，说明它们要求的修改没有做（或没有核对）。

    Checks: instructions addressed to whoever fills the template ("请参考…要求，
    将…汇总…，作为部门决算草案的附件"), reviewers' notes ("后面数据也需修改",
    "减少后不需-号", "改11,492,964.29", "请核实") and drafting notes in brackets
    ("（增加内容）", "（待补充）") published as part of the report.

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
    flow = doc.flow
    for m in _bracketed(flow.text):
        if lexicon.DRAFTING_NOTE.match(m.group("inner").strip()):
            start, end = flow.span(m.start(), m.end())
            yield Issue(
                start=start,
                end=end,
                message=f"起草批注“{m.group(0)}”留在了正文中：应补上所说的内容后删除批注",
                actual=m.group(0),
            )
    for start, end, m in _flow_matches(doc, _NOTE_SCAN, "s"):
        note = m.group("s").strip()
        yield Issue(
            start=start,
            end=end,
            message=f"审核批注“{note}”留在了正文中：应按批注改正相关内容后删除批注",
            actual=note,
        )


# the words of a template's sentence that an edit leaves written twice ("其中：其中：", "主要原因是主要原因是"); none
# of them is ever repeated on purpose (the reduplications of Chinese — 研究研究, 一一 — are not among them)
_DOUBLED = re.compile(
    r"(?P<w>其中|主要原因是|主要原因为|主要用于|具体情况如下|比上年|较上年|与上年相比|分别为|万元|亿元|(?<=\d)元)"
    r"(?P<sep>[：:，,、]?)(?:(?P=w)(?P=sep))*(?P=w)"  # (a run of repeats is one finding)
)
_DOUBLED_SCAN = Scan(_DOUBLED, starts="[其主具比较与分万亿元]", sparse=True)


@rule("DOC010", "phrase-written-twice", name_zh="词语重复", severity="warning", fixable=True)
def phrase_written_twice(doc: Disclosure) -> Iterator:
    r"""模板语句中的词语写了两遍。

    检查：修改文字时残留下来的重复词语：“其中：其中：”“主要原因是主要原因是”“比上年比上年”
    “万元万元”“1837600元元”，跨行亦然。只查模板语句中从不有意重复的词（“研究研究”之类的叠词不在其列）。
    原因：重复的词说明这一句改过而没有通读；读者会怀疑同一处的数字是否也改过。

    Checks: a word of the template's sentences that an edit left written twice
    ("其中：其中：", "主要原因是主要原因是", "比上年比上年", "万元万元", "1837600元元"), across a
    line break too. Only words never repeated on purpose are looked for (not the
    reduplications of Chinese such as 研究研究).

    Why: a doubled word shows the sentence was edited and not read through, and
    the reader wonders whether its figures were edited too.

    Bad:  本年支出合计100.00万元，其中：其中：基本支出60.00万元，项目支出40.00万元。
    Good: 本年支出合计100.00万元，其中：基本支出60.00万元，项目支出40.00万元。
    """
    flow = doc.flow
    for m in _DOUBLED_SCAN.finditer(flow.text):
        start, end = flow.span(m.start(), m.end())
        once = m.group("w")  # (the separator after the last copy stays)
        times = m.group(0).count(m.group("w"))
        yield Issue(
            start=start,
            end=end,
            message=f"“{m.group('w')}”写了两遍：应删去其一" if times == 2 else f"“{m.group('w')}”连写了 {times} 遍：应只写一遍",
            expected=once,
            actual=m.group(0),
            fix=once if "\n" not in doc.document.text[start:end] else None,
        )
