"""FMT: how numbers are written — full-width digits and commas inside figures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditlint.rulekit import Disclosure, Issue, money_word_before, rule

_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "，": ",", "．": "."})
_HAS_FULLWIDTH = re.compile("[０-９，．]")  # what _FULLWIDTH changes: most figures have none, and translate is slow


@rule("FMT001", "fullwidth-in-number", name_zh="数字中有全角字符", severity="warning", fixable="safe")
def fullwidth_in_number(doc: Disclosure) -> Iterator:
    """数字中混用全角数字或全角逗号。

    检查：用全角数字（６）或以全角逗号作千位分隔符（478，297.24）写成的数字。
    原因：数字中的全角逗号读起来像列举的分隔符，这个数字可能被人（和程序）读成两个数。

    Checks: figures written with full-width digits (６) or a full-width comma as
    the thousands separator (478，297.24).

    Why: a full-width comma inside a figure reads as a list separator, so the
    figure can be read (and machine-read) as two numbers.

    Bad:  一般公共服务支出决算478，297.24元。
    Good: 一般公共服务支出决算478,297.24元。
    """
    for q in doc.quantities:
        number = q.text
        if not _HAS_FULLWIDTH.search(number):
            continue
        fixed = number.translate(_FULLWIDTH)
        what = []
        if "，" in number:
            what.append("全角逗号“，”作千位分隔符")
        if any("０" <= c <= "９" for c in number):
            what.append("全角数字")
        if q.unit == "万" and money_word_before(doc, q):
            fixed = fixed.rstrip() + "元"
            what.append("且金额缺少“元”")
        yield Issue(
            start=q.start,
            end=q.end,
            message=f"数字“{number.strip()}”中使用了{'，'.join(what)}，应写作“{fixed.strip()}”",
            expected=fixed,
            actual=number,
            fix=fixed,
        )
