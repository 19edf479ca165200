"""Headless regeneration of the notebook suite: ``python -m discourse report``.

:func:`run_report` checks the parameters once against the corpus, executes every notebook of
``notebooks/`` with papermill (a thread pool, two at a time by default), converts each executed
notebook to HTML with nbconvert, and writes an index with the provenance of the run::

    OUT/index.html              links to every report, figure and table, and the provenance
    OUT/provenance.json         the same provenance, machine-readable
    OUT/NN-name.html            each notebook as HTML (code hidden unless ``show_code``)
    OUT/notebooks/NN-name.ipynb each executed notebook
    OUT/tables/*.csv            tables saved by the notebooks (:func:`save_table`)
    OUT/figures/*.png           figures saved by the notebooks (:func:`save_figure`)

Notebooks run with the project root as working directory, with the ``discourse`` Jupyter kernel when
it is registered (``make setup`` registers it) and otherwise with ``python3``, which papermill starts
with the current interpreter. A failing notebook does not stop the others; its partial notebook is
still converted and marked failed in the index, and :class:`~discourse.errors.ReportError` is raised
at the end naming the notebook and the cell.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from discourse.errors import ParameterError, ReportError
from discourse.paths import CACHE_ENV, SCHEDULER_ENV, project_root, resolve_cache_dir
from discourse.report.folder import check_out, publish, staged_report
from discourse.report.index import write_index
from discourse.report.outputs import open_corpus
from discourse.report.params import PARAMETERS, check_parameters, resolve_corpus
from discourse.report.provenance import collect_provenance
from discourse.validate import format_values

__all__ = ["run_report", "list_notebooks", "NotebookRun", "coerce_parameter", "render_page"]

#: Parameters the report sets itself (from ``--corpus``, ``--out`` and the corpus options).
_REPORT_SET = ("corpus", "output_dir", "manifest", "pattern", "lang")


@dataclass
class NotebookRun:
    """The outcome of one notebook: its files, status, time and, if it failed, where."""

    name: str
    source: Path
    executed: Path
    html: Path
    status: str = "pending"  # ok | failed
    seconds: float = 0.0
    error: str = ""
    cell: int | None = None
    parameters: dict = field(default_factory=dict)


def list_notebooks(folder: str | Path | None = None) -> list[Path]:
    """The notebooks of the suite (``NN-name.ipynb``), in order."""
    folder = Path(folder) if folder is not None else project_root() / "notebooks"
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb") if p.is_file())


def _select(available: list[Path], wanted: Sequence[str] | None) -> list[Path]:
    if not wanted:
        return available
    chosen = []
    for w in wanted:
        w = str(w).removesuffix(".ipynb")
        match = [p for p in available if p.stem == w or p.stem.split("-", 1)[0] == w.zfill(2)]
        if not match:
            raise ParameterError(
                f"notebooks: unknown notebook {w!r}; known: {format_values(p.stem for p in available)}")
        chosen.extend(m for m in match if m not in chosen)
    return sorted(chosen)


def _kernel_name() -> str:
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        return "discourse" if "discourse" in KernelSpecManager().find_kernel_specs() else "python3"
    except Exception:  # noqa: BLE001 - no kernel registry: papermill's default kernel
        return "python3"


def _declared(path: Path) -> set[str]:
    """Names declared in the notebook's ``parameters`` cell (as ``papermill --help-notebook`` reads them)."""
    import nbformat
    from papermill.translators import PythonTranslator

    nb = nbformat.read(str(path), as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    return {p.name for c in cells for p in PythonTranslator.inspect(c)}


def _execute(run: NotebookRun, kernel: str, log: Callable[[str], None], show_code: bool) -> NotebookRun:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    log(f"{run.name}: started")
    start = time.perf_counter()
    try:
        papermill.execute_notebook(str(run.source), str(run.executed), parameters=run.parameters,
                                   kernel_name=kernel, language="python", cwd=str(project_root()),
                                   progress_bar=False,
                                   log_output=False)
        run.status = "ok"
    except PapermillExecutionError as exc:
        run.status = "failed"
        run.cell = exc.cell_index
        first = (exc.source or "").strip().splitlines()[:1]
        run.error = (f"cell {exc.cell_index} (execution count {exc.exec_count}"
                     f"{': ' + first[0] if first else ''}) raised {exc.ename}: {exc.evalue}")
    except Exception as exc:  # noqa: BLE001 - kernel did not start, notebook unreadable, ...
        run.status = "failed"
        run.error = f"{type(exc).__name__}: {exc}"
    run.seconds = time.perf_counter() - start
    if run.executed.exists():
        _to_html(run, show_code=show_code)
    done = "finished" if run.status == "ok" else f"FAILED ({run.error})"
    log(f"{run.name}: {done} in {run.seconds:.1f} s")
    return run


#: The page template: JupyterLab's, without anything fetched from the network (nbconvert's asks a CDN
#: for require.js, MathJax, mermaid and the widget manager), with a link back to the index at the top
#: and the static view of any widget in place of the widget (which needs a running kernel).
PAGE_TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block extra_css -%}
<style type="text/css">
.discourse-nav { font: 0.9em system-ui, sans-serif; padding: 0.6em 0 0.2em; }
.discourse-nav a { text-decoration: none; }
.jp-Notebook { max-width: 72rem; margin: 0 auto; }
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
<nav class="discourse-nav"><a href="index.html">&larr; All reports of this run (index)</a></nav>
{%- endblock body_header -%}
{%- block body_footer -%}
<nav class="discourse-nav"><a href="index.html">&larr; All reports of this run (index)</a></nav>
{{ super() }}
{%- endblock body_footer -%}
{%- block data_widget_view scoped -%}
{%- if 'text/html' in output.data -%}
<div class="jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output {{ extra_class }}">
{{ output.data['text/html'] }}
</div>
{%- endif -%}
{%- endblock data_widget_view -%}
{%- block footer_js -%}{%- endblock footer_js -%}
"""


def page_exporter(*, show_code: bool) -> Any:
    """The nbconvert exporter of the report pages (:data:`PAGE_TEMPLATE`)."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"discourse-page.html.j2": PAGE_TEMPLATE})],
                        template_file="discourse-page.html.j2", exclude_input=not show_code,
                        exclude_input_prompt=not show_code, exclude_output_prompt=True)


def render_page(executed: Path, html_path: Path, *, name: str, show_code: bool = False) -> None:
    """Convert an executed notebook to a report page that needs no network.

    The widget state that papermill records (``metadata.widgets``) is left out: a page cannot run the
    widgets, and each widget of the suite carries its own static view (``text/html``), which the page
    shows instead.
    """
    import nbformat

    nb = nbformat.read(str(executed), as_version=4)
    nb.metadata.pop("widgets", None)
    body, _ = page_exporter(show_code=show_code).from_notebook_node(nb, resources={"metadata": {"name": name}})
    html_path.write_text(body, encoding="utf-8")


def _to_html(run: NotebookRun, *, show_code: bool) -> None:
    render_page(run.executed, run.html, name=run.name, show_code=show_code)


def coerce_parameter(name: str, value: Any) -> Any:
    """Fit a command-line value to the parameter's type (a scalar for a list parameter becomes a list)."""
    spec = PARAMETERS.get(name)
    if spec is None:
        return value
    if spec.type is list and not isinstance(value, list):
        return [] if value is None else [value]
    if spec.type is str and value is not None and not isinstance(value, str):
        return str(value)
    return value


def run_report(corpus: str | Path, out: str | Path, *, parameters: Mapping[str, Any] | None = None,
               show_code: bool = False, notebooks: Sequence[str] | None = None,
               jobs: int | None = None, progress: bool = True,
               load_options: Mapping[str, Any] | None = None,
               notebook_dir: str | Path | None = None, overwrite: bool = False) -> Path:
    """Execute the notebook suite on a corpus and write HTML reports with an index.

    Parameters
    ----------
    corpus : str or Path
        The corpus folder (relative to the working directory, else to the project root).
    out : str or Path
        The report folder. It must be missing, empty, or an earlier report's own folder (its marker
        file lists every file in it, unchanged): that report is then replaced whole. The report is
        written beside it and moved into place at the end (see :mod:`discourse.report.folder`).
    parameters : mapping, optional
        Notebook parameters (names in :data:`discourse.params.PARAMETERS`), given to every notebook that
        declares them. ``corpus`` and ``output_dir`` are set by the report itself.
    show_code : bool
        Show the code cells in the HTML (hidden by default).
    notebooks : sequence of str, optional
        Which notebooks to run, by number (``"01"``) or stem; default all.
    jobs : int, optional
        Notebooks executed at once (default: 2, or fewer if fewer notebooks).
    progress : bool
        Print one line when each notebook starts and finishes.
    load_options : mapping, optional
        Options of :func:`discourse.load_corpus` (``manifest``, ``pattern``, ``lang`` are passed on
        to the notebooks; ``workers``, ``cache``, ``scheduler`` apply to the check load only).
    notebook_dir : str or Path, optional
        Another folder of ``NN-name.ipynb`` notebooks to run (default: the project's ``notebooks/``).
    overwrite : bool
        Replace ``out`` even when it holds files no report wrote: everything inside ``out`` is then
        deleted once the new report is in place. Never allowed for a file, the project root, the
        corpus folder or a folder inside or around it (nor the notebooks or the package).

    Returns
    -------
    Path
        ``OUT/index.html``.

    Raises
    ------
    ParameterError
        Before any notebook runs, for an unknown parameter, speaker, year or notebook.
    ReportFolderError
        Before any notebook runs, for an ``out`` that cannot be used (it names it and why).
    ReportError
        After every notebook has run, if one or more failed (naming each notebook and cell).
    """
    started = time.perf_counter()
    params = {k: coerce_parameter(k, v) for k, v in dict(parameters or {}).items()}
    for name in ("corpus", "output_dir"):
        if name in params:
            raise ParameterError(f"parameter {name!r} is set by the report itself; use --corpus/--out")
    load_options = dict(load_options or {})
    for name in ("manifest", "pattern", "lang"):
        if load_options.get(name) and name not in params:
            params[name] = str(load_options[name])
        load_options.pop(name, None)
    folder = Path(corpus).expanduser()
    folder = folder.resolve() if folder.is_dir() else resolve_corpus(corpus)
    chosen = _select(list_notebooks(notebook_dir), notebooks)
    if not chosen:
        raise ReportError(f"no notebooks found in {notebook_dir or project_root() / 'notebooks'}")
    jobs = 2 if jobs is None else jobs
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ParameterError(f"jobs must be an integer >= 1, got {jobs!r}")

    notebooks_at = Path(notebook_dir) if notebook_dir is not None else project_root() / "notebooks"
    out = check_out(out, corpus=folder, overwrite=overwrite,
                    protected={"the project root": project_root(), "the notebooks folder": notebooks_at,
                               "the discourse package": Path(__file__).resolve().parents[1]})

    loaded = open_corpus(folder, manifest=params.get("manifest", ""), pattern=params.get("pattern", ""),
                         lang=params.get("lang", ""), **load_options)
    check_parameters(loaded, **params)  # fail fast: nothing is written before this passes
    provenance = collect_provenance(loaded, params)

    log: Callable[[str], None] = (lambda msg: print(f"[report] {msg}", file=sys.stderr, flush=True)) \
        if progress else (lambda msg: None)
    with staged_report(out, log=log) as staging:
        stage = staging.path
        (stage / "notebooks").mkdir()
        runs = []
        for src in chosen:
            declared = _declared(src)
            nb_params = {k: v for k, v in params.items() if k in declared}
            nb_params.update(corpus=str(folder), output_dir=str(stage))
            runs.append(NotebookRun(name=src.stem, source=src, executed=stage / "notebooks" / src.name,
                                    html=stage / f"{src.stem}.html", parameters=nb_params))
        kernel = _kernel_name()
        log(f"{len(runs)} notebooks on {folder} with kernel '{kernel}', {min(jobs, len(runs))} at a time, "
            f"written into {stage.name} beside {out}")
        with _kernel_environment(folder, load_options), \
                ThreadPoolExecutor(max_workers=min(jobs, len(runs))) as pool:
            list(pool.map(lambda r: _execute(r, kernel, log, show_code), runs))

        provenance["notebooks"] = [
            {"name": r.name, "status": r.status, "seconds": round(r.seconds, 2), "error": r.error,
             "cell": r.cell} for r in runs]
        provenance["total_seconds"] = round(time.perf_counter() - started, 2)
        (stage / "provenance.json").write_text(json.dumps(provenance, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
        write_index(stage, runs, provenance)
        publish(staging, provenance=provenance, overwrite=overwrite, log=log)
    index = out / "index.html"
    log(f"index: {index}")
    failed = [r for r in runs if r.status != "ok"]
    if failed:
        raise ReportError("; ".join(f"notebook {r.name} failed: {r.error}" for r in failed)
                          + f" (partial reports in {out})")
    return index


@contextlib.contextmanager
def _kernel_environment(folder: Path, load_options: dict) -> Iterator[None]:
    """Let the notebooks' kernels use the cache and scheduler of the check load (they inherit it).

    The check load has just filled the cache, so every notebook reads the processed corpus from it
    instead of processing it again.
    """
    cache_dir = resolve_cache_dir(load_options.get("cache"), folder)
    values = {CACHE_ENV: str(cache_dir) if cache_dir is not None else "off"}
    if load_options.get("scheduler"):
        values[SCHEDULER_ENV] = str(load_options["scheduler"])
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
