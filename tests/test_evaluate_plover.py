"""Scoring against PLOVER-style gold records, on a small file written for the test."""

from __future__ import annotations

import json

from eventwire.evaluate.plover import evaluate_plover


def _record(record_id: str, text: str, event: str, source: str, target: str) -> dict:
    return {
        "id": record_id,
        "date": "2019-03-04",
        "event": event,
        "text": text,
        "source": [{"actorText": "source", "code": source}],
        "target": [{"actorText": "target", "code": target}],
    }


def test_records_sharing_an_id_are_each_scored_on_their_own_sentence(tmp_path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([
        _record("GSR-1", "Kenya strongly condemned Uganda on Monday over the border killings.", "DISAPPROVE", "KEN", "UGA"),
        # the same id again, as a gold file may have it: its own sentence, its own countries
        _record("GSR-1", "Ghana's foreign minister summoned Togo's ambassador to complain about the raid.", "DISAPPROVE", "GHA", "TGO"),
    ]), encoding="utf-8")
    report = evaluate_plover(gold)
    assert report["records"] == 2
    assert report["source_country_accuracy"] == 1.0
    assert report["target_country_accuracy"] == 1.0
    assert report["event_type_accuracy"] == 1.0
