"""The public library API: what ``import eventwire`` offers, and one-call extraction."""

from __future__ import annotations

import datetime as dt

import eventwire


def test_all_names_exist():
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name


def test_extract_one_text():
    events = eventwire.extract(
        "Gunmen killed five villagers in Kaduna on Sunday, police said.", date="2024-05-07"
    )
    (attack,) = [e for e in events if e.acled]
    assert attack.acled.sub_event_type == "Attack"
    assert attack.event_date == dt.date(2024, 5, 5)
    assert attack.fatalities.best == 5
    assert attack.location.country_iso3 == "NGA"
    assert attack.actor2.type == "civilians"


def test_one_failing_article_does_not_stop_the_batch(monkeypatch, nlp):
    import eventwire.nlp as nlp_module

    original = nlp_module.find_claims

    def fragile(doc, quotes):
        if "poison" in doc.text:
            raise RuntimeError("boom")
        return original(doc, quotes)

    monkeypatch.setattr(nlp_module, "find_claims", fragile)
    articles = [
        eventwire.Article(id="a", text="Gunmen killed two farmers in Kaduna on Sunday.", date=dt.date(2024, 5, 7)),
        eventwire.Article(id="bad", text="A poison pill text about clashes in Kano.", date=dt.date(2024, 5, 7)),
        eventwire.Article(id="c", text="Protesters marched in Lagos on Monday.", date=dt.date(2024, 5, 7)),
    ]
    failures = []
    results = list(eventwire.run(articles, nlp=nlp, on_error=failures.append))
    assert [r.article.id for r in results] == ["a", "c"]
    assert len(failures) == 1 and failures[0].origin == "bad" and "boom" in str(failures[0])
