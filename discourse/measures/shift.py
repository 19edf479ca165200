"""Vocabulary shift between periods: JSD against a resampling baseline, rising and falling terms,
emerging and vanishing formulations, and trajectories of chosen terms.

Periods are the values of a group column (``year`` by default) in sorted order.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from discourse.errors import ParameterError
from discourse.measures.distinctive import COLUMNS as DISTINCTIVE_COLUMNS
from discourse.measures.distinctive import distinctive_terms, resolve_groups
from discourse.measures.emerging import emerging_formulations  # noqa: F401  (part of this module's public list)
from discourse.measures.terms import UNITS, Unit, check_term_options, term_matrix, word_stream
from discourse.validate import check_choice, check_positive_int

SHIFT_COLUMNS = ["from", "to", "n_tokens_from", "n_tokens_to", "n_types_from", "n_types_to", "jsd",
                 "jsd_baseline", "baseline_low", "baseline_high", "jsd_excess", "jsd_ratio",
                 "n_emerging", "n_vanishing"]


def jsd_bits(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Jensen-Shannon divergence in bits between the rows of ``p`` and ``q`` (counts or shares).

    Rows are normalised to sum to one. Returns the divergence (the square of the Jensen-Shannon
    distance), in [0, 1].
    """
    p = np.atleast_2d(np.asarray(p, dtype=float))
    q = np.atleast_2d(np.asarray(q, dtype=float))
    p = p / p.sum(axis=1, keepdims=True)
    q = q / q.sum(axis=1, keepdims=True)
    m = (p + q) / 2.0
    return np.clip((_kl_bits(p, m) + _kl_bits(q, m)) / 2.0, 0.0, 1.0)


def _kl_bits(x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Row sums of ``x * log2(x / m)``, a term being 0 where ``x`` is not positive.

    The logarithm is taken only where ``x > 0`` (resampled counts are mostly zero); elsewhere the
    factor stays 0, so every term and sum is the same as with the logarithm taken everywhere.
    """
    positive = x > 0
    factor = np.zeros_like(x)
    np.divide(x, m, out=factor, where=positive)
    np.log2(factor, out=factor, where=positive)
    np.multiply(x, factor, out=factor)
    return factor.sum(axis=1)


def jsd_baseline(counts_a: np.ndarray, counts_b: np.ndarray, *, n_boot: int,
                 rng: np.random.Generator) -> np.ndarray:
    """JSD of ``n_boot`` pairs of samples of the two sizes drawn from the pooled distribution."""
    n_a = int(counts_a.sum())
    n_b = int(counts_b.sum())
    pooled = (counts_a + counts_b).astype(float)
    pooled /= pooled.sum()
    out = np.empty(n_boot)
    batch = max(1, int(4_000_000 // max(len(pooled), 1)))
    for lo in range(0, n_boot, batch):
        size = min(batch, n_boot - lo)
        sa = rng.multinomial(n_a, pooled, size=size)
        sb = rng.multinomial(n_b, pooled, size=size)
        out[lo:lo + size] = jsd_bits(sa, sb)
    return out


def vocabulary_shift(corpus, by: str = "year", *, ngram: int = 1, min_count: int = 2,
                     n_boot: int = 200, seed: int = 0, unit: Unit = "norm") -> pd.DataFrame:
    """Jensen-Shannon divergence between the vocabularies of consecutive periods, against chance.

    Each period's distribution is the relative frequency of its terms (words, or n-grams with
    ``ngram`` > 1) after stop-word removal. JSD (base 2, in [0, 1]; 0 = identical) is computed between
    every pair of consecutive periods present (periods without counted terms are skipped, so 2020 is
    followed by 2022 when 2021 is absent).

    **JSD is length-sensitive**: two small samples of one and the same distribution differ by chance, and
    the smaller the samples, the larger their JSD. So beside it the table reports a baseline: both
    periods' term occurrences are resampled ``n_boot`` times, at their observed sizes, from the pooled
    distribution of the two periods (multinomial draws, seeded), and the JSD of each resampled pair is
    computed. ``jsd_excess`` (jsd - baseline mean) and ``jsd_ratio`` (jsd / baseline mean) are the part
    of the shift chance does not explain; a ``jsd`` inside ``[baseline_low, baseline_high]`` is no more
    than chance. Compare pairs by excess or ratio, not by raw JSD, when periods differ in size.

    Parameters
    ----------
    corpus : Corpus
    by : str, default "year"
        The period column (any orderable group column).
    ngram : int, default 1
        Term order (see :func:`discourse.terms.term_counts`).
    min_count : int, default 2
        Minimum count for a term to be counted as emerging or vanishing.
    n_boot : int, default 200
        Number of resampled pairs for the baseline.
    seed : int, default 0
        Seed of the resampling (the same seed gives the same baseline).
    unit : {"norm", "lemma"}, default "norm"

    Returns
    -------
    DataFrame
        ``from, to`` (periods), ``n_tokens_from, n_tokens_to`` (term occurrences in each distribution:
        word tokens after stop-word removal, or n-gram occurrences), ``n_types_from, n_types_to``,
        ``jsd``, ``jsd_baseline`` (mean over resamples), ``baseline_low, baseline_high`` (2.5 and 97.5
        percentiles), ``jsd_excess, jsd_ratio``, ``n_emerging`` (terms with at least ``min_count``
        occurrences in ``to`` that occur in no period before it), ``n_vanishing`` (terms with at least
        ``min_count`` occurrences in ``from`` that occur in no period after it).

    References
    ----------
    Lin, J. (1991). Divergence measures based on the Shannon entropy. IEEE Transactions on Information
    Theory, 37(1), 145-151.
    """
    check_term_options(ngram, unit, min_count)
    n_boot = check_positive_int("n_boot", n_boot)
    seed = check_positive_int("seed", seed, minimum=0)
    corpus.check_by(by)
    tm = term_matrix(corpus, by, ngram=ngram, unit=unit, exclude_stop=True)
    mat = tm.matrix.tocsr()
    sizes = np.asarray(mat.sum(axis=1)).ravel()
    present = np.flatnonzero(sizes > 0)
    if len(present) < 2:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("from", "to") else float)
                             for c in SHIFT_COLUMNS})
    sub = mat[present]
    first, last = _first_last(sub)
    rows = []
    for i in range(1, len(present)):
        a = sub[i - 1].toarray().ravel()
        b = sub[i].toarray().ravel()
        support = (a > 0) | (b > 0)
        ca, cb = a[support], b[support]
        jsd = float(jsd_bits(ca, cb)[0])
        rng = np.random.default_rng([seed, i])
        boot = jsd_baseline(ca, cb, n_boot=n_boot, rng=rng)
        base = float(boot.mean())
        rows.append({
            "from": tm.groups[present[i - 1]], "to": tm.groups[present[i]],
            "n_tokens_from": int(ca.sum()), "n_tokens_to": int(cb.sum()),
            "n_types_from": int((ca > 0).sum()), "n_types_to": int((cb > 0).sum()),
            "jsd": jsd, "jsd_baseline": base,
            "baseline_low": float(np.percentile(boot, 2.5)),
            "baseline_high": float(np.percentile(boot, 97.5)),
            "jsd_excess": jsd - base, "jsd_ratio": jsd / base if base > 0 else np.nan,
            "n_emerging": int(((b >= min_count) & (first == i)).sum()),
            "n_vanishing": int(((a >= min_count) & (last == i - 1)).sum()),
        })
    return pd.DataFrame(rows, columns=SHIFT_COLUMNS)


def rising_falling(corpus, a: Any, b: Any, *, by: str = "year", n: int = 20, **kw: Any) -> pd.DataFrame:
    """Terms rising and falling from period ``a`` to period ``b`` (weighted log-odds of b against a).

    The scores are those of :func:`discourse.distinctive.distinctive_terms` with target ``b`` and
    reference ``a`` (the prior is the whole corpus, every period). Rising terms have the largest
    positive z, falling terms the most negative.

    Parameters
    ----------
    corpus : Corpus
    a, b : period values
        The earlier and the later period (e.g. 2023, 2024).
    by : str, default "year"
    n : int, default 20
        Number of terms shown in each direction.
    **kw
        ``alpha0, min_count, ngram, unit, exclude_stop`` passed to ``distinctive_terms``.

    Returns
    -------
    DataFrame
        ``direction`` (``rising`` or ``falling``) followed by the columns of ``distinctive_terms``
        (``count_target``/``rate_target`` refer to ``b``, ``*_reference`` to ``a``): the top ``n``
        rising terms by z descending, then the top ``n`` falling terms by z ascending.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political Analysis, 16(4),
    372-403.
    """
    n = check_positive_int("n", n)
    resolve_groups(corpus, by, a, name="a")
    table = distinctive_terms(corpus, by, b, a, **kw)
    rising = table[table["z"] > 0].head(n)
    falling = table[table["z"] < 0].sort_values(["z", "term"], kind="mergesort").head(n)
    out = pd.concat([rising.assign(direction="rising"), falling.assign(direction="falling")],
                    ignore_index=True)
    return out[["direction", *DISTINCTIVE_COLUMNS]]


def _first_last(mat) -> tuple[np.ndarray, np.ndarray]:
    """Row index of the first and last non-zero entry of every column of a sparse matrix (-1 if none)."""
    csc = mat.tocsc()
    csc.sort_indices()
    has = np.diff(csc.indptr) > 0
    first = np.full(mat.shape[1], -1)
    last = np.full(mat.shape[1], -1)
    first[has] = csc.indices[csc.indptr[:-1][has]]
    last[has] = csc.indices[csc.indptr[1:][has] - 1]
    return first, last


def term_trajectories(corpus, terms: str | list[str], *, by: str = "year",
                      unit: Unit = "norm") -> pd.DataFrame:
    """Count and rate per 1,000 word tokens of chosen terms or phrases in every period.

    A phrase is split on white space and matched, case-insensitively, as a run of consecutive word
    tokens of one sentence (not across punctuation); stop words are kept, so "opening up" and "rule of
    law" are found. With ``unit="lemma"`` the words are matched against lemmas ("open up" also finds
    "opened up"). Rates are per 1,000 word tokens of the period; rates of small periods are noisy.

    Parameters
    ----------
    corpus : Corpus
    terms : str or list of str
        Words or phrases.
    by : str, default "year"
    unit : {"norm", "lemma"}, default "norm"

    Returns
    -------
    DataFrame
        ``term, <by>, count, n_tokens, per_1k``: one row for every term and every period of
        ``corpus.groups(by)`` (zeros kept), terms in the order given.
    """
    check_choice("unit", unit, UNITS)
    corpus.check_by(by)
    items = [terms] if isinstance(terms, str) else list(terms)
    if not items or any(not isinstance(t, str) or not t.split() for t in items):
        raise ParameterError(f"terms must be a non-empty word or phrase or a list of them, got {terms!r}")
    stream = word_stream(corpus, by, unit=unit)
    lower_code, lower_vocab = pd.factorize(pd.Series(stream.vocab, dtype=object).str.lower())
    term = lower_code[stream.term] if len(stream.term) else np.zeros(0, np.int64)
    lookup = {w: i for i, w in enumerate(lower_vocab)}
    n_groups = len(stream.groups)
    rows = []
    for item in items:
        words = item.lower().split()
        codes = [lookup.get(w, -1) for w in words]
        counts = np.zeros(n_groups, dtype=np.int64)
        if -1 not in codes and len(term) >= len(words):
            k = len(words)
            start = np.flatnonzero(term[: len(term) - k + 1] == codes[0])
            ok = stream.segment[start] == stream.segment[start + k - 1]
            for j in range(1, k):
                ok &= term[start + j] == codes[j]
            g = stream.group[start[ok]]
            counts = np.bincount(g[g >= 0], minlength=n_groups)
        rows.append(pd.DataFrame({"term": item, by: pd.Series(stream.groups, dtype=object),
                                  "count": counts, "n_tokens": stream.n_tokens}))
    table = pd.concat(rows, ignore_index=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["per_1k"] = np.where(table["n_tokens"] > 0, table["count"] / table["n_tokens"] * 1000,
                                   np.nan)
    return table
