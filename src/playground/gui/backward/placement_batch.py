"""Many connection labels placed in one go: their candidate places tested together as arrays.

A step at 10,000 connections labels two dozen connections, each trying some fifty
places. Tested label by label, the small numpy calls cost more than the sums: most
of the step. A batch tests every candidate of every label at once against what is
already taken and against the labelled lines; then it places the labels one by one,
in the caller's order, testing each only against the few labels placed since. The
choices are those of placing them one by one: the same tests in the same double
arithmetic (`placement_arrays`), the same costs, the same order of candidates.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF

from playground.gui.backward.placement_arrays import (
    Leaders,
    overlaps,
    segment_of,
    segments_through,
)
from playground.gui.backward.placement_script import NOT_SCRIPTED
from playground.gui.canvas.geometry import crosses

if TYPE_CHECKING:  # the placer makes batches; a batch places into its placer
    from playground.gui.backward.label_placement import LabelPlacer

LEADER_GAP = 10.0  # between a line and a label pushed off it, to leave room for the leader


@dataclass(frozen=True)
class Spot:
    """A label's centre, and where its leader meets its line (None: the label sits on its line)."""

    centre: QPointF
    anchor: QPointF | None = None


def _numbers_of(spot: Spot | None) -> tuple[float, ...] | None:
    """A spot as plain numbers to keep (see placement_script.py): centre, then anchor."""
    if spot is None:
        return None
    centre, anchor = spot.centre, spot.anchor
    if anchor is None:
        return centre.x(), centre.y()
    return centre.x(), centre.y(), anchor.x(), anchor.y()


def _spot_from(numbers: object) -> Spot | None:
    """The spot `_numbers_of` kept."""
    if numbers is None:
        return None
    x, y, *anchor = numbers  # type: ignore[misc]
    return Spot(QPointF(x, y), QPointF(*anchor) if anchor else None)


# A label to place: the size of its box (centred on 0, 0), its line, and where along it to try.
Request = tuple[QRectF, QLineF, Sequence[float]]


def candidate_offsets(size: QRectF, line: QLineF) -> tuple[float, float, tuple[float, ...]]:
    """The unit normal of `line` and the distances from it to try, for a box of `size`: on the
    line, just beside it (still touching), then off it (needing a leader)."""
    length = line.length() or 1.0
    nx, ny = -line.dy() / length, line.dx() / length
    # How far the box reaches across the line from its centre.
    reach = abs(nx) * size.width() / 2 + abs(ny) * size.height() / 2
    return nx, ny, (0.0, 0.7 * reach, reach + LEADER_GAP, 2 * reach + 2 * LEADER_GAP)


def candidate_arrays(requests: Sequence[Request]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Every label's candidate centres (x, y) one label after the other, and where each label's
    start (with the end last): on the line first (at each place along it), then beside it and
    off it, both sides each.

    Computed as arrays, labels of the same places along at once, in the arithmetic of Qt's
    `QLineF.pointAt` and of the point-by-point sums it replaced.
    """
    counts = [len(along) * (1 + 2 * 3) for _, _, along in requests]  # 4 distances, 3 two-sided
    first = [0, *itertools.accumulate(counts)]
    x, y = np.empty(first[-1]), np.empty(first[-1])
    by_along: dict[tuple[float, ...], list[int]] = {}
    for k, (_, _, along) in enumerate(requests):
        by_along.setdefault(tuple(along), []).append(k)
    sides = np.array([1.0, -1.0])
    for along, labels in by_along.items():
        if not along:
            continue  # nowhere to try
        t = np.array(along, dtype=float)
        lines = [requests[k][1] for k in labels]
        x1, y1, dx, dy = np.array([segment_of(line) for line in lines]).T
        normals = [candidate_offsets(requests[k][0], requests[k][1]) for k in labels]
        nx, ny = np.array([n[:2] for n in normals]).T
        offsets = np.array([n[2] for n in normals])[:, :, None, None]  # labels × distances
        # On the line only one side: the other would be the same place again.
        keep = np.ones((4, len(along), 2), dtype=bool)
        keep[0, :, 1] = False
        places = np.array([first[k] for k in labels])[:, None] + np.arange(counts[labels[0]])
        for out, start, d, n in ((x, x1, dx, nx), (y, y1, dy, ny)):
            on_line = (start[:, None] + d[:, None] * t)[:, None, :, None]
            beside = (sides * n[:, None])[:, None, None, :] * offsets
            out[places] = (on_line + beside).reshape(len(labels), -1)[:, keep.ravel()]
    return x, y, first


def candidate_centres(size: QRectF, line: QLineF, along: Sequence[float]) -> list[QPointF]:
    """One label's candidate centres, in the order they are tried (see `candidate_arrays`)."""
    x, y, _ = candidate_arrays([(size, line, along)])
    return [QPointF(a, b) for a, b in zip(x.tolist(), y.tolist(), strict=True)]


class PlacementBatch:
    """Labels' candidate places, tested against what `placer` holds now; `spot` places one."""

    def __init__(self, placer: LabelPlacer, requests: Sequence[Request]) -> None:
        self.placer = placer
        self.requests = list(requests)
        self._tested = False  # the candidates are tested at the first label not scripted

    def _test_candidates(self) -> None:
        self._tested = True
        placer = self.placer
        self.since = len(placer.taken)  # what is taken after this is tested in `spot`
        # Each label's candidates follow the last's: label k's from first[k] to first[k + 1].
        self.x, self.y, self.first = candidate_arrays(self.requests)
        counts = np.diff(self.first)
        # Each candidate's label's numbers, repeated for its candidates.
        sizes = np.array([size.getRect() for size, _, _ in self.requests]).reshape(-1, 4)
        own = np.array([segment_of(line) for _, line, _ in self.requests]).reshape(-1, 4)
        self.label = np.repeat(np.arange(len(self.requests)), counts)
        size_x, size_y, self.width, self.height = (np.repeat(c, counts) for c in sizes.T)
        # Box edges as Qt's `translated` makes them, and as `adjusted` grows them.
        self.left, self.top = size_x + self.x, size_y + self.y
        self.right, self.bottom = self.left + self.width, self.top + self.height
        self.free = self._free_of_taken()
        self.crossings = self._crossing_counts(own)
        margin_left, margin_top = self.left - 1.0, self.top - 1.0
        self.on_line = segments_through(
            *(np.repeat(c, counts) for c in own.T),
            margin_left,
            margin_top,
            margin_left + (self.width + 2.0),
            margin_top + (self.height + 2.0),
        )
        lengths2 = [line.dx() ** 2 + line.dy() ** 2 for _, line, _ in self.requests]
        self.leaders = Leaders(
            *(np.repeat(c, counts) for c in own.T),
            np.repeat(np.array(lengths2, dtype=float), counts),
            self.x,
            self.y,
            (self.left, self.top, self.right, self.bottom),
        )
        # Cost: the labelled lines a box covers; off its line, 1 more and its leader's length
        # in thousands (added in the order the one-by-one placer added them).
        self.cost = self.crossings + np.where(
            self.on_line, 0.0, 1.0 + self.leaders.lengths() / 1000
        )

    def _free_of_taken(self) -> np.ndarray:
        """Which candidate boxes overlap nothing taken now (as `QRectF.intersects`)."""
        free = np.ones(self.x.shape[0], dtype=bool)
        taken = self.placer.edge_array()
        if not taken.shape[0] or not self.x.shape[0]:
            return free
        for k in range(len(self.requests)):
            rows = slice(self.first[k], self.first[k + 1])
            if rows.start == rows.stop or not (self.width[rows.start] and self.height[rows.start]):
                continue  # an empty box overlaps nothing
            left, top = self.left[rows], self.top[rows]
            right, bottom = self.right[rows], self.bottom[rows]
            # Only what meets the label's candidates at all is tested box by box.
            near = taken[
                (taken[:, 0] < right.max())
                & (left.min() < taken[:, 2])
                & (taken[:, 1] < bottom.max())
                & (top.min() < taken[:, 3])
            ]
            if near.shape[0]:
                free[rows] = ~overlaps(left, top, right, bottom, near).any(axis=1)
        return free

    def _crossing_counts(self, own: np.ndarray) -> np.ndarray:
        """How many labelled lines (not the label's own, nor one drawn the same) cross each box."""
        lines = self.placer.segment_array()
        if not lines.shape[0]:
            return np.zeros(self.x.shape[0])
        x0, y0, dx, dy = (column[None, :] for column in lines.T)
        edges = (e[:, None] for e in (self.left, self.top, self.right, self.bottom))
        crossed = segments_through(x0, y0, dx, dy, *edges)
        is_own = (lines[None, :, :] == own[:, None, :]).all(axis=2)  # labels × lines
        crossed &= ~is_own[self.label]
        return crossed.sum(axis=1).astype(float)

    def spot(self, k: int) -> Spot | None:
        """The cheapest free place for label `k` (taken), with its leader if it sits off its
        line; None if there is none. Of equal costs the first candidate.

        A leader through another label or a neuron would mislead: such a place is passed over.
        Where the placer has a script, its choice for the same label is taken as it was.
        """
        size, line, along = self.requests[k]
        asked = hash(("spot", size.getRect(), segment_of(line), tuple(along)))
        chosen = self.placer.scripted(asked)
        if chosen is NOT_SCRIPTED:
            if not self._tested:
                self._test_candidates()
            spot = self._search(k)
        else:
            spot = _spot_from(chosen)
            if spot is not None:
                self.placer.block(size.translated(spot.centre))
        self.placer.record.append((asked, _numbers_of(spot)))
        return spot

    def _search(self, k: int) -> Spot | None:
        rows = slice(self.first[k], self.first[k + 1])
        free = self.free[rows].copy()
        placed = [e for e in self.placer.edges_since(self.since) if e is not None]
        if placed and self.width[rows.start] and self.height[rows.start]:
            edges = (a[rows] for a in (self.left, self.top, self.right, self.bottom))
            free &= ~overlaps(*edges, np.array(placed)).any(axis=1)
        options = np.flatnonzero(free)
        options = options[np.argsort(self.cost[rows][options], kind="stable")]
        size = self.requests[k][0]
        for option in options.tolist():
            row = rows.start + option
            centre = QPointF(float(self.x[row]), float(self.y[row]))
            if self.on_line[row]:
                spot = Spot(centre)
            else:
                leader = self.leaders.line(row)
                reach = QRectF(leader.p1(), leader.p2()).normalized()
                if any(crosses(leader, other) for other in self.placer.near(reach)):
                    continue
                spot = Spot(centre, leader.p2())
            self.placer.block(size.translated(centre))
            return spot
        return None
