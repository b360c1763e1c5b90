"""Klyngeradar: map, survey and manage a region's collaboration with the national clusters."""

__version__ = "0.1.0"
