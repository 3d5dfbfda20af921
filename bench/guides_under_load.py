"""Slowness is not drift: the unchanged guides pass on a machine kept busy.

    .venv/bin/python bench/guides_under_load.py [--burners 2] [--runs 1] [GUIDE ...]

Runs ``mockplatform guides check`` once on a quiet machine (the baseline) and then ``--runs``
times while ``--burners`` processes burn a CPU core each. The burners stop by themselves after
a bounded time (and are stopped as soon as the checks are done). Prints each run's wall time,
outcome and exit code, and the ratio of the loaded time to the baseline. A run under load that
ends in anything but exit code 0 makes this script exit 1.
"""

from __future__ import annotations

import argparse
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = {0: "stämmer", 1: "stämmer inte längre", 2: "trasig guidefil", 3: "kunde inte köras"}


def burn(seconds: float) -> None:
    end = time.monotonic() + seconds
    x = 0
    while time.monotonic() < end:
        x = (x * 31 + 7) % 1_000_003


def check(guides: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mockplatform", "guides", "check", *guides],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    last = (done.stdout.strip().splitlines() or [""])[-1]
    return time.perf_counter() - start, done.returncode, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burners", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--max-burn", type=float, default=900, help="burners stop after this many s")
    parser.add_argument("guides", nargs="*")
    args = parser.parse_args()

    base, code, last = check(args.guides)
    print(f"utan last:          {base:6.1f} s  felkod {code} ({WORDS.get(code, '?')})  {last}")
    bad = 0
    for run in range(1, args.runs + 1):
        burners = [multiprocessing.Process(target=burn, args=(args.max_burn,), daemon=True)
                   for _ in range(args.burners)]
        for p in burners:
            p.start()
        try:
            seconds, code, last = check(args.guides)
        finally:
            for p in burners:
                p.terminate()
                p.join()
        bad += code != 0
        print(f"{args.burners} CPU-brännare, körning {run}: {seconds:6.1f} s  felkod {code} "
              f"({WORDS.get(code, '?')})  {last}  ×{seconds / base:.2f} mot utan last")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
