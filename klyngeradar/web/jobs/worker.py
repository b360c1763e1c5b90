"""The job worker: ``python -m klyngeradar.web.jobs.worker`` (started by ``klyngeradar serve``).

It polls the job table, runs one job at a time, and stops when the process
that started it has gone (so a stopped ``serve`` leaves no worker behind).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

POLL_SECONDS = 1.0


def work(*, parent: int | None = None, poll: float = POLL_SECONDS) -> None:
    from django.db import close_old_connections

    from klyngeradar.web.jobs.queue import run_next

    while parent is None or os.getppid() == parent:
        # A worker lives long: drop a connection the database has closed, as a request would.
        close_old_connections()
        if run_next() is None:
            time.sleep(poll)


def main() -> None:
    from klyngeradar.web.bootstrap import setup

    setup(os.environ.get("KLYNGERADAR_DATA_DIR") or None)
    parent = int(sys.argv[1]) if len(sys.argv) > 1 else None
    # Ctrl+C on `serve` reaches the worker too: stop quietly.
    with contextlib.suppress(KeyboardInterrupt):
        work(parent=parent)


if __name__ == "__main__":
    main()
