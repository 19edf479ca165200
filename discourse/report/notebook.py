"""The one call at the top of every notebook: load the corpus, check the parameters, set up display.

A notebook of the suite declares its parameters in the cell tagged ``parameters`` (papermill injects
new values after it) and then calls::

    nb = start(globals())
    corpus_, p = nb.corpus, nb.params

:func:`start` reads the notebook's parameters from its namespace (every name of
:data:`~discourse.report.params.PARAMETERS` defined there), loads the corpus they name, checks every
parameter against it (:func:`~discourse.report.params.check_parameters`: an unknown speaker or year
stops the notebook here, naming the valid values), keeps only the chosen ``years`` when the notebook
declares that parameter and sets it, and prepares pandas and matplotlib for the report. The returned
:class:`Session` saves tables and figures into the report folder (nothing when ``output_dir`` is empty)
and gives the provenance of the run: one line at the top of the notebook (:meth:`Session.provenance`)
and the full table folded at its end (:meth:`Session.provenance_details`).

Run by papermill, :func:`start` also reads list parameters given as text as YAML (``-p speakers
'["Shi Xiaolin"]'``, ``-p years 2024``) and shows, as the notebook's first output, every injected name
that the notebook does not declare (a misspelt ``-p speakrs ...``), see
:mod:`discourse.report.injected`. In a kernel every DataFrame shown is an interactive table
(:mod:`discourse.report.display`).
"""
from __future__ import annotations

import html
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Mapping, MutableMapping

import pandas as pd

from discourse.corpus.model import Corpus
from discourse.errors import CorpusWarning, ParameterError
from discourse.report.display import load_datatables, mark_saved, register_table_display
from discourse.report.injected import read_list_values, unknown_injected
from discourse.report.outputs import open_corpus, save_figure, save_table, setup_figures
from discourse.report.params import PARAMETERS, check_parameters
from discourse.report.provenance import collect_provenance, provenance_table, summary_line

#: How the notebooks show tables (interactive use and the HTML reports alike).
DISPLAY_OPTIONS = {"display.max_colwidth": 120, "display.precision": 3}


@dataclass
class Session:
    """A notebook's corpus, its checked parameters, and where its tables and figures go.

    Attributes
    ----------
    corpus : Corpus
        The loaded corpus (restricted to ``params.years`` when the notebook sets ``years``).
    params : types.SimpleNamespace
        The parameters as :func:`~discourse.report.params.check_parameters` returns them (defaults
        filled in: the most frequent speakers, every year, ...).
    output_dir : str
        The report folder; empty saves nothing.
    """

    corpus: Corpus
    params: SimpleNamespace
    output_dir: str = ""
    warnings: tuple[str, ...] = ()

    def save_table(self, table: pd.DataFrame, name: str) -> pd.DataFrame:
        """Write ``table`` to ``tables/<name>.csv`` of the report folder; return it (to show it).

        When saved, the table shown links to its CSV (:func:`discourse.report.display.mark_saved`).
        """
        save_table(table, name, self.output_dir)
        if self.output_dir:
            mark_saved(table, f"tables/{name}.csv")
        return table

    def save_figure(self, figure: Any, name: str) -> None:
        """Write a matplotlib figure (or an Axes' figure) to ``figures/<name>.png`` of the report folder."""
        save_figure(figure, name, self.output_dir)

    def provenance_table(self) -> pd.DataFrame:
        """Where this run came from: corpus, hashes, parameters, versions, commit, time."""
        return provenance_table(self.corpus, self.params)

    def provenance(self) -> "ProvenanceLine":
        """The one-line summary of the provenance, for the top of the notebook (the full table is
        :meth:`provenance_details`)."""
        return ProvenanceLine(summary_line(collect_provenance(self.corpus, self.params)))

    def provenance_details(self) -> "FoldedTable":
        """The full provenance table, folded (a click opens it), for the end of the notebook."""
        return FoldedTable("Provenance of this run (corpus, hashes, parameters, versions)",
                           self.provenance_table())


@dataclass(frozen=True)
class ProvenanceLine:
    """One line of provenance; shown as a small paragraph in HTML, as the text elsewhere."""

    text: str

    def _repr_html_(self) -> str:
        return (f'<p class="discourse-provenance" style="font-size:0.85em;color:#555;margin:0">'
                f"{html.escape(self.text)}</p>")

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True)
class FoldedTable:
    """A table folded under a one-line summary (an HTML ``<details>`` element)."""

    summary: str
    table: pd.DataFrame

    def _repr_html_(self) -> str:
        body = self.table.to_html(index=False, border=0, escape=True)
        return (f'<details class="discourse-folded"><summary>{html.escape(self.summary)}</summary>'
                f"{body}</details>")

    def __repr__(self) -> str:
        return f"{self.summary}\n{self.table.to_string(index=False)}"


@dataclass(frozen=True)
class Warnings:
    """Messages shown prominently at the top of a notebook, under a title (``Parameters``: a misspelt
    name, in red; ``Loading``: what loading found that a reader must know, in amber)."""

    messages: tuple[str, ...]
    title: str = "Parameters"

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(m)}</li>" for m in self.messages)
        colour, ground = ("#b42318", "#fef3f2") if self.title == "Parameters" else ("#b54708", "#fffaeb")
        return (f'<div class="discourse-warning" style="border-left:4px solid {colour};'
                f'padding:0.3em 0.8em;background:{ground}"><strong>{html.escape(self.title)}:</strong>'
                f"<ul>{items}</ul></div>")

    def __repr__(self) -> str:
        return "\n".join(f"{self.title}: {m}" for m in self.messages)


def notebook_parameters(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters defined in a notebook's namespace: its names that :data:`PARAMETERS` knows."""
    if not isinstance(namespace, Mapping):
        raise ParameterError(f"start() takes the notebook's namespace, globals(); got {type(namespace).__name__}")
    return {name: namespace[name] for name in PARAMETERS if name in namespace}


def start(namespace: Mapping[str, Any]) -> Session:
    """Load and check a notebook's corpus and parameters (see the module docstring).

    Parameters
    ----------
    namespace : mapping
        The notebook's ``globals()``, after its parameters cell (and papermill's injected one).

    Returns
    -------
    Session

    Raises
    ------
    ParameterError
        No ``corpus`` parameter, or a parameter the corpus contradicts (an unknown speaker or year, a
        count below 1, a value of the wrong type).
    """
    if isinstance(namespace, MutableMapping):
        read_list_values(namespace)
    notes = tuple(unknown_injected(namespace)) if isinstance(namespace, Mapping) else ()
    if notes:
        _show(Warnings(notes))
    params = notebook_parameters(namespace)
    if "corpus" not in params:
        raise ParameterError("the notebook declares no 'corpus' parameter")
    with warnings.catch_warnings(record=True) as caught:  # loading's one warning, shown as a note
        warnings.simplefilter("always", CorpusWarning)
        corpus = open_corpus(params["corpus"], manifest=params.get("manifest", ""),
                             pattern=params.get("pattern", ""), lang=params.get("lang", ""))
    found = tuple(str(w.message) for w in caught if issubclass(w.category, CorpusWarning))
    for w in caught:
        if not issubclass(w.category, CorpusWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if found:
        _show(Warnings(found, title="Loading"))
    checked = check_parameters(corpus, **params)
    if params.get("years"):
        corpus = corpus.subset(year=checked.years)
    setup_figures()
    for option, value in DISPLAY_OPTIONS.items():
        pd.set_option(option, value)
    if register_table_display():
        load_datatables()
    output_dir = params.get("output_dir", "")
    if output_dir:
        Path(output_dir).mkdir(parents=True, exist_ok=True)
    return Session(corpus=corpus, params=checked, output_dir=output_dir, warnings=notes + found)


def _show(obj: Any) -> None:
    """Display ``obj`` in a kernel, print it elsewhere."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython comes with the notebooks' requirements
        print(repr(obj))
        return
    if get_ipython() is None:
        print(repr(obj))
    else:
        display(obj)
