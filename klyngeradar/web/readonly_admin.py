"""A read-only admin for the analysts' per-round records, which only the app's pages change.

The shortlist choices, next steps, chosen quotes and own slide titles of a round
are written on its "Samarbejdsmodeller" and "Rapporter" pages, which check the
analyst's access and keep history. In the admin an administrator may look at
them and their history, as with any record needing a look outside the app, but
nobody adds, changes, deletes or reverts one there: an edit past the page's
checks (a pin for a cluster not in the round, a quote not confirmed free of
names) would reach the board's deck unchecked.
"""

from __future__ import annotations

from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyRoundRecordAdmin(SimpleHistoryAdmin):
    """View and history only; `klyngeradar.web.accounts.adminsite.lock` limits it to admins."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
