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


class _Calls:
    """The PDFium functions read per character and per page object, called through plain pointer prototypes.

    pypdfium2's own bindings check each pointer argument's type on every call,
    which costs more than the call itself when made once per character; these
    prototypes take the same functions by address with void pointers instead.
    """

    _SIGNATURES = {
        "FPDFText_GetLooseCharBox": (ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p),
        "FPDFText_GetText": (ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_void_p),
        "FPDFText_GetUnicode": (ctypes.c_uint, ctypes.c_void_p, ctypes.c_int),
        "FPDFPage_GetObject": (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int),
        "FPDFFormObj_GetObject": (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong),
        "FPDFFormObj_CountObjects": (ctypes.c_int, ctypes.c_void_p),
        "FPDFPageObj_GetType": (ctypes.c_int, ctypes.c_void_p),
        "FPDFPageObj_GetBounds": (ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p),
        "FPDFPageObj_GetMatrix": (ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p),
        "FPDFPath_GetDrawMode": (ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p),
        "FPDFPath_CountSegments": (ctypes.c_int, ctypes.c_void_p),
        "FPDFPath_GetPathSegment": (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int),
        "FPDFPathSegment_GetPoint": (ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p),
        "FPDFPathSegment_GetType": (ctypes.c_int, ctypes.c_void_p),
        "FPDFPathSegment_GetClose": (ctypes.c_int, ctypes.c_void_p),
    }

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        for name, (restype, *argtypes) in self._SIGNATURES.items():
            address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
            setattr(self, name, ctypes.CFUNCTYPE(restype, *argtypes)(address))


_CALLS: _Calls | None = None


def _calls() -> _Calls:
    global _CALLS
    if _CALLS is None:
        _CALLS = _Calls()
    return _CALLS


def _address(handle) -> int:
    """A pypdfium2 handle's pointer value (read from its buffer: ctypes.cast would make a reference cycle)."""
    return ctypes.c_void_p.from_buffer(handle).value or 0


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
    calls = _calls()
    for i in range(len(document)):
        page = document[i]
        try:
            frame = frame_of(page)
            glyphs = _glyphs(page, frame, calls)
            rules, images = _rules(page, frame, calls)
        finally:
            page.close()
        yield PageContent(number=i + 1, frame=frame, glyphs=glyphs, rules=rules, images=images)


def frame_of(page) -> Frame:
    left, bottom, right, top = page.get_cropbox()
    return Frame(left=left, bottom=bottom, right=right, top=top, rotation=page.get_rotation() % 360)


def _glyphs(page, frame: Frame, calls: _Calls) -> list[Glyph]:
    raw = calls.raw
    textpage = page.get_textpage()
    try:
        n = raw.FPDFText_CountChars(textpage.raw)
        if n <= 0:
            return []
        tp = _address(textpage.raw)
        text = _text(tp, n, calls)
        rect = raw.FS_RECTF()
        ref = ctypes.byref(rect)
        loose = calls.FPDFText_GetLooseCharBox
        out: list[Glyph] = []
        upright = frame.rotation == 0
        fleft, ftop = frame.left, frame.top
        for i, ch in enumerate(text):
            if ch in _SKIP or not loose(tp, i, ref):
                continue
            left, right = rect.left, rect.right
            if left == right and ch == " ":
                continue  # a space PDFium put in where it saw a gap: auditlint judges gaps itself
            if upright:
                out.append(Glyph(ch, left - fleft, ftop - rect.top, right - fleft, ftop - rect.bottom))
            else:
                out.append(Glyph(ch, *frame.box_to_display(left, rect.bottom, right, rect.top)))
        return out
    finally:
        textpage.close()


_SKIP = frozenset("\r\n\x00\x02\ufffe\uffff")


def _text(tp: int, n: int, calls: _Calls) -> str:
    """The page's characters, one per character index (PDFium's own line breaks included)."""
    buffer = _buffer((n + 1) * 2)
    calls.FPDFText_GetText(tp, 0, n, buffer)
    text = buffer.raw[: n * 2].decode("utf-16-le", "replace")
    if len(text) == n:
        return text
    # a character outside the BMP takes two UTF-16 units: fall back to one call per character
    get_unicode = calls.FPDFText_GetUnicode
    return "".join(chr(c) if 0 < c < 0x110000 else "\ufffd" for c in (get_unicode(tp, i) for i in range(n)))


_BUFFER: list = []


def _buffer(size: int):
    """One reused text buffer, grown in powers of two (each new size of ctypes array is a new type)."""
    if not _BUFFER or len(_BUFFER[0]) < size:
        _BUFFER[:] = [ctypes.create_string_buffer(1 << max(12, (size - 1).bit_length()))]
    return _BUFFER[0]


def _rules(page, frame: Frame, calls: _Calls) -> tuple[list[Rule], int]:
    raw = calls.raw
    out: list[Rule] = []
    images = 0
    bounds = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(b) for b in bounds]
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = raw.FS_MATRIX()
    page_w = frame.right - frame.left
    page_h = frame.top - frame.bottom

    get_type, get_mode, get_bounds = calls.FPDFPageObj_GetType, calls.FPDFPath_GetDrawMode, calls.FPDFPageObj_GetBounds
    image, form_kind, path_kind = raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH
    mode_ref, stroke_ref = ctypes.byref(fill_mode), ctypes.byref(stroke)

    count = raw.FPDFPage_CountObjects(page.raw)
    handle = _address(page.raw)
    get_object = calls.FPDFPage_GetObject
    # forms are walked with a stack, not by recursion: a nested function calling itself is a
    # reference cycle that would keep every page's rulings alive until the collector runs
    stack: list[tuple[list, tuple[float, ...] | None, int]] = [([get_object(handle, k) for k in range(count)], None, 0)]
    while stack:
        objects, form, depth = stack.pop()
        for obj in objects:
            kind = get_type(obj)
            if kind == image:
                images += 1
                continue
            if kind == form_kind:
                if depth < _MAX_DEPTH and calls.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
                    own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                    inner = own if form is None else _compose(own, form)
                    n = calls.FPDFFormObj_CountObjects(obj)
                    stack.append(([calls.FPDFFormObj_GetObject(obj, k) for k in range(n)], inner, depth + 1))
                continue
            if kind != path_kind:
                continue
            if not get_mode(obj, mode_ref, stroke_ref):
                continue
            if fill_mode.value == 0 and not stroke.value:
                continue  # a clipping path or an invisible shape
            if not get_bounds(obj, *refs):
                continue
            left, bottom, right, top = bounds[0].value, bounds[1].value, bounds[2].value, bounds[3].value
            if form is not None:
                left, bottom, right, top = _transform_box(form, left, bottom, right, top)
            if right - left <= THIN or top - bottom <= THIN:
                _thin(out, frame, left, bottom, right, top)
                continue
            if not stroke.value and (right - left) >= 0.9 * page_w and (top - bottom) >= 0.9 * page_h:
                continue  # a page background
            _segments(out, frame, calls, obj, form, matrix, x, y)
    return out, images


def _thin(out: list[Rule], frame: Frame, left: float, bottom: float, right: float, top: float) -> None:
    """A thin shape (a stroked line, a hairline rectangle) as one ruling along its length."""
    if frame.rotation == 0:
        x0, t, x1, b = left - frame.left, frame.top - top, right - frame.left, frame.top - bottom
    else:
        x0, t, x1, b = frame.box_to_display(left, bottom, right, top)
    if x1 - x0 >= b - t:
        out.append(Rule(True, (t + b) / 2, x0, x1))
    else:
        out.append(Rule(False, (x0 + x1) / 2, t, b))


def _segments(out: list[Rule], frame: Frame, calls: _Calls, obj, form, matrix, x, y) -> None:
    """The horizontal and vertical straight segments of a path (a rectangle's four sides, a grid drawn as one path)."""
    raw = calls.raw
    if not calls.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return
    m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
    if form is not None:
        m = _compose(m, form)
    start = prev = None
    for k in range(calls.FPDFPath_CountSegments(obj)):
        seg = calls.FPDFPath_GetPathSegment(obj, k)
        if not seg or not calls.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        kind = calls.FPDFPathSegment_GetType(seg)
        point = frame.to_display(*_apply(m, x.value, y.value))
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = prev = point
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
            _edge(out, prev, point)
        prev = point
        if calls.FPDFPathSegment_GetClose(seg) and start is not None:
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
