"""The package's shape holds: layers by stage, no import cycles, no hidden imports, no private names
shared between modules, a cache key that follows every processing module."""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

import grimp
import pytest

import discourse

PACKAGE = Path(discourse.__file__).resolve().parent

#: From the top down: a module may import from its own layer's package and from any layer below it,
#: never from a layer above. Packages in one layer are independent of each other.
LAYERS = (
    ("discourse.cli",),
    ("discourse.report",),
    ("discourse.plots", "discourse.measures"),
    ("discourse.processing",),
    ("discourse.reading",),
    ("discourse.voices", "discourse.directives"),
    ("discourse.text",),
    ("discourse.corpus",),
    ("discourse.parallel", "discourse.paths", "discourse.validate", "discourse.version"),
    ("discourse.errors",),
)
#: Attributes of the standard library that start with an underscore but are public (named tuples).
PUBLIC_UNDERSCORED = {"_replace", "_asdict", "_fields", "_make"}


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("discourse")


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer(graph: grimp.ImportGraph) -> None:
    placed = {name for layer in LAYERS for name in layer}
    stray = sorted(m for m in graph.modules if m.count(".") >= 1 and m != "discourse.__main__"
                   and not any(m == p or m.startswith(p + ".") for p in placed))
    assert stray == []


def test_layers_hold(graph: grimp.ImportGraph) -> None:
    layers = [grimp.Layer(*layer, independent=True) for layer in LAYERS]
    illegal = graph.find_illegal_dependencies_for_layers(layers=layers)
    found = sorted(f"{d.importer} -> {d.imported} via {sorted(r.heads)}{list(r.middle)}{sorted(r.tails)}"
                   for d in illegal for r in d.routes)
    assert found == []


def test_no_import_cycles(graph: grimp.ImportGraph) -> None:
    cycles = sorted({tuple(sorted((m, n))) for m in graph.modules for n in graph.find_modules_directly_imported_by(m)
                     if n.startswith("discourse.") and n != m and graph.chain_exists(importer=n, imported=m)})
    assert cycles == []


def test_no_function_local_import_of_the_package() -> None:
    """Imports of the package's own modules stand at the top of each module (a local import would
    only hide a cycle); third-party libraries may be imported where first needed, to keep start-up fast."""
    local = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for sub in ast.walk(node):
                    if isinstance(sub, ast.ImportFrom) and (sub.module or "").startswith("discourse"):
                        local.append(f"{path.relative_to(PACKAGE)}:{sub.lineno} {sub.module}")
                    if isinstance(sub, ast.Import) and any(a.name.startswith("discourse") for a in sub.names):
                        local.append(f"{path.relative_to(PACKAGE)}:{sub.lineno}")
    assert local == []


def test_no_private_name_is_used_outside_its_module() -> None:
    shared = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))}
        own |= {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("discourse"):
                shared += [f"{path.relative_to(PACKAGE)}: {node.module}.{a.name}" for a in node.names
                           if a.name.startswith("_") and not a.name.startswith("__")]
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                is_self = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
                if not is_self and node.attr not in PUBLIC_UNDERSCORED and node.attr not in own:
                    shared.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {ast.unparse(node)}")
    assert shared == []


def test_moving_a_processing_module_changes_the_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The code fingerprint covers every module of the processing packages by its path, so a module
    moved (same bytes, another place), added or edited invalidates every cached document."""
    from discourse.processing import keys

    copy = tmp_path / "discourse"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(keys, "__file__", str(copy / "processing" / "keys.py"))

    def fingerprint() -> str:
        keys.code_fingerprint.cache_clear()
        return keys.code_fingerprint()

    try:
        original = fingerprint()
        (copy / "text" / "clean.py").rename(copy / "text" / "cleaning.py")          # moved
        moved = fingerprint()
        (copy / "voices" / "extra.py").write_text("X = 1\n", encoding="utf-8")       # added
        added = fingerprint()
        (copy / "directives" / "chinese.py").write_text(
            (copy / "directives" / "chinese.py").read_text(encoding="utf-8") + "\n", encoding="utf-8")  # edited
        edited = fingerprint()
        (copy / "measures" / "extra.py").write_text("X = 1\n", encoding="utf-8")     # not processing
        measures = fingerprint()
    finally:
        keys.code_fingerprint.cache_clear()
    assert len({original, moved, added, edited}) == 4
    assert measures == edited
