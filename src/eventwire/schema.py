"""The one typed schema shared by every stage: ingest, extraction, storage, export, evaluation.

The JSON produced by ``Event.to_json_dict()`` follows ``shared/contract/event.schema.json``.
Fields beyond the contract are extensions (listed in the README) and are always optional.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorType = Literal[
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "rioters",
    "protesters",
    "civilians",
    "external_forces",
    "government",
    "political_party",
    "international_organization",
    "media",
    "ngo",
    "other",
    "unknown",
]

AcledEventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]

# ACLED codebook (2023): the 25 sub-event types, keyed by their event type.
ACLED_SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

# ACLED's actor ("inter") codes by actor type (ACLED codebook, "Actor types / interaction codes"):
# 1 state forces (governments with them), 2 rebels, 3 political militias, 4 identity militias,
# 5 rioters, 6 protesters, 7 civilians, 8 external/other forces (organisations, parties, media).
# "unknown" has no code.
ACLED_INTER_CODES: dict[str, int] = {
    "state_forces": 1,
    "government": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
    "international_organization": 8,
    "ngo": 8,
    "media": 8,
    "political_party": 8,
    "other": 8,
}

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Qualifier = Literal["exact", "at_least", "at_most", "about", "more_than", "unknown"]
EvidenceField = Literal[
    "trigger", "actor1", "actor2", "location", "date", "fatalities", "injuries", "statement"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


class Article(_Model):
    """One input article. ``text`` is the body after any ``date YYYY-MM-DD`` prefix is removed."""

    id: str = Field(min_length=1)
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = Field(default=None, description="Where it was read from: 'file' or 'file:line'.")


class Actor(_Model):
    name: str
    type: ActorType = "unknown"
    country_iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    backer_iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    mention: str | None = None
    # Extension: the named person behind an institutional actor ("Antony Blinken").
    person: str | None = None


class Place(_Model):
    name: str
    admin1: str | None = None
    country_iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geonames_id: int | None = None
    precision: Literal[1, 2, 3] = 3
    # Extension: the text as written ("the Qaim region").
    mention: str | None = None


class CountClaim(_Model):
    count: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    source: str | None = None
    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    # Extension: the sentence the claim was read from.
    sentence: str | None = None


class Count(_Model):
    low: int | None = Field(default=None, ge=0)
    best: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    claims: list[CountClaim] = Field(default_factory=list)


class Statement(_Model):
    speaker: str
    text: str
    direct_quote: bool = False
    place_spoken: str | None = None


class Evidence(_Model):
    article_id: str
    field: EvidenceField
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class AcledClass(_Model):
    event_type: AcledEventType
    sub_event_type: str
    interaction: str | None = None


class PloverClass(_Model):
    event_type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)


class Event(_Model):
    event_id: str
    article_ids: list[str] = Field(min_length=1)
    event_date: dt.date | None = None
    date_precision: DatePrecision = "unknown"
    acled: AcledClass | None = None
    plover: PloverClass | None = None
    cameo_root: str | None = Field(default=None, pattern=r"^(0[1-9]|1[0-9]|20)$")
    actor1: Actor
    actor2: Actor | None = None
    location: Place | None = None
    fatalities: Count = Field(default_factory=Count)
    injuries: Count = Field(default_factory=Count)
    statement: Statement | None = None
    evidence: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0, le=1)
    # Extension: the trigger phrase as written, e.g. "air strikes", "condemned".
    trigger: str | None = None

    def to_json_dict(self) -> dict:
        """The contract's JSON form: dates as ISO strings, every contract field present."""
        return self.model_dump(mode="json")
