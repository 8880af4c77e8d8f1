"""The package's floors: no module imports one that imports it back (directly or around a circle),
and only the references know Pillow releases of the legacy stack."""

import ast
import os

import scipy_misc_compat

PACKAGE = os.path.dirname(scipy_misc_compat.__file__)


def _module_name(path):
    relative = os.path.relpath(path, os.path.dirname(PACKAGE))[:-3].replace(os.sep, ".")
    return relative[:-len(".__init__")] if relative.endswith(".__init__") else relative


def _modules():
    for folder, _, files in os.walk(PACKAGE):
        for name in files:
            if name.endswith(".py"):
                yield os.path.join(folder, name)


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _imports(path, module):
    """The package modules ``module`` imports, anywhere in it (functions too)."""
    package = module if path.endswith("__init__.py") else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(_read(path))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            target = (base + "." + node.module if node.module else base) if node.level else node.module or ""
            if not target.startswith("scipy_misc_compat"):
                continue
            for alias in node.names:  # `from . import x`: x may be a module
                candidate = target + "." + alias.name
                found.add(candidate if candidate in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("scipy_misc_compat"))
    return {name for name in found if name in MODULES and name != module}


MODULES = {_module_name(path): path for path in _modules()}
GRAPH = {module: _imports(path, module) for module, path in MODULES.items()}


def _cycle_from(start):
    """A path of imports from ``start`` back to it, or None."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, path = stack.pop()
        for target in sorted(GRAPH[module]):
            if target == start:
                return path + [start]
            if target not in seen:
                seen.add(target)
                stack.append((target, path + [target]))
    return None


def test_no_module_imports_one_that_imports_it_back():
    # A package __init__ re-exports what lies below it; importing the package's own __init__ from
    # below would be the circle, so __init__ modules are checked like any other.
    cycles = [" -> ".join(cycle) for cycle in map(_cycle_from, sorted(GRAPH)) if cycle]
    assert not cycles, "\n".join(cycles)


def test_references_stand_below_the_pipeline():
    below = {"scipy_misc_compat._pixels", "scipy_misc_compat._compat"}
    for module in (name for name in GRAPH if name.startswith("scipy_misc_compat.references")):
        outside = {target for target in GRAPH[module] if not target.startswith("scipy_misc_compat.references")}
        assert outside <= below, (module, outside - below)


def test_pipeline_modules_name_no_reference_or_pillow_release():
    """No stack-specific branches in the pipeline: it asks the current reference, it names none."""
    pipeline = [name for name in MODULES if name.startswith("scipy_misc_compat.pipeline.")]
    assert len(pipeline) >= 9, pipeline
    for name in pipeline + ["scipy_misc_compat.legacy"]:
        source = _read(MODULES[name])
        tree = ast.parse(source)
        literals = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                    and isinstance(node.value, str)]
        named = [text for text in literals if text in ("2018", "2022") or text.startswith("pillow-")
                 or text in ("5.3", "9.3")]
        assert not named, (name, named)
        assert "is_2018" not in source, name


def test_the_folders_show_the_parts():
    """A newcomer finds a new era in references/, a changed Pillow operation in pipeline/, a new exact
    codec in exact/, a regression tool in tools/, the drop-in in dropin/."""
    folders = {name.split(".")[1] for name in MODULES if name.count(".") >= 2}
    assert folders == {"cli", "dropin", "exact", "pipeline", "references", "tools"}, folders
    for folder in folders:
        assert ast.get_docstring(ast.parse(_read(MODULES["scipy_misc_compat." + folder]))), folder
