"""A neuron on the canvas: a shape by role, its name inside, its bias below.

Connections follow a moving neuron through `move_to` / `adjust_connections`
(the elasticnodes habit, without an itemChange override; see `adjust_connections`).

The item shows the model and holds nothing the file needs. Its public styling
methods (badge, dimmed, highlighted, value text) let overlays such as the
backward step-through draw on it without touching the editor's own look.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from playground.engine.formatting import format_number
from playground.gui.canvas import style
from playground.gui.canvas.style import CANVAS_DIGITS
from playground.model.neuron import Neuron

R = style.NEURON_RADIUS
BOUNDS = QRectF(-60.0, -46.0, 120.0, 92.0)
NAME_RECT = QRectF(-R + 2, -R + 2, 2 * R - 4, 2 * R - 4)


class NeuronItem(QGraphicsItem):
    """One neuron; connections attached to it adjust when it moves."""

    Type = QGraphicsItem.UserType + 1

    def __init__(self, neuron: Neuron) -> None:
        super().__init__()
        self.neuron_id = neuron.id
        self.connections: list = []
        self._connect_state: str | None = None  # "allowed" / "refused" while a connection is drawn
        self._highlighted = False
        self._tip = ""
        self._shown: tuple[str, str, str | None] | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1.0)
        self.update_from(neuron)

    def type(self) -> int:
        return NeuronItem.Type

    # ----------------------------------------------------------------- model

    def update_from(self, neuron: Neuron) -> None:
        """Take the role, name, bias and position to show from the model's neuron."""
        shown = (
            neuron.role,
            neuron.display_name,
            None if neuron.is_input else "b " + format_number(neuron.bias, CANVAS_DIGITS),
        )
        self.activation = neuron.activation
        tip = f"{neuron.id}" + (f" “{neuron.label}”" if neuron.label else "") + f" — {neuron.role}"
        if not neuron.is_input:
            tip += f"\nactivation {neuron.activation}\nbias {neuron.bias!r}"
        if tip != self._tip:
            self._tip = tip
            self.setToolTip(tip)
        # The picture is cached; redrawing it only when its text changes keeps a
        # restyle during training from redrawing every neuron.
        changed = shown != self._shown
        if changed:
            self._shown = shown
            self.role, self.name, self.bias_text = shown
        if self.pos() != QPointF(neuron.x, neuron.y):
            self.move_to(neuron.x, neuron.y)
        if changed:
            self.update()

    # ----------------------------------------------------------------- overlays

    def set_connect_state(self, state: str | None) -> None:
        """Green ring ("allowed") or red ring ("refused") while a connection is dragged onto it."""
        if state != self._connect_state:
            self._connect_state = state
            self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        """A warm glow around the neuron (the one being stepped through)."""
        self._highlighted = highlighted
        self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        """Fade the neuron (not yet reached, or not involved)."""
        self.setOpacity(0.3 if dimmed else 1.0)

    def reset_overlay(self) -> None:
        self._highlighted = False
        self.setOpacity(1.0)
        self.update()

    # ----------------------------------------------------------------- geometry

    def boundingRect(self) -> QRectF:
        return BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), R + 2, R + 2)
        return path

    def border_point(self, towards: QPointF) -> QPointF:
        """Where a line from the centre towards `towards` (scene coordinates) leaves the shape."""
        centre = self.pos()
        dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
        length = (dx * dx + dy * dy) ** 0.5
        if length < 1e-9:
            return centre
        reach = R + 1.0
        if self.role == "input":
            # A rounded square: leave at the square's side (not further than the corner).
            side = style.INPUT_HALF_SIDE + 1.0
            reach = side / max(abs(dx), abs(dy)) * length
            reach = min(reach, side * 1.3)
        return QPointF(centre.x() + dx / length * reach, centre.y() + dy / length * reach)

    def move_to(self, x: float, y: float) -> None:
        """Place the neuron and bring its connections along."""
        self.setPos(x, y)
        self.adjust_connections()

    def adjust_connections(self) -> None:
        # Called by whoever moves the item rather than from itemChange: in PySide6 6.12 an
        # itemChange override corrupts reference counts and crashes the interpreter.
        for connection in self.connections:
            connection.adjust()

    # ----------------------------------------------------------------- paint

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._highlighted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.fill_brush("#ffe28a"))
            painter.drawEllipse(QPointF(0, 0), R + 8, R + 8)
        ring = None
        if self._connect_state == "allowed":
            ring = style.ALLOWED
        elif self._connect_state == "refused":
            ring = style.REFUSED
        elif self.isSelected():
            ring = style.SELECTED
        if ring is not None:
            painter.setPen(style.outline_pen(ring.name(), 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.role == "input":
                side = style.INPUT_HALF_SIDE + 4
                painter.drawRoundedRect(QRectF(-side, -side, 2 * side, 2 * side), 7, 7)
            else:
                painter.drawEllipse(QPointF(0, 0), R + 4, R + 4)

        border = style.ROLE_BORDER[self.role].name()
        painter.setBrush(style.fill_brush(style.ROLE_FILL[self.role].name()))
        if self.role == "input":
            painter.setPen(style.outline_pen(border, 1.6))
            side = style.INPUT_HALF_SIDE
            painter.drawRoundedRect(QRectF(-side, -side, 2 * side, 2 * side), 5, 5)
        elif self.role == "output":
            painter.setPen(style.outline_pen(border, 1.6))
            painter.drawEllipse(QPointF(0, 0), R, R)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), R - 3.5, R - 3.5)
        else:
            painter.setPen(style.outline_pen(border, 1.6))
            painter.drawEllipse(QPointF(0, 0), R, R)

        painter.setPen(style.TEXT)
        name_font = style.font(9.0 if len(self.name) <= 3 else 7.5, bold=True)
        painter.setFont(name_font)
        name = QFontMetricsF(name_font).elidedText(
            self.name, Qt.TextElideMode.ElideRight, NAME_RECT.width()
        )
        painter.drawText(NAME_RECT, Qt.AlignmentFlag.AlignCenter, name)

        if self.bias_text is not None:
            painter.setFont(style.font(8.5))
            painter.setPen(style.MUTED_TEXT)
            painter.drawText(
                QRectF(-58, R + 1, 116, 16), Qt.AlignmentFlag.AlignHCenter, self.bias_text
            )
