"""Accounts: organisations, people's roles in them, and login."""
