"""Where to put a label so that it covers no neuron and no other label: a greedy first fit."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF

# Positions along a connection to try. The middle comes third: it is where the lines of a layered
# network cross, and a label there could belong to either.
ALONG = (0.62, 0.38, 0.5, 0.72, 0.28, 0.8, 0.2)


def _overlap(rect: QRectF, others: Iterable[QRectF]) -> float:
    total = 0.0
    for other in others:
        common = rect.intersected(other)
        if not common.isEmpty():
            total += common.width() * common.height()
    return total


class LabelPlacer:
    """Remembers what is already on the canvas and finds free room for each new label."""

    def __init__(self, obstacles: Iterable[QRectF] = ()) -> None:
        self.taken: list[QRectF] = [QRectF(r) for r in obstacles]

    def block(self, rect: QRectF) -> None:
        self.taken.append(QRectF(rect))

    def place(self, size: QRectF, candidates: Iterable[QPointF]) -> QPointF:
        """The first candidate centre where a box of `size` overlaps nothing, else the least crowded."""
        best, best_overlap = None, float("inf")
        for centre in candidates:
            rect = size.translated(centre)
            overlap = _overlap(rect, self.taken)
            if overlap < best_overlap:
                best, best_overlap = centre, overlap
            if overlap == 0:
                break
        if best is None:
            raise ValueError("no candidate position")
        self.block(size.translated(best))
        return best

    def place_on_line(self, size: QRectF, line: QLineF, along: Iterable[float] = ALONG) -> QPointF:
        """A centre on `line` at the first fraction of `along` with room, else just off the line."""
        along = list(along)
        on_line = [line.pointAt(t) for t in along]
        length = line.length() or 1.0
        # Half a label's height off the line: it still touches its own line, never drifts onto another.
        nx, ny = -line.dy() / length, line.dx() / length
        clear = size.height() / 2
        beside = [
            QPointF(p.x() + side * nx * clear, p.y() + side * ny * clear)
            for p in on_line
            for side in (-1, 1)
        ]
        return self.place(size, on_line + beside)
