"""C += Aᵀ·B in one BLAS call, for the SGD step of a wide level's weights.

numpy's matmul always writes a fresh product (BLAS's beta = 0), so a weights' step is a
product into a gradient array and then a pass adding it to the weights; OpenBLAS also
clears the output before a beta = 0 product. At 1024 × 1024 weights that is three passes
over 8 MB around a product of only 32 rows. Asking the BLAS numpy already loaded for
C ← Aᵀ·B + C (beta = 1) does it in one, with the same numbers: at 2-1024-1024-1 (batch 32,
one thread) the product and the update took 2.2-3.4 ms a step, the one call 1.6-2.1 ms,
and the weights came out bitwise equal.

Only where the call is certain: numpy's OpenBLAS with 64-bit integers (the `64_` symbols
numpy's own wheels carry), found through threadpoolctl as `blas_threads` finds it, and
arrays whose rows are contiguous. Anywhere else `add_product` does the same with numpy.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

import numpy as np

_ROW_MAJOR, _NO_TRANSPOSE, _TRANSPOSE = 101, 111, 112
_routines: dict[np.dtype, Callable[..., None]] | None = None  # cblas ?gemm by dtype, once looked up


def _load() -> dict[np.dtype, Callable[..., None]]:
    """The ILP64 cblas_dgemm and cblas_sgemm of the OpenBLAS numpy loaded, or nothing."""
    try:
        from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]
    except ImportError:  # installed without its dependencies: numpy does the products
        return {}
    controllers = ThreadpoolController().lib_controllers
    found: dict[np.dtype, Callable[..., None]] = {}
    for controller in controllers:
        prefix = getattr(controller, "_symbol_prefix", None)
        suffix = getattr(controller, "_symbol_suffix", None)
        # Only the 64_ symbols: their integers are 64 bits for sure; a plain name may be either.
        if controller.internal_api != "openblas" or suffix != "64_" or prefix is None:
            continue
        integer, real = ctypes.c_int64, {np.float64: ctypes.c_double, np.float32: ctypes.c_float}
        for dtype, letter in ((np.float64, "d"), (np.float32, "s")):
            routine = getattr(controller.dynlib, f"{prefix}cblas_{letter}gemm{suffix}", None)
            if routine is None:
                continue
            scalar = real[dtype]
            pointer = ctypes.c_void_p
            routine.argtypes = [ctypes.c_int] * 3 + [integer] * 3 + [scalar, pointer, integer]
            routine.argtypes += [pointer, integer, scalar, pointer, integer]
            routine.restype = None
            found[np.dtype(dtype)] = routine
        break
    return found


def _rows(array: np.ndarray) -> int | None:
    """The leading dimension of a 2-D array whose rows are contiguous, else None."""
    item = array.itemsize
    if array.ndim != 2 or array.strides[1] != item or array.strides[0] % item:
        return None
    leading = array.strides[0] // item
    return leading if leading >= max(array.shape[1], 1) else None


def add_product(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    """c += aᵀ·b, with a (k × m), b (k × n), c (m × n): in place, one BLAS call where it can."""
    global _routines
    if _routines is None:
        _routines = _load()
    routine = _routines.get(c.dtype)
    leading = [_rows(array) for array in (a, b, c)]
    if (
        routine is None
        or a.dtype != c.dtype
        or b.dtype != c.dtype
        or None in leading
        or not c.flags.writeable
        or 0 in a.shape + b.shape
    ):
        c += a.T @ b
        return
    k, m = a.shape
    n = b.shape[1]
    lda, ldb, ldc = leading
    routine(
        _ROW_MAJOR,
        _TRANSPOSE,
        _NO_TRANSPOSE,
        m,
        n,
        k,
        1.0,
        a.ctypes.data,
        lda,
        b.ctypes.data,
        ldb,
        1.0,
        c.ctypes.data,
        ldc,
    )
