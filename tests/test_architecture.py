"""The layout the README's "Where things live" promises, checked on the source so it stays true.

Read with ``ast`` rather than by importing, so a rule is checked on every module whether a test
happens to import it or not.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("agenda_pages", "home", "kankernl_site", "elearning_pages", "toolbox", "alerts", "usage")
MAX_LINES = 400  # data modules (the translations under locale/) aside

# Imports inside a function that are there for a reason other than dodging a cycle.
LATE_IMPORTS_ALLOWED = {
    # Django documents AppConfig.ready() as the place to import what needs the models.
    "agenda_pages/apps.py",
    "kankernl_site/apps.py",
    "alerts/apps.py",
    "elearning_pages/apps.py",
    "usage/apps.py",
    "toolbox/apps.py",
    # The parsers are imported in the child process only, which is what isolates them.
    "agenda_pages/importing/isolation.py",
    # Wagtail's editor converter needs the app registry, which is not ready at import time.
    "agenda_pages/sanitize.py",
    # Serving media from runserver only in development.
    "kankernl_site/urls.py",
}


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = modules()


def resolve_relative(module: str, node: ast.ImportFrom) -> str:
    parts = module.split(".")
    if MODULES[module].name != "__init__.py":
        parts = parts[:-1]
    parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
    return ".".join(filter(None, [*parts, node.module or ""]))


def imports_of(module: str, *, anywhere: bool = False) -> set[str]:
    tree = ast.parse(MODULES[module].read_text())
    nodes = ast.walk(tree) if anywhere else tree.body
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = resolve_relative(module, node) if node.level else node.module
            submodules = {f"{base}.{alias.name}" for alias in node.names} & MODULES.keys()
            # "from package import module" needs the module; the package is then only started.
            names.update(submodules or {base})
    return {name for name in names if name in MODULES}


GRAPH = {module: imports_of(module) for module in MODULES}


def find_cycle() -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module):
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if target == module:
                continue
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_no_import_cycles():
    assert find_cycle() is None


def test_no_imports_inside_functions_except_the_documented_ones():
    late = []
    for path in MODULES.values():
        relative = str(path.relative_to(ROOT))
        if relative in LATE_IMPORTS_ALLOWED:
            continue
        tree = ast.parse(path.read_text())
        for function in (node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)):
            if any(isinstance(node, ast.Import | ast.ImportFrom) for node in ast.walk(function)):
                late.append(f"{relative}: {function.name}")
    assert late == []


def imports_below(prefix: str) -> dict[str, set[str]]:
    return {module: GRAPH[module] for module in GRAPH if module == prefix or module.startswith(prefix + ".")}


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        # The models are the bottom: no presentation, permissions, admin, import pipeline or mail.
        (
            "agenda_pages.models",
            (
                "agenda_pages.public",
                "agenda_pages.moderation",
                "agenda_pages.admin",
                "agenda_pages.importing",
                "kankernl_site.fragments",
                "kankernl_site.page_cache",
            ),
        ),
        # Export and the public pages do not depend on the importer (sanitize.py is shared).
        ("agenda_pages.public", ("agenda_pages.importing", "agenda_pages.admin")),
        ("agenda_pages.moderation", ("agenda_pages.admin", "agenda_pages.public")),
        # The agenda knows nothing of the e-mail alerts, which listen to its signals.
        ("agenda_pages", ("alerts",)),
        # The usage counts' models and services know nothing of their views, tags or reports.
        ("usage.models", ("usage.views", "usage.admin", "usage.templatetags", "usage.recording")),
        ("usage.recording", ("usage.views", "usage.admin", "usage.templatetags")),
        # The importer knows nothing of caches, mail or the admin: the feed_imported signal does.
        (
            "agenda_pages.importing",
            (
                "agenda_pages.moderation",
                "agenda_pages.public",
                "agenda_pages.admin",
                "kankernl_site.page_cache",
                "kankernl_site.fragments",
            ),
        ),
    ],
)
def test_layers_import_only_downwards(layer, forbidden):
    crossing = {
        module: sorted(target for target in targets if target.startswith(forbidden))
        for module, targets in imports_below(layer).items()
    }
    assert {module: targets for module, targets in crossing.items() if targets} == {}


def test_models_send_no_mail():
    sources = [path.read_text() for module, path in MODULES.items() if module.startswith("agenda_pages.models")]
    assert not any("django.core.mail" in source for source in sources)


def test_home_and_agenda_do_not_import_each_other_both_ways():
    home_uses_agenda = any(t.startswith("agenda_pages") for m, ts in imports_below("home").items() for t in ts)
    agenda_uses_home = any(t.startswith("home") for m, ts in imports_below("agenda_pages").items() for t in ts)
    assert not (home_uses_agenda and agenda_uses_home)


def test_no_module_is_over_400_lines():
    lengths = {str(path.relative_to(ROOT)): len(path.read_text().splitlines()) for path in MODULES.values()}
    long = {path: lines for path, lines in lengths.items() if lines > MAX_LINES and "/locale/" not in path}
    assert long == {}


def test_wagtail_hooks_only_register():
    for path in ROOT.glob("*/wagtail_hooks.py"):
        tree = ast.parse(path.read_text())
        defined = [node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.ClassDef)]
        assert defined == [], path


def test_scrubbing_is_a_pure_function_of_its_text():
    """Personal data leaves a search term before anything stores it: no database, settings or clock."""
    tree = ast.parse(MODULES["usage.scrub"].read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported == {"re"}
