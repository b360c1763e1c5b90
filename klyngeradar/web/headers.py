"""Response headers every generated page and download gets.

Everything the app itself generates is personal: pages behind a login, a
respondent's form behind a personal link, decks, appendices, documentation
packages and exports. None of it may be kept by a shared proxy or in a browser
cache after logout, so every such response is ``Cache-Control: private,
no-store`` — unless a view set its own ``Cache-Control`` on purpose. Static
files are served by WhiteNoise before this middleware runs and keep their long
public caching.
"""

from __future__ import annotations

PRIVATE = "private, no-store"


class PrivateCachingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = PRIVATE
        return response
