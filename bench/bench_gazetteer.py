"""Benchmark the offline gazetteer: build time, load time, memory and lookup speed.

    python bench/bench_gazetteer.py [--cache-dir DIR] [--names N]

The index is built in a child process into a fresh cache folder (or DIR), so the peak resident
memory reported here is that of a process that only loaded the cached index.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build_in_child(cache_dir: Path) -> float:
    code = (
        "import sys, time; from pathlib import Path;"
        "from eventwire.resolve.gazetteer import Gazetteer;"
        "t = time.perf_counter(); Gazetteer.load(cache_dir=Path(sys.argv[1]));"
        "print(time.perf_counter() - t)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(cache_dir)], check=True, capture_output=True, text=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def sample_names(gazetteer, count: int) -> list[str]:
    names = gazetteer._index.names  # a benchmark may peek: names drawn from the index itself
    rng = random.Random(20240501)
    return [names[rng.randrange(len(names))] for _ in range(count)]


def rate(function, names: list[str], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for name in names:
            function(name)
        best = min(best, time.perf_counter() - start)
    return len(names) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cache-dir", type=Path, help="reuse this cache folder (no rebuild if present)"
    )
    parser.add_argument("--names", type=int, default=5000, help="lookup sample size")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventwire-gaz-bench-") as scratch:
        cache_dir = args.cache_dir or Path(scratch)
        from eventwire.resolve.gazetteer import cache_path

        existed = cache_path(cache_dir).exists()
        build_s = build_in_child(cache_dir)
        rss_before = peak_rss_mb()  # includes the eventwire import above

        from eventwire.resolve.gazetteer import Gazetteer, normalise_toponym

        start = time.perf_counter()
        gazetteer = Gazetteer.load(cache_dir=cache_dir)
        load_s = time.perf_counter() - start
        rss_after = peak_rss_mb()
        size_mb = cache_path(cache_dir).stat().st_size / 1e6

        names = sample_names(gazetteer, args.names)
        print(f"entries                 {len(gazetteer):,}")
        label = "index load (child, cached)" if existed else "index build (child)    "
        print(f"{label} {build_s:.1f} s")
        print(f"cache file              {size_mb:.1f} MB")
        print(f"load from cache         {load_s:.3f} s")
        print(f"peak RSS after load     {rss_after:.0f} MB (before load {rss_before:.0f} MB)")
        print(f"normalise_toponym       {rate(normalise_toponym, names):,.0f} /s")
        print(f"'name in gazetteer'     {rate(gazetteer.__contains__, names):,.0f} /s")
        print(f"candidates(name)        {rate(gazetteer.candidates, names):,.0f} /s")
        print(f"best(name)              {rate(gazetteer.best, names):,.0f} /s")
        in_usa = rate(lambda n: gazetteer.best(n, countries=["USA"]), names)
        print(f"best(name, countries)   {in_usa:,.0f} /s")
        print(f"(over {len(names):,} names drawn from the gazetteer)")


if __name__ == "__main__":
    main()
