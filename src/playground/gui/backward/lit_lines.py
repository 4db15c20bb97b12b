"""The lit connections of a neuron with hundreds of them, drawn by the overlay in one item.

Lighting a connection restyles its editor item (see EditorLooks): a large network's
stand-in becomes an item, the connection layer hears of the change, its LitLayer draws
the line again. For a neuron with a thousand connections that was most of a step. Past
MANY_LIT connections the overlay draws them itself, with the pen the layer gives a lit line
(flat, in the gradient's colour, wider for a larger value, with arrowheads once zoomed in),
above the unchanged connections and under the neurons. Where a lit line is narrower than
its usual pen, the usual colour shows at its edges, as with the LitLayer.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from playground.gui.canvas import style
from playground.gui.canvas.connection_item import flat_pen
from playground.gui.canvas.connection_layer import ANTIALIAS_FROM, ARROWHEADS_FROM
from playground.gui.canvas.connection_look import arrow_geometry
from playground.gui.canvas.connection_pens import draw_line, lit_width

MANY_LIT = 200  # past this many lit connections of one neuron, drawn here
LIT_Z = 0.4  # above the connection layer (0), under the neurons (1)


class LitLines(QGraphicsItem):
    """Lines (as drawn, border to border), each in its colour and width by intensity."""

    def __init__(self, lines: list[tuple[QLineF, str, float]]) -> None:
        super().__init__()
        self.lines = [(QLineF(line), colour, intensity) for line, colour, intensity in lines]
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(LIT_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        ends = np.array([(li.x1(), li.y1(), li.x2(), li.y2()) for li, _, _ in self.lines])
        if len(ends):
            m = style.CONNECTION_MARGIN
            self._boxes = np.column_stack(
                (
                    np.minimum(ends[:, 0], ends[:, 2]) - m,
                    np.minimum(ends[:, 1], ends[:, 3]) - m,
                    np.maximum(ends[:, 0], ends[:, 2]) + m,
                    np.maximum(ends[:, 1], ends[:, 3]) + m,
                )
            )
            left, top = self._boxes[:, :2].min(axis=0)
            right, bottom = self._boxes[:, 2:].max(axis=0)
            self._bounds = QRectF(left, top, right - left, bottom - top)
        else:
            self._boxes = np.zeros((0, 4))
            self._bounds = QRectF()

    @staticmethod
    def pool_key(lines: list[tuple[QLineF, str, float]]) -> tuple:
        """What `ItemPool` tells these lines by (see `overlay_reuse`)."""
        return tuple((li.x1(), li.y1(), li.x2(), li.y2(), c, i) for li, c, i in lines)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, detail > ANTIALIAS_FROM)
        arrowheads = detail >= ARROWHEADS_FROM
        exposed = option.exposedRect
        boxes = self._boxes
        seen = (
            (boxes[:, 0] <= exposed.right())
            & (boxes[:, 2] >= exposed.left())
            & (boxes[:, 1] <= exposed.bottom())
            & (boxes[:, 3] >= exposed.top())
        )
        colours: dict[str, QColor] = {}
        painter.save()
        painter.setClipRect(exposed, Qt.ClipOperation.IntersectClip)  # as the LitLayer draws
        for k in np.flatnonzero(seen).tolist():
            line, colour, intensity = self.lines[k]
            if line.length() < 1.0:
                continue  # too short to draw, as the layer leaves it
            pen = flat_pen(
                colours.setdefault(colour, QColor(colour)), lit_width(max(0.0, min(1.0, intensity)))
            )
            draw_line(
                painter, pen, line, arrow_geometry(line, pen.widthF()) if arrowheads else None
            )
        painter.restore()
