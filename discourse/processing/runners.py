"""Running :func:`~discourse.processing.document.process_batch` over a corpus through the Parquet cache:
serially, or on a :class:`concurrent.futures.Executor` (a local process pool or a Dask cluster).

:func:`process_corpus` is what :func:`~discourse.processing.load.build_corpus` calls. It looks every
document up in the cache (a whole-corpus pack first, then document by document), processes only the
misses in chunks of consecutive documents, stores them (a local pool's workers store their own
batches; a cluster's batches are stored here, where the cache is), and assembles each table once.
Local processes and a Dask cluster are driven by the same code: both are an ``Executor``
(:func:`discourse.parallel.local_pool`, ``Client.get_executor()``). Results are in the documents'
order whatever ran them, and equal to a serial run.

Options (``load_corpus`` passes them through):

- ``workers``: ``None`` uses every available local core, ``1`` runs serially; more than the cores
  (or than free memory allows) is lowered with a warning (:func:`discourse.parallel.usable_workers`).
  Fewer than :data:`SERIAL_BELOW` documents to process always run serially.
- ``scheduler``: a Dask scheduler address (``tcp://host:8786``); default: the environment variable
  ``DISCOURSE_SCHEDULER``, if set. The workers of the cluster need ``discourse`` installed.
- ``progress``: ``None`` shows a bar for more than :data:`PROGRESS_ABOVE` documents when stderr is a
  terminal; ``True``/``False`` force it.
"""
from __future__ import annotations

import contextlib
import os
import sys
from concurrent.futures import FIRST_COMPLETED, Executor, wait
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import pandas as pd

from discourse.corpus.schema import TABLES, Document
from discourse.errors import ParameterError
from discourse.parallel import local_pool, usable_workers
from discourse.paths import SCHEDULER_ENV
from discourse.processing.batch import Batch, assemble, concat
from discourse.processing.cache import CacheStats, DocumentCache
from discourse.processing.document import process_batch
from discourse.processing.keys import document_key, pack_id
from discourse.validate import check_positive_int

#: Fewer documents than this to process run serially.
SERIAL_BELOW = 4
#: Less text than this (characters) to process runs serially: starting a pool's workers costs about
#: 2 s each (they import the package afresh, see :mod:`discourse.parallel`), while one core processes
#: about 0.5M characters a second, so below this the pool would not pay for itself.
PARALLEL_ABOVE_CHARS = 1_000_000
#: ``progress=None`` shows a bar above this many documents to process (on a terminal).
PROGRESS_ABOVE = 20
#: Sets the smallest chunk (batch) of a local pool or cluster: ``1 / (2 * CHUNKS_PER_WORKER)`` of each
#: worker's share of the text. The last chunks are this small, so the workers finish close together
#: (on the 1M-token benchmark, 16 rather than 4 cut the time one worker waited for the other at the end
#: from 0.4-0.7 s to 0.15-0.25 s, for five more hand-overs).
CHUNKS_PER_WORKER = 16
#: A serial run processes about this many characters of text per batch (the progress bar's step).
SERIAL_CHUNK_CHARS = 250_000

#: ``process(doc, settings) -> Batch`` (a batch of one), a stand-in for the real processing.
Process = Callable[[Document, dict], Batch]
Piece = tuple[list[int], Batch]


# ---------------------------------------------------------------------------------------- options
def check_options(*, workers: Any = None, scheduler: Any = None, cache: Any = None,
                  progress: Any = None) -> None:
    """Validate the processing options; raise :class:`ParameterError` naming the bad one."""
    if workers is not None:
        check_positive_int("workers", workers)
    if scheduler is not None:
        _check_address("scheduler", scheduler)
    if cache is not None and not isinstance(cache, (bool, str, os.PathLike)):
        raise ParameterError(f"cache must be None, True, False or a folder path, got {cache!r}")
    if progress is not None and not isinstance(progress, bool):
        raise ParameterError(f"progress must be None, True or False, got {progress!r}")


def _check_address(name: str, value: Any) -> str:
    if not isinstance(value, str) or "://" not in value:
        raise ParameterError(f"{name}={value!r} is not a Dask scheduler address; "
                             "expected e.g. 'tcp://127.0.0.1:8786'")
    return value


def resolve_scheduler(scheduler: str | None) -> str | None:
    """``scheduler``, else the address in ``$DISCOURSE_SCHEDULER``, else None (run locally)."""
    if scheduler is not None:
        return scheduler
    env = os.environ.get(SCHEDULER_ENV, "").strip()
    return _check_address(f"${SCHEDULER_ENV}", env) if env else None


# ---------------------------------------------------------------------------------------- chunks
def _process_chunk(docs: Sequence[Document], settings: dict, process: Process | None = None,
                   store: tuple[str, Sequence[str]] | None = None) -> tuple[Batch, CacheStats | None]:
    """Process ``docs`` into one :class:`Batch` (in a worker, or here).

    With ``store`` (a cache folder and the documents' keys) the batch is also stored there, where it
    was made: that spares the parent process the work, so it stays free to take in the other
    workers' results. Returns the batch and the stats of that storing (None without ``store``).
    """
    batch = (process_batch(docs, settings) if process is None
             else concat([process(doc, settings) for doc in docs]))
    if store is None:
        return batch, None
    cache = DocumentCache(store[0])
    cache.put_batch(store[1], batch)
    return batch, cache.stats


def _serial_chunks(docs: Sequence[Document]) -> list[list[int]]:
    """Runs of consecutive documents of about :data:`SERIAL_CHUNK_CHARS` characters (a longer
    document makes a run of its own)."""
    chunks: list[list[int]] = [[]]
    size = 0
    for i, doc in enumerate(docs):
        if chunks[-1] and size + len(doc.text) > SERIAL_CHUNK_CHARS:
            chunks.append([])
            size = 0
        chunks[-1].append(i)
        size += len(doc.text)
    return chunks if chunks[0] else []


def _guided_chunks(docs: Sequence[Document], workers: int) -> list[list[int]]:
    """Runs of consecutive documents for ``workers`` parallel workers, shrinking towards the end.

    Each run takes about half of the remaining text's share per worker (``remaining / (2 * workers)``),
    but no less than ``total / (2 * CHUNKS_PER_WORKER * workers)``: the first runs are large (few
    hand-overs), the last ones small, so that the workers finish together instead of one of them
    working alone through a large last chunk. Returned in order, which is largest first.
    """
    if not docs:
        return []
    lengths = [len(doc.text) + 1 for doc in docs]
    remaining = float(sum(lengths))
    floor = remaining / (2 * CHUNKS_PER_WORKER * max(1, workers))
    chunks: list[list[int]] = []
    current: list[int] = []
    size = 0
    target = max(remaining / (2 * workers), floor)
    for i, n in enumerate(lengths):
        if current and size + n / 2 > target:
            chunks.append(current)
            remaining -= size
            current, size = [], 0
            target = max(remaining / (2 * workers), floor)
        current.append(i)
        size += n
    chunks.append(current)
    return chunks


# ---------------------------------------------------------------------------------------- executors
@contextlib.contextmanager
def executor_for(n_docs: int, n_chars: int, *, workers: int | None, scheduler: str | None
                 ) -> Iterator[tuple[Executor | None, int, bool]]:
    """Where ``n_docs`` documents of ``n_chars`` characters are processed: ``(executor, parallel
    workers, local)``.

    A Dask ``Client.get_executor()`` for a ``scheduler`` (the cluster is left running; only the
    client is closed), a local process pool for ``workers > 1``, at least :data:`SERIAL_BELOW`
    documents and :data:`PARALLEL_ABOVE_CHARS` characters, else ``(None, 1, True)``: serially, here.
    """
    if scheduler:
        from dask.distributed import Client

        with Client(scheduler, set_as_default=False) as client:
            yield client.get_executor(pure=False), sum(client.nthreads().values()) or 1, False
        return
    n = min(usable_workers(workers), n_docs)
    if n > 1 and n_docs >= SERIAL_BELOW and n_chars >= PARALLEL_ABOVE_CHARS:
        with local_pool(n) as pool:
            yield pool, n, True
    else:
        yield None, 1, True


def iter_pieces(docs: Sequence[Document], settings: dict, *, executor: Executor | None,
                n_workers: int = 1, process: Process | None = None,
                store: tuple[Path, Sequence[str]] | None = None
                ) -> Iterator[tuple[list[int], Batch, CacheStats | None]]:
    """Process ``docs``; yield ``(indices, batch, stats)`` as chunks finish (see :func:`_process_chunk`).

    Serially (``executor`` None) in runs of about :data:`SERIAL_CHUNK_CHARS` characters, in order;
    else chunks shrinking towards the end (:func:`_guided_chunks`) submitted to ``executor``. With
    ``store`` (a cache folder and the keys of ``docs``), each chunk is stored where it is processed.
    """
    def args(chunk: list[int]) -> tuple:
        part = None if store is None else (str(store[0]), [store[1][i] for i in chunk])
        return [docs[i] for i in chunk], settings, process, part

    if executor is None:
        for chunk in _serial_chunks(docs):
            yield (chunk, *_process_chunk(*args(chunk)))
        return
    pending = {executor.submit(_process_chunk, *args(chunk)): chunk
               for chunk in _guided_chunks(docs, n_workers)}
    try:
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield (pending.pop(future), *future.result())
    finally:
        for future in pending:  # after a failure: the work not started is not done
            future.cancel()


def _progress_bar(total: int, progress: bool | None) -> Any:
    show = progress if progress is not None else (total > PROGRESS_ABOVE and sys.stderr.isatty())
    if not show:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", desc="processing", file=sys.stderr)


def _process_all(docs: Sequence[Document], settings: dict, *, workers: int | None,
                 scheduler: str | None, progress: bool | None, process: Process | None,
                 store: DocumentCache | None, keys: Sequence[str]) -> Iterator[Piece]:
    """Process ``docs`` (storing each chunk in ``store`` under ``keys``); yield ``(indices, batch)``."""
    if not docs:
        return
    bar = _progress_bar(len(docs), progress)
    n_chars = sum(len(doc.text) for doc in docs)
    with executor_for(len(docs), n_chars, workers=workers, scheduler=scheduler) as (executor, n, local):
        writable = store is not None and store.writable
        # a chunk is stored where it is processed (here or in a local worker), a cluster's here
        where = (store.root, keys) if writable and local else None
        try:
            for chunk, batch, stats in iter_pieces(docs, settings, executor=executor, n_workers=n,
                                                   process=process, store=where):
                if stats is not None:
                    store.add(stats)
                elif writable:
                    store.put_batch([keys[i] for i in chunk], batch)
                if bar is not None:
                    bar.update(len(chunk))
                yield chunk, batch
        finally:
            if bar is not None:
                bar.close()


# ---------------------------------------------------------------------------------------- with cache
def process_corpus(docs: Sequence[Document], settings: dict, *, workers: int | None = None,
                   scheduler: str | None = None, cache: str | Path | None = None,
                   progress: bool | None = None, process: Process | None = None,
                   finish: tuple[str, Callable[[pd.DataFrame], pd.DataFrame]] | None = None
                   ) -> tuple[Batch, CacheStats]:
    """Process a corpus through the cache: only documents not stored under their key are processed.

    Parameters
    ----------
    docs : sequence of Document
    settings : dict
        From :func:`~discourse.processing.document.default_settings` (part of every key).
    workers, scheduler, progress
        See the module docstring.
    cache : str or Path, optional
        The cache folder (see :func:`discourse.paths.resolve_cache_dir`); None: no cache.
    process : callable, optional
        ``process(doc, settings) -> Batch`` (a batch of one document), used instead of
        :func:`~discourse.processing.document.process_batch`.
    finish : (str, callable), optional
        A name and a corpus-level step applied to the assembled ``sentences`` table (such as merging
        a person's name variants across documents). The pack stores the finished table, under an id
        that includes the name, so an unchanged corpus reloads without doing the step again.

    Returns
    -------
    Batch
        Every table (``sentences, tokens, directives, removed, people``) in the documents' order,
        with the documents' infos.
    CacheStats
        What was done with the cache (``hits``, ``misses``, ``writes``, ``broken``, ``pack_hit``, ...).
    """
    scheduler = resolve_scheduler(scheduler)
    options = dict(workers=workers, scheduler=scheduler, progress=progress, process=process)
    if cache is None:
        corpus = assemble(list(_process_all(docs, settings, **options, store=None, keys=())), len(docs))
        if finish is not None and len(corpus.tables["sentences"]):
            corpus.tables["sentences"] = finish[1](corpus.tables["sentences"])
        return corpus, CacheStats(misses=len(docs))

    store = DocumentCache(cache)
    store.clean_staging()  # what killed runs left
    keys = [document_key(doc, settings) for doc in docs]
    doc_ids = [doc.doc_id for doc in docs]
    pid = (pack_id([*doc_ids, "\0finish"], [*keys, finish[0]]) if finish is not None
           else pack_id(doc_ids, keys))
    packed = store.read_pack(pid, doc_ids)
    if packed is not None:
        return packed, store.stats

    pieces, missing = store.get_many(keys, doc_ids)
    for chunk, batch in _process_all([docs[i] for i in missing], settings, **options, store=store,
                                     keys=[keys[i] for i in missing]):
        pieces.append(([missing[j] for j in chunk], batch))
    corpus = assemble(pieces, len(docs))
    del pieces
    if finish is not None and len(corpus.tables["sentences"]):
        corpus.tables["sentences"] = finish[1](corpus.tables["sentences"])
    if store.stats.unstorable == 0:
        store.write_pack(pid, corpus)
    return corpus, store.stats
