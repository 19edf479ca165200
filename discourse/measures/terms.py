"""Term counting shared by the measures: the corpus's tokens in text order as integer codes, the words
and phrase pieces counted, n-grams, group-by-term count matrices and :func:`term_counts`.

Every comparison measure (distinctive terms, vocabulary shift, trajectories, emerging formulations,
lexical profile) and the concordance read the tokens through this module, so they count alike.

Counting rules (the choices the measure definitions leave open)
---------------------------------------------------------------
- **Text order** is the order of ``corpus.documents``, then ``sent_id``, then ``tok_id``; the order the
  token and sentence tables happen to be stored in does not matter.
- Only word tokens (``is_word``) are counted; punctuation and numbers are never terms and never enter
  a denominator. ``n_tokens`` of a group is its number of word tokens, stop words included (rates
  "per 1,000 tokens" are per 1,000 running words, whatever the n-gram order); ``n_content_tokens`` its
  word tokens that are not stop words.
- ``unit="norm"`` counts the lower-cased norm of each token; ``unit="lemma"`` its lemma, lower-cased (the
  norm where a token has no lemma).
- **Words and phrases.** A single-word term is a word token as written ("opening-up" is one term in a
  one-word table). A phrase (n >= 2 words) is a run of words in which a hyphen separates two words as a
  space does: a hyphenated token contributes its parts, so "opening up", "opening-up" and
  "opening - up" are all the phrase "opening up", and "high-quality development" is the three-word
  phrase "high quality development". A phrase starts at the beginning of a token and ends at the end of
  one ("quality development" is not counted inside "high-quality development").
- A phrase stays within one sentence. Tokens made only of quotes or hyphens are skipped (quotation marks
  do not break a phrase); any other punctuation or number token breaks it ("reform, opening up" holds
  "opening up" but not "reform opening"); dashes (– —) break it too.
- With ``exclude_stop=True`` a single word that is a stop word is dropped; a phrase is dropped when it
  *starts* or *ends* with a stop word, while stop words inside are kept ("the rule of law" is dropped,
  "rule of law" survives). A verb particle at the end (up, out, down, off, forward, back, away, or a
  token tagged ``RP``) does not count as a stop word there, so "opening up" and "carry out" survive. A
  part of a hyphenated token is a stop word when a token of the corpus with that text is one.
- Rows whose group value is missing (e.g. a document without a year) are left out of the groups.

The same pieces serve the one matcher of a word or phrase (:func:`find_phrase`), which KWIC,
trajectories, term counts and emerging formulations share: a query gives the same count through every
function that shows it.

Each string column is turned into integer codes once (``pandas.factorize``; Arrow-backed and categorical
columns are encoded by their dictionary) and everything after works on integers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from scipy import sparse

from discourse.errors import CorpusError, ParameterError
from discourse.validate import check_choice, check_positive_int

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from discourse.corpus.model import Corpus

Unit = Literal["norm", "lemma"]
UNITS = ("norm", "lemma")

#: Verb particles allowed at the end of a phrase even though stop-word lists contain them.
PARTICLES = frozenset({"up", "out", "down", "off", "forward", "back", "away"})
#: Characters that join the words of a phrase inside a token ("high-quality").
HYPHENS = "-\u2010\u2011\u2012\u2013"
#: Characters of the tokens a phrase reads through: quotes and hyphens.
TRANSPARENT = "\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb-\u2010\u2011"
_SPLIT = re.compile(f"[{re.escape(HYPHENS)}]+")


# ----------------------------------------------------------------------------- tokens in text order
@dataclass(frozen=True)
class Tokens:
    """The token table in text order, as integer codes (see the module notes).

    Attributes
    ----------
    rows : ndarray
        Row of ``corpus.tokens`` of each token, in text order.
    doc : ndarray
        Position of each token's document in ``corpus.documents``.
    sentence : ndarray
        Row of ``corpus.sentences`` of each token's sentence.
    sentence_index : ndarray
        Per token: the index of its sentence in text order (0, 1, ...).
    is_word, is_stop : ndarray
        The token flags.
    """

    corpus: "Corpus" = field(repr=False)
    rows: np.ndarray
    doc: np.ndarray
    sentence: np.ndarray
    sentence_index: np.ndarray
    is_word: np.ndarray
    is_stop: np.ndarray
    _in_order: bool = field(default=False, repr=False)
    _codes: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def in_order(self) -> bool:
        """Whether the token table is stored in text order (then ``rows`` is 0, 1, ... and no column
        needs reordering)."""
        return self._in_order

    def column(self, name: str) -> pd.Series:
        """Column ``name`` of the token table in text order."""
        column = self.corpus.tokens[name]
        return column.reset_index(drop=True) if self._in_order else \
            column.take(self.rows).reset_index(drop=True)

    def codes(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Codes (text order) and distinct values (object array) of a token column; -1 = missing.

        Each column is encoded once per :class:`Tokens` (the result is kept)."""
        if name not in self._codes:
            codes, uniques = pd.factorize(self.corpus.tokens[name])
            codes = codes.astype(np.int64, copy=False)
            self._codes[name] = (codes if self._in_order else codes[self.rows],
                                 np.asarray(uniques, dtype=object))
        return self._codes[name]


def doc_positions(corpus: "Corpus", doc_ids: pd.Series, *, table: str) -> np.ndarray:
    """Position in ``corpus.documents`` of each value of ``doc_ids`` (a column of ``table``).

    Raises :class:`CorpusError` when documents repeat a ``doc_id`` or a value is not a document.
    """
    index = pd.Index(corpus.documents["doc_id"])
    if not index.is_unique:
        raise CorpusError(f"documents: doc_id {index[index.duplicated()][0]!r} appears more than once")
    codes, uniques = pd.factorize(doc_ids)
    where = index.get_indexer(pd.Index(uniques))
    if (where < 0).any() or (codes < 0).any():
        bad = uniques[np.flatnonzero(where < 0)[0]] if (where < 0).any() else None
        raise CorpusError(f"{table}: doc_id {bad!r} is not in the documents table")
    return where[codes].astype(np.int64)


def sentence_rows(corpus: "Corpus", doc: np.ndarray, sent_id: np.ndarray, *, table: str,
                  missing_ok: bool = False) -> np.ndarray:
    """Row of ``corpus.sentences`` of each ``(document position, sent_id)`` pair.

    Raises :class:`CorpusError` when sentences repeat a key, or (unless ``missing_ok``, which gives -1)
    when a pair is not a sentence of the corpus.
    """
    sents = corpus.sentences
    s_doc = doc_positions(corpus, sents["doc_id"], table="sentences")
    s_sent = sents["sent_id"].to_numpy(dtype=np.int64)
    sent_id = np.asarray(sent_id, dtype=np.int64)
    width = int(max(s_sent.max(initial=0), sent_id.max(initial=0))) + 1
    keys = pd.Index(s_doc * width + s_sent)
    if not keys.is_unique:
        dup = int(np.flatnonzero(keys.duplicated())[0])
        raise CorpusError(f"sentences: (doc_id, sent_id) = ({sents['doc_id'].iloc[dup]!r}, "
                          f"{int(s_sent[dup])}) appears more than once")
    rows = keys.get_indexer(doc * width + sent_id)
    if not missing_ok and (rows < 0).any():
        i = int(np.flatnonzero(rows < 0)[0])
        doc_id = corpus.documents["doc_id"].iloc[int(doc[i])]
        raise CorpusError(f"{table}: sentence ({doc_id!r}, {int(sent_id[i])}) is not in the sentences table")
    return rows.astype(np.int64)


def text_order(corpus: "Corpus") -> Tokens:
    """The :class:`Tokens` of ``corpus``: its token table in text order, with the codes measures need."""
    tok = corpus.tokens
    doc = doc_positions(corpus, tok["doc_id"], table="tokens")
    sent = tok["sent_id"].to_numpy(dtype=np.int64)
    pos = tok["tok_id"].to_numpy(dtype=np.int64)
    n = len(tok)
    d_doc, d_sent = np.diff(doc), np.diff(sent)
    ordered = n < 2 or bool(np.all((d_doc > 0) | ((d_doc == 0) & ((d_sent > 0) | ((d_sent == 0) & (
        np.diff(pos) > 0))))))
    rows = np.arange(n) if ordered else np.lexsort((pos, sent, doc))
    if not ordered:
        doc, sent = doc[rows], sent[rows]
    new_sent = np.ones(n, dtype=bool)
    new_sent[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    flags = {name: tok[name].fillna(False).to_numpy(dtype=bool) for name in ("is_word", "is_stop")}
    if not ordered:
        flags = {name: values[rows] for name, values in flags.items()}
    return Tokens(corpus=corpus, rows=rows, doc=doc,
                  sentence=sentence_rows(corpus, doc, sent, table="tokens"),
                  sentence_index=np.cumsum(new_sent) - 1, _in_order=ordered, **flags)


def sentence_groups(corpus: "Corpus", by: str, groups: list) -> np.ndarray:
    """Group code (index into ``groups``; -1 = no group value) of every row of ``corpus.sentences``.

    A sentence column is read from ``sentences``, any other column from ``documents`` (as
    :meth:`Corpus.annotate` joins them).
    """
    sents = corpus.sentences
    if by in sents.columns:
        values = sents[by]
    else:
        doc = doc_positions(corpus, sents["doc_id"], table="sentences")
        values = corpus.documents[by].take(doc)
    return group_codes(values, groups)


def group_codes(values: pd.Series, groups: list) -> np.ndarray:
    """Index of each value in ``groups`` (-1 where missing or not a group)."""
    return np.asarray(pd.Index(groups, dtype=object).get_indexer(pd.Index(values, dtype=object)),
                      dtype=np.int64)


# ----------------------------------------------------------------------------- words and pieces
def unit_text(tokens: Tokens, unit: str) -> tuple[np.ndarray, np.ndarray]:
    """Codes (text order) and distinct texts of the counted text of every token for ``unit``.

    ``norm``: the norm (the lower-cased token where it is missing); ``lemma``: the lower-cased lemma (the
    norm where it is missing or empty); ``token``: the token as written (the norm where missing). The
    columns are encoded once each; the fallbacks and the lower-casing work on their distinct values.
    """
    codes, uniques = tokens.codes("norm")
    if (codes < 0).any():   # a missing norm: the lower-cased token
        token, token_uniques = tokens.codes("token")
        codes, uniques = _coalesce(codes, uniques, token, np.array([str(u).lower() for u in token_uniques],
                                                                   dtype=object))
    if unit == "lemma":
        lemma, lemma_uniques = tokens.codes("lemma")
        lowered = np.array([str(u).lower() for u in lemma_uniques], dtype=object)
        lemma = np.where((lemma >= 0) & np.append(lowered != "", False)[lemma], lemma, -1)   # "" = none
        codes, uniques = _coalesce(lemma, lowered, codes, uniques)
    elif unit == "token":
        token, token_uniques = tokens.codes("token")
        codes, uniques = _coalesce(token, token_uniques, codes, uniques)
    if (codes < 0).any():
        codes = np.where(codes < 0, len(uniques), codes)
        uniques = np.append(uniques, "")
    return codes, np.asarray(uniques, dtype=object).astype(str).astype(object)


def _coalesce(codes: np.ndarray, uniques: np.ndarray, other: np.ndarray,
              other_uniques: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of "the value, or the other column's value where the value is missing (-1)", equal strings
    sharing one code."""
    merged, names = pd.factorize(pd.Series(np.concatenate([uniques, other_uniques]), dtype=object))
    mine = np.append(merged[: len(uniques)], -1)
    theirs = np.append(merged[len(uniques):], -1)
    out = np.where(codes >= 0, mine[codes], theirs[other])
    return out.astype(np.int64), np.asarray(names, dtype=object)


@dataclass(frozen=True)
class Pieces:
    """The pieces phrases are made of: every token but quotes and hyphens, split at its hyphens.

    Attributes
    ----------
    token : ndarray
        Per piece: its token's position in text order.
    text : ndarray
        Per piece: code into ``vocab``.
    first, last : ndarray
        Per piece: it starts / ends its token.
    is_word : ndarray
        Per piece: from a word token.
    sentence : ndarray
        Per piece: index of its sentence in text order.
    """

    token: np.ndarray
    text: np.ndarray
    vocab: np.ndarray
    first: np.ndarray
    last: np.ndarray
    is_word: np.ndarray
    sentence: np.ndarray


def split_pieces(codes: np.ndarray, vocab: np.ndarray, keep: np.ndarray, sentence: np.ndarray,
                 is_word: np.ndarray, *, extra_vocab: np.ndarray | None = None) -> Pieces:
    """The :class:`Pieces` of the tokens ``keep`` (positions), each token's text ``vocab[codes]`` split
    at its hyphens (the distinct texts are split once). Piece texts share one vocabulary with
    ``extra_vocab`` (the whole-token texts) when it is given, so equal strings get equal codes."""
    parts = [[p for p in _SPLIT.split(v) if p] or [v] for v in vocab.tolist()]
    n_parts = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    flat = [p for ps in parts for p in ps]
    base = [] if extra_vocab is None else extra_vocab.tolist()
    piece_code, piece_vocab = pd.factorize(pd.Series(base + flat, dtype=object))
    piece_code = piece_code[len(base):]
    offset = np.concatenate([[0], np.cumsum(n_parts)[:-1]]).astype(np.int64)
    c = codes[keep]
    count = n_parts[c]
    token = np.repeat(keep, count)
    rank = np.arange(len(token)) - np.repeat(np.cumsum(count) - count, count)
    return Pieces(token=token, text=piece_code[offset[c][np.repeat(np.arange(len(c)), count)] + rank]
                  .astype(np.int64), vocab=np.asarray(piece_vocab, dtype=object),
                  first=rank == 0, last=rank == np.repeat(count, count) - 1,
                  is_word=is_word[token], sentence=sentence[token])


def is_compound(vocab: np.ndarray) -> np.ndarray:
    """Per string: a hyphenated word of two or more parts ("opening-up"), which phrases read as its parts."""
    return np.fromiter((len([p for p in _SPLIT.split(v) if p]) > 1 for v in vocab.astype(str).tolist()),
                       dtype=bool, count=len(vocab))


def transparent_tokens(tokens: Tokens) -> np.ndarray:
    """Per token (text order): made only of quotes and hyphens."""
    codes, uniques = tokens.codes("token")
    flag = np.fromiter((bool(u) and all(ch in TRANSPARENT for ch in u) for u in uniques.astype(str)),
                       dtype=bool, count=len(uniques))
    return np.append(flag, False)[codes]


@dataclass(frozen=True)
class WordStream:
    """The corpus's word tokens in text order, grouped, with the pieces of its phrases.

    Attributes
    ----------
    groups : list
        The group values (``corpus.groups(by)``); ``group`` indexes into it, -1 = no group value.
    group, term, sentence, is_stop : ndarray
        Per word token: group code, term code (into ``vocab``), index of its sentence in text order,
        stop word or not.
    vocab : ndarray
        Term strings (object array) of the word tokens, in order of first appearance.
    n_tokens, n_content_tokens : ndarray
        Word tokens and word tokens other than stop words, per group.
    word_tokens : ndarray
        Per word token: its position among all tokens in text order.
    """

    groups: list
    group: np.ndarray
    term: np.ndarray
    sentence: np.ndarray
    is_stop: np.ndarray
    vocab: np.ndarray
    n_tokens: np.ndarray
    n_content_tokens: np.ndarray
    word_tokens: np.ndarray
    source: tuple = field(default=(), repr=False)

    @property
    def tokens(self) -> Tokens:
        """The :class:`Tokens` the stream was built from."""
        return self.source[0]

    @cached_property
    def pieces(self) -> "PhraseStream":
        """The pieces of every token but quotes and hyphens, for phrases (see :class:`PhraseStream`)."""
        tokens, codes, vocab, group = self.source
        keep = np.flatnonzero(~transparent_tokens(tokens))
        p = split_pieces(codes, vocab, keep, tokens.sentence_index, tokens.is_word, extra_vocab=self.vocab)
        # a piece stands for a whole token where its token has one piece; else it is a part
        whole = p.first & p.last
        stop_texts = np.zeros(len(p.vocab) + 1, dtype=bool)
        stop_texts[p.text[whole & tokens.is_stop[p.token] & p.is_word]] = True
        is_stop = np.where(whole, tokens.is_stop[p.token], stop_texts[p.text])
        listed = np.fromiter((v in PARTICLES for v in p.vocab.tolist()), dtype=bool, count=len(p.vocab))
        rp = (tokens.column("pos") == "RP").fillna(False).to_numpy(dtype=bool)
        is_particle = listed[p.text] | (whole & rp[p.token])
        # runs: consecutive word pieces of one sentence; any other piece breaks a run
        breaks = np.ones(len(p.token), dtype=bool)
        breaks[1:] = (p.sentence[1:] != p.sentence[:-1]) | ~p.is_word[1:] | ~p.is_word[:-1]
        return PhraseStream(pieces=p, group=group[p.token], run=np.cumsum(breaks),
                            is_stop=is_stop & p.is_word, is_particle=is_particle)


@dataclass(frozen=True)
class PhraseStream:
    """:class:`Pieces` with what phrase counting needs: group code, run id, stop and particle flags."""

    pieces: Pieces
    group: np.ndarray
    run: np.ndarray
    is_stop: np.ndarray
    is_particle: np.ndarray


def word_stream(corpus: "Corpus", by: str | None, *, unit: Unit = "norm",
                tokens: Tokens | None = None) -> WordStream:
    """Build the :class:`WordStream` of ``corpus`` grouped by ``by`` (``None``: one group, ``"all"``)."""
    tokens = tokens if tokens is not None else text_order(corpus)
    if by is None:
        groups: list = ["all"]
        group = np.zeros(len(tokens.rows), dtype=np.int64)
    else:
        groups = corpus.groups(by)
        group = sentence_groups(corpus, by, groups)[tokens.sentence] if len(tokens.rows) else \
            np.zeros(0, dtype=np.int64)
    codes, vocab = unit_text(tokens, unit)
    w = np.flatnonzero(tokens.is_word)
    # the terms of word tokens, numbered in order of first appearance among them
    term, term_vocab = pd.factorize(codes[w])
    term_vocab = vocab[term_vocab] if len(term_vocab) else np.zeros(0, dtype=object)
    g = group[w]
    ok = g >= 0
    stop = tokens.is_stop[w]
    return WordStream(
        groups=groups, group=g, term=term.astype(np.int64), sentence=tokens.sentence_index[w],
        is_stop=stop, vocab=np.asarray(term_vocab, dtype=object),
        n_tokens=np.bincount(g[ok], minlength=len(groups)).astype(np.int64),
        n_content_tokens=np.bincount(g[ok & ~stop], minlength=len(groups)).astype(np.int64),
        word_tokens=w, source=(tokens, codes, vocab, group),
    )


# ----------------------------------------------------------------------------- n-grams
def ngram_keys(stream: WordStream, n: int, *, exclude_stop: bool = True
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The terms of ``n`` words of a word stream, as codes.

    Returns
    -------
    group : ndarray
        Group code of every kept occurrence.
    key : ndarray
        Code of each occurrence's term, numbered in order of first occurrence.
    words : ndarray
        ``words[k]`` = the codes (into ``stream.vocab``) of the words of term ``k``, shape (terms, n).
    token : ndarray
        Per occurrence: position in text order of the token of its first word.
    """
    if n == 1:
        start = np.flatnonzero(~stream.is_stop) if exclude_stop else np.arange(len(stream.term))
        key, uniq = pd.factorize(stream.term[start])
        return (stream.group[start], key.astype(np.int64), uniq[:, None].astype(np.int64),
                stream.word_tokens[start])
    ph = stream.pieces
    text = ph.pieces.text
    size = len(text)
    if size < n:
        empty = np.zeros(0, np.int64)
        return empty, empty, np.zeros((0, n), np.int64), empty
    start = np.arange(size - n + 1)
    last = start + n - 1
    keep = (ph.run[start] == ph.run[last]) & ph.pieces.is_word[start] & ph.pieces.first[start] \
        & ph.pieces.last[last]
    if exclude_stop:
        keep &= ~ph.is_stop[start] & (~ph.is_stop[last] | ph.is_particle[last])
    start = start[keep]
    key = text[start]
    width = max(len(ph.pieces.vocab), 1)
    for j in range(1, n):
        # codes of the pairs (term so far, next word), in order of first occurrence
        key = pd.factorize(key * width + text[start + j])[0].astype(np.int64)
    n_keys = int(key.max()) + 1 if len(key) else 0
    first = np.full(n_keys, -1, dtype=np.int64)
    first[key[::-1]] = start[::-1]           # the earliest occurrence is written last
    return ph.group[start], key, text[first[:, None] + np.arange(n)[None, :]], ph.pieces.token[start]


def vocabulary(stream: WordStream, n: int) -> np.ndarray:
    """The strings the codes of :func:`ngram_keys` ``words`` refer to, for terms of ``n`` words."""
    return stream.vocab if n == 1 else stream.pieces.pieces.vocab


def ngram_names(vocab: np.ndarray, words: np.ndarray) -> np.ndarray:
    """The strings of terms given as rows of word codes (words joined by one space; -1 = no word)."""
    names = np.full(words.shape[0], "", dtype=object)
    for j in range(words.shape[1]):
        col = words[:, j]
        has = col >= 0
        word = np.where(has, vocab[np.where(has, col, 0)] if len(vocab) else "", "")
        names = np.where(has & (j > 0), names + " " + word, names + word)
    return names.astype(object)


@dataclass(frozen=True)
class TermMatrix:
    """Counts of terms by group: ``matrix[g, k]`` = count of ``terms[k]`` in ``groups[g]``."""

    groups: list
    terms: np.ndarray
    matrix: sparse.csr_matrix
    n_tokens: np.ndarray
    n_content_tokens: np.ndarray

    def to_frame(self, by: str, *, min_count: int = 1) -> pd.DataFrame:
        """Long table ``<by>, term, count, n_tokens, n_content_tokens`` (rows with count >= ``min_count``),
        sorted by group, count descending, term."""
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
            "n_content_tokens": self.n_content_tokens[g].astype(np.int64),
        })


def count_matrix(group: np.ndarray, key: np.ndarray, n_groups: int, n_terms: int) -> sparse.csr_matrix:
    """Sparse ``n_groups x n_terms`` matrix counting the pairs ``(group[i], key[i])`` (group -1 left out)."""
    ok = group >= 0
    return sparse.csr_matrix((np.ones(int(ok.sum()), dtype=np.int64), (group[ok], key[ok])),
                             shape=(n_groups, n_terms))


def term_matrix(corpus: "Corpus", by: str | None, *, ngram: int = 1, unit: Unit = "norm",
                exclude_stop: bool = True, stream: WordStream | None = None) -> TermMatrix:
    """Counts of every term of ``ngram`` words by group, as a sparse matrix.

    ``term_matrix(corpus, "doc_id")`` is the document-term matrix.
    """
    stream = stream if stream is not None else word_stream(corpus, by, unit=unit)
    group, key, words, _ = ngram_keys(stream, ngram, exclude_stop=exclude_stop)
    names = ngram_names(vocabulary(stream, ngram), words)
    mat = count_matrix(group, key, len(stream.groups), len(names))
    return TermMatrix(groups=stream.groups, terms=names, matrix=mat, n_tokens=stream.n_tokens,
                      n_content_tokens=stream.n_content_tokens)


def check_term_options(ngram: int, unit: str, min_count: int) -> None:
    """Validate the options shared by every term-counting function."""
    check_positive_int("ngram", ngram)
    check_choice("unit", unit, UNITS)
    check_positive_int("min_count", min_count)


def term_counts(corpus: "Corpus", *, by: str, ngram: int = 1, unit: Unit = "norm",
                exclude_stop: bool = True, min_count: int = 1) -> pd.DataFrame:
    """Count terms (words or phrases of ``ngram`` words) in each group.

    Parameters
    ----------
    corpus : Corpus
        The processed corpus.
    by : str
        Group column (any column of ``sentences`` or ``documents``, e.g. ``"speaker"``, ``"year"``,
        ``"doc_id"`` for document-term counts).
    ngram : int, default 1
        Words per term: 1 = single words, 2 = two-word phrases, ... (within sentences, not across
        punctuation; a hyphen separates words in a phrase, see the module notes).
    unit : {"norm", "lemma"}, default "norm"
        Count lower-cased word forms or lemmas.
    exclude_stop : bool, default True
        Drop stop words (single words) or phrases that start or end with one (see the module notes).
    min_count : int, default 1
        Keep rows whose count in the group is at least this.

    Returns
    -------
    DataFrame
        Columns ``<by>, term, count, n_tokens, n_content_tokens`` (``n_tokens`` = word tokens of the
        group, stop words included; ``n_content_tokens`` = those that are not stop words), sorted by
        group, then count descending, then term.
    """
    check_term_options(ngram, unit, min_count)
    corpus.check_by(by)
    return term_matrix(corpus, by, ngram=ngram, unit=unit,
                       exclude_stop=exclude_stop).to_frame(by, min_count=min_count)


# ----------------------------------------------------------------------------- the one matcher
def query_pieces(query: str, *, case_sensitive: bool = False) -> list[str]:
    """The pieces a word or phrase is matched as: split at spaces and hyphens, quotes dropped,
    lower-cased unless ``case_sensitive``. Raises :class:`ParameterError` for a query without a word."""
    if not isinstance(query, str):
        raise ParameterError(f"query must be a word or phrase, got {query!r}")
    q = query if case_sensitive else query.lower()
    q = q.translate({ord(c): " " for c in TRANSPARENT if c not in HYPHENS})
    words = [p for part in q.split() for p in _SPLIT.split(part) if p]
    if not words:
        raise ParameterError(f"query must be a non-empty word or phrase, got {query!r}")
    return words


def find_phrase(pieces: Pieces, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every occurrence of the phrase ``words`` (see :func:`query_pieces`) among ``pieces``.

    A match is a run of consecutive pieces of one sentence equal to the words, starting at the start of
    a token and ending at the end of one. Returns the position (in ``pieces``) of the first and of the
    last piece of every match, in text order.
    """
    lookup = {w: i for i, w in enumerate(pieces.vocab.tolist())}
    codes = [lookup.get(w, -1) for w in words]
    k = len(codes)
    n = len(pieces.text)
    if -1 in codes or n < k:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    start = np.flatnonzero((pieces.text[: n - k + 1] == codes[0]) & pieces.first[: n - k + 1])
    end = start + k - 1
    ok = pieces.last[end] & (pieces.sentence[start] == pieces.sentence[end])
    for j in range(1, k):
        ok &= pieces.text[start + j] == codes[j]
    return start[ok], end[ok]
