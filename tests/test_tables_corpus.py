"""Tables in the real documents: the three PDFs and the text-born tables of the seeds."""

from __future__ import annotations

import pytest

from auditlint.api import _check, check_path
from auditlint.config import Config
from auditlint.sources import read_path
from auditlint.tables import document_tables

# (rows, columns) of each logical table, counted on the rendered pages; continued tables are joined
PDF_TABLES = {
    "putuo-planning-resources-2024.pdf": [(6, 3), (30, 4), (27, 9), (27, 8), (32, 7), (27, 5), (40, 6), (5, 12), (6, 8), (6, 8)],
    "putuo-social-work-2024.pdf": [(3, 3), (32, 4), (20, 9), (20, 8), (34, 7), (20, 5), (40, 6), (5, 12), (6, 8), (6, 8)],
    "national-template-2024.pdf": [(9, 3), (30, 4), (10, 9), (10, 8), (32, 7), (10, 5), (40, 6), (5, 12), (6, 8), (6, 8)],
}


@pytest.fixture(scope="module")
def pdf_results(corpus):
    pytest.importorskip("pypdfium2")
    out = {}
    for name in PDF_TABLES:
        document = read_path(corpus / "pdf" / name)  # read once: reading a PDF is the slow part
        out[name] = (document, _check(name, lambda: document, Config(), debug=False))
    return out


@pytest.mark.parametrize("name", sorted(PDF_TABLES))
def test_every_pdf_table_is_found_with_its_rows_and_columns(pdf_results, name):
    document, result = pdf_results[name]
    tables = document_tables(document)
    assert [(len(t.rows), len(t.rows[0])) for t in tables] == PDF_TABLES[name]
    assert result.tables.tables == 10
    for t in tables:
        for row in t.rows:
            for cell in row:
                assert cell is not None and document.text[cell.start : cell.end] == cell.text
                assert cell.page is not None


def test_a_table_continued_on_the_next_page_is_one_table_with_its_pages(pdf_results):
    document, _ = pdf_results["putuo-planning-resources-2024.pdf"]
    spending = next(t for t in document_tables(document) if t.caption.splitlines()[0] == "支出决算表")
    pages = sorted({c.page for row in spending.rows for c in row if c is not None})
    assert pages == [10, 11]


def test_the_template_raises_no_arithmetic_finding_from_its_placeholders(pdf_results):
    _, result = pdf_results["national-template-2024.pdf"]
    # its XXX are reported as unfilled placeholders, never as figures that do not add up
    assert {f.rule for f in result.findings} <= {"DOC004"}
    assert result.tables.figures == 0


def test_identities_are_checked_in_the_real_tables(pdf_results):
    for name in ("putuo-planning-resources-2024.pdf", "putuo-social-work-2024.pdf"):
        _, result = pdf_results[name]
        for kind in ("table-total", "table-code", "table-identity", "text-table"):
            assert result.claims[kind].checked > 0, (name, kind)


def test_the_real_tables_hold_and_the_text_disagrees_where_it_does(pdf_results):
    _, planning = pdf_results["putuo-planning-resources-2024.pdf"]
    tab = [(f.rule, f.evidence) for f in planning.findings if f.rule.startswith("TAB")]
    # the text gives the all-funds 基本支出 and its 人员经费 as 一般公共预算财政拨款 figures
    assert tab == [("TAB005", "5377.64 万元"), ("TAB005", "4896.98 万元")]
    _, social = pdf_results["putuo-social-work-2024.pdf"]
    assert [f for f in social.findings if f.rule.startswith("TAB")] == []


def test_a_finding_in_a_pdf_carries_its_page(pdf_results):
    _, planning = pdf_results["putuo-planning-resources-2024.pdf"]
    assert all(f.page is not None for f in planning.findings)


# ------------------------------------------------------------- text-born


def _seed(corpus, prefix: str):
    return next((corpus / "seeds").glob(prefix + "_*.txt"))


def test_the_flattened_table_of_seed_004(corpus):
    path = _seed(corpus, "004")
    tables = document_tables(read_path(path))
    assert len(tables) == 1
    table = tables[0]
    assert (len(table.rows), len(table.rows[0])) == (11, 5)
    assert [c.text for c in table.rows[1]] == ["1", "2", "3", "4", "5=4/3"]
    result = check_path(path, Config(select=("TAB",)))
    assert result.findings == []  # its 0.01 gaps are rounding (890.17 vs 810.84 + 79.32)
    assert result.claims["table-formula"].checked == 6
    assert result.claims["table-code"].checked == 3  # 基本支出 = 人员经费 + 公用经费, from rules/identities.toml


# 001's form is one table: its row "资产损益情况 | ||" (a label, its cells blank) no longer splits it in two
@pytest.mark.parametrize("prefix, shapes", [("000", [(11, 5)]), ("001", [(16, 4)])])
def test_delimited_form_tables_are_read_and_raise_nothing(corpus, prefix, shapes):
    path = _seed(corpus, prefix)
    tables = document_tables(read_path(path))
    assert [(len(t.rows), len(t.rows[0])) for t in tables] == shapes
    assert check_path(path, Config(select=("TAB",))).findings == []
