"""Train the sub-event classifier on ACLED notes (development data only: ../shared/gold).

    python train/train_subevent.py [--shared ../shared]

Writes three models to src/eventwire/data/models/:
  subevent-global.joblib  trained on ACLED global 2020 only (scored on Kenya)
  subevent-kenya.joblib   trained on ACLED Kenya only (scored on global 2020)
  subevent-all.joblib     trained on both: the one eventwire uses by default
Each row is read as the gold README says (notes without the [size=...] tag), run through the
rules, and the model learns from the note's words plus what the rules decided.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from pathlib import Path

import joblib
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from eventwire.classify import MODELS, rule_features
from eventwire.nlp import build_nlp
from eventwire.pipeline import run
from eventwire.schema import Article

SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$")
RULE_WORD = re.compile(r"__rule_(\S+)")
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row.get("notes") and row.get("sub_event_type")]


def examples(rows: list[dict], nlp) -> tuple[list[str], list[str]]:
    articles = [Article(id=str(i), text=SIZE_TAG.sub("", row["notes"])) for i, row in enumerate(rows)]
    decided = {}
    for result in run(articles, nlp=nlp, on_error=lambda error: None):
        coded = [e for e in result.events if e.acled]
        first = coded[0] if coded else None
        decided[result.article.id] = rule_features(
            first.acled.sub_event_type if first else None,
            first.actor1.type if first else None,
            first.actor2.type if first and first.actor2 else None,
        )
    texts = [a.text + decided.get(a.id, rule_features(None, None, None)) for a in articles]
    return texts, [row["sub_event_type"] for row in rows]


def train(texts: list[str], labels: list[str]):
    pipeline = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=60000, sublinear_tf=True),
        LogisticRegression(C=8.0, max_iter=2000, class_weight="balanced"),
    )
    return pipeline.fit(texts, labels)


def _rule_label(text: str, labels: set[str]) -> str | None:
    slug = RULE_WORD.search(text).group(1)
    return next((label for label in labels if label.lower().replace("/", "_").replace(" ", "_") == slug), None)


def choose_threshold(texts: list[str], labels: list[str]) -> float:
    """The confidence above which the model overrules the rules, chosen on a fifth of the
    training data held out from a first fit (never on the data the model is scored on)."""
    from sklearn.model_selection import train_test_split

    fit_x, held_x, fit_y, held_y = train_test_split(texts, labels, test_size=0.2, random_state=0)
    model = train(fit_x, fit_y)
    known = set(labels)
    probabilities = model.predict_proba(held_x)
    best, best_score = THRESHOLDS[0], -1.0
    for threshold in THRESHOLDS:
        hits = 0
        for text, gold, row in zip(held_x, held_y, probabilities):
            top = int(row.argmax())
            rule = _rule_label(text, known)
            choice = model.classes_[top] if row[top] >= threshold or rule is None else rule
            hits += choice == gold
        if hits / len(held_y) > best_score:
            best, best_score = threshold, hits / len(held_y)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    nlp = build_nlp()
    sets = {
        "global": read_rows(args.shared / "gold" / "acled_global_2020" / "acled.csv"),
        "kenya": read_rows(args.shared / "gold" / "acled_kenya" / "acled_data.csv"),
    }
    data = {}
    for name, rows in sets.items():
        started = time.perf_counter()
        data[name] = examples(rows, nlp)
        print(f"{name}: {len(rows)} rows read through the rules in {time.perf_counter() - started:.0f} s")
    MODELS.mkdir(parents=True, exist_ok=True)
    for name, parts in (("global", ["global"]), ("kenya", ["kenya"]), ("all", ["global", "kenya"])):
        texts = [t for part in parts for t in data[part][0]]
        labels = [label for part in parts for label in data[part][1]]
        threshold = choose_threshold(texts, labels)
        model = train(texts, labels)
        path = MODELS / f"subevent-{name}.joblib"
        joblib.dump({"pipeline": model, "threshold": threshold, "trained_on": parts}, path, compress=3)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB), trained on {parts}, threshold {threshold}")


if __name__ == "__main__":
    main()
