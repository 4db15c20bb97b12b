"""A connection on the canvas: a line with an arrowhead, blue or orange, wider for larger |w|.

The bounding rectangle leaves room for the widest pen, so restyling after the
weights change is a repaint, never a geometry change. `set_flow` and
`reset_overlay` let overlays (gradients in the backward step-through) recolour it.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from playground.gui.canvas import style
from playground.gui.canvas.neuron_item import NeuronItem

HIT_WIDTH = 9.0
_EMPTY = QRectF()


class ConnectionItem(QGraphicsItem):
    """source → target; follows its neurons through `adjust()`."""

    Type = QGraphicsItem.UserType + 2

    def __init__(self, source: NeuronItem, target: NeuronItem, weight: float) -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.key = (source.neuron_id, target.neuron_id)
        self._line = QLineF()
        self._bounds = _EMPTY
        self._shape: QPainterPath | None = None
        self._flow: tuple[str | None, QColor | None, float] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.set_weight(weight)
        source.connections.append(self)
        target.connections.append(self)
        self.adjust()

    def type(self) -> int:
        return ConnectionItem.Type

    def detach(self) -> None:
        """Forget the neurons (before the item leaves the scene)."""
        self.source.connections.remove(self)
        self.target.connections.remove(self)

    # ----------------------------------------------------------------- model

    def set_weight(self, weight: float) -> None:
        """Restyle for a weight; a repaint only."""
        self.weight = weight
        self.style = style.weight_style(weight)
        self.update()

    def set_flow(self, text: str | None, colour: QColor | None, intensity: float = 1.0) -> None:
        """Overlay: draw in `colour` with width by `intensity` (0..1), and `text` at the middle."""
        self._flow = (text, colour, max(0.0, min(1.0, intensity)))
        self.update()

    def reset_overlay(self) -> None:
        self._flow = None
        self.setOpacity(1.0)
        self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        self.setOpacity(0.2 if dimmed else 1.0)

    # ----------------------------------------------------------------- geometry

    def adjust(self) -> None:
        """Recompute the line from the neurons' current positions (elasticnodes' habit)."""
        start = self.source.border_point(self.target.pos())
        end = self.target.border_point(self.source.pos())
        self.prepareGeometryChange()
        self._line = QLineF(start, end)
        self._shape = None
        m = style.CONNECTION_MARGIN
        self._bounds = QRectF(start, end).normalized().adjusted(-m, -m, m, m)

    def line(self) -> QLineF:
        return QLineF(self._line)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Computed on demand: only hit tests need it, and there can be 10,000 connections.
        if self._shape is None:
            path = QPainterPath(self._line.p1())
            path.lineTo(self._line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(HIT_WIDTH)
            self._shape = stroker.createStroke(path)
        return self._shape

    # ----------------------------------------------------------------- paint

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        line = self._line
        length = line.length()
        if length < 1.0:
            return
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, detail > 0.35)
        flow_text = None
        if self._flow is not None and self._flow[1] is not None:
            flow_text, colour, intensity = self._flow
            pen = QPen(colour, 1.0 + (style.MAX_CONNECTION_WIDTH - 1.0) * intensity)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            brush = colour
        else:
            if self._flow is not None:
                flow_text = self._flow[0]
            pen = style.connection_pen(self.style)
            brush = style.connection_brush(self.style)
        if self.isSelected():
            halo = QPen(style.SELECTED, pen.widthF() + 5)
            halo.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(halo)
            painter.drawLine(line)

        if detail < 0.25:
            painter.setPen(pen)
            painter.drawLine(line)
            return
        # Stop the line where the arrowhead begins so the tip stays sharp.
        arrow = style.ARROW_LENGTH + pen.widthF()
        ux, uy = line.dx() / length, line.dy() / length
        tip = line.p2()
        base = QPointF(tip.x() - ux * arrow, tip.y() - uy * arrow)
        painter.setPen(pen)
        painter.drawLine(QLineF(line.p1(), base))
        half = arrow * 0.45
        head = QPolygonF(
            [tip, QPointF(base.x() - uy * half, base.y() + ux * half),
             QPointF(base.x() + uy * half, base.y() - ux * half)]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(brush)
        painter.drawPolygon(head)

        scene = self.scene()
        label = flow_text
        if label is None and scene is not None and getattr(scene, "show_weight_labels", False):
            label = style.format_number(self.weight)
        if label and detail > 0.5:
            self._draw_label(painter, label, line)

    def _draw_label(self, painter: QPainter, text: str, line: QLineF) -> None:
        # A little past the middle towards the target, where fans of lines spread out.
        at = line.pointAt(0.58)
        painter.setFont(style.font(7))
        width = min(7.0 * len(text) * 0.62 + 6, 2 * style.CONNECTION_MARGIN)
        rect = QRectF(at.x() - width / 2, at.y() - 7, width, 13)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.fill_brush("#f2ffffff"))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(style.TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def tooltip_text(self) -> str:
        return f"{self.key[0]} → {self.key[1]}\nweight {self.weight!r}"
