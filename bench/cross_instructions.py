"""The cross step's cost in instructions: callgrind counts a check of a sample with and without it.

    python bench/cross_instructions.py DIR [DIR ...]

For each DIR, three runs of `auditlint check --jobs 1 --format json` under callgrind (valgrind
--tool=callgrind): an empty directory (start-up), DIR with --no-cross, DIR with the step. It prints
the instructions of each and the step's share: (with − without) / (without − start-up), the
step against the check itself. Instructions do not move with the machine's load as CPU seconds do
(two runs of one command count within a few hundredths of a percent of each other), so this is the
steady figure beside bench.py --cross's timed one. PYTHONHASHSEED is fixed (set iteration order
changes the count a little otherwise); the bytecode cache is warmed by one plain run first. A run of
60 reports of 8–56 KB takes a few minutes. Needs valgrind; not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(*args: str) -> int:
    """The instructions callgrind counts in one check (all of the process, start-up included)."""
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, "-m", "auditlint", "check", "--jobs", "1", "--format", "json", *args,
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    found = COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count for {' '.join(args)}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path, help="samples to check (a few dozen reports each)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    with tempfile.TemporaryDirectory() as empty:
        subprocess.run([sys.executable, "-m", "auditlint", "check", "--format", "json", str(args.dirs[0])],
                       cwd=ROOT, capture_output=True, check=False)  # the bytecode cache, written once
        start = instructions(empty)
        print(f"start-up (an empty directory): {start:,} instructions")
        for folder in args.dirs:
            without = instructions("--no-cross", str(folder))
            with_step = instructions(str(folder))
            step, check = with_step - without, without - start
            print(f"{folder}: --no-cross {without:,}; with the step {with_step:,}; the step {step:,} "
                  f"= {step / check:.2%} of the check without start-up (x{with_step / without:.4f} of the whole run)")


if __name__ == "__main__":
    main()
