"""Where the time of one check goes: each stage of extraction and each rule, in milliseconds (best of N).

    python bench/stages.py                       # the benchmark's 40 KB synthetic report
    python bench/stages.py FILE [FILE …] -n 20   # any files
    python bench/stages.py FILE --profile        # and a cProfile listing of one whole check

Stages are timed by wrapping the functions extract() calls (so this follows the
pipeline as it is written); rules are timed one at a time over the finished
disclosure, in the order the engine runs them. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # the checkout's auditlint, installed or not

from synthetic import report  # noqa: E402

import auditlint.extract as extract_module  # noqa: E402
from auditlint.api import check_bytes, rules_for  # noqa: E402
from auditlint.config import Config  # noqa: E402
from auditlint.extract.statements import StatementParser  # noqa: E402
from auditlint.sources import read_bytes  # noqa: E402

STAGES = {  # name in the extract module -> stage name
    "reflow": "reflow",
    "find_figures": "figures",
    "skeleton": "skeleton",
    "find_outline": "outline",
    "find_scores": "scores",
    "build_claims": "claims",
    "read_tables": "tables",
    "find_mentions": "mentions",
    "evaluate_claims": "table verdicts",
}


def _timed(fn, name: str, spent: dict[str, float]):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - started

    return wrapper


def stage_times(name: str, data: bytes, config: Config) -> dict[str, float]:
    """Seconds per stage of one check of data."""
    spent: dict[str, float] = defaultdict(float)
    originals = {attr: getattr(extract_module, attr) for attr in STAGES}
    paragraph = StatementParser.paragraph
    try:
        for attr, stage in STAGES.items():
            setattr(extract_module, attr, _timed(originals[attr], stage, spent))
        StatementParser.paragraph = _timed(paragraph, "statements", spent)
        started = time.perf_counter()
        document = read_bytes(name, data)
        spent["read"] = time.perf_counter() - started
        started = time.perf_counter()
        disclosure = extract_module.extract(document, config.rules_dirs)
        spent["extract (all)"] = time.perf_counter() - started
    finally:
        for attr, fn in originals.items():
            setattr(extract_module, attr, fn)
        StatementParser.paragraph = paragraph
    rules_started = time.perf_counter()
    for r in rules_for(config, name):
        if r.reads != "disclosure":
            continue  # (the rules about suppression comments run on the findings: in the whole check below)
        started = time.perf_counter()
        list(r.check(disclosure, r.defaults()) if r.settings else r.check(disclosure))
        spent[f"rule {r.id}"] = time.perf_counter() - started
    spent["rules (all)"] = time.perf_counter() - rules_started
    started = time.perf_counter()
    check_bytes(name, data, config)
    spent["check_bytes (whole)"] = time.perf_counter() - started
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("-n", type=int, default=20, help="runs per file (the best is kept)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile listing of one check")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    inputs = [(p.name, p.read_bytes()) for p in args.files] or [("one-40k.txt", report(424242, 40_000).encode())]
    config = Config()
    for name, data in inputs:
        check_bytes(name, data, config)  # warm: rules loaded, patterns compiled
        best: dict[str, float] = {}
        for _ in range(args.n):
            for stage, seconds in stage_times(name, data, config).items():
                best[stage] = min(best.get(stage, seconds), seconds)
        print(f"\n{name}: {len(data) / 1024:.0f} KB, best of {args.n} (ms)")
        order = ["read", "reflow", "figures", "skeleton", "statements", "outline", "scores", "claims", "tables",
                 "mentions", "table verdicts", "extract (all)"]
        for stage in order:
            print(f"  {stage:24s} {best.get(stage, 0) * 1000:8.2f}")
        for stage, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
            if stage.startswith("rule ") and seconds >= 0.0002:
                print(f"  {stage:24s} {seconds * 1000:8.2f}")
        print(f"  {'rules (all)':24s} {best['rules (all)'] * 1000:8.2f}")
        print(f"  {'check_bytes (whole)':24s} {best['check_bytes (whole)'] * 1000:8.2f}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(5):
                check_bytes(name, data, config)
            profiler.disable()
            stats = pstats.Stats(profiler)
            stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
