"""What a PDF page holds, read with pypdfium2 (the PDFium engine): its characters with their boxes, and its rulings.

Only this module talks to PDFium. It hands `pdfgeom` glyphs and rulings in page
display coordinates (x to the right, y down from the top, rotation applied) and
keeps each page's frame so a box can be turned back into PDF coordinates (the
page's own user space, y up) for a finding.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import ReadError
from .pdfgeom import THIN, Glyph, Rule

_MAX_DEPTH = 8  # forms nested deeper than this are not searched for rulings


@dataclass(frozen=True)
class Frame:
    """A page's visible area and rotation: maps PDF user space to display coordinates and back."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int  # 0, 90, 180, 270 (clockwise, as /Rotate)

    @property
    def width(self) -> float:
        w, h = self.right - self.left, self.top - self.bottom
        return h if self.rotation in (90, 270) else w

    @property
    def height(self) -> float:
        w, h = self.right - self.left, self.top - self.bottom
        return w if self.rotation in (90, 270) else h

    def to_display(self, x: float, y: float) -> tuple[float, float]:
        u, v = x - self.left, y - self.bottom  # from the visible area's lower-left corner
        w, h = self.right - self.left, self.top - self.bottom
        if self.rotation == 90:
            return v, u
        if self.rotation == 180:
            return w - u, v
        if self.rotation == 270:
            return h - v, w - u
        return u, h - v

    def to_pdf(self, dx: float, dy: float) -> tuple[float, float]:
        w, h = self.right - self.left, self.top - self.bottom
        if self.rotation == 90:
            u, v = dy, dx
        elif self.rotation == 180:
            u, v = w - dx, dy
        elif self.rotation == 270:
            u, v = w - dy, h - dx
        else:
            u, v = dx, h - dy
        return u + self.left, v + self.bottom

    def box_to_display(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        ax, ay = self.to_display(left, bottom)
        bx, by = self.to_display(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def box_to_pdf(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        ax, ay = self.to_pdf(x0, top)
        bx, by = self.to_pdf(x1, bottom)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


@dataclass
class PageContent:
    number: int
    frame: Frame
    glyphs: list[Glyph]
    rules: list[Rule]
    images: int  # image objects on the page (a scan has images and no text)


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("pypdfium2") is not None


def open_pdf(data: bytes):
    """The document, or a ReadError saying why it cannot be opened."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise ReadError("unreadable", "PDF 文件已加密（需要打开密码），请提供未加密的版本后再检查") from None
        raise ReadError("corrupt", "PDF 文件已损坏或被截断，无法解析（PDFium 无法打开）") from None


def pages(document) -> Iterator[PageContent]:
    """Each page's glyphs and rulings, one page at a time (a page is closed before the next is read)."""
    import pypdfium2.raw as raw

    for i in range(len(document)):
        page = document[i]
        try:
            frame = _frame(page)
            glyphs = _glyphs(page, frame, raw)
            rules, images = _rules(page, frame, raw)
        finally:
            page.close()
        yield PageContent(number=i + 1, frame=frame, glyphs=glyphs, rules=rules, images=images)


def _frame(page) -> Frame:
    left, bottom, right, top = page.get_cropbox()
    return Frame(left=left, bottom=bottom, right=right, top=top, rotation=page.get_rotation() % 360)


def _glyphs(page, frame: Frame, raw) -> list[Glyph]:
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        rect = raw.FS_RECTF()
        ref = ctypes.byref(rect)
        get_unicode = raw.FPDFText_GetUnicode
        generated = raw.FPDFText_IsGenerated
        loose = raw.FPDFText_GetLooseCharBox
        out: list[Glyph] = []
        upright = frame.rotation == 0
        fleft, ftop = frame.left, frame.top
        for i in range(n):
            code = get_unicode(tp, i)
            if code in (0, 0xFFFE, 0xFFFF, 13, 10, 2) or generated(tp, i) == 1:
                continue
            if not loose(tp, i, ref):
                continue
            if upright:
                x0, x1 = rect.left - fleft, rect.right - fleft
                top, bottom = ftop - rect.top, ftop - rect.bottom
            else:
                x0, top, x1, bottom = frame.box_to_display(rect.left, rect.bottom, rect.right, rect.top)
            if x1 < x0:
                x0, x1 = x1, x0
            if bottom < top:
                top, bottom = bottom, top
            out.append(Glyph(chr(code) if code < 0x110000 else "\ufffd", x0, top, x1, bottom))
        return out
    finally:
        textpage.close()


def _rules(page, frame: Frame, raw) -> tuple[list[Rule], int]:
    out: list[Rule] = []
    images = 0
    bounds = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(b) for b in bounds]
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = raw.FS_MATRIX()
    page_w = frame.right - frame.left
    page_h = frame.top - frame.bottom

    def walk(objects, form: tuple[float, ...] | None, depth: int) -> None:
        nonlocal images
        for obj in objects:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                images += 1
                continue
            if kind == raw.FPDF_PAGEOBJ_FORM:
                if depth < _MAX_DEPTH and raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
                    own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                    inner = own if form is None else _compose(own, form)
                    count = raw.FPDFFormObj_CountObjects(obj)
                    walk((raw.FPDFFormObj_GetObject(obj, k) for k in range(count)), inner, depth + 1)
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH:
                continue
            if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
                continue
            if fill_mode.value == 0 and not stroke.value:
                continue  # a clipping path or an invisible shape
            if not raw.FPDFPageObj_GetBounds(obj, *refs):
                continue
            left, bottom, right, top = (b.value for b in bounds)
            if form is not None:
                left, bottom, right, top = _transform_box(form, left, bottom, right, top)
            if right - left <= THIN or top - bottom <= THIN:
                _thin(out, frame, left, bottom, right, top)
                continue
            if not stroke.value and (right - left) >= 0.9 * page_w and (top - bottom) >= 0.9 * page_h:
                continue  # a page background
            _segments(out, frame, raw, obj, form, matrix, x, y)

    count = raw.FPDFPage_CountObjects(page.raw)
    walk((raw.FPDFPage_GetObject(page.raw, k) for k in range(count)), None, 0)
    return out, images


def _thin(out: list[Rule], frame: Frame, left: float, bottom: float, right: float, top: float) -> None:
    """A thin shape (a stroked line, a hairline rectangle) as one ruling along its length."""
    x0, t, x1, b = frame.box_to_display(left, bottom, right, top)
    if x1 - x0 >= b - t:
        out.append(Rule(True, (t + b) / 2, x0, x1))
    else:
        out.append(Rule(False, (x0 + x1) / 2, t, b))


def _segments(out: list[Rule], frame: Frame, raw, obj, form, matrix, x, y) -> None:
    """The horizontal and vertical straight segments of a path (a rectangle's four sides, a grid drawn as one path)."""
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return
    m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
    if form is not None:
        m = _compose(m, form)
    start = prev = None
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        if not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        kind = raw.FPDFPathSegment_GetType(seg)
        point = frame.to_display(*_apply(m, x.value, y.value))
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = prev = point
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
            _edge(out, prev, point)
        prev = point
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            _edge(out, prev, start)
            prev = start


def _edge(out: list[Rule], a: tuple[float, float], b: tuple[float, float]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 0.5 and abs(ax - bx) > 0.5:
        out.append(Rule(True, (ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= 0.5 and abs(ay - by) > 0.5:
        out.append(Rule(False, (ax + bx) / 2, min(ay, by), max(ay, by)))


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """inner then outer, as PDF matrices [a b c d e f] (row vectors)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _transform_box(m: tuple[float, ...], left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
    points = [_apply(m, px, py) for px, py in ((left, bottom), (left, top), (right, bottom), (right, top))]
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)
