"""Golden comparison of PDF readers: this tree's reader against an older one (the pdfplumber reader), per table and per cell.

    python bench/pdf_compare.py                       # corpus PDFs and the PDFs tests/pdfgen.py writes
    python bench/pdf_compare.py --old REV a.pdf       # any PDFs, against any older commit
    python bench/pdf_compare.py --show 20             # print up to 20 differing cells and lines per file

The older reader is the commit before auditlint's PDF reader moved to PDFium
(found from the history, or --old REV), exported with git archive and run in its
own process with PYTHONPATH set to it; it needs pdfplumber installed. Both
readers' Documents are compared: every table (in order) cell by cell, and the
lines of running text. Which side is right where they differ is for a person to
judge from the printed cells; the PDFs tests/pdfgen.py writes have their true
content in tests/test_pdf_reader.py.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DUMP = r"""
import json, sys
from auditlint.sources import ReadError, read_path
out = {}
for path in sys.argv[1:]:
    try:
        d = read_path(path)
    except ReadError as e:
        out[path] = {"error": e.code}
        continue
    tables, spans = [], []
    for b in d.blocks:
        if b.kind == "table":
            t = b.table
            tables.append({"page": t.page, "caption": t.caption, "rows": [[c.text if c else None for c in r] for r in t.rows]})
            spans.append((t.start, t.end))
    lines, at = [], 0
    for line in d.text.split("\n"):
        if not any(a <= at <= b for a, b in spans) and line.strip():
            lines.append(line)
        at += len(line) + 1
    out[path] = {"tables": tables, "lines": lines, "pages": len(d.page_starts)}
print(json.dumps(out, ensure_ascii=False))
"""


def _old_rev() -> str:
    switch = subprocess.run(
        ["git", "log", "-1", "--format=%H", "-S", "import pdfplumber", "--", "auditlint/sources/pdf.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()
    if not switch:
        raise SystemExit("no commit in the history removed the pdfplumber reader; name one with --old REV")
    return switch + "^"


def _dump(tree: Path | None, pdfs: list[Path]) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree if tree is not None else ROOT)
    done = subprocess.run([sys.executable, "-c", DUMP, *map(str, pdfs)], env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if done.returncode:
        raise SystemExit(f"the reader in {tree or ROOT} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def _generated(folder: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import pdfgen
    except ImportError:
        return []
    out = []
    for name, build in pdfgen.ALL.items():
        path = folder / f"generated-{name}.pdf"
        path.write_bytes(build())
        out.append(path)
    return out


def compare(old: dict, new: dict, show: int) -> tuple[list[str], dict]:
    """Lines describing the differences of one file, and its counts."""
    out: list[str] = []
    counts = {"tables_old": 0, "tables_new": 0, "cells": 0, "cells_same": 0, "lines_old": 0, "lines_same": 0}
    if "error" in old or "error" in new:
        out.append(f"  read as: old {old.get('error', 'ok')}, new {new.get('error', 'ok')}")
        return out, counts
    counts["tables_old"], counts["tables_new"] = len(old["tables"]), len(new["tables"])
    shown = 0
    for i, (a, b) in enumerate(zip(old["tables"], new["tables"]), start=1):
        ra, rb = a["rows"], b["rows"]
        shape_a = (len(ra), max((len(r) for r in ra), default=0))
        shape_b = (len(rb), max((len(r) for r in rb), default=0))
        if shape_a != shape_b:
            out.append(f"  table {i} (page {a['page']}): shape old {shape_a}, new {shape_b}")
        for r in range(max(len(ra), len(rb))):
            for c in range(max(len(ra[r]) if r < len(ra) else 0, len(rb[r]) if r < len(rb) else 0)):
                va = ra[r][c] if r < len(ra) and c < len(ra[r]) else "∅"
                vb = rb[r][c] if r < len(rb) and c < len(rb[r]) else "∅"
                counts["cells"] += 1
                if va == vb:
                    counts["cells_same"] += 1
                elif shown < show:
                    shown += 1
                    out.append(f"  table {i} cell ({r + 1},{c + 1}): old {va!r}  new {vb!r}")
        if a["caption"] != b["caption"] and shown < show:
            shown += 1
            out.append(f"  table {i} caption: old {a['caption']!r}  new {b['caption']!r}")
    for extra in old["tables"][len(new["tables"]):]:
        out.append(f"  table only in old (page {extra['page']}): {extra['rows'][:2]}")
    for extra in new["tables"][len(old["tables"]):]:
        out.append(f"  table only in new (page {extra['page']}): {extra['rows'][:2]}")
    counts["lines_old"] = len(old["lines"])
    matcher = difflib.SequenceMatcher(a=old["lines"], b=new["lines"], autojunk=False)
    counts["lines_same"] = sum(block.size for block in matcher.get_matching_blocks())
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal" and shown < show:
            shown += 1
            out.append(f"  text: old {old['lines'][a0:a1][:3]!r}  new {new['lines'][b0:b1][:3]!r}")
    return out, counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--old", help="the older commit whose reader to compare with (default: the one before PDFium)")
    ap.add_argument("--show", type=int, default=8, help="differences printed per file")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from pdf_speed import corpus_pdfs

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        pdfs = args.pdfs or corpus_pdfs() + _generated(tmp_path)
        old_tree = tmp_path / "old"
        old_tree.mkdir()
        rev = args.old or _old_rev()
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old_tree)], input=archive, check=True)
        old = _dump(old_tree, pdfs)
        new = _dump(None, pdfs)
    print(f"old reader: {rev}; new reader: this tree")
    print(f"{'file':44} {'tables old/new':>14} {'cells same':>14} {'text lines same':>16}")
    for path in map(str, pdfs):
        lines, c = compare(old[path], new[path], args.show)
        cells = f"{c['cells_same']}/{c['cells']}"
        text = f"{c['lines_same']}/{c['lines_old']}"
        print(f"{Path(path).name:44} {c['tables_old']:>6}/{c['tables_new']:<7} {cells:>14} {text:>16}")
        for line in lines:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
