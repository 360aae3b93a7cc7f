"""No runtime module of the portal is longer than 500 lines.

A longer module has usually grown two subjects; splitting it by subject (as ``toolkit/models`` is split by page
family) keeps each rule findable. Runtime modules are the apps' Python files outside tests and migrations (the
modules ``tests/test_import_graph.py`` walks), test modules kept beside the code aside; offline scripts live in
``scripts/``, outside the apps.
"""

from tests.test_import_graph import ROOT, module_files, project_packages

MAX_LINES = 500


def runtime_modules(root=ROOT):
    """``{dotted name: path}`` of the modules the portal runs."""
    files = module_files(root, project_packages(root))
    return {module: path for module, path in files.items() if not path.name.startswith("test_")}


def test_the_walk_finds_the_runtime_modules():
    modules = runtime_modules()
    assert {"toolkit.models.pages", "toolkit.blocks", "approvals.guard", "toolkit.geo"} <= set(modules)
    assert not any(module.rsplit(".", 1)[-1].startswith("test_") for module in modules)


def test_no_runtime_module_is_over_500_lines():
    lengths = {module: len(path.read_text(encoding="utf-8").splitlines()) for module, path in runtime_modules().items()}
    too_long = {module: lines for module, lines in lengths.items() if lines > MAX_LINES}
    print("longest modules:", sorted(lengths.items(), key=lambda item: -item[1])[:5])
    assert not too_long, too_long
