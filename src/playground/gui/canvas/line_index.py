"""Which connections' lines pass near a point or through a rectangle, answered by numpy.

A large network's connections are mostly stand-ins without an item (see
connection_line.py), so Qt's own index cannot find them under the mouse; and
its answer for a bias label's neighbourhood came from items too. This index
keeps every drawn line's ends in one array, made again after the lines change.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from PySide6.QtCore import QRectF

from playground.gui.canvas.connection_lines import rows_of
from playground.gui.canvas.connection_look import ConnectionLook

Key = tuple[str, str]


class LineIndex:
    """The lines of `lines` (a live mapping by key), searchable by place."""

    def __init__(self, lines: Mapping[Key, ConnectionLook]) -> None:
        self._lines = lines
        self._keys: list[Key] | None = None  # None: the lines changed since the arrays were made
        self._ends = np.empty((0, 4))

    def invalidate(self) -> None:
        """A line was added, removed or moved."""
        self._keys = None

    def _arrays(self) -> tuple[list[Key], np.ndarray]:
        if self._keys is None:
            self._keys = list(self._lines)
            self._ends = rows_of(self._lines[k].drawn for k in self._keys)
        return self._keys, self._ends

    def near(self, x: float, y: float, reach: float) -> list[Key]:
        """Connections whose line passes within `reach` of (x, y)."""
        keys, ends = self._arrays()
        x1, y1, x2, y2 = ends.T
        dx, dy = x2 - x1, y2 - y1
        squared = dx * dx + dy * dy
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(squared > 0, ((x - x1) * dx + (y - y1) * dy) / squared, 0.0)
        t = np.clip(t, 0.0, 1.0)
        distance = np.hypot(x1 + t * dx - x, y1 + t * dy - y)
        return [keys[i] for i in np.flatnonzero(distance <= reach)]

    def crossing(self, rect: QRectF, margin: float = 0.0) -> list[Key]:
        """Connections whose line's box, grown by `margin`, meets `rect` (a few more than cross it)."""
        keys, ends = self._arrays()
        x1, y1, x2, y2 = ends.T
        meets = (
            (np.minimum(x1, x2) - margin <= rect.right())
            & (np.maximum(x1, x2) + margin >= rect.left())
            & (np.minimum(y1, y2) - margin <= rect.bottom())
            & (np.maximum(y1, y2) + margin >= rect.top())
        )
        return [keys[i] for i in np.flatnonzero(meets)]
