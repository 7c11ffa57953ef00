"""From mentions to events: one event per kind, place and day; statements one per kind and speaker."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from eventwire.extract.actors import ActorRef
from eventwire.extract.dates import DateSpan
from eventwire.extract.events import ARMED_TYPES, EventCandidate, Mention, is_topic
from eventwire.extract.places import PlaceMention, narrowest_in_chain
from eventwire.extract.quotes import Quote
from eventwire.resolve.event_types import EventTable

PRECISE_FEATURES = frozenset({"city", "admin1", "region"})


def group_events(mentions: list[Mention], quotes: list[Quote], table: EventTable) -> list[EventCandidate]:
    violent = [m for m in mentions if not m.kind.statement]
    if any(not m.kind.only_alone for m in violent):
        # displacement, evacuation ... : a development of its own only when nothing else happened
        violent = [m for m in violent if not m.kind.only_alone]
    events, event_of = _group_violent(violent)
    events = _merge_placeless(events, event_of)
    events = _refine_protests(events, table)
    events = _attack_with_rape_or_abduction(events, table)
    events = _tolls_of_explosions(events)
    for event in events:
        _assign_actors(event, quotes)
        _refine_kind(event, table)
    _riotous_clashes(events)
    events = _merge_twins(events, event_of)
    events.extend(_group_statements([m for m in mentions if m.kind.statement], event_of))
    events.sort(key=lambda e: e.first_token)
    return events


# -- violent events -------------------------------------------------------------------------------
def _families(mentions: list[Mention]) -> dict[int, list[Mention]]:
    families: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        families[id(mention.root)].append(mention)
    return families


def _group_violent(mentions: list[Mention]) -> tuple[list[EventCandidate], dict[int, list[EventCandidate]]]:
    """Split each family of coreferent mentions by place; returns events and mention -> events."""
    events: list[EventCandidate] = []
    event_of: dict[int, list[EventCandidate]] = {}
    for family in _families(mentions).values():
        family_events = _split_by_place(family)
        events.extend(family_events)
        for mention in family:
            event_of[id(mention)] = [e for e in family_events if mention in e.mentions]
        for mention in family:  # placeless mentions join the events of the mention they refer to
            if not event_of[id(mention)]:
                target = _nearest_placed(mention, event_of) or family_events[:1]
                event_of[id(mention)] = target[:1]
                for event in target[:1]:
                    event.mentions.append(mention)
        _share_family_date(family, family_events)
    return events, event_of


def _split_by_place(family: list[Mention]) -> list[EventCandidate]:
    kind = family[0].root.kind
    doc = family[0].trigger.doc
    by_country: dict[str | None, list[PlaceMention]] = defaultdict(list)
    for mention in family:
        for place in mention.places:
            by_country[place.country_iso3].append(place)
    if len(by_country) > 1:
        by_country.pop(None, None)  # "a Red Sea port (Hodeidah)": a sea beside a country's place is no site of its own
    if not by_country:
        return [EventCandidate(kind=kind, mentions=list(family), place=None, country=None)]
    events: list[EventCandidate] = []
    for country, places in by_country.items():
        precise = _distinct(_narrowest([p for p in places if p.entry.feature in PRECISE_FEATURES], doc))
        targets = precise or [places[0]]
        country_events = [EventCandidate(kind=kind, mentions=[], place=p, country=country) for p in targets]
        for mention in family:
            own = [p for p in mention.places if p.country_iso3 == country]
            if not own:
                continue
            chosen = next((e for e in country_events if e.place in own), country_events[0])
            chosen.mentions.append(mention)
        events.extend(e for e in country_events if e.mentions)
    return events


def _narrowest(places: list[PlaceMention], doc: Doc) -> list[PlaceMention]:
    """"in the area of X, Luhansk": an area written after a place inside it is where that place
    lies, not a second site; each place gives way to the narrowest of its chain."""
    return [narrowest_in_chain(p, doc) or p for p in places]


def _distinct(places: list[PlaceMention]) -> list[PlaceMention]:
    seen: dict[tuple, PlaceMention] = {}
    for place in places:
        key = (place.entry.geonames_id, place.entry.name)
        seen.setdefault(key, place)
    return list(seen.values())


def _nearest_placed(mention: Mention, event_of: dict[int, list[EventCandidate]]) -> list[EventCandidate] | None:
    """The events of the closest earlier mention that named places, in the order it named them."""
    node = mention.antecedent
    while node is not None:
        if event_of.get(id(node)):
            order = {p.country_iso3: p.start for p in reversed(node.places)}
            return sorted(event_of[id(node)], key=lambda e: order.get(e.country, 1 << 30))
        node = node.antecedent
    return None


def _share_family_date(family: list[Mention], events: list[EventCandidate]) -> None:
    """A date stated for the operation ("the overnight assault") holds for each of its sites."""
    family_date = next((d for m in sorted(family, key=lambda m: m.trigger.i) for d in m.dates), None)
    for event in events:
        own = next((d for m in sorted(event.mentions, key=lambda m: m.trigger.i) for d in m.dates), None)
        chosen = own or family_date
        if chosen is not None:
            event.date, event.date_from_clause = chosen, True
            continue
        event.date = next((d for m in event.mentions for d in m.sentence_dates if not d.resolved.future), None)


def _compatible(a: EventCandidate, b: EventCandidate) -> bool:
    fighting = {"Battles", "Violence against civilians"}
    return a.kind.acled_type == b.kind.acled_type or {a.kind.acled_type, b.kind.acled_type} <= fighting


def _merge_placeless(events: list[EventCandidate], event_of: dict[int, list[EventCandidate]]) -> list[EventCandidate]:
    """An incident told without a place or a date of its own ("the militants attacked a base",
    "its fighters had killed 30 soldiers") elaborates the compatible incident told before it."""
    kept: list[EventCandidate] = []
    for event in sorted(events, key=lambda e: e.first_token):
        if event.place is None and not event.date_from_clause:
            earlier = next((k for k in reversed(kept) if _compatible(k, event)), None)
            if earlier is not None:
                earlier.mentions.extend(event.mentions)
                for mention in event.mentions:
                    event_of[id(mention)] = [earlier]
                continue
        kept.append(event)
    return kept


def _merge_twins(events: list[EventCandidate], event_of: dict[int, list[EventCandidate]]) -> list[EventCandidate]:
    """"staged a dharna and a protest", "held a sit-in and a march": mentions of one sub-event
    type told in one sentence, at one place, by and against the same sides are one event (a
    place or a side one of them does not tell is the other's)."""
    kept: list[EventCandidate] = []
    for event in sorted(events, key=lambda e: e.first_token):
        twin = next((k for k in kept if _twins(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        twin.mentions.extend(event.mentions)
        twin.place = twin.place or event.place
        twin.country = twin.country or event.country
        twin.actor1 = twin.actor1 or event.actor1
        twin.actor2 = twin.actor2 or event.actor2
        for mention in event.mentions:
            event_of[id(mention)] = [twin]
    return kept


def _twins(a: EventCandidate, b: EventCandidate) -> bool:
    return (
        a.kind.acled_sub_type is not None and a.kind.acled_sub_type == b.kind.acled_sub_type
        and (a.place is None or b.place is None or a.place.entry == b.place.entry)
        and _same_side(a.actor1, b.actor1) and _same_side(a.actor2, b.actor2)
        and bool({m.sentence.start for m in a.mentions} & {m.sentence.start for m in b.mentions})
    )


def _same_side(a: ActorRef | None, b: ActorRef | None) -> bool:
    """The same actor, or one of the two not told (it is the other's, from the same sentence)."""
    return a is None or b is None or a.actor.name == b.actor.name


DEATH_LEMMAS = frozenset({"kill", "dead", "death", "die", "murder", "behead", "execute", "body", "corpse", "fatality"})


def _attack_with_rape_or_abduction(events: list[EventCandidate], table: EventTable) -> list[EventCandidate]:
    """An attack on civilians in which women are raped is sexual violence; one in which people
    are abducted and nobody killed is an abduction (ACLED codebook: the sub-event type names the
    harm done to the victims). Told in the same sentence, the two are one event."""
    for attack in [e for e in events if e.kind.id == "attack"]:
        sentences = {m.sentence.start for m in attack.mentions}
        for other in events:
            if other is attack or other not in events or other.kind.id not in ("sexual_violence", "abduction"):
                continue
            if not any(m.sentence.start in sentences for m in other.mentions):
                continue
            if other.kind.id == "abduction":
                words = {t.lemma_.lower() for m in attack.mentions + other.mentions for t in m.sentence}
                if words & DEATH_LEMMAS:
                    continue
            attack.kind = other.kind
            attack.mentions.extend(other.mentions)
            events = [e for e in events if e is not other]
            break
    return events


TOLL_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "die", "dead", "death", "maim"})


def _tolls_of_explosions(events: list[EventCandidate]) -> list[EventCandidate]:
    """"Three people were killed when their car hit a landmine", "one killed in a blast": a toll
    told beside an explosion in its sentence is the explosion's toll, and the weapon named decides
    the event (ACLED codebook: Explosions/Remote violence), not a separate attack."""
    for toll in [e for e in events if e.kind.acled_type in ("Violence against civilians", "Battles")]:
        if not all(m.trigger.lemma_.lower() in TOLL_LEMMAS for m in toll.mentions):
            continue
        sentences = {m.sentence.start for m in toll.mentions}
        blast = next(
            (e for e in events if e.kind.acled_type == "Explosions/Remote violence"
             and any(m.sentence.start in sentences for m in e.mentions)),
            None,
        )
        if blast is not None:
            blast.mentions.extend(toll.mentions)
            blast.place = blast.place or toll.place
            events = [e for e in events if e is not toll]
    return events


def _refine_protests(events: list[EventCandidate], table: EventTable) -> list[EventCandidate]:
    """What happened at a protest decides its sub-event type (data: `protest_outcomes`); the
    arrests, looting or riot told beside it are part of it, not events of their own."""
    # every kind of peaceful protest (a march, a gathering, a blockade, a strike) can turn out so
    protests = [e for e in events if e.kind.acled_sub_type in ("Peaceful protest", "Protest with intervention")]
    if not protests:
        return events
    words = _scene_words(protests)
    for outcome in table.protest_outcomes:
        companions = [
            e for e in events
            if e not in protests and e.kind.id in outcome.kinds and _same_scene(e, protests) and not _told_as_earlier(e)
        ]
        if companions or _has_cue(words, outcome.cues):
            for protest in protests:
                protest.kind = table.by_id[outcome.kind_id]
            for companion in companions:
                protests[0].mentions.extend(companion.mentions)
            return [e for e in events if e not in companions]
    return events


def _many_subject(verb) -> bool:
    """'Twelve were arrested', 'police detained several protesters': not 'He was arrested'."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            if child.tag_ in ("NNS", "NNPS", "CD") or child.lemma_.lower() in DEMONSTRATOR_SUBJECTS or child.lemma_.lower() in SECURITY_SUBJECTS:
                return True
    return False


def _told_as_earlier(event: EventCandidate) -> bool:
    """'after the protests and riots of the previous week': an incident the report looks back on."""
    for mention in event.mentions:
        node = mention.trigger
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if not (node.dep_ == "pobj" and node.head.lower_ in ("after", "following", "since", "before")):
            return False
    return True


INTERVENTION_VERBS = frozenset({"arrest", "detain", "disperse", "intervene", "evict"})
INTERVENTION_NOUNS = frozenset({"arrest", "detention"})
SECURITY_SUBJECTS = frozenset({"police", "policeman", "troop", "soldier", "force", "security", "authority", "officer", "army", "gendarme"})


def _scene_words(protests: list[EventCandidate]) -> str:
    """Words and lemmas of what the protests' clauses say happened, and of later sentences whose
    subject is a security force ("Police fired tear gas"); not what they protest about
    ("against the arrest of ...") nor what a relative clause recalls."""
    tokens = []
    first = min(m.trigger.i for p in protests for m in p.mentions)
    doc = protests[0].mentions[0].trigger.doc
    for protest in protests:
        for mention in protest.mentions:
            tokens.extend(doc[i] for i in sorted(mention.scope))
            if mention.trigger.dep_ in ("acl", "relcl", "xcomp", "advcl"):
                # "students protesting the fees engaged police ...", "youths barricaded the road
                # to protest ...": what the protesters did
                tokens.extend(mention.sentence)
    # later sentences whose subject is the demonstrators tell how the protest went ("The
    # protesters then engaged police in running battles")
    opening = doc[first].sent.start
    for sentence in doc.sents:
        told_around = sentence.start > first or sentence.end == opening  # after, or just before
        if told_around and (
            any(t.dep_ == "nsubj" and t.lemma_.lower() in DEMONSTRATOR_SUBJECTS for t in sentence)
            or (sentence.start > first and any(t.dep_ == "nsubj" and t.lemma_.lower() in PROTEST_NOUNS for t in sentence))
        ):
            tokens.extend(sentence)  # "Students engaged police in running battles. The protest began ...",
            continue  # "The protest later turned violent."
        if sentence.start > first and (
            any(t.dep_ == "nsubj" and t.lemma_.lower() in DEMONSTRATOR_SUBJECTS for t in sentence)
            or (sentence.root.pos_ == "VERB" and not any(t.dep_ in ("nsubj", "nsubjpass") for t in sentence))
        ):
            # ... and note-style sentences without a subject ("Pelted vehicles with stones.")
            tokens.extend(sentence)
    for sentence in doc.sents:
        if sentence.start > first and (
            (sentence.root.lemma_.lower() in INTERVENTION_VERBS and _many_subject(sentence.root))
            or any(t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in INTERVENTION_NOUNS for t in sentence)
        ):
            # "12 were arrested.", "Several arrests were made.": the authorities' intervention
            tokens.extend(sentence)
    for sentence in doc.sents:
        if sentence.start > first and any(
            t.dep_ in ("nsubj", "nsubjpass", "agent") and t.lemma_.lower() in SECURITY_SUBJECTS for t in sentence
        ) or (sentence.start > first and any(t.lemma_.lower() in SECURITY_SUBJECTS and t.dep_ == "pobj" and t.head.lower_ == "by" for t in sentence)):
            tokens.extend(sentence)
    topics = {t.i for tok in tokens if is_topic(tok) or _demanded(tok) for t in tok.subtree}
    kept = [t for t in tokens if t.i not in topics]
    return " " + " ".join(t.lower_ for t in kept) + " " + " ".join(t.lemma_.lower() for t in kept) + " "


DEMONSTRATOR_SUBJECTS = frozenset(
    {"protester", "demonstrator", "student", "youth", "crowd", "marcher", "rioter", "participant", "they",
     "supporter", "worker", "trader", "resident"}
)
PROTEST_NOUNS = frozenset({"protest", "demonstration", "march", "rally", "strike", "sit-in"})
DEMAND_VERBS = frozenset({"demand", "call", "denounce", "condemn", "protest", "reject", "oppose", "seek", "request", "decry", "urge"})


def _demanded(token) -> bool:
    """What the protesters demand or denounce ("demanded the return of looted funds"), and what
    the protest followed ("following the killing of a teacher")."""
    if token.dep_ == "pobj" and token.head.lower_ in ("following", "after", "since"):
        return True
    return token.dep_ in ("dobj", "xcomp", "ccomp") and token.head.lemma_.lower() in DEMAND_VERBS


def _same_scene(event: EventCandidate, protests: list[EventCandidate]) -> bool:
    """Told in a sentence of the protest: 'protesters burned tyres and looted shops'."""
    sentences = {m.sentence.start for p in protests for m in p.mentions}
    return any(m.sentence.start in sentences for m in event.mentions)


def _has_cue(words: str, cues: tuple[str, ...]) -> bool:
    return any(f" {cue} " in words for cue in cues)


def _riotous_clashes(events: list[EventCandidate]) -> None:
    """'Two groups clashed and pelted each other with stones': a clash told in the same sentence
    as a riot (stones, burning, a mob) is that riot (ACLED codebook: Riots)."""
    for event in events:
        if event.kind.id != "armed_clash":
            continue
        sentences = {m.sentence.start for m in event.mentions}
        riot = next(
            (other for other in events if other is not event and other.kind.acled_type == "Riots"
             and any(m.sentence.start in sentences for m in other.mentions)),
            None,
        )
        if riot is not None:
            event.kind = riot.kind


# -- actors -----------------------------------------------------------------------------------
def _best(refs: list[ActorRef]) -> ActorRef | None:
    """Named actors before generic ones; the first named in the text wins."""
    named = [r for r in refs if r.named]
    return (named or refs or [None])[0]


def _assign_actors(event: EventCandidate, quotes: list[Quote]) -> None:
    ordered = sorted(event.mentions, key=lambda m: m.trigger.i)
    agents = [m.agent for m in ordered if m.agent is not None]
    targets = [m.target for m in ordered if m.target is not None]
    event.actor1 = _best(agents)
    event.actor1_from_parse = event.actor1 is not None
    if event.actor1 is None:
        event.actor1 = _announcing_force(event, quotes)
    event.actor2 = _best([t for t in targets if event.actor1 is None or t.actor.name != event.actor1.actor.name])


# Remote violence that militaries do not claim: bombs and mines are planted by their enemies.
AUTHORLESS_REMOTE = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def _announcing_force(event: EventCandidate, quotes: list[Quote]) -> ActorRef | None:
    """Militaries announce their own strikes: a military reporting an air strike or shelling is its
    author. Police (and soldiers) who report a killing or a bombing are only its witnesses."""
    if event.kind.acled_type != "Explosions/Remote violence" or event.kind.acled_sub_type in AUTHORLESS_REMOTE:
        return None
    sentences = {m.sentence.start for m in event.mentions} | {m.root.sentence.start for m in event.mentions}
    for quote in quotes:
        if quote.speaker is None or quote.speaker.actor.type not in ("state_forces", "external_forces"):
            continue
        if quote.speaker.actor.name.startswith("Police Forces"):
            continue
        if quote.sentence_start in sentences:
            return quote.speaker
    return None


def _refine_kind(event: EventCandidate, table: EventTable) -> None:
    """The codebook decides some sub-event types by who fought whom (data: `refine` rows)."""
    refine = event.kind.refine
    target_type = event.actor2.actor.type if event.actor2 else None
    actor_type = event.actor1.actor.type if event.actor1 else None
    mob = _is_mob(event.actor1)
    if "two_sided" in refine and _two_sided(event, table):
        event.kind = table.by_id[refine["two_sided"]]
    elif "unarmed_sides" in refine and _unarmed_fight(event.actor1, event.actor2):
        event.kind = table.by_id[refine["unarmed_sides"]]
    elif "actor1_rioters" in refine and actor_type == "rioters":
        event.kind = table.by_id[refine["actor1_rioters"]]
    elif "target_protesters" in refine and target_type == "protesters":
        event.kind = table.by_id[refine["target_protesters"]]
    elif "actor1_mob" in refine and mob:
        event.kind = table.by_id[refine["actor1_mob"]]
    elif "actor1_demonstrators" in refine and actor_type in ("protesters", "rioters"):
        event.kind = table.by_id[refine["actor1_demonstrators"]]
    elif "target_civilians" in refine and target_type == "civilians":
        event.kind = table.by_id[refine["target_civilians"]]
    elif "target_armed" in refine and (
        target_type in ARMED_TYPES
        or (target_type not in ("civilians", "protesters") and any(m.target_armed for m in event.mentions))
    ):
        event.kind = table.by_id[refine["target_armed"]]
    elif "actor1_state" in refine and actor_type in ("state_forces", "government"):
        event.kind = table.by_id[refine["actor1_state"]]
        if event.actor2 is None and event.place is not None and event.kind.plover_mode == "restrict":
            # "Israel reimposed blockades in the West Bank": imposed on the people living there
            event.actor2 = event.mentions[0].trigger.doc._.actors.people_at(event.place)
    elif "actor1_nonstate_armed" in refine and actor_type in ("rebel_group", "political_militia", "identity_militia"):
        event.kind = table.by_id[refine["actor1_nonstate_armed"]]


def _two_sided(event: EventCandidate, table: EventTable) -> bool:
    """Fire in both directions ("returned fire", "in both directions of the frontline"): both
    sides fought, which the codebook codes as an armed clash, not as one side's shelling."""
    if not table.two_sided_cues:
        return False
    sentences = {m.sentence.start: m.sentence.text.lower() for m in event.mentions}
    text = " ".join(" ".join(sentences.values()).split())
    return any(cue in text for cue in table.two_sided_cues)


# Crowds that turn violent without organisation (ACLED codebook, Riots / Mob violence: mobs,
# vigilantes, residents or villagers taking the law into their own hands).
MOB_WORDS = frozenset(
    {"mob", "vigilante", "crowd", "resident", "villager", "local", "youth", "public", "irate", "angry", "enraged", "furious",
     "people", "person", "citizen"}
)
# who is neither a mob nor a crowd: armed men, and perpetrators nobody could see
NOT_A_MOB = ("armed", "gun", "militant", "fighter", "rebel", "militia", "bandit", "soldier", "police", "unknown",
             "unidentified", "terror", "jihad", "insurgent", "ethnic", "community", "clan", "tribe")
ORGANISED_TYPES = frozenset({"state_forces", "external_forces", "rebel_group", "government"})


PROTEST_WORDS = ("protest", "demonstrat", "marcher", "striker")


def _is_mob(ref: ActorRef | None) -> bool:
    """A mob, vigilantes, an angry crowd; rioters who are not said to be demonstrating."""
    if ref is None or ref.actor.type in ORGANISED_TYPES:
        return False
    text = (ref.text or "").lower()
    if ref.actor.type == "identity_militia" and "vigilante" not in text:
        return False
    if ref.actor.type == "rioters" and not any(word in text for word in PROTEST_WORDS):
        return True
    if any(word in text for word in ("vigilante", "mob ", "lynch")) or text.endswith("mob"):
        return True  # "a vigilante group", "the lynch mob": whatever the actor list calls them
    if any(word in text for word in NOT_A_MOB):
        return False
    words = {word.strip(".,") for word in text.split()}
    return bool({w.removesuffix("s") for w in words} & MOB_WORDS or words & MOB_WORDS)


# People who are not organised armed groups; a fight among them is mob violence (ACLED codebook:
# Riots / Mob violence), not an armed clash.
UNARMED_PEOPLE = frozenset(
    {"supporter", "member", "youth", "student", "lawmaker", "worshipper", "churchgoer", "congregant",
     "fan", "resident", "trader", "villager", "neighbour", "neighbor", "family", "people", "mob",
     "crowd", "rioter", "protester", "demonstrator", "driver", "vendor", "parishioner", "mourner",
     "group", "laborer", "labourer", "worker", "citizen", "passenger", "customer"}
)
ARMED_WORDS = ("armed", "gun", "militant", "fighter", "rebel", "militia", "bandit", "gang", "soldier", "police", "raider")


def _unarmed_fight(actor1: ActorRef | None, actor2: ActorRef | None) -> bool:
    """Unarmed people fighting each other, or fighting the police or soldiers (a riot, not a
    battle between armed groups)."""
    if actor1 is None:
        return False
    if _unarmed(actor1):
        return actor2 is None or _unarmed(actor2) or actor2.actor.type == "state_forces"
    return actor1.actor.type == "state_forces" and actor2 is not None and _unarmed(actor2)


def _unarmed(ref: ActorRef | None) -> bool:
    if ref is None:
        return False
    if ref.actor.type in ("civilians", "protesters", "rioters", "political_party"):
        return True
    text = ref.text.lower()
    words = {word.rstrip("s") for word in text.split()} | set(text.split())
    if any(word in text for word in ARMED_WORDS):
        return False
    return ref.actor.type in ("unknown", "political_militia") and bool(words & UNARMED_PEOPLE)


# -- statements -------------------------------------------------------------------------------
def _group_statements(mentions: list[Mention], event_of: dict[int, list[EventCandidate]]) -> list[EventCandidate]:
    grouped: dict[tuple[str, str], EventCandidate] = {}
    for mention in sorted(mentions, key=lambda m: m.trigger.i):
        if mention.agent is None:
            continue
        key = (mention.kind.id, mention.agent.actor.name)
        event = grouped.get(key)
        if event is None:
            # a political act (aid delivered, a ban imposed) happened where its clause says; a
            # speech act is placed nowhere: where words are said is no event's place
            place = None if mention.kind.speech else next(iter(mention.places), None)
            event = EventCandidate(kind=mention.kind, mentions=[], place=place, country=mention.agent.actor.country_iso3)
            event.actor1 = mention.agent
            event.actor1_from_parse = True
            grouped[key] = event
        event.mentions.append(mention)
        if event.actor2 is None:
            event.actor2 = mention.target or _perpetrator_of(mention, event_of)
        if event.statement is None and mention.quote is not None:
            event.statement = mention.quote
        elif event.statement is not None and event.statement.place_spoken is None and mention.quote is not None:
            if mention.quote.place_spoken:
                event.statement = mention.quote
        if event.date is None:
            event.date = _statement_date(mention)
            event.date_from_clause = event.date is not None
    return list(grouped.values())


def _perpetrator_of(mention: Mention, event_of: dict[int, list[EventCandidate]]) -> ActorRef | None:
    """'condemned the strikes': the statement is aimed at whoever carried the strikes out."""
    token = mention.target_event_token
    if token is None:
        return None
    for key, events in event_of.items():
        for event in events:
            if any(m.trigger.i == token.i for m in event.mentions) and event.actor1 is not None:
                return event.actor1
    return None


def _statement_date(mention: Mention) -> DateSpan | None:
    """When it was said: a date of the speech, not one inside the event spoken of."""
    about = mention.target_event_token
    inside = {t.i for t in about.subtree} if about is not None else set()
    for date in [*mention.dates, *mention.sentence_dates]:
        if not date.resolved.future and date.start not in inside:
            return date
    return None


# -- the model's second opinion -------------------------------------------------------------------
FIGHTING_WORDS = frozenset({
    "clash", "battle", "fight", "fighting", "firefight", "gunfight", "shootout", "shoot-out", "gun-battle",
    "skirmish", "exchange", "repulse", "repel",
})


def _told_as_fighting(event: EventCandidate) -> bool:
    """An armed clash whose own trigger words say both sides fought."""
    return event.kind.acled_sub_type == "Armed clash" and any(
        m.trigger.lemma_.lower() in FIGHTING_WORDS or m.trigger.lower_ in FIGHTING_WORDS for m in event.mentions
    )


def reclassify(events: list[EventCandidate], classifier, table: EventTable) -> None:
    """Let the sub-event model overrule the rules where it is confident (see eventwire.classify)."""
    from eventwire.classify import may_overrule, rule_features

    for event in events:
        if event.kind.statement or event.kind.acled_sub_type is None or not may_overrule(event.kind.acled_type, event.kind.acled_sub_type):
            continue
        sentences = {m.sentence.start: m.sentence.text.strip() for m in event.mentions}
        text = " ".join(sentences[key] for key in sorted(sentences))
        features = rule_features(
            event.kind.acled_sub_type,
            event.actor1.actor.type if event.actor1 else None,
            event.actor2.actor.type if event.actor2 else None,
        )
        verdict = classifier.predict(text, features)
        if verdict.sub_event_type == "Attack" and _told_as_fighting(event):
            continue  # "clashes between the two communities": both sides fought, as the text says
        if verdict.sub_event_type != event.kind.acled_sub_type and verdict.probability >= classifier.threshold:
            kind = table.kind_for_sub_event(verdict.sub_event_type)
            if kind is not None:
                event.kind = kind
