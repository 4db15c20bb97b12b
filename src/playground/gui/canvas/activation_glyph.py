"""The small curve of a neuron's activation, drawn inside its body under its name."""

from __future__ import annotations

from functools import cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from playground.engine.activations import ACTIVATION_FUNCTIONS

# The curve's box, around its own centre; the neuron puts that centre under its name, inside
# the body (where the circle is still wide enough for it).
CURVE = QRectF(-8.0, -4.0, 16.0, 8.0)
BELOW_CENTRE = 8.0  # from the neuron's centre down to the curve's
NAME_LIFT = 6.0  # the name moves up this much to make room
Z_RANGE = 4.0  # as the Inspector's plot
POINTS = 25


def glyph_samples(activation: str) -> tuple[np.ndarray, np.ndarray]:
    """z and f(z) the curve goes through."""
    z = np.linspace(-Z_RANGE, Z_RANGE, POINTS)
    return z, ACTIVATION_FUNCTIONS[activation].f(z)


@cache
def glyph_path(activation: str) -> QPainterPath:
    """The curve of f over z in [−4, 4], scaled to fill CURVE (y grows downwards, as on screen)."""
    z, y = glyph_samples(activation)
    low, high = float(y.min()), float(y.max())
    span = high - low or 1.0

    def point(zv: float, yv: float) -> QPointF:
        x = CURVE.left() + (zv + Z_RANGE) / (2 * Z_RANGE) * CURVE.width()
        return QPointF(x, CURVE.bottom() - (yv - low) / span * CURVE.height())

    path = QPainterPath(point(z[0], y[0]))
    for zv, yv in zip(z[1:], y[1:], strict=True):
        path.lineTo(point(zv, yv))
    return path
