"""The Klyngeradar web app: a Django project with its apps (registry, accounts, dashboard)."""
