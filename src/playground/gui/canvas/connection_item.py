"""A connection on the canvas: its weight, its overlays and the area a click must hit.

The item paints nothing itself (ItemHasNoContents): the scene's ConnectionLayer
draws every connection in one loop, because ten thousand items painted one by
one cost Qt far more than the lines. The item is a QGraphicsPathItem holding
its line under a wide invisible pen, so Qt computes its hit shape and keeps
its bounds in C++; it stays selectable and shows its tooltip as before.
Whatever changes how it looks (weight, overlay, opacity, position) tells the
layer.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from playground.engine.formatting import format_number
from playground.gui.canvas import neuron_shape, style
from playground.gui.canvas.neuron_item import NeuronItem
from playground.gui.canvas.style import CANVAS_DIGITS

if TYPE_CHECKING:
    from playground.gui.canvas.connection_layer import ConnectionLayer

HIT_WIDTH = 9.0
# A square-capped stroke of this width is the clickable shape, as Qt strokes it for any line.
_HIT_PEN = QPen(QColor(0, 0, 0, 0), HIT_WIDTH)
# Combined once: or-ing enum flags in Python costs more than the rest of the constructor.
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
)


class ConnectionItem(QGraphicsPathItem):
    """source → target; follows its neurons through `adjust()`."""

    Type = QGraphicsItem.UserType + 2

    def __init__(
        self,
        source: NeuronItem,
        target: NeuronItem,
        weight: float,
        centres: tuple[float, float, float, float] | None = None,
    ) -> None:
        """`centres`: the neurons' (x, y, x, y) if known (a scene building thousands reads each once)."""
        super().__init__()
        self.source = source
        self.target = target
        self.key = (source.neuron_id, target.neuron_id)
        self.layer: ConnectionLayer | None = None  # set while a layer draws it
        self.weight = weight
        self.style = style.weight_style(weight)
        self.flow: tuple[str | None, QColor | None, float] | None = None
        self.special = False  # an overlay, a fade or a halo: drawn with its own pen and opacity
        # Special and drawn so by the layer itself (not by its LitLayer on top): set by the layer.
        self.special_here = False
        self.selected_in_layer = False  # the layer's copy of Qt's selection, taken when it paints
        self.drawn = QLineF()  # border to border: what is drawn when zoomed far out
        self.bounds = QRectF()  # `area()`, kept for the layer's paint
        self.drawable = False  # too short a line is not drawn
        self._arrow: tuple[QLineF, QPolygonF] | None = None
        self.setPen(_HIT_PEN)
        self.setFlags(_FLAGS)
        source.connections.append(self)
        target.connections.append(self)
        self.adjust(centres)

    def type(self) -> int:
        return ConnectionItem.Type

    def detach(self) -> None:
        """Forget the neurons (before the item leaves the scene)."""
        self.source.connections.remove(self)
        self.target.connections.remove(self)

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

    # ----------------------------------------------------------------- overlays

    def set_flow(self, text: str | None, colour: QColor | None, intensity: float = 1.0) -> None:
        """Overlay: draw in `colour` with width by `intensity` (0..1), and `text` at the middle."""
        self.flow = (text, colour, max(0.0, min(1.0, intensity)))
        self._overlay_changed()

    def set_overlay_look(self, colour: QColor | None, intensity: float, opacity: float) -> None:
        """Overlay: a flow in `colour` (none if None) and an opacity at once, told once: a step
        of a large network relights a thousand lines."""
        self.flow = None if colour is None else (None, colour, max(0.0, min(1.0, intensity)))
        if self.opacity() != opacity:
            self.setOpacity(opacity)
        self._overlay_changed()

    def reset_overlay(self) -> None:
        self.flow = None
        self.setOpacity(1.0)
        self._overlay_changed()

    def overlay_look(self) -> tuple[QColor | None, float, float]:
        """(flow colour, its intensity, opacity) as an overlay without text left them."""
        if self.flow is None:
            return None, 0.0, self.opacity()
        text, colour, intensity = self.flow
        # A text on the line is someone else's overlay: it never equals the trace's look.
        return (colour, intensity, self.opacity()) if text is None else (QColor(), -1.0, -1.0)

    def set_dimmed(self, dimmed: bool) -> None:
        self.set_faded_opacity(0.2 if dimmed else 1.0)

    def set_faded_opacity(self, opacity: float) -> None:
        """Fade the connection: the layer draws it, so the layer must hear of the change
        (QGraphicsItem.setOpacity alone would not tell it)."""
        self.setOpacity(opacity)
        self._overlay_changed()

    def flow_colour(self) -> QColor | None:
        return self.flow[1] if self.flow is not None else None

    def label_text(self, show_weight: bool, digits: int = CANVAS_DIGITS) -> str | None:
        """The text drawn on the line: the overlay's, else the weight (to `digits` significant
        digits) when weight labels are on."""
        if self.flow is not None and self.flow[0] is not None:
            return self.flow[0]
        return format_number(self.weight, digits) if show_weight else None

    def update_special(self) -> None:
        """Note whether the layer must draw this connection on its own (overlay, fade or halo)."""
        self.special = (
            self.selected_in_layer
            or (self.flow is not None and self.flow[1] is not None)
            or self.opacity() != 1.0
        )

    def _overlay_changed(self) -> None:
        self.update_special()
        if self.layer is not None:
            self.layer.overlay_changed(self)

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
        old = self.drawn
        self.drawn = QLineF(sx, sy, ex, ey)
        self._arrow = None
        # As `area()`, from the numbers at hand: Qt's points cost more than the arithmetic.
        m = style.CONNECTION_MARGIN
        self.bounds = QRectF(
            min(sx, ex) - m, min(sy, ey) - m, abs(ex - sx) + 2 * m, abs(ey - sy) + 2 * m
        )
        self.drawable = math.hypot(ex - sx, ey - sy) >= 1.0
        path = QPainterPath()
        path.moveTo(sx, sy)
        path.lineTo(ex, ey)
        self.setPath(path)
        if self.layer is not None:
            self.layer.moved(self, old)

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

    def tooltip_text(self) -> str:
        text = QCoreApplication.translate("ConnectionItem", "{source} → {target}\nweight {weight}")
        return text.format(source=self.key[0], target=self.key[1], weight=repr(self.weight))


def arrow_geometry(line: QLineF, width: float) -> tuple[QLineF, QPolygonF]:
    """The shaft stops where the arrowhead begins, so the tip stays sharp at any width."""
    length = line.length()
    if length < 1.0:
        return QLineF(line.p1(), line.p1()), QPolygonF()
    arrow = style.ARROW_LENGTH + width
    ux, uy = line.dx() / length, line.dy() / length
    tip = line.p2()
    base = QPointF(tip.x() - ux * arrow, tip.y() - uy * arrow)
    half = arrow * 0.45
    head = QPolygonF(
        [
            tip,
            QPointF(base.x() - uy * half, base.y() + ux * half),
            QPointF(base.x() + uy * half, base.y() - ux * half),
        ]
    )
    return QLineF(line.p1(), base), head


def flat_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen
