"""PDF speed: pages per second per core of auditlint's PDF reader and of a whole check, against pdftotext, and peak memory.

    python bench/pdf_speed.py                 # the shared corpus PDFs
    python bench/pdf_speed.py a.pdf b.pdf     # any PDFs
    python bench/pdf_speed.py --runs 5

Each figure is the median of --runs timed runs (the first, untimed run warms
imports and caches), in CPU seconds of the process doing the work, so that other
work on the machine does not count: pages per CPU second is pages per second per
core. pdftotext -layout (poppler-utils) is timed in the same run, as the
reference; its figures are the CPU time of its processes. Ratios are auditlint's
time over pdftotext's. Peak memory is the largest resident set of a fresh
process that reads (or checks) every PDF once, measured by that process itself.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditlint.sources.pdf import available  # noqa: E402


def corpus_pdfs() -> list[Path]:
    env = os.environ.get("AUDITLINT_CORPUS")
    roots = [Path(env)] if env else [p / "shared" / "corpus" for p in Path(__file__).resolve().parents]
    for root in roots:
        if (root / "pdf").is_dir():
            return sorted((root / "pdf").glob("*.pdf"))
    return []


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu_timed(fn, runs: int) -> float:
    """Median CPU seconds of fn (this process and the children it waited for)."""
    fn()
    times = []
    for _ in range(runs):
        a = _cpu()
        fn()
        times.append(_cpu() - a)
    return statistics.median(times)


def _worker(mode: str, paths: list[str]) -> None:
    """Run in a fresh process: read or check every PDF once, then print the peak resident set."""
    from auditlint.api import check_path
    from auditlint.config import Config
    from auditlint.sources import read_path

    config = Config()
    for p in paths:
        read_path(p) if mode == "read" else check_path(p, config)
    print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def peak_mb(mode: str, pdfs: list[Path]) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", mode, *map(str, pdfs)], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])["peak_mb"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--worker", choices=["read", "check"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        _worker(args.worker, [str(p) for p in args.pdfs])
        return 0
    if not available():
        print("pypdfium2 is not installed: pip install '.[pdf]' from the checkout", file=sys.stderr)
        return 2
    pdfs = args.pdfs or corpus_pdfs()
    if not pdfs:
        print("no PDFs given and no shared corpus found", file=sys.stderr)
        return 2
    from auditlint.api import check_path
    from auditlint.config import Config
    from auditlint.sources import read_path

    pdftotext = shutil.which("pdftotext")
    config = Config()
    rows = []
    totals = {"pages": 0, "read": 0.0, "check": 0.0, "ref": 0.0}
    started = time.perf_counter()
    for pdf in pdfs:
        document = read_path(pdf)
        pages = len(document.page_starts)
        tables = sum(1 for b in document.blocks if b.kind == "table")
        read = cpu_timed(lambda: read_path(pdf), args.runs)
        check = cpu_timed(lambda: check_path(pdf, config), args.runs)
        ref = None
        if pdftotext:
            ref = cpu_timed(lambda: subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=True), args.runs)
            totals["ref"] += ref
        totals["pages"] += pages
        totals["read"] += read
        totals["check"] += check
        rows.append((pdf.name, pages, tables, read, check, ref))

    def rate(pages: int, seconds: float) -> str:
        return f"{pages / seconds:8.0f}"

    def ratio(seconds: float, ref: float | None) -> str:
        return f"{seconds / ref:8.2f}x" if ref else f"{'-':>9}"

    print("pages per CPU second (= per core); ratio = auditlint's time / pdftotext -layout's time in this run")
    print(f"{'file':38} {'pages':>5} {'tables':>6} {'read':>8} {'check':>8} {'pdftotext':>9} {'read/ref':>9} {'check/ref':>9}")
    for name, pages, tables, read, check, ref in rows:
        ref_rate = rate(pages, ref) if ref else f"{'-':>8}"
        print(f"{name:38} {pages:5} {tables:6} {rate(pages, read)} {rate(pages, check)} {ref_rate:>9} {ratio(read, ref)} {ratio(check, ref)}")
    n, ref = totals["pages"], totals["ref"] or None
    ref_rate = rate(n, ref) if ref else f"{'-':>8}"
    all_read, all_check = totals["read"], totals["check"]
    print(f"{'all':38} {n:5} {'':6} {rate(n, all_read)} {rate(n, all_check)} {ref_rate:>9} {ratio(all_read, ref)} {ratio(all_check, ref)}")
    print(f"peak memory of one process: read {peak_mb('read', pdfs):.0f} MB, check {peak_mb('check', pdfs):.0f} MB")
    print(f"({time.perf_counter() - started:.1f} s wall clock for this benchmark)")
    if not pdftotext:
        print("pdftotext not found (apt-get install poppler-utils): no reference to compare with")
    return 0


if __name__ == "__main__":
    sys.exit(main())
