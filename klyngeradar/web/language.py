"""Danish first: the interface language comes from the user's choice, else Danish."""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class DanishFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but ignore the browser's Accept-Language.

    Klyngeradar's users are Danish public bodies whose machines often run an
    English browser; the product is Danish by default and English only when a
    user picks it with the language switch (stored in the language cookie).
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        available = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
