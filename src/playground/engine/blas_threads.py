"""How many BLAS threads a training loop uses, chosen by the size of its matrix products.

A second thread pays only when one product is big enough to share: below that
the threads spend their time waking and waiting for each other. And it pays
only on a core nobody else wants: OpenBLAS's threads spin while they wait, so
on a busy machine (other programs on every core) two threads made 2-1024-1024-1
five to fifteen times slower than one (benchmarks/threads.py). So two threads
only for products of at least TWO_THREADS_FROM multiply-adds, and only while
the load average says the other programs leave a core free; one thread else.
Getting it wrong one way costs at most the second thread's gain (under 2×), the
other way up to 15×: hence one thread whenever in doubt (no load average, as on
Windows).

threadpoolctl sets the count through the BLAS library's own call (for
OpenBLAS, `openblas_set_num_threads`), which takes effect at once, where the
environment variables are read only when numpy is first imported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import numpy as np

# Multiply-adds of the largest product (minibatch rows × the level's weight matrix) from which
# two threads beat one on an idle two-core machine: 2-1024-1024-1 at batch 32 (33 M) gains,
# 2-256-256-1 (2.1 M) loses (issue 14's measurement). On a busy machine both lose, by 10–20×
# (benchmarks/threads.py): the load average below guards that side.
TWO_THREADS_FROM = 16_000_000
# Cores that must be free of other programs' work for a second thread: one for it, and half
# a core of margin, since the load average trails what happens now.
SPARE_CORES = 1.5

_libraries: list | None = None  # threadpoolctl's controllers of the BLAS libraries numpy loaded
_most = 1  # the most threads BLAS would start by itself: its count when first looked at
_inside: int | None = None  # the count an enclosing `threads_for` has set, if any
_last_threads = 1  # the count the last training used


def largest_product(rows: int, weights: Iterable[np.ndarray]) -> int:
    """The multiply-adds of the largest (rows × sources) · (sources × neurons) product."""
    return rows * max((matrix.size for matrix in weights), default=0)


def threads_for_work(multiply_adds: int, cores: int, others_load: float | None) -> int:
    """The BLAS threads for products of this size: two when a product is big enough and the
    other programs (their load, None when unknown) leave one core and a half free; else one."""
    if multiply_adds < TWO_THREADS_FROM or cores < 2 or others_load is None:
        return 1
    return 2 if others_load <= cores - SPARE_CORES else 1


def others_load() -> float | None:
    """The load average of the last minute without this process's own training threads."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows has no load average
        return None
    # The training that ran before this one kept about that many threads busy.
    return max(0.0, load - _last_threads)


def _blas_libraries() -> list:
    global _libraries, _most
    if _libraries is None:
        try:
            from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]
        except ImportError:  # installed without its dependencies: BLAS keeps its own count
            _libraries = []
        else:
            controller = ThreadpoolController()
            _libraries = [c for c in controller.lib_controllers if c.user_api == "blas"]
            # OPENBLAS_NUM_THREADS=1 (or a busy machine's administrator) caps it: respected.
            _most = max((library.get_num_threads() for library in _libraries), default=1)
    return _libraries


def available_threads() -> int:
    """The most threads BLAS would start by itself (one per core, unless capped when started)."""
    _blas_libraries()
    return _most


@contextmanager
def threads_for(multiply_adds: int) -> Iterator[int]:
    """Run the body with the BLAS thread count for this work, then put the count back.

    Nested uses cost nothing when they want the count already set: the app's training
    slices and the trainer's loop inside them ask the same thing hundreds of times a second.
    """
    global _inside, _last_threads
    libraries = _blas_libraries()
    cores = available_threads()
    # The load average is read only for work big enough to use it: a small network pays nothing.
    load = others_load() if multiply_adds >= TWO_THREADS_FROM and cores >= 2 else None
    wanted = _last_threads = threads_for_work(multiply_adds, cores, load)
    if _inside == wanted or not libraries:
        yield wanted
        return
    before = [library.get_num_threads() for library in libraries]
    outer, _inside = _inside, wanted
    try:
        for library in libraries:
            library.set_num_threads(wanted)
        yield wanted
    finally:
        for library, count in zip(libraries, before):
            library.set_num_threads(count)
        _inside = outer
