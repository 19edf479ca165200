"""Measures, each a function of a :class:`~discourse.corpus.model.Corpus` that returns a long table:
directive density (``density.py``), distinctive terms (``distinctive.py``), lexical profiles
(``profile.py``), vocabulary shift, its standing, windows and word shifts, and trajectories
(``shift.py``), emerging formulations (``emerging.py``), concordances (``concordance.py``); term
counting and the one matcher of words and phrases shared by them (``terms.py``).

Every measure takes the corpus first, then what it compares (a target, two periods, a query), then
keyword-only options, ``by`` among them.
"""
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

__all__ = ["kwic", "directive_density", "directive_hits", "top_directive_verbs", "distinctive_terms",
           "distinctive_terms_all", "pairwise_distinctive", "emerging_formulations", "lexical_profile",
           "rising_falling", "term_trajectories", "vocabulary_shift", "term_counts", "shift_window",
           "word_shift", "word_shifts"]
