"""The label placer's tests on many places at once: numpy arrays instead of a Python loop.

A label of a neuron with many connections tries some fifty places, and each was
tested in Python (is the box free, which labelled lines cross it, does it sit on
its own line): most of a step's time at 10,000 connections. These are the same
tests as arrays, in the same double arithmetic, so they give the same answers:
Qt's `QRectF.intersects`, and the Liang–Barsky clipping of `geometry.crosses`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF

Edges = tuple[float, float, float, float]  # left, top, right, bottom
Segment = tuple[float, float, float, float]  # x1, y1, dx, dy


class Boxes:
    """Boxes of one size at many centres, their edges computed as Qt's `translated` does."""

    def __init__(self, size: QRectF, centres: Sequence[QPointF]) -> None:
        self.width, self.height = size.width(), size.height()
        self.x = np.array([c.x() for c in centres])
        self.y = np.array([c.y() for c in centres])
        self.left, self.top = size.x() + self.x, size.y() + self.y

    def edges(self, margin: float = 0.0) -> tuple[np.ndarray, ...]:
        """Left, top, right, bottom (as columns), grown by `margin` as Qt's `adjusted` grows."""
        left, top = self.left - margin, self.top - margin
        return (
            left[:, None],
            top[:, None],
            (left + (self.width + 2 * margin))[:, None],
            (top + (self.height + 2 * margin))[:, None],
        )


def crossing(segments: np.ndarray, boxes: Boxes, margin: float = 0.0) -> np.ndarray:
    """Which segments (rows x0, y0, dx, dy) pass through which box: boxes × segments."""
    return through(segments, *boxes.edges(margin))


def through(
    segments: np.ndarray, left: np.ndarray, top: np.ndarray, right: np.ndarray, bottom: np.ndarray
) -> np.ndarray:
    """Which segments pass through which rectangle, its edges given as columns (left ≤ right,
    top ≤ bottom): rects × segments."""
    x0, y0, dx, dy = (column[None, :] for column in segments.T)
    return segments_through(x0, y0, dx, dy, left, top, right, bottom)


def segments_through(
    x0: np.ndarray,
    y0: np.ndarray,
    dx: np.ndarray,
    dy: np.ndarray,
    left: np.ndarray,
    top: np.ndarray,
    right: np.ndarray,
    bottom: np.ndarray,
) -> np.ndarray:
    """Whether the segment from (x0, y0) by (dx, dy) passes through the rectangle of these edges
    (left ≤ right, top ≤ bottom), for arrays of any shapes that broadcast together.

    Liang–Barsky as `geometry.segment_crosses` writes it, gathered: along each axis the edge
    with p < 0 raises `low` and the other lowers `high`. Its q / p is (edge − start) / d
    exactly (a sign moved is exact), so `low` along x is the smaller of the two, `high` the
    larger; a segment parallel to an axis only tests that it lies between those edges.
    """
    shape = np.broadcast_shapes(x0.shape, y0.shape, dx.shape, dy.shape, left.shape, top.shape)
    low, high = 0.0, 1.0
    outside = np.zeros(shape, dtype=bool)
    for start, d, first, last in ((x0, dx, left, right), (y0, dy, top, bottom)):
        flat = d == 0
        if flat.any():
            outside |= flat & ((start < first) | (last < start))
        d = np.where(flat, 1.0, d)  # its t is not used
        t1, t2 = (first - start) / d, (last - start) / d
        low = np.maximum(low, np.where(flat, 0.0, np.minimum(t1, t2)))
        high = np.minimum(high, np.where(flat, 1.0, np.maximum(t1, t2)))
    return ~outside & (low <= high)


def segment_of(line: QLineF) -> Segment:
    """A line as the numbers the tests here read: x1, y1, dx, dy (read from Qt once)."""
    return line.x1(), line.y1(), line.dx(), line.dy()


def normal_edges(rect: QRectF) -> Edges | None:
    """A rectangle's edges, left ≤ right and top ≤ bottom; None for an empty one, which (as
    for Qt) overlaps nothing."""
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    left, right = (x + w, x) if w < 0 else (x, x + w)
    top, bottom = (y + h, y) if h < 0 else (y, y + h)
    if left == right or top == bottom:
        return None
    return left, top, right, bottom


def overlaps(
    left: np.ndarray, top: np.ndarray, right: np.ndarray, bottom: np.ndarray, taken: np.ndarray
) -> np.ndarray:
    """Which boxes (edges as vectors) overlap which taken rectangles (rows of edges from
    `normal_edges`), as `QRectF.intersects` says: boxes × taken."""
    return (
        (left[:, None] < taken[None, :, 2])
        & (taken[None, :, 0] < right[:, None])
        & (top[:, None] < taken[None, :, 3])
        & (taken[None, :, 1] < bottom[:, None])
    )


class Leaders:
    """For boxes at many places, each with its own line (x1, y1, dx, dy and dx² + dy², arrays
    that broadcast with the centres): each leader, from the nearest point of the box's edge
    to the point of its line nearest the box's centre."""

    def __init__(
        self,
        x1: np.ndarray,
        y1: np.ndarray,
        dx: np.ndarray,
        dy: np.ndarray,
        length2: np.ndarray,
        x: np.ndarray,
        y: np.ndarray,
        edges: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    ) -> None:
        point = length2 == 0  # a line of no length: its one point
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.clip(((x - x1) * dx + (y - y1) * dy) / length2, 0.0, 1.0)
        self.x = np.where(point, x1, x1 + dx * t)  # as QLineF.pointAt
        self.y = np.where(point, y1, y1 + dy * t)
        left, top, right, bottom = edges
        self.start_x = np.minimum(np.maximum(self.x, left), right)
        self.start_y = np.minimum(np.maximum(self.y, top), bottom)

    @classmethod
    def to_line(cls, line: QLineF, boxes: Boxes) -> Leaders:
        """Leaders of boxes that all belong to one line."""
        x1, y1, dx, dy = (np.float64(v) for v in segment_of(line))
        length2 = np.float64(line.dx() ** 2 + line.dy() ** 2)
        edges = tuple(e[:, 0] for e in boxes.edges())
        return cls(x1, y1, dx, dy, length2, boxes.x, boxes.y, edges)  # type: ignore[arg-type]

    def lengths(self) -> np.ndarray:
        """Each leader's length (C's hypot, as QLineF.length)."""
        return np.hypot(self.x - self.start_x, self.y - self.start_y)

    def line(self, k: int) -> QLineF:
        """The `k`-th leader, from the box to the line."""
        return QLineF(
            float(self.start_x[k]), float(self.start_y[k]), float(self.x[k]), float(self.y[k])
        )
