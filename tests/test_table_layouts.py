"""The real reports of the shared corpus with their tables laid out as other PDF extractions write them.

bench/mutation_layouts.py renders a text's table lines (as the segmentation reads them) in another layout:
``tab-rows`` puts a tab wherever a space parts two cells (an extraction that writes a tab between two spans of
the page: empty cells dropped, wrapped labels and unfilled rows on lines of their own), ``wide-rows`` pads
cells apart with two to eight spaces. Neither changes what a report says, so neither may change what is found:
the same rules at the same lines as on the page-text dump itself (bench/README-mutations.md, "Table layouts").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditlint.api import check_bytes
from auditlint.config import Config

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _findings(name: str, text: str) -> list[tuple[str, int]]:
    return sorted((f.rule, f.line) for f in check_bytes(name, text.encode("utf-8"), Config()).findings)


@pytest.mark.parametrize("layout", ["tab-rows", "wide-rows"])
def test_real_reports_give_the_same_findings_whatever_separates_their_table_cells(corpus, layout, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    from mutation_layouts import plan

    reports = sorted((corpus / "real").glob("*.txt"))
    if not reports:
        pytest.skip("no real reports in the corpus")
    changed = 0
    for path in reports:
        text = path.read_text(encoding="utf-8")
        transform = plan(layout, text, seed=41)
        rendered, _ = transform.render(text)
        changed += rendered != text
        assert _findings(path.name, rendered) == _findings(path.name, text), (layout, path.name)
    assert changed == len(reports)  # every report has tables whose cells the layout moved apart


def test_tab_rows_over_pages_parted_by_blank_lines_give_the_same_findings(corpus, monkeypatch):
    """Tab rows in a dump whose pages are parted by a blank line: a table going on over the page is still one table
    (its rows after the blank line are no small table of their own, summed apart: TAB001/TAB002 false alarms)."""
    monkeypatch.syspath_prepend(str(BENCH))
    from mutation_layouts import plan

    reports = sorted((corpus / "real").glob("*.txt"))
    if not reports:
        pytest.skip("no real reports in the corpus")
    for path in reports:
        text = path.read_text(encoding="utf-8")
        rendered = plan("tab-rows", text, seed=41).render(text)[0].replace("\f", "\n\n")
        # (a table cut by its header repeated on the next page, where no page is marked, loses a name note: TAB008)
        got = [f for f in _findings(path.name, rendered) if f[0] != "TAB008"]
        want = [f for f in _findings(path.name, text.replace("\f", "\n\n")) if f[0] != "TAB008"]
        assert got == want, path.name
