"""Shared term counting: word streams, n-grams and group-by-term count matrices.

Every comparison measure (distinctive terms, vocabulary shift, trajectories, lexical profile) counts
terms the same way, so they count them here, once.

Counting rules (the choices the measure definitions leave open)
---------------------------------------------------------------
- Only word tokens (``is_word``) are counted; punctuation and numbers are never terms and never enter
  a denominator.
- ``unit="norm"`` counts the lower-cased norm of each token; ``unit="lemma"`` counts its lemma (the norm
  where a token has no lemma).
- N-grams are built from consecutive word tokens of one sentence. A punctuation or number token between
  two words breaks the run, so "reform, opening up" yields "opening up" but not "reform opening".
- With ``exclude_stop=True`` a unigram that is a stop word is dropped; an n-gram (n >= 2) is dropped when it
  *starts* or *ends* with a stop word, while stop words inside are kept ("the rule of law" is dropped,
  "rule of law" survives). A verb particle at the end (up, out, down, off, forward, back, away, or any
  token tagged ``RP``) does not count as a stop word there, so "opening up" and "carry out" survive.
- ``n_tokens`` of a group is its number of word tokens, stop words included: rates "per 1,000 tokens"
  are per 1,000 running words whatever the n-gram order.
- Rows whose group value is missing (e.g. a document without a year) are left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse

from discourse.measures.codes import (
    coalesce_codes,
    doc_codes,
    encode,
    first_appearance_codes,
    group_codes,
    in_text_order,
    sentence_group_codes,
)
from discourse.validate import check_choice, check_positive_int

Unit = Literal["norm", "lemma"]
UNITS = ("norm", "lemma")

#: Verb particles allowed at the end of an n-gram even though stop-word lists contain them.
PARTICLES = frozenset({"up", "out", "down", "off", "forward", "back", "away"})


@dataclass(frozen=True)
class WordStream:
    """The corpus's word tokens in text order, as integer codes.

    Attributes
    ----------
    groups : list
        The group values (``corpus.groups(by)``); ``group`` indexes into it, -1 = no group value.
    group, term, segment : ndarray
        Per word token: group code, term code (into ``vocab``), and run id (consecutive word tokens of
        one sentence not separated by punctuation or numbers share a run id).
    sentence : ndarray
        Per word token: index of its sentence in text order.
    vocab : ndarray
        Term strings (object array).
    is_stop : ndarray
        Per word token: stop word or not.
    n_tokens : ndarray
        Word tokens per group (length ``len(groups)``).
    particle_source : tuple
        ``(norm codes of the word tokens, norm strings, pos column of the table, rows of the word
        tokens)``, from which ``is_particle`` (per word token: a verb particle) is worked out when an
        n-gram count first needs it.
    """

    groups: list
    group: np.ndarray
    term: np.ndarray
    segment: np.ndarray
    sentence: np.ndarray
    vocab: np.ndarray
    is_stop: np.ndarray
    n_tokens: np.ndarray
    particle_source: tuple = field(default=(), repr=False)

    @cached_property
    def is_particle(self) -> np.ndarray:
        """Per word token: a verb particle (norm in :data:`PARTICLES` or tagged ``RP``)."""
        norm, norm_vocab, pos, rows = self.particle_source
        listed = np.fromiter((v in PARTICLES for v in norm_vocab), dtype=bool, count=len(norm_vocab))
        particle = np.append(listed, False)[norm]
        particle |= (pos == "RP").fillna(False).to_numpy(dtype=bool)[rows]
        return particle


@dataclass(frozen=True)
class TermMatrix:
    """Counts of terms by group: ``matrix[g, k]`` = count of ``terms[k]`` in ``groups[g]``."""

    groups: list
    terms: np.ndarray
    matrix: sparse.csr_matrix
    n_tokens: np.ndarray

    def to_frame(self, by: str, *, min_count: int = 1) -> pd.DataFrame:
        """Long table ``by, term, count, n_tokens`` (rows with count >= ``min_count``)."""
        coo = self.matrix.tocoo()
        keep = coo.data >= min_count
        g, k, c = coo.row[keep], coo.col[keep], coo.data[keep]
        rank = np.empty(len(self.terms), dtype=np.int64)
        rank[np.argsort(self.terms.astype(str), kind="stable")] = np.arange(len(self.terms))
        order = np.lexsort((rank[k], -c, g))
        g, k, c = g[order], k[order], c[order]
        return pd.DataFrame({
            by: pd.Series(np.asarray(self.groups, dtype=object)[g] if len(self.groups) else [],
                          dtype=object),
            "term": self.terms[k].astype(object),
            "count": c.astype(np.int64),
            "n_tokens": self.n_tokens[g].astype(np.int64),
        })


def text_order(tokens: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The tokens table in text order, with the document code of every row and the distinct doc_ids.

    Text order is: documents as they first appear, then ``sent_id``, then ``tok_id``. A table already
    in that order (as the pipeline writes it) is returned as it is.
    """
    doc, doc_ids = doc_codes(tokens["doc_id"])
    sent = tokens["sent_id"].to_numpy()
    tok = tokens["tok_id"].to_numpy()
    if in_text_order(doc, sent, tok):
        return tokens.reset_index(drop=True), doc, doc_ids
    order = np.lexsort((tok, sent, doc))
    return tokens.iloc[order].reset_index(drop=True), doc[order], doc_ids


def sorted_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens table in text order (documents as they first appear, then sent_id, tok_id)."""
    return text_order(tokens)[0]


def _sentence_groups(corpus, by: str, groups: list, tok: pd.DataFrame, first: np.ndarray,
                     doc: np.ndarray, doc_ids: np.ndarray) -> np.ndarray:
    """Group code of every sentence of the stream (``first``: row of each sentence's first token)."""
    sent = tok["sent_id"].to_numpy()[first]
    codes = sentence_group_codes(corpus, by, groups, doc[first], doc_ids, sent.astype(np.int64))
    if codes is not None:
        return codes
    keys = tok.loc[first, ["doc_id", "sent_id"]].reset_index(drop=True)
    return group_codes(corpus.annotate(keys, by)[by], groups)


def _term_codes(tok: pd.DataFrame, unit: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Term codes and distinct terms of every row for ``unit``, and the same for the norm."""
    norm, norm_vocab = encode(tok["norm"])
    if (norm < 0).any():  # a missing norm: the token's text instead
        text, text_vocab = encode(tok["token"])
        norm, norm_vocab = coalesce_codes(norm, norm_vocab, np.ones(len(norm_vocab), dtype=bool),
                                          text, text_vocab)
    if unit != "lemma":
        return norm, norm_vocab, norm, norm_vocab
    lemma, lemma_vocab = encode(tok["lemma"])
    usable = np.asarray([v != "" for v in lemma_vocab], dtype=bool)
    term, vocab = coalesce_codes(lemma, lemma_vocab, usable, norm, norm_vocab)
    return term, vocab, norm, norm_vocab


def word_stream(corpus, by: str | None, *, unit: Unit = "norm") -> WordStream:
    """Build the :class:`WordStream` of ``corpus`` grouped by ``by`` (``None``: one group, ``"all"``)."""
    tok, doc, doc_ids = text_order(corpus.tokens)
    sent = tok["sent_id"].to_numpy()
    n = len(tok)
    new_sent = np.ones(n, dtype=bool)
    if n > 1:
        new_sent[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    is_word = tok["is_word"].fillna(False).to_numpy(dtype=bool)
    segment = np.cumsum(new_sent | ~is_word)
    sent_idx = np.cumsum(new_sent) - 1

    if by is None:
        groups: list = ["all"]
        sent_group = np.zeros(int(new_sent.sum()), dtype=np.int64)
    else:
        groups = corpus.groups(by)
        sent_group = _sentence_groups(corpus, by, groups, tok, np.flatnonzero(new_sent), doc, doc_ids)

    w = np.flatnonzero(is_word)
    term, vocab, norm, norm_vocab = _term_codes(tok, unit)
    term = term[w]
    # keep only the terms of word tokens, numbered in order of first appearance among them
    used = np.zeros(len(vocab) + 1, dtype=bool)
    used[term] = True
    renumber = np.append(np.cumsum(used[:-1]) - 1, -1)      # code -1 (no text) stays -1
    term = renumber[term]
    vocab = vocab[used[:-1]]
    if not all(type(v) is str for v in vocab):
        vocab = np.asarray(vocab, dtype=object).astype(str).astype(object)
    group = sent_group[sent_idx[w]]
    n_tokens = np.bincount(group[group >= 0], minlength=len(groups)).astype(np.int64)
    return WordStream(
        groups=groups,
        group=group.astype(np.int64),
        term=term.astype(np.int64),
        segment=segment[w],
        sentence=sent_idx[w],
        vocab=vocab,
        is_stop=tok["is_stop"].fillna(False).to_numpy(dtype=bool)[w],
        n_tokens=n_tokens,
        particle_source=(norm[w], norm_vocab, tok["pos"], w),
    )


def ngram_keys(stream: WordStream, n: int, *, exclude_stop: bool = True
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The n-grams of a word stream, as codes.

    Returns
    -------
    start : ndarray
        Position (in the stream) of the first word of every kept n-gram occurrence.
    key : ndarray
        Code of each occurrence's n-gram, numbered in order of first occurrence.
    words : ndarray
        ``words[k]`` = the term codes (into ``stream.vocab``) of n-gram ``k``, shape (n-grams, n).
    """
    size = len(stream.term)
    if n == 1:
        start = np.arange(size)
        if exclude_stop:
            start = start[~stream.is_stop]
        key, uniq = first_appearance_codes(stream.term[start], len(stream.vocab))
        return start, key, uniq[:, None]
    if size < n:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, n), np.int64)
    start = np.arange(size - n + 1)
    last = start + n - 1
    keep = stream.segment[start] == stream.segment[last]
    if exclude_stop:
        keep &= ~stream.is_stop[start] & (~stream.is_stop[last] | stream.is_particle[last])
    start = start[keep]
    key = stream.term[start]
    width = max(len(stream.vocab), 1)
    for j in range(1, n):
        # codes of the pairs (n-gram so far, next word), in order of first occurrence
        key = pd.factorize(key * width + stream.term[start + j])[0].astype(np.int64)
    n_keys = int(key.max()) + 1 if len(key) else 0
    first = np.full(n_keys, -1, dtype=np.int64)
    # position of the first occurrence of every n-gram (reversed assignment keeps the first)
    first[key[::-1]] = start[::-1]
    return start, key, stream.term[first[:, None] + np.arange(n)[None, :]]


def ngram_names(vocab: np.ndarray, words: np.ndarray) -> np.ndarray:
    """The strings of n-grams given as rows of term codes (words joined by one space)."""
    names = vocab[words[:, 0]].astype(object) if words.shape[1] else np.zeros(0, dtype=object)
    for j in range(1, words.shape[1]):
        names = names + " " + vocab[words[:, j]].astype(object)
    return names


def ngrams(stream: WordStream, n: int, *, exclude_stop: bool = True
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The n-grams of a word stream: :func:`ngram_keys`, with the n-gram strings (words joined by one
    space) in place of their rows of term codes, so that ``names[key]`` is each occurrence's n-gram."""
    start, key, words = ngram_keys(stream, n, exclude_stop=exclude_stop)
    if n == 1:
        return start, key, stream.vocab[words[:, 0]]
    return start, key, ngram_names(stream.vocab, words)


def term_matrix(corpus, by: str | None, *, ngram: int = 1, unit: Unit = "norm",
                exclude_stop: bool = True, stream: WordStream | None = None) -> TermMatrix:
    """Counts of every term (n-gram of order ``ngram``) by group, as a sparse matrix.

    ``term_matrix(corpus, "doc_id")`` is the document-term matrix.
    """
    stream = stream if stream is not None else word_stream(corpus, by, unit=unit)
    start, key, names = ngrams(stream, ngram, exclude_stop=exclude_stop)
    mat = count_matrix(stream.group[start], key, len(stream.groups), len(names))
    return TermMatrix(groups=stream.groups, terms=np.asarray(names, dtype=object), matrix=mat,
                      n_tokens=stream.n_tokens)


def count_matrix(group: np.ndarray, key: np.ndarray, n_groups: int, n_terms: int) -> sparse.csr_matrix:
    """Sparse ``n_groups x n_terms`` matrix counting the pairs ``(group[i], key[i])`` (group -1 left out).

    The distinct pairs are found by hashing integer pair codes, and only they are sorted, so the
    result is built in canonical form (sorted indices, no duplicates) without a sort of every pair.
    """
    ok = group >= 0
    pair = group[ok].astype(np.int64) * max(n_terms, 1) + key[ok]
    codes, uniq = pd.factorize(pair)
    counts = np.bincount(codes, minlength=len(uniq)).astype(np.int64)
    order = np.argsort(uniq, kind="stable")
    uniq, counts = uniq[order], counts[order]
    rows = uniq // max(n_terms, 1)
    indptr = np.zeros(n_groups + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_groups), out=indptr[1:])
    mat = sparse.csr_matrix((counts, (uniq % max(n_terms, 1)).astype(np.int64), indptr),
                            shape=(n_groups, n_terms))
    mat.has_sorted_indices = True
    return mat


def check_term_options(ngram: int, unit: str, min_count: int) -> None:
    """Validate the options shared by every term-counting function."""
    check_positive_int("ngram", ngram)
    check_choice("unit", unit, UNITS)
    check_positive_int("min_count", min_count)


def term_counts(corpus, by: str, *, ngram: int = 1, unit: Unit = "norm", exclude_stop: bool = True,
                min_count: int = 1) -> pd.DataFrame:
    """Count terms (words or n-grams) in each group.

    Parameters
    ----------
    corpus : Corpus
        The processed corpus.
    by : str
        Group column (any column of ``sentences`` or ``documents``, e.g. ``"speaker"``, ``"year"``,
        ``"doc_id"`` for document-term counts).
    ngram : int, default 1
        N-gram order: 1 = words, 2 = two-word sequences, ... (within sentences, not across punctuation).
    unit : {"norm", "lemma"}, default "norm"
        Count lower-cased word forms or lemmas.
    exclude_stop : bool, default True
        Drop stop words (unigrams) or n-grams that start or end with one (see the module notes).
    min_count : int, default 1
        Keep rows whose count in the group is at least this.

    Returns
    -------
    DataFrame
        Columns ``<by>, term, count, n_tokens`` (``n_tokens`` = word tokens of the group, stop words
        included), sorted by group, then count descending, then term.
    """
    check_term_options(ngram, unit, min_count)
    corpus.check_by(by)
    return term_matrix(corpus, by, ngram=ngram, unit=unit,
                       exclude_stop=exclude_stop).to_frame(by, min_count=min_count)
