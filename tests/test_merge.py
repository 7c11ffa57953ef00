"""Merging reports across articles: the rules (examples) and the algebra (hypothesis properties).

The hand-made reports below are shared with test_store.py and test_exports.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.merge import Cluster, cluster, merge_all, merge_events, merge_into, same_event
from eventwire.schema import AcledClass, Actor, Count, CountClaim, Event, Evidence, Place, PloverClass, Statement

from .conftest import SCHEMA, require

PLACES = {
    # Two towns about 8 km apart, one 150 km away in the same province, the province itself,
    # the whole country, and a town across the border.
    "qaim": Place(name="Al Qa'im", admin1="Anbar", country_iso3="IRQ", latitude=34.3925, longitude=40.9895,
                  geonames_id=92138, precision=2),
    "husaybah": Place(name="Husaybah", admin1="Anbar", country_iso3="IRQ", latitude=34.4261, longitude=40.9136,
                      geonames_id=95788, precision=1),
    "haditha": Place(name="Haditha", admin1="Anbar", country_iso3="IRQ", latitude=34.1398, longitude=42.3785,
                     geonames_id=96994, precision=1),
    "anbar": Place(name="Anbar", admin1="Anbar", country_iso3="IRQ", latitude=32.5, longitude=42.0,
                   geonames_id=99592, precision=3),
    "iraq": Place(name="Iraq", admin1=None, country_iso3="IRQ", latitude=33.0, longitude=44.0,
                  geonames_id=99237, precision=3),
    "abukamal": Place(name="Albu Kamal", admin1="Deir ez-Zor", country_iso3="SYR", latitude=34.4523,
                      longitude=40.9185, geonames_id=174448, precision=1),
}

ACTORS = {
    "us": Actor(name="Military Forces of the United States", type="external_forces", country_iso3="USA"),
    "us_gov": Actor(name="Government of the United States", type="government", country_iso3="USA"),
    "pmf": Actor(name="Popular Mobilization Forces", type="political_militia", country_iso3="IRQ", backer_iso3="IRN"),
    "kh": Actor(name="Kataeb Hezbollah", type="political_militia", country_iso3="IRQ", backer_iso3="IRN"),
    "uag": Actor(name="Unidentified Armed Group (Iraq)", type="political_militia", country_iso3="IRQ"),
    "iraq_gov": Actor(name="Government of Iraq", type="government", country_iso3="IRQ"),
    "iraq_mil": Actor(name="Military Forces of Iraq", type="state_forces", country_iso3="IRQ"),
}

STRIKE = AcledClass(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", interaction="38")
SHELLING = AcledClass(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                      interaction="38")
CLASH = AcledClass(event_type="Battles", sub_event_type="Armed clash", interaction="13")
ASSAULT = PloverClass(event_type="ASSAULT", mode="aerial")
ACCUSE = PloverClass(event_type="ACCUSE")


def claim(article: str, count: int, start: int, *, source: str | None = None, qualifier: str = "exact") -> CountClaim:
    return CountClaim(count=count, qualifier=qualifier, source=source, article_id=article, start=start,
                      end=start + len(str(count)))


def counted(claims: list[CountClaim]) -> Count:
    if not claims:
        return Count()
    numbers = [c.count for c in claims]
    return Count(low=min(numbers), best=min(numbers), high=max(numbers), claims=claims)


def report(
    article: str,
    n: int = 0,
    *,
    date: dt.date | None = dt.date(2021, 6, 27),
    precision: str = "day",
    place: str | None = "qaim",
    actor1: str = "us",
    actor2: str | None = "pmf",
    acled: AcledClass | None = STRIKE,
    plover: PloverClass | None = ASSAULT,
    killed: list[tuple[int, str | None]] = (),
    injured: list[tuple[int, str | None]] = (),
    confidence: float = 0.8,
    trigger: str = "strikes",
    statement: Statement | None = None,
) -> Event:
    """One article's report of an event; the id is derived from (article, n) like the pipeline's."""
    event_id = "ew-" + hashlib.sha1(f"{article}|{n}".encode()).hexdigest()[:16]
    kill_claims = [claim(article, c, 100 + 10 * i, source=s) for i, (c, s) in enumerate(killed)]
    hurt_claims = [claim(article, c, 200 + 10 * i, source=s, qualifier="at_least") for i, (c, s) in enumerate(injured)]
    evidence = [Evidence(article_id=article, field="trigger", start=10 + n, end=17 + n, text=trigger)]
    evidence += [Evidence(article_id=article, field="fatalities", start=c.start, end=c.end, text=str(c.count))
                 for c in kill_claims]
    return Event(
        event_id=event_id,
        article_ids=[article],
        event_date=date,
        date_precision=precision if date else "unknown",
        acled=acled,
        plover=plover,
        cameo_root="19" if plover and plover.event_type == "ASSAULT" else "11",
        actor1=ACTORS[actor1],
        actor2=ACTORS[actor2] if actor2 else None,
        location=PLACES[place] if place else None,
        fatalities=counted(kill_claims),
        injuries=counted(hurt_claims),
        statement=statement,
        evidence=evidence,
        confidence=confidence,
        trigger=trigger,
    )


# == the rules, by example ==========================================================================


def test_same_place_same_day_same_actors_is_one_event():
    assert same_event(report("a"), report("b"))


def test_dates_a_day_apart_match_two_days_do_not():
    assert same_event(report("a"), report("b", date=dt.date(2021, 6, 28)))
    assert not same_event(report("a"), report("b", date=dt.date(2021, 6, 29)))


def test_undated_reports_never_merge():
    assert not same_event(report("a", date=None), report("b", date=None))


def test_places_within_25_km_match_farther_do_not():
    assert same_event(report("a", place="qaim"), report("b", place="husaybah"))  # about 8 km
    assert not same_event(report("a", place="husaybah"), report("b", place="haditha"))  # about 130 km


def test_a_region_holds_the_places_in_it_a_country_too():
    assert same_event(report("a", place="anbar"), report("b", place="haditha"))
    assert same_event(report("a", place="iraq"), report("b", place="qaim"))
    assert not same_event(report("a", place="iraq"), report("b", place="abukamal"))  # another country


def test_event_types_must_be_compatible():
    assert same_event(report("a", acled=STRIKE), report("b", acled=SHELLING))  # same ACLED event type
    assert not same_event(report("a", acled=STRIKE), report("b", acled=CLASH))
    assert not same_event(report("a"), report("b", acled=None, plover=ACCUSE))


def test_different_named_actors_do_not_match():
    assert not same_event(report("a", actor2="pmf"), report("b", actor2="kh"))


def test_generic_or_missing_actors_match_anything():
    assert same_event(report("a", actor2="pmf"), report("b", actor2="uag"))
    assert same_event(report("a", actor2="pmf"), report("b", actor2=None))


def test_state_organs_of_one_country_are_one_side():
    assert same_event(report("a", actor1="us"), report("b", actor1="us_gov"))


def test_roles_told_from_the_other_side_match_on_a_shared_named_actor():
    # "US strikes killed four of its fighters, the Hashed said": actor1 the Hashed, no actor2.
    assert same_event(report("a", actor1="us", actor2="pmf"), report("b", actor1="pmf", actor2=None))
    # ... but two different actors with nothing else in common do not.
    assert not same_event(report("a", actor1="us", actor2=None), report("b", actor1="pmf", actor2=None))


def test_statements_without_a_place_need_the_same_speaker():
    a = report("a", acled=None, plover=ACCUSE, place=None, actor1="iraq_gov", actor2="us")
    b = report("b", acled=None, plover=ACCUSE, place=None, actor1="iraq_gov", actor2=None)
    c = report("c", acled=None, plover=ACCUSE, place=None, actor1="us_gov", actor2=None)
    assert same_event(a, b)
    assert not same_event(a, c)


def test_merge_keeps_every_claim_and_reconciles_counts_without_adding():
    a = report("a", killed=[(4, "Hashed al-Shaabi")])
    b = report("b", killed=[(4, "Popular Mobilisation Forces"), (7, None)])
    merged = merge_events(a, b)
    assert merged.article_ids == ["a", "b"]
    assert len(merged.fatalities.claims) == 3
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (4, 4, 7)
    assert {e.article_id for e in merged.evidence} == {"a", "b"}


def test_merged_event_takes_the_smallest_id_the_most_precise_place_and_date():
    a = report("a", place="iraq", date=dt.date(2021, 6, 28), precision="week")
    b = report("b", place="qaim", date=dt.date(2021, 6, 27))
    merged = merge_events(a, b)
    assert merged.event_id == min(a.event_id, b.event_id)
    assert merged.location == PLACES["qaim"]
    assert (merged.event_date, merged.date_precision) == (dt.date(2021, 6, 27), "day")


def test_who_did_what_comes_from_one_report():
    a = report("a", actor1="pmf", actor2=None)  # told from the target's side
    b = report("b", actor1="us", actor2="pmf")  # names both
    merged = merge_events(a, b)
    assert (merged.actor1, merged.actor2) == (b.actor1, b.actor2)


def test_identical_claims_and_evidence_are_kept_once():
    a = report("a", killed=[(4, None)])
    assert merge_events(a, a).fatalities.claims == a.fatalities.claims
    assert merge_events(a, a).evidence == sorted(a.evidence, key=lambda e: (e.article_id, e.start, e.end, e.field))


def test_cluster_links_a_chain_of_reports():
    # b is near a (8 km) and inside c's region; a and c are then one event with b.
    reports = [report("a", place="husaybah"), report("b", place="qaim"), report("c", place="anbar")]
    (only,) = cluster(reports)
    assert only.event.article_ids == ["a", "b", "c"]
    assert only.member_ids == tuple(sorted(r.event_id for r in reports))


def test_merge_into_joins_a_new_report_to_a_stored_event():
    yesterday = cluster([report("a"), report("b")])
    result = merge_into(yesterday, [report("c", date=dt.date(2021, 6, 28))])
    (event,) = result.events
    assert event.article_ids == ["a", "b", "c"]
    assert result.changed == [event.event_id]


def test_merged_events_follow_the_contract():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(require(SCHEMA).read_text(encoding="utf-8"))
    merged = merge_all([report("a", killed=[(4, "x")], injured=[(6, None)]), report("b", place="iraq")])
    jsonschema.validate(merged.to_json_dict(), schema)


# == the algebra, by hypothesis ======================================================================
_KINDS = [(STRIKE, ASSAULT), (SHELLING, ASSAULT), (CLASH, ASSAULT), (None, ACCUSE)]


@st.composite
def reports(draw, articles=("a1", "a2", "a3", "a4", "a5")):
    acled, plover = draw(st.sampled_from(_KINDS))
    return report(
        draw(st.sampled_from(articles)),
        draw(st.integers(0, 3)),
        date=dt.date(2021, 6, 26) + dt.timedelta(days=draw(st.integers(0, 3))),
        precision=draw(st.sampled_from(["day", "day", "week"])),
        place=draw(st.sampled_from([None, "qaim", "husaybah", "haditha", "anbar", "iraq", "abukamal"])),
        actor1=draw(st.sampled_from(["us", "us_gov", "pmf", "uag", "iraq_gov"])),
        actor2=draw(st.sampled_from([None, "pmf", "kh", "uag", "us"])),
        acled=acled,
        plover=plover,
        killed=draw(st.lists(st.tuples(st.integers(0, 9), st.sampled_from([None, "Hashed", "SOHR"])), max_size=2)),
        injured=draw(st.lists(st.tuples(st.integers(0, 9), st.none()), max_size=1)),
        confidence=draw(st.sampled_from([0.5, 0.8, 0.9])),
        trigger=draw(st.sampled_from(["strikes", "raid", "condemned"])),
    )


report_sets = st.lists(reports(), max_size=12, unique_by=lambda r: r.event_id)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(reports(), reports())
def test_merge_is_commutative(a, b):
    assert merge_events(a, b) == merge_events(b, a)


@PROPERTY
@given(reports(), reports(), reports())
def test_merge_is_associative(a, b, c):
    assert merge_events(merge_events(a, b), c) == merge_events(a, merge_events(b, c))


@PROPERTY
@given(reports(), reports())
def test_merge_is_idempotent(a, b):
    merged = merge_events(a, b)
    assert merge_events(a, a) == merge_all([a])
    assert merge_events(merged, merged) == merged
    assert merge_events(merged, b) == merged


@PROPERTY
@given(reports(), reports())
def test_merge_keeps_every_claim_and_never_adds_counts(a, b):
    merged = merge_events(a, b)
    for field in ("fatalities", "injuries"):
        claims = getattr(a, field).claims + getattr(b, field).claims
        count = getattr(merged, field)
        assert {c.model_dump_json() for c in count.claims} == {c.model_dump_json() for c in claims}
        if claims:
            assert count.best == min(c.count for c in claims)
            assert count.low <= count.best <= count.high == max(c.count for c in claims)
    assert {e.model_dump_json() for e in merged.evidence} == {e.model_dump_json() for e in a.evidence + b.evidence}


@PROPERTY
@given(reports(), reports())
def test_same_event_is_symmetric(a, b):
    assert same_event(a, b) == same_event(b, a)


@PROPERTY
@given(report_sets, st.randoms(use_true_random=False))
def test_clustering_is_order_independent(items, rng):
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert cluster(shuffled) == cluster(items)


@PROPERTY
@given(report_sets, st.randoms(use_true_random=False), st.integers(1, 4))
def test_merging_batch_by_batch_equals_merging_everything_at_once(items, rng, batches):
    arrival = list(items)
    rng.shuffle(arrival)
    stored: dict[str, Cluster] = {}
    for i in range(batches):
        # Like the store: only the stored events a new report could join are handed in.
        batch = arrival[i::batches]
        candidates = [c for c in stored.values() if any(same_event(m, r) for m in c.members for r in batch)]
        result = merge_into(candidates, batch)
        for event_id in result.removed:
            del stored[event_id]
        stored.update((c.event_id, c) for c in result.clusters)
    assert sorted(stored.values(), key=lambda c: c.event_id) == cluster(items)


@PROPERTY
@given(report_sets, report_sets)
def test_merging_the_same_reports_again_changes_nothing(old, new):
    first = merge_into(cluster(old), new)
    again = merge_into(first.clusters, new)
    assert again.clusters == first.clusters
    assert again.changed == [] and again.removed == []


@PROPERTY
@given(report_sets)
def test_every_report_lands_in_exactly_one_event(items):
    clusters = cluster(items)
    members = [m for c in clusters for m in c.member_ids]
    assert sorted(members) == sorted(r.event_id for r in items)
    for c in clusters:
        assert c.event.event_id == min(c.member_ids)
        assert set(c.event.article_ids) == {a for m in c.members for a in m.article_ids}


def test_no_two_events_of_a_clustering_are_the_same_event():
    items = [report(a, n, place=p) for a, n, p in itertools.product("abc", range(2), ["qaim", "haditha", "abukamal"])]
    clusters = cluster(items)
    for x, y in itertools.combinations(clusters, 2):
        assert not any(same_event(m, n) for m in x.members for n in y.members)
