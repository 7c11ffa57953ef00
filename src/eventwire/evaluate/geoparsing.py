"""Toponym recognition and resolution scored on the geoparsing gold sets (LGL, GeoWebNews, GeoVirus).

    eventwire evaluate --gold ../shared/gold/geoparsing/lgl.xml
    python -m eventwire.evaluate.geoparsing ../shared/gold/geoparsing/*.xml [--limit N] [--json]

Scored as ``shared/gold/README.md`` says:

* **Resolution** over the gold toponyms given with their spans: LGL over every ``<toponym>``
  with a ``<gaztag>`` latitude and longitude, GeoWebNews over every ``<toponym>`` with a
  ``<geonamesID>``, GeoVirus over every ``<location>``. Each toponym is resolved by
  :func:`eventwire.extract.places.resolve_article_toponyms`, the logic the pipeline uses, with
  the article's other gold toponyms (proper nouns only) and its text as context; a gold
  toponym that is a demonym ("Russian") resolves to its place. Reported: accuracy within
  161 km, mean and median error in km, and the AUC of the log-error curve (Gritta et al. 2018:
  errors sorted, ``ln(1 + km) / ln(20039)``, trapezoidal area normalised to [0, 1], lower is
  better). A toponym left unresolved counts as the largest error, 20,039 km.
* Beside it, the **gazetteer ceiling** (share of those toponyms with any candidate within
  161 km, :func:`~eventwire.extract.places.toponym_candidates`), the share with any candidate
  at all ("names found"), and the **most-populous-candidate baseline**, over the same lists.
* **Recognition** end to end: the model's parse and
  :func:`~eventwire.extract.places.find_toponyms` on the raw text, matched to gold spans that
  are equal or overlap. Recall is over the toponyms scored for resolution; precision counts a
  found toponym as right when it overlaps any toponym the corpus annotates (GeoWebNews also
  annotates toponyms without a GeoNames id). Every role counts (a government, a modifier, a
  demonym are toponyms too); ``places_only`` scores :func:`~eventwire.extract.places.find_places`
  alone, the places the event stage sees. ``end_to_end`` scores the place found at each gold
  toponym as the pipeline resolved it (not found: the largest error).

Gold offsets that do not match the text (GeoVirus' are one character late) are moved to the
nearest occurrence of the toponym's text.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.resolve.gazetteer import Gazetteer, GazetteerEntry, haversine_km

ACCURACY_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of an unresolved toponym
_ALIGN_WINDOW = 40


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    latitude: float | None
    longitude: float | None
    geonames_id: int | None = None
    scored: bool = True  # in the resolution set of its corpus

    @property
    def point(self) -> tuple[float, float]:
        assert self.latitude is not None and self.longitude is not None
        return self.latitude, self.longitude


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)

    @property
    def scored(self) -> list[GoldToponym]:
        return [t for t in self.toponyms if t.scored]


# --------------------------------------------------------------------------- reading the gold


def corpus_name(path: Path) -> str:
    stem = path.stem.lower()
    if stem.startswith("lgl"):
        return "LGL"
    if stem.startswith("gwn") or "geowebnews" in stem:
        return "GWN"
    if stem.startswith("geovirus"):
        return "GeoVirus"
    return path.stem


def read_gold(path: Path) -> list[GoldArticle]:
    """The articles of an LGL, GeoWebNews or GeoVirus XML file, format detected from its tags."""
    root = ET.parse(path).getroot()
    articles: list[GoldArticle] = []
    for number, element in enumerate(root.iter("article")):
        text = element.findtext("text") or ""
        article_id = element.get("docid") or element.get("file") or str(number)
        article = GoldArticle(id=article_id, text=text)
        if element.find("locations") is not None:  # GeoVirus
            for loc in element.iter("location"):
                article.toponyms.append(
                    _aligned(text, _int(loc, "start"), _int(loc, "end"), loc.findtext("name") or "",
                             _float(loc, "lat"), _float(loc, "lon"), None, scored=True)
                )
        else:
            for top in element.iter("toponym"):
                gaztag = top.find("gaztag")
                if gaztag is not None or top.find("phrase") is not None:  # LGL
                    lat = _float(gaztag, "lat") if gaztag is not None else None
                    lon = _float(gaztag, "lon") if gaztag is not None else None
                    gid = _gid(gaztag.get("geonameid") if gaztag is not None else None)
                    name = top.findtext("phrase") or ""
                    scored = lat is not None and lon is not None
                else:  # GeoWebNews
                    lat, lon = _float(top, "latitude"), _float(top, "longitude")
                    gid = _gid(top.findtext("geonamesID"))
                    name = top.findtext("extractedName") or ""
                    scored = gid is not None and lat is not None and lon is not None
                article.toponyms.append(
                    _aligned(text, _int(top, "start"), _int(top, "end"), name, lat, lon, gid,
                             scored=scored)
                )
        article.toponyms.sort(key=lambda t: (t.start, t.end))
        articles.append(article)
    return articles


def _int(element: ET.Element, tag: str) -> int:
    return int((element.findtext(tag) or "0").strip())


def _float(element: ET.Element | None, tag: str) -> float | None:
    value = (element.findtext(tag) or "").strip() if element is not None else ""
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _gid(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def _aligned(
    text: str, start: int, end: int, name: str, lat: float | None, lon: float | None,
    gid: int | None, *, scored: bool,
) -> GoldToponym:
    """The toponym at its offsets, or at the nearest occurrence of its text if they are off."""
    if name and text[start:end] != name:
        for shift in range(1, _ALIGN_WINDOW):
            if text[start - shift : start - shift + len(name)] == name and start - shift >= 0:
                start -= shift
                break
            if text[start + shift : start + shift + len(name)] == name:
                start += shift
                break
        end = start + len(name) if text[start : start + len(name)] == name else end
    return GoldToponym(start, end, name or text[start:end], lat, lon, gid, scored)


# --------------------------------------------------------------------------- metrics


def error_metrics(errors: Sequence[float]) -> dict:
    """Accuracy within 161 km, mean and median error, and the AUC of the log-error curve."""
    if not errors:
        return {"n": 0, "accuracy_161": None, "mean_km": None, "median_km": None, "auc": None}
    ordered = sorted(errors)
    return {
        "n": len(ordered),
        "accuracy_161": round(sum(e <= ACCURACY_KM for e in ordered) / len(ordered), 4),
        "mean_km": round(statistics.fmean(ordered), 1),
        "median_km": round(statistics.median(ordered), 1),
        "auc": round(log_error_auc(ordered), 4),
    }


def log_error_auc(errors: Sequence[float]) -> float:
    """Area under the sorted ``ln(1 + km) / ln(20039)`` curve, trapezoidal, in [0, 1]."""
    scaled = [min(1.0, math.log1p(e) / math.log(MAX_ERROR_KM)) for e in sorted(errors)]
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:]))
    return area / (len(scaled) - 1)


def _error(entry: GazetteerEntry | None, gold: GoldToponym) -> float:
    if entry is None:
        return MAX_ERROR_KM
    return haversine_km((entry.latitude, entry.longitude), gold.point)


# --------------------------------------------------------------------------- scoring


def _resolution(articles: Iterable[GoldArticle], gazetteer: Gazetteer) -> dict:
    from eventwire.extract.places import resolve_article_toponyms, toponym_candidates

    errors: list[float] = []
    baseline: list[float] = []
    within = unresolved = with_candidates = 0
    for article in articles:
        scored = article.scored
        # The context is the article's proper-noun toponyms: GeoWebNews also annotates common
        # nouns ("the city", "residents"), which the pipeline would not read as places.
        toponyms = [t for t in article.toponyms if t.scored or _is_proper(t.text)]
        names = [t.text for t in toponyms]
        spans = [(t.start, t.end) for t in toponyms]
        resolved = resolve_article_toponyms(names, gazetteer, text=article.text, spans=spans)
        by_span = dict(zip(spans, resolved))
        for toponym in scored:
            entry = by_span[(toponym.start, toponym.end)]
            unresolved += entry is None
            errors.append(_error(entry, toponym))
            candidates = toponym_candidates(toponym.text, gazetteer)
            with_candidates += bool(candidates)
            if any(_error(c, toponym) <= ACCURACY_KM for c in candidates):
                within += 1
            most_populous = max(candidates, key=lambda c: c.population, default=None)
            baseline.append(_error(most_populous, toponym))
    n = len(errors)
    return {
        "toponyms": n,
        "names_found": round(with_candidates / n, 4) if n else None,
        "ceiling_161": round(within / n, 4) if n else None,
        "population_baseline": error_metrics(baseline),
        "system": error_metrics(errors),
        "unresolved": unresolved,
    }


def _is_proper(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _recognition(articles: Sequence[GoldArticle], gazetteer: Gazetteer) -> dict:
    from eventwire.extract.places import find_toponyms
    from eventwire.nlp import build_nlp

    nlp = build_nlp()
    # The model's tagger, parser and NER only: eventwire's own stages are not run here.
    disabled = [name for name in nlp.pipe_names if name.startswith("eventwire_")]
    every_role = _Tally()
    places_only = _Tally()
    end_to_end: list[float] = []  # per scored gold toponym: error of the place found there
    with nlp.select_pipes(disable=disabled):
        docs = nlp.pipe((a.text for a in articles), batch_size=16)
        for article, doc in zip(articles, docs):
            mentions = find_toponyms(doc, gazetteer)
            every = [(t.start, t.end) for t in article.toponyms]
            scored = [(t.start, t.end) for t in article.scored]
            found = [_char_span(doc, m) for m in mentions]
            every_role.add(found, scored, every)
            places_only.add(
                [span for span, m in zip(found, mentions) if m.role == "place"], scored, every
            )
            for toponym in article.scored:
                hits = [m for m, span in zip(mentions, found) if _overlaps(span, (toponym.start, toponym.end))]
                end_to_end.append(_error(hits[0].entry if hits else None, toponym))
    return {
        **every_role.report(),
        "places_only": places_only.report(),
        # Found from raw text and resolved by the pipeline alone (its own toponyms as context);
        # a gold toponym not found counts as unresolved.
        "end_to_end": error_metrics(end_to_end),
    }


def _char_span(doc, mention) -> tuple[int, int]:
    last = doc[mention.end - 1]
    return doc[mention.start].idx, last.idx + len(last)


@dataclass(slots=True)
class _Tally:
    found: int = 0
    correct: int = 0
    gold: int = 0
    gold_found: int = 0

    def add(self, predicted: list[tuple[int, int]], scored: list[tuple[int, int]],
            every: list[tuple[int, int]]) -> None:
        self.found += len(predicted)
        self.correct += sum(any(_overlaps(p, g) for g in every) for p in predicted)
        self.gold += len(scored)
        self.gold_found += sum(any(_overlaps(g, p) for p in predicted) for g in scored)

    def report(self) -> dict:
        precision = self.correct / self.found if self.found else 0.0
        recall = self.gold_found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "gold": self.gold,
            "found": self.found,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }


def evaluate_geoparsing(
    path: Path, *, limit: int | None = None, recognition: bool = True
) -> dict:
    """Score toponym resolution (and recognition, end to end) on one geoparsing gold file."""
    from eventwire.resolve.gazetteer import load_gazetteer

    path = Path(path)
    articles = read_gold(path)
    if limit is not None:
        articles = articles[:limit]
    gazetteer = load_gazetteer()
    started = time.perf_counter()
    report: dict = {
        "format": "geoparsing",
        "gold": str(path),
        "corpus": corpus_name(path),
        "articles": len(articles),
        "resolution": _resolution(articles, gazetteer),
    }
    report["resolution_seconds"] = round(time.perf_counter() - started, 2)
    if recognition:
        started = time.perf_counter()
        report["recognition"] = _recognition(articles, gazetteer)
        report["recognition_seconds"] = round(time.perf_counter() - started, 2)
    return report


def format_report(report: dict) -> str:
    """A few lines for people: the numbers of :func:`evaluate_geoparsing`."""
    res = report["resolution"]
    system, base = res["system"], res["population_baseline"]
    lines = [
        f"{report['corpus']}: {report['articles']} articles, {res['toponyms']} gold toponyms",
        f"  gazetteer ceiling (a candidate within 161 km)  {res['ceiling_161']:.3f}"
        f"   names found {res['names_found']:.3f}",
        f"  most-populous baseline  acc@161 {base['accuracy_161']:.3f}  mean {base['mean_km']:.0f} km"
        f"  median {base['median_km']:.0f} km  AUC {base['auc']:.3f}",
        f"  eventwire               acc@161 {system['accuracy_161']:.3f}  mean {system['mean_km']:.0f} km"
        f"  median {system['median_km']:.0f} km  AUC {system['auc']:.3f}  ({res['unresolved']} unresolved)",
    ]
    rec = report.get("recognition")
    if rec:
        e2e = rec["end_to_end"]
        lines += [
            f"  recognition (all toponyms)  P {rec['precision']:.3f}  R {rec['recall']:.3f}"
            f"  F1 {rec['f1']:.3f}",
            f"  recognition (event places)  P {rec['places_only']['precision']:.3f}"
            f"  R {rec['places_only']['recall']:.3f}",
            f"  end to end (found and resolved)  acc@161 {e2e['accuracy_161']:.3f}"
            f"  median {e2e['median_km']:.0f} km  AUC {e2e['auc']:.3f}",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m eventwire.evaluate.geoparsing GOLD.xml [...] [--limit N] [--json]``."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--no-recognition", action="store_true", help="resolution only (fast)")
    parser.add_argument("--json", action="store_true", help="print the full reports as JSON")
    args = parser.parse_args(argv)
    for path in args.gold:
        report = evaluate_geoparsing(path, limit=args.limit, recognition=not args.no_recognition)
        print(json.dumps(report, indent=2) if args.json else format_report(report))


if __name__ == "__main__":
    main()
