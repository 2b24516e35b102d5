"""Excel (.xlsx): every visible sheet as a table, numbers shown as their number format writes them."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree as ET

from ..model import Document
from .errors import ReadError
from .layout import LayoutBuilder, RawCell, RawTable, clean_cell_text
from .ooxml import Package

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

#: A workbook of real tables is small; a sheet that spreads cells over a huge grid is refused.
MAX_CELLS = 2_000_000

_BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "yyyy-mm-dd",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "yyyy-mm-dd h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
_MOST_DAYS = 999_999_999  # timedelta's range
_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")
_QUOTED = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _ref(ref: str) -> tuple[int, int] | None:
    m = _REF.match(ref.upper().replace("$", ""))
    if not m:
        return None
    return int(m.group(2)) - 1, _col_index(m.group(1))


def format_number(raw: str, code: str) -> str:
    """A stored number as the cell shows it: 890.17000000000007 with '#,##0.00' -> '890.17'.

    A number or a format beyond what decimal arithmetic holds (1E+28 shown with two places, a
    format of a thousand places) is shown as stored."""
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return raw
    if not value.is_finite():
        return raw
    try:
        return _formatted(value, code)
    except ArithmeticError:  # decimal's InvalidOperation and Overflow
        return raw


def _formatted(value: Decimal, code: str) -> str:
    sections = code.split(";")
    section = sections[0]
    negative_section = value < 0 and len(sections) > 1 and sections[1].strip() != ""
    if negative_section:
        section = sections[1]
    bare = _QUOTED.sub("", section)
    if bare.strip() in ("", "General", "@") or "General" in bare:
        return _general(value)
    if re.search(r"[ymdhs]", bare, re.I) and not re.search(r"[0#?]", bare.replace("0.0E", "")):
        return _date(value, bare)
    if "E+" in bare.upper() or "E-" in bare.upper():
        return _general(value)
    percent = "%" in bare
    shown = value * 100 if percent else value
    if negative_section:
        shown = abs(shown)
    number_part = re.sub(r"[^0#?.,]", "", bare)
    integer_part, _, frac = number_part.partition(".")
    places = sum(1 for ch in frac if ch in "0#?")
    grouping = "," in integer_part.strip(",")
    # trailing commas scale by thousands (#,##0, shows thousands)
    trailing = len(integer_part) - len(integer_part.rstrip(","))
    if trailing:
        shown = shown / (Decimal(1000) ** trailing)
    quantized = shown.quantize(Decimal(1).scaleb(-places)) if places else shown.quantize(Decimal(1))
    text = f"{quantized:,.{places}f}" if grouping else f"{quantized:.{places}f}"
    if places and frac and all(ch == "#" for ch in frac):
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and quantized == 0:
        text = text[1:]
    if negative_section:
        prefix = "(" if "(" in section else ("-" if "-" in section else "")
        suffix = ")" if ")" in section else ""
        text = prefix + text + suffix
    return text + ("%" if percent else "")


def _general(value: Decimal) -> str:
    """Excel's General format: the number as typed, to the 15 significant digits Excel keeps."""
    if value == 0:
        return "0"
    rounded = round(value, max(0, 15 - value.adjusted() - 1))
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _date(value: Decimal, code: str) -> str:
    if abs(value) > _MOST_DAYS:  # no date that far: int() of a huge value would only take long
        return _general(value)
    try:
        day = date(1899, 12, 30) + timedelta(days=int(value))
    except (OverflowError, ValueError):
        return _general(value)
    return day.isoformat()


class _Workbook:
    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.shared = self._shared_strings()
        self.formats = self._cell_formats()

    def _shared_strings(self) -> list[str]:
        name = "xl/sharedStrings.xml"
        rels = self.pkg.relationships("xl/workbook.xml")
        for target in rels.values():
            if target.endswith("sharedStrings.xml"):
                name = target
        if not self.pkg.has(name):
            return []
        out = []
        for si in self.pkg.xml(name).iter(S + "si"):
            out.append(_inline_text(si))
        return out

    def _cell_formats(self) -> list[str]:
        name = "xl/styles.xml"
        if not self.pkg.has(name):
            return []
        root = self.pkg.xml(name)
        custom: dict[int, str] = {}
        numfmts = root.find(S + "numFmts")
        if numfmts is not None:
            for nf in numfmts.findall(S + "numFmt"):
                try:
                    custom[int(nf.get("numFmtId", "-1"))] = nf.get("formatCode", "General")
                except ValueError:
                    continue
        out = []
        xfs = root.find(S + "cellXfs")
        if xfs is not None:
            for xf in xfs.findall(S + "xf"):
                try:
                    fid = int(xf.get("numFmtId", "0"))
                except ValueError:
                    fid = 0
                out.append(custom.get(fid) or _BUILTIN_FORMATS.get(fid, "General"))
        return out

    def sheets(self) -> list[tuple[str, str]]:
        """Visible sheets in workbook order: (name, part)."""
        root = self.pkg.xml("xl/workbook.xml")
        rels = self.pkg.relationships("xl/workbook.xml")
        out = []
        sheets = root.find(S + "sheets")
        for sh in (sheets.findall(S + "sheet") if sheets is not None else []):
            if sh.get("state") in ("hidden", "veryHidden"):
                continue
            part = rels.get(sh.get(R + "id", ""))
            if part:
                out.append((sh.get("name", ""), part))
        return out

    def cell_text(self, c: ET.Element) -> str:
        kind = c.get("t", "n")
        if kind == "inlineStr":
            is_ = c.find(S + "is")
            return _inline_text(is_) if is_ is not None else ""
        v = c.find(S + "v")
        raw = v.text if v is not None and v.text is not None else ""
        if kind == "s":
            try:
                return self.shared[int(raw)]
            except (ValueError, IndexError):
                return ""
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return "TRUE" if raw == "1" else "FALSE"
        if not raw:
            return ""
        try:
            style = int(c.get("s", "0"))
        except ValueError:
            style = 0
        code = self.formats[style] if 0 <= style < len(self.formats) else "General"
        return format_number(raw, code)


def _inline_text(el: ET.Element) -> str:
    """Text of a shared or inline string: plain <t>, or rich-text runs; phonetic hints left out."""
    parts = []
    for child in el:
        if child.tag == S + "t":
            parts.append(child.text or "")
        elif child.tag == S + "r":
            for t in child.iter(S + "t"):
                parts.append(t.text or "")
    return "".join(parts)


def _sheet_table(book: _Workbook, name: str, part: str, budget: list[int]) -> RawTable:
    root = book.pkg.xml(part)
    cells: list[RawCell] = []
    data = root.find(S + "sheetData")
    next_row = 0
    for row in (data.findall(S + "row") if data is not None else []):
        try:
            r = int(row.get("r", "0")) - 1
        except ValueError:
            r = -1
        if r < 0:
            r = next_row
        next_row = r + 1
        next_col = 0
        for c in row.findall(S + "c"):
            pos = _ref(c.get("r", ""))
            rr, cc = pos if pos else (r, next_col)
            next_col = cc + 1
            text = book.cell_text(c)
            if text.strip():
                cells.append(RawCell(text=text, row=rr, col=cc))
        budget[0] -= len(row)
        if budget[0] < 0:
            raise ReadError("too-large", "Excel 文件的单元格过多，不像一份报告，未检查")
    merged = root.find(S + "mergeCells")
    if merged is not None and cells:
        at = {(c.row, c.col): c for c in cells}
        for mc in merged.findall(S + "mergeCell"):
            a, _, b = mc.get("ref", "").partition(":")
            first, last = _ref(a), _ref(b or a)
            if not first or not last:
                continue
            (r0, c0), (r1, c1) = first, last
            anchor = at.get((r0, c0))
            if anchor is None:
                anchor = RawCell(text="", row=r0, col=c0)
                cells.append(anchor)
                at[(r0, c0)] = anchor
            anchor.rowspan, anchor.colspan = max(1, r1 - r0 + 1), max(1, c1 - c0 + 1)
    return RawTable(cells=cells, name=name)


def _compact(raw: RawTable) -> RawTable:
    """Leave out rows and columns with no cell at all: a stray note far away must not make a huge grid."""
    rows = sorted({c.row for c in raw.cells})
    cols = sorted({c.col for c in raw.cells})
    row_at = {r: i for i, r in enumerate(rows)}
    col_at = {c: i for i, c in enumerate(cols)}

    def kept(used: list[int], start: int, span: int) -> int:
        return max(1, bisect_left(used, start + span) - bisect_left(used, start))

    cells = [
        RawCell(
            text=c.text,
            row=row_at[c.row],
            col=col_at[c.col],
            rowspan=kept(rows, c.row, c.rowspan),
            colspan=kept(cols, c.col, c.colspan),
        )
        for c in raw.cells
    ]
    return RawTable(cells=cells, name=raw.name, caption=raw.caption)


def _split_caption(raw: RawTable) -> tuple[list[str], RawTable, list[str]]:
    """Title and 单位 rows above a sheet's table, and note rows below it, are text, not table rows."""
    by_row: dict[int, list[RawCell]] = {}
    for c in raw.cells:
        by_row.setdefault(c.row, []).append(c)
    rows = sorted(by_row)
    if not rows:
        return [], raw, []
    widths = [max(1, len([c for c in by_row[r] if c.text.strip()])) for r in rows]
    widest = max(widths)

    def lone(r: int) -> bool:
        filled = [c.text.strip() for c in by_row[r] if c.text.strip()]
        if widest < 2:
            return False
        if len(filled) <= 1:
            return True
        # "编制单位：…" beside "单位：万元": a caption line spread over two cells
        return len(filled) == 2 and any("单位" in t for t in filled) and not any(re.search(r"\d[\d,]*\.\d", t) for t in filled)

    head: list[str] = []
    while rows and lone(rows[0]) and len(rows) > 1:
        head.extend(c.text.strip() for c in by_row[rows[0]] if c.text.strip())
        rows.pop(0)
    tail: list[str] = []
    while rows and lone(rows[-1]) and len(rows) > 1 and any(k in "".join(c.text for c in by_row[rows[-1]]) for k in ("注", "说明", "备注")):
        tail.insert(0, "".join(c.text.strip() for c in by_row[rows[-1]]))
        rows.pop()
    if not rows:
        return head, RawTable(cells=[], name=raw.name), tail
    top = rows[0]
    left = min(c.col for r in rows for c in by_row[r])
    kept = []
    for r in rows:
        for c in by_row[r]:
            kept.append(RawCell(text=c.text, row=c.row - top, col=c.col - left, rowspan=c.rowspan, colspan=c.colspan))
    return head, RawTable(cells=kept, name=raw.name, caption="\n".join([raw.name, *head])), tail


def read_xlsx(path: str, data: bytes) -> Document:
    pkg = Package(data, "Excel")
    if not pkg.has("xl/workbook.xml"):
        raise ReadError("corrupt", "不是有效的 Excel 文件：缺少 xl/workbook.xml")
    book = _Workbook(pkg)
    out = LayoutBuilder()
    budget = [MAX_CELLS]
    for name, part in book.sheets():
        if not pkg.has(part):
            continue
        raw = _compact(_sheet_table(book, name, part, budget))
        head, table, tail = _split_caption(raw)
        if not head and not table.cells and not tail:
            continue
        out.paragraph(clean_cell_text(name))
        for line in head:
            out.paragraph(clean_cell_text(line))
        if table.cells:
            out.table(table)
        for line in tail:
            out.paragraph(clean_cell_text(line))
    document = out.build(path, "xlsx")
    if not document.text.strip():
        raise ReadError("not-a-disclosure", "Excel 文件中没有内容")
    return document
