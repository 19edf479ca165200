"""Integer codes for the string columns of the token table, computed once and cheaply.

The measures count, compare and join on strings (``doc_id``, ``norm``, ``lemma``, the group column).
Hashing a million strings is the largest cost of a measure, so the helpers here hash each column at
most once and do everything else on integer codes:

- :func:`encode` gives the codes of a column in order of first appearance (``pandas.factorize``
  semantics), through ``pyarrow.compute.dictionary_encode`` when the column is Arrow-backed;
- :func:`doc_codes` finds the documents of the token table from the places where ``doc_id`` changes
  (tokens of a document are contiguous in a processed corpus), without hashing every row;
- :func:`sentence_group_codes` gives the group code of each sentence through integer keys
  ``(document code, sent_id)`` instead of a merge on string columns.

Every helper returns exactly what the plain pandas formulation returns; where an assumption does not
hold (a document split into several runs, duplicated sentence keys) it falls back to that formulation.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def _arrow_strings(values: pd.Series) -> pa.ChunkedArray | pa.Array | None:
    """The Arrow array behind an Arrow-backed string Series (None for any other dtype)."""
    dtype = values.dtype
    if getattr(dtype, "storage", None) not in ("pyarrow", "pyarrow_numpy") and \
            not isinstance(dtype, pd.ArrowDtype):
        return None
    arr = pa.array(values.array)
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return None
    return arr


def encode(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes of ``values`` in order of first appearance and the distinct values (object array).

    Missing values get the code -1, as with ``pandas.factorize``.
    """
    arr = _arrow_strings(values)
    if arr is None:
        codes, uniques = pd.factorize(values)
        return codes.astype(np.int64), np.asarray(uniques, dtype=object)
    enc = pc.dictionary_encode(arr)
    if isinstance(enc, pa.ChunkedArray):
        enc = enc.combine_chunks() if enc.num_chunks != 1 else enc.chunk(0)
        if isinstance(enc, pa.ChunkedArray):  # pragma: no cover - depends on the pyarrow version
            enc = enc.combine_chunks()
    indices = enc.indices
    if indices.null_count:
        indices = pc.fill_null(indices, -1)
    codes = indices.to_numpy(zero_copy_only=False).astype(np.int64)
    uniques = enc.dictionary.to_numpy(zero_copy_only=False).astype(object, copy=False)
    return codes, uniques


def doc_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``encode(values)`` for a column whose equal values are usually contiguous (``doc_id``).

    The runs of equal values are found by comparing each row with the previous one; when every run
    holds a different value, the run number is the code of first appearance.
    """
    arr = _arrow_strings(values)
    n = len(values)
    if arr is None or n < 2 or arr.null_count:
        return encode(values)
    changed = pc.not_equal(arr[1:], arr[:-1])
    starts = np.empty(n, dtype=bool)
    starts[0] = True
    starts[1:] = np.asarray(changed)
    first = np.flatnonzero(starts)
    uniques = np.asarray(arr.take(pa.array(first)).to_pylist(), dtype=object)
    if len(set(uniques.tolist())) != len(uniques):
        return encode(values)
    return np.cumsum(starts, dtype=np.int64) - 1, uniques


def first_appearance_codes(values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """``pandas.factorize`` of non-negative integers below ``size``, without hashing.

    Returns the codes (numbered in order of first appearance) and the distinct values in that order.
    """
    first = np.full(size, len(values), dtype=np.int64)
    first[values[::-1]] = np.arange(len(values) - 1, -1, -1)   # the earliest position is written last
    seen = np.flatnonzero(first < len(values))
    uniques = seen[np.argsort(first[seen], kind="stable")]
    code_of = np.empty(size, dtype=np.int64)
    code_of[uniques] = np.arange(len(uniques))
    return code_of[values], uniques


def in_text_order(doc: np.ndarray, sent: np.ndarray, tok: np.ndarray) -> bool:
    """Whether rows are sorted by (document code, sent_id, tok_id) with no repeated position."""
    if len(doc) < 2:
        return True
    d_doc = np.diff(doc)
    same_doc = d_doc == 0
    d_sent = np.diff(sent)
    ordered = (d_doc >= 0) & (~same_doc | (d_sent > 0) | ((d_sent == 0) & (np.diff(tok) > 0)))
    return bool(ordered.all())


def group_codes(values: pd.Series, groups: list) -> np.ndarray:
    """Codes of ``values`` in ``groups`` (-1 where missing or unknown)."""
    lookup = pd.Index(groups)
    codes = lookup.get_indexer(values)
    if (codes < 0).any() and len(groups):
        # tolerate dtype differences (e.g. Int64 vs int) by matching on strings
        str_codes = pd.Index([str(g) for g in groups]).get_indexer(values.astype(str))
        codes = np.where(codes < 0, str_codes, codes)
    return codes.astype(np.int64)


def sentence_group_codes(corpus, by: str, groups: list, doc: np.ndarray, doc_ids: np.ndarray,
                         sent: np.ndarray) -> np.ndarray | None:
    """Group code of each sentence ``(doc_ids[doc[i]], sent[i])`` for the group column ``by``.

    Follows :meth:`Corpus.annotate` (a sentence column is read from ``sentences``, any other from
    ``documents``, ``doc_id`` from the key itself). Returns None when a key table is not unique, in
    which case the caller joins as ``annotate`` does.
    """
    if by == "doc_id":
        return group_codes(pd.Series(doc_ids, dtype=object), groups)[doc]
    doc_index = pd.Index(doc_ids)
    if by in corpus.sentences.columns:
        table = corpus.sentences
        if _aligned(table, doc, doc_ids, sent):
            return group_codes(table[by], groups)
        t_doc = doc_index.get_indexer(table["doc_id"])
        t_sent = table["sent_id"].to_numpy(dtype=np.int64)
        width = int(max(sent.max(initial=0), t_sent.max(initial=0))) + 1
        t_key = pd.Index(np.where(t_doc >= 0, t_doc * width + t_sent, -1 - np.arange(len(table))))
        if not t_key.is_unique:
            return None
        row = t_key.get_indexer(doc.astype(np.int64) * width + sent)
    else:
        table = corpus.documents
        t_doc = doc_index.get_indexer(table["doc_id"])
        known = np.flatnonzero(t_doc >= 0)
        if len(np.unique(t_doc[known])) != len(known):
            return None
        row_of_doc = np.full(len(doc_ids), -1, dtype=np.int64)
        row_of_doc[t_doc[known]] = known
        row = row_of_doc[doc]
    codes = group_codes(table[by], groups)
    return np.where(row >= 0, codes[np.maximum(row, 0)], -1).astype(np.int64)


def _aligned(sentences: pd.DataFrame, doc: np.ndarray, doc_ids: np.ndarray, sent: np.ndarray) -> bool:
    """Whether the rows of ``sentences`` are exactly the sentences ``(doc_ids[doc[i]], sent[i])``."""
    if len(sentences) != len(doc) or len(doc) == 0:
        return False
    s_doc, s_ids = doc_codes(sentences["doc_id"])
    return (len(s_ids) == len(doc_ids) and bool((s_ids == doc_ids).all())
            and np.array_equal(s_doc, doc)
            and np.array_equal(sentences["sent_id"].to_numpy(), sent))


def coalesce_codes(codes: np.ndarray, uniques: np.ndarray, usable: np.ndarray,
                   other_codes: np.ndarray, other_uniques: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of "value, or the other column's value where it is missing or unusable".

    ``usable`` flags the entries of ``uniques`` that may be used; rows with code -1 or an unusable
    value take the other column's value. The result's codes index the returned distinct values.
    """
    merged, names = pd.factorize(np.concatenate([uniques, other_uniques]).astype(object))
    mine = merged[: len(uniques)]
    theirs = np.append(merged[len(uniques):], -1)       # other code -1 stays -1
    ok = codes >= 0
    ok[ok] = usable[codes[ok]]
    out = np.where(ok, mine[np.where(ok, codes, 0)] if len(mine) else -1, theirs[other_codes])
    return out.astype(np.int64), np.asarray(names, dtype=object)


def sentence_rows(sentences: pd.DataFrame, doc_ids: pd.Series, sent_ids: np.ndarray) -> np.ndarray | None:
    """Row of ``sentences`` holding each pair ``(doc_ids[i], sent_ids[i])`` (-1 where none).

    What a left join on ``(doc_id, sent_id)`` finds, through integer keys. Returns None when
    ``sentences`` repeats a key (a join would then repeat rows).
    """
    s_doc, s_ids = doc_codes(sentences["doc_id"])
    s_sent = sentences["sent_id"].to_numpy(dtype=np.int64)
    o_doc, o_ids = doc_codes(doc_ids) if len(doc_ids) else (np.zeros(0, np.int64), np.zeros(0, object))
    if len(s_ids) == len(o_ids) and bool((s_ids == o_ids).all()) and len(s_doc) == len(o_doc) \
            and np.array_equal(s_doc, o_doc) and np.array_equal(s_sent, sent_ids):
        return np.arange(len(s_doc))
    o_doc = np.append(pd.Index(s_ids).get_indexer(o_ids), -1)[o_doc] if len(o_doc) else o_doc
    width = int(max(s_sent.max(initial=0), np.max(sent_ids, initial=0))) + 1
    keys = pd.Index(s_doc * width + s_sent)
    if not keys.is_unique:
        return None
    rows = keys.get_indexer(o_doc * width + np.asarray(sent_ids, dtype=np.int64))
    return np.where(o_doc >= 0, rows, -1)


def sentence_table_codes(corpus, by: str, groups: list) -> np.ndarray | None:
    """Group code of every row of ``corpus.sentences`` for ``by``, as ``Corpus.annotate`` joins it.

    Returns None when ``by`` is a document column and ``documents`` repeats a ``doc_id`` (a join
    would then repeat sentences).
    """
    sents = corpus.sentences
    if (by in sents.columns and by != "doc_id") or by == "doc_id":
        return group_codes(sents[by], groups)
    docs = corpus.documents
    if not docs["doc_id"].is_unique:
        return None
    s_doc, s_ids = doc_codes(sents["doc_id"])
    if len(s_ids) == 0:
        return np.zeros(0, dtype=np.int64)
    row = pd.Index(docs["doc_id"]).get_indexer(s_ids)
    per_doc = group_codes(docs[by], groups)
    return np.where(row >= 0, per_doc[np.maximum(row, 0)], -1)[s_doc].astype(np.int64)
