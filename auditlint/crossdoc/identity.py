"""Who, when, what: the body a report is about, its fiscal year and its kind, read from its title and cover.

A report names itself in its first lines: "上海市普陀区文化和旅游局 2025 年度部门决算" (often
wrapped over two or three lines), "上海市普陀区2026年区级部门预算" with "预算主管部门：…"
below it, "单位名称（加盖公章） …" on the cover of a 事业单位法人年度报告书, the body's name
above "…项目支出绩效自评报告", or only "第一部分 …概况" at the head of a text dump. What is
read here is enough to match the reports of one body across years and kinds; a report
whose identity cannot be read says so, and is then never compared with another.

Names are normalised so that the same body matches however a report spells it: spaces
dropped, a trailing alias in brackets dropped, 中国共产党 written 中共 and …委员会 written
…委, 人民政府 dropped before a 街道办事处, 街道 completed to 街道办事处; the administrative
places at the front (上海市 / 普陀区) are kept apart (`region`) from the body itself.
"""

from __future__ import annotations

import re

from ..model import ReportIdentity

_HEAD = 5000  # characters of the text the title, cover and first headings are read from
_TITLE_LINES = 12  # lines a title block may take before the contents begin

_SPACE = re.compile(r"[\s\u3000]+")
_MARKUP = re.compile(r"<[^<>]*>")
_TOC = re.compile(r"^目录$")
_YEAR = r"((?:19|20)\d{2})"
# the body's name: ends with what a body is (局, 委员会, 街道办事处, 协会, 馆 …)
_ORG_END = (
    r"(?:委员会|办公室|办事处|管理处|联合会|研究会|促进会|基金会|总工会|科学技术协会|协会|学会|商会|"
    r"人民政府|政府|法院|检察院|幼儿园|小学|中学|大学|学院|学校|医院|中心|集团|公司|"
    r"局|委|办|街道|镇|乡|馆|院|站|所|队|部|厅|处|社|台|园|场|宫|团|室|署|会)"
)
_ORG = re.compile(r"^[\u4e00-\u9fff（）()·]{2,40}?" + _ORG_END + r"(?:[（(]本级[)）])?$")
_LABELLED = re.compile(
    r"(?:预算主管部门|主管部门|编制部门|编制单位|报送单位|填报单位|部门名称|单位名称)"
    r"(?:[（(](?:加盖公章|盖章)[)）])?\s*[:：|]?\s*([^\s|:：,，。]{2,48})"
)
_CONTENTS_HEAD = re.compile(r"^(?:第[一二三四五六七八九十]+部分)?([\u4e00-\u9fff（）()]{4,40}?)(?:概况|基本情况)$")
_BUDGET_OF = re.compile(r"([\u4e00-\u9fff（）()]{4,40}?)(?:部门|单位)(?:决算|预算)(?:由|是|包括|编制范围)")
_CARRIED_OUT_BY = re.compile(r"由([\u4e00-\u9fff（）()]{4,40}?)(?:负责|组织)?实施")
# what follows a body's name in a title: the kind of report
_TITLE_TAIL = re.compile(r"(?:(?:区级|市级|县级)?(?:部门|单位)?(?:决算|预算)|(?:部门整体支出|单位整体支出|整体支出|项目支出|项目)?绩效|年度报告).*$")

_KINDS = (
    ("绩效自评", re.compile(r"绩效自评|自评报告|绩效评价报告|绩效自我评价")),
    ("年度报告", re.compile(r"年度报告书?|年度工作报告书")),
    ("决算", re.compile(r"决算")),
    ("预算", re.compile(r"(?<!一般公共)预算(?!绩效)")),
)
_LEVEL_KIND = re.compile(r"(部门|单位)(?:整体支出)?(?:决算|预算|绩效)")
# a 事业单位法人年度报告书 filled in as a form, with no title: its fields say what it is
_ANNUAL_FORM = ("宗旨和业务范围", "开办资金", "举办单位", "资产损益情况")
_YEAR_KIND = re.compile(_YEAR + r"年度?(?:区级|市级|县级|省级|镇级)?(?:部门|单位)?(?:决算|预算)")
_YEAR_PAREN = re.compile(r"[（(]" + _YEAR + r"[)）]年度")
_YEAR_ANY = re.compile(_YEAR + r"年度?")

# the administrative places that open a name: 上海市, 普陀区, 浙江省 … (two to six characters before the
# ending, so that 城市管理 or 社区 are not read as places)
_REGION = re.compile(r"^([\u4e00-\u9fff]{2,6}?(?:省|自治区|特别行政区|自治州|市|地区|盟|区|县|旗))(?=[\u4e00-\u9fff])")
_ALIAS = re.compile(r"[（(][^（）()]*[)）]$")
_OWN_LEVEL = re.compile(r"[（(]本级[)）]$")


def _lines(content: str) -> list[str]:
    return [t for t in (_SPACE.sub("", _MARKUP.sub("", line)) for line in content[:_HEAD].splitlines()) if t]


def _title_block(lines: list[str]) -> str:
    """The lines before the table of contents (or the first few lines), joined: a title wrapped over lines is one.

    A short first line (a worksheet's name, "表一") is not part of it."""
    while len(lines) > 1 and (len(lines[0]) <= 4 or not re.search(r"[\u4e00-\u9fff]", lines[0])):
        lines = lines[1:]
    for i, line in enumerate(lines[:_TITLE_LINES]):
        if _TOC.match(line):
            return "".join(lines[:i])
    return "".join(lines[:3])


def _org(name: str) -> str:
    """The name when it is a body's name (an alias in brackets after it aside), else ""."""
    name = name.strip("“”\"'：:，,。")
    bare = _ALIAS.sub("", name) if not _OWN_LEVEL.search(name) else name
    return name if _ORG.match(bare) and not re.search(r"\d", name) else ""


def normalise(name: str) -> tuple[tuple[str, ...], str, str]:
    """(places, body, level it implies) of a body's name: 上海市普陀区人民政府石泉路街道办事处 ->
    ((上海市, 普陀区), 石泉路街道办事处, "")."""
    s = _SPACE.sub("", name).replace("(", "（").replace(")", "）")
    level = ""
    if _OWN_LEVEL.search(s):
        s, level = _OWN_LEVEL.sub("", s), "单位"
    while _ALIAS.search(s) and len(_ALIAS.sub("", s)) >= 2:  # an alias: 杭州低碳科技馆（中国杭州低碳科技馆）
        s = _ALIAS.sub("", s)
    s = s.replace("中国共产党", "中共")
    party = s.startswith("中共")
    if party:
        s = s[2:]
    places: list[str] = []
    while m := _REGION.match(s):
        places.append(m.group(1))
        s = s[m.end() :]
    if party and s.startswith("委员会"):
        s = "委" + s[3:]
    m = re.match(r"^人民政府(.+(?:街道办事处|街道|镇|乡))$", s)
    if m:
        s = m.group(1)
    if s.endswith("街道"):
        s += "办事处"
    return tuple(places), ("中共" if party else "") + s, level


def _entity(lines: list[str], raw_lines: list[str], title: str, kind: str) -> str:
    """The body's name as written: labelled on the cover, in the title, or heading the first part."""
    for line in raw_lines[:60]:
        m = _LABELLED.search(line)
        if m and (name := _org(m.group(1))):
            return name
    # the title: "<name> 2025 年度部门决算", "2021年度<name>", "<name>" above "…绩效自评报告"
    m = re.match(r"^([\u4e00-\u9fff（）()]{2,48}?)" + _YEAR + r"年", title)
    if m and (name := _org(m.group(1))):
        return name
    for line in lines[:4]:
        m = re.match(r"^" + _YEAR + r"年度?([\u4e00-\u9fff（）()]{2,48})", line)
        if m:
            words = _TITLE_TAIL.sub("", m.group(2))
            for cut in range(len(words), 1, -1):  # the longest name the title opens with
                if name := _org(words[:cut]):
                    return name
    for line in lines[:4]:
        if name := _org(line):
            return name
    for line in lines[:80]:
        m = _CONTENTS_HEAD.match(line)
        if m and (name := _org(m.group(1))):
            return name
    for pattern in (_BUDGET_OF, _CARRIED_OUT_BY) if kind == "绩效自评" else (_BUDGET_OF,):
        for line in lines[:120]:
            m = pattern.search(line)
            if m and (name := _org(m.group(1))):
                return name
    return ""


def _kind(title: str, head: str) -> tuple[str, str]:
    """(kind, level): from the title, else from what the first pages call the report."""
    for text in (title, None):
        if text is None:
            for kind, word in (("决算", "决算"), ("预算", "预算")):
                if re.search(rf"(?:部门|单位){word}(?:单位构成|情况说明|公开|表|编制说明|由|是)", head):
                    level = re.search(rf"(部门|单位){word}", head)
                    return kind, level.group(1) if level else ""
            if sum(field in head for field in _ANNUAL_FORM) >= 3:
                return "年度报告", "单位"
            return "", ""
        for kind, pattern in _KINDS:
            if pattern.search(text):
                if kind == "年度报告":
                    return kind, "单位"
                level = _LEVEL_KIND.search(text)
                return kind, level.group(1) if level else ""
    return "", ""


def _year(title: str, head: str, fallback: int | None) -> int | None:
    for pattern, text in ((_YEAR_KIND, title), (_YEAR_PAREN, head[:600]), (_YEAR_ANY, title), (_YEAR_KIND, head)):
        m = pattern.search(text)
        if m:
            return int(m.group(1))
    return fallback


def _subject(title: str, entity: str, kind: str) -> str:
    """What a 绩效自评 evaluates: 整体 (the whole body's spending), or the project its title names."""
    if kind != "绩效自评":
        return ""
    if "整体" in title:
        return "整体"
    rest = title.replace(_SPACE.sub("", entity), "")
    rest = re.sub(_YEAR + r"年度?", "", rest)
    m = re.match(r"^(.*?)(?:项目支出|项目)?(?:绩效自评|自评报告|绩效评价)", rest)
    return (m.group(1) if m else rest)[:40] or "项目"


def identify(content: str, fallback_year: int | None = None) -> ReportIdentity:
    """The identity a report gives itself; fallback_year: the year the report most often names as its own."""
    raw_lines = [line.strip() for line in content[:_HEAD].splitlines() if line.strip()]
    lines = _lines(content)
    title = _title_block(lines)
    head = "".join(lines)
    kind, level = _kind(title, head)
    entity = _entity(lines, raw_lines, title, kind)
    year = _year(title, head, fallback_year)
    region, body, own_level = normalise(entity) if entity else ((), "", "")
    missing = [what for what, value in (("主体（单位或部门名称）", entity), ("所属年度", year), ("报告类型", kind)) if not value]
    problem = f"未能从标题、封面或开头识别报告的{'、'.join(missing)}，不与其他报告相互核对" if missing else ""
    return ReportIdentity(
        entity=entity,
        region=region,
        body=body,
        level=own_level or level,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        year=year,
        subject=_subject(title, entity, kind),
        problem=problem,
    )
