"""Emerging and vanishing formulations: terms that appear in a period and not before, or vanish after one.

The terms are handled as rows of word codes (see :func:`discourse.measures.terms.ngram_keys`) from
counting to the removal of subsumed terms; only the listed ones are turned into strings.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from discourse.errors import ParameterError
from discourse.measures.terms import (
    Unit,
    check_term_options,
    count_matrix,
    is_compound,
    ngram_keys,
    ngram_names,
    word_stream,
)
from discourse.validate import check_positive_int

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from discourse.corpus.model import Corpus

COLUMNS = ["term", "n", "status", "first_period", "count_first", "last_period", "count_last",
           "total_count"]


def emerging_formulations(corpus: "Corpus", *, by: str = "year", max_n: int = 4, min_count: int = 2,
                          unit: Unit = "norm", drop_subsumed: bool = True) -> pd.DataFrame:
    """Words and multi-word formulations that appear in a period and not before, or vanish after one.

    A term (a word or a phrase of up to ``max_n`` words, counted as in
    :func:`discourse.measures.terms.term_counts` with stop words removed at the edges) is

    - ``emerging`` in period b when it occurs at least ``min_count`` times in b and never in an earlier
      period (terms of the first period are not "emerging": nothing precedes them);
    - ``vanishing`` after period a when it occurs at least ``min_count`` times in a and never in a later
      period (terms of the last period are not "vanishing").

    A hyphenated word is listed as the phrase of its parts ("opening-up" and "opening up" are the one
    formulation "opening up", ``n`` = 2), so every count here is the count the matcher of
    :func:`discourse.measures.concordance.kwic` finds for the term.
    With ``drop_subsumed=True`` a shorter term is dropped when, in that period, it occurs only inside
    one longer listed term (same count as the longer term that begins or ends with it), so
    "new quality productive forces" is listed without "productive forces" and "quality productive".
    The lists depend on where the corpus starts and ends and on the size of each period: with small
    periods many terms "emerge" by chance.

    Parameters
    ----------
    corpus : Corpus
    by : str, default "year"
    max_n : int, default 4
        Longest term considered, in words.
    min_count : int, default 2
        Minimum count in the period of first (emerging) or last (vanishing) use.
    unit : {"norm", "lemma"}, default "norm"
    drop_subsumed : bool, default True

    Returns
    -------
    DataFrame
        ``term, n`` (words), ``status`` (emerging, vanishing), ``first_period, count_first``,
        ``last_period, count_last, total_count``. Emerging terms come first, ordered by
        ``first_period``; then vanishing terms ordered by ``last_period``; within a period multi-word
        formulations first (``n`` descending), then by count descending, then by term.
    """
    max_n = check_positive_int("max_n", max_n)
    check_term_options(1, unit, min_count)
    if not isinstance(drop_subsumed, bool):
        raise ParameterError(f"drop_subsumed must be True or False, got {drop_subsumed!r}")
    corpus.check_by(by)
    stream = word_stream(corpus, by, unit=unit)
    rows = _listed(stream, max_n, min_count)
    if rows is None:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    if drop_subsumed:
        keep = ~_subsumed(rows["n"], rows["vanishing"], rows["period"], rows["count"], rows["words"])
        rows = {k: v[keep] for k, v in rows.items()}
    vocab = stream.pieces.pieces.vocab if max_n > 1 else stream.vocab
    groups = np.asarray(stream.groups, dtype=object)
    table = pd.DataFrame({
        "term": _names(vocab, rows["words"], rows["n"]), "n": rows["n"],
        "status": np.where(rows["vanishing"] == 1, "vanishing", "emerging").astype(object),
        "first_period": groups[rows["first"]], "count_first": rows["count_first"],
        "last_period": groups[rows["last"]], "count_last": rows["count_last"],
        "total_count": rows["total"], "_status": rows["vanishing"], "_code": rows["period"],
        "_count": rows["count"],
    })
    table = table.sort_values(["_status", "_code", "n", "_count", "term"],
                              ascending=[True, True, False, False, True], kind="mergesort")
    return table[COLUMNS].reset_index(drop=True)


def _listed(stream, max_n: int, min_count: int) -> dict[str, np.ndarray] | None:
    """Every emerging and vanishing term (1 to ``max_n`` words) as arrays of codes and counts.

    Rows come by order, then emerging before vanishing, each in order of first occurrence; ``words``
    holds the word codes padded with -1 to ``max_n`` columns, ``period``/``count`` the period and
    count that make the row's status (first period when emerging, last when vanishing).
    """
    present = np.flatnonzero(stream.n_tokens > 0)
    parts = []
    for n in range(1, max_n + 1):
        group, key, words, _ = ngram_keys(stream, n, exclude_stop=True)
        if len(present) == 0 or len(words) == 0:
            continue
        first, count_first, last, count_last, total = _first_last_counts(
            count_matrix(group, key, len(stream.groups), len(words)))
        not_compound = np.ones(len(words), dtype=bool) if n > 1 else ~is_compound(stream.vocab)[words[:, 0]]
        emerging = (first > present[0]) & (count_first >= min_count) & not_compound
        vanishing = (last >= 0) & (last < present[-1]) & (count_last >= min_count) & not_compound
        for status, mask in ((0, emerging), (1, vanishing)):
            if not mask.any():
                continue
            padded = np.full((int(mask.sum()), max_n), -1, dtype=np.int64)
            padded[:, :n] = words[mask]
            parts.append({
                "n": np.full(len(padded), n, dtype=np.int64),
                "vanishing": np.full(len(padded), status, dtype=np.int64), "words": padded,
                "first": first[mask], "count_first": count_first[mask], "last": last[mask],
                "count_last": count_last[mask], "total": total[mask],
                "period": (last if status else first)[mask],
                "count": (count_last if status else count_first)[mask],
            })
    if not parts:
        return None
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def _names(vocab: np.ndarray, words: np.ndarray, n: np.ndarray) -> np.ndarray:
    """The strings of n-grams of mixed orders (rows of ``words`` padded with -1)."""
    out = np.empty(len(n), dtype=object)
    for m in np.unique(n):
        rows = n == m
        out[rows] = ngram_names(vocab, words[rows, :m])
    return out


def _first_last_counts(mat) -> tuple[np.ndarray, ...]:
    """Per column of a period-by-term count matrix: first and last period with a non-zero count (-1
    if none), the counts there, and the column total."""
    csc = mat.tocsc()
    csc.sort_indices()
    lo, hi = csc.indptr[:-1], csc.indptr[1:]
    has = hi > lo
    first = np.full(mat.shape[1], -1, dtype=np.int64)
    last = np.full(mat.shape[1], -1, dtype=np.int64)
    count_first = np.zeros(mat.shape[1], dtype=np.int64)
    count_last = np.zeros(mat.shape[1], dtype=np.int64)
    first[has] = csc.indices[lo[has]]
    last[has] = csc.indices[hi[has] - 1]
    count_first[has] = csc.data[lo[has]]
    count_last[has] = csc.data[hi[has] - 1]
    total = np.asarray(csc.sum(axis=0)).ravel().astype(np.int64)
    return first, count_first, last, count_last, total


def _subsumed(n: np.ndarray, vanishing: np.ndarray, period: np.ndarray, count: np.ndarray,
              words: np.ndarray) -> np.ndarray:
    """Rows whose term occurs, in its period, only inside one longer listed term (by word codes).

    A row of order k is subsumed when some listed row of order m > k with the same status, period
    and count has the row's words at some offset. Candidates are narrowed down word by word, so only
    those that still match some row are hashed again.
    """
    fixed = _pair_codes(_pair_codes(vanishing, period), count)
    max_n = words.shape[1]
    hit = np.zeros(len(n), dtype=bool)
    for k in range(1, max_n):
        own = np.flatnonzero(n == k)
        longer = [(np.flatnonzero(n == m), o) for m in range(k + 1, max_n + 1) for o in range(m - k + 1)]
        if len(own) == 0 or not longer:
            continue
        rows = np.concatenate([r for r, _ in longer])
        offset = np.concatenate([np.full(len(r), o, dtype=np.int64) for r, o in longer])
        key_own, key_sub = fixed[own], fixed[rows]
        for j in range(k + 1):
            if j:
                both = _pair_codes(np.concatenate([key_own, key_sub]),
                                   np.concatenate([words[own, j - 1], words[rows, offset + j - 1]]))
                key_own, key_sub = both[: len(own)], both[len(own):]
            # keep the candidates whose words so far still match some row of order k
            size = int(max(key_own.max(), key_sub.max(initial=0))) + 1
            live = _member(key_sub, key_own, size)
            rows, offset, key_sub = rows[live], offset[live], key_sub[live]
            if len(rows) == 0:
                break
        else:
            size = int(max(key_own.max(), key_sub.max(initial=0))) + 1
            hit[own] = _member(key_own, key_sub, size)
    return hit


def _member(values: np.ndarray, pool: np.ndarray, size: int) -> np.ndarray:
    """``np.isin`` for non-negative integers below ``size``, by a lookup table."""
    table = np.zeros(size, dtype=bool)
    table[pool] = True
    return table[values]


def _pair_codes(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Codes (0, 1, ...) equal exactly where the pairs ``(a[i], b[i])`` are equal (values >= -1)."""
    a = a + 1
    b = b + 1
    width = int(b.max()) + 1 if len(b) else 1
    if len(a) and int(a.max()) >= (2 ** 62) // width:
        a = pd.factorize(a)[0].astype(np.int64)
        b = pd.factorize(b)[0].astype(np.int64)
        width = int(b.max()) + 1
    return pd.factorize(a * width + b)[0].astype(np.int64)
