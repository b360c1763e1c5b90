"""The dashboard: the front page after login, the registry at a glance."""
