"""Local worker processes, shared by reading (the texts' facts) and processing.

The one place that decides how local processes are started and how many there are:

- :func:`usable_workers` caps a requested number at the cores this process may use and at what the
  free memory allows (:data:`MEMORY_PER_WORKER` each), with a warning when it lowers a number asked for;
- :func:`local_pool` gives a :class:`concurrent.futures.ProcessPoolExecutor`, the same standard
  interface a Dask ``Client.get_executor()`` gives, so local and cluster runs share one code path.

Workers are started with ``spawn``: a fresh interpreter, never a copy of a process whose threads
(NumPy's, Arrow's) may hold locks (``fork`` with threads running is deprecated from Python 3.12); they
import the package but not the user's script (so a script needs no ``__main__`` guard).
A fresh worker imports the package once (about 2 s, measured in the benchmark as
``pool_start_seconds``), so the pool is kept for the life of the process and reused by the next
load with the same number of workers; it is shut down at exit, and a worker whose parent process is
gone ends within :data:`PARENT_CHECK_SECONDS`.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterator

#: Memory set aside per worker when capping ``workers``: a worker's peak on the 1M-token benchmark
#: was below this (see ``worker_peak_rss_mb`` in benchmarks/results.json).
MEMORY_PER_WORKER = 1 << 30
#: A worker checks this often whether the process that started it is still there.
PARENT_CHECK_SECONDS = 0.5

_shared: dict[int, ProcessPoolExecutor] = {}
_lock = threading.Lock()


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _available_memory() -> int | None:
    try:
        import psutil

        return int(psutil.virtual_memory().available)
    except Exception:  # pragma: no cover - psutil is a requirement; without it memory is not capped
        return None


def usable_workers(workers: int | None) -> int:
    """``workers`` (default: every available core), capped at the available cores and at the free
    memory divided by :data:`MEMORY_PER_WORKER` (never below 1); warns when it lowers a number given."""
    cores = available_cores()
    memory = _available_memory()
    cap = cores if memory is None else max(1, min(cores, memory // MEMORY_PER_WORKER))
    wanted = cores if workers is None else int(workers)
    if wanted <= cap:
        return wanted
    if workers is not None:
        why = (f"{cores} available cores" if cap == cores
               else f"{memory / 2**30:.1f} GiB of free memory ({MEMORY_PER_WORKER / 2**30:g} GiB a worker)")
        warnings.warn(f"workers={workers} is more than this machine allows ({why}); using {cap}",
                      RuntimeWarning, stacklevel=3)
    return cap


def _watch_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (its parent changes)."""
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os.kill(os.getpid(), signal.SIGTERM)


def _start_worker(parent: int) -> None:
    """In each worker: Arrow to one thread (the parallelism is across processes) and a watch on the
    parent process."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()
    try:
        import pyarrow

        pyarrow.set_cpu_count(1)
    except ImportError:  # pragma: no cover - pyarrow is a requirement
        pass


class _PackageOnlyProcess(multiprocessing.context.SpawnProcess):
    """A spawned worker that does not run the user's script first.

    ``spawn`` starts each worker by importing the parent's ``__main__`` (a script: its top-level code
    runs again), which is why scripts need the ``if __name__ == "__main__":`` guard: a script that
    calls :func:`discourse.load_corpus` at its top level would start a pool inside every worker and
    fail. The workers run the package's functions only, so the main module is hidden from the
    preparation data while a worker starts: it imports the package and nothing of the script. (Work
    sent to these workers must be the package's or importable by name, never a function of the script.)
    """

    @staticmethod
    def _Popen(process_obj: Any) -> Any:
        main = sys.modules.get("__main__")
        if main is None:
            return multiprocessing.context.SpawnProcess._Popen(process_obj)
        saved_file, saved_spec = main.__dict__.get("__file__", _MISSING), getattr(main, "__spec__", None)
        try:
            main.__dict__.pop("__file__", None)
            main.__spec__ = None
            return multiprocessing.context.SpawnProcess._Popen(process_obj)
        finally:
            main.__spec__ = saved_spec
            if saved_file is not _MISSING:
                main.__file__ = saved_file


class _PackageOnlyContext(multiprocessing.context.SpawnContext):
    Process = _PackageOnlyProcess


_MISSING = object()


def _pool(workers: int) -> ProcessPoolExecutor:
    with _lock:
        pool = _shared.get(workers)
        if pool is None:
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=_PackageOnlyContext(),
                                       initializer=_start_worker, initargs=(os.getpid(),))
            _shared[workers] = pool
        return pool


def shutdown_pools() -> None:
    """Shut down the kept pools (their workers end); the next :func:`local_pool` starts new ones."""
    with _lock:
        pools = list(_shared.values())
        _shared.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def local_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` local processes, kept for the next call with the same number.

    On an error or interruption inside the block the pool is discarded: work not yet started is
    cancelled and its workers are shut down (they may still be busy with the failed run). Workers do
    not run the script that started them (see :class:`_PackageOnlyProcess`), so a script needs no
    ``if __name__ == "__main__":`` guard.
    """
    pool = _pool(workers)
    try:
        yield pool
    except BaseException as exc:
        with _lock:
            if _shared.get(workers) is pool:
                del _shared[workers]
        pool.shutdown(wait=False, cancel_futures=True)
        if isinstance(exc, BrokenProcessPool):
            raise BrokenProcessPool(
                f"{exc} A worker ends so when it runs out of memory or is killed (see the worker's error "
                "above)") from exc
        raise
