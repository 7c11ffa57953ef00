"""eventwire: news articles in, structured conflict and political event data out.

>>> from eventwire import extract
>>> events = extract("Gunmen killed five villagers in Kaduna on Sunday.", date="2024-05-07")
"""

from eventwire.errors import EventwireError, ExtractionError, InputError
from eventwire.ingest import read_articles
from eventwire.nlp import build_nlp
from eventwire.pipeline import ArticleResult, extract, run
from eventwire.schema import Actor, Article, Count, CountClaim, Event, Evidence, Place, Statement

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ArticleResult",
    "Count",
    "CountClaim",
    "Event",
    "EventwireError",
    "Evidence",
    "ExtractionError",
    "InputError",
    "Place",
    "Statement",
    "build_nlp",
    "extract",
    "read_articles",
    "run",
]
