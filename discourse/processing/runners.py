"""Running :func:`~discourse.processing.document.process_document` over a corpus: serially, in local processes, or
on a Dask cluster, with the Parquet cache of :mod:`discourse.cache` in front.

:func:`process_corpus` is what :func:`~discourse.processing.document.build_corpus` calls. It looks every
document up in the cache (a whole-corpus pack first, then document by document), processes only the
misses, stores them (a local pool's workers store their own batches; a cluster's batches are stored
here, where the cache is), and concatenates each table once. A local pool's workers hand their
batches over in files in memory (see :data:`HANDOFF_ROOT`). Results are in the documents' order
whatever ran them, and equal to a serial run.

Options (``load_corpus`` passes them through):

- ``workers``: ``None`` uses every local core (``os.cpu_count()``), ``1`` runs serially. Fewer than
  :data:`SERIAL_BELOW` documents to process always run serially (a process pool costs more to start).
- ``scheduler``: a Dask scheduler address (``tcp://host:8786``); default: the environment variable
  ``DISCOURSE_SCHEDULER``, if set. The workers of the cluster need ``discourse`` installed.
- ``progress``: ``None`` shows a bar for more than :data:`PROGRESS_ABOVE` documents when stderr is a
  terminal; ``True``/``False`` force it.
"""
from __future__ import annotations

import contextlib
import math
import os
import pickle
import shutil
import sys
import tempfile
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import pandas as pd

from discourse.corpus.schema import TABLES, Document
from discourse.errors import ParameterError
from discourse.parallel import local_pool
from discourse.paths import SCHEDULER_ENV
from discourse.processing.batch import Batch, DocumentTables, assemble, from_documents
from discourse.processing.cache import CacheStats, DocumentCache
from discourse.processing.document import process_batch
from discourse.processing.keys import document_key, pack_id
from discourse.validate import check_positive_int

#: Fewer documents than this to process run serially.
SERIAL_BELOW = 4
#: ``progress=None`` shows a bar above this many documents to process (on a terminal).
PROGRESS_ABOVE = 20
#: Sets the smallest chunk (batch) of a local pool or cluster: ``1 / (2 * CHUNKS_PER_WORKER)`` of each
#: worker's share of the text. The last chunks are this small, so the workers finish close together
#: (on the 1M-token benchmark, 16 rather than 4 cut the time one worker waited for the other at the end
#: from 0.4-0.7 s to 0.15-0.25 s, for five more hand-overs).
CHUNKS_PER_WORKER = 16
#: A serial run processes about this many characters of text per batch (the progress bar's step).
SERIAL_CHUNK_CHARS = 250_000
#: Where a local pool's workers leave their batches for this process: a folder in memory (tmpfs),
#: where the platform has one; elsewhere batches come back through the pool's pipe. Through the pipe,
#: a batch costs the worker and this process about 3 ms each per MB (10-30 MB a batch on the 1M-token
#: benchmark, some 5% of a parallel run); left in memory and read back, about 0.8 ms each.
HANDOFF_ROOT = "/dev/shm"
_ALIGN = 64

Process = Callable[[Document, dict], DocumentTables]
_last_stats: CacheStats | None = None


@dataclass
class CorpusTables:
    """The processed tables of a whole corpus, each concatenated once, and one ``info`` per document."""

    sentences: pd.DataFrame
    tokens: pd.DataFrame
    directives: pd.DataFrame
    removed: pd.DataFrame
    people: pd.DataFrame
    infos: list[dict]
    stats: CacheStats = field(default_factory=CacheStats)

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The tables by name."""
        return {name: getattr(self, name) for name in TABLES}


def combine(results: Sequence[DocumentTables]) -> CorpusTables:
    """Concatenate the documents' tables (in order) into :class:`CorpusTables`."""
    batch = from_documents(results)
    return CorpusTables(**batch.tables, infos=batch.infos)


def last_stats() -> CacheStats | None:
    """The cache statistics of the most recent :func:`process_corpus` call in this process."""
    return _last_stats


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


def resolve_workers(workers: int | None) -> int:
    """``workers``, or the number of local cores when None."""
    return int(workers) if workers is not None else (os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------- runners
def _process_chunk(docs: Sequence[Document], settings: dict,
                   process: Process | None = None) -> Batch:
    """Process ``docs`` into one :class:`~discourse.batch.Batch` (in a worker, or here)."""
    if process is None:
        return process_batch(docs, settings)
    return from_documents([process(doc, settings) for doc in docs])


def _process_and_store(docs: Sequence[Document], settings: dict, process: Process | None,
                       root: str, keys: Sequence[str]) -> tuple[Batch, CacheStats]:
    """Process ``docs`` and store the batch in the cache at ``root`` under ``keys`` (in a worker).

    Storing where the batch was made spares the parent process that work, so it stays free to take
    in the other workers' results; the stats say what was stored.
    """
    batch = _process_chunk(docs, settings, process)
    store = DocumentCache(root)
    store.put_batch(keys, batch)
    return batch, store.stats


class _Left:
    """A worker's result left in a file of the hand-over folder (see :data:`HANDOFF_ROOT`)."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path


def _leave(folder: str, fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(*args)`` (in a worker) and leave its result in a new file of ``folder``.

    The file holds the result pickled with its large buffers (the tables' columns) out of band, each
    at an offset aligned to 64 bytes: a header of little-endian 8-byte integers (the number of
    buffers, then the length of the pickle and of each buffer), the pickle, then the buffers.
    """
    result = fn(*args)
    buffers: list[pickle.PickleBuffer] = []
    head = pickle.dumps(result, protocol=5, buffer_callback=buffers.append)
    views = [b.raw() for b in buffers]  # pickle passes only buffers in one piece
    lengths = [len(head), *(v.nbytes for v in views)]
    header = b"".join(n.to_bytes(8, "little") for n in [len(views), *lengths])
    path = None
    try:
        fd, path = tempfile.mkstemp(dir=folder, suffix=".batch")
        with os.fdopen(fd, "wb") as out:
            at = 0
            for part in (header, head, *views):
                gap = -at % _ALIGN
                if gap:
                    out.write(bytes(gap))
                out.write(part)
                at += gap + (len(part) if isinstance(part, bytes) else part.nbytes)
    except OSError:  # the memory folder is full or gone: send the result through the pipe instead
        if path is not None:
            with contextlib.suppress(OSError):
                os.unlink(path)
        return result
    return _Left(path)


def _take_back(result: Any) -> Any:
    """The result itself: read back (and the file removed) if a worker left it in a file."""
    if not isinstance(result, _Left):
        return result
    with open(result.path, "rb") as f:
        data = bytearray(os.fstat(f.fileno()).st_size)
        f.readinto(data)
    os.unlink(result.path)
    view = memoryview(data)
    n = int.from_bytes(view[:8], "little")
    lengths = [int.from_bytes(view[8 * i:8 * i + 8], "little") for i in range(1, n + 2)]
    parts, at = [], 8 * (n + 2)
    for length in lengths:
        at += -at % _ALIGN
        parts.append(view[at:at + length])
        at += length
    return pickle.loads(parts[0], buffers=parts[1:])


@contextlib.contextmanager
def _handoff_folder() -> Iterator[str | None]:
    """A fresh folder in memory for workers' results, removed on leaving; None where there is none."""
    root = HANDOFF_ROOT
    if not root or not os.path.isdir(root) or not os.access(root, os.W_OK):
        yield None
        return
    try:
        folder = tempfile.mkdtemp(prefix="discourse-", dir=root)
    except OSError:
        yield None
        return
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _chunks(docs: Sequence[Document], n_chunks: int) -> list[list[int]]:
    """Document indices in at most ``n_chunks`` runs of consecutive documents of similar text length.

    Each run ends where the text read so far first reaches the next multiple of ``total / n_chunks``,
    so runs hold about the same amount of text (a very long document makes a run of its own).
    Consecutive runs keep each batch's rows in the corpus's order, so putting the corpus together is a
    few slices. Returned heaviest first: the pool starts on the longest work, and no worker is left
    alone with a long chunk at the end.
    """
    if not docs:
        return []
    n_chunks = max(1, min(n_chunks, len(docs)))
    lengths = [len(doc.text) + 1 for doc in docs]
    step = sum(lengths) / n_chunks
    chunks: list[list[int]] = [[]]
    done = 0
    for i, n in enumerate(lengths):
        if chunks[-1] and done + n / 2 > step * len(chunks) and len(chunks) < n_chunks:
            chunks.append([])
        chunks[-1].append(i)
        done += n
    return sorted(chunks, key=lambda c: -sum(lengths[i] for i in c))


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


def _progress_bar(total: int, progress: bool | None) -> Any:
    show = progress if progress is not None else (total > PROGRESS_ABOVE and sys.stderr.isatty())
    if not show:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", desc="processing", file=sys.stderr)


Piece = tuple[list[int], Batch]


def iter_serial(docs: Sequence[Document], settings: dict, *,
                process: Process | None = None) -> Iterator[Piece]:
    """Process ``docs`` here, in order, a few at a time; yield ``(indices, batch)``."""
    n_chunks = math.ceil(sum(len(doc.text) for doc in docs) / SERIAL_CHUNK_CHARS)
    for chunk in sorted(_chunks(docs, n_chunks)):
        yield chunk, _process_chunk([docs[i] for i in chunk], settings, process)


def iter_local(docs: Sequence[Document], settings: dict, *, workers: int,
               process: Process | None = None,
               store: tuple[Path, Sequence[str], CacheStats] | None = None) -> Iterator[Piece]:
    """Process ``docs`` in ``workers`` local processes; yield ``(indices, batch)`` as chunks finish.

    With ``store`` (a cache folder, the documents' keys and the stats to add to), each worker also
    stores its batches in the cache.
    """
    chunks = _guided_chunks(docs, workers)
    with _handoff_folder() as folder, local_pool(workers) as pool:
        pending = {}
        for chunk in chunks:
            call: tuple = ((_process_chunk, [docs[i] for i in chunk], settings, process) if store is None
                           else (_process_and_store, [docs[i] for i in chunk], settings, process,
                                 str(store[0]), [store[1][i] for i in chunk]))
            future = pool.submit(*call) if folder is None else pool.submit(_leave, folder, *call)
            pending[future] = chunk
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                chunk, result = pending.pop(future), _take_back(future.result())
                if store is not None:
                    result, stats = result
                    store[2].writes += stats.writes
                    store[2].unstorable += stats.unstorable
                yield chunk, result


def iter_dask(docs: Sequence[Document], settings: dict, *, scheduler: str,
              process: Process | None = None) -> Iterator[Piece]:
    """Process ``docs`` on the Dask cluster at ``scheduler``; yield ``(indices, batch)`` as chunks finish.

    The cluster is left running; only this client is closed.
    """
    from dask.distributed import Client, as_completed

    with Client(scheduler, set_as_default=False) as client:
        threads = sum(client.nthreads().values()) or 1
        chunks = _guided_chunks(docs, threads)
        futures = client.map(_process_chunk, [[docs[i] for i in c] for c in chunks],
                             settings=settings, process=process, pure=False)
        where = {f.key: c for f, c in zip(futures, chunks)}
        for future in as_completed(futures, loop=client.loop):
            batch = future.result()
            chunk = where.pop(future.key)
            future.release()
            yield chunk, batch


def run_documents(docs: Sequence[Document], settings: dict, *, workers: int | None = None,
                  scheduler: str | None = None, progress: bool | None = None,
                  process: Process | None = None) -> list[DocumentTables]:
    """Process ``docs`` without the cache; each document's tables, in the documents' order.

    Parameters
    ----------
    docs : sequence of Document
    settings : dict
        From :func:`~discourse.processing.document.default_settings`.
    workers, scheduler, progress
        See the module docstring.
    process : callable, optional
        ``process(doc, settings) -> DocumentTables``, used instead of
        :func:`~discourse.processing.document.process_batch`.

    Returns
    -------
    list of DocumentTables
    """
    out: list[Any] = [None] * len(docs)
    for chunk, batch in _iter_any(docs, settings, workers=workers,
                                  scheduler=resolve_scheduler(scheduler), progress=progress,
                                  process=process):
        for j, i in enumerate(chunk):
            out[i] = batch.document(j)
    return out


def _uses_pool(docs: Sequence[Document], *, workers: int | None, scheduler: str | None) -> bool:
    """True if :func:`_iter_any` processes ``docs`` in a local pool."""
    return not scheduler and resolve_workers(workers) > 1 and len(docs) >= SERIAL_BELOW


def _iter_any(docs: Sequence[Document], settings: dict, *, workers: int | None, scheduler: str | None,
              progress: bool | None, process: Process | None,
              store: tuple[Path, Sequence[str], CacheStats] | None = None) -> Iterator[Piece]:
    """Process ``docs`` on the cluster, in a local pool or here; ``store`` goes to :func:`iter_local`."""
    if not docs:
        return
    if scheduler:
        source = iter_dask(docs, settings, scheduler=scheduler, process=process)
    elif _uses_pool(docs, workers=workers, scheduler=scheduler):
        source = iter_local(docs, settings, workers=min(resolve_workers(workers), len(docs)),
                            process=process, store=store)
    else:
        source = iter_serial(docs, settings, process=process)
    bar = _progress_bar(len(docs), progress)
    try:
        for chunk, batch in source:
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
                   ) -> CorpusTables:
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
        As in :func:`run_documents`.
    finish : (str, callable), optional
        A name and a corpus-level step applied to the assembled ``sentences`` table (such as merging
        a person's name variants across documents). The pack stores the finished table, under an id
        that includes the name, so an unchanged corpus reloads without doing the step again.

    Returns
    -------
    CorpusTables
        ``sentences, tokens, directives, removed, people`` in the documents' order, ``infos`` and the
        cache ``stats`` (``hits``, ``misses``, ``writes``, ``broken``, ``pack_hit``).
    """
    global _last_stats
    scheduler = resolve_scheduler(scheduler)
    options = dict(workers=workers, scheduler=scheduler, progress=progress, process=process)
    if cache is None:
        pieces = list(_iter_any(docs, settings, **options))
        tables, infos = assemble(pieces, len(docs))
        if finish is not None and len(tables["sentences"]):
            tables["sentences"] = finish[1](tables["sentences"])
        result = CorpusTables(**tables, infos=infos)
        result.stats.misses = len(docs)
        _last_stats = result.stats
        return result

    store = DocumentCache(cache)
    keys = [document_key(doc, settings) for doc in docs]
    doc_ids = [doc.doc_id for doc in docs]
    pid = (pack_id([*doc_ids, "\0finish"], [*keys, finish[0]]) if finish is not None
           else pack_id(doc_ids, keys))
    packed = store.read_pack(pid)
    if packed is not None:
        tables, infos = packed
        _last_stats = store.stats
        return CorpusTables(**tables, infos=infos, stats=store.stats)

    pieces, missing = store.get_many(keys, doc_ids)
    todo = [docs[i] for i in missing]
    # a local pool's workers store their own batches; otherwise they are stored here as they come
    in_workers = _uses_pool(todo, workers=workers, scheduler=scheduler)
    todo_keys = [keys[i] for i in missing]
    for chunk, batch in _iter_any(todo, settings, **options,
                                  store=(store.root, todo_keys, store.stats) if in_workers else None):
        positions = [missing[j] for j in chunk]
        if not in_workers:
            store.put_batch([keys[i] for i in positions], batch)
        pieces.append((positions, batch))
    tables, infos = assemble(pieces, len(docs))
    del pieces
    # The pack's other tables are written in a thread while the sentences are finished here.
    writer = (store.start_pack(pid, {name: tables[name] for name in TABLES if name != "sentences"})
              if store.stats.unstorable == 0 else None)
    try:
        if finish is not None and len(tables["sentences"]):
            tables["sentences"] = finish[1](tables["sentences"])
    except BaseException:
        if writer is not None:
            writer.abandon()
        raise
    result = CorpusTables(**tables, infos=infos, stats=store.stats)
    if writer is not None:
        writer.finish(result.as_dict(), result.infos)
    _last_stats = store.stats
    return result
