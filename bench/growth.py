"""Growth benchmark: the time of one check as the input grows tenfold, for text that once made extraction super-linear.

    python bench/growth.py                    # every pattern at 10 KB, 100 KB and 1 MB (a few minutes)
    python bench/growth.py --sizes 10000 100000
    python bench/growth.py --only "dense scores"
    python bench/growth.py --runs 5              # the best of 5 checks at each size (default 3: a shared machine is noisy)

Each pattern of tests/adversarial.py, and a normal report (bench/synthetic.py's, run
together to the size), is written to a file and checked in a fresh process, which
times `check_bytes` alone (after a warm-up check: no start-up, no import) and is
stopped after --timeout seconds; the best of --runs such checks is kept. The garbage
collector is set as `auditlint check` sets it (auditlint.runner); with --default-gc,
as Python sets it: its full collections, rare while the heap is small and then each
as long as the heap, add to every pattern's ratio from 100 KB to 1 MB, a normal
report's included (measured here on the year/increase phrases: x17-19 per 10x with
Python's collector, x9-11 with the CLI's or with none). Printed per size: the seconds, the ratio to the
check at a tenth of the size (linear time: about 10; the target is at most 15), and
the ratio to the normal report of the same size measured in the same run. Exit 1
when a ratio per 10x is above 15 or a check timed out. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from math import log10
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from synthetic import report  # noqa: E402

from bench import CHILD_ENV  # noqa: E402
from tests.adversarial import PATTERNS  # noqa: E402

TARGET = 15.0  # at most this many times slower per tenfold input

_TIME_ONE_CHECK = """
import sys, time
from pathlib import Path
from auditlint import runner
from auditlint.api import check_bytes
from auditlint.config import Config
config = Config()
check_bytes("warm-up.txt", "2023年度部门决算说明\\n本年支出合计1.00万元。\\n".encode(), config)
if sys.argv[2] == "cli":
    runner._tune_gc()  # the collector as `auditlint check` sets it
data = Path(sys.argv[1]).read_bytes()
started = time.perf_counter()
check_bytes("growth.txt", data, config)
print(time.perf_counter() - started)
"""


def normal_report(size: int) -> str:
    """Synthetic reports run together to size bytes: what a real archive's text costs."""
    parts, total = [], 0
    i = 0
    while total < size:
        parts.append(report(900 + i, 40_000))
        total += len(parts[-1].encode("utf-8"))
        i += 1
    return "".join(parts).encode("utf-8")[:size].decode("utf-8", errors="ignore")


def timed(path: Path, timeout: float, gc: str) -> float | None:
    """Seconds of one check of the file in a fresh process; None when it ran past timeout."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _TIME_ONE_CHECK, str(path), gc],
            cwd=ROOT, env=CHILD_ENV, capture_output=True, text=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        sys.exit(f"checking {path} failed:\n{done.stderr}")
    return float(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--only", action="append", help="a pattern's name (repeatable); default: all")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a check is stopped")
    parser.add_argument("--runs", type=int, default=3, help="checks at each size; the best is kept")
    parser.add_argument("--default-gc", action="store_true",
                        help="Python's default garbage collector (as check_bytes runs in another program), not the CLI's")
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "auditlint-growth")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    builders = {"a normal report": normal_report, **PATTERNS}
    unknown = set(args.only or ()) - set(builders)
    if unknown:
        sys.exit(f"no such pattern: {', '.join(sorted(unknown))}; the patterns: {', '.join(builders)}")
    names = ["a normal report", *(n for n in PATTERNS if not args.only or n in args.only)]
    print(f"growth: one check in a fresh process, at {', '.join(f'{s / 1000:g} KB' for s in args.sizes)};"
          f" ratio per 10x the input (target <= {TARGET:g}), and x the normal report of the same size")
    normal: dict[int, float] = {}
    missed: list[str] = []
    for name in names:
        previous: tuple[int, float] | None = None
        for size in args.sizes:
            path = args.dir / f"{name.replace('/', '-').replace(' ', '-')}-{size}.txt"
            path.write_text(builders[name](size), encoding="utf-8")
            seconds = None
            for _ in range(max(1, args.runs)):
                once = timed(path, args.timeout, "default" if args.default_gc else "cli")
                if once is None:  # (timed out: not tried again)
                    seconds = None
                    break
                seconds = once if seconds is None else min(seconds, once)
            if seconds is None:
                print(f"  {name:38s} {size / 1000:7g} KB   over {args.timeout:g} s  TIMED OUT", flush=True)
                missed.append(f"{name} at {size / 1000:g} KB (timed out)")
                break
            if name == "a normal report":
                normal[size] = seconds
            per_tenfold = ""
            if previous is not None:
                # the ratio scaled to a tenfold step, whatever the step between the sizes given
                step = log10(size / previous[0])
                ratio = (seconds / previous[1]) ** (1 / step) if previous[1] > 0 and step > 0 else float("nan")
                ok = ratio <= TARGET
                per_tenfold = f"x{ratio:6.1f} per 10x {'ok' if ok else 'MISSED'}"
                if not ok:
                    missed.append(f"{name} from {previous[0] / 1000:g} KB to {size / 1000:g} KB (x{ratio:.1f} per 10x)")
            against = f"x{seconds / normal[size]:6.1f} normal" if normal.get(size) else ""
            print(f"  {name:38s} {size / 1000:7g} KB {seconds:9.3f} s  {per_tenfold:24s} {against}", flush=True)
            previous = (size, seconds)
    print("targets missed: " + ("; ".join(missed) if missed else "none"))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
