"""Build .docx and .xlsx files in memory with the standard library, for reader and rule tests.

A table is a list of rows; a row is a list of cells: a string, a `Merged` cell
spanning several slots, or None for a slot a merged cell above or to the left
covers. A figure such as "105.00" or "93.8%" is written to Excel as a number
with a matching number format, the way finance staff's workbooks store them.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass
class Merged:
    text: str
    rowspan: int = 1
    colspan: int = 1


Row = list["str | Merged | None"]


@dataclass
class Paragraph:
    text: str


@dataclass
class TableSpec:
    rows: list[Row]
    title: str = ""
    unit: str = "单位：万元"


def _zip(parts: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data if isinstance(data, bytes) else data.encode("utf-8"))
    return buf.getvalue()


def _grid(rows: list[Row]) -> dict[tuple[int, int], Merged]:
    """Anchor cells by position (covered slots are left out)."""
    out = {}
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            out[(r, c)] = cell if isinstance(cell, Merged) else Merged(cell)
    return out


# ------------------------------------------------------------------- docx


def _w_paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _w_table(rows: list[Row]) -> str:
    anchors = _grid(rows)
    width = max(len(r) for r in rows)
    covered_by: dict[tuple[int, int], tuple[int, int]] = {}
    for (r, c), m in anchors.items():
        for dr in range(m.rowspan):
            for dc in range(m.colspan):
                if dr or dc:
                    covered_by[(r + dr, c + dc)] = (r, c)
    out = ["<w:tbl><w:tblPr/><w:tblGrid>" + "<w:gridCol/>" * width + "</w:tblGrid>"]
    for r in range(len(rows)):
        out.append("<w:tr>")
        c = 0
        while c < width:
            anchor = anchors.get((r, c))
            if anchor is not None:
                props = ""
                if anchor.colspan > 1:
                    props += f'<w:gridSpan w:val="{anchor.colspan}"/>'
                if anchor.rowspan > 1:
                    props += '<w:vMerge w:val="restart"/>'
                out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{_w_paragraph(anchor.text)}</w:tc>")
                c += anchor.colspan
                continue
            origin = covered_by.get((r, c))
            if origin is not None and origin[0] < r:
                top = anchors[origin]
                span = f'<w:gridSpan w:val="{top.colspan}"/>' if top.colspan > 1 else ""
                out.append(f"<w:tc><w:tcPr>{span}<w:vMerge/></w:tcPr><w:p/></w:tc>")
                c += top.colspan
                continue
            out.append("<w:tc><w:tcPr/><w:p/></w:tc>")
            c += 1
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def build_docx(blocks: list[Paragraph | TableSpec]) -> bytes:
    body = []
    for block in blocks:
        if isinstance(block, Paragraph):
            body.append(_w_paragraph(block.text))
        else:
            if block.title:
                body.append(_w_paragraph(block.title))
            if block.unit:
                body.append(_w_paragraph(block.unit))
            body.append(_w_table(block.rows))
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
    return _zip(
        {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
            "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>',
            "word/document.xml": document,
        }
    )


# ------------------------------------------------------------------- xlsx

_FIGURE = re.compile(r"^-?\d+(?:\.(\d+))?(%?)$")
# cellXfs: 0 General, 1 "0.00", 2 "0.0%", 3 "#,##0.00"
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{S_NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>'
)


def _col_letters(c: int) -> str:
    out = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        out = chr(65 + rem) + out
    return out


def _x_cell(ref: str, text: str, shared: list[str]) -> str:
    m = _FIGURE.match(text.replace(",", ""))
    if m:
        value = Decimal(text.replace(",", "").rstrip("%"))
        if m.group(2):
            # stored as a fraction, shown with a percent format (and a float's noise, as Excel stores it)
            return f'<c r="{ref}" s="2"><v>{value / 100}</v></c>'
        style = 3 if "," in text else (1 if m.group(1) and len(m.group(1)) == 2 else 0)
        stored = f"{float(value)!r}" if style else str(value)
        return f'<c r="{ref}" s="{style}"><v>{stored}</v></c>'
    shared.append(text)
    return f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>'


def _sheet(spec: TableSpec, shared: list[str]) -> str:
    rows_xml = []
    merges = []
    top: list[str] = [t for t in (spec.title, spec.unit) if t]
    width = max(len(r) for r in spec.rows)
    for i, line in enumerate(top):
        ref = f"A{i + 1}"
        rows_xml.append(f'<row r="{i + 1}">{_x_cell(ref, line, shared)}</row>')
        merges.append(f'<mergeCell ref="A{i + 1}:{_col_letters(width - 1)}{i + 1}"/>')
    offset = len(top)
    anchors = _grid(spec.rows)
    for r, row in enumerate(spec.rows):
        cells = []
        for c in range(len(row)):
            anchor = anchors.get((r, c))
            if anchor is None or anchor.text == "":
                continue
            ref = f"{_col_letters(c)}{r + 1 + offset}"
            cells.append(_x_cell(ref, anchor.text, shared))
            if anchor.rowspan > 1 or anchor.colspan > 1:
                end = f"{_col_letters(c + anchor.colspan - 1)}{r + offset + anchor.rowspan}"
                merges.append(f'<mergeCell ref="{ref}:{end}"/>')
        rows_xml.append(f'<row r="{r + 1 + offset}">{"".join(cells)}</row>')
    merge_xml = f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>' if merges else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S_NS}"><sheetData>{"".join(rows_xml)}</sheetData>{merge_xml}</worksheet>'


def build_xlsx(sheets: list[tuple[str, TableSpec]]) -> bytes:
    shared: list[str] = []
    parts: dict[str, str | bytes] = {}
    sheet_entries, rels = [], []
    for i, (name, spec) in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = _sheet(spec, shared)
        sheet_entries.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{R_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>')
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{R_NS}/sharedStrings" Target="sharedStrings.xml"/>')
    rels.append(f'<Relationship Id="rId{n + 2}" Type="{R_NS}/styles" Target="styles.xml"/>')
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{S_NS}" xmlns:r="{R_NS}"><sheets>{"".join(sheet_entries)}</sheets></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>'
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{S_NS}" count="{len(shared)}" uniqueCount="{len(shared)}">'
        + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared)
        + "</sst>"
    )
    parts["xl/styles.xml"] = _STYLES
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    parts["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
        f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    return _zip(parts)
