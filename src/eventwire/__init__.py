"""eventwire: news articles in, structured conflict and political event data out."""

__version__ = "0.1.0"
