"""Small PDFs with known content, written with reportlab, for the PDF reader's tests and bench/pdf_compare.py.

Each builder returns the PDF's bytes. Chinese text uses reportlab's built-in CID
font STSong-Light, which needs no font file (the PDF names the font; readers map
its codes to Unicode through the standard UniGB-UCS2-H CMap).

The tables are drawn the ways real 决算 PDFs draw them: a grid of stroked lines,
a grid of thin filled rectangles cell by cell (Word and WPS exports), outlined
rectangles per cell, and a table inside a form XObject.
"""

from __future__ import annotations

import io

A4 = (595.0, 842.0)
FONT = "STSong-Light"


def _canvas(pagesize=A4, **kwargs):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=pagesize, **kwargs)
    c.setFont(FONT, 10)
    return c, buf


def _done(c, buf) -> bytes:
    """Close the last page and the document; the PDF's bytes."""
    c.showPage()
    c.save()
    return buf.getvalue()


def draw_table(c, x: float, top: float, widths: list[float], rows: list[list[str | None]], height: float = 20.0, style: str = "lines", merges=()):
    """A ruled table with its top-left corner at (x, top) (PDF coordinates, y up).

    rows[r][c] is a cell's text (None for a slot covered by a merged cell);
    merges are (row, col, rowspan, colspan) of merged cells. style: "lines"
    (stroked segments), "bars" (thin filled rectangles) or "boxes" (one stroked
    rectangle per cell).
    """
    span = {(r, col): (rs, cs) for r, col, rs, cs in merges}
    covered = {(r + dr, col + dc) for (r, col), (rs, cs) in span.items() for dr in range(rs) for dc in range(cs) if dr or dc}
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - i * height for i in range(len(rows) + 1)]
    c.setLineWidth(0.5)
    for r in range(len(rows)):
        for col in range(len(widths)):
            if (r, col) in covered:
                continue
            rs, cs = span.get((r, col), (1, 1))
            x0, x1 = xs[col], xs[col + cs]
            y1, y0 = ys[r], ys[r + rs]
            if style == "boxes":
                c.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
            elif style == "bars":
                c.rect(x0, y1 - 0.25, x1 - x0, 0.5, stroke=0, fill=1)
                c.rect(x0, y0 - 0.25, x1 - x0, 0.5, stroke=0, fill=1)
                c.rect(x0 - 0.25, y0, 0.5, y1 - y0, stroke=0, fill=1)
                c.rect(x1 - 0.25, y0, 0.5, y1 - y0, stroke=0, fill=1)
            else:
                c.line(x0, y1, x1, y1)
                c.line(x0, y0, x1, y0)
                c.line(x0, y0, x0, y1)
                c.line(x1, y0, x1, y1)
            text = rows[r][col]
            if text:
                c.drawString(x0 + 3, (y0 + y1) / 2 - 3.5, text)
    return ys[-1]


def budget_table_pdf(style: str = "lines") -> bytes:
    """One page: a caption and a 3-level header over a table of 类/款/项 lines, with merged header cells."""
    c, buf = _canvas()
    c.setFont(FONT, 14)
    c.drawString(180, 790, "一般公共预算财政拨款支出决算表")
    c.setFont(FONT, 10)
    c.drawString(60, 765, "单位：万元")
    rows = [
        ["项目", None, "本年支出", None, None],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "1,300.00", "1,000.00", "300.00"],
        ["201", "一般公共服务支出", "1,300.00", "1,000.00", "300.00"],
        ["20101", "人大事务", "800.00", "700.00", "100.00"],
        ["20102", "政协事务", "500.00", "300.00", "200.00"],
    ]
    draw_table(c, 60, 750, [70, 160, 80, 80, 80], rows, style=style, merges=[(0, 0, 1, 2), (0, 2, 1, 3)])
    c.drawString(60, 600, "本年支出合计1,300.00万元，其中基本支出1,000.00万元。")
    return _done(c, buf)


def continued_table_pdf(repeat_header: bool) -> bytes:
    """A table that runs over two pages, with or without its header repeated on the second."""
    c, buf = _canvas()
    header = ["科目编码", "科目名称", "决算数"]
    body = [[f"2010{i}", f"事务{i}", f"{i}0.00"] for i in range(1, 9)]
    c.drawString(60, 790, "支出决算明细表")
    draw_table(c, 60, 770, [90, 180, 90], [header] + body[:5])
    c.drawString(280, 40, "1")
    c.showPage()
    c.setFont(FONT, 10)
    draw_table(c, 60, 800, [90, 180, 90], ([header] if repeat_header else []) + body[5:])
    c.drawString(280, 40, "2")
    return _done(c, buf)


def two_sided_pdf() -> bytes:
    """A 收入 | 支出 table: two label-and-amount pairs side by side."""
    c, buf = _canvas(pagesize=(A4[1], A4[0]))
    c.drawString(300, 560, "收入支出决算总表")
    rows = [
        ["收入", None, "支出", None],
        ["项目", "决算数", "项目", "决算数"],
        ["一般公共预算财政拨款收入", "900.00", "一般公共服务支出", "700.00"],
        ["其他收入", "100.00", "教育支出", "300.00"],
        ["本年收入合计", "1,000.00", "本年支出合计", "1,000.00"],
    ]
    draw_table(c, 60, 540, [200, 100, 200, 100], rows, merges=[(0, 0, 1, 2), (0, 2, 1, 2)])
    return _done(c, buf)


def unruled_table_pdf() -> bytes:
    """A table laid out by column alignment only, between two paragraphs."""
    c, buf = _canvas()
    c.drawString(60, 790, "三、机关运行经费情况如下：")
    lines = [("项目", "2023年", "2024年"), ("办公费", "12.50", "10.20"), ("水电费", "8.00", "7.60"), ("合计", "20.50", "17.80")]
    for i, (a, b, d) in enumerate(lines):
        y = 760 - i * 18
        c.drawString(80, y, a)
        c.drawRightString(300, y, b)
        c.drawRightString(420, y, d)
    c.drawString(60, 670, "以上数据均为决算数。")
    return _done(c, buf)


def running_text_pdf(pages: int = 4) -> bytes:
    """Pages of running text with a running header, a footer with the page number, and a sentence broken by a page turn."""
    c, buf = _canvas()
    for p in range(1, pages + 1):
        c.setFont(FONT, 9)
        c.drawString(200, 815, "上海市某区某局2024年度部门决算")
        c.drawCentredString(297, 25, f"- {p} -")
        c.setFont(FONT, 12)
        c.drawString(72, 760, f"第{p}页正文：本年收入合计{p}00.00万元，")
        c.drawString(72, 740, "比上年增加10.00万元。")
        c.showPage()
    c.save()
    return buf.getvalue()


def spaced_and_reordered_pdf() -> bytes:
    """A letter-spaced justified line (as WPS exports them) and lines drawn bottom-up (as ONLYOFFICE reorders them)."""
    c, buf = _canvas()
    t = c.beginText(72, 780)
    t.setFont(FONT, 12)
    t.setCharSpace(7)
    t.textLine("上海市普陀区财政局支出合计1,234.56万元")
    c.drawText(t)
    for y, text in ((700, "第三行在最下面。"), (720, "第二行在中间，"), (740, "第一行在最上面，")):
        c.drawString(72, y, text)
    return _done(c, buf)


def rotated_pdf() -> bytes:
    """A landscape table page stored portrait with /Rotate 90."""
    c, buf = _canvas()
    c.setPageRotation(90)
    # drawn in the unrotated (portrait) space, turned so it reads upright once the page is rotated
    c.saveState()
    c.translate(A4[0], 0)
    c.rotate(90)
    c.setFont(FONT, 10)
    # STSong-Light is not embedded: on a machine without a CJK system font PDFium drops a text object that is
    # all CJK and turned 90° (README: known limits), so each line here carries a digit
    c.drawString(60, 560, "表3 财政拨款收入支出决算总表")
    draw_table(c, 60, 540, [200, 100], [["项目（1）", "决算数2024"], ["2010101本年收入", "100.00"], ["2010102本年支出", "100.00"]])
    c.restoreState()
    return _done(c, buf)


def form_table_pdf() -> bytes:
    """A table whose rulings are drawn inside a form XObject, placed on the page with an offset."""
    c, buf = _canvas()
    c.beginForm("grid")
    c.setLineWidth(0.5)
    for y in (0, 20, 40, 60):
        c.line(0, y, 300, y)
    for x in (0, 150, 300):
        c.line(x, 0, x, 60)
    c.endForm()
    c.saveState()
    c.translate(100, 600)
    c.doForm("grid")
    c.restoreState()
    c.setFont(FONT, 10)
    for i, (a, b) in enumerate((("项目", "金额"), ("办公费", "10.00"), ("印刷费", "5.00"))):
        y = 600 + 60 - i * 20 - 14
        c.drawString(103, y, a)
        c.drawString(253, y, b)
    return _done(c, buf)


def finding_pdf() -> bytes:
    """A page whose sentence states a wrong rate, at a known place: CHG001 is found there."""
    c, buf = _canvas()
    c.setFont(FONT, 12)
    c.drawString(72, 780, "2024年度部门决算说明")
    c.drawString(72, 700, "机关运行经费支出612,480.50元，比上年减少58,230.00元，下降39.5%。")
    return _done(c, buf)


def second_page_finding_pdf(rate: str = "39.5") -> bytes:
    """Two pages; the wrong rate is on the second line of page 2 (CHG001 is found there; rate="8.7" is right)."""
    c, buf = _canvas()
    c.setFont(FONT, 12)
    c.drawString(72, 780, "2024年度部门决算说明")
    c.drawString(72, 740, "一、部门基本情况")
    c.drawString(72, 720, "本部门共有内设机构5个。")
    c.showPage()
    c.setFont(FONT, 12)
    c.drawString(72, 780, "二、机关运行经费情况")
    c.drawString(72, 700, f"机关运行经费支出612,480.50元，比上年减少58,230.00元，下降{rate}%。")
    return _done(c, buf)


def scanned_pdf() -> bytes:
    """A page that is only an image: a scan without a text layer."""
    from reportlab.lib.utils import ImageReader

    c, buf = _canvas()
    c.drawImage(ImageReader(io.BytesIO(_gray_png(40, 20))), 72, 600, width=400, height=200)
    return _done(c, buf)


def encrypted_pdf() -> bytes:
    c, buf = _canvas(encrypt="secret")
    c.drawString(72, 780, "加密文件")
    return _done(c, buf)


def _gray_png(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes((x * 5 + y * 3) % 256 for x in range(width)) for y in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


ALL = {
    "budget-lines": lambda: budget_table_pdf("lines"),
    "budget-bars": lambda: budget_table_pdf("bars"),
    "budget-boxes": lambda: budget_table_pdf("boxes"),
    "continued": lambda: continued_table_pdf(False),
    "continued-repeated-header": lambda: continued_table_pdf(True),
    "two-sided": two_sided_pdf,
    "unruled": unruled_table_pdf,
    "running-text": running_text_pdf,
    "spaced-and-reordered": spaced_and_reordered_pdf,
    "rotated": rotated_pdf,
    "form-table": form_table_pdf,
    "finding": finding_pdf,
}
