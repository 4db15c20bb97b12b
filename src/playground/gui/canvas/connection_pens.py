"""How the connection layer draws a line: each weight style's pen, and a connection with
an overlay, a fade or a selection halo (see connection_layer.py)."""

from __future__ import annotations

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen, QPolygonF

from playground.gui.canvas import style
from playground.gui.canvas.connection_item import ConnectionItem, arrow_geometry, flat_pen

# Each weight style's pen and arrowhead brush.
Pens = dict[int, tuple[QPen, QBrush]]


def pens_and_brushes() -> Pens:
    """Each weight style's pen and arrowhead brush, translucent as the style defines them."""
    return {s: (style.connection_pen(s), style.connection_brush(s)) for s in style.WEIGHT_STYLES}


def lit_width(intensity: float) -> float:
    """A lit line's width for its overlay's intensity (0…1): 1 px to the widest weight's."""
    return 1.0 + (style.MAX_CONNECTION_WIDTH - 1.0) * intensity


def draw_line(
    painter: QPainter, pen: QPen, line: QLineF, arrow: tuple[QLineF, QPolygonF] | None
) -> None:
    """`line` in `pen`; given its arrow (see `arrow_geometry`), its shaft and a filled head."""
    painter.setPen(pen)
    if arrow is None:
        painter.drawLine(line)
        return
    shaft, head = arrow
    painter.drawLine(shaft)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(pen.color())
    painter.drawPolygon(head)


def paint_one(painter: QPainter, item: ConnectionItem, arrowheads: bool) -> None:
    """A connection with an overlay, a fade or a selection halo, drawn as it always was."""
    if not item.drawable:
        return
    painter.setOpacity(item.opacity())
    line = item.drawn
    colour = item.flow_colour()
    if colour is not None:
        pen = flat_pen(colour, lit_width(item.flow[2]))
    else:
        pen = style.connection_pen(item.style)
    if item.selected_in_layer:
        painter.setPen(flat_pen(style.SELECTED, pen.widthF() + 5))
        painter.drawLine(line)
    arrow = None
    if arrowheads:
        arrow = arrow_geometry(line, pen.widthF()) if colour is not None else item.arrow()
    draw_line(painter, pen, line, arrow)
    painter.setOpacity(1.0)
