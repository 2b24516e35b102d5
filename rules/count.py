"""COUNT: counts that contradict — a count and the list it announces, a total stated twice, staff and vehicles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditlint.rulekit import Disclosure, Issue, Scan, cite_lines, cn_number, lexicon, rule

_UNITS = r"场次|个|项|场|次|家|所|名|人|篇|条|期|批|部|处|件|台|辆|种|类|支|位|本|套"
_N = r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})"
_ANNOUNCED = re.compile(
    r"(?P<label>[\u4e00-\u9fff“”]{1,12}?)\s*" + _N + r"\s*(?P<unit>" + _UNITS + r")(?P<noun>[\u4e00-\u9fff]{0,4}?)\s*"
    r"(?:[：:]|[，,]\s*(?:分别是|分别为|即)[：:]?)"
    r"(?P<list>[^。；;\n]{2,200})"
)
# an announcement stays inside one clause and holds its colon (or 分别是, 即): only such clauses are scanned
_ANNOUNCED_SCAN = Scan(_ANNOUNCED, outside="[。；;]", anchor="[：:]|分别[是为]|即")
# a label that ends in a count of its own ("内设一室" before 四处): the count after it is only part of the list's
_COUNT_BEFORE = re.compile(r"[一二两三四五六七八九十\d]+[\u4e00-\u9fff]$")
_PARTIAL_LEAD = re.compile(r"^\s*(?:如|例如|比如|包括|主要有|主要包括|其中|诸如)")


def _top_level(head: str) -> list[str]:
    """The parts of "A（A1、A2）、B" between the 、 outside brackets: "政治部(机关党委、机关纪委)" is one item."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(head):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        elif ch == "、" and not depth:
            parts.append(head[start:i])
            start = i + 1
    parts.append(head[start:])
    return parts


def _items(listed: str) -> tuple[list[str], bool] | None:
    """The items of an enumeration "A、B、C，…" and whether the text says it is partial (等, 如 …)."""
    if _PARTIAL_LEAD.match(listed):
        return None
    head = re.split(r"[，,]", listed, maxsplit=1)[0]
    partial = bool(re.search(r"等", head))
    head = re.split(r"等", head, maxsplit=1)[0]
    items = [i.strip() for i in _top_level(head)]
    # "A小学、B中学和C小学": the last two joined by 和/及/与 — unless the first would end unlike every other item
    # ("办公室、调研处、社会服务与联络处": one office whose name holds 与)
    last = re.split(r"和|及|以及|与", items[-1])
    endings = {i.strip()[-1:] for i in items[:-1]}
    # (or the two end alike: "财政事务中心和国库集中支付中心", two 中心 after an item of another kind)
    same_kind = len(last) == 2 and len(last[0].strip()) >= 3 and last[0].strip()[-2:] == last[1].strip()[-2:]
    if len(last) == 2 and all(len(x.strip()) >= 2 for x in last) and (last[0].strip()[-1:] in endings or same_kind):
        items[-1:] = [x.strip() for x in last]
    if len(items) < 2 or any(not (2 <= len(i) <= 25) for i in items) or any(re.search(r"\d", i) for i in items):
        return None
    return items, partial


@rule("COUNT001", "count-differs-from-list", name_zh="数量与列举不符", severity="warning")
def count_differs_from_list(doc: Disclosure) -> Iterator:
    r"""所述数量与其后列举的条目数不符。

    检查：“社区展3次：A、B”——数量之后跟冒号（或“分别是”）和以顿号分隔的明确列举时，列举
    的条目数应与数量相同。文中标明为不完全列举的（“A、B等”“如：A、B”）不检查。多出的条目
    是重复列出的、去重后恰与数量相同时，指出重复的条目，而不说数量写错。
    原因：数量与紧随其后的列举自相矛盾，说明列举漏了一项，或者数量写错了。

    Checks: "社区展3次：A、B" — a count followed by a colon (or 分别是) and an
    explicit list separated by 、: the list must have as many items. A list the
    text marks as partial ("A、B等", "如：A、B") is not checked. Where the extra
    item is one listed twice and the distinct items match the count, the repeated
    item is named instead of the count.

    Why: a count that its own list contradicts means an item was dropped from
    the list or the count is wrong.

    Bad:  进校园展览3场：城南小学、城北中学、实验小学。进社区展览3场：东风社区、红旗社区，按计划推进。
    Good: 进校园展览3场：城南小学、城北中学和实验小学。进社区展览2场：东风社区、红旗社区。进企业展览4场：甲公司、乙公司等。
    """
    flow = doc.flow
    for m in _ANNOUNCED_SCAN.finditer(flow.text):
        if _COUNT_BEFORE.search(m.group("label")):
            continue  # "内设一室四处：…": two counts of two kinds, the list holds both
        n = cn_number(m.group("n"))
        found = _items(m.group("list"))
        if n is None or found is None:
            continue
        items, partial = found
        if partial or len(items) == n:
            continue
        start, end = flow.span(m.start("label"), m.end("noun"))
        l_start = flow.span(m.start("list"), m.start("list") + 1)[0]
        listed = "、".join(items)
        announced = f"“{m.group('label')}{m.group('n')}{m.group('unit')}{m.group('noun')}”"
        twice = list(dict.fromkeys(i for i in items if items.count(i) > 1))
        if twice and len(set(items)) == n:
            # "内设8个机构，即办公室、…、政治部、办公室": the count is right, an item is listed twice
            yield Issue(
                start=start,
                end=end,
                message=f"{announced}之后所列 {len(items)} 项中，{'、'.join(f'“{i}”' for i in twice)}重复出现；"
                f"不重复的恰为 {n} 项，应删去重复的一项",
                related=((l_start, l_start + len(listed), "所列条目"),),
            )
            continue
        yield Issue(
            start=start,
            end=end,
            message=f"{announced}与其后所列不符：列出的是 {len(items)} 项（{listed}）",
            expected=f"{len(items)}{m.group('unit')}",
            actual=f"{m.group('n')}{m.group('unit')}",
            related=((l_start, l_start + len(listed), "所列条目"),),
        )


_TOTAL = re.compile(
    r"共(?:计)?(?P<verb>涉及|评价|包括|有|开展|组织|举办|实施|设立|设有|申报|完成)\s*(?P<pre>[\u4e00-\u9fff]{0,6}?)\s*"
    r"(?P<n>\d{1,4})\s*(?P<unit>个|项|家|所|场|次|名|人)(?P<post>[\u4e00-\u9fff]{0,6})"
)


def _other_period(doc: Disclosure, before: str) -> bool:
    """The words before a count speak of another year, or compare with one."""
    clause = re.split(r"[。；;\n]", before)[-1]
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)", clause)]
    return bool(lexicon.COUNT_OTHER_PERIOD.search(clause)) or any(doc.year is not None and y != doc.year for y in years)


def _head_noun(pre: str, post: str) -> str:
    noun = pre or re.split(r"[，。；的]", post)[0]
    return noun[-2:] if len(noun) >= 2 else ""


@rule("COUNT002", "total-count-stated-twice", name_zh="同一总数前后不一", severity="warning")
def total_count_twice(doc: Disclosure) -> Iterator:
    r"""同一节中同一总数前后写法不一。

    检查：报告同一节中两次写到同一事物的总数（“共涉及项目4个”……“共涉及 3个一级项目”）：
    动词相同、所计名词相同、都以“共……”写成总数，而数字不同。
    原因：两个数字不可能都是本节所涉事项的数量。

    Checks: totals of the same thing stated twice in one section of the report
    ("共涉及项目4个" … "共涉及 3个一级项目"): the same verb and the same counted
    noun, both as a total (共…), with different numbers.

    Why: the two cannot both be the number of things the section covers.

    Bad:  八、预算绩效情况说明\n（一）本部门对项目支出全面开展绩效自评，共涉及项目5个。\n（二）项目支出自评结果\n本部门反映所有项目绩效自评结果，共涉及6个一级项目。
    Good: 八、预算绩效情况说明\n（一）本部门对项目支出全面开展绩效自评，共涉及项目6个。\n（二）项目支出自评结果\n本部门反映所有项目绩效自评结果，共涉及6个一级项目。
    """
    flow = doc.flow
    index = doc.outline_index
    seen: dict[tuple[str, str, str, int], tuple[int, int, str, int]] = {}
    reported: set[tuple[str, str, str, int]] = set()
    for m in _TOTAL.finditer(flow.text):
        noun = _head_noun(m.group("pre"), m.group("post"))
        if not noun or _other_period(doc, flow.text[max(0, m.start() - 30) : m.start()]):
            continue
        start, end = flow.span(m.start(), m.end("unit") + len(m.group("post")) if not m.group("pre") else m.end("unit"))
        heads = index.ancestors(start)
        section = next((h.start for h in reversed(heads) if h.style in ("cn",)), heads[-1].start if heads else 0)
        key = (m.group("verb"), noun, m.group("unit"), section)
        n = int(m.group("n"))
        said = flow.text[m.start() : m.end("unit") + (0 if m.group("pre") else len(m.group("post")))]
        if key not in seen:
            seen[key] = (start, end, said, n)
            continue
        first = seen[key]
        if first[3] == n or key in reported:
            continue
        reported.add(key)
        yield Issue(
            start=first[0],
            end=first[1],
            message=f"同一节中{noun}数前后不一：此处“{first[2]}”，{cite_lines(doc, [start])}却是“{said}”",
            actual=first[2],
            related=((start, end, "同一总数的另一写法"),),
        )


_STAFF = re.compile(
    r"(?P<kind>(?:行政|事业|参公|参照公务员法管理|工勤|机关|编外|全额拨款|差额拨款|自收自支)?编制)(?:数)?(?:为|有)?\s*(?P<n>\d{1,5})\s*(?:名|人|个)(?P<sep>[，,、；;\s]*)"
    r"实(?:际|有)(?P<whole>人数)?(?:在岗|在编|人数)?(?:为|有)?\s*(?P<m>\d{1,5})\s*(?:名|人)"
)
# "共有编制86人，其中：行政编制18人，事业编制68人；实有人数81人": the whole establishment its kinds break down
_WHOLE_ESTABLISHMENT = re.compile(r"编制(?:数)?(?:为|共|有)?\s*(?P<n>\d{1,5})\s*(?:名|人|个)[，,]?\s*其中\s*[：:]?")
# what an establishment begins with (行政编制, 编外编制 …): only there is it looked for
_STAFF_SCAN = Scan(_STAFF, starts="[行事参工机编全差自]", requires="编制")


@rule("COUNT003", "staff-exceeds-establishment", name_zh="实有人数超编", severity="warning")
def staff_exceeds_establishment(doc: Disclosure) -> Iterator:
    r"""实有人数超过编制数。

    检查：“行政编制6名，实际10人”：实有人数不应超过编制数而不作说明。
    原因：超编是不允许的；这样的数字要么是录入错误，要么需要说明。

    Checks: "行政编制6名，实际10人": the staff in post may not exceed the
    establishment without an explanation.

    Why: staffing above the approved establishment (超编) is not allowed; a
    figure like this is either a typing error or needs to be explained.

    Bad:  本单位行政编制8名，实际 11人；事业编制25名，实际23人。
    Good: 本单位行政编制8名，实际 8人；事业编制25名，实际23人。
    """
    flow = doc.flow
    for m in _STAFF_SCAN.finditer(flow.text):
        n, k = int(m.group("n")), int(m.group("m"))
        if k <= n:
            continue
        kind = m.group("kind")
        whole = _whole_establishment(flow.text, m)
        if whole is not None:
            if k <= int(whole.group("n")):
                continue
            n, kind, at = int(whole.group("n")), "编制", whole.start()
        else:
            at = m.start("kind")
        start, end = flow.span(at, m.end())
        yield Issue(
            start=start,
            end=end,
            message=f"{kind} {n} 名，实有 {k} 人，超出编制 {k - n} 人：请核实数字，或说明超编原因",
            actual=flow.text[at : m.end()],
        )


def _whole_establishment(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """The whole establishment a kind's 编制 breaks down, when the staff in post that follow are the whole's: a
    "实有人数" after the last kind of a "其中" list, past its clause ("；"), is every kind's staff together."""
    if m.group("kind") == "编制" or not (m.group("whole") or re.search(r"[；;]", m.group("sep"))):
        return None
    begin = max(text.rfind("。", 0, m.start()), m.start() - 120, 0)
    found = list(_WHOLE_ESTABLISHMENT.finditer(text, begin, m.start("kind")))
    return found[-1] if found else None


_CARS_KEPT = re.compile(r"公务用车保有量(?:为|共)?\s*(?P<n>\d{1,4})\s*辆")
_CARS_OWNED = re.compile(r"(?:共有车辆|车辆|汽车|机动车)(?:共|合计)?(?:为)?\s*(?P<n>\d{1,4})\s*辆")


@rule("COUNT004", "vehicle-count-differs", name_zh="公务用车数不一致", severity="info")
def vehicle_count(doc: Disclosure) -> Iterator:
    r"""“三公”经费中的公务用车保有量与国有资产中的车辆数不一致。

    检查：“三公”经费部分的“公务用车保有量1辆”与报告在国有资产部分列出的车辆数（“国有资产
    占用情况……汽车2辆”）相对照。
    原因：两部分说的是同一批车辆；两者不同（例如另有特种专业技术用车）应当说明，否则必有
    一个数字是错的。

    Checks: "公务用车保有量1辆" (三公经费) against the vehicles the report lists
    among its assets ("国有资产占用情况 … 汽车2辆").

    Why: the two sections describe the same fleet; a difference (a special-purpose
    vehicle, say) should be explained, or one figure is wrong.

    Bad:  2023年公务用车保有量3辆。\n五、国有资产占用情况\n固定资产年末数总额2,310.45万元，其中：汽车4辆，56.20万元。
    Good: 2023年公务用车保有量4辆。\n五、国有资产占用情况\n固定资产年末数总额2,310.45万元，其中：汽车4辆，56.20万元。
    """
    flow = doc.flow
    text = flow.text
    kept = list(_CARS_KEPT.finditer(text))
    owned = [
        m
        for m in _CARS_OWNED.finditer(text)
        if re.search(r"国有资产|固定资产|资产占用", text[max(0, m.start() - 300) : m.start()]) and not _CARS_KEPT.match(text, m.start() - 6)
    ]
    if len(kept) != 1 or len(owned) != 1:
        return
    a, b = kept[0], owned[0]
    if int(a.group("n")) == int(b.group("n")):
        return
    start, end = flow.span(a.start(), a.end())
    o_start, o_end = flow.span(b.start(), b.end())
    yield Issue(
        start=start,
        end=end,
        message=(
            f"公务用车保有量 {a.group('n')} 辆，而国有资产占用情况中列有车辆 {b.group('n')} 辆："
            "两处应一致，或说明差异（如特种专业技术用车）"
        ),
        actual=text[a.start() : a.end()],
        related=((o_start, o_end, "国有资产中的车辆"),),
    )


# "绩效自评的2025年度项目53个，涉及预算金额…，平均得分95.55分（其中，绩效评级为“优”的项目50个；…）"
_RATED = re.compile(
    r"(?P<what>项目|单位)\s*(?P<n>\d{1,5})\s*个(?P<gap>[^。；;（(]{0,80}?)[（(]\s*其中[，,：:]?\s*(?P<list>[^）)]{0,200}?评级[^）)]{0,200})[）)]"
)
_GRADE = re.compile(r"[“\"‘]?(?P<grade>优秀|优|良好|良|中等|中|合格|一般|较差|差|不合格)[”\"’]?\s*的?\s*(?:项目|单位)?\s*(?P<k>\d{1,5})\s*个")


@rule("COUNT005", "ratings-do-not-cover-the-count", name_zh="评级项目数与总数不符", severity="warning")
def ratings_do_not_cover_the_count(doc: Disclosure) -> Iterator:
    r"""按绩效评级列出的项目数与自评项目总数不符。

    检查：自评报告所计的项目（或单位）数（“绩效自评的2025年度项目53个”）与括号中按评级列
    出的各项数目（“（其中，绩效评级为“优”的项目50个）”）相对照：所列各评级的数目之和应等
    于总数。
    原因：模板要求列出每个评级（优/良/合格/不合格），为 0 的也要列；分项之和不足，说明有
    项目没有评级——要么漏列了某个评级，要么总数写错了。

    Checks: the projects (or units) a self-evaluation counts ("绩效自评的2025年度项目53个")
    against the counts its breakdown by rating gives in brackets ("（其中，绩效评级为“优”的
    项目50个）"): the grades listed must add up to the count.

    Why: the template lists every grade (优/良/合格/不合格), 0 included; a breakdown that
    falls short leaves projects without a rating — a grade left out, or a count wrong.

    Bad:  绩效自评的2025年度项目53个，涉及预算金额6993.22万元，平均得分95.55分（其中，绩效评级为“优”的项目50个）。
    Good: 绩效自评的2025年度项目53个，涉及预算金额6993.22万元，平均得分95.55分（其中，绩效评级为“优”的项目50个，绩效评级为“良”的项目3个）。
    """
    text = doc.flow.text
    if "评级" not in text:
        return
    for m in _RATED.finditer(text):
        grades = list(_GRADE.finditer(m.group("list")))
        if not grades or len({g.group("grade") for g in grades}) != len(grades):
            continue
        n, listed = int(m.group("n")), sum(int(g.group("k")) for g in grades)
        if listed == n:
            continue
        start, end = doc.flow.span(m.start("list"), m.end("list"))
        n_start, n_end = doc.flow.span(m.start("n"), m.end("n"))
        named = "、".join(f"“{g.group('grade')}”{g.group('k')} 个" for g in grades)
        gap = f"其余 {n - listed} 个的评级未列明" if listed < n else f"多出 {listed - n} 个"
        yield Issue(
            start=start,
            end=end,
            message=f"{m.group('what')}共 {n} 个，而按绩效评级列出的是 {named}，合计 {listed} 个：{gap}，应补全各等级的数量或改正总数",
            expected=str(n),
            actual=str(listed),
            related=((n_start, n_end, f"{m.group('what')}总数"),),
        )
