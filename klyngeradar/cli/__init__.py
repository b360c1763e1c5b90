"""The ``klyngeradar`` command: thin subcommands over core, render and web.

Each subcommand lives in its own module and is imported only when it runs, so
that ``klyngeradar findings`` on a spreadsheet never loads Django.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from klyngeradar.core.problems import InputError

# name -> "module:function"; a module that is not there is simply not offered.
COMMANDS = {
    "findings": "klyngeradar.cli.findings:findings",
    "compare": "klyngeradar.cli.compare:compare",
    "recommend": "klyngeradar.cli.recommend:recommend",
    "specialisation": "klyngeradar.cli.specialisation:specialisation",
    "report": "klyngeradar.cli.report:report",
    "demo": "klyngeradar.cli.demo:demo",
    "serve": "klyngeradar.cli.serve:serve",
    "documentation": "klyngeradar.cli.documentation:documentation",
    "import-participation": "klyngeradar.cli.import_participation:import_participation",
    "manage": "klyngeradar.cli.manage:manage",
    "backup": "klyngeradar.cli.backup:backup",
    "restore": "klyngeradar.cli.restore:restore",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="klyngeradar")
def cli() -> None:
    """Klyngeradar: map, survey and manage collaboration with the national clusters.

    Example: klyngeradar demo && klyngeradar serve --data ./klyngeradar-demo
    """


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; refused input exits 2, other failures exit 1, never with a traceback."""
    try:
        cli.main(args=argv, standalone_mode=False)
    except InputError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:  # A readable line instead of a traceback.
        if os.environ.get("KLYNGERADAR_TRACEBACK"):
            raise
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
