"""``klyngeradar demo``: build a ready-to-run demo in a directory.

The demo is a sequence of steps, each a function ``step(demo: Demo) -> None``
that does one thing and records what it made. `STEPS` names them as
"module:function", like the CLI's COMMANDS: a step whose module is not there
is skipped, so later features add a step by shipping its module.
"""

from __future__ import annotations

import importlib
import os
import secrets
import shutil
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from klyngeradar.core.demo import DEMO_CLUSTER_LETTERS, DEMO_ORGANISATION, DEMO_REGION

# (username, role, letter of the respondent's cluster). The agreements step gives
# kommune-aalborg municipal access to Aalborg, which makes that viewer a municipal officer.
DEMO_USERS = (
    ("analyst", "analyst", None),
    ("viewer", "viewer", None),
    ("respondent-a", "respondent", "A"),
    ("respondent-b", "respondent", "B"),
    ("admin", "admin", None),
    ("kommune-aalborg", "viewer", None),
)

STEPS = (
    "klyngeradar.cli.demo:migrate_database",
    "klyngeradar.cli.demo:load_reference_data",
    "klyngeradar.cli.demo:create_organisation",
    "klyngeradar.cli.demo:create_demo_clusters",
    "klyngeradar.cli.demo:create_demo_users",
    "klyngeradar.web.strategy.demo:store_strategy",
    "klyngeradar.web.agreements.demo:create_demo_agreements",
    # The demo round with personal links, and its answers as svar.xlsx.
    "klyngeradar.web.surveys.demo:write_demo_round",
    "klyngeradar.web.surveys.demo_second_round:write_second_demo_round",
    "klyngeradar.web.specialisation.demo:store_demo_statistics",
    # The deck and appendices of everything above: keep it the last step.
    "klyngeradar.web.reports.demo:write_deliverables",
)


@dataclass
class Demo:
    """What the steps share: where to write, and what has been made so far."""

    out: Path
    made: list[str] = field(default_factory=list)
    logins: dict[str, str] = field(default_factory=dict)


def load_steps(names=STEPS) -> list[Callable[[Demo], None]]:
    steps = []
    for target in names:
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        steps.append(getattr(module, attr))
    return steps


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("klyngeradar-demo"),
    show_default=True,
    help="Directory for the demo database and files (created or refreshed).",
)
def demo(out: Path) -> None:
    """Create or refresh a demo: database, reference data, demo clusters and logins.

    The database is the SQLite file in the directory, or the one DATABASE_URL
    names (e.g. PostgreSQL); the directory holds the media files and the
    secret key either way.

    Example: klyngeradar demo --out ./klyngeradar-demo
    """
    from klyngeradar.web.bootstrap import check_database, setup

    out = out.expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    setup(out)
    check_database()

    state = Demo(out=out)
    for step in load_steps():
        step(state)

    click.echo(f"Demo i {out}:")
    for line in state.made:
        click.echo(f"  {line}")
    click.echo("")
    click.echo(f"Start webappen:  {_command()} serve --data {out}")
    if os.environ.get("DATABASE_URL"):
        click.echo("                 med samme DATABASE_URL i miljøet")
    click.echo("Åbn derefter http://127.0.0.1:8000/ og log ind med (adgangskoderne vises kun nu):")
    for username, password in state.logins.items():
        click.echo(f"{username} / {password}")


def migrate_database(demo: Demo) -> None:
    from django.core.management import call_command

    from klyngeradar.web.bootstrap import database_label

    call_command("migrate", interactive=False, verbosity=0)
    demo.made.append(f"database: {database_label()}")


def load_reference_data(demo: Demo) -> None:
    from klyngeradar.web.registry.models import Actor, Cluster, Municipality, Region
    from klyngeradar.web.registry.reference import load_reference

    load_reference(update=True)
    demo.made.append(
        f"referencedata: {Region.objects.count()} regioner, "
        f"{Municipality.objects.count()} kommuner, "
        f"{Cluster.objects.filter(fictitious=False).count()} nationale klynger, "
        f"{Actor.objects.count()} aktører"
    )


def create_organisation(demo: Demo) -> None:
    from klyngeradar.web.accounts.models import Organisation
    from klyngeradar.web.registry.models import Region

    slug = DEMO_ORGANISATION["slug"]
    defaults = {k: v for k, v in DEMO_ORGANISATION.items() if k != "slug"}
    defaults["region"] = Region.objects.get(code=DEMO_REGION)
    organisation, _ = Organisation.objects.update_or_create(slug=slug, defaults=defaults)
    demo.made.append(f"organisation: {organisation.name} ({organisation.region})")


def create_demo_clusters(demo: Demo) -> None:
    from klyngeradar.web.registry.models import Cluster, Programme

    programme = Programme.objects.order_by("-start").first()
    for letter in DEMO_CLUSTER_LETTERS:
        Cluster.objects.update_or_create(
            slug=f"klynge-{letter.lower()}",
            defaults={
                "name": f"Klynge {letter}",
                "programme": programme,
                "fictitious": True,
                "verified": False,
                "source": "Fiktive demodata (pseudonym); ikke en rigtig klynge.",
            },
        )
    last = DEMO_CLUSTER_LETTERS[-1]
    demo.made.append(f"demoklynger: {len(DEMO_CLUSTER_LETTERS)} fiktive (Klynge A … Klynge {last})")


def create_demo_users(demo: Demo) -> None:
    from django.contrib.auth import get_user_model

    from klyngeradar.web.accounts.models import Membership, Organisation, Role
    from klyngeradar.web.registry.models import Cluster

    User = get_user_model()
    organisation = Organisation.objects.get(slug=DEMO_ORGANISATION["slug"])
    for username, role, letter in DEMO_USERS:
        password = _random_password()
        user, _ = User.objects.get_or_create(username=username)
        user.email = f"{username}@example.org"
        user.is_staff = role in (Role.ADMIN, Role.ANALYST)
        user.is_superuser = role == Role.ADMIN
        user.set_password(password)
        user.save()
        cluster = Cluster.objects.get(slug=f"klynge-{letter.lower()}") if letter else None
        Membership.objects.update_or_create(
            user=user,
            defaults={
                "role": role,
                "organisation": None if cluster else organisation,
                "cluster": cluster,
            },
        )
        demo.logins[username] = password
    demo.made.append(f"brugere: {', '.join(demo.logins)} (nye adgangskoder ved hver kørsel)")


def _random_password(length: int = 14) -> str:
    # Letters and digits only, so the password can be copied from a terminal in one click.
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


def _command() -> str:
    """How to call this program again: plain `klyngeradar` when it is on PATH.

    `make demo` runs it from the project's virtualenv without activating it, so
    the printed command must then name the script's full path to work as shown.
    """
    script = Path(sys.argv[0])
    found = shutil.which("klyngeradar")
    if script.name == "klyngeradar" and script.exists():
        if found and Path(found).resolve() == script.resolve():
            return "klyngeradar"
        return str(script)
    return "klyngeradar" if found else f"{Path(sys.executable)} -m klyngeradar"
