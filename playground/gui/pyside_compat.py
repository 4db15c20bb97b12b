"""A guard against PySide6 6.12.0 on Python 3.11, which loses references to None and True.

In that combination every call of a Qt method returning void drops one reference
to None that it never took, and every `Signal.emit` one reference to True (on
Python 3.12+ both are immortal, so nothing shows). After a few thousand calls the
count reaches zero and the interpreter aborts ("none_dealloc", "bool_dealloc").
The fix is another PySide6 version (6.11.3 is fine); until then, holding a large
reserve of references keeps them alive for a long session.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

BROKEN_VERSIONS = ("6.12.0",)
# Millions of calls of headroom for about 48 MB of list slots.
RESERVE = ((None, 3_000_000), (True, 2_000_000), (False, 1_000_000))

_reserve: list[object] = []


def pyside_loses_none_references() -> bool:
    """True for the PySide6 / Python combination with the reference-count bug."""
    return PySide6.__version__ in BROKEN_VERSIONS and sys.version_info < (3, 12)


def keep_none_alive() -> bool:
    """Hold many references to None, True and False when the bug is present; True if needed."""
    if not pyside_loses_none_references() or _reserve:
        return False
    for value, count in RESERVE:
        _reserve.extend([value] * count)
    # Never freed, not even when the interpreter shuts down: freeing it would hand the
    # lost references back to None's count at exit, and the abort would happen then.
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(_reserve))
    return True
