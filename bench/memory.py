"""Memory benchmark: flat memory over an archive of PDFs, and memory linear in the length of a line.

    python bench/memory.py                      # 500 PDFs with --jobs 1 and --jobs 2, then long lines
    python bench/memory.py --pdfs 100 --jobs 2  # fewer PDFs, one pool size
    python bench/memory.py --skip-pdfs          # long lines only (about a minute)

Archive: --pdfs copies of the shared corpus PDFs under --dir, checked by `auditlint
check --jobs N` while the memory of all its processes together is sampled. The figures
are the peak RSS in the run's last tenth against its second tenth (flat: about 1.0;
the first tenth is start-up), and the run's peak against the largest peak of one corpus
PDF checked alone in the same run (the reference: about 1 with --jobs 1, about N with
--jobs N). Growth shows as ratios well above those.

Long lines: examples/draft-with-errors.txt run together into one line of 100 K, 300 K
and 1 M characters (text, and a Word file of one paragraph). The figure is the peak RSS
above that of a tiny file checked the same way, per 100 K characters of the line: about
the same at every length when memory is linear in the line (it grew with its square).

Needs Linux (/proc) and, for the archive, the pdf extra and the shared corpus.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench import CHILD_ENV, tree_rss  # noqa: E402
from tests.fuzzing import one_line_report  # noqa: E402


def corpus_pdfs() -> list[Path]:
    env = os.environ.get("AUDITLINT_CORPUS")
    roots = [Path(env)] if env else [p / "shared" / "corpus" for p in ROOT.parents]
    for root in roots:
        if (root / "pdf").is_dir():
            return sorted((root / "pdf").glob("*.pdf"))
    return []


def sampled_run(args: list[str], every: float = 0.2) -> tuple[float, list[tuple[float, int]], int]:
    """Run auditlint with these arguments; (seconds, [(time, RSS of the process tree in KB)], exit code)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "auditlint", *args], cwd=ROOT, env=CHILD_ENV,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    samples = []
    while proc.poll() is None:
        total, _ = tree_rss(proc.pid)
        if total:
            samples.append((time.perf_counter() - started, total))
        time.sleep(every)
    return time.perf_counter() - started, samples, proc.returncode


def peak_mb(samples: list[tuple[float, int]], lo: float = 0.0, hi: float = 1.0) -> float:
    """The largest RSS sampled between fractions lo and hi of the run, in MB."""
    if not samples:
        return 0.0
    end = samples[-1][0]
    inside = [rss for t, rss in samples if lo * end <= t <= hi * end]
    return max(inside or [samples[-1][1]]) / 1024


def archive(args: argparse.Namespace) -> None:
    pdfs = corpus_pdfs()
    from auditlint.sources import SUPPORTED_SUFFIXES

    if not pdfs or ".pdf" not in SUPPORTED_SUFFIXES:
        print("PDF archive: not measured (no shared corpus PDFs, or the pdf extra is not installed)")
        return
    folder = args.dir / f"pdfs-{args.pdfs}"
    if not folder.is_dir() or len(list(folder.glob("*.pdf"))) != args.pdfs:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i in range(args.pdfs):
            src = pdfs[i % len(pdfs)]
            shutil.copyfile(src, folder / f"{i:04d}-{src.name}")
    megabytes = sum(p.stat().st_size for p in folder.glob("*.pdf")) / 1e6
    print(f"\nPDF archive: {args.pdfs} copies of {len(pdfs)} corpus PDFs, {megabytes:.0f} MB, in {folder}")
    base = ["check", "--isolated", "--format", "json", "-o", os.devnull]
    # the reference: the most any one of these PDFs takes when checked alone
    reference = max(peak_mb(sampled_run([*base, "--jobs", "1", str(p)], every=0.05)[1]) for p in pdfs)
    print(f"  reference: the largest peak of one corpus PDF checked alone: {reference:.0f} MB")
    print(f"  {'run':10s} {'seconds':>8s} {'10-20%':>8s} {'50-60%':>8s} {'last 10%':>9s} {'peak':>7s} "
          f"{'last/10-20%':>12s} {'peak/one PDF':>13s}   (RSS of all the run's processes together)")
    for jobs in args.jobs:
        seconds, samples, code = sampled_run([*base, "--jobs", str(jobs), str(folder)])
        early, middle, last = peak_mb(samples, 0.1, 0.2), peak_mb(samples, 0.5, 0.6), peak_mb(samples, 0.9, 1.0)
        peak = peak_mb(samples)
        print(
            f"  --jobs {jobs:<3d} {seconds:8.0f} {early:7.0f}M {middle:7.0f}M {last:8.0f}M {peak:6.0f}M "
            f"{last / early:12.2f} {peak / reference:13.2f}   (exit {code})",
            flush=True,
        )


def draft_on_one_line(size: int) -> str:
    """examples/draft-with-errors.txt run together into one line of `size` characters."""
    return one_line_report(size, (ROOT / "examples" / "draft-with-errors.txt").read_text(encoding="utf-8"))


# `auditlint check FILE` in a child process that reports its own peak memory when done: VmHWM, the
# high-water mark of this program's memory (ru_maxrss would start at the parent's, inherited by fork)
_CHECK_AND_MEASURE = """
import re, sys
from auditlint.cli import main
try:
    main(["check", "--isolated", "--format", "json", "-o", sys.argv[2], sys.argv[1]])
except SystemExit:
    pass
with open("/proc/self/status") as status:
    print(re.search(r"VmHWM:\\s*(\\d+)", status.read()).group(1))
"""


def checked_alone(path: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of checking one file in a fresh process: its exact peak,
    however short the check."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHECK_AND_MEASURE, str(path), os.devnull],
        cwd=ROOT, env=CHILD_ENV, capture_output=True, text=True, timeout=3600,
    )
    return time.perf_counter() - started, int(done.stdout.split()[-1]) / 1024


def long_lines(args: argparse.Namespace) -> None:
    from tests.office import Paragraph, build_docx

    folder = args.dir / "lines"
    folder.mkdir(parents=True, exist_ok=True)
    print("\nlong lines: peak RSS above a tiny file's, per 100 K characters of the line")
    tiny = folder / "tiny.txt"
    tiny.write_text("2023年度部门决算说明\n本年支出合计1.00万元。\n", encoding="utf-8")
    _, floor = checked_alone(tiny)
    print(f"  reference: a tiny file: peak {floor:.0f} MB")
    for kind in ("txt", "docx"):
        previous = None
        for size in args.sizes:
            text = draft_on_one_line(size)
            path = folder / f"line-{size}.{kind}"
            if kind == "txt":
                path.write_text(text, encoding="utf-8")
            else:
                path.write_bytes(build_docx([Paragraph(line) for line in text.split("\n") if line]))
            seconds, peak = checked_alone(path)
            above = max(peak - floor, 0.1)
            growth = f"x{above / previous[1]:.1f} for x{size / previous[0]:.0f} the line" if previous else ""
            print(f"  {kind:4s} one line of {size / 1000:6.0f} K characters: {seconds:6.1f} s, {above:7.1f} MB above the tiny file, "
                  f"{above / size * 100_000:5.1f} MB per 100 K  {growth}  (file {path.stat().st_size / 1000:.0f} KB)", flush=True)
            previous = (size, above)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "auditlint-memory")
    parser.add_argument("--pdfs", type=int, default=500, help="PDFs in the archive (default 500)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="pool sizes to run the archive with")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000], help="line lengths, in characters")
    parser.add_argument("--skip-pdfs", action="store_true")
    parser.add_argument("--skip-lines", action="store_true")
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        sys.exit("bench/memory.py reads memory from /proc: Linux only")
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"auditlint memory benchmark — python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f}")
    if not args.skip_pdfs:
        archive(args)
    if not args.skip_lines:
        long_lines(args)


if __name__ == "__main__":
    main()
