"""Office files are zip archives: look inside before anything unpacks them.

A small ``.xlsx``, ``.pptx`` or ``.docx`` can declare gigabytes of content (a
"zip bomb"): every later reader would inflate it again. `check_archive` reads
only the archive's directory and refuses a file with too many members, too
much uncompressed content or a compression ratio no Office program writes,
before the file is accepted or opened. The declared sizes can be trusted as
upper bounds: Python's zip reader never returns more than a member's declared
size (and refuses a member whose content does not match it).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from klyngeradar.core.numbers import format_int
from klyngeradar.core.problems import InputError, Problem


@dataclass(frozen=True)
class ArchiveLimits:
    """How large an Office file may unpack: members, total bytes and compression ratio."""

    members: int = 10_000
    uncompressed: int = 1024 * 1024 * 1024
    # Office XML compresses 5-20x, highly repetitive sheets up to ~50x; a bomb 1,000x.
    ratio: int = 100
    # Small files may compress well (an empty sheet); the ratio counts above this size.
    ratio_from: int = 10 * 1024 * 1024


LIMITS = ArchiveLimits()


NOT_AN_ARCHIVE = (
    "is not an Office file (not a readable zip archive)",
    "er ikke en Office-fil (ikke et zip-arkiv, der kan læses)",
)


def check_archive(
    source: bytes | str | Path | io.IOBase,
    *,
    file: str,
    limits: ArchiveLimits = LIMITS,
    not_an_archive: tuple[str, str] = NOT_AN_ARCHIVE,
) -> None:
    """Refuse (InputError naming `file`) an Office file that is not a zip or unpacks too large.

    `source` is the file's bytes, its path, or an open binary file (read from
    where it is and rewound afterwards); `not_an_archive` is the (English,
    Danish) reason given for a file that is not a zip archive at all.
    """
    opened = io.BytesIO(source) if isinstance(source, bytes) else source
    start = opened.tell() if hasattr(opened, "tell") else None
    try:
        with zipfile.ZipFile(opened) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _refuse(file, *not_an_archive) from exc
    finally:
        if start is not None:
            opened.seek(start)
    if len(members) > limits.members:
        raise _refuse(
            file,
            f"holds {format_int(len(members), 'en')} parts "
            f"(at most {format_int(limits.members, 'en')} are accepted)",
            f"indeholder {format_int(len(members))} dele "
            f"(højst {format_int(limits.members)} accepteres)",
        )
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if total > limits.uncompressed:
        size, most = _megabytes(total), _megabytes(limits.uncompressed)
        raise _refuse(
            file,
            f"unpacks to {size} MB (at most {most} MB are accepted)",
            f"fylder {size} MB udpakket (højst {most} MB accepteres)",
        )
    if total > limits.ratio_from and total > limits.ratio * max(packed, 1):
        ratio = total // max(packed, 1)
        raise _refuse(
            file,
            f"is compressed {format_int(ratio, 'en')}:1, far more than an Office program "
            f"writes (at most {limits.ratio}:1); it looks like a zip bomb",
            f"er pakket {format_int(ratio)}:1, langt mere end et Office-program gemmer "
            f"(højst {limits.ratio}:1); den ligner en zip-bombe",
        )


def _megabytes(size: int) -> int:
    return -(-size // (1024 * 1024))


def _refuse(file: str, reason: str, reason_da: str) -> InputError:
    return InputError([Problem(reason, file=file, reason_da=reason_da)])
