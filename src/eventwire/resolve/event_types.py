"""The event decision table (``data/event_types.yaml``): trigger words to ACLED, PLOVER and CAMEO."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class EventKind:
    id: str
    acled_type: str | None
    acled_sub_type: str | None
    plover_type: str
    plover_mode: str | None
    cameo_root: str
    statement: bool
    speech: bool
    nouns: frozenset[str]
    verbs: frozenset[str]
    modified_nouns: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    needs_object: frozenset[str] = frozenset()
    anaphora: frozenset[str] = frozenset()
    cues: tuple[str, ...] = ()
    refine: dict[str, str] = field(default_factory=dict)
    adjectives: frozenset[str] = frozenset()
    needs_purpose: frozenset[str] = frozenset()
    needs_subject: frozenset[str] = frozenset()
    noun_verbs: frozenset[str] = frozenset()
    absorbs_object: bool = False
    only_alone: bool = False

    @property
    def violent(self) -> bool:
        return self.acled_type in ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


def _kind_from_row(row: dict) -> EventKind:
    acled = row.get("acled") or (None, None)
    plover = list(row.get("plover") or [])
    plover_mode = (plover[1] or "").strip() if len(plover) > 1 and plover[1] else None
    modified = tuple(
        (frozenset(item["noun"]), frozenset(item["needs_modifier"])) for item in row.get("modified_nouns", [])
    )
    return EventKind(
        id=row["id"],
        acled_type=acled[0],
        acled_sub_type=acled[1],
        plover_type=plover[0],
        plover_mode=plover_mode or None,
        cameo_root=str(row["cameo_root"]).zfill(2),
        statement=bool(row.get("statement", False)),
        speech=bool(row.get("speech", row.get("statement", False))),
        nouns=frozenset(n.lower() for n in row.get("nouns", [])),
        verbs=frozenset(v.lower() for v in row.get("verbs", [])),
        modified_nouns=modified,
        needs_object=frozenset(row.get("needs_object", [])),
        anaphora=frozenset(row.get("anaphora", [])),
        cues=tuple(row.get("cues", [])),
        refine=dict(row.get("refine", {})),
        adjectives=frozenset(row.get("adjectives", [])),
        needs_purpose=frozenset(row.get("needs_purpose", [])),
        needs_subject=frozenset(row.get("needs_subject", [])),
        noun_verbs=frozenset(row.get("noun_verbs", [])),
        absorbs_object=bool(row.get("absorbs_object", False)),
        only_alone=bool(row.get("only_alone", False)),
    )


@dataclass(frozen=True, slots=True)
class ProtestOutcome:
    kind_id: str  # the kind a protest becomes
    cues: tuple[str, ...]
    kinds: frozenset[str]


class EventTable:
    def __init__(
        self,
        kinds: list[EventKind],
        protest_outcomes: tuple[ProtestOutcome, ...] = (),
        two_sided_cues: tuple[str, ...] = (),
    ):
        self.kinds = kinds
        self.protest_outcomes = protest_outcomes
        self.two_sided_cues = two_sided_cues
        self.by_id = {kind.id: kind for kind in kinds}
        if len(self.by_id) != len(kinds):
            seen: set[str] = set()
            twice = sorted({kind.id for kind in kinds if kind.id in seen or seen.add(kind.id)})
            raise ValueError(f"event kinds listed twice: {', '.join(twice)}")
        self.statement_verbs = frozenset(verb for kind in kinds if kind.statement for verb in kind.verbs)

    def match_noun(self, lemma: str, modifiers: list[str], head_verb: str | None = None) -> EventKind | None:
        """The first kind whose noun phrase list or modified-noun rule fits the noun.
        ``head_verb``: the verb the noun is subject or object of; kinds with ``noun_verbs`` take
        the noun only as the subject or object of one of those ("conducted a patrol")."""
        phrases = {lemma}
        phrases.update(f"{mod} {lemma}" for mod in modifiers)
        if len(modifiers) >= 2:
            phrases.add(" ".join([*modifiers[-2:], lemma]))
        for kind in self.kinds:
            if phrases & kind.nouns:
                if kind.noun_verbs and head_verb not in kind.noun_verbs:
                    continue
                return kind
            for nouns, needed in kind.modified_nouns:
                if lemma in nouns and needed.intersection(modifiers):
                    return kind
        return None

    def match_verb(
        self,
        lemma: str,
        particle: str | None,
        objects: list[str],
        purposes: list[str] = (),
        subjects: list[str] = (),
    ) -> EventKind | None:
        """``purposes``: verbs of the clauses saying what the act was for ("gathered to demand");
        ``subjects``: words of the doer ("the air force targeted ...": an air strike)."""
        candidates = [f"{lemma} {particle}"] if particle else []
        candidates.append(lemma)
        for kind in self.kinds:
            for candidate in candidates:
                if candidate in kind.verbs:
                    if kind.needs_object and not kind.needs_object.intersection(objects):
                        continue
                    if kind.needs_purpose and not kind.needs_purpose.intersection(purposes):
                        continue
                    if kind.needs_subject and not kind.needs_subject.intersection(subjects):
                        continue
                    return kind
        return None

    def kind_for_sub_event(self, sub_event_type: str) -> EventKind | None:
        return next((kind for kind in self.kinds if kind.acled_sub_type == sub_event_type), None)

    def match_adjective(self, lemma: str) -> EventKind | None:
        return next((kind for kind in self.kinds if lemma in kind.adjectives), None)

    def anaphoric_kinds(self, lemma: str) -> list[EventKind]:
        return [kind for kind in self.kinds if lemma in kind.anaphora or lemma in kind.nouns]


@functools.lru_cache(maxsize=1)
def load_event_table() -> EventTable:
    text = resources.files("eventwire.data").joinpath("event_types.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    outcomes = tuple(
        ProtestOutcome(kind_id, tuple(spec.get("cues", [])), frozenset(spec.get("kinds", [])))
        for kind_id, spec in (data.get("protest_outcomes") or {}).items()
    )
    two_sided = tuple(cue.lower() for cue in data.get("two_sided_cues") or ())
    return EventTable([_kind_from_row(row) for row in data["kinds"]], outcomes, two_sided)
