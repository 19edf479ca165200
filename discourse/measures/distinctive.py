"""Distinctive terms of one group against another: weighted log-odds, G2 keyness and Log Ratio.

Three views of the same 2x2 comparison are reported side by side, with the raw counts, because they
answer different questions: the weighted log-odds z-score (how sure we are that a term is over-used,
shrunk towards the corpus-wide rate so rare terms do not dominate), Dunning's G2 (a significance
statistic) and Hardie's Log Ratio (an effect size: how many times more often, on a log2 scale).

Speakers' own names are not terms: compared by ``speaker``, the words of the compared speakers' names
are left out of the table unless ``keep_names=True`` (reports of a person's speech name the person at
every turn, so "wang" and "xiaohui" would otherwise top Wang Xiaohui's list and say nothing about what
he said).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import permutations
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import special

from discourse.errors import ParameterError
from discourse.measures.terms import HYPHENS, TermMatrix, Unit, check_term_options, term_matrix
from discourse.validate import check_number, check_values_known
from discourse.voices.people import MEETING, NARRATOR

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from discourse.corpus.model import Corpus

COLUMNS = ["term", "count_target", "count_reference", "n_tokens_target", "n_tokens_reference",
           "n_content_tokens_target", "n_content_tokens_reference", "rate_target", "rate_reference",
           "log_odds", "z", "g2", "p_value", "log_ratio"]

#: Voices of the ``speaker`` column that are not persons, so have no name to leave out.
NON_PERSON_VOICES = frozenset({MEETING, NARRATOR, ""})
#: The group column whose values are speakers' names.
SPEAKER_COLUMN = "speaker"


def resolve_groups(corpus: "Corpus", by: str, values: Any, *, name: str) -> list:
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


@lru_cache(maxsize=64)
def name_words(speakers: tuple) -> frozenset[str]:
    """The lower-cased words of the names of ``speakers`` (persons only), each name also whole.

    "Wang Xiaohui" gives {"wang", "xiaohui", "wang xiaohui"}; a name written without spaces (习近平)
    is its own word. ``meeting`` and ``narrator`` are not names.
    """
    out: set[str] = set()
    for s in speakers:
        name = str(s).strip()
        if name.lower() in NON_PERSON_VOICES:
            continue
        out.add(name.lower())
        out.update(w for w in re.split(f"[\\s{re.escape(HYPHENS)}.,]+", name.lower()) if w)
    return frozenset(out)


def without_names(terms: np.ndarray, names: frozenset[str]) -> np.ndarray:
    """Per term: True where none of its words (space- or hyphen-separated) is in ``names``."""
    if not names:
        return np.ones(len(terms), dtype=bool)
    text = pd.Series(terms, dtype=object).astype(str)
    keep = ~text.isin(names).to_numpy()
    splitter = f"[\\s{re.escape(HYPHENS)}]+"
    several = np.flatnonzero(keep & text.str.contains(splitter, regex=True).to_numpy())
    if len(several):
        words = text.iloc[several].str.split(splitter, regex=True)
        keep[several] = [not any(w in names for w in ws) for ws in words]
    return keep


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
        g2 = np.maximum(2.0 * terms.sum(axis=0), 0.0)
        sign = np.where(y_t * n_r < y_r * n_t, -1.0, 1.0)
        p_value = special.chdtrc(1, g2)
        # Hardie's Log Ratio, 0.5 in place of a zero count
        log_ratio = np.log2((np.where(y_t == 0, 0.5, y_t) / n_t) / (np.where(y_r == 0, 0.5, y_r) / n_r))
    return {"rate_target": rate_t, "rate_reference": rate_r, "log_odds": log_odds, "z": z,
            "g2": sign * g2, "p_value": p_value, "log_ratio": log_ratio}


def compare(tm: TermMatrix, target: list, reference: list, *, alpha0: float, min_count: int,
            leave_out: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Score ``target`` groups against ``reference`` groups of a :class:`TermMatrix`.

    Terms with a word in ``leave_out`` are not listed (their counts stay in the group sizes).
    """
    index = {g: i for i, g in enumerate(tm.groups)}
    t_rows = [index[g] for g in target]
    r_rows = [index[g] for g in reference]
    mat = tm.matrix
    y_t = np.asarray(mat[t_rows].sum(axis=0)).ravel()
    y_r = np.asarray(mat[r_rows].sum(axis=0)).ravel()
    y_all = np.asarray(mat.sum(axis=0)).ravel()
    n_all = float(tm.n_tokens.sum())
    n_t = float(tm.n_tokens[t_rows].sum())
    n_r = float(tm.n_tokens[r_rows].sum())
    keep = ((y_t + y_r) >= min_count) & (n_t > 0) & (n_r > 0)
    keep &= without_names(tm.terms, leave_out)
    share = y_all[keep] / n_all if n_all else np.zeros(int(keep.sum()))
    scores = _scores(y_t[keep], y_r[keep], n_t, n_r, share, alpha0)
    size = int(keep.sum())
    out = pd.DataFrame({
        "term": tm.terms[keep].astype(object),
        "count_target": y_t[keep].astype(np.int64),
        "count_reference": y_r[keep].astype(np.int64),
        "n_tokens_target": np.full(size, int(n_t), dtype=np.int64),
        "n_tokens_reference": np.full(size, int(n_r), dtype=np.int64),
        "n_content_tokens_target": np.full(size, int(tm.n_content_tokens[t_rows].sum()), dtype=np.int64),
        "n_content_tokens_reference": np.full(size, int(tm.n_content_tokens[r_rows].sum()),
                                              dtype=np.int64),
        **scores,
    })[COLUMNS]
    return out.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def _check_options(alpha0: float, min_count: int, ngram: int, unit: str, keep_names: bool) -> float:
    check_term_options(ngram, unit, min_count)
    if not isinstance(keep_names, bool):
        raise ParameterError(f"keep_names must be True or False, got {keep_names!r}")
    return check_number("alpha0", alpha0, low=0.0, low_open=True)


def _names_left_out(by: str, groups: list, keep_names: bool) -> frozenset[str]:
    return frozenset() if keep_names or by != SPEAKER_COLUMN else name_words(tuple(groups))


def distinctive_terms(corpus: "Corpus", target: Any, reference: Any = None, *, by: str = "speaker",
                      alpha0: float = 1000.0, min_count: int = 3, ngram: int = 1, unit: Unit = "norm",
                      exclude_stop: bool = True, keep_names: bool = False) -> pd.DataFrame:
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

    The group sizes n are word tokens, stop words included (``n_tokens_*``: the multinomial is over all
    running words, of which only the counted terms are reported); the word tokens after stop words are
    shown beside them (``n_content_tokens_*``). For phrases the same word-token sizes are used, an
    approximation that keeps rates "per 1,000 words". G2 and its p-value grow with corpus size: with
    large groups trivial differences become "significant"; read them beside Log Ratio. The z-score also
    grows with frequency by design (more evidence); alpha0 sets how strongly rare terms are shrunk
    towards the corpus rate (a larger alpha0 shrinks more).

    Parameters
    ----------
    corpus : Corpus
        The processed corpus.
    target : value or list of values
        The group(s) studied (several values are pooled).
    reference : value or list of values, optional
        The group(s) compared against; default every other group of ``by``.
    by : str, default "speaker"
        Group column, e.g. ``"speaker"`` or ``"year"``.
    alpha0 : float, default 1000.0
        Total weight of the informative prior (> 0).
    min_count : int, default 3
        Keep terms whose count in target plus reference is at least this.
    ngram, unit, exclude_stop
        How terms are counted (see :func:`discourse.measures.terms.term_counts`).
    keep_names : bool, default False
        With ``by="speaker"``, list the words of the compared speakers' own names too (by default a
        term with such a word is left out; the counts stay in the group sizes). Other group columns
        leave nothing out.

    Returns
    -------
    DataFrame
        ``term, count_target, count_reference, n_tokens_target, n_tokens_reference,
        n_content_tokens_target, n_content_tokens_reference, rate_target, rate_reference`` (per 1,000
        word tokens), ``log_odds, z, g2, p_value, log_ratio``; sorted by ``z`` descending.

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
    alpha0 = _check_options(alpha0, min_count, ngram, unit, keep_names)
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
    tm = term_matrix(corpus, by, ngram=ngram, unit=unit, exclude_stop=exclude_stop)
    return compare(tm, tgt, ref, alpha0=alpha0, min_count=min_count,
                   leave_out=_names_left_out(by, tgt + ref, keep_names))


def _stacked(tm: TermMatrix, pairs: list[tuple[list, list]], labels: list[dict], label_columns: list[str],
             *, by: str, alpha0: float, min_count: int, keep_names: bool) -> pd.DataFrame:
    frames = []
    for (tgt, ref), label in zip(pairs, labels):
        frame = compare(tm, tgt, ref, alpha0=alpha0, min_count=min_count,
                        leave_out=_names_left_out(by, sorted(tgt + ref, key=str), keep_names))
        for i, (col, value) in enumerate(label.items()):
            frame.insert(i, col, pd.Series([value] * len(frame), dtype=object))
        frames.append(frame)
    cols = [*label_columns, *COLUMNS]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    return pd.concat(frames, ignore_index=True)[cols]


def distinctive_terms_all(corpus: "Corpus", *, by: str = "speaker", alpha0: float = 1000.0,
                          min_count: int = 3, ngram: int = 1, unit: Unit = "norm",
                          exclude_stop: bool = True, keep_names: bool = False) -> pd.DataFrame:
    """Distinctive terms of every group of ``by`` against all the others, stacked.

    Parameters
    ----------
    corpus : Corpus
    by : str, default "speaker"
        Group column.
    alpha0, min_count, ngram, unit, exclude_stop, keep_names
        As in :func:`distinctive_terms` (with ``by="speaker"``, the names of every speaker of the
        comparison, the target and all the others, are left out unless ``keep_names``).

    Returns
    -------
    DataFrame
        ``<by>`` (the target group) followed by the columns of :func:`distinctive_terms`; within each
        group sorted by ``z`` descending. Groups come in ``corpus.groups(by)`` order.
    """
    alpha0 = _check_options(alpha0, min_count, ngram, unit, keep_names)
    corpus.check_by(by)
    if by in COLUMNS:
        raise ParameterError(f"by={by!r} is also a column of the table; group by another column")
    groups = corpus.groups(by)
    tm = term_matrix(corpus, by, ngram=ngram, unit=unit, exclude_stop=exclude_stop)
    pairs = [([g], [h for h in groups if h != g]) for g in groups] if len(groups) > 1 else []
    return _stacked(tm, pairs, [{by: tgt[0]} for tgt, _ in pairs], [by], by=by, alpha0=alpha0,
                    min_count=min_count, keep_names=keep_names)


def pairwise_distinctive(corpus: "Corpus", *, by: str = "speaker", alpha0: float = 1000.0,
                         min_count: int = 3, ngram: int = 1, unit: Unit = "norm",
                         exclude_stop: bool = True, keep_names: bool = False) -> pd.DataFrame:
    """Distinctive terms for every ordered pair of groups (target against one reference group).

    Parameters
    ----------
    corpus : Corpus
    by : str, default "speaker"
        Group column.
    alpha0, min_count, ngram, unit, exclude_stop, keep_names
        As in :func:`distinctive_terms` (the names of the two speakers of each pair are left out).

    Returns
    -------
    DataFrame
        ``target, reference`` (values of ``by``) followed by the columns of :func:`distinctive_terms`.
        The prior is the whole corpus in every pair, so scores of different pairs are on one scale.
    """
    alpha0 = _check_options(alpha0, min_count, ngram, unit, keep_names)
    corpus.check_by(by)
    tm = term_matrix(corpus, by, ngram=ngram, unit=unit, exclude_stop=exclude_stop)
    ordered = list(permutations(corpus.groups(by), 2))
    return _stacked(tm, [([a], [b]) for a, b in ordered],
                    [{"target": a, "reference": b} for a, b in ordered], ["target", "reference"],
                    by=by, alpha0=alpha0, min_count=min_count, keep_names=keep_names)
