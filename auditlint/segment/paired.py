"""The row labels of a two-sided table written one cell per line: 一、… 一、… 二、… 二、… is no outline.

A 收支总表 sets its income rows beside its expenditure rows, each side numbered
(一、一般公共预算财政拨款收入 beside 一、一般公共服务支出). Written one cell per line, as plain
`pdftotext` writes it, and with no figure between (a template not yet filled in, or figures
that come out elsewhere), the two sides' labels alternate: every number twice in a row, then
the longer side's numbers alone. An outline never numbers two headings alike in a row, so such
a run is the table's labels: known as a table (never headings, never prose), not rebuilt.
"""

from __future__ import annotations

import re

from ..numbering import item_number, marker_style
from .lines import Line

_MIN_PAIRS = 3
_PUNCTUATION = re.compile(r"[，。；;,:：！？]")


def _label_number(line: Line) -> int | None:
    """The number of a line that is a lone numbered row label ("四、上级补助收入"), or None."""
    text = line.stripped
    if line.shape != "words" or len(text) > 30 or _PUNCTUATION.search(text):
        return None
    style = marker_style(text)
    if style is None or style[0] != "cn":
        return None
    return item_number(text)


def paired_label_regions(lines: list[Line], kinds: list) -> list[tuple[int, int]]:
    """(first, last) lines of each run of two sides' row labels numbered in pairs, among lines not yet given a kind."""
    regions: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        run: list[tuple[int, int]] = []  # (line index, number), blank lines between allowed
        j = i
        while j < len(lines):
            if kinds[j] == "blank":
                j += 1
                continue
            n = _label_number(lines[j]) if kinds[j] is None else None
            if n is None:
                break
            run.append((j, n))
            j += 1
        found = _pairs(run)
        if found is not None:
            regions.append(found)
        i = max(j, i + 1)
    return regions


def _pairs(run: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where numbers come in pairs (n, n, n+1, n+1 …) for _MIN_PAIRS pairs or more, then go on one by one: the
    first and last line of the pairs and what follows them."""
    for start in range(len(run)):
        first = run[start][1]
        k = 0
        while start + 2 * k + 1 < len(run) and run[start + 2 * k][1] == run[start + 2 * k + 1][1] == first + k:
            k += 1
        if k < _MIN_PAIRS:
            continue
        end = start + 2 * k
        while end < len(run) and run[end][1] == first + k + (end - start - 2 * k):
            end += 1
        return run[start][0], run[end - 1][0]
    return None
