"""A pool of local worker processes, shared by reading (the texts' facts) and processing.

The one place that decides how local processes are started; see :func:`local_pool`.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator


def _one_thread_each() -> None:
    """Keep Arrow's thread pool to one thread in a worker: the parallelism is across processes."""
    try:
        import pyarrow

        pyarrow.set_cpu_count(1)
    except ImportError:  # pragma: no cover - pyarrow is a requirement
        pass


@contextlib.contextmanager
def local_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` local processes, started now (forked where the platform allows).

    The processes are forked with the objects that exist now moved out of the collector's reach for
    the moment (``gc.freeze``): a worker's collections then never walk the heap it inherited, which
    would copy its memory pages one by one (copy-on-write) for nothing. Each worker keeps Arrow to one
    thread. The pool is shut down (its processes joined) on leaving the block.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if sys.platform == "linux" and "fork" in methods
                                          else None)
    frozen = context.get_start_method() == "fork"
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_one_thread_each) as pool:
        if frozen:
            gc.freeze()
        try:
            pool.submit(int)  # the first submit starts the processes
        finally:
            if frozen:
                gc.unfreeze()
        yield pool
