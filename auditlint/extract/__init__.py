"""Extraction: from a Document to a complete Disclosure — figures, statements, claims, outline, tables.

The stages run in this order, each on what the ones before produced:

1. segmentation: every line read once as heading, paragraph, table, contents or page furniture,
   tables written into the text rebuilt;
   reflow: sentences whole again, with a map back to the original text;
2. figures: every number with its unit and precision, and the text's skeleton;
3. statements: what each sentence says about which subject, nested into lists;
4. outline and scores: numbered headings, their sections, and evaluation scores;
5. claims: what the statements assert that a rule can recompute;
6. tables: read and understood, with the claims their structure makes;
7. mentions and table verdicts: the figures of known line items, the table claims recomputed.

Rules only read the Disclosure; nothing here is left for a rule to finish.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Disclosure, Document, Quantity, Reason, Statement
from ..numbering import LINE_MARKER
from ..segment import segment
from ..tables import TableClaim, TableVerdicts, TableView, evaluate_claims, planned_from_tables, read_tables
from .claims import build_claims
from .figures import Token, find_figures, skeleton
from .lexicon import budget_title
from .mentions import Mention, find_mentions
from .reflow import Reflowed, reflow
from .scores import find_scores
from .statements import StatementParser
from .structure import OutlineIndex, find_outline

__all__ = ["extract"]

Disclosure.model_rebuild(
    _types_namespace={
        "Mention": Mention,
        "OutlineIndex": OutlineIndex,
        "Reflowed": Reflowed,
        "TableVerdicts": TableVerdicts,
        "TableView": TableView,
    }
)

# (not a date's year: "公开时间：2024年11月6日" dates the publication, a year after the one reported)
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*(?:年度|年(?!\s*\d{1,2}\s*月))")


# a report's title: one year, and what kind of report it is ("某幼儿园2024年度部门决算公开报告")
_TITLE_LINE = re.compile(r"(?:决算|预算)(?:公开)?(?:报告|说明|情况说明)?\s*$")
_SENTENCE_MARK = re.compile(r"[，。；,;：:]")


def _title_year(content: str) -> tuple[int, int] | None:
    """The year a report's title names, among its first lines as written (a title a page wrapped is read across its
    two lines), and how often those lines write it; None where no title names one, or two titles there name two (a
    web page headed "某医院2024年预算公开" over the hospital's "2023年度部门决算")."""
    # (a letter-spaced line, "某 幼 儿 园 2 0 2 4 年 度 部 门 决 算", read as the words it spells)
    lines = [re.sub(r"\s+", "", ln) for ln in content[:2000].split("\n") if ln.strip()][:12]
    if "目录" in lines:
        lines = lines[: lines.index("目录")]  # (a title stands above the contents; below are its parts' titles)
    found: set[int] = set()
    mentions = 0  # how often the titles write their year
    for k, line in enumerate(lines):
        if LINE_MARKER.match(line):
            continue  # "第二部分 2023年度单位决算情况说明": a part of the report, not its title
        after = lines[k + 1] if k + 1 < len(lines) and not LINE_MARKER.match(lines[k + 1]) else None
        for title in (line, line + after if after else ""):
            if not title or len(title) > 60 or _SENTENCE_MARK.search(title) or not _TITLE_LINE.search(title):
                continue
            years = {int(m.group(1)) for m in _YEAR_IN_TITLE.finditer(title)}
            if len(years) == 1:
                found |= years
                mentions += len(_YEAR_IN_TITLE.findall(title))
                break
    if len(found) != 1:
        return None
    return found.pop(), mentions


def _fiscal_year(text: str, titled: tuple[int, int] | None = None) -> int | None:
    """The report's own year: the one its title names where the text names it too (titled: the title's year and
    how often the lines about the title write it), or else the year most often written as 'YYYY年度' in its first
    pages (a title whose year the text never names is the one not updated: DOC007 reports it)."""
    head = text[:6000]
    years = Counter(int(m.group(1)) for m in _YEAR_IN_TITLE.finditer(head))
    if not years:
        return None
    if titled is not None and years[titled[0]] > titled[1]:  # (named beyond the title's own lines)
        return titled[0]
    return years.most_common(1)[0][0]


def _money_unit(quantities: list[Quantity]) -> str | None:
    """The unit the report keeps its amounts in: the most common one among amounts with two decimals."""
    money_units = Counter(q.unit for q in quantities if q.kind == "money" and q.places == 2)
    return money_units.most_common(1)[0][0] if money_units else None


def read_statements(flow: Reflowed, tokens: list[Token], year: int | None = None) -> tuple[list[Statement], list[Reason]]:
    """The statements and stated reasons of the text, paragraph by paragraph (year: the report's)."""
    parser = StatementParser(flow=flow, skel=skeleton(flow.text, tokens), year=year, budget_report=budget_title(flow.text))
    i = 0
    for para in flow.paragraphs:
        j = i
        while j < len(tokens) and tokens[j].start < para.end:
            j += 1
        parser.paragraph(para.start, para.end, tokens[i:j])
        i = j
    return parser.statements, parser.reasons


def extract(document: Document, identity_dirs: tuple[str, ...] = ()) -> Disclosure:
    """Everything a document states; identity_dirs: extra folders of TOML identities (rule packs)."""
    layout = segment(document)
    flow = reflow(document.content, layout.table_spans("flattened", "form", "unread"), layout.furniture())
    tokens = find_figures(flow, document.text)
    year = _fiscal_year(flow.text, _title_year(document.content))
    statements, reasons = read_statements(flow, tokens, year)
    quantities = [t.quantity for t in tokens if not t.date]
    outline = find_outline(flow, layout.table_spans("reader", "flattened", "form", "unread"), layout.spans("toc"))
    outline_index = OutlineIndex(outline)
    scores = find_scores(flow, document.text, outline_index)
    claims = build_claims(document, quantities, statements, reasons, identity_dirs, flow)
    tables = read_tables(document, layout.tables, statements, year, identity_dirs, layout.furniture())
    claims = sorted([*planned_from_tables(claims, tables.lines), *tables.claims], key=lambda c: (c.start, c.end))
    return Disclosure(
        document=document,
        year=year,
        unit=_money_unit(quantities),
        quantities=quantities,
        statements=statements,
        reasons=reasons,
        claims=claims,
        tables=tables.tables,
        outline=outline,
        scores=scores,
        flow=flow,
        outline_index=outline_index,
        mentions=find_mentions(document.content, flow, statements, year, outline_index),
        table_verdicts=evaluate_claims([c for c in claims if isinstance(c, TableClaim)]),
        table_count=tables.count,
        table_views=tables.views,
    )
