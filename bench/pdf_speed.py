"""PDF ingestion speed: pages per second of auditlint's PDF reader and of a full check, against pdftotext.

    python bench/pdf_speed.py                 # the shared corpus PDFs
    python bench/pdf_speed.py a.pdf b.pdf     # any PDFs
    python bench/pdf_speed.py --runs 5

Each figure is the median of --runs timed runs in this process (the first,
untimed run warms imports and caches). pdftotext (poppler-utils) runs as a
subprocess, so its time includes process start; it is the speed floor, and is
left out when it is not installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditlint.api import check_path  # noqa: E402
from auditlint.config import Config  # noqa: E402
from auditlint.sources import read_path  # noqa: E402
from auditlint.sources.pdf import available  # noqa: E402


def corpus_pdfs() -> list[Path]:
    env = os.environ.get("AUDITLINT_CORPUS")
    roots = [Path(env)] if env else [p / "shared" / "corpus" for p in Path(__file__).resolve().parents]
    for root in roots:
        if (root / "pdf").is_dir():
            return sorted((root / "pdf").glob("*.pdf"))
    return []


def timed(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not available():
        print("pdfplumber is not installed: pip install 'auditlint[pdf]'", file=sys.stderr)
        return 2
    pdfs = args.pdfs or corpus_pdfs()
    if not pdfs:
        print("no PDFs given and no shared corpus found", file=sys.stderr)
        return 2
    pdftotext = shutil.which("pdftotext")
    config = Config()
    rows = []
    totals = {"pages": 0, "read": 0.0, "check": 0.0, "floor": 0.0}
    for pdf in pdfs:
        document = read_path(pdf)
        pages = len(document.page_starts)
        tables = sum(1 for b in document.blocks if b.kind == "table")
        read = timed(lambda: read_path(pdf), args.runs)
        check = timed(lambda: check_path(pdf, config), args.runs)
        floor = None
        if pdftotext:
            floor = timed(lambda: subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=True), args.runs)
            totals["floor"] += floor
        totals["pages"] += pages
        totals["read"] += read
        totals["check"] += check
        rows.append((pdf.name, pages, tables, read, check, floor))

    def rate(pages: int, seconds: float) -> str:
        return f"{pages / seconds:7.1f}"

    print(f"{'file':40} {'pages':>5} {'tables':>6} {'read p/s':>9} {'check p/s':>9} {'pdftotext p/s':>13} {'read/pdftotext':>14}")
    for name, pages, tables, read, check, floor in rows:
        ratio = f"{(pages / read) / (pages / floor):14.3f}" if floor else f"{'-':>14}"
        floor_rate = rate(pages, floor) if floor else "-"
        print(f"{name:40} {pages:5} {tables:6} {rate(pages, read):>9} {rate(pages, check):>9} {floor_rate:>13} {ratio}")
    n = totals["pages"]
    overall_floor = totals["floor"]
    ratio = f"{(n / totals['read']) / (n / overall_floor):14.3f}" if overall_floor else f"{'-':>14}"
    floor_rate = rate(n, overall_floor) if overall_floor else "-"
    print(f"{'all':40} {n:5} {'':6} {rate(n, totals['read']):>9} {rate(n, totals['check']):>9} {floor_rate:>13} {ratio}")
    if not pdftotext:
        print("pdftotext not found (apt-get install poppler-utils): no speed floor to compare with")
    return 0


if __name__ == "__main__":
    sys.exit(main())
