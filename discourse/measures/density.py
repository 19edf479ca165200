"""Imperative-verb density per group, with a sentence bootstrap interval; top verbs; the audit table.

These measures read ``corpus.directives`` (filled by the pipeline with
:func:`discourse.directives.directives_in_sentence`) and the word tokens of ``corpus.tokens``.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from discourse.directives import CATEGORIES, DIRECTIVE_CATEGORIES
from discourse.errors import ParameterError
from discourse.measures.codes import doc_codes, group_codes, sentence_rows, sentence_table_codes
from discourse.validate import check_number, check_positive_int, check_values_known

HIT_COLUMNS = ["doc_id", "sent_id", "speaker", "year", "lemma", "verb", "category", "trigger",
               "sentence"]


def _check_corpus(corpus) -> None:
    for attr in ("sentences", "tokens", "directives", "annotate", "groups"):
        if not hasattr(corpus, attr):
            raise ParameterError(f"corpus must be a discourse Corpus, got {type(corpus).__name__}")


def _sentence_table(corpus, by: str) -> pd.DataFrame:
    """One row per sentence with its group, word-token count and directive counts per category."""
    sents = corpus.annotate(corpus.sentences[["doc_id", "sent_id"]], by)
    tok = corpus.tokens
    words = tok[tok["is_word"].astype(bool)].groupby(["doc_id", "sent_id"]).size().rename("n_tokens")
    sents = sents.merge(words, left_on=["doc_id", "sent_id"], right_index=True, how="left")
    sents["n_tokens"] = sents["n_tokens"].fillna(0).astype(np.int64)
    d = corpus.directives
    for cat in CATEGORIES:
        counts = d[d["category"] == cat].groupby(["doc_id", "sent_id"]).size().rename(f"n_{cat}")
        sents = sents.merge(counts, left_on=["doc_id", "sent_id"], right_index=True, how="left")
        sents[f"n_{cat}"] = sents[f"n_{cat}"].fillna(0).astype(np.int64)
    return sents


def _sentence_counts(corpus, by: str, groups: list) -> tuple[np.ndarray, pd.DataFrame] | None:
    """:func:`_sentence_table` as integer arrays: the group code of every sentence (in ``sentences``
    order) and a frame of its ``n_tokens`` and ``n_<category>`` counts. None where a key repeats."""
    sents = corpus.sentences
    code = sentence_table_codes(corpus, by, groups)
    if code is None:
        return None
    tok = corpus.tokens
    t_doc, t_ids = doc_codes(tok["doc_id"])
    t_sent = tok["sent_id"].to_numpy(dtype=np.int64)
    start = np.ones(len(tok), dtype=bool)
    start[1:] = (t_doc[1:] != t_doc[:-1]) | (t_sent[1:] != t_sent[:-1])
    first = np.flatnonzero(start)
    rows = sentence_rows(sents, pd.Series(t_ids[t_doc[first]], dtype=object), t_sent[first])
    if rows is None:
        return None
    words = np.bincount(np.cumsum(start)[tok["is_word"].astype(bool).to_numpy()] - 1,
                        minlength=len(first))
    counts = {"n_tokens": _per_row(rows, words, len(sents))}
    d = corpus.directives
    d_rows = sentence_rows(sents, d["doc_id"], d["sent_id"].to_numpy(dtype=np.int64)) if len(d) \
        else np.zeros(0, dtype=np.int64)
    category = d["category"].to_numpy(dtype=object)
    for cat in CATEGORIES:
        hit = d_rows[category == cat]
        counts[f"n_{cat}"] = _per_row(hit, np.ones(len(hit), dtype=np.int64), len(sents))
    return code, pd.DataFrame(counts)


def _per_row(rows: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Sum of ``values`` per row (rows of -1 left out)."""
    ok = rows >= 0
    return np.bincount(rows[ok], weights=values[ok], minlength=size).astype(np.int64)


def _bootstrap(directives: np.ndarray, tokens: np.ndarray, *, n_boot: int, seed: int,
               ci: float) -> tuple[float, float]:
    """Percentile interval of sum(directives)/sum(tokens)*1000 over sentence resamples."""
    m = len(directives)
    if m == 0 or tokens.sum() == 0:
        return np.nan, np.nan
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, m, size=(n_boot, m))
    if m * max(int(tokens.max()), int(directives.max()), 0) < 2 ** 30 and directives.min() >= 0 \
            and tokens.min() >= 0:
        # one gather for both sums: tokens in the high bits, directives in the low 32 bits
        packed = (tokens.astype(np.int64) << 32) | directives.astype(np.int64)
        both = packed[idx].sum(axis=1)
        t, dsum = both >> 32, both & 0xFFFFFFFF
    else:
        t, dsum = tokens[idx].sum(axis=1), directives[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        dens = np.where(t > 0, dsum / t * 1000.0, np.nan)
    low, high = np.nanpercentile(dens, [100 * (1 - ci) / 2, 100 * (1 + ci) / 2])
    return float(low), float(high)


def directive_density(corpus, by: str = "speaker", *, include_commitments: bool = False,
                      n_boot: int = 1000, seed: int = 0, ci: float = 0.95) -> pd.DataFrame:
    """Imperative-verb density (directive verbs per 1,000 word tokens) of each group.

    Parameters
    ----------
    corpus : Corpus
        A processed corpus (its ``directives``, ``sentences`` and ``tokens`` tables are used).
    by : str
        Group column (any sentence or document column: ``speaker``, ``year``, ``doc_id``,
        ``section_kind`` (review / plan / other, see :mod:`discourse.text.sections`) ...).
    include_commitments : bool
        Count commitments in ``n_directives`` and ``per_1k`` too (default: no, as in MEASURES.md;
        ``n_commitment`` and ``commitments_per_1k`` are always shown).
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed of the ``numpy`` Generator; each group's resampling starts from this seed, so a
        group's interval does not depend on which other groups are present.
    ci : float
        Coverage of the percentile interval, in (0, 1).

    Returns
    -------
    DataFrame
        One row per group (in ``corpus.groups(by)`` order): ``<by>, n_tokens`` (word tokens),
        ``n_sentences, n_directives, per_1k, ci_low, ci_high`` (percentile bootstrap over the
        group's sentences, resampled with replacement; the density of a resample is its summed
        directives / summed tokens x 1000), ``directive_sentence_share`` (sentences with at least
        one counted verb), ``n_imperative, n_obligation, n_recommendation, n_prohibition,
        n_reported, n_commitment, commitments_per_1k``.

    References
    ----------
    Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*, ch. 13 (percentile
    intervals). Directive verbs as defined in ``MEASURES.md``.
    """
    _check_corpus(corpus)
    if not isinstance(include_commitments, bool):
        raise ParameterError(f"include_commitments must be True or False, got {include_commitments!r}")
    n_boot = check_positive_int("n_boot", n_boot)
    seed = check_positive_int("seed", seed, minimum=0)
    ci = check_number("ci", ci, low=0.0, high=1.0, low_open=True)
    if ci >= 1.0:
        raise ParameterError(f"ci must be < 1, got {ci!r}")
    groups = corpus.groups(by)
    cats = CATEGORIES if include_commitments else DIRECTIVE_CATEGORIES
    fast = _sentence_counts(corpus, by, groups)
    if fast is None:
        sents = _sentence_table(corpus, by)
        code = group_codes(sents[by], groups)
    else:
        code, sents = fast
    sents["_dir"] = sents[[f"n_{c}" for c in cats]].sum(axis=1)
    order = np.argsort(code, kind="stable")          # each group's sentences in table order
    bounds = np.searchsorted(code[order], np.arange(len(groups) + 1))
    columns_needed = ["_dir", "n_tokens", *[f"n_{c}" for c in CATEGORIES]]
    values = {c: sents[c].to_numpy(np.int64)[order] for c in columns_needed}
    rows = []
    for i, g in enumerate(groups):
        part = slice(bounds[i], bounds[i + 1])
        d = values["_dir"][part]
        t = values["n_tokens"][part]
        n_tok, n_dir = int(t.sum()), int(d.sum())
        low, high = _bootstrap(d, t, n_boot=n_boot, seed=seed, ci=ci)
        row = {by: g, "n_tokens": n_tok, "n_sentences": len(d), "n_directives": n_dir,
               "per_1k": n_dir / n_tok * 1000 if n_tok else np.nan, "ci_low": low, "ci_high": high,
               "directive_sentence_share": float((d > 0).mean()) if len(d) else np.nan}
        for c in CATEGORIES:
            row[f"n_{c}"] = int(values[f"n_{c}"][part].sum())
        row["commitments_per_1k"] = row["n_commitment"] / n_tok * 1000 if n_tok else np.nan
        rows.append(row)
    columns = [by, "n_tokens", "n_sentences", "n_directives", "per_1k", "ci_low", "ci_high",
               "directive_sentence_share", *[f"n_{c}" for c in CATEGORIES], "commitments_per_1k"]
    return pd.DataFrame(rows, columns=columns)


def top_directive_verbs(corpus, by: str = "speaker", *, n: int = 10,
                        categories: Sequence[str] | None = None) -> pd.DataFrame:
    """The most frequent directive verbs (lemmas) of each group.

    Parameters
    ----------
    corpus : Corpus
        A processed corpus.
    by : str
        Group column.
    n : int
        Verbs per group.
    categories : sequence of str, optional
        Categories to count (default: every category but ``commitment``).

    Returns
    -------
    DataFrame
        ``<by>, lemma, count, per_1k`` (per 1,000 word tokens of the group), ``rank`` (1 = most
        frequent; ties broken alphabetically), at most ``n`` rows per group.
    """
    _check_corpus(corpus)
    n = check_positive_int("n", n)
    cats = list(DIRECTIVE_CATEGORIES) if categories is None else \
        check_values_known("categories", [categories] if isinstance(categories, str) else categories,
                           CATEGORIES, what="category")
    groups = corpus.groups(by)
    sents = _sentence_table(corpus, by)
    n_tok = sents.groupby(by)["n_tokens"].sum()
    hits = corpus.directives[corpus.directives["category"].isin(cats)]
    hits = corpus.annotate(hits[["doc_id", "sent_id", "lemma"]], by)
    counts = hits.groupby([by, "lemma"]).size().rename("count").reset_index()
    counts = counts[counts[by].isin(groups)]
    counts = counts.sort_values([by, "count", "lemma"], ascending=[True, False, True])
    counts["rank"] = counts.groupby(by).cumcount() + 1
    counts = counts[counts["rank"] <= n].copy()
    counts["per_1k"] = counts["count"] / counts[by].map(n_tok).astype(float) * 1000
    order = {g: i for i, g in enumerate(groups)}
    counts = counts.sort_values([by, "rank"], key=lambda c: c.map(order) if c.name == by else c)
    return counts[[by, "lemma", "count", "per_1k", "rank"]].reset_index(drop=True)


def directive_hits(corpus, *, by: str | None = None) -> pd.DataFrame:
    """Every directive and commitment hit with its sentence, for auditing the counts.

    Parameters
    ----------
    corpus : Corpus
        A processed corpus.
    by : str, optional
        An extra group column to add (any sentence or document column).

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, speaker, year, lemma, verb, category, trigger, sentence`` (plus ``by``),
        in document and sentence order.
    """
    _check_corpus(corpus)
    extra = [] if by is None else [by]
    wanted = ["speaker", "year", *[c for c in extra if c not in ("speaker", "year", "doc_id", "sent_id")]]
    d = corpus.directives.drop(columns=[c for c in [*wanted, "sentence"] if c in corpus.directives.columns])
    # directive rows refer to their sentence by id; its text is joined from the sentences table
    text = corpus.sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    hits = corpus.annotate(d.merge(text, on=["doc_id", "sent_id"], how="left"), wanted)
    cols = HIT_COLUMNS + [c for c in extra if c not in HIT_COLUMNS]
    return hits[cols].reset_index(drop=True)
