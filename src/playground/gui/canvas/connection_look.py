"""What a connection shows, item or not: its weight's style, its line from border to border,
and the label written on it.

Shared by the ConnectionItem (clickable, selectable, with overlays) and the
ConnectionLine that stands in for it in a large network until an item is
needed (see connection_line.py). The ConnectionLayer draws either from these
attributes; whatever changes how one looks tells the layer.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QPolygonF

from playground.engine.formatting import format_number
from playground.gui.canvas import neuron_shape, style
from playground.gui.canvas.style import CANVAS_DIGITS

if TYPE_CHECKING:
    from playground.gui.canvas.connection_layer import ConnectionLayer
    from playground.gui.canvas.neuron_item import NeuronItem


# left, top, right, bottom: the area a connection's drawing covers (see ConnectionLook.edges).
Edges = tuple[float, float, float, float]


class ConnectionLook:
    """source → target as drawn: `weight`, `style`, `drawn`, `edges`, `drawable`; follows its
    neurons through `adjust()`."""

    __slots__ = ()
    source: NeuronItem
    target: NeuronItem
    key: tuple[str, str]
    weight: float
    style: int
    layer: ConnectionLayer | None
    drawn: QLineF  # border to border: what is drawn
    # `area()` as (left, top, right, bottom), kept for the layer's paint: plain numbers, as a
    # large network's are computed all at once and a QRectF each would cost more than the rest.
    edges: Edges
    bounds: QRectF  # `area()` as a rectangle, from `edges`
    drawable: bool  # too short a line is not drawn
    _arrow: tuple[QLineF, QPolygonF] | None
    flow: tuple[str | None, object, float] | None

    def detach(self) -> None:
        """Forget the neurons (before the connection leaves the scene)."""
        del self.source.connections[self]
        del self.target.connections[self]

    # ----------------------------------------------------------------- model

    def set_weight(self, weight: float) -> None:
        """Take a new weight; the canvas repaints only if its width or colour changes, or its label shows it."""
        self.weight = weight
        new_style = style.weight_style(weight)
        if new_style != self.style:
            self.restyle(new_style)
        elif self.layer is not None and self.layer.shows_weight_labels():
            self.layer.repaint(self)

    def restyle(self, new_style: int) -> None:
        """Draw with the pen of another weight style (see `style.weight_style`)."""
        self.style = new_style
        self._arrow = None
        if self.layer is not None:
            self.layer.restyled(self)

    def label_text(self, show_weight: bool, digits: int = CANVAS_DIGITS) -> str | None:
        """The text drawn on the line: the overlay's, else the weight (to `digits` significant
        digits) when weight labels are on."""
        if self.flow is not None and self.flow[0] is not None:
            return self.flow[0]
        return format_number(self.weight, digits) if show_weight else None

    # ----------------------------------------------------------------- geometry

    def adjust(self, centres: tuple[float, float, float, float] | None = None) -> None:
        """Recompute the line from the neurons' current positions (elasticnodes' habit)."""
        # As NeuronItem.border_point from each end, with the two centres read once: building
        # ten thousand connections spent most of its time here.
        source, target = self.source, self.target
        if centres is None:
            # Reading a position from Qt costs more than the rest of this method.
            a, b = source.pos(), target.pos()
            centres = a.x(), a.y(), b.x(), b.y()
        ax, ay, bx, by = centres
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        if length < 1e-9:
            sx, sy, ex, ey = ax, ay, bx, by
        else:
            ux, uy = dx / length, dy / length
            out = neuron_shape.border_reach(source.role, source.half_width, ux, uy) + 1.0
            back = neuron_shape.border_reach(target.role, target.half_width, -ux, -uy) + 1.0
            sx, sy = ax + ux * out, ay + uy * out
            ex, ey = bx - ux * back, by - uy * back
        layer = self.layer
        if layer is None:
            self._take_line(sx, sy, ex, ey)
        else:
            old = self.drawn
            self._take_line(sx, sy, ex, ey)
            layer.moved(self, old)

    def _take_line(self, sx: float, sy: float, ex: float, ey: float) -> None:
        """Draw from (sx, sy) to (ex, ey): the line and its bounds."""
        self.drawn = QLineF(sx, sy, ex, ey)
        if self._arrow is not None:  # a read: cheaper than setting it on a new item
            self._arrow = None
        # As `area()`, from the numbers at hand: Qt's points cost more than the arithmetic.
        m = style.CONNECTION_MARGIN
        self.edges = (min(sx, ex) - m, min(sy, ey) - m, max(sx, ex) + m, max(sy, ey) + m)
        self.drawable = math.hypot(ex - sx, ey - sy) >= 1.0

    def line(self) -> QLineF:
        return QLineF(self.drawn)

    def area(self, line: QLineF | None = None) -> QRectF:
        """The scene rectangle the connection's drawing (pen, arrowhead, halo, label) can cover."""
        line = self.drawn if line is None else line
        m = style.CONNECTION_MARGIN
        return QRectF(line.p1(), line.p2()).normalized().adjusted(-m, -m, m, m)

    def arrow(self) -> tuple[QLineF, QPolygonF]:
        """The line up to the arrowhead and the arrowhead, for the width of its weight's pen."""
        if self._arrow is None:
            self._arrow = arrow_geometry(self.drawn, style.connection_pen(self.style).widthF())
        return self._arrow


def arrow_size(width: float) -> tuple[float, float]:
    """An arrowhead's length along its line and half its width across, for a pen `width`."""
    arrow = style.ARROW_LENGTH + width
    return arrow, arrow * 0.45


def arrow_geometry(line: QLineF, width: float) -> tuple[QLineF, QPolygonF]:
    """The shaft stops where the arrowhead begins, so the tip stays sharp at any width."""
    length = line.length()
    if length < 1.0:
        return QLineF(line.p1(), line.p1()), QPolygonF()
    arrow, half = arrow_size(width)
    ux, uy = line.dx() / length, line.dy() / length
    tip = line.p2()
    base = QPointF(tip.x() - ux * arrow, tip.y() - uy * arrow)
    head = QPolygonF(
        [
            tip,
            QPointF(base.x() - uy * half, base.y() + ux * half),
            QPointF(base.x() + uy * half, base.y() - ux * half),
        ]
    )
    return QLineF(line.p1(), base), head


def edges_of(rect: QRectF) -> Edges:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def edges_meet(a: Edges, b: Edges) -> bool:
    """Two areas overlap, as QRectF.intersects has it (touching is not overlapping)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
