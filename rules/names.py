"""DOC, names: the reporting body's name written the same way throughout."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditlint.rulekit import Disclosure, Issue, Scan, rule

_ORG = re.compile(
    r"[\u4e00-\u9fff]{2,20}?(?:科学技术协会|联合会|委员会|协会|学会|科技馆|博物馆|图书馆|文化馆|管理局|研究院|中心|局|厅|馆|办公室)"
)
# a name is a run of CJK ending in one of the words above: only the runs that hold one are scanned (not every
# run with a 会 or a 心 in it: 会议费, 中心工作 …)
_ORG_SCAN = Scan(_ORG, outside=r"[^\u4e00-\u9fff]", anchor="[协合员学]会|[馆局厅]|研究院|中心|办公室")
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


# bodies every county or city has, whose names differ in one character from another's: a report names two of them
# (a 绩效评价 by the 财政局 of a project the 民政局 runs), not one of them misspelt
_BODIES = (
    "财政局", "民政局", "审计局", "统计局", "税务局", "商务局", "水务局", "林业局", "农业局", "教育局", "体育局",
    "公安局", "司法局", "粮食局", "物价局", "文化局", "旅游局", "交通局", "卫生局", "档案局", "气象局", "规划局",
    "文化馆", "图书馆", "博物馆", "科技馆", "档案馆", "纪念馆", "美术馆", "体育馆",
)


def _two_bodies(a: str, b: str, diff: list[int]) -> bool:
    """Whether a and b end in the names of two different bodies of those every county has, and differ only there
    ("…卡若区财政局" / "…卡若区民政局")."""
    ends = [next((n for n in _BODIES if x.endswith(n)), None) for x in (a, b)]
    if ends[0] is None or ends[1] is None or ends[0] == ends[1]:
        return False
    return min(diff) >= len(a) - len(ends[0])


def _garbled_pair(a: str, b: str) -> bool:
    """Same body, one or two characters mistyped in the name proper (not in the region: 东城区 ≠ 西城区)."""
    if len(a) != len(b) or a == b or a[:2] != b[:2] or a[-1] != b[-1]:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if _two_bodies(a, b, diff):
        return False
    region = max(max((i for i, c in enumerate(a) if c in _REGION_END), default=-1), max((i for i, c in enumerate(b) if c in _REGION_END), default=-1))
    # one character in a short name, two in a long one: 文化馆 / 图书馆 are two bodies, not a typo
    return 1 <= len(diff) <= (2 if len(a) >= 12 else 1) and min(diff) > region


@rule("DOC008", "entity-name-varies", name_zh="单位名称写法不一", severity="warning", fixable=True)
def entity_name(doc: Disclosure) -> Iterator:
    r"""单位名称前后不一致（个别字错写）。

    检查：某地区下属单位的名称（“江州市东湖区科学技术协会”）出现两种写法，在名称本体中相
    差一个字（长名称相差两个字），且其中一种写法的出现次数至少是另一种的两倍时，报告较少
    的那种写法。简称（“江州东湖区…”之于“江州市东湖区…”）、不同地区（“东城区”与“西城区”）
    和括注在名称之后的另一名称（挂牌：“…婚姻登记中心（…收养登记中心）”）不报告；财政局与
    民政局这类每个县都有、只差一字的两个机构，是两个单位，也不报告。
    原因：报告单位的名称是法定名称；标题或标题行中写错的名称，弄错了对这些数字负责的主体。

    Checks: the names of bodies under a region ("江州市东湖区科学技术协会") that
    occur in two spellings differing in one character of the name proper (two in
    a long name), where one spelling is used at least twice as often; the rarer
    spelling is reported. Shortened forms ("江州东湖区…" for "江州市东湖区…"),
    different regions ("东城区" / "西城区"), a second name in brackets after a
    name (a 挂牌 body: "…婚姻登记中心（…收养登记中心）") and two bodies every
    county has, one character apart (财政局 / 民政局), are not.

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
            if all(text[pos - 1 : pos] in ("（", "(") for n, pos in names if n == odd):
                continue  # "…婚姻登记中心（…收养登记中心）": the body's other name (挂牌), in brackets after its name
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
