"""Concordance: every occurrence of a word or phrase with its left and right context (KWIC)."""
from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from discourse.errors import ParameterError
from discourse.measures.codes import coalesce_codes, encode
from discourse.measures.terms import text_order
from discourse.validate import check_choice, check_positive_int

KWIC_COLUMNS = ["doc_id", "sent_id", "speaker", "year", "left", "match", "right"]

#: Tokens made only of these characters are skipped when matching (quotes, hyphens, dashes).
_TRANSPARENT = r"^[\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb\-\u2010\u2011\u2012\u2013\u2014]+$"
_HYPHENS = r"[\-\u2010\u2011\u2012\u2013]"
_QUOTES = "\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb"
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "\u201d", "\u2019",
                    "\u3001", "\u3002", "\uff0c", "\uff1b", "\uff1a", "\uff01", "\uff1f"}
_NO_SPACE_AFTER = {"(", "[", "{", "\u201c", "\u2018"}


def _pieces(codes: np.ndarray, uniques: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Split each token's text (``uniques[codes]``) on hyphens, working on the distinct texts only.

    Returns the position (in ``codes``) of every non-empty piece and the piece's text, in order.
    """
    parts = pd.Series(np.asarray(uniques, dtype=object)).str.split(_HYPHENS, regex=True)
    parts = parts.map(lambda ps: [x for x in ps if x])
    n_parts = parts.str.len().to_numpy()
    flat = np.asarray([x for ps in parts for x in ps], dtype=object)
    offset = np.concatenate([[0], np.cumsum(n_parts)[:-1]])
    count = n_parts[codes]
    origin = np.repeat(np.arange(len(codes)), count)
    rank = np.arange(len(origin)) - np.repeat(np.cumsum(count) - count, count)
    return origin, flat[offset[codes][origin] + rank]


def _source(tok: pd.DataFrame, unit: str, case_sensitive: bool) -> tuple[np.ndarray, np.ndarray]:
    """Codes and distinct texts of the column matched against the query (lower-cased unless
    ``case_sensitive``): lemma or norm, the token where either is missing."""
    if unit == "lemma":
        primary, fallback = "lemma", "norm"
    elif case_sensitive:
        primary, fallback = "token", None
    else:
        primary, fallback = "norm", "token"
    codes, uniques = encode(tok[primary])
    if fallback is not None and (codes < 0).any():
        other, other_uniques = encode(tok[fallback])
        codes, uniques = coalesce_codes(codes, uniques, np.ones(len(uniques), dtype=bool), other,
                                        other_uniques)
    if (codes < 0).any():   # no text at all: matched as the string "nan", as astype(str) writes it
        codes = np.where(codes < 0, len(uniques), codes)
        uniques = np.append(uniques, str(np.nan)).astype(object)
    text = pd.Series(uniques, dtype=object).astype(str)
    if not case_sensitive:
        text = text.str.lower()
    return codes, text.to_numpy(dtype=object)


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


def kwic(corpus, query: str, *, window: int = 8, by: str | None = None, case_sensitive: bool = False,
         unit: Literal["token", "lemma"] = "token") -> pd.DataFrame:
    """Key word in context: every occurrence of ``query`` with ``window`` tokens either side.

    Matching rules (documented choices):

    - ``query`` is a word or a phrase ("opening up", "high-quality development"); it is split on white
      space and hyphens, and quotes around or inside it are ignored;
    - tokens are compared piece by piece, a token's text split on hyphens, so "high-quality" matches
      whether the tokenizer kept it as one token or split it at the hyphen; a match must start at the
      beginning of a token and end at the end of one ("quality" does not match inside "high-quality");
    - tokens made only of quotes, hyphens or dashes are skipped, so quotation marks do not break a
      phrase; any other punctuation does ("reform opening" does not match "reform, opening");
    - a match stays within one sentence;
    - ``unit="token"`` compares word forms: the lower-cased ``norm`` by default, the original ``token``
      text with ``case_sensitive=True``; ``unit="lemma"`` compares lemmas ("implement" also finds
      "implemented");
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
    if not isinstance(query, str) or not query.strip(_QUOTES + " \t\n"):
        raise ParameterError(f"query must be a non-empty word or phrase, got {query!r}")
    window = check_positive_int("window", window, minimum=0)
    check_choice("unit", unit, ("token", "lemma"))
    cols = list(KWIC_COLUMNS)
    if by is not None:
        corpus.check_by(by)
        if by not in cols:
            cols.append(by)
    q = query if case_sensitive else query.lower()
    q = q.translate({ord(c): " " for c in _QUOTES})
    words = [w for part in q.split() for w in pd.Series([part]).str.split(_HYPHENS, regex=True)[0] if w]
    if not words:
        raise ParameterError(f"query must contain at least one word, got {query!r}")

    tok, doc, _ = text_order(corpus.tokens)
    source_codes, source_text = _source(tok, unit, case_sensitive)
    tok_code, tok_uniques = pd.factorize(tok["token"].where(tok["token"].notna(), tok["norm"]).astype(str))
    display = np.asarray(tok_uniques, dtype=object)[tok_code]
    transparent = pd.Series(np.asarray(tok_uniques, dtype=object)).str.match(_TRANSPARENT).to_numpy()
    kept = np.flatnonzero(~transparent[tok_code]) if len(tok) else np.zeros(0, np.int64)
    origin, value = _pieces(source_codes[kept], source_text)
    origin = kept[origin]
    first_piece = np.ones(len(origin), dtype=bool)
    last_piece = np.ones(len(origin), dtype=bool)
    if len(origin) > 1:
        first_piece[1:] = origin[1:] != origin[:-1]
        last_piece[:-1] = origin[1:] != origin[:-1]
    sent_key = doc.astype(np.int64) * (int(tok["sent_id"].max()) + 1 if len(tok) else 1) + \
        tok["sent_id"].to_numpy().astype(np.int64)

    k = len(words)
    n = len(value)
    if n >= k:
        start = np.flatnonzero((value[: n - k + 1] == words[0]) & first_piece[: n - k + 1])
        ok = last_piece[start + k - 1] & (sent_key[origin[start]] == sent_key[origin[start + k - 1]])
        for j in range(1, k):
            ok &= value[start + j] == words[j]
        start = start[ok]
    else:
        start = np.zeros(0, dtype=np.int64)
    if len(start) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})

    begin = origin[start]
    end = origin[start + k - 1]
    uniq_tokens = pd.Index(np.asarray(tok_uniques, dtype=object))
    tight_before = np.asarray(uniq_tokens.isin(_NO_SPACE_BEFORE))[tok_code]
    tight_after = np.asarray(uniq_tokens.isin(_NO_SPACE_AFTER))[tok_code]
    size = len(tok)

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

    hits = tok.loc[begin, ["doc_id", "sent_id"]].reset_index(drop=True)
    extra = [c for c in ("speaker", "year", by) if c is not None and c not in hits.columns]
    hits = corpus.annotate(hits, list(dict.fromkeys(extra)))
    hits["left"] = _join(left_idx, display, tight_before, tight_after)
    hits["match"] = _join(match_idx, display, tight_before, tight_after)
    hits["right"] = _join(right_idx, display, tight_before, tight_after)
    return hits[cols].reset_index(drop=True)
