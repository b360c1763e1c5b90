"""Shipped data for specialisation: the default area <-> industry mappings, per classification."""
