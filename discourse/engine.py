"""Running :func:`~discourse.pipeline.process_document` over a corpus: serially, in local processes, or
on a Dask cluster, with the Parquet cache of :mod:`discourse.cache` in front.

:func:`process_corpus` is what :func:`~discourse.pipeline.build_corpus` calls. It looks every
document up in the cache (a whole-corpus pack first, then document by document), processes only the
misses, stores them, and concatenates each table once. Results are in the documents' order whatever
ran them, and equal to a serial run.

Options (``load_corpus`` passes them through):

- ``workers``: ``None`` uses every local core (``os.cpu_count()``), ``1`` runs serially. Fewer than
  :data:`SERIAL_BELOW` documents to process always run serially (a process pool costs more to start).
- ``scheduler``: a Dask scheduler address (``tcp://host:8786``); default: the environment variable
  ``DISCOURSE_SCHEDULER``, if set. The workers of the cluster need ``discourse`` installed.
- ``progress``: ``None`` shows a bar for more than :data:`PROGRESS_ABOVE` documents when stderr is a
  terminal; ``True``/``False`` force it.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import sys
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

import pandas as pd

from .cache import TABLES, CacheStats, DocumentCache, document_key, pack_id
from .errors import ParameterError
from .validate import check_positive_int

if TYPE_CHECKING:  # pragma: no cover
    from .load import Document
    from .pipeline import DocumentTables

#: Environment variable naming the default Dask scheduler address.
SCHEDULER_ENV = "DISCOURSE_SCHEDULER"
#: Fewer documents than this to process run serially.
SERIAL_BELOW = 4
#: ``progress=None`` shows a bar above this many documents to process (on a terminal).
PROGRESS_ABOVE = 20

Process = Callable[["Document", dict], "DocumentTables"]
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


def combine(results: Sequence["DocumentTables"]) -> CorpusTables:
    """Concatenate the documents' tables (in order) into :class:`CorpusTables`."""
    from .corpus import (DIRECTIVE_COLUMNS, PEOPLE_COLUMNS, REMOVED_COLUMNS, SENTENCE_COLUMNS,
                         TOKEN_COLUMNS, empty_frame)

    columns = {"sentences": SENTENCE_COLUMNS, "tokens": TOKEN_COLUMNS,
               "directives": DIRECTIVE_COLUMNS, "removed": REMOVED_COLUMNS, "people": PEOPLE_COLUMNS}
    tables = {}
    for name in TABLES:
        frames = [f for f in (getattr(r, name) for r in results) if len(f)]
        tables[name] = (pd.concat(frames, ignore_index=True) if frames
                        else empty_frame(columns[name]))
    return CorpusTables(**tables, infos=[r.info for r in results])


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
def _default_process() -> Process:
    from . import pipeline

    return pipeline.process_document


def _process_chunk(docs: Sequence["Document"], settings: dict,
                   process: Process | None = None) -> list["DocumentTables"]:
    process = process or _default_process()
    return [process(doc, settings) for doc in docs]


def _import_processing() -> None:
    """Import the processing modules (a forked worker inherits them instead of importing again).

    The tokenizers, tagger and dictionaries load on first use and then stay loaded in each worker
    process for all its chunks.
    """
    from . import clean, directives, tokenize, voices  # noqa: F401


def _one_thread_each() -> None:
    """Keep Arrow's thread pool to one thread in a worker: the parallelism is across processes."""
    try:
        import pyarrow

        pyarrow.set_cpu_count(1)
    except ImportError:  # pragma: no cover - pyarrow is a requirement
        pass


def _chunks(docs: Sequence["Document"], n_chunks: int) -> list[list[int]]:
    """Document indices in ``n_chunks`` chunks of similar total length.

    Longest documents first, each to the chunk with the least text so far (greedy longest-processing-
    time scheduling), so that no worker is left with a chunk of long documents at the end. Within a
    chunk the documents keep their order; chunks are returned heaviest first.
    """
    import heapq

    n_chunks = max(1, min(n_chunks, len(docs)))
    heap = [(0, k) for k in range(n_chunks)]
    members: list[list[int]] = [[] for _ in range(n_chunks)]
    for i in sorted(range(len(docs)), key=lambda i: -len(docs[i].text)):
        load, k = heapq.heappop(heap)
        members[k].append(i)
        heapq.heappush(heap, (load + len(docs[i].text), k))
    sizes = {k: load for load, k in heap}
    order = sorted(range(n_chunks), key=lambda k: -sizes[k])
    return [sorted(members[k]) for k in order if members[k]]


def _progress_bar(total: int, progress: bool | None) -> Any:
    show = progress if progress is not None else (total > PROGRESS_ABOVE and sys.stderr.isatty())
    if not show:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", desc="processing", file=sys.stderr)


def iter_serial(docs: Sequence["Document"], settings: dict, *,
                process: Process | None = None) -> Iterator[tuple[int, "DocumentTables"]]:
    """Process ``docs`` one after another; yield ``(index, tables)``."""
    process = process or _default_process()
    for i, doc in enumerate(docs):
        yield i, process(doc, settings)


def iter_local(docs: Sequence["Document"], settings: dict, *, workers: int,
               process: Process | None = None) -> Iterator[tuple[int, "DocumentTables"]]:
    """Process ``docs`` in ``workers`` local processes; yield ``(index, tables)`` as chunks finish."""
    chunks = _chunks(docs, workers * 4)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if sys.platform == "linux" and "fork" in methods
                                          else None)
    if process is None:
        _import_processing()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_one_thread_each) as pool:
        pending = {pool.submit(_process_chunk, [docs[i] for i in chunk], settings, process): chunk
                   for chunk in chunks}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = pending.pop(future)
                yield from zip(chunk, future.result())


def iter_dask(docs: Sequence["Document"], settings: dict, *, scheduler: str,
              process: Process | None = None) -> Iterator[tuple[int, "DocumentTables"]]:
    """Process ``docs`` on the Dask cluster at ``scheduler``; yield ``(index, tables)`` as batches finish.

    The cluster is left running; only this client is closed.
    """
    from dask.distributed import Client, as_completed

    with Client(scheduler, set_as_default=False) as client:
        threads = sum(client.nthreads().values()) or 1
        chunks = _chunks(docs, threads * 4)
        futures = client.map(_process_chunk, [[docs[i] for i in c] for c in chunks],
                             settings=settings, process=process, pure=False)
        where = {f.key: c for f, c in zip(futures, chunks)}
        for future in as_completed(futures, loop=client.loop):
            tables = future.result()
            chunk = where.pop(future.key)
            future.release()
            yield from zip(chunk, tables)


def run_documents(docs: Sequence["Document"], settings: dict, *, workers: int | None = None,
                  scheduler: str | None = None, progress: bool | None = None,
                  process: Process | None = None) -> list["DocumentTables"]:
    """Process ``docs`` without the cache; the tables in the documents' order.

    Parameters
    ----------
    docs : sequence of Document
    settings : dict
        From :func:`~discourse.pipeline.default_settings`.
    workers, scheduler, progress
        See the module docstring.
    process : callable, optional
        ``process(doc, settings) -> DocumentTables``; default
        :func:`~discourse.pipeline.process_document`.

    Returns
    -------
    list of DocumentTables
    """
    out: list[Any] = [None] * len(docs)
    for i, tables in _iter_any(docs, settings, workers=workers, scheduler=resolve_scheduler(scheduler),
                               progress=progress, process=process):
        out[i] = tables
    return out


def _iter_any(docs: Sequence["Document"], settings: dict, *, workers: int | None, scheduler: str | None,
              progress: bool | None, process: Process | None) -> Iterator[tuple[int, "DocumentTables"]]:
    if not docs:
        return
    if scheduler:
        source = iter_dask(docs, settings, scheduler=scheduler, process=process)
    elif resolve_workers(workers) > 1 and len(docs) >= SERIAL_BELOW:
        source = iter_local(docs, settings, workers=min(resolve_workers(workers), len(docs)),
                            process=process)
    else:
        source = iter_serial(docs, settings, process=process)
    bar = None
    try:
        for n, item in enumerate(source):
            if n == 0:  # after the pool has started its processes
                bar = _progress_bar(len(docs), progress)
                if bar is not None:
                    bar.update(0)
            if bar is not None:
                bar.update(1)
            yield item
    finally:
        if bar is not None:
            bar.close()


# ---------------------------------------------------------------------------------------- with cache
def process_corpus(docs: Sequence["Document"], settings: dict, *, workers: int | None = None,
                   scheduler: str | None = None, cache: str | Path | None = None,
                   progress: bool | None = None, process: Process | None = None) -> CorpusTables:
    """Process a corpus through the cache: only documents not stored under their key are processed.

    Parameters
    ----------
    docs : sequence of Document
    settings : dict
        From :func:`~discourse.pipeline.default_settings` (part of every key).
    workers, scheduler, progress
        See the module docstring.
    cache : str or Path, optional
        The cache folder (see :func:`discourse.cache.resolve_cache_dir`); None: no cache.
    process : callable, optional
        As in :func:`run_documents`.

    Returns
    -------
    CorpusTables
        ``sentences, tokens, directives, removed, people`` in the documents' order, ``infos`` and the
        cache ``stats`` (``hits``, ``misses``, ``writes``, ``broken``, ``pack_hit``).
    """
    global _last_stats
    scheduler = resolve_scheduler(scheduler)
    if cache is None:
        result = combine(run_documents(docs, settings, workers=workers, scheduler=scheduler,
                                       progress=progress, process=process))
        result.stats.misses = len(docs)
        _last_stats = result.stats
        return result

    store = DocumentCache(cache)
    keys = [document_key(doc, settings) for doc in docs]
    doc_ids = [doc.doc_id for doc in docs]
    pid = pack_id(doc_ids, keys)
    packed = store.read_pack(pid)
    if packed is not None:
        tables, infos = packed
        _last_stats = store.stats
        return CorpusTables(**tables, infos=infos, stats=store.stats)

    results: list[Any] = [store.get(key, doc_id) for key, doc_id in zip(keys, doc_ids)]
    missing = [i for i, r in enumerate(results) if r is None]
    todo = [docs[i] for i in missing]
    for j, tables in _iter_any(todo, settings, workers=workers, scheduler=scheduler,
                               progress=progress, process=process):
        i = missing[j]
        results[i] = tables
        store.put(keys[i], tables)
    result = combine(results)
    del results
    result.stats = store.stats
    if store.stats.unstorable == 0:
        store.write_pack(pid, result.as_dict(), result.infos)
    _last_stats = store.stats
    return result
