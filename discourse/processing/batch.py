"""The one container of processed tables: a :class:`Batch` of documents, from one document to a corpus.

Documents are processed, cached and sent between processes in *batches*: each table of a batch holds
the rows of several documents, one document after another, and the batch records how many rows of
each table belong to each document. A whole table is built once per batch rather than once per
document (building and pickling many small pandas frames used to cost more than the processing), and
a batch is stored in the cache as one segment. One document's tables are a batch of one
(:meth:`Batch.document`); the assembled corpus is a batch too (:func:`assemble`), whose tables
become those of the :class:`~discourse.corpus.model.Corpus`. The columns of every table are those of
:mod:`discourse.corpus.schema`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from discourse.corpus.schema import TABLES, empty_table


@dataclass
class Batch:
    """Processed documents: their ids, infos, and each table with its rows counted per document.

    Attributes
    ----------
    doc_ids : list of str
    infos : list of dict
        One per document (``n_paragraphs``, ``language``, ...).
    tables : dict of str to DataFrame
        ``sentences, tokens, directives, removed, people`` (:data:`~discourse.corpus.schema.TABLES`);
        each has ``doc_id`` first and the rows of ``doc_ids[0]`` first, then those of ``doc_ids[1]``,
        and so on.
    counts : dict of str to ndarray
        Rows of each table per document (``counts[name].sum() == len(tables[name])``).
    """

    doc_ids: list[str]
    infos: list[dict]
    tables: dict[str, pd.DataFrame]
    counts: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.doc_ids)

    @classmethod
    def of_document(cls, doc_id: str, tables: dict[str, pd.DataFrame], info: dict) -> Batch:
        """A batch of one document from its ``tables`` (a missing table: no rows)."""
        frames = {name: tables.get(name, empty_table(name)) for name in TABLES}
        counts = {name: np.array([len(frames[name])], dtype=np.int64) for name in TABLES}
        return cls([doc_id], [info], frames, counts)

    def offsets(self, name: str) -> np.ndarray:
        """Row offsets of table ``name``: document ``j`` has rows ``offsets[j]:offsets[j + 1]``."""
        return np.concatenate([[0], np.cumsum(self.counts[name], dtype=np.int64)])

    def document(self, j: int) -> Batch:
        """Document ``j`` alone (index from 0) as a batch of one; a table without rows as
        :func:`~discourse.corpus.schema.empty_table`."""
        frames = {}
        for name in TABLES:
            off = self.offsets(name)
            frames[name] = (self.tables[name].iloc[off[j]:off[j + 1]].reset_index(drop=True)
                            if off[j + 1] > off[j] else empty_table(name))
        return Batch.of_document(self.doc_ids[j], frames, self.infos[j])


def concat(batches: Sequence[Batch]) -> Batch:
    """The documents of ``batches``, one batch after another, in one :class:`Batch` (each table
    concatenated once)."""
    tables = {}
    for name in TABLES:
        full = [b.tables[name] for b in batches if len(b.tables[name])]
        tables[name] = pd.concat(full, ignore_index=True) if full else empty_table(name)
    counts = {name: np.concatenate([np.zeros(0, dtype=np.int64), *(b.counts[name] for b in batches)])
              for name in TABLES}
    return Batch([d for b in batches for d in b.doc_ids], [i for b in batches for i in b.infos],
                 tables, counts)


def assemble(pieces: Sequence[tuple[Sequence[int], Batch]], n_docs: int) -> Batch:
    """The batch of ``n_docs`` documents in order, from batches covering them in any order.

    Parameters
    ----------
    pieces : sequence of (positions, Batch)
        ``positions[j]`` is the place in the corpus of the batch's document ``j``; together the
        pieces cover every position from 0 to ``n_docs - 1`` once.
    n_docs : int

    Returns
    -------
    Batch
        Every table with a fresh index, rows in the documents' order; the infos in that order.
    """
    where_piece = np.full(n_docs, -1, dtype=np.int64)
    where_doc = np.zeros(n_docs, dtype=np.int64)
    for p, (positions, batch) in enumerate(pieces):
        if len(positions) != len(batch):
            raise ValueError(f"batch {p} has {len(batch)} documents but {len(positions)} positions")
        where_piece[list(positions)] = p
        where_doc[list(positions)] = np.arange(len(positions))
    if (where_piece < 0).any():
        missing = int(np.flatnonzero(where_piece < 0)[0])
        raise ValueError(f"no batch holds document {missing}")
    order = list(zip(where_piece.tolist(), where_doc.tolist()))
    doc_ids = [pieces[p][1].doc_ids[j] for p, j in order]
    infos = [pieces[p][1].infos[j] for p, j in order]
    tables, counts = {}, {}
    for name in TABLES:
        offsets = [batch.offsets(name) for _, batch in pieces]
        starts = np.array([offsets[p][j] for p, j in order], dtype=np.int64)
        ends = np.array([offsets[p][j + 1] for p, j in order], dtype=np.int64)
        counts[name] = ends - starts
        # runs of consecutive documents whose rows follow each other in the same batch
        new_run = np.ones(n_docs, dtype=bool)
        new_run[1:] = (where_piece[1:] != where_piece[:-1]) | (starts[1:] != ends[:-1])
        run_first = np.flatnonzero(new_run)
        run_last = np.concatenate([run_first[1:], [n_docs]]) - 1
        slices = []
        for a, b in zip(run_first.tolist(), run_last.tolist()):
            frame = pieces[where_piece[a]][1].tables[name]
            lo, hi = int(starts[a]), int(ends[b])
            if hi > lo:
                slices.append(frame if (lo == 0 and hi == len(frame)) else frame.iloc[lo:hi])
        if not slices:
            tables[name] = empty_table(name)
        elif len(slices) == 1:
            tables[name] = slices[0].reset_index(drop=True)
        else:
            tables[name] = pd.concat(slices, ignore_index=True)
    return Batch(doc_ids, infos, tables, counts)
