"""One filter model for events, used by the command line, the store and (later) the HTTP API.

``EventQuery`` holds the contract's filters (``--country --since --until --type --actor
--bbox``); ``EventQuery.parse`` builds one from user strings with clear errors;
``query.matches(event)`` applies it in memory and ``query.where()`` gives the same filter as
SQL over the store's ``events`` table. Both read the event through the same helpers
(``event_country``, ``actor_text``), so a stored event matches exactly when the record does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from eventwire.errors import ConfigError
from eventwire.schema import Event

__all__ = ["BBox", "EventQuery", "actor_text", "event_country"]

_ISO3 = re.compile(r"^[A-Z]{3}$")


def event_country(event: Event) -> str | None:
    """Where the event happened: its place's country; for an event without a place (a
    statement, say), the country of its first actor."""
    if event.location is not None:
        return event.location.country_iso3
    return event.actor1.country_iso3


def actor_text(event: Event) -> str:
    """Lower-cased names, mentions and persons of both actors, one per line: what --actor searches."""
    parts: list[str] = []
    for actor in (event.actor1, event.actor2):
        if actor is not None:
            parts.extend(p for p in (actor.name, actor.mention, actor.person) if p)
    return "\n".join(parts).lower()


@dataclass(frozen=True)
class BBox:
    """West, south, east, north in degrees; west > east crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        for name in ("west", "east"):
            if not -180 <= getattr(self, name) <= 180:
                raise ConfigError(f"--bbox: {name} longitude {getattr(self, name)} is outside -180..180")
        for name in ("south", "north"):
            if not -90 <= getattr(self, name) <= 90:
                raise ConfigError(f"--bbox: {name} latitude {getattr(self, name)} is outside -90..90")
        if self.south > self.north:
            raise ConfigError(f"--bbox: south ({self.south}) is north of north ({self.north}); give W,S,E,N")

    @classmethod
    def parse(cls, text: str) -> BBox:
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 4:
            raise ConfigError(f"--bbox {text!r}: give four numbers W,S,E,N, e.g. --bbox 38,32,44,37")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise ConfigError(f"--bbox {text!r}: W,S,E,N must be numbers in degrees, e.g. 38,32,44,37") from None
        return cls(west, south, east, north)

    def contains(self, longitude: float, latitude: float) -> bool:
        if not self.south <= latitude <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= longitude <= self.east
        return longitude >= self.west or longitude <= self.east


def _date(value: dt.date | str | None, option: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{option} {value!r}: give a date as YYYY-MM-DD") from None


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True, kw_only=True)
class EventQuery:
    """Filters over events; every one given must hold. ``limit``/``offset`` page the result.

    * ``country``: ISO3 of ``event_country`` (the place's country, else actor1's).
    * ``since``/``until``: event date bounds, inclusive; events without a date are left out.
    * ``type``: an ACLED event type or sub-event type, or a PLOVER event type (any case).
    * ``actor``: text found in either actor's name, mention or person (any case).
    * ``bbox``: the event's coordinates lie in the box; events without coordinates are left out.
    """

    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    actor: str | None = None
    bbox: BBox | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.country is not None and not _ISO3.match(self.country):
            raise ConfigError(f"--country {self.country!r}: give an ISO 3166 alpha-3 code such as IRQ or SYR")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"--since {self.since} is after --until {self.until}")
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"--limit {self.limit}: give a number of events, 0 or more")
        if self.offset < 0:
            raise ConfigError(f"--offset {self.offset}: give 0 or more")

    @classmethod
    def parse(
        cls,
        *,
        country: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        type: str | None = None,
        actor: str | None = None,
        bbox: BBox | str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> EventQuery:
        """From user input: strings are trimmed, the country upper-cased, dates and box parsed."""
        return cls(
            country=country.strip().upper() if country and country.strip() else None,
            since=_date(since, "--since"),
            until=_date(until, "--until"),
            type=type.strip() if type and type.strip() else None,
            actor=actor.strip() if actor and actor.strip() else None,
            bbox=BBox.parse(bbox) if isinstance(bbox, str) else bbox,
            limit=limit,
            offset=offset,
        )

    @property
    def is_empty(self) -> bool:
        return not any((self.country, self.since, self.until, self.type, self.actor, self.bbox))

    def matches(self, event: Event) -> bool:
        """The filter applied to one event in memory (no paging)."""
        if self.country is not None and event_country(event) != self.country:
            return False
        if self.since is not None and (event.event_date is None or event.event_date < self.since):
            return False
        if self.until is not None and (event.event_date is None or event.event_date > self.until):
            return False
        if self.type is not None:
            wanted = self.type.lower()
            names = [
                event.acled.event_type if event.acled else None,
                event.acled.sub_event_type if event.acled else None,
                event.plover.event_type if event.plover else None,
            ]
            if wanted not in {n.lower() for n in names if n}:
                return False
        if self.actor is not None and self.actor.lower() not in actor_text(event):
            return False
        if self.bbox is not None:
            place = event.location
            if place is None or place.latitude is None or place.longitude is None:
                return False
            if not self.bbox.contains(place.longitude, place.latitude):
                return False
        return True

    def where(self) -> tuple[str, list[object]]:
        """``("WHERE ...", params)`` over the store's ``events`` table, ``?`` placeholders."""
        clauses: list[str] = []
        params: list[object] = []
        if self.country is not None:
            clauses.append("country = ?")
            params.append(self.country)
        if self.since is not None:
            clauses.append("event_date >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("event_date <= ?")
            params.append(self.until)
        if self.type is not None:
            clauses.append("(lower(event_type) = ? OR lower(sub_event_type) = ? OR lower(plover_type) = ?)")
            params.extend([self.type.lower()] * 3)
        if self.actor is not None:
            clauses.append("actor_text LIKE ? ESCAPE '\\'")
            params.append(f"%{_like_escape(self.actor.lower())}%")
        if self.bbox is not None:
            box = self.bbox
            clauses.append("latitude BETWEEN ? AND ?")
            params.extend([box.south, box.north])
            if box.west <= box.east:
                clauses.append("longitude BETWEEN ? AND ?")
                params.extend([box.west, box.east])
            else:
                clauses.append("(longitude >= ? OR longitude <= ?)")
                params.extend([box.west, box.east])
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def page(self) -> str:
        """``LIMIT``/``OFFSET`` SQL (integers, validated, so inlined)."""
        sql = ""
        if self.limit is not None:
            sql += f" LIMIT {int(self.limit)}"
        if self.offset:
            sql += f" OFFSET {int(self.offset)}"
        return sql
