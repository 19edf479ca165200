"""Imperative-verb density per group, with a sentence bootstrap interval; top verbs; the audit table.

These measures read ``corpus.directives`` (filled by the pipeline with
:func:`discourse.directives.directives_in_sentence`) and the word tokens of ``corpus.tokens``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from discourse.directives import CATEGORIES, DIRECTIVE_CATEGORIES
from discourse.errors import ParameterError
from discourse.measures.terms import doc_positions, sentence_groups, sentence_rows, text_order
from discourse.validate import check_number, check_positive_int, check_values_known

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from discourse.corpus.model import Corpus

HIT_COLUMNS = ["doc_id", "sent_id", "speaker", "year", "lemma", "verb", "category", "trigger",
               "sentence"]


def _check_corpus(corpus) -> None:
    for attr in ("sentences", "tokens", "directives", "annotate", "groups"):
        if not hasattr(corpus, attr):
            raise ParameterError(f"corpus must be a discourse Corpus, got {type(corpus).__name__}")


def _sentence_counts(corpus: "Corpus", by: str, groups: list) -> tuple[np.ndarray, pd.DataFrame]:
    """The group code of every row of ``corpus.sentences`` and a frame (same rows) of its word tokens
    ``n_tokens`` and its directive counts ``n_<category>``."""
    sents = corpus.sentences
    code = sentence_groups(corpus, by, groups)
    tokens = text_order(corpus)
    counts = {"n_tokens": np.bincount(tokens.sentence[tokens.is_word], minlength=len(sents))}
    d = corpus.directives
    rows = sentence_rows(corpus, doc_positions(corpus, d["doc_id"], table="directives"),
                         d["sent_id"].to_numpy(dtype=np.int64), table="directives") if len(d) \
        else np.zeros(0, dtype=np.int64)
    category = d["category"].to_numpy(dtype=object)
    for cat in CATEGORIES:
        counts[f"n_{cat}"] = np.bincount(rows[category == cat], minlength=len(sents))
    return code, pd.DataFrame({k: v.astype(np.int64) for k, v in counts.items()})


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


def directive_density(corpus: "Corpus", *, by: str = "speaker", include_commitments: bool = False,
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
    code, sents = _sentence_counts(corpus, by, groups)
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


def top_directive_verbs(corpus: "Corpus", *, by: str = "speaker", n: int = 10,
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
    code, sents = _sentence_counts(corpus, by, groups)
    ok = code >= 0
    n_tok = np.bincount(code[ok], weights=sents["n_tokens"].to_numpy()[ok], minlength=len(groups))
    hits = corpus.directives[corpus.directives["category"].isin(cats)]
    rows = sentence_rows(corpus, doc_positions(corpus, hits["doc_id"], table="directives"),
                         hits["sent_id"].to_numpy(dtype=np.int64), table="directives")
    counts = pd.DataFrame({"_g": code[rows], "lemma": hits["lemma"].to_numpy(dtype=object)})
    counts = counts[counts["_g"] >= 0].groupby(["_g", "lemma"]).size().rename("count").reset_index()
    counts = counts.sort_values(["_g", "count", "lemma"], ascending=[True, False, True], kind="mergesort")
    counts["rank"] = counts.groupby("_g").cumcount() + 1
    counts = counts[counts["rank"] <= n].reset_index(drop=True)
    counts["per_1k"] = counts["count"] / n_tok[counts["_g"].to_numpy()] * 1000
    counts.insert(0, by, pd.Series(np.asarray(groups, dtype=object)[counts["_g"].to_numpy()],
                                   dtype=object))
    return counts[[by, "lemma", "count", "per_1k", "rank"]]


def directive_hits(corpus: "Corpus", *, by: str | None = None) -> pd.DataFrame:
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
