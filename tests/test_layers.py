"""The layers' import arrows point one way (README, Architecture).

core -> render -> web/cli, and inside core: shared ground -> registry -> surveys ->
{findings, strategy, agreements} -> maps -> reports, with specialisation (on registry) below
strategy and reports. Checked on the source with `ast`, so an
import inside a function counts as much as one at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "klyngeradar"

# What each core package may import from core, besides the shared ground at core's root.
CORE_MAY_IMPORT = {
    "registry": set(),
    "surveys": {"registry"},
    "findings": {"registry", "surveys"},
    "specialisation": {"registry"},
    "strategy": {"registry", "surveys", "specialisation"},
    "agreements": {"registry"},
    "maps": {"registry", "surveys", "findings", "agreements"},
    "reports": {
        "registry",
        "surveys",
        "findings",
        "strategy",
        "agreements",
        "specialisation",
        "maps",
    },
}
FORBIDDEN_IN_CORE = (
    "django",
    "pptx",
    "xlsxwriter",
    "docx",
    "klyngeradar.render",
    "klyngeradar.web",
    "klyngeradar.cli",
)
FORBIDDEN_IN_RENDER = ("django", "klyngeradar.web", "klyngeradar.cli")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("path", _modules("core"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_it_keeps_core_free_of_django_office_and_higher_layers(path):
    bad = sorted(n for n in _imports(path) if _starts(n, FORBIDDEN_IN_CORE))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


@pytest.mark.parametrize("path", _modules("render"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_it_keeps_render_free_of_django_web_and_cli(path):
    bad = sorted(n for n in _imports(path) if _starts(n, FORBIDDEN_IN_RENDER))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


@pytest.mark.parametrize("package", sorted(CORE_MAY_IMPORT))
def test_it_points_the_arrows_between_core_packages_one_way(package):
    allowed = CORE_MAY_IMPORT[package] | {package}
    for path in sorted((PACKAGE / "core" / package).rglob("*.py")):
        for name in _imports(path):
            parts = name.split(".")
            if parts[:2] != ["klyngeradar", "core"] or len(parts) < 3:
                continue
            target = parts[2]
            if target in CORE_MAY_IMPORT:
                assert target in allowed, f"core/{package} imports core/{target} ({path.name})"


def test_it_has_no_module_left_at_core_root_but_the_shared_ground():
    root = {p.stem for p in (PACKAGE / "core").glob("*.py")}
    assert root == {"__init__", "problems", "numbers", "dates", "tables", "archives", "demo"}


def test_it_imports_no_private_helper_of_another_core_package():
    for path in _modules("core") + _modules("render"):
        here = path.relative_to(PACKAGE).parts
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "klyngeradar" or not parts[-1].startswith("_") or len(parts) < 4:
                continue
            if parts[-1].startswith("__"):
                continue
            assert tuple(parts[1:3]) == here[:2], f"{path.relative_to(PACKAGE)} imports {name}"
