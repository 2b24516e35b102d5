"""The real reports of the shared corpus: the whole-document defects they are known to contain are found."""

from __future__ import annotations

import pytest

from auditlint.api import check_path
from auditlint.config import Config

FAMILIES = ("DOC", "SCORE", "COUNT", "XREF")

# (seed file prefix, rule, line): each a defect a reader can verify in the document
KNOWN = [
    ("000", "DOC006", 82),  # the sponsor's approval is dated ten months before the unit's own commitment
    ("001", "DOC001", 13),  # 三、存在问题 starts its list at (二)
    ("002", "DOC001", 19),  # 项目资金情况 sits between 一、 and 三、 without its 二、
    ("002", "DOC007", 30),  # a 2021 project among the 2022 results
    ("002", "DOC007", 37),  # the 2022 report concludes on 2021 funds
    ("003", "DOC001", 283),  # 十、 again after 十一、
    ("003", "DOC001", 296),  # and 十一、 again
    ("003", "COUNT002", 302),  # 4 projects, then 3
    ("003", "XREF002", 306),  # project self-evaluation 97.19 here, 100 in the attachment
    ("003", "XREF001", 310),  # 整体支出 funds given as the project spending
    ("003", "XREF001", 312),  # 整体执行率 100.0% against 98.09%
    ("003", "DOC004", 342),  # the template's 重点工作事项标题
    ("003", "DOC003", 368),  # an empty section
    ("003", "DOC003", 448),  # another
    ("003", "DOC001", 470),  # (八) then (十)
    ("003", "SCORE001", 716),  # 指标得分 78 against 产出 78 + 效益 6
    ("003", "XREF001", 734),  # a second budget, actual and rate for the same department
    ("003", "SCORE001", 744),  # 产出 78 against 34 + 14 + 14 + 9
    ("003", "SCORE003", 748),  # maxima leave 18 points for an execution score of 19.62
    ("003", "DOC002", 845),  # 1.4 年度目标 3
    ("003", "SCORE004", 863),  # 100 points beside an unmet target
    ("003", "XREF001", 869),  # project budget 264.02 against 232.15
    ("003", "DOC001", 942),  # (二) inside a list of 1.x items
    ("003", "XREF003", 971),  # the same training course 10 and 13 times
    ("003", "DOC001", 975),  # (5) with no (1)-(4)
    ("003", "DOC001", 1186),  # the attachment starts at 二、
    ("003", "DOC001", 1261),  # the contents skip 第三部分
    ("003", "DOC010", 132),  # 主要用于 written twice
    ("004", "DOC008", 1),  # the body's name garbled in the title
    ("004", "DOC004", 8),  # a drafting note in a heading
    ("004", "DOC001", 10),  # 一、 has no （一）
    ("004", "COUNT003", 34),  # 10 staff on 6 posts
    ("004", "DOC004", 99),  # the template's 增加（减少） left unchosen
    ("004", "XREF004", 80),  # one project above all project spending
    ("004", "DOC001", 102),  # the first heading of 第三部分 has no 一、
    ("004", "COUNT004", 129),  # 1 official car, 2 cars among the assets
    ("004", "DOC001", 244),  # （三） lost
    ("004", "XREF001", 246),  # spending repeated from the budget
    ("004", "DOC004", 326),  # （部门全称）
    ("004", "XREF001", 326),  # evaluated funds that match no project figure
    ("004", "COUNT001", 348),  # 3 exhibitions, 2 places
    ("004", "DOC009", 352),  # a plan where the result is due
    ("004", "DOC005", 360),  # the filing instruction
    ("004", "DOC005", 362),  # reviewer's notes
    ("004", "DOC005", 365),
    ("004", "DOC005", 368),
]


@pytest.fixture(scope="module")
def seed_findings(corpus):
    out: dict[str, list] = {}
    for path in sorted((corpus / "seeds").glob("*.txt")):
        result = check_path(path, Config(select=FAMILIES))
        out[path.name[:3]] = result.findings
    return out


def test_the_known_whole_document_defects_are_found(seed_findings):
    missing = [
        (doc, rule, line)
        for doc, rule, line in KNOWN
        if not any(f.rule == rule and f.line <= line <= f.end_line for f in seed_findings.get(doc, []))
    ]
    assert not missing, f"not found: {missing}"


def test_nothing_else_is_reported(seed_findings):
    expected = {(doc, rule) for doc, rule, _ in KNOWN}
    extra = [
        (doc, f.rule, f.line, f.message)
        for doc, findings in seed_findings.items()
        for f in findings
        if (doc, f.rule) not in expected or not any(d == doc and r == f.rule and f.line <= ln <= f.end_line for d, r, ln in KNOWN)
    ]
    assert not extra, f"unexpected findings: {extra}"
