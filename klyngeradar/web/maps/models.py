"""The map has no tables of its own: it draws the registry's, the surveys' and the agreements'."""
