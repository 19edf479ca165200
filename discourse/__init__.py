"""discourse: comparative policy discourse in government texts.

Load a folder of texts into tidy tables (:func:`load_corpus`), attribute every sentence to a voice,
and measure directive language, distinctive terms and vocabulary shift.

The public names below are imported on first use, so ``import discourse`` stays fast.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # corpus
    "load_corpus": "loader",
    "Corpus": "corpus",
    "from_texts": "corpus",
    "from_tables": "corpus",
    # errors
    "DiscourseError": "errors",
    "CorpusError": "errors",
    "ManifestError": "errors",
    "ParameterError": "errors",
    "ReportError": "errors",
    "CorpusWarning": "errors",
    # text processing
    "analyze": "tokenize",
    "clean_text": "clean",
    "attribute_voices": "voices",
    "extract_people": "people",
    # measures
    "find_directives": "directives",
    "directive_density": "directives",
    "top_directive_verbs": "directives",
    "directive_hits": "directives",
    "term_counts": "terms",
    "distinctive_terms": "distinctive",
    "distinctive_terms_all": "distinctive",
    "pairwise_distinctive": "distinctive",
    "lexical_profile": "profile",
    "vocabulary_shift": "shift",
    "rising_falling": "shift",
    "emerging_formulations": "emerging",
    "term_trajectories": "shift",
    "kwic": "concordance",
    # plots (each takes one of the tables above and an optional ax)
    "plot_distinctive_scatter": "plots",
    "plot_distinctive_bars": "plots",
    "plot_density": "plots",
    "plot_shift": "plots",
    "plot_trajectories": "plots",
    "plot_profile": "plots",
    # notebook parameters and reports
    "check_parameters": "params",
    "run_report": "report",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'discourse' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
