"""A large organisation under load: 20 analysts' sessions at once against `klyngeradar serve`.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/kr_bench \\
     .venv/bin/python benchmarks/sessions.py --sessions 20 --rounds 10

Measures the data set `benchmarks/scale.py` built on that database (run it first,
or with ``--keep`` on SQLite and ``DATABASE_URL=sqlite:///…``). It starts
`klyngeradar serve` with its default workers on a free loopback port, gives each
of ``--sessions`` clients a logged-in analyst session, and lets every client walk
the pages of scale.py (agreements, an agreement, participation lists, clusters,
rounds, the round) ``--rounds`` times at once, waiting ``--think`` seconds between
two pages (0: as fast as the server answers, the worst case). It prints, per page, the median,
the 95th percentile and the slowest response time as the client saw it, the
p95 over every request, and the number of errors (anything but HTTP 200). The
first walk of each page is reported on its own: it is the one that computes
what the pages keep in the cache afterwards.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(folder: Path, sessions: int) -> tuple[dict[str, str], list[str]]:
    """The pages to walk and one session key per client, in the data directory `folder`."""
    from klyngeradar.web.bootstrap import setup

    setup(folder)
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.db.models import Count
    from django.urls import reverse

    from klyngeradar.web.agreements.models import Agreement
    from klyngeradar.web.surveys.models import Round

    user = get_user_model().objects.filter(username="analyst").first()
    survey = Round.objects.filter(title="Runde 2026").first()
    if user is None or survey is None:
        raise SystemExit("no scaled data set here: run benchmarks/scale.py on this database first")
    busiest = Agreement.objects.annotate(n=Count("cluster__participation")).order_by("-n").first()
    pages = {
        "agreements list": reverse("agreements:agreement_list"),
        "agreement detail": busiest.get_absolute_url(),
        "participation lists": reverse("agreements:participation"),
        "clusters": reverse("registry:cluster_list"),
        "rounds": reverse("surveys:round_list"),
        "round": reverse("surveys:round_detail", kwargs={"pk": survey.pk}),
    }
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = []
    for _ in range(sessions):
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return pages, keys


def walk(
    base: str, key: str, pages: dict[str, str], rounds: int, think: float, times: dict, errors
):
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"sessionid={key}")]
    for walked in range(rounds):
        for name, path in pages.items():
            started = time.perf_counter()
            try:
                with opener.open(base + path, timeout=120) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                status = f"{type(error).__name__}"
            seconds = time.perf_counter() - started
            times.setdefault((name, walked == 0), []).append(seconds)
            if status != 200:
                errors.append(f"{name}: {status}")
            time.sleep(think)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--think", type=float, default=0.0, help="seconds a client waits between two pages"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="klyngeradar-sessions-") as folder:
        pages, keys = prepare(Path(folder), args.sessions)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "klyngeradar", "serve", "--data", folder, "--port", str(port)],
            env=os.environ.copy(),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _attempt in range(150):
                try:
                    urllib.request.urlopen(base + "/konto/login/", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            times: dict = {}
            errors: list[str] = []
            clients = [
                threading.Thread(
                    target=walk, args=(base, key, pages, args.rounds, args.think, times, errors)
                )
                for key in keys
            ]
            started = time.perf_counter()
            for client in clients:
                client.start()
            for client in clients:
                client.join()
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    every = [s for values in times.values() for s in values]
    print(
        f"{args.sessions} sessions × {args.rounds} walks of {len(pages)} pages, "
        f"{args.think:g} s between pages: {len(every)} requests in {wall:.1f} s"
    )
    print(f"{'page':<22} {'first p95 ms':>12} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name in pages:
        first = times.get((name, True), [])
        rest = times.get((name, False), []) or first
        print(
            f"{name:<22} {p95(first) * 1000:>12.0f} {statistics.median(rest) * 1000:>10.0f} "
            f"{p95(rest) * 1000:>8.0f} {max(rest) * 1000:>8.0f}"
        )
    print(f"p95 over every request: {p95(every) * 1000:.0f} ms; errors: {len(errors)}")
    for error in sorted(set(errors))[:10]:
        print(f"  {error}")


if __name__ == "__main__":
    main()
