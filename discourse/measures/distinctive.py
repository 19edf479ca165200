"""Distinctive terms of one group against another: weighted log-odds, G2 keyness and Log Ratio.

Three views of the same 2x2 comparison are reported side by side, with the raw counts, because they
answer different questions: the weighted log-odds z-score (how sure we are that a term is over-used,
shrunk towards the corpus-wide rate so rare terms do not dominate), Dunning's G2 (a significance
statistic) and Hardie's Log Ratio (an effect size: how many times more often, on a log2 scale).
"""
from __future__ import annotations

from itertools import permutations
from typing import Any, Iterable

import numpy as np
import pandas as pd
from scipy import special

from discourse.errors import ParameterError
from discourse.measures.terms import TermMatrix, Unit, check_term_options, ngrams, term_matrix, word_stream
from discourse.validate import check_number, check_values_known

COLUMNS = ["term", "count_target", "count_reference", "n_target", "n_reference", "rate_target",
           "rate_reference", "log_odds", "z", "g2", "p_value", "log_ratio"]


def resolve_groups(corpus, by: str, values: Any, *, name: str) -> list:
    """Map ``values`` (one value or a list) to the corpus's group values, or raise naming them.

    Values are matched on their string form, so ``"2024"`` finds the year ``2024``.
    """
    seq = list(values) if isinstance(values, (list, tuple, set, frozenset)) else [values]
    if not seq:
        raise ParameterError(f"{name} must name at least one {by}, got an empty list")
    known = corpus.groups(by)
    check_values_known(name, seq, known, what=by)
    by_str = {str(k): k for k in known}
    return [by_str[str(v)] for v in seq]


def _scores(y_t: np.ndarray, y_r: np.ndarray, n_t: float, n_r: float, prior_share: np.ndarray,
            alpha0: float) -> dict[str, np.ndarray]:
    """Every score of the comparison for aligned count vectors (see :func:`distinctive_terms`)."""
    y_t = y_t.astype(float)
    y_r = y_r.astype(float)
    a = alpha0 * prior_share
    with np.errstate(divide="ignore", invalid="ignore"):
        log_odds = (np.log((y_t + a) / (n_t + alpha0 - y_t - a))
                    - np.log((y_r + a) / (n_r + alpha0 - y_r - a)))
        var = 1.0 / (y_t + a) + 1.0 / (y_r + a)
        z = log_odds / np.sqrt(var)
        rate_t = y_t / n_t * 1000.0 if n_t else np.full_like(y_t, np.nan)
        rate_r = y_r / n_r * 1000.0 if n_r else np.full_like(y_r, np.nan)
        # Dunning's G2 over the 2x2 table [[y_t, y_r], [n_t - y_t, n_r - y_r]]
        obs = np.stack([y_t, y_r, n_t - y_t, n_r - y_r])
        total = n_t + n_r
        row_w = y_t + y_r
        exp = np.stack([row_w * n_t, row_w * n_r, (total - row_w) * n_t, (total - row_w) * n_r]) / total
        terms = np.where(obs > 0, obs * np.log(obs / exp), 0.0)
        g2 = 2.0 * terms.sum(axis=0)
        g2 = np.maximum(g2, 0.0)
        sign = np.where(y_t * n_r < y_r * n_t, -1.0, 1.0)
        # chi-squared (1 df) survival function, evaluated once per distinct G2 (terms of equal
        # counts share one) since it is the costliest step of the scores
        distinct, inverse = np.unique(g2, return_inverse=True)
        p_value = special.chdtrc(1, distinct)[inverse.reshape(g2.shape)]
        # Hardie's Log Ratio, 0.5 in place of a zero count
        log_ratio = np.log2((np.where(y_t == 0, 0.5, y_t) / n_t) / (np.where(y_r == 0, 0.5, y_r) / n_r))
    return {"rate_target": rate_t, "rate_reference": rate_r, "log_odds": log_odds, "z": z,
            "g2": sign * g2, "p_value": p_value, "log_ratio": log_ratio}


def compare(tm: TermMatrix, target: list, reference: list, *, alpha0: float,
            min_count: int) -> pd.DataFrame:
    """Score ``target`` groups against ``reference`` groups of a :class:`TermMatrix`."""
    index = {g: i for i, g in enumerate(tm.groups)}
    t_rows = [index[g] for g in target]
    r_rows = [index[g] for g in reference]
    mat = tm.matrix
    y_t = np.asarray(mat[t_rows].sum(axis=0)).ravel()
    y_r = np.asarray(mat[r_rows].sum(axis=0)).ravel()
    y_all = np.asarray(mat.sum(axis=0)).ravel()
    return score_table(tm.terms, y_t, y_r, y_all, tm.n_tokens, t_rows, r_rows, alpha0=alpha0,
                       min_count=min_count)


def score_table(terms: np.ndarray, y_t: np.ndarray, y_r: np.ndarray, y_all: np.ndarray,
                n_tokens: np.ndarray, t_rows: list[int], r_rows: list[int], *, alpha0: float,
                min_count: int) -> pd.DataFrame:
    """The table of :func:`distinctive_terms` from the term counts of target, reference and corpus."""
    n_all = float(n_tokens.sum())
    n_t = float(n_tokens[t_rows].sum())
    n_r = float(n_tokens[r_rows].sum())
    keep = (y_t + y_r) >= min_count
    if n_t == 0 or n_r == 0:
        keep &= False
    share = y_all[keep] / n_all if n_all else np.zeros(int(keep.sum()))
    scores = _scores(y_t[keep], y_r[keep], n_t, n_r, share, alpha0)
    out = pd.DataFrame({
        "term": terms[keep].astype(object),
        "count_target": y_t[keep].astype(np.int64),
        "count_reference": y_r[keep].astype(np.int64),
        "n_target": np.full(int(keep.sum()), int(n_t), dtype=np.int64),
        "n_reference": np.full(int(keep.sum()), int(n_r), dtype=np.int64),
        **scores,
    })[COLUMNS]
    return out.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def _direct(corpus, by: str, tgt: list, ref: list, *, alpha0: float, min_count: int, ngram: int,
            unit: Unit, exclude_stop: bool) -> pd.DataFrame:
    """One comparison, counted straight from the word stream (no group-by-term matrix)."""
    stream = word_stream(corpus, by, unit=unit)
    start, key, names = ngrams(stream, ngram, exclude_stop=exclude_stop)
    index = {g: i for i, g in enumerate(stream.groups)}
    t_rows = [index[g] for g in tgt]
    r_rows = [index[g] for g in ref]
    side = np.zeros(len(stream.groups) + 1, dtype=np.int8)   # last slot: no group (-1)
    side[t_rows] = 1
    side[r_rows] = 2
    occ_side = side[stream.group[start]]
    n_terms = len(names)
    y_t = np.bincount(key[occ_side == 1], minlength=n_terms)
    y_r = np.bincount(key[occ_side == 2], minlength=n_terms)
    y_all = np.bincount(key[stream.group[start] >= 0], minlength=n_terms)
    return score_table(np.asarray(names, dtype=object), y_t, y_r, y_all, stream.n_tokens, t_rows,
                       r_rows, alpha0=alpha0, min_count=min_count)


def _check_options(alpha0: float, min_count: int, ngram: int, unit: str) -> float:
    check_term_options(ngram, unit, min_count)
    return check_number("alpha0", alpha0, low=0.0, low_open=True)


def distinctive_terms(corpus, by: str, target: Any, reference: Any = None, *, alpha0: float = 1000.0,
                      min_count: int = 3, ngram: int = 1, unit: Unit = "norm",
                      exclude_stop: bool = True) -> pd.DataFrame:
    """Terms that distinguish a target group from a reference (Fightin' Words, G2, Log Ratio).

    For term w with counts y_wi (target) and y_wj (reference) and group sizes n_i, n_j:

    - weighted log-odds with an informative Dirichlet prior alpha_w = alpha0 * y_w / n, where y_w and n
      are the term's count and the word tokens of the whole corpus (every group of ``by``, not only the
      two compared)::

        delta_w = log((y_wi + a_w) / (n_i + alpha0 - y_wi - a_w))
                - log((y_wj + a_w) / (n_j + alpha0 - y_wj - a_w))
        var_w   = 1 / (y_wi + a_w) + 1 / (y_wj + a_w);   z_w = delta_w / sqrt(var_w)

    - G2 (Dunning's log-likelihood) of the 2x2 table ``[[y_wi, y_wj], [n_i - y_wi, n_j - y_wj]]``, signed
      negative where the target uses the term less often than the reference, with its chi-squared
      (1 df) p-value;
    - Log Ratio = log2((y_wi / n_i) / (y_wj / n_j)), a zero count replaced by 0.5.

    The group sizes n are word tokens, stop words included (the multinomial is over all running words,
    of which only the counted terms are reported); for n-grams the same word-token sizes are used, an
    approximation that keeps rates "per 1,000 words". G2 and its p-value grow with corpus size: with
    large groups trivial differences become "significant"; read them beside Log Ratio. The z-score also
    grows with frequency by design (more evidence); alpha0 sets how strongly rare terms are shrunk
    towards the corpus rate (a larger alpha0 shrinks more).

    Parameters
    ----------
    corpus : Corpus
        The processed corpus.
    by : str
        Group column, e.g. ``"speaker"`` or ``"year"``.
    target : value or list of values
        The group(s) studied (several values are pooled).
    reference : value or list of values, optional
        The group(s) compared against; default every other group of ``by``.
    alpha0 : float, default 1000.0
        Total weight of the informative prior (> 0).
    min_count : int, default 3
        Keep terms whose count in target plus reference is at least this.
    ngram, unit, exclude_stop
        How terms are counted (see :func:`discourse.terms.term_counts`).

    Returns
    -------
    DataFrame
        ``term, count_target, count_reference, n_target, n_reference, rate_target, rate_reference``
        (per 1,000 word tokens), ``log_odds, z, g2, p_value, log_ratio``; sorted by ``z`` descending.

    Raises
    ------
    ParameterError
        Unknown group value (named, with the known values), a group in both target and reference,
        ``ngram`` < 1, ``alpha0`` <= 0, unknown ``unit``.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature selection and
    evaluation for identifying the content of political conflict. Political Analysis, 16(4), 372-403.
    Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence. Computational
    Linguistics, 19(1), 61-74.
    Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches to Social
    Science (CASS), Lancaster University.
    """
    alpha0 = _check_options(alpha0, min_count, ngram, unit)
    corpus.check_by(by)
    tgt = resolve_groups(corpus, by, target, name="target")
    if reference is None:
        ref = [g for g in corpus.groups(by) if g not in tgt]
        if not ref:
            raise ParameterError(f"reference: {by} has no group other than the target {tgt!r}")
    else:
        ref = resolve_groups(corpus, by, reference, name="reference")
    both = [g for g in tgt if g in ref]
    if both:
        raise ParameterError(f"reference: {both!r} is also in target; the two must not overlap")
    return _direct(corpus, by, tgt, ref, alpha0=alpha0, min_count=min_count, ngram=ngram, unit=unit,
                   exclude_stop=exclude_stop)


def _batch_options(kw: dict) -> dict:
    allowed = {"alpha0", "min_count", "ngram", "unit", "exclude_stop"}
    unknown = sorted(set(kw) - allowed)
    if unknown:
        raise ParameterError(f"unknown option(s) {unknown}; valid: {sorted(allowed)}")
    opts = {"alpha0": 1000.0, "min_count": 3, "ngram": 1, "unit": "norm", "exclude_stop": True}
    opts.update(kw)
    opts["alpha0"] = _check_options(opts["alpha0"], opts["min_count"], opts["ngram"], opts["unit"])
    return opts


def _stack(tm: TermMatrix, pairs: Iterable[tuple[list, list]], labels: list[dict],
           opts: dict) -> pd.DataFrame:
    frames = []
    for (tgt, ref), label in zip(pairs, labels):
        frame = compare(tm, tgt, ref, alpha0=opts["alpha0"], min_count=opts["min_count"])
        for i, (col, value) in enumerate(label.items()):
            frame.insert(i, col, pd.Series([value] * len(frame), dtype=object))
        frames.append(frame)
    cols = [*labels[0].keys(), *COLUMNS] if labels else COLUMNS
    if not frames:
        return pd.DataFrame(columns=cols)
    return pd.concat(frames, ignore_index=True)[cols]


def _prepare_batch(corpus, by: str, kw: dict) -> tuple[dict, list, Any]:
    """Options, groups and the group-by-term matrix shared by the batch comparisons."""
    opts = _batch_options(kw)
    corpus.check_by(by)
    tm = term_matrix(corpus, by, ngram=opts["ngram"], unit=opts["unit"],
                     exclude_stop=opts["exclude_stop"])
    return opts, corpus.groups(by), tm


def distinctive_terms_all(corpus, by: str, **kw: Any) -> pd.DataFrame:
    """Distinctive terms of every group of ``by`` against all the others, stacked.

    Parameters
    ----------
    corpus : Corpus
    by : str
        Group column.
    **kw
        ``alpha0, min_count, ngram, unit, exclude_stop`` as in :func:`distinctive_terms`.

    Returns
    -------
    DataFrame
        ``group`` followed by the columns of :func:`distinctive_terms`; within each group sorted by
        ``z`` descending. Groups come in ``corpus.groups(by)`` order.
    """
    opts, groups, tm = _prepare_batch(corpus, by, kw)
    pairs = [([g], [h for h in groups if h != g]) for g in groups] if len(groups) > 1 else []
    labels = [{"group": tgt[0]} for tgt, _ in pairs]
    if not pairs:
        return pd.DataFrame(columns=["group", *COLUMNS])
    return _stack(tm, pairs, labels, opts)


def pairwise_distinctive(corpus, by: str, **kw: Any) -> pd.DataFrame:
    """Distinctive terms for every ordered pair of groups (target against one reference group).

    Parameters
    ----------
    corpus : Corpus
    by : str
        Group column.
    **kw
        ``alpha0, min_count, ngram, unit, exclude_stop`` as in :func:`distinctive_terms`.

    Returns
    -------
    DataFrame
        ``target, reference`` followed by the columns of :func:`distinctive_terms`. The prior is the
        whole corpus in every pair, so scores of different pairs are on one scale.
    """
    opts, groups, tm = _prepare_batch(corpus, by, kw)
    ordered = list(permutations(groups, 2))
    if not ordered:
        return pd.DataFrame(columns=["target", "reference", *COLUMNS])
    pairs = [([a], [b]) for a, b in ordered]
    labels = [{"target": a, "reference": b} for a, b in ordered]
    return _stack(tm, pairs, labels, opts)
