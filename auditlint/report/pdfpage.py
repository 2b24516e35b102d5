"""PDF pages as images for the HTML report: the page a finding is on, rendered by PDFium, as a PNG.

Only the pages that carry a finding's box are rendered, in grey (a page of text
compresses to a tenth of its colour size), and encoded with the standard library
(zlib), so the report needs nothing beyond the `pdf` extra. A finding's box is
given in PDF coordinates; `place` turns it into shares of the rendered page so the
HTML can draw it at any display size.
"""

from __future__ import annotations

import base64
import struct
import zlib
from dataclasses import dataclass

SCALE = 1.5  # pixels per point: 108 dpi, the figures of a table stay legible
MAX_PAGES = 40  # pages rendered per file; a report about more says how many it left out


@dataclass
class PageImage:
    number: int
    width: int  # pixels
    height: int
    png: bytes
    frame: object  # sources.pdfium.Frame

    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    def place(self, box: list[float]) -> tuple[float, float, float, float]:
        """A PDF box as (left, top, width, height) in percent of the displayed page."""
        x0, top, x1, bottom = self.frame.box_to_display(*box)
        w, h = self.frame.width, self.frame.height
        pad = 1.5  # points around the characters, so the box circles them rather than cuts them
        x0, top, x1, bottom = max(0.0, x0 - pad), max(0.0, top - pad), min(w, x1 + pad), min(h, bottom + pad)
        return (100 * x0 / w, 100 * top / h, 100 * (x1 - x0) / w, 100 * (bottom - top) / h)


def available() -> bool:
    from ..sources.pdfium import available as pdfium_available

    return pdfium_available()


def render(path: str, pages: list[int]) -> list[PageImage]:
    """The given pages (1-based) of the PDF at path as grey PNGs; [] if it cannot be read now."""
    if not pages or not available():
        return []
    import pypdfium2 as pdfium

    from ..sources.pdfium import frame_of

    try:
        document = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError):
        return []
    out: list[PageImage] = []
    try:
        for number in pages[:MAX_PAGES]:
            if not 1 <= number <= len(document):
                continue
            page = document[number - 1]
            try:
                frame = frame_of(page)
                bitmap = page.render(scale=SCALE, grayscale=True)
                try:
                    png = _png(bitmap)
                    out.append(PageImage(number=number, width=bitmap.width, height=bitmap.height, png=png, frame=frame))
                finally:
                    bitmap.close()
            finally:
                page.close()
    except pdfium.PdfiumError:
        return out
    finally:
        document.close()
    return out


def _png(bitmap) -> bytes:
    """A PDFium bitmap as a PNG (grey, or the first three channels of BGR(A) turned to RGB)."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    channels = stride // width if width else 1
    buffer = bytes(bitmap.buffer)
    kind = 0 if channels == 1 else 2
    rows = []
    for y in range(height):
        line = buffer[y * stride : y * stride + width * channels]
        if channels >= 3:
            pixels = bytearray(width * 3)
            pixels[0::3] = line[2::channels]
            pixels[1::3] = line[1::channels]
            pixels[2::3] = line[0::channels]
            line = bytes(pixels)
        rows.append(b"\x00" + line)
    raw = zlib.compress(b"".join(rows), 6)
    head = struct.pack(">IIBBBBB", width, height, 8, kind, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", head) + _chunk(b"IDAT", raw) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
