"""auditlint benchmark: builds a synthetic archive and measures speed, memory and start-up against the targets.

    python bench/bench.py            # the full run: archives of 100, 1,000 and 10,000 reports (about 10 minutes)
    python bench/bench.py --quick    # 100 and 1,000 reports only
    python bench/bench.py --cross    # only what holding reports against each other costs (10,000 reports, twice)

Every figure is also given as a ratio to a reference measured in the same run on the
same files — a bare read-and-regex pass, or a bare `python -c pass` for start-up — so
that results from a busy or a quiet machine can be compared. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # the checkout's auditlint, installed or not

from synthetic import FILLER, report  # noqa: E402

NUMBER = re.compile(r"\d[\d,，]*(?:\.\d+)?\s*(?:万元|元|%)?")
HOSTILE = {
    "digits and commas": "1234567,890,12,3456,7,",
    "percent signs": "%",
    "fullwidth commas between digits": "1，2，3，",
    "其中： repeated": "其中：",
    "nested brackets": "（（（（[[[[((((",
    "changes without end": "增加1元，",
    "unclosed comments": "<!--",
    "place names": "市" * 60 + "1元",
}


# ----------------------------------------------------------------------------- archive


def build_archive(root: Path, count: int) -> list[Path]:
    """count reports of 8-56 KB (a spread like the published ones), 100 to a folder; reused when present."""
    rnd = random.Random(2024)
    sizes = [rnd.randint(8_000, 56_000) for _ in range(count)]
    paths = []
    for i, size in enumerate(sizes):
        path = root / f"part{i // 100:03d}" / f"r{i:05d}.txt"
        paths.append(path)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(report(i, size), encoding="utf-8")
    return paths


def folders(paths: list[Path]) -> list[str]:
    return sorted({str(p.parent) for p in paths})


def build_series(root: Path, count: int) -> list[Path]:
    """count reports of one body after another: a 决算 and a 部门预算 each year for three years, consistent
    with each other (tests/archive.py) and padded with narrative to 8-56 KB, so that every report has
    others of its body to be held to; reused when present."""
    from tests.archive import archive

    rnd = random.Random(2025)
    paths: list[Path] = []
    made = archive(2025, bodies=-(-count // 6), first=2022, last=2024)
    for i, (name, text) in enumerate(sorted(made.files.items())[:count]):
        path = root / f"part{i // 600:03d}" / name.replace("/", "-")
        paths.append(path)
        if not path.exists():
            size = rnd.randint(8_000, 56_000)
            narrative = []
            while len(text.encode()) + sum(len(x.encode()) for x in narrative) < size:
                narrative.append("".join(rnd.choice(FILLER) for _ in range(3)))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text + "\n".join(narrative) + "\n", encoding="utf-8")
    return paths


def cross_cost(out: Report, name: str, paths: list[Path], jobs: int, repeat: int, dir: Path) -> None:
    """The same archive checked with and without the step that holds reports against each other, in pairs.

    Each pair is a run with --no-cross and one with the step, back to back, in ABBA order (the first pair
    starts without the step, the second with it, …), so neither side always runs first, warmer or later in
    a drift of the machine's load. The headline is the median of the pairs' ratios: two runs next to each
    other share the machine's state, and a burst of other work spoils one pair, not the figure. The ratio
    of the two modes' medians is printed beside it, and every pair with the load average at each run's start."""
    pairs: list[dict[str, dict]] = []
    for k in range(repeat):
        pair: dict[str, dict] = {}
        for mode in ("no-cross", "cross") if k % 2 == 0 else ("cross", "no-cross"):
            extra = ["--no-cross"] if mode == "no-cross" else []
            load = os.getloadavg()[0]
            r = run_cli(["check", "--format", "json", "--isolated", "--jobs", str(jobs), *extra, *folders(paths)], dir / f"out-{mode}.json")
            r["load"] = load
            pair[mode] = r
            print(f"  (pair {k + 1}, {mode}: {r['seconds']:.1f} s wall, {r['cpu_seconds']:.1f} cpu-s, {r['rss_mb']:.0f} MB, "
                  f"load average {load:.2f} at its start)", flush=True)
        pairs.append(pair)
    report_json = json.loads((dir / "out-cross.json").read_text(encoding="utf-8"))
    cross = report_json.get("cross", {})
    ratios = [p["cross"]["cpu_seconds"] / p["no-cross"]["cpu_seconds"] for p in pairs]
    walls = [p["cross"]["seconds"] / p["no-cross"]["seconds"] for p in pairs]
    added = [p["cross"]["rss_mb"] - p["no-cross"]["rss_mb"] for p in pairs]

    print(f"\n{name}: {len(paths)} reports, --jobs {jobs}, {repeat} pairs in ABBA order; "
          f"{cross.get('bodies', 0)} bodies with several reports, {cross.get('compared', 0)} figures compared, "
          f"{len(cross.get('findings', []))} findings between reports")
    print("  CPU with the step / without, pair by pair: " + ", ".join(f"x{r:.3f}" for r in ratios))
    cpu, no_cpu = median([p["cross"]["cpu_seconds"] for p in pairs]), median([p["no-cross"]["cpu_seconds"] for p in pairs])
    out.add(f"{name}: CPU, with the cross step (median of pairs)", median(ratios), "x", "<= 1.05x", median(ratios) <= 1.05,
            f"pairs {', '.join(f'x{r:.3f}' for r in ratios)}; ratio of medians x{cpu / no_cpu:.3f} ({no_cpu:.1f} cpu-s)")
    out.add(f"{name}: wall, with the cross step (median of pairs)", median(walls), "x", "<= 1.05x", median(walls) <= 1.05,
            f"pairs {', '.join(f'x{r:.3f}' for r in walls)}")
    out.add(f"{name}: peak RSS, whole tree, added (median of pairs)", median(added), "MB", "<= 50 MB", median(added) <= 50,
            f"pairs {', '.join(f'{a:+.0f}' for a in added)} MB")


def median(values: list[float]) -> float:
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def cross_only(out: Report, paths: list[Path], args, cores: int) -> None:
    """--cross: the step's cost on the benchmark's archive and on a series of bodies' 决算 and 预算."""
    series = build_series(args.dir / "series", 10_000)
    print(f"series: {len(series)} reports built or reused")
    cross_cost(out, "archive of 10,000 (64 bodies, many versions of each)", paths[:10_000], cores, args.repeat, args.dir)
    cross_cost(out, "series of 10,000 (1,667 bodies, 决算 and 预算 of 3 years each)", series, cores, args.repeat, args.dir)
    _finish(out, args, cores)


# ----------------------------------------------------------------------------- measuring


def tree_rss(pid: int) -> tuple[int, int]:
    """(sum of RSS, largest peak RSS) in KB over a process and its descendants, from /proc."""
    total = peak = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        total += int(fields.get("VmRSS", "0 kB").split()[0])
        peak = max(peak, int(fields.get("VmHWM", "0 kB").split()[0]))
    return total, peak


# auditlint runs here as it does once installed: with its bytecode cached. A checkout under
# PYTHONDONTWRITEBYTECODE=1 would compile every module again in every process (~0.1 s each start).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_cli(args: list[str], out: Path | None = None) -> dict:
    """Run auditlint, sampling the memory of its process tree; wall and CPU seconds, peak RSS, output hash."""
    sink = open(out, "wb") if out else subprocess.DEVNULL
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "auditlint", *args], stdout=sink, stderr=subprocess.DEVNULL, env=CHILD_ENV
    )
    peak_sum = peak_one = 0
    while proc.poll() is None:
        total, one = tree_rss(proc.pid)
        peak_sum, peak_one = max(peak_sum, total), max(peak_one, one)
        time.sleep(0.05)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers' time too: the command waits for them
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out:
        sink.close()
    digest = hashlib.sha256(out.read_bytes()).hexdigest() if out else None
    return {"seconds": wall, "cpu_seconds": cpu, "rss_mb": peak_sum / 1024, "largest_process_mb": peak_one / 1024, "exit": proc.returncode, "sha256": digest}


def reference_pass(paths: list[Path]) -> float:
    """Seconds for a bare read, decode and number regex over the files, in one process (best of 3)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for p in paths:
            NUMBER.findall(p.read_bytes().decode("utf-8"))
        best = min(best, time.perf_counter() - started)
    return best


def best_wall(cmd: list[str], n: int = 10) -> float:
    best = float("inf")
    for _ in range(n):
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV)
        best = min(best, time.perf_counter() - started)
    return best


def best_call(fn, n: int = 20) -> float:
    best = float("inf")
    for _ in range(n):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


# ----------------------------------------------------------------------------- the run


class Report:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, name: str, value: float, unit: str, target: str = "", ok: bool | None = None, ratio: str = "") -> None:
        row = {"figure": name, "value": round(value, 4), "unit": unit, "target": target, "met": ok, "ratio": ratio}
        self.rows.append(row)
        mark = "" if ok is None else ("ok" if ok else "MISSED")
        print(f"  {name:58s} {value:10.3f} {unit:8s} {target:14s} {mark:7s} {ratio}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="archives of 100 and 1,000 reports only")
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "auditlint-bench")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--cross", action="store_true", help="only the cost of the cross step (10,000 reports: the archive and a series)")
    parser.add_argument("--repeat", type=int, default=2, help="pairs of runs (without and with the step, in ABBA order) for --cross")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    sizes = [100, 1000] if args.quick else [100, 1000, 10000]
    args.dir.mkdir(parents=True, exist_ok=True)
    out = Report()
    print(f"auditlint benchmark — {cores} cores, python {sys.version.split()[0]}, archive in {args.dir}, "
          f"load average {os.getloadavg()[0]:.2f} (other work on the machine slows wall-clock figures)")

    started = time.perf_counter()
    paths = build_archive(args.dir / "archive", max(sizes))
    print(f"archive: {len(paths)} reports built or reused in {time.perf_counter() - started:.0f} s")
    if args.cross:
        cross_only(out, paths, args, cores)
        return
    sets = {n: paths[:n] for n in sizes}
    megabytes = {n: sum(p.stat().st_size for p in ps) / 1e6 for n, ps in sets.items()}

    # --- one report, once started
    from auditlint.api import check_bytes
    from auditlint.config import Config

    one = args.dir / "one-40k.txt"
    one.write_text(report(424242, 40_000), encoding="utf-8")
    data = one.read_bytes()
    config = Config()
    check_bytes(one.name, data, config)
    warm = best_call(lambda: check_bytes(one.name, data, config))
    ref_one = best_call(lambda: NUMBER.findall(data.decode("utf-8")))
    print(f"\none {len(data) / 1024:.0f} KB report, in process")
    out.add("checking time once started", warm * 1000, "ms", "<= 20 ms", warm <= 0.020, f"x{warm / ref_one:.0f} a read+regex pass")
    out.add("throughput, in process", len(data) / warm / 1e6, "MB/s", ">= 2 MB/s", len(data) / warm / 1e6 >= 2)

    # --- start-up
    python = best_wall([sys.executable, "-c", "pass"])
    version = best_wall([sys.executable, "-m", "auditlint", "--version"])
    cold = best_wall([sys.executable, "-m", "auditlint", "check", "--isolated", str(one)])
    print("\nstart-up (best of 10, wall)")
    out.add("auditlint --version", version, "s", "", None, f"x{version / python:.1f} python -c pass")
    out.add("auditlint check one-40k.txt, cold process", cold, "s", "<= 0.35 s", cold <= 0.35, f"x{cold / python:.1f} python -c pass")

    # --- archives
    ref_mbps = megabytes[sizes[1]] / reference_pass(sets[sizes[1]])
    print(f"\nreference: read + decode + number regex, one process: {ref_mbps:.1f} MB/s")
    cost: dict[int, float] = {}
    runs: dict[tuple[int, int], dict] = {}
    for n in sizes:
        mb = megabytes[n]
        print(f"\n{n} reports, {mb:.1f} MB (mean {mb / n * 1000:.1f} KB)")
        for jobs in sorted({1, cores}):
            if n == max(sizes) and jobs == 1 and n > 1000:
                continue  # measured below, for the comparison of findings
            r = run_cli(["check", "--format", "json", "--isolated", "--jobs", str(jobs), *folders(sets[n])],
                        args.dir / f"out-{n}-{jobs}.json")
            runs[(n, jobs)] = r
            mbps = mb / r["seconds"]
            per_core = mbps / jobs
            out.add(f"--jobs {jobs}: wall", r["seconds"], "s")
            out.add(f"--jobs {jobs}: throughput", mbps, "MB/s", ">= 2 MB/s/core", per_core >= 2,
                    f"{per_core / ref_mbps:.3f} of read+regex per core")
            out.add(f"--jobs {jobs}: throughput per CPU-second", mb / r["cpu_seconds"], "MB/cpu-s", ">= 2", mb / r["cpu_seconds"] >= 2,
                    "what a core does when it is not shared")
            out.add(f"--jobs {jobs}: reports per second", n / r["seconds"], "rep/s")
            out.add(f"--jobs {jobs}: peak RSS, whole process tree", r["rss_mb"], "MB", "<= 300 MB" if n >= 10000 else "",
                    r["rss_mb"] <= 300 if n >= 10000 else None, f"largest process {r['largest_process_mb']:.0f} MB")
            if jobs == cores:
                cost[n] = r["seconds"] / n
        if n >= 10000:
            out.add(f"--jobs {cores}: 10,000 reports wall", runs[(n, cores)]["seconds"], "s", "<= 90 s", runs[(n, cores)]["seconds"] <= 90)
            serial = run_cli(["check", "--format", "json", "--isolated", "--jobs", "1", *folders(sets[n])], args.dir / f"out-{n}-1.json")
            runs[(n, 1)] = serial
            out.add("--jobs 1: wall", serial["seconds"], "s", "", None, f"x{serial['seconds'] / runs[(n, cores)]['seconds']:.2f} --jobs {cores}")
            out.add("--jobs 1: peak RSS, whole process tree", serial["rss_mb"], "MB")
        if (n, 1) in runs and (n, cores) in runs:
            same = runs[(n, 1)]["sha256"] == runs[(n, cores)]["sha256"]
            out.add(f"same report with --jobs 1 and --jobs {cores}", float(same), "bool", "identical", same)
    print(f"\ncost per report as the archive grows (--jobs {cores})")
    for n in sizes:
        out.add(f"{n} reports", cost[n] * 1000, "ms/rep", "flat", None, f"x{cost[n] / cost[sizes[0]]:.2f} the {sizes[0]}-report run")
    flat = cost[max(sizes)] / cost[sizes[1]]
    out.add(f"growth from {sizes[1]} to {max(sizes)} reports", flat, "ratio", "<= 1.2", flat <= 1.2)

    # --- hostile text
    normal = "".join(report(900 + i, 40_000) for i in range(26)).encode()[:1_000_000]
    normal = normal.decode("utf-8", errors="ignore").encode()
    base = best_call(lambda: check_bytes("normal.txt", normal, config), 3)
    print(f"\nhostile text, 1 MB each, against a normal 1 MB report ({base:.2f} s)")
    for name, unit in HOSTILE.items():
        text = (unit * (1_000_000 // len(unit.encode()) + 1)).encode()[:1_000_000].decode("utf-8", errors="ignore").encode()
        seconds = best_call(lambda: check_bytes("hostile.txt", text, config), 1)
        out.add(name, seconds, "s", "<= 20x normal", seconds <= 20 * base, f"x{seconds / base:.2f} normal")

    # --- PDF, when the extra can read it
    from auditlint.sources import SUPPORTED_SUFFIXES

    pdfs = sorted(Path(os.environ.get("AUDITLINT_CORPUS", HERE.parent.parent / "shared" / "corpus")).glob("pdf/*.pdf"))
    if ".pdf" in SUPPORTED_SUFFIXES and pdfs:
        from auditlint.sources import read_path

        pages = sum(len(read_path(p).page_starts) for p in pdfs)
        seconds = best_call(lambda: [check_bytes(p.name, p.read_bytes(), config) for p in pdfs], 3)
        out.add("PDF pages per second", pages / seconds, "pages/s")
    else:
        print("\nPDF: not measured (no PDF reader installed, or no PDFs in the corpus)")

    _finish(out, args, cores)


def _finish(out: Report, args, cores: int) -> None:
    missed = [r["figure"] for r in out.rows if r["met"] is False]
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    print("targets missed: " + (", ".join(missed) if missed else "none"))
    if args.json:
        args.json.write_text(json.dumps({"cores": cores, "figures": out.rows}, ensure_ascii=False, indent=2), encoding="utf-8")
    for path in args.dir.glob("out-*.json"):
        path.unlink()


if __name__ == "__main__":
    main()
