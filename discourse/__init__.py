"""discourse: comparative policy discourse in government texts.

Load a folder of texts into tidy tables (:func:`load_corpus`), attribute every sentence to a voice,
and measure directive language, distinctive terms and vocabulary shift. The flow, and the subpackage
that owns each step::

    reading/     a folder -> documents (formats, encodings, metadata, load report)
    text/        cleaning, sentences, words, tags and lemmas (English with NLTK, Chinese with jieba)
    voices/      the voice of every sentence; people and their canonical names
    directives/  the directive and commitment verbs of a sentence
    processing/  documents -> the corpus tables, cached, in local processes or on a Dask cluster
    corpus/      the Corpus and the columns of its tables (schema)
    measures/    densities, distinctive terms, profiles, vocabulary shift, concordances
    plots.py     figures drawn from the measures' tables
    report/      the notebook suite run headless into HTML reports
"""
from __future__ import annotations

from discourse.corpus.model import Corpus, from_tables
from discourse.directives import find_directives
from discourse.errors import CorpusError, CorpusWarning, DiscourseError, ManifestError, ParameterError, ReportError
from discourse.measures.concordance import kwic
from discourse.measures.density import directive_density, directive_hits, top_directive_verbs
from discourse.measures.distinctive import distinctive_terms, distinctive_terms_all, pairwise_distinctive
from discourse.measures.emerging import emerging_formulations
from discourse.measures.profile import lexical_profile
from discourse.measures.shift import (
    rising_falling,
    shift_window,
    term_trajectories,
    vocabulary_shift,
    word_shift,
    word_shifts,
)
from discourse.measures.terms import term_counts
from discourse.plots import (
                              plot_density,
                              plot_distinctive_bars,
                              plot_distinctive_scatter,
                              plot_profile,
                              plot_shift,
                              plot_shift_window,
                              plot_trajectories,
                              plot_word_shift,
)
from discourse.processing.load import from_texts, load_corpus
from discourse.report.params import check_parameters
from discourse.report.run import run_report
from discourse.text.analyze import analyze
from discourse.text.clean import clean_text
from discourse.version import __version__
from discourse.voices.attribute import attribute_voices
from discourse.voices.audit import voice_audit
from discourse.voices.people import extract_people

__all__ = [
    "__version__",
    # corpus
    "load_corpus", "Corpus", "from_texts", "from_tables",
    # errors
    "DiscourseError", "CorpusError", "ManifestError", "ParameterError", "ReportError", "CorpusWarning",
    # text processing
    "analyze", "clean_text", "attribute_voices", "extract_people", "voice_audit",
    # measures
    "find_directives", "directive_density", "top_directive_verbs", "directive_hits", "term_counts",
    "distinctive_terms", "distinctive_terms_all", "pairwise_distinctive", "lexical_profile",
    "vocabulary_shift", "rising_falling", "emerging_formulations", "term_trajectories", "kwic",
    "shift_window", "word_shift", "word_shifts",
    # plots (each takes one of the tables above and an optional ax)
    "plot_distinctive_scatter", "plot_distinctive_bars", "plot_density", "plot_shift",
    "plot_trajectories", "plot_profile", "plot_shift_window", "plot_word_shift",
    # notebook parameters and reports
    "check_parameters", "run_report",
]
