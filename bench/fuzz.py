"""Fuzz auditlint's readers for minutes: mutated reports in every format through check_bytes.

    python bench/fuzz.py                      # the targeted catalogue, then 5,000 random inputs (seed 1)
    python bench/fuzz.py --count 20000 --seed 7
    python bench/fuzz.py --minutes 10         # random inputs until the time is up
    python bench/fuzz.py --growth             # also: time and memory of hostile inputs at 10 KB, 100 KB, 1 MB

The mutations and the invariants are tests/fuzzing.py's (the test suite runs a few hundred
inputs of it). Prints what it tried (inputs per format, the slowest ones) and every failure,
and saves each failing input under --out with a note of what broke, to reproduce with
`python -m auditlint check FILE`. Exit 1 when anything failed. Not part of the test suite.

--growth builds inputs that once cost super-linear time or memory (overlapping merged cells
in an xlsx, findings along one long line) and times each at three sizes: a ratio per 10x
the input well above 10 is a super-linear stage.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from memory import checked_alone  # noqa: E402

from tests import fuzzing  # noqa: E402


def fuzz(args: argparse.Namespace) -> int:
    per_format: collections.Counter[str] = collections.Counter()
    slowest: list[tuple[float, str, int]] = []
    started = time.perf_counter()
    deadline = started + args.minutes * 60 if args.minutes else None

    def seen(name: str, data: bytes, seconds: float) -> None:
        per_format[Path(name).suffix] += 1
        slowest.append((seconds, name, len(data)))
        slowest.sort(reverse=True)
        del slowest[5:]
        done = sum(per_format.values())
        if done % 500 == 0:
            print(f"  {done} inputs, {time.perf_counter() - started:.0f} s", flush=True)
        if deadline is not None and time.perf_counter() > deadline:
            raise TimeoutError

    count = 10**9 if args.minutes else args.count
    print(f"fuzzing: seed {args.seed}, {'until ' + str(args.minutes) + ' minutes are up' if args.minutes else f'{count} random inputs'}"
          f" after the catalogue of targeted mutations; pdf {'on' if 'report.pdf' in fuzzing.seeds() else 'off (no pdf extra)'}")
    failures: list[fuzzing.Failure] = []
    try:
        failures = fuzzing.run(args.seed, count, on_input=seen, targeted=not args.no_catalogue)
    except TimeoutError:
        pass
    seconds = time.perf_counter() - started
    total = sum(per_format.values())
    print(f"\ntried {total} inputs in {seconds:.0f} s: " + ", ".join(f"{n} {suffix}" for suffix, n in sorted(per_format.items())))
    print("slowest: " + "; ".join(f"{name} {size / 1000:.0f} KB {s:.2f} s" for s, name, size in slowest))
    if not failures:
        print("no failures")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"\n{len(failures)} FAILURES (inputs saved in {args.out}):")
    for f in failures:
        digest = hashlib.sha256(f.data).hexdigest()[:12]
        path = args.out / f"{digest}-{f.name}"
        path.write_bytes(f.data)
        path.with_name(path.name + ".why.txt").write_text(f"{f.what}\n\n{f.detail}", encoding="utf-8")
        print(f"  {path.name}: {f.what}")
    return 1


# ----------------------------------------------------------------------------- growth


def growth(args: argparse.Namespace) -> None:
    from tests.fuzzing import nested_merges, one_line_report
    from tests.office import Paragraph, build_docx

    folder = args.out / "growth"
    folder.mkdir(parents=True, exist_ok=True)
    builders = {
        # rows of 20 figures (about 500 bytes of XML a row), each the corner of a merge covering the rest
        "xlsx, overlapping merged cells": (".xlsx", lambda size: nested_merges(max(2, size // 500), width=20)),
        "text, findings along one line": (".txt", lambda size: one_line_report(size).encode("utf-8")),
        "docx, one paragraph with findings": (".docx", lambda size: build_docx([Paragraph(line) for line in one_line_report(size).split("\n") if line])),
    }
    print("\ngrowth: `auditlint check` of one file at three sizes (wall seconds, peak RSS; ratio per 10x the input)")
    for name, (suffix, build) in builders.items():
        previous = None
        for size in (10_000, 100_000, 1_000_000):
            path = folder / f"{name.split(',')[0]}-{size}{suffix}"
            path.write_bytes(build(size))
            seconds, mb = checked_alone(path)
            ratio = f"x{seconds / previous:.1f} per 10x" if previous else ""
            print(f"  {name:36s} {size / 1000:6.0f} K ({path.stat().st_size / 1000:5.0f} KB file): {seconds:7.2f} s {mb:7.0f} MB  {ratio}", flush=True)
            previous = seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=5000, help="random inputs after the catalogue")
    parser.add_argument("--minutes", type=float, help="random inputs until this many minutes have passed")
    parser.add_argument("--no-catalogue", action="store_true", help="random inputs only")
    parser.add_argument("--growth", action="store_true", help="also time hostile inputs at 10 KB, 100 KB and 1 MB")
    parser.add_argument("--out", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "auditlint-fuzz")
    args = parser.parse_args()
    code = fuzz(args)
    if args.growth:
        growth(args)
    sys.exit(code)


if __name__ == "__main__":
    main()
