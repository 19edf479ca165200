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
and gives the provenance of the run.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Mapping

import pandas as pd

from discourse.corpus.model import Corpus
from discourse.errors import ParameterError
from discourse.report.outputs import open_corpus, save_figure, save_table, setup_figures
from discourse.report.params import PARAMETERS, check_parameters
from discourse.report.provenance import provenance_table

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

    def save_table(self, table: pd.DataFrame, name: str) -> pd.DataFrame:
        """Write ``table`` to ``tables/<name>.csv`` of the report folder; return it (to show it)."""
        return save_table(table, name, self.output_dir)

    def save_figure(self, figure: Any, name: str) -> None:
        """Write a matplotlib figure (or an Axes' figure) to ``figures/<name>.png`` of the report folder."""
        save_figure(figure, name, self.output_dir)

    def provenance_table(self) -> pd.DataFrame:
        """Where this run came from: corpus, hashes, parameters, versions, commit, time."""
        return provenance_table(self.corpus, self.params)


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
    params = notebook_parameters(namespace)
    if "corpus" not in params:
        raise ParameterError("the notebook declares no 'corpus' parameter")
    corpus = open_corpus(params["corpus"], manifest=params.get("manifest", ""),
                         pattern=params.get("pattern", ""), lang=params.get("lang", ""))
    checked = check_parameters(corpus, **params)
    if params.get("years"):
        corpus = corpus.subset(year=checked.years)
    setup_figures()
    for option, value in DISPLAY_OPTIONS.items():
        pd.set_option(option, value)
    output_dir = params.get("output_dir", "")
    if output_dir:
        Path(output_dir).mkdir(parents=True, exist_ok=True)
    return Session(corpus=corpus, params=checked, output_dir=output_dir)
