"""Batches of processed documents, and putting batches together in the corpus's order.

Documents are processed, cached and sent between processes in *batches*: each table of a batch holds
the rows of several documents, one document after another, and the batch records how many rows of
each table belong to each document. A whole table is built once per batch rather than once per
document (building and pickling many small pandas frames used to cost more than the processing), and
a batch is stored in the cache as one segment.

:func:`assemble` turns batches that arrived in any order (cache hits, chunks finished by workers)
into the corpus tables in the documents' order, by slicing whole runs of rows out of each batch.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from discourse.corpus.schema import TABLES, empty_table


@dataclass
class DocumentTables:
    """One document's rows of each corpus table, plus its document-level facts."""

    doc_id: str
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    directives: pd.DataFrame
    removed: pd.DataFrame
    people: pd.DataFrame
    info: dict  # title, n_paragraphs, language, dateline facts


@dataclass
class Batch:
    """Processed documents: their ids, infos, and each table with its rows counted per document.

    Attributes
    ----------
    doc_ids : list of str
    infos : list of dict
        One per document (``n_paragraphs``, ``language``, ...).
    tables : dict of str to DataFrame
        ``sentences, tokens, directives, removed, people``; each has ``doc_id`` first and the rows of
        ``doc_ids[0]`` first, then those of ``doc_ids[1]``, and so on.
    counts : dict of str to ndarray
        Rows of each table per document (``counts[name].sum() == len(tables[name])``).
    """

    doc_ids: list[str]
    infos: list[dict]
    tables: dict[str, pd.DataFrame]
    counts: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.doc_ids)

    def offsets(self, name: str) -> np.ndarray:
        """Row offsets of table ``name``: document ``j`` has rows ``offsets[j]:offsets[j + 1]``."""
        return np.concatenate([[0], np.cumsum(self.counts[name], dtype=np.int64)])

    def document(self, j: int) -> DocumentTables:
        """The tables of document ``j`` alone (index from 0; a table without rows as :func:`empty_table`)."""
        frames = {}
        for name in TABLES:
            off = self.offsets(name)
            frames[name] = (self.tables[name].iloc[off[j]:off[j + 1]].reset_index(drop=True)
                            if off[j + 1] > off[j] else empty_table(name))
        return DocumentTables(self.doc_ids[j], info=self.infos[j], **frames)


def from_documents(results: Sequence[DocumentTables]) -> Batch:
    """A :class:`Batch` of documents processed one by one (each table concatenated once)."""
    tables = {}
    counts = {}
    for name in TABLES:
        frames = [getattr(r, name) for r in results]
        counts[name] = np.array([len(f) for f in frames], dtype=np.int64)
        full = [f for f in frames if len(f)]
        tables[name] = pd.concat(full, ignore_index=True) if full else empty_table(name)
    return Batch([r.doc_id for r in results], [r.info for r in results], tables, counts)


def assemble(pieces: Sequence[tuple[Sequence[int], Batch]], n_docs: int
             ) -> tuple[dict[str, pd.DataFrame], list[dict]]:
    """The tables of ``n_docs`` documents in order, from batches covering them in any order.

    Parameters
    ----------
    pieces : sequence of (positions, Batch)
        ``positions[j]`` is the place in the corpus of the batch's document ``j``; together the
        pieces cover every position from 0 to ``n_docs - 1`` once.
    n_docs : int

    Returns
    -------
    tables : dict of str to DataFrame
        Each table with a fresh index, rows in the documents' order.
    infos : list of dict
        The documents' infos in order.
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
    infos = [pieces[p][1].infos[j] for p, j in zip(where_piece.tolist(), where_doc.tolist())]
    tables = {}
    for name in TABLES:
        offsets = [batch.offsets(name) for _, batch in pieces]
        starts = np.array([offsets[p][j] for p, j in zip(where_piece, where_doc)], dtype=np.int64)
        ends = np.array([offsets[p][j + 1] for p, j in zip(where_piece, where_doc)], dtype=np.int64)
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
    return tables, infos
