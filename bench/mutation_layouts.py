"""Inputs for bench/mutations.py in the layouts real reports arrive in, and layout transforms of any input.

A layout is a base and an optional transform, written ``base+transform``:

- bases: ``real`` (the corpus's page-text dumps of real reports), ``pdf-layout``,
  ``pdf-text`` and ``pdf-pages`` (the corpus PDFs as ``pdftotext -layout``, plain
  ``pdftotext`` and a pypdfium2 page dump joined by "\\n\\f", made at run time in a
  temporary folder), ``seeds`` (corpus seeds, examples/ and tests/data/), ``files``
  (the files named on the command line);
- transforms of the prose lines (lines the segmentation calls paragraphs):
  ``spaced`` (WPS letter-spacing: a space between characters wherever one of them is
  not ASCII, "本 年 收 入 合 计 2946.25 万 元"), ``split-units`` (each line holding a
  figure hard-wrapped once between a number and its 万元/元/%, or between 万 and 元),
  ``spaced-figures`` (a space between a figure and the CJK word on either side,
  "2024 年度"), ``wrapped`` (a page dump's hard wraps: every prose line broken at a
  fixed page width, a CJK character counting two columns and an ASCII one, the width
  chosen per text between 25 and 42 characters a line; and, in a text without form
  feeds, a page number on its own line every 30 to 45 lines, in the middle of a
  paragraph or a table where the page breaks, in one of the styles page dumps show:
  "12", "- 12 -", "第 12 页"), in half of the texts with the report's title after it as
  the next page's running head. A text that is a page dump already (auditlint's reflow
  finds the width it was wrapped at) is left as it is;
- transforms of the table lines (lines the segmentation calls table), each space between
  two cells (not one inside a letter-spaced "合 计") becoming: ``tab-rows`` a tab (an
  extraction that writes a tab between two spans of the page: empty cells dropped,
  wrapped labels on lines of their own), ``cell-lines`` a line break (one cell per line,
  nothing marking where a row ends), ``wide-rows`` two to eight spaces (a layout-keeping
  extraction's column padding).

A transform inserts characters (``split-units`` moves a line break, the table transforms
replace the space between two cells), and decides per
line of the original: the same decision is applied to every mutation of that text, so a
finding in the transformed text maps back to one place of the original, and a
mutation's findings are compared with the same layout's unmutated findings. Lines of
equal text are transformed alike (a block a page dump repeats is spaced in both copies,
as a real extraction would), and a unit is split only where a line could wrap: from a
figure in the second half of the line, the rest of the line flowing on into the next
line of its paragraph.
"""

from __future__ import annotations

import bisect
import glob
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from auditlint.extract.reflow import _units as reflow_units
from auditlint.extract.reflow import _wrap_width as wrap_width
from auditlint.extract.reflow import display_width
from auditlint.numbering import LINE_MARKER
from auditlint.segment import segment
from auditlint.sources import read_bytes

CORPUS = Path("/work/shared/corpus")
REPO = Path(__file__).resolve().parent.parent
BASES = ("real", "pdf-layout", "pdf-text", "pdf-pages", "seeds", "files")
TRANSFORMS = ("spaced", "split-units", "spaced-figures", "wrapped", "tab-rows", "cell-lines", "wide-rows")
TABLE_TRANSFORMS = ("tab-rows", "cell-lines", "wide-rows")
DEFAULT_LAYOUTS = ("real", "real+spaced", "real+split-units", "real+spaced-figures", "pdf-layout", "pdf-text", "pdf-pages")

NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
AMOUNT = re.compile(rf"(?<![\d.,，])({NUM})[ \t]*(亿元|万元|元)")
_UNIT_AFTER = re.compile(rf"({NUM})([ \t]*)(亿元|万元|元|%|％)")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


@dataclass
class Transform:
    """A layout transform of one text: which lines it changes, and how (a number that picks among choices)."""

    name: str
    lines: dict[int, int] = field(default_factory=dict)
    flows: set[int] = field(default_factory=set)  # lines whose paragraph goes on in the next line

    width: int = 0  # wrapped: the page's width in columns
    page_lines: int = 0  # wrapped: lines on a page
    folio: str = "{}"  # wrapped: how a page number is written on its own line

    def insertions(self, line: str, how: int) -> list[tuple[int, str] | tuple[int, str, int]]:
        """Where the line gets characters: (offset, text), or (offset, text, n) for text that replaces n characters."""
        if self.name in TABLE_TRANSFORMS:
            gaps = _cell_gaps(line)
            if self.name == "tab-rows":
                return [(i, "\t", 1) for i in gaps]
            if self.name == "cell-lines":
                return [(i, "\n", 1) for i in gaps]
            return [(i, " " * (2 + (how + k) % 7), 1) for k, i in enumerate(gaps)]  # wide-rows: column padding
        if self.name == "wrapped":
            lead = len(line) - len(line.lstrip("\f"))  # (a page's first line: wrapped as its copy elsewhere is)
            return [(lead + i, "\n") for i in _wrap_points(line[lead:], self.width)]
        if self.name == "spaced":
            return [(i, " ") for i in range(1, len(line)) if _letter_gap(line[i - 1], line[i])]
        if self.name == "spaced-figures":
            out = []
            for m in _FIGURE.finditer(line):
                if m.start() > 0 and _HAN.match(line[m.start() - 1]):
                    out.append((m.start(), " "))
                if m.end() < len(line) and _HAN.match(line[m.end()]):
                    out.append((m.end(), " "))
            return out
        # split-units: one figure of the line's second half, chosen by `how`, loses its unit to the next line
        found = [m for m in _UNIT_AFTER.finditer(line) if 2 * m.start(3) >= len(line)]
        if not found:
            return []
        m = found[how // 2 % len(found)]
        if m.group(3) in ("万元", "亿元") and how % 2:
            return [(m.start(3) + 1, "\n")]  # 万 | 元
        return [(m.start(3), "\n")]

    def render(self, text: str) -> tuple[str, list[int]]:
        """The transformed text, and for each of its offsets (and its end) the offset in `text` it came from."""
        out: list[str] = []
        back: list[int] = []
        starts = line_starts(text)
        for index, start in enumerate(starts):
            end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
            line = text[start:end]
            how = self.lines.get(index)
            at = 0
            for pos, extra, *drop in sorted(self.insertions(line, how)) if how is not None else []:
                out.append(line[at:pos])
                back.extend(range(start + at, start + pos))
                out.append(extra)
                back.extend([start + pos] * len(extra))
                at = pos + (drop[0] if drop else 0)
            out.append(line[at:])
            back.extend(range(start + at, end))
            wrapped = self.name == "split-units" and at > 0 and index in self.flows
            if index + 1 < len(starts) and not wrapped:  # (a wrapped line's rest flows into the next)
                out.append("\n")
                back.append(end)
        back.append(len(text))
        if self.name == "wrapped" and self.page_lines:
            return self._paginate("".join(out), back)
        return "".join(out), back

    def _paginate(self, text: str, back: list[int]) -> tuple[str, list[int]]:
        """A page number on its own line after every `page_lines` lines, mapped to the line break before it."""
        out: list[str] = []
        mapped: list[int] = []
        at, lines, page = 0, 0, 1
        for i, ch in enumerate(text):
            if ch != "\n":
                continue
            lines += 1
            if lines % self.page_lines:
                continue
            out.append(text[at : i + 1])
            mapped.extend(back[at : i + 1])
            folio = self.folio.format(page) + "\n"
            out.append(folio)
            mapped.extend([back[i]] * len(folio))
            at, page = i + 1, page + 1
        out.append(text[at:])
        mapped.extend(back[at:])
        return "".join(out), mapped


def _wrap_points(line: str, width: int) -> list[int]:
    """Where a page of `width` columns breaks `line` (a CJK character two columns, an ASCII one); an ASCII run
    (a figure, a Latin word) is not broken unless it alone is wider than the page."""
    points: list[int] = []
    used = 0
    word_start = 0
    for i, ch in enumerate(line):
        wide = ord(ch) > 0x7F
        if wide or ch == " " or (i and (ord(line[i - 1]) > 0x7F or line[i - 1] == " ")):
            word_start = i
        used += 2 if wide else 1
        if used > width and i:
            cut = word_start if 0 < word_start - (points[-1] if points else 0) and not wide else i
            lo = (points[-1] if points else 0) + 1
            while cut > lo and line[cut] in _NO_LINE_START:
                cut -= 1  # a typesetter never opens a line with a closing mark: the character before goes down with it
            while cut > lo and _in_word(line, cut):
                cut -= 1  # (nor splits the figure it then lands in)
            points.append(cut)
            used = sum(2 if ord(c) > 0x7F else 1 for c in line[cut : i + 1])
    return points


def _cell_gaps(line: str) -> list[int]:
    """The single spaces of a table row that stand between two cells: every space between two tokens, but
    not one inside a letter-spaced word ("合 计", two tokens of one character each)."""
    gaps = []
    for m in re.finditer(r"(?<=\S) (?=\S)", line):
        before = line[: m.start()].rsplit(" ", 1)[-1]
        after = line[m.end() :].split(" ", 1)[0]
        if len(before) == 1 and len(after) == 1 and not before.isdigit() and not after.isdigit():
            continue
        gaps.append(m.start())
    return gaps


def _in_word(line: str, at: int) -> bool:
    """Whether `at` is inside a run of ASCII letters and figures ("69.81%")."""
    a, b = line[at - 1], line[at]
    return a.isascii() and b.isascii() and not a.isspace() and not b.isspace()


_NO_LINE_START = set("，。；：、）】》”’！？%,.;:)!?")


def _letter_gap(a: str, b: str) -> bool:
    return not a.isspace() and not b.isspace() and (ord(a) > 0x7F or ord(b) > 0x7F)


def plan(name: str, text: str, seed: int) -> Transform:
    """The transform `name` of a text: its prose lines (as the segmentation reads the original) get it."""
    document = read_bytes("plan.txt", text.encode("utf-8"))
    starts = line_starts(text)
    transform = Transform(name)
    chosen: set[str] = set()
    paragraph: list[int] = []
    for start, end, kind in segment(document).lines:
        line = text[start:end]
        if name in TABLE_TRANSFORMS:
            if kind == "table" and "\t" not in line and "|" not in line and _cell_gaps(line.strip()):
                chosen.add(line.strip())
            continue
        if kind != "paragraph":
            continue
        index = bisect.bisect_right(starts, start) - 1
        paragraph.append(index)
        if len(line.strip()) < 6:
            continue
        if name == "split-units" and not _UNIT_AFTER.search(line):
            continue
        if name == "wrapped" and _JOINED_PAGE.search(line, 1) and len(line) > 200:
            continue  # a whole page a document site put on one line, its headings inline: no page wraps that
        chosen.add(line.strip())
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.strip() in chosen:  # every copy of a chosen line, the same way
            transform.lines[index] = random.Random(f"{seed}:{name}:{line.strip()}").randrange(1000)
    if name == "wrapped":
        pick = random.Random(f"{seed}:{name}:page")
        transform.width = 2 * pick.randrange(25, 43)
        # (a text that marks its pages with form feeds has its page breaks already: no page numbers added)
        transform.page_lines = 0 if "\f" in text else pick.randrange(30, 46)
        transform.folio = pick.choice(("{}", "- {} -", "第 {} 页", "— {} —"))
        head = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
        if pick.randrange(2) and 4 <= len(head) <= 40 and "|" not in head and "\t" not in head:
            transform.folio += "\n" + head.replace("{", "{{").replace("}", "}}")  # the running head of the next page
    follows = set(paragraph)
    transform.flows = {i for i in paragraph if i + 1 in follows and not lines[i].rstrip().endswith(_ENDS)}
    if name == "wrapped" and _wrapped_already(text):
        # a page dump already: its paragraphs run on over lines a page wrapped, and wrapping those again would
        # leave fragments ("…一般公共预" / "算拨" / "款支出…") no extraction produces
        transform.lines, transform.page_lines = {}, 0
    return transform


_ENDS = ("。", "：", ":", "；", ";")
_JOINED_PAGE = re.compile(r"[一二三四五六七八九十]{1,3}、")


def _wrapped_already(text: str) -> bool:
    """Whether the text's lines were wrapped at a page's width, as auditlint's reflow judges it."""
    units = reflow_units(text)
    for unit in units:
        unit.width = display_width(unit.text)
        unit.heading = LINE_MARKER.match(unit.text) is not None
    return wrap_width(units) is not None


@dataclass
class Input:
    """One text of one layout: sites are found in `text`; a mutation is checked as the transform renders it."""

    layout: str
    name: str
    text: str
    transform: Transform | None = None

    @property
    def key(self) -> str:
        return f"{self.layout}:{self.name}"

    def render(self, text: str) -> tuple[str, list[int] | None]:
        return (text, None) if self.transform is None else self.transform.render(text)


def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def _pdfs() -> list[str]:
    return sorted(glob.glob(str(CORPUS / "pdf" / "*.pdf")))


def _pdftotext(layout: bool, folder: Path) -> dict[str, str] | str:
    if shutil.which("pdftotext") is None:
        return "pdftotext 未安装（poppler-utils）"
    out = {}
    for pdf in _pdfs():
        target = folder / (Path(pdf).stem + (".layout.txt" if layout else ".text.txt"))
        subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8", pdf, str(target)], check=True)
        out[target.name] = _read(str(target))
    return out


def _page_dump() -> dict[str, str] | str:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return "pypdfium2 未安装"
    out = {}
    for pdf in _pdfs():
        document = pdfium.PdfDocument(pdf)
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        document.close()
        out[Path(pdf).stem + ".pages.txt"] = "\n\f".join(pages).replace("\r\n", "\n")
    return out


def base_texts(base: str, files: list[str], folder: Path) -> dict[str, str] | str:
    """The texts of a base layout by name, or why there are none here."""
    if base == "files":
        return {p: _read(p) for p in files} if files else "没有给出文件"
    if base == "seeds":
        patterns = [str(CORPUS / "seeds" / "*.txt"), str(REPO / "examples" / "*.txt"), str(REPO / "tests" / "data" / "*.txt")]
        return {Path(p).name: _read(p) for pattern in patterns for p in sorted(glob.glob(pattern))} or "没有找到语料"
    if base == "real":
        return {Path(p).name: _read(p) for p in sorted(glob.glob(str(CORPUS / "real" / "*.txt")))} or f"{CORPUS / 'real'} 不存在"
    if not _pdfs():
        return f"{CORPUS / 'pdf'} 中没有 PDF"
    if base == "pdf-pages":
        return _page_dump()
    return _pdftotext(base == "pdf-layout", folder)


def build_inputs(layouts: list[str], files: list[str], seed: int) -> tuple[list[Input], dict[str, str]]:
    """The inputs of each layout, and the layouts skipped with the reason."""
    inputs: list[Input] = []
    skipped: dict[str, str] = {}
    cache: dict[str, dict[str, str] | str] = {}
    with tempfile.TemporaryDirectory(prefix="mutations-") as tmp:
        for layout in layouts:
            base, _, name = layout.partition("+")
            if base not in BASES or (name and name not in TRANSFORMS):
                sys.exit(f"未知的版式 {layout}：底本为 {', '.join(BASES)}，变换为 {', '.join(TRANSFORMS)}")
            if base not in cache:
                cache[base] = base_texts(base, files, Path(tmp))
            texts = cache[base]
            if isinstance(texts, str):
                skipped[layout] = texts
                continue
            for file, text in texts.items():
                inputs.append(Input(layout, file, text, plan(name, text, seed) if name else None))
    return inputs, skipped
