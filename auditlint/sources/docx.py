"""Word (.docx): paragraphs and tables of the main document, in order, merged cells resolved."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..model import Document
from .errors import ReadError
from .layout import LayoutBuilder, RawCell, RawTable
from .ooxml import Package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MAIN_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

# Subtrees that hold no visible text of the paragraph: properties, deleted text,
# field instructions, and the legacy copy of drawings (mc:Fallback repeats mc:Choice).
_SKIP = {W + "pPr", W + "rPr", W + "del", W + "delText", W + "instrText", W + "tblPr", W + "trPr", W + "tcPr", MC + "Fallback"}
_CAPTION_LINES = 3
_MAX_SPAN = 64  # a cell wider than this is a damaged file, not a table


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _main_part(pkg: Package) -> str:
    for rel_target in _root_relationships(pkg):
        return rel_target
    return "word/document.xml"


def _root_relationships(pkg: Package) -> list[str]:
    if not pkg.has("_rels/.rels"):
        return []
    out = []
    for rel in pkg.xml("_rels/.rels"):
        if rel.get("Type") == _MAIN_TYPE and rel.get("Target"):
            out.append(rel.get("Target", "").lstrip("/"))
    return out


def _text(el: ET.Element, out: list[str]) -> None:
    """The visible text under an element, with tabs and line breaks as written."""
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "p":
            if out and not out[-1].endswith("\n"):
                out.append("\n")
            _text(child, out)
            out.append("\n")
        elif tag == W + "tbl":
            # a table nested in a cell or text box: its text, row by row
            for tr in child.iter(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    part: list[str] = []
                    _text(tc, part)
                    cells.append(" ".join("".join(part).split()))
                out.append("\n" + "\t".join(cells) + "\n")
        else:
            _text(child, out)


def paragraph_text(p: ET.Element) -> str:
    out: list[str] = []
    _text(p, out)
    return "".join(out)


def _val(el: ET.Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(W + "val", default)


def read_table(tbl: ET.Element, caption: str, name: str) -> RawTable:
    """A w:tbl as anchor cells: gridSpan widens a cell, vMerge continues the one above."""
    cells: list[RawCell] = []
    open_merge: dict[int, RawCell] = {}  # grid column -> the cell a vertical merge continues
    r = 0
    for tr in tbl.findall(W + "tr"):
        trpr = tr.find(W + "trPr")
        col = min(_MAX_SPAN, max(0, _int(_val(trpr.find(W + "gridBefore") if trpr is not None else None, "0"))))
        for tc in tr.findall(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = 1
            merge: str | None = None
            if tcpr is not None:
                span = min(_MAX_SPAN, max(1, _int(_val(tcpr.find(W + "gridSpan"), "1"))))
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    merge = vm.get(W + "val", "continue")
            if merge == "continue" and col in open_merge:
                anchor = open_merge[col]
                anchor.rowspan = r - anchor.row + 1
            else:
                parts: list[str] = []
                _text(tc, parts)
                cell = RawCell(text="".join(parts), row=r, col=col, colspan=span)
                cells.append(cell)
                for c in range(col, col + span):
                    open_merge.pop(c, None)
                if merge == "restart":
                    open_merge[col] = cell
            col += span
        r += 1
    return RawTable(cells=cells, caption=caption, name=name)


def _body_items(el: ET.Element):
    """Paragraphs and tables of the body in order, looking inside content controls and insertions."""
    for child in el:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "ins", W + "customXml", W + "smartTag"):
            yield from _body_items(child)


def read_docx(path: str, data: bytes) -> Document:
    pkg = Package(data, "Word")
    main = _main_part(pkg)
    if not pkg.has(main):
        raise ReadError("corrupt", "不是有效的 Word 文件：缺少正文部件 word/document.xml")
    root = pkg.xml(main)
    body = root.find(W + "body")
    if body is None:
        raise ReadError("corrupt", "不是有效的 Word 文件：正文部件中没有 w:body")
    out = LayoutBuilder()
    recent: list[str] = []  # the last few paragraphs: a table's title and 单位 line
    n_tables = 0
    for item in _body_items(body):
        if item.tag == W + "p":
            text = paragraph_text(item)
            out.paragraph(text)
            if text.strip():
                recent = (recent + [text.strip()])[-_CAPTION_LINES:]
        else:
            n_tables += 1
            out.table(read_table(item, "\n".join(recent), f"表{n_tables}"))
            recent = []
    document = out.build(path, "docx")
    if not document.text.strip():
        raise ReadError("not-a-disclosure", "Word 文件中没有文字内容")
    return document
