"""Extraction stages: spaCy components, each reading the parse and writing one ``doc._`` attribute.

Order (set once in ``eventwire.nlp.COMPONENTS``): places, dates, quotes, events, casualties.
"""
