"""Ingest throughput: articles per second into DuckDB and into PostgreSQL, and peak memory.

    python bench/bench_ingest.py [--articles 1000] [--corpus synthetic|news] [--batch-size 32]
                                 [--postgres postgresql://...]

Each measurement runs in a fresh child process (so that its peak resident memory is its own):

* ``extract``: the pipeline alone, no store -- the baseline;
* ``duckdb``: ``eventwire.store.ingest`` into a new DuckDB file;
* ``postgres``: the same into a new schema of the PostgreSQL server at ``--postgres`` (default:
  ``$EVENTWIRE_TEST_POSTGRES``; skipped when there is none -- ``source .ci/postgres.sh`` starts one).

The spaCy model is loaded and warmed up before the clock starts; the time covers reading the
articles, extraction, merging and storing (one transaction per ``--batch-size`` articles).

Corpora (every article distinct, so none is skipped as already stored):

* ``synthetic`` (default): short wire reports of made-up attacks, clashes, strikes and protests
  in real towns, each incident told by three outlets in different words -- so merging works;
* ``news``: real local news articles (longer, few conflict events), read at run time from the
  geoparsing evaluation corpora in ``../shared/gold/geoparsing`` (LGL, GWN, GeoVirus).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

TOWNS = [
    "Kaduna", "Maiduguri", "Jos", "Zamfara", "Mogadishu", "Kismayo", "Baidoa", "Beledweyne", "Goma", "Bunia",
    "Beni", "Butembo", "Gao", "Timbuktu", "Mopti", "Ouagadougou", "Djibo", "Niamey", "Tillaberi", "Khartoum",
    "El Fasher", "Nyala", "Juba", "Malakal", "Aden", "Taiz", "Marib", "Hodeidah", "Idlib", "Aleppo",
    "Deir ez-Zor", "Raqqa", "Mosul", "Kirkuk", "Ramadi", "Kandahar", "Kunduz", "Peshawar", "Quetta", "Sittwe",
]
OUTLETS = {
    "attack": [
        "Gunmen killed {n} villagers in an attack on a village near {town} on {weekday}, police said. "
        "The attackers arrived on motorcycles and set fire to several homes before fleeing, residents said.\n\n"
        "\"They shot at everyone they saw,\" a survivor told reporters by telephone.",
        "At least {n} people were killed when armed men attacked a village outside {town} on {weekday}, "
        "local officials told reporters.\n\nThe local governor condemned the attack and promised to bring "
        "those responsible to justice.",
        "Suspected militants stormed a village near {town} on {weekday}, killing {m} civilians, residents said. "
        "The army said troops had been sent to the area to hunt down the attackers.",
    ],
    "clash": [
        "Soldiers clashed with insurgents near {town} on {weekday}, leaving {n} fighters dead, a military "
        "spokesman said. The fighting lasted several hours, according to residents.",
        "Heavy fighting broke out between government troops and rebels on the outskirts of {town} on {weekday}. "
        "A security source said {m} people were killed in the clashes.",
        "The army said it repelled an assault by militants near {town} on {weekday}, killing {n} of them. "
        "The militant group said in a statement that its fighters had killed {k} soldiers.",
    ],
    "strike": [
        "An air strike hit a market in {town} on {weekday}, killing {n} people, a monitoring group said. "
        "Witnesses said the warplanes struck twice within minutes.",
        "Warplanes bombed {town} on {weekday}, killing at least {m} civilians and wounding dozens, "
        "rescue workers said.",
        "{n} people died when an air raid struck a residential area of {town} on {weekday}, "
        "local health officials said. The government denied targeting civilians.",
    ],
    "protest": [
        "Thousands of people marched through the streets of {town} on {weekday} to protest against rising "
        "food prices, chanting slogans against the government. Police said the march was peaceful.",
        "Protesters took to the streets of {town} on {weekday}, demanding the release of detained activists, "
        "witnesses said. Organisers said more demonstrations would follow.",
        "Police fired tear gas to disperse hundreds of demonstrators in {town} on {weekday}, "
        "injuring {n} people, a rights group said.",
    ],
}


BACKGROUND = [
    "The region has seen a surge in violence in recent months, with armed groups exploiting the weak presence "
    "of the state in rural areas.",
    "Humanitarian agencies say hundreds of thousands of people have been displaced by the fighting, and many "
    "rely on food aid to survive.",
    "No group immediately claimed responsibility, but officials blamed insurgents who have been active in the "
    "area for years.",
    "The United Nations called for restraint and urged all parties to protect civilians and allow aid to reach "
    "those in need.",
    "Local leaders said the security forces had been warned of the threat days earlier but had failed to act.",
    "Analysts say the violence has been fuelled by disputes over land and water, as well as the spread of "
    "weapons across the border.",
    "Communications in the area are poor, and casualty figures are often difficult to verify independently.",
    "The government has repeatedly promised to restore order, deploying additional troops to the region earlier "
    "this year.",
]
DATELINE = "{place}, {month} {day} ({outlet}) - "


def synthetic_corpus(count: int, seed: int = 20240501) -> list[dict]:
    """``count`` articles: incidents told by three outlets each, on days spread over a year."""
    rng = random.Random(seed)
    articles: list[dict] = []
    incident = 0
    while len(articles) < count:
        kind = rng.choice(sorted(OUTLETS))
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
        town = rng.choice(TOWNS)
        numbers = {"n": rng.randint(2, 40), "m": rng.randint(2, 40), "k": rng.randint(2, 60)}
        for outlet, template in enumerate(OUTLETS[kind]):
            if len(articles) == count:
                break
            published = day + dt.timedelta(days=rng.choice([0, 1, 1, 2]))
            dateline = DATELINE.format(place=town.upper(), month=published.strftime("%B"), day=published.day,
                                       outlet=f"Outlet {outlet}")
            body = template.format(town=town, weekday=day.strftime("%A"), **numbers)
            extra = rng.sample(BACKGROUND, 3)
            text = dateline + body + "\n\n" + "\n\n".join(extra) + f"\n\n(Reporting by desk {incident % 97})"
            articles.append({"id": f"syn-{incident:04d}-{outlet}", "text": text, "date": published.isoformat(),
                             "source": f"outlet-{outlet}"})
        incident += 1
    rng.shuffle(articles)
    return articles


def news_corpus(count: int, shared: Path) -> list[dict]:
    """Real news articles from the geoparsing corpora (read at run time, never copied)."""
    folder = shared / "gold" / "geoparsing"
    articles: list[dict] = []
    seen: set[str] = set()
    for name in ("lgl.xml", "GWN.xml", "GeoVirus.xml"):
        path = folder / name
        if not path.exists():
            continue
        for i, node in enumerate(ET.parse(path).getroot().iter("article")):
            text = (node.findtext("text") or "").strip()
            if not text or text in seen:
                continue
            seen.add(text)
            when = re.match(r"\d{4}-\d{2}-\d{2}", node.findtext("dltime") or "")
            articles.append({"id": f"{path.stem}-{node.get('docid') or i}", "text": text,
                             "date": when.group(0) if when else None})
            if len(articles) == count:
                return articles
    if len(articles) < count:
        raise SystemExit(f"only {len(articles)} articles in {folder}; use --corpus synthetic or fewer --articles")
    return articles


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def worker(kind: str, corpus: Path, db: str | None, batch_size: int) -> dict:
    from eventwire.ingest import read_articles
    from eventwire.nlp import build_nlp
    from eventwire.pipeline import extract, run
    from eventwire.store import ingest, open_store

    nlp = build_nlp()
    extract("Gunmen killed five villagers in Kaduna on Sunday, police said.", date="2024-05-07")  # warm-up
    store = open_store(db) if kind != "extract" else None
    started = time.perf_counter()
    if store is None:
        read = events = 0
        for result in run(read_articles([corpus], on_problem=lambda p: None), nlp=nlp):
            read += 1
            events += len(result.events)
        stats = {"articles": read, "reports": events}
    else:
        report = ingest(read_articles([corpus], on_problem=lambda p: None), store, nlp=nlp, batch_size=batch_size)
        stats = store.stats()
        stats["transactions"] = report.batches
        store.close()
    seconds = time.perf_counter() - started
    given = sum(1 for _ in open(corpus, encoding="utf-8"))
    return {"kind": kind, "seconds": seconds, "rate": given / seconds, "given": given, "peak_rss_mb": peak_rss_mb(), **stats}


def run_worker(kind: str, corpus: Path, db: str | None, batch_size: int) -> dict:
    command = [sys.executable, __file__, "--worker", kind, "--corpus-file", str(corpus), "--batch-size", str(batch_size)]
    if db:
        command += ["--db", db]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def postgres_schema_url(base: str) -> tuple[str, str]:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", choices=["synthetic", "news"], default="synthetic")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per transaction")
    parser.add_argument("--postgres", default=os.environ.get("EVENTWIRE_TEST_POSTGRES"), help="server URL")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--only", default="extract,duckdb,postgres", help="comma-separated: extract,duckdb,postgres")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--corpus-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus_file, args.db, args.batch_size)))
        return

    articles = synthetic_corpus(args.articles) if args.corpus == "synthetic" else news_corpus(args.articles, args.shared)
    words = sum(len(a["text"].split()) for a in articles) / len(articles)
    print(f"corpus: {args.corpus}, {len(articles)} articles, {words:.0f} words per article on average; "
          f"batch size {args.batch_size}; {os.cpu_count()} CPU(s)")
    results = []
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        wanted = args.only.split(",")
        if "extract" in wanted:
            results.append(run_worker("extract", corpus, None, args.batch_size))
        if "duckdb" in wanted:
            results.append(run_worker("duckdb", corpus, str(Path(tmp) / "bench.duckdb"), args.batch_size))
        if "postgres" in wanted:
            if not args.postgres:
                print("postgres: skipped (give --postgres URL or set EVENTWIRE_TEST_POSTGRES)")
            else:
                url, schema = postgres_schema_url(args.postgres)
                try:
                    results.append(run_worker("postgres", corpus, url, args.batch_size))
                finally:
                    drop_schema(args.postgres, schema)
    print(f"{'run':<9} {'articles':>8} {'stored':>7} {'seconds':>8} {'articles/s':>10} {'reports':>8} {'events':>7} "
          f"{'peak RSS MB':>11}")
    for r in results:
        stored = r["articles"] if r["kind"] != "extract" else "-"
        print(f"{r['kind']:<9} {r['given']:>8} {stored:>7} {r['seconds']:>8.1f} {r['rate']:>10.1f} {r['reports']:>8} "
              f"{r.get('events', '-'):>7} {r['peak_rss_mb']:>11.0f}")


if __name__ == "__main__":
    main()
