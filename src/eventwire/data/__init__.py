"""Shipped knowledge: event decision table, actor knowledge base, gazetteer extras."""
