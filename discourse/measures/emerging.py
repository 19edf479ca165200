"""Emerging and vanishing formulations: n-grams that appear in a period and not before, or vanish after one.

The n-grams are handled as rows of word codes (see :func:`discourse.terms.ngram_keys`) from counting
to the removal of subsumed n-grams; only the listed ones are turned into strings.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from discourse.measures.terms import Unit, check_term_options, count_matrix, ngram_keys, ngram_names, word_stream
from discourse.validate import check_positive_int

COLUMNS = ["term", "n", "status", "first_period", "count_first", "last_period", "count_last",
           "total_count"]


def emerging_formulations(corpus, *, by: str = "year", max_n: int = 4, min_count: int = 2,
                          unit: Unit = "norm", drop_subsumed: bool = True) -> pd.DataFrame:
    """Words and multi-word formulations that appear in a period and not before, or vanish after one.

    A term (an n-gram of 1 to ``max_n`` words, counted as in :func:`discourse.terms.term_counts` with
    stop words removed at the edges) is

    - ``emerging`` in period b when it occurs at least ``min_count`` times in b and never in an earlier
      period (terms of the first period are not "emerging": nothing precedes them);
    - ``vanishing`` after period a when it occurs at least ``min_count`` times in a and never in a later
      period (terms of the last period are not "vanishing").

    With ``drop_subsumed=True`` a shorter n-gram is dropped when, in that period, it occurs only inside
    one longer listed n-gram (same count as the longer n-gram that begins or ends with it), so
    "new quality productive forces" is listed without "productive forces" and "quality productive".
    The lists depend on where the corpus starts and ends and on the size of each period: with small
    periods many terms "emerge" by chance.

    Parameters
    ----------
    corpus : Corpus
    by : str, default "year"
    max_n : int, default 4
        Longest n-gram considered.
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
        formulations first (``n`` descending), then by count descending.
    """
    max_n = check_positive_int("max_n", max_n)
    check_term_options(1, unit, min_count)
    corpus.check_by(by)
    stream = word_stream(corpus, by, unit=unit)
    rows = _listed(stream, max_n, min_count)
    if rows is None:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    n = rows["n"]
    by_codes = _words_are_tokens(stream.vocab)
    if drop_subsumed and by_codes:
        keep = ~_subsumed(n, rows["vanishing"], rows["period"], rows["count"], rows["words"])
        rows = {k: v[keep] for k, v in rows.items()}
    groups = np.asarray(stream.groups, dtype=object)
    table = pd.DataFrame({
        "term": _names(stream.vocab, rows["words"], rows["n"]), "n": rows["n"],
        "status": np.where(rows["vanishing"] == 1, "vanishing", "emerging").astype(object),
        "first_period": groups[rows["first"]], "count_first": rows["count_first"],
        "last_period": groups[rows["last"]], "count_last": rows["count_last"],
        "total_count": rows["total"], "_code": rows["period"], "_count": rows["count"],
    })
    if drop_subsumed and not by_codes:
        table = _drop_subsumed_by_text(table)
    if drop_subsumed and (n > 1).any():  # the term column's dtype as a join on strings has left it
        table = table.assign(term=table["term"].astype(object))
    if by_codes and _sorts_like_words(stream.vocab):
        rank = np.empty(len(stream.vocab) + 1, dtype=np.int64)
        rank[np.argsort(stream.vocab.astype(str), kind="stable")] = np.arange(len(stream.vocab))
        rank[-1] = -1                                    # padding after the last word
        words = rank[rows["words"]]
        order = np.lexsort((*[words[:, j] for j in range(max_n - 1, -1, -1)], -rows["count"],
                            -rows["n"], rows["period"], rows["vanishing"]))
        table = table.iloc[order]
    else:
        table = table.assign(_status=(table["status"] == "vanishing").astype(int)).sort_values(
            ["_status", "_code", "n", "_count", "term"], ascending=[True, True, False, False, True],
            kind="mergesort")
    return table[COLUMNS].reset_index(drop=True)


def _listed(stream, max_n: int, min_count: int) -> dict[str, np.ndarray] | None:
    """Every emerging and vanishing n-gram (orders 1 to ``max_n``) as arrays of codes and counts.

    Rows come by order, then emerging before vanishing, each in order of first occurrence; ``words``
    holds the term codes padded with -1 to ``max_n`` columns, ``period``/``count`` the period and
    count that make the row's status (first period when emerging, last when vanishing).
    """
    present = np.flatnonzero(stream.n_tokens > 0)
    parts = []
    for n in range(1, max_n + 1):
        start, key, words = ngram_keys(stream, n, exclude_stop=True)
        if len(present) == 0 or len(words) == 0:
            continue
        first, count_first, last, count_last, total = _first_last_counts(
            count_matrix(stream.group[start], key, len(stream.groups), len(words)))
        emerging = (first > present[0]) & (count_first >= min_count)
        vanishing = (last >= 0) & (last < present[-1]) & (count_last >= min_count)
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


def _sorts_like_words(vocab: np.ndarray) -> bool:
    """Whether n-gram strings of one order sort as their word tuples do: true when no word holds a
    character at or below the space that joins them."""
    return all(not v or min(v) > " " for v in vocab.tolist())


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


def _words_are_tokens(vocab: np.ndarray) -> bool:
    """Whether n-gram strings and rows of word codes correspond one to one (distinct terms, none
    containing a space)."""
    return len(set(vocab.tolist())) == len(vocab) and not any(" " in v for v in vocab)


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


def _drop_subsumed_by_text(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`_subsumed` on the term strings, for vocabularies where words contain spaces."""
    keys = []
    longer = table[table["n"] > 1]
    words = longer["term"].str.split(" ")
    for m in sorted(longer["n"].unique()):
        rows = longer[longer["n"] == m]
        w = words[longer["n"] == m]
        for k in range(1, m):
            for o in range(0, m - k + 1):
                keys.append(rows.assign(term=w.str[o:o + k].str.join(" "), n=k))
    if not keys:
        return table
    cols = ["term", "n", "status", "_code", "_count"]
    sub = pd.concat(keys)[cols].drop_duplicates().assign(_sub=True)
    merged = table.merge(sub, on=cols, how="left")
    return merged[merged["_sub"].isna()].drop(columns="_sub")
