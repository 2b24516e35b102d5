"""Extraction: from a Document to a Disclosure — figures, statements and the claims they make."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Disclosure, Document
from ..segment import segment
from .claims import build_claims
from .figures import find_figures, skeleton
from .reflow import reflow
from .scores import find_scores
from .statements import StatementParser
from .structure import find_outline

__all__ = ["extract"]

_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*(?:年度|年)")


def _fiscal_year(text: str) -> int | None:
    """The report's own year: the year most often written as 'YYYY年度' in its first pages."""
    head = text[:6000]
    years = Counter(int(m.group(1)) for m in _YEAR_IN_TITLE.finditer(head))
    if not years:
        return None
    return years.most_common(1)[0][0]


def extract(document: Document, identity_dirs: tuple[str, ...] = ()) -> Disclosure:
    """Figures, statements and claims of a document; identity_dirs: extra folders of TOML identities (rule packs)."""
    layout = segment(document)
    flow = reflow(document.content, layout.table_spans("flattened", "form", "unread"), layout.furniture())
    tokens = find_figures(flow, document.text)
    skel = skeleton(flow.text, tokens)
    parser = StatementParser(flow=flow, skel=skel)
    i = 0
    for para in flow.paragraphs:
        j = i
        while j < len(tokens) and tokens[j].start < para.end:
            j += 1
        parser.paragraph(para.start, para.end, tokens[i:j])
        i = j
    quantities = [t.quantity for t in tokens if not t.date]
    money_units = Counter(q.unit for q in quantities if q.kind == "money" and q.places == 2)
    disclosure = Disclosure(
        document=document,
        year=_fiscal_year(flow.text),
        unit=money_units.most_common(1)[0][0] if money_units else None,
        quantities=quantities,
        statements=parser.statements,
        reasons=parser.reasons,
        outline=find_outline(flow, layout.table_spans("reader", "flattened", "form", "unread")),
        flow=flow,
    )
    disclosure.scores = find_scores(flow, document.text, disclosure.outline)
    disclosure.claims = build_claims(disclosure, identity_dirs)
    from ..tables import (
        attach_tables,  # tables use the identities of this package: imported late, no cycle
    )

    attach_tables(disclosure, identity_dirs, layout.tables)
    return disclosure
