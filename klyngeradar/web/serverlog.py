"""Logs without secrets: a personal link's token never reaches a log line.

A personal link ``/svar/<token>/`` opens a cluster's form to whoever holds it,
so the token must not be written to the access log, the error log or Django's
own log. Everything logged that contains such a path is shown as
``/svar/…/`` instead:

- `PersonalLinkLogger`, a gunicorn logger class (``--logger-class``), redacts
  the access log's atoms (request line, path, referer, headers, environ) and
  filters its error log;
- `RedactPersonalLinks`, a `logging.Filter`, redacts the message (and the
  traceback text) of any record; settings attach it to Django's
  ``django.request`` and ``django.server`` loggers and to the handlers.

The path is also recognised percent-encoded (``/%73var/…``, ``%2Fsvar%2F…``),
which Django would decode and serve.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote

from gunicorn.glogging import Logger

REDACTED = "…"
# "/svar/" followed by the token: everything up to the next "/", "?", "#", quote or space.
_PERSONAL_LINK = re.compile(r"(/svar/)[^/?#\s\"']+", re.IGNORECASE)


def redact(text: str) -> str:
    """`text` with the token of every personal link replaced by "…".

    >>> redact("GET /svar/Zm9vYmFy/afsnit/a/ HTTP/1.1")
    'GET /svar/…/afsnit/a/ HTTP/1.1'
    """
    if "%" in text:
        decoded = unquote(text)
        if _PERSONAL_LINK.search(decoded):
            return _PERSONAL_LINK.sub(rf"\g<1>{REDACTED}", decoded)
    return _PERSONAL_LINK.sub(rf"\g<1>{REDACTED}", text)


def _redacted(value: object) -> object:
    return redact(value) if isinstance(value, str) else value


class PersonalLinkLogger(Logger):
    """gunicorn's logger, with every personal link's token left out of the access and error logs."""

    def atoms(self, resp, req, environ, request_time):
        return {
            key: _redacted(value)
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }

    def setup(self, cfg):
        super().setup(cfg)
        # gunicorn names the request's URI in some error messages ("Error handling request …").
        self.error_log.addFilter(RedactPersonalLinks())


class RedactPersonalLinks(logging.Filter):
    """A filter that rewrites a record's message and traceback with personal links redacted.

    The record is kept (the filter never drops one); its message is formatted
    once and stored without arguments, so every handler after it sees the
    redacted text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: let the handler report it as usual
            return True
        record.msg, record.args = redact(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
