"""Tables the notebooks show that combine the measures: overviews, bilingual density, KWIC of top terms.

The notebooks hold no logic of their own (no ``def``, no ``class``); when a notebook needs more than
one call into a measure, the combination lives here so that it is tested and reused.
"""
from __future__ import annotations

from typing import Any, Sequence

import pandas as pd

from discourse.corpus.model import Corpus
from discourse.measures.concordance import kwic
from discourse.measures.density import directive_density
from discourse.measures.distinctive import COLUMNS as DISTINCTIVE_COLUMNS
from discourse.measures.shift import rising_falling
from discourse.measures.terms import Unit
from discourse.report.params import NON_PERSON_VOICES
from discourse.validate import check_column, check_positive_int

#: Columns of :func:`documents_by` (after the group column).
DOCUMENTS_BY_COLUMNS = ["n_documents", "n_sentences", "n_tokens"]
#: Columns of :func:`discourse.directive_density` after the group column.
DENSITY_COLUMNS = ["n_tokens", "n_sentences", "n_directives", "per_1k", "ci_low", "ci_high",
                   "directive_sentence_share", "n_imperative", "n_obligation", "n_recommendation",
                   "n_prohibition", "n_reported", "n_commitment", "commitments_per_1k"]
#: Columns of :func:`voices_found`.
VOICE_COLUMNS = ["speaker", "kind", "n_documents", "n_sentences", "n_tokens", "roles"]


def documents_by(corpus: Corpus, column: str) -> pd.DataFrame:
    """Documents, sentences and word tokens per value of a document column (``year``, ``source``, ...).

    Parameters
    ----------
    corpus : Corpus
    column : str
        A column of ``corpus.documents``; missing values are shown as ``"(none)"``.

    Returns
    -------
    DataFrame
        ``<column>, n_documents, n_sentences, n_tokens``, sorted by the column.
    """
    docs = corpus.documents
    check_column("column", column, docs, what="documents table")
    keys = docs[column].astype("object").where(docs[column].notna(), "(none)")
    keys = keys.where(keys.astype(str) != "", "(none)")
    table = (docs.assign(_key=keys.astype(str))
             .groupby("_key", sort=True)
             .agg(n_documents=("doc_id", "size"), n_sentences=("n_sentences", "sum"),
                  n_tokens=("n_tokens", "sum"))
             .reset_index().rename(columns={"_key": column}))
    return table[[column, *DOCUMENTS_BY_COLUMNS]]


def voices_found(corpus: Corpus) -> pd.DataFrame:
    """Every voice of the corpus with its size: persons, ``meeting`` and ``narrator``.

    Returns
    -------
    DataFrame
        ``speaker, kind`` (person, meeting, narrator), ``n_documents, n_sentences, n_tokens`` (word
        tokens) and ``roles`` (the roles recorded for a person, ``; ``-separated), ordered by
        ``n_tokens`` descending, then by name.
    """
    sents = corpus.sentences[["doc_id", "sent_id", "speaker", "role"]].copy()
    sents["speaker"] = sents["speaker"].fillna("").replace("", "(unknown)")
    words = corpus.tokens.loc[corpus.tokens["is_word"].astype(bool), ["doc_id", "sent_id"]]
    n_tok = words.merge(sents, on=["doc_id", "sent_id"], how="inner").groupby("speaker").size()
    table = sents.groupby("speaker").agg(n_documents=("doc_id", "nunique"),
                                         n_sentences=("sent_id", "size"))
    table["n_tokens"] = n_tok.reindex(table.index).fillna(0).astype(int)
    roles = (sents[sents["role"].fillna("").astype(str) != ""].groupby("speaker")["role"]
             .agg(lambda r: "; ".join(sorted(set(map(str, r))))))
    table["roles"] = roles.reindex(table.index).fillna("")
    table = table.reset_index()
    table["kind"] = table["speaker"].map(lambda s: s if s in NON_PERSON_VOICES else "person")
    table = table.sort_values(["n_tokens", "speaker"], ascending=[False, True], kind="mergesort")
    return table[VOICE_COLUMNS].reset_index(drop=True)


def bilingual_density(corpus: Corpus, *, n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Directive density of the Chinese and the English text of the bilingual documents, side by side.

    Only documents whose ``language`` is ``en+zh`` (each Chinese paragraph beside its translation)
    take part, so both rows describe the same content; the difference shows what translation does to
    directive language. Densities per 1,000 word tokens are not strictly comparable across languages
    (jieba words are not English words), so read the ratio of the two rows with that in mind.

    Returns
    -------
    DataFrame
        The columns of :func:`discourse.directive_density` with ``by="lang"`` (one row per language),
        plus ``n_documents``; empty (with those columns) when the corpus has no bilingual document.
    """
    n_boot = check_positive_int("n_boot", n_boot)
    bilingual = corpus.documents.loc[corpus.documents["language"] == "en+zh", "doc_id"].tolist()
    if not bilingual:
        return pd.DataFrame(columns=["lang", *DENSITY_COLUMNS, "n_documents"])
    sub = corpus.subset(doc_id=bilingual)
    table = directive_density(sub, by="lang", n_boot=n_boot, seed=seed)
    table["n_documents"] = len(bilingual)
    return table.reset_index(drop=True)


def top_terms_kwic(corpus: Corpus, table: pd.DataFrame, *, by: str = "speaker", n_terms: int = 3,
                   n_lines: int = 3, window: int = 8) -> pd.DataFrame:
    """Concordance lines of the top distinctive terms of each group, within that group's text.

    Parameters
    ----------
    corpus : Corpus
    table : DataFrame
        A :func:`discourse.distinctive_terms_all` table (``<by>, term, z``, sorted by z within group).
    by : str
        The group column the table was computed on (and its first column).
    n_terms, n_lines, window : int
        Terms per group (largest z, positive only), lines per term, context tokens each side.

    Returns
    -------
    DataFrame
        ``<by>, term, z, doc_id, left, match, right``.
    """
    n_terms = check_positive_int("n_terms", n_terms)
    n_lines = check_positive_int("n_lines", n_lines)
    check_column("by", by, table, what="distinctive-terms table")
    frames = []
    for value, rows in table.groupby(by, sort=False):
        top = rows[rows["z"] > 0].nlargest(n_terms, "z")
        if top.empty:
            continue
        sub = corpus.subset(**{by: value})
        for term, z in zip(top["term"], top["z"]):
            lines = kwic(sub, str(term), window=window).head(n_lines)
            lines = lines.drop(columns=[by], errors="ignore")
            frames.append(lines.assign(**{by: value, "term": term, "z": z}))
    columns = [by, "term", "z", "doc_id", "left", "match", "right"]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    return pd.concat(frames, ignore_index=True)[columns]


def rising_falling_by_pair(corpus: Corpus, periods: Sequence[Any], *, by: str = "year", n: int = 10,
                           alpha0: float = 1000.0, min_count: int = 3, ngram: int = 1,
                           unit: Unit = "norm", exclude_stop: bool = True) -> pd.DataFrame:
    """Rising and falling terms for every pair of consecutive periods, stacked.

    Parameters
    ----------
    corpus : Corpus
    periods : sequence
        The periods in order (e.g. the years of the corpus); pairs are consecutive elements.
    by : str
    n : int
        Terms in each direction per pair.
    alpha0, min_count, ngram, unit, exclude_stop
        As in :func:`discourse.rising_falling`.

    Returns
    -------
    DataFrame
        ``from, to`` followed by the columns of :func:`discourse.rising_falling`.
    """
    periods = list(periods)
    frames = [rising_falling(corpus, a, b, by=by, n=n, alpha0=alpha0, min_count=min_count, ngram=ngram,
                             unit=unit, exclude_stop=exclude_stop).assign(**{"from": a, "to": b})
              for a, b in zip(periods[:-1], periods[1:])]
    if not frames:
        columns = ["from", "to", "direction", *DISTINCTIVE_COLUMNS]
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    out = pd.concat(frames, ignore_index=True)
    return out[["from", "to", *[c for c in out.columns if c not in ("from", "to")]]]
