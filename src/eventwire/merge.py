"""Cross-article merging: reports of the same event become one event with every article.

Every article yields its own *reports* (the ``Event`` records of ``pipeline.run``). Ten outlets
covering one strike give ten reports; this module decides which reports describe the same
event (``same_event``) and folds them into one record (``merge_events`` / ``merge_all``).

The rules, all general (nothing here knows about any particular event):

* **type**: both ACLED-classified with the same ACLED event type (sub-types may differ:
  one outlet's "shelling" is another's "air strike"), or both outside ACLED's scope with the
  same PLOVER event type (statements, accusations, ...).
* **date**: both dates known and at most ``max_days`` (1) apart.
* **place**: the same place (GeoNames id, or name and country), or within ``max_km`` (25 km),
  or -- when one place is coarse (ACLED geo-precision 3: a region or a whole country) -- the
  fine place lies in it (same country and, for a region, the same admin1). Two events
  without any place match only when their first actors are the same.
* **actors**: matched role for role (actor1 with actor1, actor2 with actor2), a missing or
  generic actor ("Unidentified Armed Group (Syria)", "Protesters") matching anything, and two
  state organs of one country ("Government of Iraq", "Military Forces of Iraq") counting as the
  same side. Outlets sometimes tell the story from the target's side ("the Hashed said US
  strikes killed four of its fighters"), so the roles may also be swapped -- but then at least
  one named actor has to be the same on both sides.

Merging is a *join*: commutative, associative and idempotent, so the result depends only on
the set of reports, never on the order they arrived in (tested with hypothesis):

* ``event_id``: the smallest member id (report ids are deterministic, see ``records``); a
  merged event keeps the id of its smallest report, so an event's id changes only when a
  report with a smaller id joins it. ``reports`` ids stay resolvable through the store.
* ``article_ids``, ``evidence`` and count ``claims``: sorted unions; identical items (every
  field equal) are kept once. Nothing is dropped.
* counts: the rule the pipeline uses -- ``low`` the smallest, ``best`` the most conservative
  (smallest) figure, ``high`` the largest. Never a sum: ten outlets repeating "four killed"
  are four killed.
* ``event_date``/``date_precision``: the most precise date, the earliest among equals (an
  overnight strike reported on both days happened on the first).
* ``location``: the most precise place (a town beats its region, a region its country).
* who did what -- ``acled``, ``plover``, ``cameo_root``, ``actor1``, ``actor2``,
  ``statement``, ``trigger`` -- is taken *together* from one report, so that the record stays
  coherent (the interaction code matches the actors): the one naming the most actors.
* ``confidence``: the highest.

Grouping many reports (``cluster``) takes the connected components of the ``same_event``
graph over the *reports*: a function of the set alone. ``merge_into`` adds new reports to
existing clusters with the same result as clustering everything at once, which is what lets
the store merge a new article about yesterday's strike into the stored event.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from eventwire.resolve.actors import GENERIC_ACTORS
from eventwire.schema import Actor, Count, Event, Place

__all__ = [
    "Cluster",
    "MergeResult",
    "block_key",
    "cluster",
    "merge_all",
    "merge_events",
    "merge_into",
    "same_event",
    "type_key",
]

MAX_KM = 25.0
MAX_DAYS = 1

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
STATE_TYPES = frozenset({"state_forces", "external_forces", "government"})
_GENERIC_NAMES = tuple(base for base, _ in GENERIC_ACTORS.values())
_EARTH_KM = 6371.0088

Match = Literal["same", "wild", "conflict"]


# -- deciding -------------------------------------------------------------------------------------
def type_key(event: Event) -> str | None:
    """What must be equal for two reports to be the same event: the ACLED event type, else PLOVER's."""
    if event.acled is not None:
        return "acled:" + event.acled.event_type
    if event.plover is not None:
        return "plover:" + event.plover.event_type
    return None


def block_key(event: Event) -> tuple[str, str] | None:
    """Reports can only be the same event when their block keys are equal (and dates close).

    ``(type_key, place country)``; ``None`` for a report that never merges (no type, no date).
    The store indexes it to find candidate reports without comparing everything.
    """
    kind = type_key(event)
    if kind is None or event.event_date is None:
        return None
    if event.location is None:
        return kind, "-"
    return kind, "@" + (event.location.country_iso3 or "")


def is_generic(actor: Actor | None) -> bool:
    """A missing actor, or ACLED's placeholder for an unnamed one ("Unidentified Armed Group (Syria)")."""
    if actor is None or actor.type == "unknown":
        return True
    name = actor.name
    return any(name == base or name.startswith(base + " (") for base in _GENERIC_NAMES)


def _actor_match(x: Actor | None, y: Actor | None) -> Match:
    if is_generic(x) or is_generic(y):
        return "wild"
    assert x is not None and y is not None
    if x.name.casefold() == y.name.casefold():
        return "same"
    if x.country_iso3 and x.country_iso3 == y.country_iso3 and x.type in STATE_TYPES and y.type in STATE_TYPES:
        return "same"
    return "conflict"


def actors_compatible(a: Event, b: Event) -> bool:
    direct = (_actor_match(a.actor1, b.actor1), _actor_match(a.actor2, b.actor2))
    if "conflict" not in direct:
        return True
    swapped = (_actor_match(a.actor1, b.actor2), _actor_match(a.actor2, b.actor1))
    return "conflict" not in swapped and "same" in swapped


def distance_km(p: Place, q: Place) -> float | None:
    if None in (p.latitude, p.longitude, q.latitude, q.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (p.latitude, p.longitude, q.latitude, q.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _contains(coarse: Place, fine: Place) -> bool:
    """A low-precision place (a region, a country) holds the places inside it."""
    if coarse.precision != 3 or coarse.country_iso3 is None:
        return False
    return coarse.admin1 is None or (fine.admin1 is not None and coarse.admin1.casefold() == fine.admin1.casefold())


def places_compatible(p: Place | None, q: Place | None, *, max_km: float = MAX_KM) -> bool:
    if p is None or q is None:
        return p is None and q is None
    if p.country_iso3 != q.country_iso3:
        return False
    if p.geonames_id is not None and p.geonames_id == q.geonames_id:
        return True
    if p.name.casefold() == q.name.casefold() and (p.admin1 or "").casefold() == (q.admin1 or "").casefold():
        return True
    km = distance_km(p, q)
    if km is not None and km <= max_km:
        return True
    return _contains(p, q) or _contains(q, p)


def same_event(a: Event, b: Event, *, max_km: float = MAX_KM, max_days: int = MAX_DAYS) -> bool:
    """Do two reports describe the same event? Symmetric; see the module docstring for the rules."""
    if a.event_id == b.event_id:
        return True
    kind = block_key(a)
    if kind is None or kind != block_key(b):
        return False
    assert a.event_date is not None and b.event_date is not None
    if abs((a.event_date - b.event_date).days) > max_days:
        return False
    return _same_in_block(a, b, max_km=max_km)


def _same_in_block(a: Event, b: Event, *, max_km: float) -> bool:
    """``same_event`` for two reports already known to share a block key and close dates."""
    if a.location is None and b.location is None:
        if _actor_match(a.actor1, b.actor1) != "same":
            return False
    elif not places_compatible(a.location, b.location, max_km=max_km):
        return False
    return actors_compatible(a, b)


# -- merging --------------------------------------------------------------------------------------
def _plain(value: object) -> object:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")  # type: ignore[union-attr]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _canon(value: object) -> str:
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False)


def _flat_key(model: object) -> tuple:
    """Every field of a flat model (Evidence, CountClaim, Place), comparable even with ``None``s."""
    return tuple(x for v in vars(model).values() for x in (v is None, v))


def _unique_sorted(items: Iterable, key) -> list:
    seen: dict[tuple, object] = {}
    for item in items:
        seen.setdefault(_flat_key(item), item)
    return [seen[k] for k in sorted(seen, key=lambda k: (key(seen[k]), k))]


def _merge_counts(counts: Sequence[Count]) -> Count:
    lows = [c.low for c in counts if c.low is not None]
    bests = [c.best for c in counts if c.best is not None]
    highs = [c.high for c in counts if c.high is not None]
    claims = _unique_sorted(
        (claim for c in counts for claim in c.claims), key=lambda c: (c.article_id, c.start, c.end)
    )
    return Count(
        low=min(lows) if lows else None,
        best=min(bests) if bests else None,
        high=max(highs) if highs else None,
        claims=claims,
    )


def _date_key(event: Event) -> tuple:
    date = event.event_date
    return (PRECISION_RANK.get(event.date_precision, 9), date is None, date or dt.date.min)


def _place_key(place: Place | None) -> tuple:
    if place is None:
        return (1, 9, 1, 1, ())
    return (0, place.precision, place.latitude is None, place.geonames_id is None, _flat_key(place))


_DESCRIPTION = ("acled", "plover", "cameo_root", "actor1", "actor2", "statement", "trigger")


def _description_key(event: Event) -> tuple:
    actors = (event.actor1, event.actor2)
    named = sum(1 for actor in actors if not is_generic(actor))
    present = sum(1 for actor in actors if actor is not None)
    described = {name: getattr(event, name) for name in _DESCRIPTION}
    return (-named, -present, event.acled is None, event.plover is None, _canon(described))


def merge_all(events: Iterable[Event]) -> Event:
    """One event from reports of it. The result depends on the set of reports only."""
    members = list(events)
    if not members:
        raise ValueError("merge_all needs at least one event")
    dated = min(members, key=_date_key)
    described = min(members, key=_description_key)
    placed = min((m.location for m in members), key=_place_key)
    return Event(
        event_id=min(m.event_id for m in members),
        article_ids=sorted({a for m in members for a in m.article_ids}),
        event_date=dated.event_date,
        date_precision=dated.date_precision,
        location=placed,
        fatalities=_merge_counts([m.fatalities for m in members]),
        injuries=_merge_counts([m.injuries for m in members]),
        evidence=_unique_sorted(
            (e for m in members for e in m.evidence), key=lambda e: (e.article_id, e.start, e.end, e.field)
        ),
        confidence=max(m.confidence for m in members),
        **{name: getattr(described, name) for name in _DESCRIPTION},
    )


def merge_events(a: Event, b: Event) -> Event:
    """Two reports of one event as one event (commutative, associative, idempotent)."""
    return merge_all((a, b))


# -- grouping -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cluster:
    """A merged event and the reports it was merged from (``members``, sorted by id)."""

    event: Event
    members: tuple[Event, ...]

    @property
    def event_id(self) -> str:
        return self.event.event_id

    @property
    def member_ids(self) -> tuple[str, ...]:
        return tuple(m.event_id for m in self.members)

    @classmethod
    def of(cls, members: Iterable[Event]) -> Cluster:
        unique: dict[str, Event] = {}
        for member in members:
            known = unique.get(member.event_id)
            unique[member.event_id] = member if known is None else merge_events(known, member)
        ordered = tuple(unique[i] for i in sorted(unique))
        return cls(merge_all(ordered), ordered)


class _Components:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, i: str) -> str:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _groups(reports: Iterable[Event], *, max_km: float, max_days: int) -> list[list[Event]]:
    """Connected components of ``same_event`` (reports with one id taken as one), each sorted by id."""
    by_id: dict[str, Event] = {}
    for report in reports:
        known = by_id.get(report.event_id)
        by_id[report.event_id] = report if known is None or known == report else merge_events(known, report)
    components = _Components(by_id)
    blocks: dict[tuple, dict[dt.date, list[str]]] = defaultdict(lambda: defaultdict(list))
    for report_id in sorted(by_id):
        report = by_id[report_id]
        key = block_key(report)
        if key is not None:
            assert report.event_date is not None
            blocks[key][report.event_date].append(report_id)
    for by_date in blocks.values():
        for day, ids in by_date.items():
            for offset in range(0, max_days + 1):
                others = ids if offset == 0 else by_date.get(day + dt.timedelta(days=offset), [])
                for i, left in enumerate(ids):
                    for right in others[i + 1 :] if offset == 0 else others:
                        if components.find(left) == components.find(right):
                            continue
                        if _same_in_block(by_id[left], by_id[right], max_km=max_km):
                            components.union(left, right)
    groups: dict[str, list[Event]] = defaultdict(list)
    for report_id in sorted(by_id):
        groups[components.find(report_id)].append(by_id[report_id])
    return sorted(groups.values(), key=lambda members: members[0].event_id)


def cluster(reports: Iterable[Event], *, max_km: float = MAX_KM, max_days: int = MAX_DAYS) -> list[Cluster]:
    """Group reports into events: connected components of ``same_event``, sorted by event id.

    Reports with the same id are the same report. Only reports with equal ``block_key`` and
    dates at most ``max_days`` apart are compared, so a day of news is not compared pairwise
    with every other day.
    """
    return [Cluster.of(members) for members in _groups(reports, max_km=max_km, max_days=max_days)]


@dataclass(frozen=True)
class MergeResult:
    """What ``merge_into`` changed.

    ``clusters``: every cluster after the merge that was touched (given or new), sorted by id;
    ``changed``: ids of clusters that are new or whose members changed (write these);
    ``removed``: ids of given clusters that no longer exist (absorbed into another, or renamed
    because a report with a smaller id joined them: delete these).
    """

    clusters: list[Cluster]
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [c.event for c in self.clusters]


def merge_into(
    existing: Sequence[Cluster | Event],
    new: Sequence[Event],
    *,
    max_km: float = MAX_KM,
    max_days: int = MAX_DAYS,
) -> MergeResult:
    """Merge new reports into existing events.

    ``existing`` are clusters (event plus member reports, as the store keeps them) or plain
    events (then taken as their own single member). The result is the clustering of all member
    reports plus the new ones -- exactly what ``cluster`` gives on everything at once, so the
    order in which articles arrive never matters, and merging the same reports again changes
    nothing.
    """
    given = [c if isinstance(c, Cluster) else Cluster.of([c]) for c in existing]
    before = {c.event_id: c for c in given}
    reports = [m for c in given for m in c.members] + list(new)
    after: list[Cluster] = []
    changed: list[str] = []
    for members in _groups(reports, max_km=max_km, max_days=max_days):
        old = before.get(members[0].event_id)
        if old is not None and old.members == tuple(members):
            after.append(old)  # untouched: no need to merge it again
            continue
        merged = Cluster.of(members)
        after.append(merged)
        if old is None or old != merged:
            changed.append(merged.event_id)
    ids_after = {c.event_id for c in after}
    removed = sorted(i for i in before if i not in ids_after)
    return MergeResult(clusters=after, changed=changed, removed=removed)
