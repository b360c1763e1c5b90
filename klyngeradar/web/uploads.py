"""Checks every upload passes before anything reads it: its size, and an Office file's inside.

An Office file (.xlsx, .pptx, .docx, …) is a zip archive that can declare far
more content than it carries; `check_upload` refuses one that would unpack too
large (see klyngeradar.core.archives) as well as any file over its size limit.
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from klyngeradar.core.archives import check_archive
from klyngeradar.core.problems import InputError

OFFICE_SUFFIXES = frozenset({".xlsx", ".xlsm", ".pptx", ".potx", ".docx", ".odt", ".ods", ".odp"})


def check_upload(upload, *, max_bytes: int) -> None:
    """Raise a form error for a file over `max_bytes` or an Office file that unpacks too large."""
    if upload.size > max_bytes:
        raise forms.ValidationError(
            _("Filen er for stor (højst %(mb)s MB).") % {"mb": max_bytes // (1024 * 1024)}
        )
    if Path(upload.name).suffix.lower() not in OFFICE_SUFFIXES:
        return
    upload.seek(0)
    try:
        check_archive(upload, file=Path(upload.name).name)
    except InputError as error:
        raise forms.ValidationError([p.text(get_language()) for p in error.problems]) from None
    finally:
        upload.seek(0)
