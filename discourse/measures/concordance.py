"""Concordance: every occurrence of a word or phrase with its left and right context (KWIC)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from discourse.measures.terms import (
    unit_text,
    find_phrase,
    query_pieces,
    split_pieces,
    text_order,
    transparent_tokens,
)
from discourse.validate import check_choice, check_positive_int

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from discourse.corpus.model import Corpus

KWIC_COLUMNS = ["doc_id", "sent_id", "speaker", "year", "left", "match", "right"]

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "\u201d", "\u2019",
                    "\u3001", "\u3002", "\uff0c", "\uff1b", "\uff1a", "\uff01", "\uff1f"}
_NO_SPACE_AFTER = {"(", "[", "{", "\u201c", "\u2018"}


def _join(idx: np.ndarray, text: np.ndarray, tight_before: np.ndarray, tight_after: np.ndarray
          ) -> np.ndarray:
    """Join the tokens ``text[idx[r, :]]`` of every row into a string (-1 = no token)."""
    out = np.full(idx.shape[0], "", dtype=object)
    prev = np.full(idx.shape[0], -1)
    for j in range(idx.shape[1]):
        cur = idx[:, j]
        has = cur >= 0
        word = np.where(has, text[np.where(has, cur, 0)], "")
        glue = (has & (prev >= 0) & ~tight_before[np.where(has, cur, 0)]
                & ~tight_after[np.where(prev >= 0, prev, 0)])
        out = out + np.where(glue, " ", "") + word
        prev = np.where(has, cur, prev)
    return out


def kwic(corpus: "Corpus", query: str, *, window: int = 8, by: str | None = None,
         case_sensitive: bool = False, unit: Literal["token", "lemma"] = "token") -> pd.DataFrame:
    """Key word in context: every occurrence of ``query`` with ``window`` tokens either side.

    Matching is the one matcher of the package (:func:`discourse.measures.terms.find_phrase`), shared
    with :func:`~discourse.measures.shift.term_trajectories` and with the phrases that
    :func:`~discourse.measures.terms.term_counts` and
    :func:`~discourse.measures.emerging.emerging_formulations` count, so the same query gives the same
    count in each:

    - ``query`` is a word or a phrase ("opening up", "high-quality development"); it is split on white
      space and hyphens, and quotes around or inside it are ignored;
    - tokens are compared piece by piece, a token's text split at its hyphens, so "high-quality"
      matches whether the tokenizer kept it as one token or split it at the hyphen, and "opening up"
      also finds "opening-up"; a match starts at the beginning of a token and ends at the end of one
      ("quality" does not match inside "high-quality");
    - tokens made only of quotes or hyphens are skipped, so quotation marks do not break a phrase; any
      other punctuation does ("reform opening" does not match "reform, opening"), and so do dashes;
    - a match stays within one sentence;
    - ``unit="token"`` compares word forms: the lower-cased ``norm`` by default, the original ``token``
      text with ``case_sensitive=True``; ``unit="lemma"`` compares lower-cased lemmas ("implement" also
      finds "implemented");
    - ``window`` counts tokens of any kind (punctuation included) and the context may run into the
      neighbouring sentences of the same document, never into another document.

    Parameters
    ----------
    corpus : Corpus
    query : str
        Word or phrase.
    window : int, default 8
        Context tokens on each side.
    by : str, optional
        A group column to add to the table (e.g. ``"source"``).
    case_sensitive : bool, default False
    unit : {"token", "lemma"}, default "token"

    Returns
    -------
    DataFrame
        ``doc_id, sent_id`` (sentence of the match's first token), ``speaker`` (the voice of that
        sentence), ``year, left, match, right`` (+ ``<by>``), in text order. No match gives an empty table
        with these columns.
    """
    words = query_pieces(query, case_sensitive=case_sensitive)
    window = check_positive_int("window", window, minimum=0)
    check_choice("unit", unit, ("token", "lemma"))
    cols = list(KWIC_COLUMNS)
    if by is not None:
        corpus.check_by(by)
        if by not in cols:
            cols.append(by)

    tokens = text_order(corpus)
    text_unit = "lemma" if unit == "lemma" else ("token" if case_sensitive else "norm")
    codes, vocab = unit_text(tokens, text_unit)
    keep = np.flatnonzero(~transparent_tokens(tokens))
    pieces = split_pieces(codes, vocab, keep, tokens.sentence_index, tokens.is_word)
    first, last = find_phrase(pieces, words)
    if len(first) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})

    begin = pieces.token[first]
    end = pieces.token[last]
    tok_code, tok_uniques = unit_text(tokens, "token")         # the token as written
    display = tok_uniques[tok_code]
    uniq_tokens = pd.Index(tok_uniques)
    tight_before = np.asarray(uniq_tokens.isin(_NO_SPACE_BEFORE))[tok_code]
    tight_after = np.asarray(uniq_tokens.isin(_NO_SPACE_AFTER))[tok_code]
    doc = tokens.doc
    size = len(doc)

    def span(offsets: np.ndarray, anchor: np.ndarray) -> np.ndarray:
        idx = anchor[:, None] + offsets[None, :]
        inside = (idx >= 0) & (idx < size)
        clipped = np.clip(idx, 0, max(size - 1, 0))
        same_doc = doc[clipped] == doc[anchor][:, None]
        return np.where(inside & same_doc, clipped, -1)

    left_idx = span(np.arange(-window, 0), begin)
    right_idx = span(np.arange(1, window + 1), end)
    width = int((end - begin).max()) + 1
    match_idx = begin[:, None] + np.arange(width)[None, :]
    match_idx = np.where(match_idx <= end[:, None], match_idx, -1)

    rows = tokens.rows[begin]
    hits = corpus.tokens[["doc_id", "sent_id"]].take(rows).reset_index(drop=True)
    extra = [c for c in ("speaker", "year", by) if c is not None and c not in hits.columns]
    hits = corpus.annotate(hits, list(dict.fromkeys(extra)))
    hits["left"] = _join(left_idx, display, tight_before, tight_after)
    hits["match"] = _join(match_idx, display, tight_before, tight_after)
    hits["right"] = _join(right_idx, display, tight_before, tight_after)
    return hits[cols].reset_index(drop=True)
