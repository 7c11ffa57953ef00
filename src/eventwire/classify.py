"""A sub-event classifier that complements the codebook rules (rules first, the model second).

The model reads the sentences that speak of an event together with what the rules decided
(their sub-event type, the actor types) and says which of ACLED's sub-event types the text
describes. It overrides the rules only when it is confident, so that a rule's clear verdict
("air strikes") stands while the wording the rules miss ("fired shells", "a mob stoned") is
still coded. It is trained by ``train/train_subevent.py`` on ACLED notes; see that script for
which data each shipped model saw.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

MODELS = Path(__file__).parent / "data" / "models"
DEFAULT_MODEL = MODELS / "subevent-all.joblib"
# The development sets a model may have seen (train/train_subevent.py), by the file they are in.
TRAINING_FILES = {"global": "acled_global_2020/acled.csv", "kenya": "acled_kenya/acled_data.csv"}
# Event types whose rule verdict names the weapon ("air strikes", "fired mortars", "a roadside
# bomb"): the codebook decides them by the weapon, so the model's reading of the wording never
# overrules them.
RULE_VERDICTS_THAT_STAND = frozenset({"Explosions/Remote violence"})
# Sub-event types the rules find only by the codebook's own wording ("took control of",
# "defused", "imposed a curfew", "released prisoners"); the training notes hold few of them.
RULE_SUB_EVENTS_THAT_STAND = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory",
     "Disrupted weapons use", "Change to group/activity", "Other", "Agreement", "Excessive force against protesters",
     # the codebook tells a peaceful protest from a violent one by what the demonstrators did
     # (stones, fire, barricades), which the rules read; measured both ways across the two ACLED
     # sets, the model's rewording of these verdicts lost more rows than it won
     "Peaceful protest", "Violent demonstration"}
)


def may_overrule(rule_event_type: str | None, rule_sub_event_type: str | None = None) -> bool:
    """Whether the model may replace a rule verdict of this ACLED event type and sub-event type."""
    return rule_event_type not in RULE_VERDICTS_THAT_STAND and rule_sub_event_type not in RULE_SUB_EVENTS_THAT_STAND


def rule_features(sub_event_type: str | None, actor1_type: str | None, actor2_type: str | None) -> str:
    """What the rules decided, as words the model reads beside the text."""
    slug = (sub_event_type or "none").lower().replace("/", "_").replace(" ", "_")
    return f" __rule_{slug} __actor1_{actor1_type or 'none'} __actor2_{actor2_type or 'none'}"


@dataclass(frozen=True, slots=True)
class Verdict:
    sub_event_type: str
    probability: float


class SubEventClassifier:
    def __init__(self, pipeline, threshold: float):
        self._pipeline = pipeline
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> SubEventClassifier:
        import joblib  # only needed when a model is used

        bundle = joblib.load(path)
        return cls(bundle["pipeline"], bundle["threshold"])

    def predict(self, text: str, features: str) -> Verdict:
        probabilities = self._pipeline.predict_proba([text + features])[0]
        best = int(probabilities.argmax())
        return Verdict(str(self._pipeline.classes_[best]), float(probabilities[best]))


@functools.lru_cache(maxsize=4)
def load_classifier(path: str | None) -> SubEventClassifier | None:
    """The classifier at ``path`` (the shipped one for "default"); None when there is none."""
    if path is None:
        return None
    model = DEFAULT_MODEL if path == "default" else Path(path)
    return SubEventClassifier.load(model) if model.exists() else None


def model_not_trained_on(gold: Path) -> Path | None:
    """The shipped model that never saw ``gold`` (the largest such), for honest scoring on it;
    None when every model saw it."""
    import joblib

    gold_name = Path(gold).resolve().as_posix()
    unseen = []
    for path in sorted(MODELS.glob("subevent-*.joblib")):
        seen = joblib.load(path).get("trained_on", [])
        if not any(gold_name.endswith(TRAINING_FILES.get(part, "\0")) for part in seen):
            unseen.append((len(seen), path))
    return max(unseen)[1] if unseen else None
