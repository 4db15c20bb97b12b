"""Where to put a label so that it covers no neuron and no other label: a greedy first fit.

Pure geometry (rectangles and lines, no scene): each label is placed once, in
the order the caller gives (the most important first), at the first candidate
position where it overlaps nothing already placed. Among the free candidates
it prefers one that covers no other labelled connection's line, so that where
two lines cross, each box sits on its own line and cannot be read as the
other's. A label pushed off its line gets a leader back to it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF

from playground.gui.backward.placement_arrays import (
    Boxes,
    Edges,
    Leaders,
    crossing,
    normal_edges,
    overlapping,
)
from playground.gui.canvas.geometry import crosses

# Positions along a connection to try. The middle comes third: it is where the lines of a layered
# network cross, and a label there could belong to either.
ALONG = (0.62, 0.38, 0.5, 0.72, 0.28, 0.8, 0.2)
LEADER_GAP = 10.0  # between a line and a label pushed off it, to leave room for the leader
CELL = 80.0  # side of the grid cells that index what is taken


@dataclass(frozen=True)
class Spot:
    """A label's centre, and where its leader meets its line (None: the label sits on its line)."""

    centre: QPointF
    anchor: QPointF | None = None


def overlap_area(rect: QRectF, others: Iterable[QRectF]) -> float:
    """How much of `others` (summed) `rect` covers."""
    total = 0.0
    for other in others:
        common = rect.intersected(other)
        if not common.isEmpty():
            total += common.width() * common.height()
    return total


def _cells(rect: QRectF) -> Iterable[tuple[int, int]]:
    left, right = math.floor(rect.left() / CELL), math.floor(rect.right() / CELL)
    top, bottom = math.floor(rect.top() / CELL), math.floor(rect.bottom() / CELL)
    return ((i, j) for i in range(left, right + 1) for j in range(top, bottom + 1))


def edge_towards(rect: QRectF, point: QPointF) -> QPointF:
    """The point of `rect` nearest to `point` (on its border when `point` lies outside)."""
    return QPointF(
        min(max(point.x(), rect.left()), rect.right()),
        min(max(point.y(), rect.top()), rect.bottom()),
    )


# A line as (x1, y1, dx, dy): read from Qt once, not at every test.
_Segment = tuple[float, float, float, float]


def _segment(line: QLineF) -> _Segment:
    return line.x1(), line.y1(), line.dx(), line.dy()


class LabelPlacer:
    """Remembers what is already on the canvas and finds free room for each new label."""

    def __init__(self, obstacles: Iterable[QRectF] = (), lines: Iterable[QLineF] = ()) -> None:
        self.taken: list[QRectF] = []
        self._edges: list[Edges | None] = []  # the same, as numbers for `placement_arrays`
        # A thousand neurons each with its tags: a grid finds the few rectangles near a place.
        self._grid: dict[tuple[int, int], list[int]] = {}
        # The grid of the placer this one was copied from, shared and read only (see `copy`).
        self._copied_grid: dict[tuple[int, int], list[int]] = {}
        for rect in obstacles:
            self.block(rect)
        # Lines that carry a label in this picture: another label should not sit on them.
        # A few dozen at most, each tested against many boxes at once (`placement_arrays`).
        self.lines: list[QLineF] = []
        self._segments: list[_Segment] = []  # the same lines as plain numbers
        self._segment_array: np.ndarray | None = None  # and as an array, once asked for
        self.add_lines(lines)

    def copy(self) -> LabelPlacer:
        """A placer with all this one holds, to place more in; this one must not change after.

        Its grid is shared, not copied: a thousand neurons' grid took a while to copy at
        every step. The copy notes what it places in a grid of its own and looks in both.
        """
        other = LabelPlacer()
        other.taken, other._edges = list(self.taken), list(self._edges)
        if self._copied_grid:  # a copy of a copy: one grid to share
            other._copied_grid = {
                cell: [*self._copied_grid.get(cell, ()), *self._grid.get(cell, ())]
                for cell in self._copied_grid.keys() | self._grid.keys()
            }
        else:
            other._copied_grid = self._grid
        other.lines, other._segments = list(self.lines), list(self._segments)
        return other

    def _in_cell(self, cell: tuple[int, int]) -> Iterable[int]:
        """What is taken in this grid cell."""
        return itertools.chain(self._copied_grid.get(cell, ()), self._grid.get(cell, ()))

    def add_lines(self, lines: Iterable[QLineF]) -> None:
        """Note lines that carry a label: other labels avoid covering them."""
        for line in lines:
            self.lines.append(QLineF(line))
            self._segments.append(_segment(line))

    def block(self, rect: QRectF) -> None:
        self.taken.append(QRectF(rect))
        self._edges.append(normal_edges(rect))
        index = len(self.taken) - 1
        for cell in _cells(rect):
            self._grid.setdefault(cell, []).append(index)

    def near(self, rect: QRectF) -> list[QRectF]:
        """What is taken in the grid cells `rect` touches (a superset of what it overlaps)."""
        found: set[int] = set()
        for cell in _cells(rect):
            found.update(self._in_cell(cell))
        return [self.taken[k] for k in sorted(found)]

    def is_free(self, rect: QRectF) -> bool:
        # As `near`, but stopping at the first overlap: asked for every tag at every step, so
        # the cells are walked inline (a generator of cells cost half the time).
        grids, taken = (self._copied_grid, self._grid), self.taken
        left, top, right, bottom = rect.getCoords()
        first_j, last_j = math.floor(top / CELL), math.floor(bottom / CELL)
        seen: set[int] = set()
        for i in range(math.floor(left / CELL), math.floor(right / CELL) + 1):
            for j in range(first_j, last_j + 1):
                for grid in grids:
                    for k in grid.get((i, j), ()):
                        if k not in seen:
                            seen.add(k)
                            if rect.intersects(taken[k]):
                                return False
        return True

    def place(
        self, size: QRectF, candidates: Iterable[QPointF], own: QLineF | None = None
    ) -> QPointF:
        """The best free candidate centre for a box of `size`, else the least crowded one; taken."""
        centre = self._choose(size, candidates, own, required=True)
        assert centre is not None  # required: some candidate always wins
        return centre

    def try_place(
        self, size: QRectF, candidates: Iterable[QPointF], own: QLineF | None = None
    ) -> QPointF | None:
        """The best candidate centre where a box of `size` overlaps nothing (taken), or None."""
        return self._choose(size, candidates, own, required=False)

    def place_on_line(self, size: QRectF, line: QLineF, along: Iterable[float] = ALONG) -> QPointF:
        """A centre on (or beside) `line`, free if there is room, else where it covers least."""
        candidates = self.candidates_on_line(size, line, along)
        return self.place(size, candidates, own=line)

    def spot_on_line(
        self, size: QRectF, line: QLineF, along: Iterable[float] = ALONG
    ) -> Spot | None:
        """A free place for a label of `line` (taken), with its leader if it sits off the line;
        None if there is no free place.

        Each box that covers another labelled line, and each leader, counts against a place:
        a box on its own line alone is the clearest, one off it with a leader the next.
        """
        along = tuple(along)
        candidates = self.candidates_on_line(size, line, along)
        # The places on the line first: one there crossing nothing ends the search. Each group
        # is tested at once (`placement_arrays`): fifty places one by one took a while.
        on_the_line = len(along)
        best: tuple[float, int, Spot] | None = None
        for first, last in ((0, on_the_line), (on_the_line, len(candidates))):
            best = self._best_of(size, line, candidates[first:last], first, best)
            if best is not None and best[0] == 0:
                break
        if best is None:
            return None
        spot = best[2]
        self.block(size.translated(spot.centre))
        return spot

    def candidates_on_line(
        self, size: QRectF, line: QLineF, along: Iterable[float] = ALONG
    ) -> list[QPointF]:
        """On the line first, then just beside it (still touching), then off it (needing a leader)."""
        along = list(along)
        length = line.length() or 1.0
        nx, ny = -line.dy() / length, line.dx() / length
        # How far the box reaches across the line from its centre.
        reach = abs(nx) * size.width() / 2 + abs(ny) * size.height() / 2
        offsets = (0.0, 0.7 * reach, reach + LEADER_GAP, 2 * reach + 2 * LEADER_GAP)
        result = []
        for offset in offsets:
            for t in along:
                p = line.pointAt(t)
                for side in (1, -1) if offset else (1,):
                    result.append(QPointF(p.x() + side * nx * offset, p.y() + side * ny * offset))
        return result

    def _best_of(
        self,
        size: QRectF,
        line: QLineF,
        group: list[QPointF],
        first: int,
        best: tuple[float, int, Spot] | None,
    ) -> tuple[float, int, Spot] | None:
        """The cheapest free place of `group` (numbered from `first`) for a label of `line`,
        as (cost, number, spot), if it beats `best`; else `best`. Of equal costs the first.

        Cost: the labelled lines a box covers; off its line, 1 more and its leader's length
        in thousands. A leader through another label or a neuron would mislead: such a place
        is tested last, only if every cheaper one is out.
        """
        if not group:
            return best
        boxes = Boxes(size, group)
        free = ~overlapping(boxes, self._near_edges(boxes))
        crossings = self.crossing_counts(boxes, line)
        on_line = crossing(np.array([_segment(line)]), boxes, margin=1.0)[:, 0]
        leaders = Leaders(line, boxes)  # off the line: from the box to the line
        lengths = leaders.lengths().tolist()
        options = []
        for k in np.flatnonzero(free).tolist():
            cost = float(crossings[k])
            if not on_line[k]:
                cost += 1.0 + lengths[k] / 1000
            options.append((cost, first + k, k))
        options.sort()
        for cost, number, k in options:
            if best is not None and (cost, number) >= best[:2]:
                break
            if on_line[k]:
                return cost, number, Spot(group[k])
            leader = leaders.line(k)
            reach = QRectF(leader.p1(), leader.p2()).normalized()
            if not any(crosses(leader, other) for other in self.near(reach)):
                return cost, number, Spot(group[k], leader.p2())
        return best

    def crossing_counts(self, boxes: Boxes, own: QLineF | None) -> list[int]:
        """How many labelled lines (not `own`, nor one drawn the same) cross each of `boxes`."""
        if not self._segments:  # a neuron's own tags are placed before any line is noted
            return [0] * boxes.left.shape[0]
        if self._segment_array is None or len(self._segment_array) != len(self._segments):
            self._segment_array = np.array(self._segments)
        lines = self._segment_array
        crossed = crossing(lines, boxes)
        if own is not None:
            crossed &= ~(lines == np.array(_segment(own))).all(axis=1)[None, :]
        return crossed.sum(axis=1).tolist()

    def _near_edges(self, boxes: Boxes) -> list[Edges]:
        """The edges of what is taken in the grid cells that any of `boxes` touches."""
        left, top, right, bottom = (
            np.floor(e[:, 0] / CELL).astype(int).tolist() for e in boxes.edges()
        )
        cells = {
            (i, j)
            for first_i, first_j, last_i, last_j in zip(left, top, right, bottom)
            for i in range(first_i, last_i + 1)
            for j in range(first_j, last_j + 1)
        }
        found: set[int] = set()
        for cell in cells:
            found.update(self._in_cell(cell))
        edges = self._edges
        return [e for e in (edges[k] for k in sorted(found)) if e is not None]

    def _choose(
        self, size: QRectF, candidates: Iterable[QPointF], own: QLineF | None, required: bool
    ) -> QPointF | None:
        best: QPointF | None = None
        best_crossings = len(self.lines) + 1
        tried = []  # kept for the fallback; candidates may come from a generator
        for centre in candidates:
            tried.append(centre)
            rect = size.translated(centre)
            if not self.is_free(rect):
                continue
            crossings = self.crossing_counts(Boxes(size, [centre]), own)[0]
            if crossings < best_crossings:
                best, best_crossings = centre, crossings
                if crossings == 0:
                    break
        if not tried:
            raise ValueError("no candidate position")
        if best is None:
            if not required:
                return None
            # Nowhere free: where the box covers least of what is already there.
            best = min(
                tried,
                key=lambda c: overlap_area(size.translated(c), self.near(size.translated(c))),
            )
        self.block(size.translated(best))
        return best
