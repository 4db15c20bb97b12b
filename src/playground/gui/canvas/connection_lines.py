"""Every connection's drawn line at once, for a scene building thousands of connections.

`ConnectionItem.adjust` finds one line in Python, from border to border of its
neurons (`neuron_shape.border_reach`); for ten thousand connections that took
a third of a load. Here the same arithmetic runs over arrays, with numpy.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from playground.gui.canvas import neuron_shape

# One end of a connection: its neuron's centre (x, y), role and half width.
End = tuple[float, float, str, float]


def connection_lines(
    sources: Sequence[End], targets: Sequence[End]
) -> list[tuple[float, float, float, float]]:
    """Each connection's (x1, y1, x2, y2), as `ConnectionItem.adjust` draws it."""
    if not sources:
        return []
    ax, ay, a_input, a_half = _columns(sources)
    bx, by, b_input, b_half = _columns(targets)
    dx, dy = bx - ax, by - ay
    length = np.hypot(dx, dy)
    apart = length >= 1e-9  # neurons on one spot: centre to centre, as adjust draws them
    safe = np.where(apart, length, 1.0)
    ux, uy = dx / safe, dy / safe
    out = np.where(apart, neuron_shape.border_reaches(a_input, a_half, ux, uy) + 1.0, 0.0)
    back = np.where(apart, neuron_shape.border_reaches(b_input, b_half, -ux, -uy) + 1.0, 0.0)
    lines = np.column_stack((ax + ux * out, ay + uy * out, bx - ux * back, by - uy * back))
    return [tuple(row) for row in lines.tolist()]


def _columns(ends: Sequence[End]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    x, y, role, half = zip(*ends, strict=True)
    is_input = np.array([r == "input" for r in role])
    return np.array(x, float), np.array(y, float), is_input, np.array(half, float)
