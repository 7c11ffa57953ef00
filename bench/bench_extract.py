"""Extraction throughput: articles per second, peak memory, and the ratio to a bare spaCy parse.

    python bench/bench_extract.py [--copies 200] [--shared ../shared]

Builds a folder of N copies of realistic reports (the seed story and the golden reports of
tests/golden), then times (1) `eventwire extract` end to end on the seed alone, as a user runs
it, including start-up; (2) the library on the folder; (3) spaCy's own pipeline on the same
texts with the same batch size. Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _sources(shared: Path) -> list[Path]:
    files = sorted((REPO / "tests" / "golden").glob("*.txt"))
    seed = shared / "corpus" / "seed_article.txt"
    return ([seed] if seed.exists() else []) + files


def _make_folder(sources: list[Path], copies: int, folder: Path) -> None:
    for i in range(copies):
        source = sources[i % len(sources)]
        shutil.copy(source, folder / f"{source.stem}-{i:04d}.txt")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    from eventwire.ingest import read_articles
    from eventwire.nlp import MODEL, build_nlp
    from eventwire.pipeline import run

    seed = args.shared / "corpus" / "seed_article.txt"
    if seed.exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "eventwire.cli", "extract", str(seed)], check=True, capture_output=True)
        print(f"eventwire extract seed (cold process, incl. model load): {time.perf_counter() - started:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _make_folder(_sources(args.shared), args.copies, folder)
        articles = list(read_articles([folder], on_problem=lambda p: None))
        nlp = build_nlp()
        list(run(articles[:2], nlp=nlp))  # warm-up: knowledge loaded, caches built

        started = time.perf_counter()
        events = sum(len(r.events) for r in run(articles, nlp=nlp, batch_size=args.batch_size))
        ours = time.perf_counter() - started
        rss = _peak_rss_mb()

        import spacy

        bare = spacy.load(MODEL)
        list(bare.pipe([a.text for a in articles[:2]]))
        started = time.perf_counter()
        for _ in bare.pipe((a.text for a in articles), batch_size=args.batch_size):
            pass
        spacy_only = time.perf_counter() - started

    n = len(articles)
    print(f"articles: {n}, events: {events}")
    print(f"eventwire: {ours:.2f} s = {n / ours:.1f} articles/s; peak RSS {rss:.0f} MB")
    print(f"bare spaCy parse ({MODEL}): {spacy_only:.2f} s = {n / spacy_only:.1f} articles/s")
    print(f"ratio eventwire / bare spaCy time: {ours / spacy_only:.2f}")


if __name__ == "__main__":
    main()
