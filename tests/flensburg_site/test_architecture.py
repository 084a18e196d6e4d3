"""The layout of docs/architecture.md, checked on the source: each app
imports only the apps below it, no two modules import each other (directly
or round a circle), and no module grows past 400 lines.

Imports inside functions count (a lazy import is still a tie); imports under
``if TYPE_CHECKING:`` do not (they never run). Migrations are left out: a
migration that moves a model names both apps.
"""

import ast
import itertools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Lowest first. An app may import the apps of lower layers, not those of its
# own layer or above.
LAYERS = [
    ["caching"],
    ["core"],
    ["operations", "admin_security"],
    ["contacts", "figures"],
    ["pages"],
    ["integration_checkup", "events", "news", "responsibility", "offline"],
    ["site_search", "api", "editorial", "link_check", "alerts"],
    ["demo"],
    ["flensburg_site"],
]
LAYER_OF = {app: level for level, apps in enumerate(LAYERS) for app in apps}
MAX_LINES = 400


def source_files(folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts and "settings" not in path.parts:
                yield path


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_nodes(tree) -> set[int]:
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    return skipped


def imported_names(path: Path) -> set[str]:
    """Every dotted name the module imports, relative imports resolved."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    skipped = _type_checking_nodes(tree)
    names = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of the site it imports."""
    modules = {module_name(path): path for path in source_files(LAYER_OF)}
    graph = {}
    for module, path in modules.items():
        targets = set()
        for name in imported_names(path):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = itertools.count()

    def visit(node):
        index[node] = low[node] = next(counter)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_app_of_the_project_has_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps <= set(LAYER_OF), apps - set(LAYER_OF)


def test_apps_import_only_the_apps_below_them():
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in import_graph().items()
        for target in targets
        if (app := module.split(".")[0]) != (other := target.split(".")[0])
        and LAYER_OF[other] >= LAYER_OF[app]
    )
    assert upward == []


def test_no_modules_import_each_other():
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("folder", [*LAYER_OF, "tests", "bench", "scripts"])
def test_no_module_is_longer_than_the_limit(folder):
    long = {
        str(path.relative_to(ROOT)): length
        for path in source_files([folder])
        if (length := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}
