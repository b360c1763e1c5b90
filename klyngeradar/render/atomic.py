"""Write an output file completely or not at all.

Every file the CLI and the web app write goes to a temporary file in the same
folder and is renamed over the target only when it is complete, so a full disk
or a crash midway leaves the previous file as it was. A failure to write is
refused as an `InputError` naming the file and why (the CLI exits 2).
"""

from __future__ import annotations

import functools
import inspect
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from klyngeradar.core.problems import InputError, Problem


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block succeeds, it becomes `path`."""
    path = Path(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _not_written(path, exc) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        # A new file gets the usual permissions, not mkstemp's private 0600.
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        cause = exc if isinstance(exc, OSError) else _os_error_in(exc)
        if cause is not None:
            raise _not_written(path, cause) from None
        raise


def _os_error_in(exc: BaseException) -> OSError | None:
    """The OSError a library wrapped (XlsxWriter's FileCreateError holds it as its argument)."""
    for candidate in (*getattr(exc, "args", ()), exc.__cause__, exc.__context__):
        if isinstance(candidate, OSError):
            return candidate
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _not_written(path: Path, exc: OSError) -> InputError:
    why = exc.strerror or str(exc)
    return InputError(
        [
            Problem(
                f"could not be written ({why}); the previous file, if any, is kept",
                file=str(path),
                reason_da=f"kunne ikke skrives ({why}); en tidligere fil er bevaret",
            )
        ]
    )


def writes_atomically(write):
    """Make a writer with a `path` argument write through `replacing`; it returns the real path."""
    signature = inspect.signature(write)

    @functools.wraps(write)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        target = Path(bound.arguments["path"])
        with replacing(target) as temporary:
            bound.arguments["path"] = temporary
            write(*bound.args, **bound.kwargs)
        return target

    return wrapper
