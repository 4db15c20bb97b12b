"""Which side of a neuron its bias label and output picture go: where the fewest lines cross.

A neuron's connections leave it in every direction its neighbours lie; a label
put where one of them passes is crossed out. Each decoration tries its sides in
order of preference and takes the first with the fewest crossings (and no other
neuron under it); a later decoration does not take a side an earlier one holds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF

SIDES = ("below", "above", "below_right", "above_right", "below_left", "above_left")
SIDES += ("right", "left")
GAP = 1.0  # between the body and a decoration


def side_rect(side: str, size: QSizeF, half_width: float, top: float, bottom: float) -> QRectF:
    """A decoration's rectangle beside a body reaching from -half_width to half_width, and from
    `top` to `bottom`, in the neuron's coordinates."""
    if side not in SIDES:
        raise KeyError(side)
    w, h = size.width(), size.height()
    # Only the side asked for is worked out: a large network lays out a thousand neurons at once.
    if side == "right" or side == "left":
        x = half_width + GAP if side == "right" else -half_width - GAP - w
        return QRectF(x, (top + bottom) / 2 - h / 2, w, h)
    y = bottom + GAP if side.startswith("below") else top - GAP - h
    if side.endswith("_right"):
        # The diagonal sides sit off the corner, half over the body's edge.
        x = half_width * 0.6
    elif side.endswith("_left"):
        x = -half_width * 0.6 - w
    else:
        x = -w / 2
    return QRectF(x, y, w, h)


def choose_side(
    centre: QPointF,
    rects: dict[str, QRectF],
    lines: Sequence[QLineF],
    obstacles: Sequence[QRectF],
    order: Sequence[str],
) -> str:
    """The side in `order` whose rectangle (neuron coordinates around `centre`) the fewest
    lines cross; a side over an obstacle (another neuron, a decoration) counts as badly crossed."""
    # All lines at once: a neuron of a dense network has hundreds of lines nearby.
    ends = np.array([(ln.x1(), ln.y1(), ln.dx(), ln.dy()) for ln in lines]).reshape(-1, 4)
    best, best_cost = order[0], None
    for side in order:
        rect = rects[side].translated(centre)
        cost = int(crossings(ends, rect).sum())
        cost += 100 * sum(1 for other in obstacles if other.intersects(rect))
        if best_cost is None or cost < best_cost:
            best, best_cost = side, cost
            if cost == 0:
                break
    return best


def crossings(ends: np.ndarray, rect: QRectF) -> np.ndarray:
    """`crosses` for many segments at once, rows of (x0, y0, dx, dy): which cross the rectangle."""
    x0, y0, dx, dy = ends.T
    low, high = np.zeros(len(ends)), np.ones(len(ends))
    inside = np.ones(len(ends), dtype=bool)
    for p, q in (
        (-dx, x0 - rect.left()),
        (dx, rect.right() - x0),
        (-dy, y0 - rect.top()),
        (dy, rect.bottom() - y0),
    ):
        parallel = p == 0.0
        inside &= ~(parallel & (q < 0.0))
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        low = np.where(~parallel & (p < 0.0), np.maximum(low, t), low)
        high = np.where(~parallel & (p > 0.0), np.minimum(high, t), high)
    return inside & (low <= high)
