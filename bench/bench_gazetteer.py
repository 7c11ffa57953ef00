"""Benchmark the offline gazetteer: build time, load time, memory and lookup speed, and the
article-level toponym resolver (eventwire.extract.places.resolve_article_toponyms).

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


def sample_articles(names: list[str], per_article: int) -> list[list[str]]:
    """Names grouped into pseudo-articles; real articles name places near each other, these
    do not, so the resolver's context scoring works over unrelated candidates (a worst case)."""
    return [names[i : i + per_article] for i in range(0, len(names) - per_article + 1, per_article)]


def articles_rate(gazetteer, articles: list[list[str]]) -> float:
    from eventwire.extract.places import resolve_article_toponyms

    start = time.perf_counter()
    for names in articles:
        resolve_article_toponyms(names, gazetteer)
    return len(articles) / (time.perf_counter() - start)


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
    parser.add_argument("--per-article", type=int, default=10, help="toponyms per pseudo-article")
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
        print(f"matches(name, limit=40) {rate(lambda n: gazetteer.matches(n, limit=40), names):,.0f} /s")
        print(f"demonym_place(name)     {rate(gazetteer.demonym_place, names):,.0f} /s")
        print(f"(over {len(names):,} names drawn from the gazetteer)")
        articles = sample_articles(names, per_article=args.per_article)
        per_second = articles_rate(gazetteer, articles)
        print(
            f"resolve_article_toponyms {per_second:,.0f} articles/s "
            f"= {per_second * args.per_article:,.0f} toponyms/s "
            f"({len(articles)} articles of {args.per_article} names)"
        )
        rss_end = peak_rss_mb()
        print(f"peak RSS at the end     {rss_end:.0f} MB")


if __name__ == "__main__":
    main()
