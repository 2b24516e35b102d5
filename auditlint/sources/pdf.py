"""PDF (optional extra `auditlint[pdf]`): text lines and ruled tables per page, with pdfplumber.

Tables are found from their ruling lines (pdfplumber's "lines" strategy), which
is how the standard 部门决算 tables are drawn; a table continued on the next page
without a repeated header becomes one logical table. Text lines that repeat at
the top or bottom of most pages (running headers, footers, page numbers) are
left out so a sentence broken by a page turn reads as one.
"""

from __future__ import annotations

import importlib.util
import io
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from ..model import Document, Table
from .errors import ReadError
from .layout import LayoutBuilder, RawCell, RawTable

EXTRA_HINT = "读取 PDF 需要可选组件：请运行 pip install 'auditlint[pdf]'（安装 pdfplumber）后再检查"

TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
_MARGIN = 0.08  # top and bottom share of a page where running headers and footers sit
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*)?\d{1,4}(?:\s*[-—–－])?$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d{1,4}\s*/\s*\d{1,4}$")
_TOL = 2.0


def available() -> bool:
    """Whether the PDF extra is installed (checked without importing it)."""
    return importlib.util.find_spec("pdfplumber") is not None


@dataclass
class _Line:
    text: str
    top: float
    bottom: float


@dataclass
class _Fragment:
    """A table's part on one page."""

    raw: RawTable
    top: float
    bottom: float
    n_cols: int


@dataclass
class _Page:
    number: int
    height: float
    items: list[tuple[float, _Line | _Fragment]] = field(default_factory=list)


def _fragment(table, page_number: int) -> _Fragment | None:
    """A pdfplumber table as anchor cells with spans measured from the cell boxes."""
    rows = table.rows
    if not rows:
        return None
    texts = table.extract()
    tops = sorted({round(r.bbox[1], 1) for r in rows})
    lefts = sorted({round(c.bbox[0], 1) for c in table.columns})
    bottom, right = table.bbox[3], table.bbox[2]

    def count(edges: list[float], lo: float, hi: float) -> int:
        # how many grid lines start inside [lo, hi): the cell's span
        i = bisect_left(edges, lo - _TOL)
        n = 0
        while i < len(edges) and edges[i] < hi - _TOL:
            n += 1
            i += 1
        return max(1, n)

    cells: list[RawCell] = []
    for r, row in enumerate(rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            text = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
            x0, top, x1, bot = box
            col = bisect_left(lefts, x0 - _TOL)
            cells.append(
                RawCell(
                    text=text or "",
                    row=r,
                    col=col,
                    rowspan=count(tops, top, min(bot, bottom)),
                    colspan=count(lefts, x0, min(x1, right)),
                    page=page_number,
                )
            )
    if not cells:
        return None
    raw = RawTable(cells=cells, page=page_number)
    return _Fragment(raw=raw, top=table.bbox[1], bottom=table.bbox[3], n_cols=raw.shape[1])


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and t - 1 <= cy <= b + 1 for x0, t, x1, b in boxes)


def _read_page(page) -> _Page:
    out = _Page(number=page.page_number, height=float(page.height))
    tables = page.find_tables(TABLE_SETTINGS)
    boxes = [t.bbox for t in tables]
    for t in tables:
        frag = _fragment(t, page.page_number)
        if frag is not None:
            out.items.append((frag.top, frag))
    text_page = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) if boxes else page
    for line in text_page.extract_text_lines(return_chars=False):
        text = line["text"].strip()
        if text:
            out.items.append((line["top"], _Line(text=text, top=line["top"], bottom=line["bottom"])))
    out.items.sort(key=lambda item: item[0])
    return out


def _running_lines(pages: list[_Page]) -> set[str]:
    """Lines repeated in the top or bottom margin of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for p in pages:
        keys = set()
        for _, item in p.items:
            if isinstance(item, _Line) and (item.bottom < p.height * _MARGIN or item.top > p.height * (1 - _MARGIN)):
                keys.add(re.sub(r"\d+", "#", item.text))
        seen.update(keys)
    return {k for k, n in seen.items() if n >= max(3, len(pages) // 2)}


def _margin_noise(line: _Line, page: _Page, running: set[str]) -> bool:
    in_margin = line.bottom < page.height * _MARGIN or line.top > page.height * (1 - _MARGIN)
    if not in_margin:
        return False
    return bool(_PAGE_NUMBER.match(line.text.replace(" ", ""))) or re.sub(r"\d+", "#", line.text) in running


def _open(data: bytes):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many different types on damaged input
        raise _classify(exc, PdfminerException, (PDFPasswordIncorrect, PDFEncryptionError)) from None


def _classify(exc: BaseException, wrapper: type, encrypted: tuple[type, ...]) -> ReadError:
    inner = exc.args[0] if isinstance(exc, wrapper) and exc.args and isinstance(exc.args[0], BaseException) else exc
    if isinstance(inner, encrypted) or isinstance(exc, encrypted):
        return ReadError("unreadable", "PDF 文件已加密（需要打开密码），请提供未加密的版本后再检查")
    return ReadError("corrupt", f"PDF 文件已损坏或被截断，无法解析（{type(inner).__name__}）")


def read_pdf(path: str, data: bytes) -> Document:
    if not available():
        raise ReadError("unsupported-format", EXTRA_HINT)
    if b"%PDF-" not in data[:1024]:
        raise ReadError("corrupt", "文件扩展名是 .pdf，但内容不是 PDF（缺少 %PDF- 文件头）")
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with _open(data) as pdf:
            pages = [_read_page(p) for p in pdf.pages]
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("corrupt", "PDF 文件结构嵌套过深，无法解析") from None
    except Exception as exc:  # damaged content streams fail late, while pages are read
        raise _classify(exc, PdfminerException, (PDFPasswordIncorrect, PDFEncryptionError)) from None
    return _layout(path, pages)


def _layout(path: str, pages: list[_Page]) -> Document:
    running = _running_lines(pages)
    out = LayoutBuilder()
    last_table: Table | None = None
    last_cols = 0
    open_table = False  # the last thing laid out was a table, nothing after it yet
    for page in pages:
        out.new_page(page.number)
        recent: list[str] = []
        first = True
        for _, item in page.items:
            if isinstance(item, _Line):
                if _margin_noise(item, page, running):
                    continue
                out.paragraph(item.text)
                recent = (recent + [item.text])[-3:]
                open_table = False
                first = False
                continue
            continues = first and open_table and last_table is not None and item.n_cols == last_cols
            if continues:
                _drop_repeated_header(item.raw, last_table)
                out.table(item.raw, extend=last_table)
            else:
                item.raw.caption = "\n".join(recent)
                last_table = out.table(item.raw)
            last_cols = item.n_cols
            open_table = True
            recent = []
            first = False
    document = out.build(path, "pdf")
    if not document.text.strip():
        raise ReadError("not-a-disclosure", "PDF 中没有可提取的文字（可能是扫描件，auditlint 不做文字识别）")
    return document


def _drop_repeated_header(raw: RawTable, table: Table) -> None:
    """A continuation that repeats the table's header rows: keep only its new rows."""
    first_texts = [[c.text if c else "" for c in row] for row in table.rows[:4]]
    by_row: dict[int, dict[int, str]] = {}
    for c in raw.cells:
        by_row.setdefault(c.row, {})[c.col] = "".join(c.text.split())
    drop = 0
    for r, texts in enumerate(first_texts):
        row = by_row.get(r, {})
        cleaned = ["".join(t.split()) for t in texts]
        if row and all(cleaned[c] == t for c, t in row.items() if c < len(cleaned)) and any(row.values()):
            drop = r + 1
        else:
            break
    if drop:
        raw.cells = [
            RawCell(text=c.text, row=c.row - drop, col=c.col, rowspan=c.rowspan, colspan=c.colspan, page=c.page)
            for c in raw.cells
            if c.row >= drop
        ]
