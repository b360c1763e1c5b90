"""Request log lines without noise: a refused request is one line, not a traceback.

Django logs every 403 through ``django.request`` with the PermissionDenied
exception attached, so each refusal (a viewer pressing a button they may not
use, a probe) wrote a full traceback. A refusal is expected behaviour: the
filter keeps the one-line warning ("Forbidden (Permission denied): /path") and
drops the exception. 5xx records keep their traceback.
"""

from __future__ import annotations

import logging


class RefusalsWithoutTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in (401, 403, 404, 405):
            record.exc_info = None
            record.exc_text = None
        return True
