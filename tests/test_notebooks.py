"""Static checks of the notebook sources: one parameters cell, no outputs, no logic, one parameter check."""
from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import papermill
import pytest

from discourse.report.params import PARAMETERS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXPECTED = ["01-corpus-overview", "02-speaker-comparison", "03-imperative-density",
            "04-vocabulary-shift", "05-explore"]
#: Every notebook declares at least these (and no parameter it does not use).
REQUIRED = {"corpus", "manifest", "pattern", "lang", "output_dir"}
#: Parameters read by the set-up call itself (discourse.report.notebook.start).
READ_BY_START = {"corpus", "manifest", "pattern", "lang", "output_dir", "years"}


def _read(path: Path):
    return nbformat.read(str(path), as_version=4)


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_the_suite_is_complete():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_sources_are_committed_clean(path):
    nb = _read(path)
    nbformat.validate(nb)
    # what JupyterLab writes on save, less the Python version (the git filter strips it)
    assert nb.metadata.language_info == {
        "codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
        "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3"}
    assert nb.metadata.kernelspec.name == "discourse"
    assert nb.metadata.kernelspec.display_name == "Python (discourse)"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    for cell in _code_cells(nb):
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_function_class_or_try_in_cells(path):
    for cell in _code_cells(_read(path)):
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), \
                f"{path.name}: logic belongs in the package:\n{cell.source}"
            assert not isinstance(node, ast.Try), f"{path.name}: no try/except in cells:\n{cell.source}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exactly_one_parameters_cell_with_typed_helped_lines(path):
    nb = _read(path)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert tagged[0].cell_type == "code"
    for line in tagged[0].source.splitlines():
        name = line.split(":", 1)[0]
        assert name in PARAMETERS, name
        assert f"{name}: {PARAMETERS[name].type.__name__} = " in line
        assert line.rstrip().endswith(f"# {PARAMETERS[name].help}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_inspection_lists_every_parameter_with_its_help(path):
    params = papermill.inspect_notebook(str(path))
    assert REQUIRED <= set(params)
    for name, info in params.items():
        assert info["inferred_type_name"] == PARAMETERS[name].type.__name__
        assert info["help"] == PARAMETERS[name].help
    assert params["corpus"]["default"] == '"data/sichuan"'
    assert params["output_dir"]["default"] == '""'
    if "speakers" in params:  # 05 compares no voices
        assert params["speakers"]["default"] == "[]"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_call_sets_up_right_after_the_imports(path):
    """The cell after the imports loads the corpus and checks every parameter in one call, and shows
    one line of provenance (the full table ends the notebook); no notebook imports with a star or calls
    the parameter check itself."""
    cells = _code_cells(_read(path))
    index = next(i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", []))
    setup = cells[index + 2].source
    assert setup.startswith("nb = start(globals())\ncorpus_, p = nb.corpus, nb.params\n")
    assert setup.rstrip().splitlines()[-1] == "nb.provenance()"
    assert cells[-1].source == "nb.provenance_details()"
    for cell in cells:
        tree = ast.parse(cell.source)
        assert not any(isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names) for n in ast.walk(tree))
        assert "check_parameters" not in cell.source
    assert sum("start(globals())" in c.source for c in cells) == 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_declared_parameter_is_used(path):
    cells = _code_cells(_read(path))
    index = next(i for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", []))
    declared = set(papermill.inspect_notebook(str(path)))
    body = "\n".join(c.source for c in cells[index + 2:])
    unused = sorted(name for name in declared - READ_BY_START
                    if f"p.{name}" not in body and not any(
                        isinstance(n, ast.Name) and n.id == name for n in ast.walk(ast.parse(body))))
    assert unused == []
