"""A seeded mutation fuzzer over the readers: mutated reports in every format through check_bytes.

Each seed builds a small, real-looking report in one format (text, html, docx, xlsx, and pdf
when the extra is installed) and mutates it, the way damaged downloads, hand edits and
hostile files differ from what Office writes: bytes flipped, cut, repeated or spliced in;
inside a docx/xlsx, the XML of a part; in text, the figures, numbering and punctuation
reports are made of. Every input must end as findings or a clear error record:

- check_bytes raises nothing, and a file it cannot read gets a reason code other than
  internal-error; no rule fails on it (internal_errors is empty);
- every finding points into the text read: its evidence is the text at its span, its line
  and column are that span's, its excerpt is bounded;
- every report format renders the result.

The test suite runs a few hundred inputs (tests/test_fuzz.py); bench/fuzz.py runs
thousands, with any seed, and saves what fails.
"""

from __future__ import annotations

import io
import itertools
import random
import re
import time
import traceback
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from auditlint.api import check_bytes
from auditlint.config import Config
from auditlint.model import EXCERPT_CONTEXT, FileResult
from auditlint.report import FORMATS, render
from auditlint.sources import SUPPORTED_SUFFIXES

from .office import (
    S_NS,
    Merged,
    Paragraph,
    TableSpec,
    _col_letters,
    build_docx,
    build_xlsx,
)

#: What an entity of a DTD spliced into an Office part stands for: never in any text read.
EXPANDED = "实体已被展开"
READABLE_CODES = {"not-a-disclosure", "unreadable", "encoding", "too-large", "unsupported-format", "corrupt", "no-text"}

REPORT = """2023年度部门决算说明
一、收入支出决算总体情况说明
2023年度收入总计8,642,315.60元，支出总计8,642,315.60元。
二、支出决算情况说明
2023年度本年支出合计8,642,315.60元，其中：基本支出6,125,400.00元，占支出合计的70.9%；项目支出2,516,915.60元，占支出合计的27.1%。
（一）机关运行经费
2023年度机关运行经费支出612,480.50元，比上年减少58,230.00元，下降39.5%。
（二）执行情况
年初预算为400.46万元，支出决算为474.49万元，完成年初预算的128.5%。
三、绩效自评
自评得分95分，其中：产出指标得分45分，效益指标得分30分，满意度指标得分10分。
"""

TABLE = TableSpec(
    title="收入支出决算总表",
    rows=[
        ["项目", Merged("本年数", colspan=2), None],
        ["", "预算数", "决算数"],
        ["基本支出", "6,125,400.00", "6,125,400.00"],
        ["项目支出", "2,516,915.60", "2,516,915.60"],
        ["合计", "8,642,315.60", "8,652,315.60"],
    ],
    unit="单位：元",
)

#: Text reports are made of these: spliced in, they reach the extraction and the rules.
TOKENS = [
    "九十九、", "一百、", "（十一）", "第二十部分", "①", "1.1", "⑳", "㈩",
    "1" * 40, "9" * 29 + ".99", "1,111,111,111,111,111,111,111,111,111.11", "0.000000000000000000000000000001",
    "１２３，４５６．７８", "-", "--", "减少-", "比上年", "增长", "下降", "%", "％", "个百分点",
    "万元", "亿元", "元", "其中：", "合计", "小计", "占", "完成", "执行率", "得分", "满分",
    "\t", "|", "\r", "\r\n", "\n\n", "\u3000", "\ufeff", "\x00", "\u200b",
    "<!--", "-->", "<!-- auditlint: ignore -->", "<p>", "</td>", "&amp;", "&#x4e2d;", "<!DOCTYPE x>",
    "（", "）", "(((((", "：", "；", "。", "2023年", "2022年度", "上年", "年初预算",
]

#: Inside an Office part: what a damaged or hostile file may carry.
XML_TOKENS = [
    b"<!DOCTYPE d [<!ENTITY x \"1\">]>", b"&x;", b"<w:p>", b"</w:p>", b"<w:tbl>", b"<w:gridSpan w:val=\"99999\"/>",
    b"<w:vMerge/>", b"<w:vMerge w:val=\"restart\"/>", b"<mergeCell ref=\"A1:XFD1048576\"/>", b"<mergeCell ref=\"B2:A1\"/>",
    b"<c r=\"ZZZ9999999\"><v>1</v></c>", b"<v>1E+28</v>", b"<v>1e309</v>", b"<v>NaN</v>", b"<v>-0</v>", b" s=\"999\"",
    b" t=\"s\"", b"<v>99999999</v>", b"\x00", b"\xff\xfe", b"<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
    b"<?xml version=\"1.0\" encoding=\"no-such\"?>", b"<numFmt numFmtId=\"164\" formatCode=\"0.0000000000000000000000000000000000\"/>",
]


@dataclass
class Failure:
    """An input that broke an invariant, and how."""

    name: str
    data: bytes
    what: str
    detail: str = ""


def seeds(pdf: bool | None = None) -> dict[str, bytes]:
    """One small report per format (pdf only when the extra can read it)."""
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in REPORT.splitlines()) + "</body></html>"
    out = {
        "report.txt": REPORT.encode("utf-8"),
        "report-gb.txt": REPORT.encode("gb18030"),
        "report-utf16.txt": REPORT.encode("utf-16"),
        "report.html": html.encode("utf-8"),
        # zipped again with fixed time stamps: the same seed gives the same bytes whenever it runs
        "report.docx": zipped(parts_of(build_docx([*(Paragraph(line) for line in REPORT.splitlines()), TABLE]))),
        "report.xlsx": zipped(parts_of(build_xlsx([(TABLE.title, TABLE)]))),
    }
    if pdf is None:
        pdf = ".pdf" in SUPPORTED_SUFFIXES and _pdf_reader_installed()
    if pdf:
        out["report.pdf"] = minimal_pdf(["Total 8,642,315.60", "Basic 6,125,400.00", "Project 2,516,915.60", "Rate 70.9%"])
    return out


def _pdf_reader_installed() -> bool:
    from auditlint.sources import pdf

    return pdf.available()


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing these lines (ASCII) in Helvetica, with a correct cross-reference table."""
    stream = "BT /F1 12 Tf 14 TL 72 740 Td " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# ----------------------------------------------------------------------------- mutations


def _byte_mutation(rnd: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes([rnd.randrange(256)])
    i = rnd.randrange(len(data))
    kind = rnd.randrange(7)
    if kind == 0:  # flip a byte
        return data[:i] + bytes([rnd.randrange(256)]) + data[i + 1 :]
    if kind == 1:  # cut the end off (a download that stopped)
        return data[:i]
    if kind == 2:  # delete a stretch
        return data[:i] + data[i + rnd.randrange(1, 64) :]
    if kind == 3:  # repeat a stretch
        j = min(len(data), i + rnd.randrange(1, 256))
        return data[:j] + data[i:j] * rnd.randrange(1, 20) + data[j:]
    if kind == 4:  # random bytes
        return data[:i] + rnd.randbytes(rnd.randrange(1, 16)) + data[i:]
    if kind == 5:  # a token of the format
        return data[:i] + rnd.choice(XML_TOKENS) + data[i:]
    return data[:i] + data[i:][::-1][: rnd.randrange(1, 32)] + data[i:]  # a stretch reversed


def _text_mutation(rnd: random.Random, text: str) -> str:
    if not text:
        return rnd.choice(TOKENS)
    i = rnd.randrange(len(text) + 1)
    kind = rnd.randrange(6)
    if kind <= 1:
        return text[:i] + rnd.choice(TOKENS) + text[i:]
    if kind == 2:  # a figure changed: digits and separators are what claims are made of
        return text[:i] + rnd.choice("0123456789.,，%-") + text[i + 1 :]
    if kind == 3:
        return text[:i] + text[i + rnd.randrange(1, 40) :]
    if kind == 4:  # a paragraph repeated, or run into the next one
        j = min(len(text), i + rnd.randrange(1, 400))
        return text[:j] + text[i:j] * rnd.randrange(1, 6) + text[j:]
    return text.replace("\n", rnd.choice(["", "\r\n", "\r", " ", "\n\n"]), rnd.randrange(1, 8))


def _numeral(n: int) -> str:
    """1-199 in Chinese numerals (written here, not taken from the code under test)."""
    digits = "零一二三四五六七八九"
    if n >= 100:
        rest = n % 100
        return digits[n // 100] + "百" + ("" if not rest else "零" + digits[rest] if rest < 10 else digits[rest // 10] + "十" + digits[rest % 10] * bool(rest % 10))
    if n >= 10:
        return ("" if n < 20 else digits[n // 10]) + "十" + digits[n % 10] * bool(n % 10)
    return digits[n]


def _outline(rnd: random.Random, text: str, n: int = 0, style: str = "", repeat: int | None = None) -> str:
    """A long numbered list (past 九十九, with a number repeated) spliced in; n items (random if 0)
    numbered in a style ("cn", "pcn", "num"), the item at index repeat written twice."""
    n = n or rnd.randrange(5, 130)
    style = style or rnd.choice(["cn", "pcn", "num"])
    marks = [_numeral(k) + "、" if style == "cn" else f"（{_numeral(k)}）" if style == "pcn" else f"{k}." for k in range(1, n + 1)]
    if repeat is None and rnd.random() < 0.5:
        repeat = rnd.randrange(len(marks))
    if repeat is not None:
        marks.insert(repeat, marks[repeat])
    lines = "".join(f"{m}第{i}项支出{i}.00万元\n" for i, m in enumerate(marks, 1))
    i = text.find("\n", rnd.randrange(len(text) + 1)) + 1
    return text[:i] + lines + text[i:]


def _extreme_value(rnd: random.Random, part: bytes) -> bytes:
    values = list(re.finditer(rb"<v>[^<]*</v>", part))
    if not values:
        return part
    m = rnd.choice(values)
    extreme = rnd.choice([b"1E+28", b"1e30", b"-1e308", b"1e-320", b"9" * 40, b"1E+999999", b"0.1" + b"0" * 60 + b"1"])
    return part[: m.start()] + b"<v>" + extreme + b"</v>" + part[m.end() :]


def _extreme_format(rnd: random.Random, part: bytes) -> bytes:
    code = rnd.choice([b"0." + b"0" * 200, b"#,##0" + b"," * 300, b"0.00E+00", b"yyyy-mm-dd", b"[Red]0;;;@", b'"x"'])
    return re.sub(rb'formatCode="[^"]*"', b'formatCode="' + code + b'"', part, count=1)


def _overlapping_merges(rnd: random.Random, part: bytes) -> bytes:
    if b"</worksheet>" not in part:
        return part
    n = rnd.randrange(2, 60)
    merges = b"".join(b'<mergeCell ref="A%d:Z%d"/>' % (k + 1, 200 - k) for k in range(n))
    part = re.sub(rb"<mergeCells[^>]*>.*?</mergeCells>", b"", part, flags=re.S)
    return part.replace(b"</worksheet>", b"<mergeCells>" + merges + b"</mergeCells></worksheet>")


def _entity(rnd: random.Random, part: bytes) -> bytes:
    """The entity trick: a DTD in the part, its entity used in the first text."""
    head = re.match(rb"<\?xml[^>]*\?>", part)
    at = head.end() if head else 0
    part = part[:at] + b'<!DOCTYPE d [<!ENTITY x "' + EXPANDED.encode() + b'">]>' + part[at:]
    return re.sub(rb"<(w:)?t(\s[^>]*)?>", lambda m: m.group() + b"&x;", part, count=1)


def _encoded(rnd: random.Random, part: bytes) -> bytes:
    """The part in another encoding, without a byte-order mark, its declaration saying so or not."""
    encoding = rnd.choice(["utf-16-le", "utf-16-be", "utf-32-le", "latin-1"])
    text = part.decode("utf-8", "replace")
    how = rnd.randrange(4)
    if how == 0:
        text = re.sub(r"^<\?xml[^>]*\?>", "", text)
    elif how < 3:
        text = re.sub(r'encoding="[^"]*"', f'encoding="{[encoding.upper(), "UTF-16"][how - 1]}"', text, count=1)
    return text.encode(encoding, errors="replace")


def _unknown_encoding(rnd: random.Random, part: bytes) -> bytes:
    return re.sub(rb'encoding="[^"]*"', b'encoding="' + rnd.choice([b"no-such", b"rot13", b"x" * 40]) + b'"', part, count=1)


#: Changes an Office part can carry that a byte flip seldom makes.
XML_MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "extreme value": _extreme_value,
    "extreme number format": _extreme_format,
    "overlapping merged cells": _overlapping_merges,
    "DTD": _entity,
    "DTD, another encoding": lambda rnd, part: _encoded(rnd, _entity(rnd, part)),
    "another encoding": _encoded,
    "unknown encoding": _unknown_encoding,
}


def _xml_mutation(rnd: random.Random, part: bytes) -> bytes:
    try:
        part.decode("utf-8")
    except UnicodeDecodeError:  # re-encoded or damaged already
        return _byte_mutation(rnd, part)
    return XML_MUTATIONS[rnd.choice(sorted(XML_MUTATIONS))](rnd, part)


def _in_zip(rnd: random.Random, data: bytes, mutate: Callable[[bytes], bytes]) -> bytes:
    """Mutate one part of an Office package and zip it again (what a damaged or hostile file holds)."""
    try:
        parts = parts_of(data)
    except Exception:  # already damaged past reading: damage it further
        return _byte_mutation(rnd, data)
    xml = [name for name in parts if name.endswith(".xml")]
    if not xml:
        return _byte_mutation(rnd, data)
    # mostly the parts that hold the text and the figures
    content = [name for name in xml if re.search(rb"<(w:)?t[ >]|<v>", parts[name])]
    name = rnd.choice(content if content and rnd.random() < 0.7 else xml)
    parts[name] = mutate(parts[name])
    return zipped(parts)


def parts_of(package: bytes) -> dict[str, bytes]:
    """The parts of a docx or xlsx, by name."""
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        return {name: z.read(name) for name in z.namelist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    """A zip of these parts, the same bytes for the same parts (no time stamp of today)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for part, body in parts.items():
            z.writestr(zipfile.ZipInfo(part, date_time=(2024, 1, 1, 0, 0, 0)), body, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def mutate(rnd: random.Random, name: str, data: bytes, rounds: int) -> bytes:
    """`rounds` mutations of a seed, chosen to suit its format."""
    for _ in range(rounds):
        if name.endswith((".docx", ".xlsx")) and rnd.random() < 0.8:
            how = rnd.randrange(3)
            if how == 0:
                data = _in_zip(rnd, data, lambda part: _byte_mutation(rnd, part))
            elif how == 1:
                data = _in_zip(rnd, data, lambda part: _text_mutation(rnd, part.decode("utf-8", "replace")).encode("utf-8"))
            else:
                data = _in_zip(rnd, data, lambda part: _xml_mutation(rnd, part))
        elif name.endswith((".txt", ".html")) and rnd.random() < 0.8:
            encoding = "gb18030" if "-gb" in name else "utf-16" if "utf16" in name else "utf-8"
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                data = _byte_mutation(rnd, data)
                continue
            text = _outline(rnd, text) if rnd.random() < 0.1 else _text_mutation(rnd, text)
            data = text.encode(encoding, errors="replace")
        else:
            data = _byte_mutation(rnd, data)
    return data


def inputs(seed: int, count: int, pdf: bool | None = None) -> Iterator[tuple[str, bytes]]:
    """count mutated inputs, the same ones for the same seed."""
    rnd = random.Random(seed)
    bases = seeds(pdf)
    names = sorted(bases)
    for _ in range(count):
        name = rnd.choice(names)
        yield name, mutate(rnd, name, bases[name], rnd.choice([1, 1, 2, 3, 5, 10]))


def catalogue(seed: int = 0, pdf: bool | None = None) -> Iterator[tuple[str, bytes]]:
    """Every targeted mutation once on each seed it applies to: each token in each text seed, a long
    numbered list, each XML mutation in each part of the Office seeds that holds text or figures."""
    rnd = random.Random(seed)
    bases = seeds(pdf)
    for name in ("report.txt", "report.html"):
        text = bases[name].decode("utf-8")
        for token in TOKENS:
            i = rnd.randrange(len(text))
            yield name, (text[:i] + token + text[i:]).encode("utf-8", errors="replace")
        for style in ("cn", "pcn", "num"):  # numbered past 九十九, 九十九 written twice
            yield name, _outline(rnd, text, n=120, style=style, repeat=98).encode("utf-8")
    for name in ("report.docx", "report.xlsx"):
        parts = parts_of(bases[name])
        for part, body in parts.items():
            if not part.endswith(".xml"):
                continue
            for mutation in XML_MUTATIONS.values():
                changed = mutation(rnd, body)
                if changed != body:
                    yield name, zipped({**parts, part: changed})


# ----------------------------------------------------------------------------- inputs that once cost super-linear time or memory


def one_line_report(size: int, report: str = REPORT) -> str:
    """A report (REPORT by default) with its paragraphs run together (a finding every few hundred
    characters): its title line, then one line of `size` characters."""
    title, body = report.split("\n", 1)
    body = body.replace("\n", "")
    return title + "\n" + (body * (size // len(body) + 1))[:size] + "\n"


def workbook(sheet_xml: str) -> bytes:
    """A minimal workbook whose one sheet is this XML."""
    parts = parts_of(build_xlsx([("表1", TableSpec(rows=[["项目", "金额"], ["合计", "1.00"]]))]))
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode("utf-8")
    return zipped(parts)


def sheet(rows: str, merges: str = "") -> str:
    """A worksheet's XML: its <row> elements, and <mergeCell> elements if any."""
    merged = f"<mergeCells>{merges}</mergeCells>" if merges else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S_NS}"><sheetData>{rows}</sheetData>{merged}</worksheet>'


def nested_merges(n: int, width: int = 0) -> bytes:
    """n merges, each reaching past all the others (Office never writes overlapping merges; a damaged
    or hostile file can). Without width: n cells on a diagonal, each a merge's corner (an n × n grid);
    with width: n full rows of width figures, the merges starting on each row and covering the rest."""
    if not width:
        rows = "".join(f'<row r="{k + 1}"><c r="{_col_letters(k)}{k + 1}" t="inlineStr"><is><t>项目{k}</t></is></c></row>' for k in range(n))
        merges = "".join(f'<mergeCell ref="{_col_letters(k)}{k + 1}:{_col_letters(2 * n - k)}{2 * n - k + 1}"/>' for k in range(n))
        return workbook(sheet(rows, merges))
    rows = "".join(
        f'<row r="{r + 1}">' + "".join(f'<c r="{_col_letters(c)}{r + 1}"><v>{r + c}.5</v></c>' for c in range(width)) + "</row>"
        for r in range(n)
    )
    merges = "".join(f'<mergeCell ref="A{r + 1}:{_col_letters(width - 1)}{n}"/>' for r in range(n))
    return workbook(sheet(rows, merges))


# ----------------------------------------------------------------------------- invariants


def problems(name: str, data: bytes, config: Config | None = None, formats=FORMATS) -> list[Failure]:
    """What is wrong with how auditlint handles this input (nothing, normally)."""
    try:
        result = check_bytes(name, data, config or Config(), keep_document=True)
    except Exception as exc:  # the invariant under test: nothing escapes
        return [Failure(name, data, f"check_bytes raised {type(exc).__name__}: {exc}", traceback.format_exc())]
    out = []
    if result.error and result.error_code not in READABLE_CODES:
        out.append(Failure(name, data, f"{result.error_code}: {result.error}"))
    out.extend(Failure(name, data, f"rule failed: {e.message}") for e in result.internal_errors)
    out.extend(Failure(name, data, what) for what in _finding_problems(result))
    for fmt in formats:
        try:
            render(fmt, [result])
        except Exception as exc:
            out.append(Failure(name, data, f"{fmt} report raised {type(exc).__name__}: {exc}", traceback.format_exc()))
    return out


def _finding_problems(result: FileResult) -> Iterator[str]:
    doc = result.document
    if doc is None:
        return
    if EXPANDED in doc.text:
        yield "an entity of a DTD was expanded"
    for f in result.findings:
        if not 0 <= f.start <= f.end <= len(doc.text):
            yield f"{f.rule}: span {f.start}-{f.end} outside the text ({len(doc.text)})"
            continue
        if f.evidence != doc.text[f.start : f.end]:
            yield f"{f.rule}: evidence {f.evidence!r} is not the text at its span"
        if (f.line, f.column) != doc.position(f.start):
            yield f"{f.rule}: line:column {f.line}:{f.column} is not its span's {doc.position(f.start)}"
        if len(f.excerpt) > 2 * EXCERPT_CONTEXT + max(1, len(f.evidence)):
            yield f"{f.rule}: excerpt of {len(f.excerpt)} characters"


def run(seed: int, count: int, pdf: bool | None = None, on_input=None, targeted: bool = True) -> list[Failure]:
    """Check the catalogue of targeted mutations (with targeted) and count random inputs of a seed;
    every failure found (on_input(name, data, seconds) sees each input)."""
    failures = []
    chosen = itertools.chain(catalogue(seed, pdf) if targeted else (), inputs(seed, count, pdf))
    for name, data in chosen:
        started = time.perf_counter()
        failures.extend(problems(name, data))
        if on_input is not None:
            on_input(name, data, time.perf_counter() - started)
    return failures
