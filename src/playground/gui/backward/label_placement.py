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
from collections.abc import Iterable, Sequence

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF

from playground.gui.backward.placement_arrays import (
    Boxes,
    Edges,
    Segment,
    crossing,
    normal_edges,
    segment_of,
)
from playground.gui.backward.placement_batch import (
    PlacementBatch,
    Request,
    Spot,
    candidate_centres,
)
from playground.gui.backward.placement_script import NOT_SCRIPTED, KeptChoices

# Positions along a connection to try. The middle comes third: it is where the lines of a layered
# network cross, and a label there could belong to either.
ALONG = (0.62, 0.38, 0.5, 0.72, 0.28, 0.8, 0.2)
CELL = 80.0  # side of the grid cells that index what is taken


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
        self._segments: list[Segment] = []  # the same lines as plain numbers
        self._segment_array: np.ndarray | None = None  # and as an array, once asked for
        # The edges of the first so many taken as an array (see `edge_array`).
        self._base_edges: tuple[int, np.ndarray] | None = None
        self.add_lines(lines)
        # Every choice made, in order, and the choices of an earlier showing to make again
        # (see placement_script.py).
        self.record: list[tuple[int, tuple[float, ...] | None]] = []
        self.script: KeptChoices | None = None
        self._scripted = 0  # how many of the script's choices were made again

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
        self.edge_array()  # made once here, then shared by every copy
        other._base_edges = self._base_edges
        return other

    def _in_cell(self, cell: tuple[int, int]) -> Iterable[int]:
        """What is taken in this grid cell."""
        return itertools.chain(self._copied_grid.get(cell, ()), self._grid.get(cell, ()))

    def add_lines(self, lines: Iterable[QLineF]) -> None:
        """Note lines that carry a label: other labels avoid covering them."""
        for line in lines:
            self.lines.append(QLineF(line))
            self._segments.append(segment_of(line))

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
        asked = hash(("place", size.getRect(), None if own is None else segment_of(own)))
        chosen = self.scripted(asked)
        if chosen is NOT_SCRIPTED:
            centre = self._choose(size, candidates, own)
        else:
            centre = QPointF(*chosen)
            self.block(size.translated(centre))
        # Plain numbers, not Qt's points: a frame's choices are kept (placement_script.py).
        self.record.append((asked, (centre.x(), centre.y())))
        return centre

    def scripted(self, asked: int) -> object:
        """The script's next answer if it was asked the same (`asked`: the question's hash),
        else NOT_SCRIPTED; from then on every choice is made anew, as the frame no longer
        asks what it asked before."""
        script = self.script
        if script is None:
            return NOT_SCRIPTED
        answer = script.answer(self._scripted, asked)
        if answer is NOT_SCRIPTED:
            self.script = None
        else:
            self._scripted += 1
        return answer

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
        return self.batch([(size, line, tuple(along))]).spot(0)

    def batch(self, requests: Sequence[Request]) -> PlacementBatch:
        """Labels to place in turn with `spot_on_line`'s choices, their candidates tested at once."""
        return PlacementBatch(self, requests)

    def candidates_on_line(
        self, size: QRectF, line: QLineF, along: Iterable[float] = ALONG
    ) -> list[QPointF]:
        """On the line first, then just beside it (still touching), then off it (needing a leader)."""
        return candidate_centres(size, line, tuple(along))

    def edge_array(self) -> np.ndarray:
        """The edges of all that is taken (rows of left, top, right, bottom), empty ones left out.

        The part copied from another placer is made into an array once and shared.
        """
        base = self._base_edges
        if base is None or base[0] > len(self._edges):
            base = (0, np.zeros((0, 4)))
        count, array = base
        if count < len(self._edges):
            more = [e for e in self._edges[count:] if e is not None]
            if more:
                array = np.concatenate([array, np.array(more)])
            self._base_edges = base = (len(self._edges), array)
        return base[1]

    def edges_since(self, count: int) -> list[Edges | None]:
        """The edges of what was taken after the first `count` (None for an empty rectangle)."""
        return self._edges[count:]

    def segment_array(self) -> np.ndarray:
        """The labelled lines as rows of x1, y1, dx, dy."""
        if self._segment_array is None or len(self._segment_array) != len(self._segments):
            self._segment_array = np.array(self._segments).reshape(-1, 4)
        return self._segment_array

    def crossing_counts(self, boxes: Boxes, own: QLineF | None) -> list[int]:
        """How many labelled lines (not `own`, nor one drawn the same) cross each of `boxes`."""
        if not self._segments:  # a neuron's own tags are placed before any line is noted
            return [0] * boxes.left.shape[0]
        lines = self.segment_array()
        crossed = crossing(lines, boxes)
        if own is not None:
            crossed &= ~(lines == np.array(segment_of(own))).all(axis=1)[None, :]
        return crossed.sum(axis=1).tolist()

    def _choose(self, size: QRectF, candidates: Iterable[QPointF], own: QLineF | None) -> QPointF:
        best: QPointF | None = None
        best_crossings = len(self.lines) + 1
        tried = []  # kept for the fallback; candidates may come from a generator
        for centre in candidates:
            tried.append(centre)
            rect = size.translated(centre)
            if not self.is_free(rect):
                continue
            # A neuron's own tags come before any labelled line: nothing to count then.
            crossings = self.crossing_counts(Boxes(size, [centre]), own)[0] if self._segments else 0
            if crossings < best_crossings:
                best, best_crossings = centre, crossings
                if crossings == 0:
                    break
        if not tried:
            raise ValueError("no candidate position")
        if best is None:
            # Nowhere free: where the box covers least of what is already there.
            best = min(
                tried,
                key=lambda c: overlap_area(size.translated(c), self.near(size.translated(c))),
            )
        self.block(size.translated(best))
        return best
