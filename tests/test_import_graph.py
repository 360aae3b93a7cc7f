"""The portal's modules import one another without a cycle, and no module imports a management command.

An import inside a function still ties two modules together: it only hides the cycle until the function runs, and
the next reader cannot tell which module is the lower one. So the graph counts every import of a portal module, at
module level or inside a function, and importing ``a.b.c`` also imports the packages ``a`` and ``a.b`` (their
``__init__`` runs first) unless the importer already sits inside them. Tests and migrations are left out: nothing
imports them. A model named by string (``"toolkit.ToolPage"``, ``apps.get_model``) is not an import, and that is the
way out when two models need each other.
"""

import ast
import itertools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_DIRECTORIES = {"tests", "migrations"}


def project_packages(root):
    """The portal's top-level packages: each directory of the project holding an ``__init__.py`` (tests aside)."""
    return sorted(path.parent.name for path in root.glob("*/__init__.py") if path.parent.name not in {"tests"})


def module_files(root, packages):
    """``{dotted module name: path}`` for every module of ``packages`` outside tests and migrations."""
    files = {}
    for package in packages:
        for path in (root / package).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            if SKIPPED_DIRECTORIES & set(parts):
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            files[".".join(parts)] = path
    return files


def _imported_names(node, module, is_package):
    """The dotted names an import statement asks for (``from a import b`` asks for ``a.b``, which may be a name
    inside ``a`` rather than a module: the caller keeps whichever exists)."""
    if isinstance(node, ast.Import):
        return [(alias.name, None) for alias in node.names]
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - node.level + 1]
        source = ".".join([*base, node.module] if node.module else base)
    else:
        source = node.module
    return [(source, alias.name) for alias in node.names]


def _target(modules, source, name):
    """The most specific portal module an import reaches, or None when it reaches no portal module."""
    dotted = f"{source}.{name}" if name else source
    parts = dotted.split(".")
    for length in range(len(parts), 0, -1):
        candidate = ".".join(parts[:length])
        if candidate in modules:
            return candidate
    return None


def import_graph(root=ROOT):
    """``{module: {imported module: line of the first such import}}`` over the portal's modules."""
    files = module_files(root, project_packages(root))
    graph = {}
    for module, path in files.items():
        edges = graph.setdefault(module, {})
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for source, name in _imported_names(node, module, is_package):
                target = _target(files, source, name)
                if target is None:
                    continue
                parts = target.split(".")
                ancestors = [".".join(parts[:length]) for length in range(1, len(parts))]
                reached = [a for a in ancestors if a in files and not f"{module}.".startswith(f"{a}.")]
                for imported in [*reached, target]:
                    if imported != module:
                        edges.setdefault(imported, node.lineno)
    return graph


def cycles(graph):
    """Each group of modules that import one another, as ``(cycle, members)``: one shortest cycle ``[a, b, ..., a]``
    through the group, and all its modules (Tarjan's strongly connected components)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(start):
        # Iterative depth-first search: the graph may be deeper than Python's recursion limit.
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in graph:
                    continue
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1 or node in graph[node]:
                        groups.append(group)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return [(_cycle_in(graph, group), sorted(group)) for group in groups]


def _cycle_in(graph, group):
    """A shortest path from the group's first module back to itself, within the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for successor in sorted(graph[node]):
                if successor == start:
                    return [*paths[node], start]
                if successor in group and successor not in paths:
                    paths[successor] = [*paths[node], successor]
                    following.append(successor)
        frontier = following
    raise AssertionError(f"no cycle found in {sorted(group)}")


def describe(graph, cycle):
    return (
        " -> ".join(f"{module} (line {graph[module][following]})" for module, following in itertools.pairwise(cycle))
        + f" -> {cycle[-1]}"
    )


def test_no_import_cycle_between_the_portals_modules():
    graph = import_graph()
    found = cycles(graph)
    assert not found, (
        "Import cycles, each as one cycle (module (line of the import) -> ...) and its group:\n"
        + "\n".join(
            f"{describe(graph, cycle)}\n    group of {len(members)}: {', '.join(members)}" for cycle, members in found
        )
    )


def test_no_module_imports_a_management_command():
    """Commands compose; what several places need lives in a module they all import (``cms.roles``, ...)."""
    graph = import_graph()
    offending = sorted(
        f"{module} (line {line}) imports {imported}"
        for module, edges in graph.items()
        for imported, line in edges.items()
        if ".management.commands." in imported
    )
    assert not offending, "\n".join(offending)


def test_the_graph_sees_a_cycle_held_together_by_an_import_inside_a_function(tmp_path):
    """The check can fail: a cycle hidden in a function, through a package's ``__init__``, is found and named."""
    package = tmp_path / "shop"
    (package / "models").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "models" / "__init__.py").write_text("from shop.models.orders import Order\n")
    (package / "models" / "orders.py").write_text("from shop.prices import total\n\nclass Order:\n    pass\n")
    (package / "prices.py").write_text("def total(order):\n    from shop.models import Order\n\n    return Order\n")
    (package / "tests").mkdir()
    (package / "tests" / "__init__.py").write_text("")
    (package / "tests" / "test_prices.py").write_text("from shop.prices import total\n")
    (package / "labels.py").write_text("from . import prices\n")

    graph = import_graph(tmp_path)

    assert graph["shop.labels"] == {"shop.prices": 1}
    assert "shop.tests.test_prices" not in graph
    [(cycle, members)] = cycles(graph)
    assert cycle == ["shop.models", "shop.models.orders", "shop.prices", "shop.models"]
    assert members == ["shop.models", "shop.models.orders", "shop.prices"]
    assert describe(graph, cycle) == (
        "shop.models (line 1) -> shop.models.orders (line 1) -> shop.prices (line 2) -> shop.models"
    )
