"""The download log: every generated file a user takes away is recorded.

A middleware notes each successful response sent as an attachment (the deck,
the appendices, the documentation package, a round's export, an agreement
document, an API CSV) with who, when, the path and the file name. Personal
links never download files, and their paths are not stored.
"""

from __future__ import annotations

import re

from klyngeradar.web.privacy.models import DownloadLog

_FILENAME = re.compile(r"filename\*?=(?:UTF-8'')?\"?([^\";]+)\"?", re.IGNORECASE)


class DownloadLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        disposition = response.get("Content-Disposition", "")
        user = getattr(request, "user", None)
        if (
            response.status_code == 200
            and disposition.startswith("attachment")
            and user is not None
            and user.is_authenticated
        ):
            match = _FILENAME.search(disposition)
            DownloadLog.objects.create(
                user=user,
                username=user.get_username(),
                path=request.path[:500],
                filename=(match.group(1) if match else "")[:255],
                via_api=request.path.startswith("/api/"),
            )
        return response
