"""Where to put a label so that it covers no neuron and no other label: a greedy first fit.

Pure geometry (rectangles and lines, no scene): each label is placed once, in
the order the caller gives (the most important first), at the first candidate
position where it overlaps nothing already placed. Among the free candidates
it prefers one that covers no other labelled connection's line, so that where
two lines cross, each box sits on its own line and cannot be read as the
other's. A label pushed off its line gets a leader back to it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF

from playground.gui.canvas.geometry import crosses, segment_crosses

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


def nearest_on(line: QLineF, point: QPointF) -> QPointF:
    """The point of the segment `line` nearest to `point`."""
    length2 = line.dx() ** 2 + line.dy() ** 2
    if length2 == 0:
        return line.p1()
    t = ((point.x() - line.x1()) * line.dx() + (point.y() - line.y1()) * line.dy()) / length2
    return line.pointAt(max(0.0, min(1.0, t)))


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


# A line as (x1, y1, dx, dy, left, top, right, bottom): read from Qt once, not at every test.
_Segment = tuple[float, float, float, float, float, float, float, float]


def _segment(line: QLineF) -> _Segment:
    x0, y0, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    return (x0, y0, dx, dy, min(x0, x0 + dx), min(y0, y0 + dy), max(x0, x0 + dx), max(y0, y0 + dy))


def _line_cells(segment: _Segment) -> Iterable[tuple[int, int]]:
    """The grid cells a segment passes through (a few more where it meets a cell's corner).

    Not those of its bounding box: a line from an input at the top of a thousand to a neuron
    at the bottom would fill thousands of cells it never touches.
    """
    x0, y0, dx, dy = segment[:4]
    first, last = math.floor(segment[4] / CELL), math.floor(segment[6] / CELL)
    for i in range(first, last + 1):
        if dx == 0:
            low_y, high_y = segment[5], segment[7]
        else:
            # The part of the segment inside this column of cells.
            t0 = min(max((i * CELL - x0) / dx, 0.0), 1.0)
            t1 = min(max(((i + 1) * CELL - x0) / dx, 0.0), 1.0)
            low_y, high_y = sorted((y0 + t0 * dy, y0 + t1 * dy))
        for j in range(math.floor(low_y / CELL), math.floor(high_y / CELL) + 1):
            yield i, j


def _crosses(segment: _Segment, box: tuple[float, float, float, float]) -> bool:
    """`geometry.crosses` on plain numbers, after a quick test of the bounding boxes."""
    x0, y0, dx, dy, low_x, low_y, high_x, high_y = segment
    left, top, right, bottom = box
    if high_x < left or low_x > right or high_y < top or low_y > bottom:
        return False
    return segment_crosses(x0, y0, dx, dy, left, top, right, bottom)


class LabelPlacer:
    """Remembers what is already on the canvas and finds free room for each new label."""

    def __init__(self, obstacles: Iterable[QRectF] = (), lines: Iterable[QLineF] = ()) -> None:
        self.taken: list[QRectF] = []
        # A thousand neurons each with its tags: a grid finds the few rectangles near a place.
        self._grid: dict[tuple[int, int], list[int]] = {}
        for rect in obstacles:
            self.block(rect)
        # Lines that carry a label in this picture: another label should not sit on them.
        # Indexed by the cells of their bounding box, so a box far from them tests none.
        self.lines: list[QLineF] = []
        self._segments: list[_Segment] = []  # the same lines as plain numbers, tested often
        self._line_grid: dict[tuple[int, int], list[int]] = {}
        self.add_lines(lines)

    def add_lines(self, lines: Iterable[QLineF]) -> None:
        """Note lines that carry a label: other labels avoid covering them."""
        for line in lines:
            self.lines.append(QLineF(line))
            self._segments.append(_segment(line))
            index = len(self.lines) - 1
            for cell in _line_cells(self._segments[-1]):
                self._line_grid.setdefault(cell, []).append(index)

    def block(self, rect: QRectF) -> None:
        self.taken.append(QRectF(rect))
        index = len(self.taken) - 1
        for cell in _cells(rect):
            self._grid.setdefault(cell, []).append(index)

    def near(self, rect: QRectF) -> list[QRectF]:
        """What is taken in the grid cells `rect` touches (a superset of what it overlaps)."""
        found: set[int] = set()
        for cell in _cells(rect):
            found.update(self._grid.get(cell, ()))
        return [self.taken[k] for k in sorted(found)]

    def is_free(self, rect: QRectF) -> bool:
        # As `near`, but stopping at the first overlap: asked for every tag at every step, so
        # the cells are walked inline (a generator of cells cost half the time).
        grid, taken = self._grid, self.taken
        left, top, right, bottom = rect.getCoords()
        first_j, last_j = math.floor(top / CELL), math.floor(bottom / CELL)
        seen: set[int] = set()
        for i in range(math.floor(left / CELL), math.floor(right / CELL) + 1):
            for j in range(first_j, last_j + 1):
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
        best: Spot | None = None
        best_cost = float("inf")
        for centre in self.candidates_on_line(size, line, along):
            rect = size.translated(centre)
            if not self.is_free(rect):
                continue
            cost = float(self._crossings(rect, line, best_cost))
            anchor = None
            if not crosses(line, rect.adjusted(-1, -1, 1, 1)):
                anchor = nearest_on(line, centre)
                leader = QLineF(edge_towards(rect, anchor), anchor)
                reach = QRectF(leader.p1(), leader.p2()).normalized()
                if any(crosses(leader, other) for other in self.near(reach)):
                    continue  # a leader through another label or a neuron would mislead
                cost += 1.0 + leader.length() / 1000
            if cost < best_cost:
                best, best_cost = Spot(centre, anchor), cost
                if cost == 0:
                    break
        if best is not None:
            self.block(size.translated(best.centre))
        return best

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

    def _crossings(self, rect: QRectF, own: QLineF | None, limit: float = math.inf) -> int:
        """How many labelled lines (not `own`) cross `rect`; counted up to `limit` at most."""
        if not self._line_grid:  # a neuron's own tags are placed before any line is noted
            return 0
        near: set[int] = set()
        for cell in _cells(rect):
            near.update(self._line_grid.get(cell, ()))
        if not near:
            return 0
        mine = _segment(own)[:4] if own is not None else None
        box = rect.left(), rect.top(), rect.right(), rect.bottom()
        segments = self._segments
        count = 0
        for k in near:
            if segments[k][:4] != mine and _crosses(segments[k], box):
                count += 1
                if count >= limit:
                    break  # no better than the best place found: how much worse does not matter
        return count

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
            crossings = self._crossings(rect, own, best_crossings)
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
